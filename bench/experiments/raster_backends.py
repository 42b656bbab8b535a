"""rasterio vs GDAL's own bindings (osgeo.gdal) as the raster backend: same pixels, time.

For the three ways `rasters.align` puts the MS on the PAN grid (direct copy, sub-pixel shift
filter, GDAL's warper for another CRS) and the classical fusion (GSA) on top, plus a plain read
and a write of a larger scene. Prints a Markdown table (docs/install.md quotes it).

    .venv/bin/python bench/experiments/raster_backends.py [--size 2048]
"""
from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))

import scenes  # noqa: E402
from fusediff.models import classical  # noqa: E402
from fusediff.rasters import align_pair, backend, read, write_geotiff  # noqa: E402


def pairs(folder: Path):
    """(name, ms, pan) for the copy, shift and warp alignment paths."""
    import rasterio
    from rasterio.warp import calculate_default_transform, reproject, Resampling
    ms, pan, _ref, _cube = scenes.pansharpening_pair(folder, ratio=4, size=128)
    out = [("copy (grid convention)", ms, pan)]
    with rasterio.open(ms) as ds:
        a, t = ds.read(), ds.transform
    shifted = folder / "ms_shift.tif"  # MS pixels centred on 4 x 4 PAN blocks: 1.5 px shift
    from affine import Affine
    scenes.write(shifted, a, t * Affine.translation(0.375, 0.375))
    out.append(("shift (sub-pixel filter)", shifted, pan))
    warped = folder / "ms_4326.tif"
    with rasterio.open(ms) as ds:
        dt, w, h = calculate_default_transform(ds.crs, "EPSG:4326", ds.width, ds.height, *ds.bounds)
        dst = np.zeros((ds.count, h, w), np.float32)
        reproject(ds.read(), dst, src_transform=ds.transform, src_crs=ds.crs, dst_transform=dt,
                  dst_crs="EPSG:4326", resampling=Resampling.bilinear)
    scenes.write(warped, dst, dt, crs="EPSG:4326")
    out.append(("warp (other CRS)", warped, pan))
    return out


def fuse(ms, pan, out):
    p = align_pair(pan, ms, resampling="lanczos")
    fused = classical.fuse("gsa", p.high, p.low, p.ratio, phase=0.0)
    write_geotiff(out, fused, p.crs, p.transform, mask=p.valid)
    return read(out)[0]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--size", type=int, default=2048)
    args = ap.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="fd_backends_"))
    rows = []
    for name, ms, pan in pairs(folder):
        res = {}
        for b in ("rasterio", "gdal"):
            backend.use(b)
            t0 = time.perf_counter()
            res[b] = fuse(ms, pan, folder / f"out_{b}.tif")
            res[b + "_t"] = time.perf_counter() - t0
        d = np.abs(res["rasterio"].astype(np.float64) - res["gdal"]).max()
        rows.append((name, res["rasterio"].shape, res["rasterio_t"], res["gdal_t"],
                     bool(np.array_equal(res["rasterio"], res["gdal"])), d))
    big = np.random.default_rng(0).random((4, args.size, args.size), dtype=np.float32) * 1000
    t = scenes.high_transform()
    for b in ("rasterio", "gdal"):
        backend.use(b)
        t0 = time.perf_counter()
        write_geotiff(folder / f"big_{b}.tif", big, scenes.CRS, t)
        tw = time.perf_counter() - t0
        t0 = time.perf_counter()
        back = read(folder / f"big_{b}.tif")[0]
        tr = time.perf_counter() - t0
        assert np.array_equal(back, big)
        rows.append((f"write + read {args.size} x {args.size} x 4", big.shape, None, None, True, 0.0))
        rows[-1] = rows[-1][:2] + ((tw, tr),) + rows[-1][3:] if b == "rasterio" else rows[-1]
        if b == "gdal":
            rows[-2] = rows[-2][:3] + ((tw, tr),) + rows[-2][4:]
            rows.pop()
    a = read(folder / "big_rasterio.tif")[0]
    b_ = read(folder / "big_gdal.tif")[0]
    print("| case | shape | rasterio s | osgeo.gdal s | identical | max abs diff |")
    print("|---|---|---|---|---|---|")
    for name, shape, tr_, tg, same, d in rows:
        fmt = (lambda v: f"{v[0]:.2f} w / {v[1]:.2f} r") if isinstance(tr_, tuple) else (lambda v: f"{v:.3f}")
        print(f"| {name} | {tuple(shape)} | {fmt(tr_)} | {fmt(tg)} | {same} | {d:.3g} |")
    print("files written by both identical pixels:", np.array_equal(a, b_))


if __name__ == "__main__":
    main()
