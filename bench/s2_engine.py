"""BENCHMARK.md "S2" level 1 through the product: the simulated pair written as GeoTIFFs (the 40 m
raster with the grid convention's offset of -(r-1)/2 high-res pixels), fused by
``run_algorithm('sentinel2', ...)`` (the engine's alignment, per-scene scaling, tiling), scored
against the real 20 m bands (border 2). Usage: python -m bench.s2_engine [--methods 0,1]
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

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import s2  # noqa: E402


def write_pair(folder: Path):
    import rasterio
    from affine import Affine
    x10, y20 = s2.load_crop()
    low, high, ref = s2.wald_level1(x10, y20)
    d = s2.data_dir()
    with rasterio.open(d / "s2_B05.jp2") as r:
        t20, crs = r.transform, r.crs
    # the crop's 20 m grid starts at 20 m column 1 of the file
    t_high = t20 * Affine.translation(1, 0)
    t_low = t_high * Affine.translation(-0.5, -0.5) * Affine.scale(2)
    paths = {}
    for key, arr, t, names in (("B10M", high, t_high, s2.B10), ("B20M", low, t_low, s2.B20)):
        a = arr[0].numpy().astype(np.float32)
        p = folder / f"{key}.tif"
        with rasterio.open(p, "w", driver="GTiff", width=a.shape[2], height=a.shape[1], count=a.shape[0],
                           dtype="float32", transform=t, crs=crs) as dst:
            dst.write(a)
            for i, b in enumerate(names):
                dst.set_band_description(i + 1, b)
        paths[key] = str(p)
    return paths, ref


def main(argv=None):
    import rasterio
    import torch

    from fusediff.engine.context import RunContext
    from fusediff.engine.run import run_algorithm
    ap = argparse.ArgumentParser()
    ap.add_argument("--methods", default="0,1")
    ap.add_argument("--out", default=str(ROOT / "bench" / "s2_engine.json"))
    ap.add_argument("--seed", type=int, default=0, help="the algorithm's SEED")
    args = ap.parse_args(argv)
    folder = Path(tempfile.mkdtemp(prefix="s2eng_"))
    paths, ref = write_pair(folder)
    rows = []
    for m in [int(v) for v in args.methods.split(",")]:
        out = folder / f"out{m}.tif"
        t0, c0 = time.time(), time.process_time()
        run_algorithm("sentinel2", {**paths, "METHOD": m, "SEED": args.seed, "OUTPUT": str(out)},
                      RunContext(threads=1))
        wall, cpu = time.time() - t0, time.process_time() - c0
        with rasterio.open(out) as r:
            a = r.read()
        assert a.shape[1:] == ref.shape[-2:], (a.shape, ref.shape)
        row = {"case": "crop, level 1 (40 m -> 20 m), through the engine (GeoTIFFs)",
               "method": ["METHOD 0 (regression + injection)", "METHOD 1 (learned, self-trained)"][m],
               **s2.scores(torch.from_numpy(a)[None], ref), "seconds": wall, "cpu_seconds": cpu}
        print(json.dumps(row), flush=True)
        rows.append(row)
    from dataclasses import asdict
    from fusediff.models.sentinel2 import Sentinel2Config
    meta = {"config": {**asdict(Sentinel2Config()), "seed": args.seed, "engine": True}, "seconds": sum(r["seconds"] for r in rows),
            "load_avg": os.getloadavg(),
            "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "torch_threads": 1,
            "machine": os.uname().nodename}
    Path(args.out).write_text(json.dumps({"meta": meta, "rows": rows}, indent=1))
    for p in folder.iterdir():
        p.unlink()
    folder.rmdir()


if __name__ == "__main__":
    main()
