"""The hyperspectral algorithms (SDP, ARGS-Diff, DM-ZS) on a scene larger than one tile.

Usage (repository root):
    .venv/bin/python bench/scale_hsi.py [--grid 5] [--threads 2] [--only sdp,argsdiff,dmzs]

The benchmark cubes are about 100 x 100 px; users bring larger ones. This
builds a (96 grid) x (96 grid) x 198 reference by mirroring the Jasper Ridge
crop (so every seam continues the image), degrades it by the benchmark's
protocols (HM: gauss9 + x4 decimation + 35 dB noise on the HSI, IKONOS-like
MSI + 35 dB noise; HP: no noise, PAN = mean of the 450-900 nm bands), writes
georeferenced GeoTIFFs and runs each algorithm with its defaults through
scripts/qgis_process under /usr/bin/time (`scale.run_qgis`). Reports wall and
CPU seconds, peak RSS, the tiles, and PSNR/SAM against the reference
(border 4). Writes bench/scale_hsi.json and .md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

CROP = 96
ALGORITHMS = {"sdp": ("HM", "MSI"), "argsdiff": ("HM", "MSI"), "dmzs": ("HP", "PAN")}


def mirrored_reference(grid: int) -> tuple[np.ndarray, np.ndarray]:
    """(198, CROP grid, CROP grid) float64 Jasper mosaic, every other cell flipped; wavelengths (nm)."""
    from bench import datasets as D
    cube, wl = D.load_cube("jasper")
    cell = cube[:, :CROP, :CROP].astype(np.float64)
    rows = [np.concatenate([cell[:, ::(-1 if i % 2 else 1), ::(-1 if j % 2 else 1)] for j in range(grid)], axis=2)
            for i in range(grid)]
    return np.concatenate(rows, axis=1), wl


def write_inputs(folder: Path, ref: np.ndarray, wl: np.ndarray) -> dict:
    """HM (HSI + MSI) and HP (HSI + PAN) GeoTIFFs of ``ref``; returns their paths."""
    import scenes  # tests/scenes.py: GeoTIFF writer and the test grid
    import torch

    from bench import datasets as D
    from fusediff.models import kernels, operators
    psf = kernels.gauss9_psf(4)
    x = torch.as_tensor(ref)[None]
    hm_hsi, msi = operators.simulate_pair(x, 4, psf, operators.ikonos_like_srf(wl, D.ikonos_table()), snr_lr=35.0,
                                          snr_hr=35.0, generator=torch.Generator().manual_seed(0))
    hp_hsi, pan = operators.simulate_pair(x, 4, psf, operators.pan_srf(wl))
    high = scenes.high_transform()
    low = scenes.low_transform(high, 4)
    wls = [float(w) for w in wl]
    paths = {"HM": {"HSI": folder / "hm_hsi.tif", "MSI": folder / "hm_msi.tif"},
             "HP": {"HSI": folder / "hp_hsi.tif", "PAN": folder / "hp_pan.tif"}}
    scenes.write(paths["HM"]["HSI"], hm_hsi[0].numpy(), low, wavelengths=wls)
    scenes.write(paths["HM"]["MSI"], msi[0].numpy(), high)
    scenes.write(paths["HP"]["HSI"], hp_hsi[0].numpy(), low, wavelengths=wls)
    scenes.write(paths["HP"]["PAN"], pan[0].numpy(), high)
    return paths


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--grid", type=int, default=5, help="cells per side (scene = 96 grid px)")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--only", default=",".join(ALGORITHMS))
    ap.add_argument("--work", default="/tmp/fusediff_scale_hsi")
    ap.add_argument("--out", default=str(ROOT / "bench"))
    args = ap.parse_args()

    import rasterio

    import scale  # bench/scale.py: qgis_process runner and georeference check
    from fusediff.models import metrics

    work = Path(args.work)
    (work / "logs").mkdir(parents=True, exist_ok=True)
    ref, wl = mirrored_reference(args.grid)
    paths = write_inputs(work, ref, wl)
    size = ref.shape[-1]
    result = {"machine": scale.machine(), "scene": f"{size} x {size} x {ref.shape[0]} (Jasper Ridge {CROP}-px crop "
              f"mirrored {args.grid} x {args.grid}), ratio 4", "threads": args.threads,
              "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "runs": {}}
    for alg in args.only.split(","):
        proto, high = ALGORITHMS[alg]
        out = work / f"{alg}.tif"
        out.unlink(missing_ok=True)
        run = scale.run_qgis(f"fusediff:{alg}", {"HSI": paths[proto]["HSI"], high: paths[proto][high],
                                                 "OUTPUT": out}, work / "logs" / f"{alg}.log", args.threads)
        if run["rc"] == 0 and out.is_file():
            with rasterio.open(out) as ds:
                x = ds.read().astype(np.float64)
            peak = ref.max()
            run["psnr"] = round(float(metrics.psnr(x / peak, ref / peak, border=4)), 2)
            run["sam"] = round(float(metrics.sam(x, ref, border=4)), 3)
            run["georef"] = scale.check_georef(out, Path(paths[proto][high]))
        run["protocol"] = proto
        run["date"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        result["runs"][alg] = run
        print(alg, json.dumps(run), flush=True)
    Path(args.out, "scale_hsi.json").write_text(json.dumps(result, indent=1) + "\n")
    write_md(result, Path(args.out, "scale_hsi.md"))


def write_md(data: dict, path: Path) -> None:
    """The table of `main`'s runs."""
    lines = ["# Hyperspectral algorithms on a scene of several tiles", "",
             f"Written by `bench/scale_hsi.py` ({data['date']}); raw numbers in `scale_hsi.json`. Scene: "
             f"{data['scene']}; HM inputs for SDP and ARGS-Diff, HP for DM-ZS (BENCHMARK.md's protocols). Each "
             f"algorithm with its defaults through scripts/qgis_process, {data['threads']} CPU threads, under "
             "/usr/bin/time -v. PSNR/SAM against the mirrored reference (border 4). Machine: "
             f"{data['machine']}.", "",
             "| algorithm | protocol | tiles | wall | CPU s | peak RSS (MB) | PSNR | SAM | on the input grid | "
             "load before -> after | run |",
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for alg, r in data["runs"].items():
        wall = f"{int(r['wall_s'] // 60)} min {r['wall_s'] % 60:.0f} s"
        lines.append(f"| `fusediff:{alg}` | {r['protocol']} | {r.get('tiles_line', '')} | {wall} | {r.get('cpu_s')} | "
                     f"{r['peak_rss_mb']} | {r.get('psnr', '-')} | {r.get('sam', '-')} | "
                     f"{r.get('georef', {}).get('same_crs_transform_size', '-')} | "
                     f"{r['load_before']} -> {r['load_after']} | {r.get('date', data['date'])} |")
    path.write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
