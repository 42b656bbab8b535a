"""Scaling on Dask: a batch of scenes and one scene split over workers.

Usage (repository root; `make bench-scale` runs it after bench/scale.py):
    .venv/bin/python bench/scale_dask.py [--parts batch,scene] [--size 3200] [--grid 5]
                                         [--work /tmp/fusediff_dask] [--keep]

- ``batch``: 4 mosaics of native Landsat-7 scenes (PAN size x size at 15 m, MS 4 bands at
  30 m; cells of 800 x 800 PAN, each mosaic starting at another scene) fused with KSDiff
  (bundled weights, defaults) by ``fusediff batch ksdiff MANIFEST.csv`` in a child process, once
  with 1 worker x 1 thread and once with 2 workers x 1 thread (a LocalCluster each), wall time
  end to end (Python start, cluster start, reading, writing, sidecars). Efficiency =
  (t1 / t2) / 2; target >= 0.8 on 2 cores.
- ``scene``: SDP (defaults) on the (96 grid)^2 x 198 Jasper Ridge mosaic of bench/scale_hsi.py
  (grid 5: 480 x 480 x 198, HM protocol) by ``fusediff run sdp ... --scheduler ADDRESS`` with a
  LocalCluster of 1 and then 2 single-threaded workers started by this script (learning on the
  client, rows of tiles on the workers). Efficiency as above; the two outputs are compared.

Every measurement records `uptime`'s load averages before and after: the development machine
has 2 cores shared with other jobs, so wall times are upper bounds and efficiencies are
depressed by whatever else ran. Results: bench/scale_dask.json, and the "Dask" section of
bench/scale.md (rewritten by bench/scale.py's write_md from both JSON files).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "tests"))

MOSAICS = 4


def load() -> list:
    return [round(v, 2) for v in os.getloadavg()]


def build_mosaic(folder: Path, pan_size: int, first: int) -> tuple:
    """pan.tif / ms.tif under ``folder`` (scale.build_mosaic's layout, cells starting at scene
    number ``first`` of the 39)."""
    import rasterio
    from rasterio.transform import Affine
    from rasterio.windows import Window

    import scale
    from bench import datasets as D
    folder.mkdir(parents=True, exist_ok=True)
    pan_path, ms_path = folder / "pan.tif", folder / "ms.tif"
    if pan_path.is_file() and ms_path.is_file():
        with rasterio.open(pan_path) as a:
            if a.width == pan_size:
                return pan_path, ms_path
    scenes = D.LANDSAT_TRAIN + D.LANDSAT_TEST
    n = pan_size // scale.CELL
    t_pan = Affine(scale.PAN_PIXEL, 0, scale.ORIGIN[0], 0, -scale.PAN_PIXEL, scale.ORIGIN[1])
    t_ms = Affine(2 * scale.PAN_PIXEL, 0, scale.ORIGIN[0], 0, -2 * scale.PAN_PIXEL, scale.ORIGIN[1])
    opts = dict(driver="GTiff", dtype="uint8", crs=scale.CRS, tiled=True, blockxsize=256, blockysize=256)
    cache: dict = {}
    half = scale.CELL // 2
    with rasterio.open(pan_path, "w", width=pan_size, height=pan_size, count=1, transform=t_pan, **opts) as dp, \
            rasterio.open(ms_path, "w", width=pan_size // 2, height=pan_size // 2, count=4, transform=t_ms,
                          **opts) as dm:
        for i in range(n):
            for j in range(n):
                ms, pan = scale._scene_u8(scenes[(first + i * n + j) % len(scenes)], cache)
                dp.write(pan, 1, window=Window(j * scale.CELL, i * scale.CELL, scale.CELL, scale.CELL))
                dm.write(ms, window=Window(j * half, i * half, half, half))
    return pan_path, ms_path


def _cli(args: list, log: Path) -> dict:
    """Run ``python -m fusediff ARGS`` (1 thread per process); wall seconds, rc, log tail."""
    import resource
    env = dict(os.environ, OMP_NUM_THREADS="1", PYTHONPATH=str(ROOT))
    before = load()
    r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    with open(log, "w") as f:
        rc = subprocess.call([sys.executable, "-m", "fusediff"] + args, stdout=f, stderr=subprocess.STDOUT,
                             env=env, cwd=ROOT)
    wall = time.perf_counter() - t0
    r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
    # CPU seconds of the command and of the processes it waited for (its Dask workers)
    cpu = (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime)
    return {"rc": rc, "wall_s": round(wall, 2), "cpu_s": round(cpu, 1), "load_before": before,
            "load_after": load(), "log_tail": log.read_text()[-600:]}


def part_batch(args) -> dict:
    work = args.work / "batch"
    pairs = [build_mosaic(work / f"m{k}", args.size, first=7 * k) for k in range(MOSAICS)]
    out = work / "out"
    result = {"size": args.size, "mosaics": MOSAICS, "algorithm": "ksdiff (bundled weights, defaults)",
              "runs": {}}
    outputs = {}
    for workers in (1, 2):
        shutil.rmtree(out, ignore_errors=True)
        out.mkdir(parents=True)
        manifest = work / "scenes.csv"
        manifest.write_text("MS,PAN,OUTPUT\n" + "".join(f"{ms},{pan},{out / f'fused_{k}.tif'}\n"
                                                        for k, (pan, ms) in enumerate(pairs)))
        print(f"[{time.strftime('%H:%M:%S')}] batch, {workers} worker(s) (load {load()})", flush=True)
        run = _cli(["batch", "ksdiff", str(manifest), "--workers", str(workers), "--threads-per-worker", "1",
                    "--no-progress", "--report", str(work / f"report_w{workers}.json")],
                   work / f"batch_w{workers}.log")
        report = json.loads((work / f"report_w{workers}.json").read_text()) if run["rc"] == 0 else {}
        run["scene_s"] = [e.get("seconds") for e in report.get("scenes", [])]
        run["counts"] = report.get("counts")
        result["runs"][f"w{workers}"] = run
        print(json.dumps(run), flush=True)
        if run["rc"] == 0:
            outputs[workers] = [_read(out / f"fused_{k}.tif") for k in range(MOSAICS)]
    t1, t2 = result["runs"]["w1"]["wall_s"], result["runs"]["w2"]["wall_s"]
    result["speedup"] = round(t1 / t2, 3)
    result["efficiency"] = round(t1 / t2 / 2, 3)
    if len(outputs) == 2:
        result["max_rel_diff_w1_w2"] = float(max(np.max(np.abs(a - b)) / np.max(np.abs(a))
                                                 for a, b in zip(outputs[1], outputs[2])))
    return result


def _read(path) -> np.ndarray:
    import rasterio
    with rasterio.open(path) as ds:
        return ds.read().astype(np.float64)


def part_scene(args) -> dict:
    import logging

    import distributed

    import scale_hsi
    work = args.work / "scene"
    work.mkdir(parents=True, exist_ok=True)
    ref, wl = scale_hsi.mirrored_reference(args.grid)
    paths = scale_hsi.write_inputs(work, ref, wl)
    size = ref.shape[-1]
    result = {"scene": f"{size} x {size} x {ref.shape[0]} (Jasper Ridge {scale_hsi.CROP}-px crop mirrored "
              f"{args.grid} x {args.grid}), HM protocol, ratio 4", "algorithm": "sdp (defaults)", "runs": {}}
    outs = {}
    for workers in (1, 2):
        out = work / f"sdp_w{workers}.tif"
        out.unlink(missing_ok=True)
        with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                      dashboard_address=":0", silence_logs=logging.ERROR) as cluster:
            print(f"[{time.strftime('%H:%M:%S')}] scene, {workers} worker(s) (load {load()})", flush=True)
            run = _cli(["run", "sdp", f"--HSI={paths['HM']['HSI']}", f"--MSI={paths['HM']['MSI']}",
                        f"--OUTPUT={out}", "--threads=1", f"--scheduler={cluster.scheduler_address}"],
                       work / f"sdp_w{workers}.log")
        result["runs"][f"w{workers}"] = run
        print(json.dumps(run), flush=True)
        if run["rc"] == 0:
            outs[workers] = _read(out)
    t1, t2 = result["runs"]["w1"]["wall_s"], result["runs"]["w2"]["wall_s"]
    result["speedup"] = round(t1 / t2, 3)
    result["efficiency"] = round(t1 / t2 / 2, 3)
    if len(outs) == 2:
        a, b = outs[1], outs[2]
        result["max_rel_diff_w1_w2"] = float(np.max(np.abs(a - b)) / np.max(np.abs(a)))
        from fusediff.models import metrics
        peak = ref.max()
        result["psnr_w2"] = round(float(metrics.psnr(b / peak, ref / peak, border=4)), 2)
    return result


def _contended(part: dict, cores: int = 2) -> str:
    """', measured on a contended machine (...)' when a run started with a 1-minute load above the cores."""
    loads = [r["load_before"][0] for r in part["runs"].values()]
    if max(loads) <= cores:
        return ""
    return (f"; but measured on a shared machine, load averages {min(loads):g}-{max(loads):g} on {cores} "
            f"cores: the workers got the CPU other jobs left, so this is not the scaling on 2 idle cores")


def md_section(data: dict) -> list:
    """Markdown lines of the Dask section of bench/scale.md."""
    if not data:
        return []
    lines = ["## Dask: a batch of scenes and one scene split over workers", "",
             "Written by `bench/scale_dask.py`; raw numbers in `bench/scale_dask.json`. Wall time end to end "
             "of the `fusediff` command in a child process (Python and cluster start, reading, writing). "
             "Efficiency = (t1 / t2) / 2 with 2 workers of 1 thread each on the 2-core machine (target "
             ">= 0.8). CPU s: user + system seconds of the command and its worker processes (where "
             "recorded). The machine is shared: with a load average above its 2 cores the workers get only "
             "the CPU that other jobs leave (at a very high load, 2 workers even get about twice the share "
             "of 1), so the wall-time speed-up of such runs (marked below) is not the scaling on 2 idle "
             "cores; equal CPU seconds for 1 and 2 workers show that the batch itself adds no work.", ""]
    for bkey in sorted((k for k in data if k.startswith("batch")), key=lambda k: -data[k]["size"]):
        b = data[bkey]
        lines += [f"### `fusediff batch ksdiff`: {b['mosaics']} Landsat-7 mosaics of {b['size']} x {b['size']} PAN",
                  "", "| workers x threads | wall (s) | CPU (s) | per scene (s) | load before -> after |",
                  "|---|---|---|---|---|"]
        for k, r in b["runs"].items():
            lines.append(f"| {k[1:]} x 1 | {r['wall_s']} | {r.get('cpu_s', '-')} | "
                         f"{', '.join(str(s) for s in r.get('scene_s') or [])} | "
                         f"{r['load_before']} -> {r['load_after']} |")
        lines += ["", f"Speed-up {b['speedup']}x, efficiency **{b['efficiency']}** (target >= 0.8: "
                  f"{'met' if b['efficiency'] >= 0.8 else 'NOT met'}{_contended(b)}). Outputs of the two runs: "
                  f"max relative difference {b.get('max_rel_diff_w1_w2', '-')}. Measured "
                  f"{b.get('measured_utc', '')} UTC.", ""]
    s = data.get("scene")
    if s:
        lines += [f"### `fusediff run sdp --scheduler`: one scene, {s['scene']}", "",
                  "| workers x threads | wall (s) | load before -> after |", "|---|---|---|"]
        for k, r in s["runs"].items():
            lines.append(f"| {k[1:]} x 1 | {r['wall_s']} | {r['load_before']} -> {r['load_after']} |")
        lines += ["", f"Speed-up {s['speedup']}x, efficiency **{s['efficiency']}**{_contended(s)} (learning runs once on the "
                  f"client and does not parallelise). 1 vs 2 workers: max relative difference "
                  f"{s.get('max_rel_diff_w1_w2', '-')}; PSNR {s.get('psnr_w2', '-')} dB. Measured "
                  f"{s.get('measured_utc', '')} UTC.", ""]
    for n in data.get("notes", []):
        lines.append(f"- {n}")
    if data.get("notes"):
        lines.append("")
    return lines


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parts", default="batch,scene")
    ap.add_argument("--size", type=int, default=3200, help="PAN size of each mosaic (multiple of 800)")
    ap.add_argument("--grid", type=int, default=5, help="SDP scene: 96 grid px per side")
    ap.add_argument("--work", type=Path, default=Path("/tmp/fusediff_dask"))
    ap.add_argument("--keep", action="store_true")
    ap.add_argument("--out", type=Path, default=ROOT / "bench")
    args = ap.parse_args()
    os.environ["OMP_NUM_THREADS"] = "1"
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    jpath = args.out / "scale_dask.json"
    data = json.loads(jpath.read_text()) if jpath.is_file() else {}
    parts = {"batch": part_batch, "scene": part_scene}
    try:
        for name in [p for p in args.parts.split(",") if p]:
            # the size is 'batch'; other sizes are kept beside it
            key = f"batch_{args.size}" if name == "batch" and args.size != 3200 else name
            data[key] = parts[name](args)
            data[key]["measured_utc"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
            jpath.write_text(json.dumps(data, indent=1) + "\n")
            _rewrite_scale_md(args.out)
    finally:
        if not args.keep:
            shutil.rmtree(args.work, ignore_errors=True)


def _rewrite_scale_md(out: Path) -> None:
    import scale
    sj = out / "scale.json"
    scale.write_md(json.loads(sj.read_text()) if sj.is_file() else {}, out / "scale.md")


if __name__ == "__main__":
    main()
