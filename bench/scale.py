"""Speed and scale benchmark: KSDiff speed and large scenes.

Usage (repository root; `make bench-scale` runs every part):
    .venv/bin/python bench/scale.py [--parts speed,throughput,large] [--work /tmp/fusediff_scale]
                                    [--ksdiff-weights PATH] [--threads 2] [--keep]

Parts (each records `uptime`'s load averages before and after it, because the
bars are for 2 uncontended cores and the development machine is shared):

- ``speed``: one 256 x 256 x 4 input (PAN 256 x 256, MS 128 x 128, ratio 2:
  the Wald-protocol pair of Landsat-7 test scene 31, cropped) fused by
  ResPanDiff (15 steps, bundled ratio-2 weights) and KSDiff (default steps) in
  the same process, weights loaded once, best of 3 after a warm-up. Bar:
  KSDiff >= 5x faster.
- ``throughput``: a 4000 x 4000 PAN + 2000 x 2000 x 4 MS mosaic of the real
  native Landsat-7 scenes fused by ``fusediff:ksdiff`` through
  scripts/qgis_process (wall seconds, peak RSS, PAN megapixels per second; bar
  >= 1 MP/s) and by ``models.ksdiff.fuse`` on the arrays (compute only).
- ``large``: a 12000 x 12000 PAN + 6000 x 6000 x 4 MS mosaic fused once by
  ``fusediff:classical`` (GSA) and once by ``fusediff:ksdiff`` through
  qgis_process, each in a child process whose peak RSS /usr/bin/time -v
  reports (bar < 3 GB); the log must show the ETA and the output must have the
  PAN's CRS, transform and size.

Mosaics: cells of 800 x 800 PAN (15 m) / 400 x 400 MS (30 m) from
bench.datasets.landsat_full, scenes 01..39 in turn, written as uint8 GeoTIFFs
(the files' own 8-bit values) window by window in UTM zone 33N. The MS shares
the PAN's outer corner, so each MS pixel is centred on a 2 x 2 PAN block as in
the real products. Big files go under --work (not the repository) and are
deleted at the end unless --keep.

Results are merged into bench/scale.json (parts not run keep their previous
values) and bench/scale.md is rewritten from it.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

PAN_PIXEL = 15.0
CRS = "EPSG:32633"
ORIGIN = (500000.0, 5000000.0)  # upper-left corner (easting, northing)
CELL = 800  # PAN pixels per mosaic cell (one native Landsat-7 crop)
THROUGHPUT_RUNS = 3  # qgis_process runs of the 4000 x 4000 mosaic; the best is reported
GB = 1024 ** 3


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def load() -> list:
    """Load averages over 1, 5 and 15 minutes (what `uptime` prints)."""
    return [round(v, 2) for v in os.getloadavg()]


def machine() -> str:
    """CPU model, core count, torch and numpy versions."""
    import platform

    import torch
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{cpu}, {os.cpu_count()} cores, torch {torch.__version__}, numpy {np.__version__}"


def ksdiff_weights(path_arg: str | None, work: Path) -> tuple[Path, str]:
    """(weights file, description): --ksdiff-weights, else the bundled ratio-2 file, else an
    untrained model written under ``work`` (same network, so the same speed)."""
    from fusediff.models import ksdiff as K
    if path_arg:
        return Path(path_arg), f"weights file {Path(path_arg).name}"
    bundled = K.bundled_weights(2)
    if bundled.is_file():
        return bundled, f"bundled {bundled.name}"
    path = work / "ksdiff_untrained_r2.pt"
    if not path.is_file():
        K.save_weights(path, K.KSDiffModel(4), {"ratio": 2, "band_order": ["Blue", "Green", "Red", "NIR"],
                                                 "data": "untrained (timing only)"})
    return path, "untrained KSDiffModel(4) (bundled weights not there yet; same network, same speed)"


# --------------------------------------------------------------------------
# mosaics of the native Landsat-7 scenes
# --------------------------------------------------------------------------

def _scene_u8(scene: str, cache: dict) -> tuple[np.ndarray, np.ndarray]:
    """(ms (4, 400, 400), pan (800, 800)) uint8 of one native scene (the files' 8-bit values)."""
    if scene not in cache:
        from bench import datasets as D
        c = D.landsat_full(scene)
        cache[scene] = (np.round(c["ms"] * 255).astype(np.uint8), np.round(c["pan"][0] * 255).astype(np.uint8))
    return cache[scene]


def build_mosaic(folder: Path, pan_size: int) -> tuple[Path, Path]:
    """Write pan.tif (pan_size^2, 15 m) and ms.tif (4 bands, (pan_size/2)^2, 30 m) under ``folder``.

    pan_size: a multiple of CELL. Cells cycle through scenes 01..39 (row-major).
    Written cell by cell (memory: the 39 scenes as uint8, about 50 MB).
    Reuses existing files of the right size.
    """
    import rasterio
    from rasterio.transform import Affine
    from rasterio.windows import Window

    from bench import datasets as D
    if pan_size % CELL:
        raise ValueError(f"pan_size must be a multiple of {CELL}")
    folder.mkdir(parents=True, exist_ok=True)
    pan_path, ms_path = folder / "pan.tif", folder / "ms.tif"
    if pan_path.is_file() and ms_path.is_file():
        with rasterio.open(pan_path) as a, rasterio.open(ms_path) as b:
            if a.width == pan_size and b.width == pan_size // 2:
                return pan_path, ms_path
    scenes = D.LANDSAT_TRAIN + D.LANDSAT_TEST
    n = pan_size // CELL
    t_pan = Affine(PAN_PIXEL, 0, ORIGIN[0], 0, -PAN_PIXEL, ORIGIN[1])
    # Same outer corner: MS pixel (i, j) covers PAN pixels 2i..2i+1, 2j..2j+1 (centred on the block).
    t_ms = Affine(2 * PAN_PIXEL, 0, ORIGIN[0], 0, -2 * PAN_PIXEL, ORIGIN[1])
    opts = dict(driver="GTiff", dtype="uint8", crs=CRS, tiled=True, blockxsize=256, blockysize=256,
                BIGTIFF="IF_SAFER")
    cache: dict = {}
    half = CELL // 2
    with rasterio.open(pan_path, "w", width=pan_size, height=pan_size, count=1, transform=t_pan, **opts) as dp, \
            rasterio.open(ms_path, "w", width=pan_size // 2, height=pan_size // 2, count=4, transform=t_ms,
                          **opts) as dm:
        for i in range(n):
            for j in range(n):
                ms, pan = _scene_u8(scenes[(i * n + j) % len(scenes)], cache)
                dp.write(pan, 1, window=Window(j * CELL, i * CELL, CELL, CELL))
                dm.write(ms, window=Window(j * half, i * half, half, half))
    return pan_path, ms_path


# --------------------------------------------------------------------------
# running qgis_process under /usr/bin/time
# --------------------------------------------------------------------------

def qgis_profile(work: Path, threads: int) -> Path:
    """A QGIS profile folder under ``work`` whose FuseDiff provider setting asks for ``threads``
    CPU threads (the provider's default is all cores; OMP_NUM_THREADS does not change it)."""
    folder = work / f"qgis_profile_t{threads}"
    ini = folder / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    if not ini.is_file():
        ini.write_text(f"[Processing]\nConfiguration\\FUSEDIFF_CPU_THREADS={threads}\n")
    return folder


def run_qgis(alg: str, params: dict, log_path: Path, threads: int) -> dict:
    """Run ``alg`` through scripts/qgis_process in a child process.

    Peak RSS from /usr/bin/time -v when present, else from
    getrusage(RUSAGE_CHILDREN) (the largest child so far). Returns wall_s,
    peak_rss_mb, rc, the log path and the load before and after.
    """
    import resource
    env = dict(os.environ, OMP_NUM_THREADS=str(threads), MKL_NUM_THREADS=str(threads),
               QGIS_CUSTOM_CONFIG_PATH=str(qgis_profile(log_path.parent.parent, threads)))
    cmd = [str(ROOT / "scripts" / "qgis_process"), "run", alg, "--"] + [f"{k}={v}" for k, v in params.items()]
    timed = Path("/usr/bin/time").is_file()
    if timed:
        cmd = ["/usr/bin/time", "-v"] + cmd
    before = load()
    t0 = time.perf_counter()
    with open(log_path, "w") as log:
        rc = subprocess.call(cmd, stdout=log, stderr=subprocess.STDOUT, cwd=str(ROOT), env=env)
    wall = time.perf_counter() - t0
    text = log_path.read_text(errors="replace")
    cpu = sum(float(v) for v in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    m = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    if m:
        rss_mb = int(m.group(1)) / 1024.0
        how = "/usr/bin/time -v"
    else:
        rss_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0
        how = "getrusage(RUSAGE_CHILDREN)"
    return {"alg": alg, "rc": rc, "wall_s": round(wall, 1), "cpu_s": round(cpu, 1) if cpu else None,
            "peak_rss_mb": round(rss_mb, 1),
            "rss_measured_by": how, "threads": threads, "load_before": before, "load_after": load(), "log": str(log_path),
            "eta_in_log": bool(re.search(r"tile \d+/\d+, ~\d+ (s|min) left", text)),
            "tiles_line": next((ln.strip() for ln in text.splitlines() if ln.strip().startswith("Processing ")
                                and "tiles" in ln), ""),
            "threads_line": next((ln.strip() for ln in text.splitlines() if "CPU threads" in ln), "")}


def check_georef(out: Path, pan: Path) -> dict:
    """Does ``out`` have the PAN's CRS, transform and size? Also its band count and dtype."""
    import rasterio
    with rasterio.open(out) as o, rasterio.open(pan) as p:
        same = o.crs == p.crs and o.transform.almost_equals(p.transform) and (o.width, o.height) == (p.width,
                                                                                                       p.height)
        return {"same_crs_transform_size": bool(same), "bands": o.count, "dtype": o.dtypes[0],
                "size": [o.width, o.height], "crs": str(o.crs)}


def sample_stats(out: Path, pan_size: int) -> dict:
    """Mean and finiteness of a 512 x 512 window in the output's centre (a cheap sanity check)."""
    import rasterio
    from rasterio.windows import Window
    c = pan_size // 2 - 256
    with rasterio.open(out) as o:
        a = o.read(window=Window(c, c, 512, 512))
    return {"centre_finite": bool(np.isfinite(a).all()), "centre_band_means": [round(float(v), 2)
                                                                               for v in a.mean(axis=(1, 2))]}


# --------------------------------------------------------------------------
# the parts
# --------------------------------------------------------------------------

def part_speed(args, weights: Path) -> dict:
    """ResPanDiff (15 steps) vs KSDiff (default steps) on one 256 x 256 x 4 pair, same process."""
    import torch

    from bench import datasets as D
    from fusediff.models import ksdiff as K
    from fusediff.models import respandiff as R
    torch.set_num_threads(args.threads)
    case = D.landsat_wald("31", 2)
    ms = torch.from_numpy(np.ascontiguousarray(case["ms"][:, :128, :128]))[None]
    pan = torch.from_numpy(np.ascontiguousarray(case["pan"][:, :256, :256]))[None]
    rnet = R.load_weights(R.bundled_weights(2), bands=4, ratio=2)
    kmodel = K.load_weights(weights, bands=4, ratio=2)
    rcfg, kcfg = R.ResPanDiffConfig(steps=15), K.KSDiffConfig()
    runs = {"respandiff": lambda: R.fuse(ms, pan, 2, weights=rnet, config=rcfg),
            "ksdiff": lambda: K.fuse(ms, pan, 2, weights=kmodel, config=kcfg)}
    before = load()
    for fn in runs.values():
        fn()  # warm-up
    # Interleaved rounds, so that both methods see the same (changing) machine load.
    wall = {name: [] for name in runs}
    cpu = {name: [] for name in runs}
    for _ in range(3):
        for name, fn in runs.items():
            t0, c0 = time.perf_counter(), time.process_time()
            fn()
            wall[name].append(time.perf_counter() - t0)
            cpu[name].append(time.process_time() - c0)
    times = {name: {"best_s": round(min(wall[name]), 4), "all_s": [round(t, 4) for t in wall[name]],
                    "cpu_s_of_best": round(cpu[name][int(np.argmin(wall[name]))], 4)} for name in runs}
    speedup = times["respandiff"]["best_s"] / times["ksdiff"]["best_s"]
    return {"input": "Landsat-7 scene 31, Wald protocol ratio 2: PAN 256x256, MS 128x128x4",
            "threads": args.threads, "respandiff_steps": rcfg.steps, "ksdiff_steps": kcfg.steps,
            "ksdiff_weights": str(weights.name), **times, "speedup": round(speedup, 2),
            "bar": ">= 5", "pass": bool(speedup >= 5), "load_before": before, "load_after": load()}


def part_throughput(args, weights: Path) -> dict:
    """4000 x 4000 mosaic: fusediff:ksdiff through qgis_process, and models.ksdiff.fuse on arrays."""
    import rasterio
    import torch

    from fusediff.models import ksdiff as K
    size = 4000
    folder = args.work / "m4000"
    t0 = time.perf_counter()
    pan_path, ms_path = build_mosaic(folder, size)
    build_s = time.perf_counter() - t0
    out = folder / "ksdiff.tif"
    # best of THROUGHPUT_RUNS, as the speed part: this shared virtual machine's speed drifts (the
    # same model-level run took 10.6-12.6 s within an hour)
    runs = []
    for _ in range(THROUGHPUT_RUNS):
        runs.append(run_qgis("fusediff:ksdiff", {"PAN": pan_path, "MS": ms_path, "WEIGHTS_FILE": weights,
                                                 "OUTPUT": out}, folder / "ksdiff.log", args.threads))
        if runs[-1]["rc"] != 0:
            break
    q = min(runs, key=lambda r: (r["rc"] != 0, r["wall_s"]))
    q["all_wall_s"] = [r["wall_s"] for r in runs]
    res = {"pan": [size, size], "ms": [size // 2, size // 2, 4], "mosaic_build_s": round(build_s, 1),
           "qgis_process": q}
    if q["rc"] == 0:
        q["mp_per_s"] = round(size * size / 1e6 / q["wall_s"], 3)
        q.update(check_georef(out, pan_path))
        q.update(sample_stats(out, size))
        out.unlink()
    # Model level: the same arrays in memory (scaled by 255, the 8-bit range), no file I/O.
    torch.set_num_threads(args.threads)
    with rasterio.open(pan_path) as p, rasterio.open(ms_path) as m:
        pan = torch.from_numpy(p.read().astype(np.float32) / 255.0)[None]
        ms = torch.from_numpy(m.read().astype(np.float32) / 255.0)[None]
    model = K.load_weights(weights, bands=4, ratio=2)
    before = load()
    t0, c0 = time.perf_counter(), time.process_time()
    fused = K.fuse(ms, pan, 2, weights=model, config=K.KSDiffConfig(), phase=0.5)
    model_s = time.perf_counter() - t0
    res["model_level"] = {"wall_s": round(model_s, 1), "cpu_s": round(time.process_time() - c0, 1), "mp_per_s": round(size * size / 1e6 / model_s, 3),
                          "threads": args.threads, "tile": K.KSDiffConfig().tile,
                          "overlap": K.KSDiffConfig().overlap, "finite": bool(torch.isfinite(fused).all()),
                          "load_before": before, "load_after": load()}
    del fused, pan, ms
    res["bar"] = ">= 1 MP/s of PAN"
    res["pass"] = bool(q.get("mp_per_s", 0) >= 1)
    res["pass_model_level"] = bool(res["model_level"]["mp_per_s"] >= 1)
    return res


def part_large(args, weights: Path) -> dict:
    """12000 x 12000 mosaic: GSA and KSDiff through qgis_process, peak RSS, ETA, georeferencing."""
    size = 12000
    folder = args.work / "m12000"
    free = shutil.disk_usage(args.work).free
    need = size * size * 4 * 4 + 2 * size * size  # one float32 4-band output + the uint8 inputs
    if free < need * 1.2:
        raise SystemExit(f"not enough disk under {args.work}: {free / GB:.1f} GB free, {need / GB:.1f} GB needed")
    t0 = time.perf_counter()
    pan_path, ms_path = build_mosaic(folder, size)
    res = {"pan": [size, size], "ms": [size // 2, size // 2, 4], "mosaic_build_s": round(time.perf_counter() - t0, 1),
           "disk_free_gb_before": round(free / GB, 1), "bar": "peak RSS < 3 GB", "runs": {}}
    for name, alg, extra in (("gsa", "fusediff:classical", {"METHOD": 1}),
                             ("ksdiff", "fusediff:ksdiff", {"WEIGHTS_FILE": weights})):
        if args.only_large and name not in args.only_large:
            continue
        out = folder / f"{name}.tif"
        q = run_qgis(alg, {**extra, "PAN": pan_path, "MS": ms_path, "OUTPUT": out}, folder / f"{name}.log",
                     args.large_threads or args.threads)
        if q["rc"] == 0:
            q["mp_per_s"] = round(size * size / 1e6 / q["wall_s"], 3)
            q.update(check_georef(out, pan_path))
            q.update(sample_stats(out, size))
            q["output_gb"] = round(out.stat().st_size / GB, 2)
            out.unlink()  # 2.3 GB: free the disk before the next run
        q["pass"] = bool(q["rc"] == 0 and q["peak_rss_mb"] < 3 * 1024)
        res["runs"][name] = q
        # keep the log beside the results (small)
        shutil.copy(folder / f"{name}.log", args.work / f"large_{name}.log")
    return res


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------

def write_md(data: dict, path: Path) -> None:
    lines = ["# Speed and scale", "",
             "Written by `make bench-scale` (`bench/scale.py`); raw numbers in `bench/scale.json`. "
             "Load averages are `uptime`'s (1, 5, 15 min) before/after each measurement: the bars are for 2 "
             "uncontended cores and this machine (2 cores) was shared with niced training jobs and other "
             "developers' tests, so the wall times below are upper bounds.", ""]
    w = data.get("ksdiff_weights_note")
    if w:
        lines += [f"KSDiff weights: {w}. Speed does not depend on the weights' values.", ""]
    for skey in sorted(k for k in data if k.startswith("speed")):
        s = data[skey]
        lines += [f"## KSDiff vs ResPanDiff, 256 x 256 x 4, {s['threads']} thread(s)", "",
                  f"{s['input']}; torch threads {s['threads']}; weights loaded once; best of 3 after a warm-up.", "",
                  "| method | steps | best (s) | CPU s of the best | runs (s) |", "|---|---|---|---|---|",
                  f"| ResPanDiff (bundled r2) | {s['respandiff_steps']} | {s['respandiff']['best_s']:.3f} | "
                  f"{s['respandiff'].get('cpu_s_of_best', '-')} | "
                  f"{', '.join(f'{t:.3f}' for t in s['respandiff']['all_s'])} |",
                  f"| KSDiff | {s['ksdiff_steps']} (latent DDIM) | {s['ksdiff']['best_s']:.3f} | "
                  f"{s['ksdiff'].get('cpu_s_of_best', '-')} | "
                  f"{', '.join(f'{t:.3f}' for t in s['ksdiff']['all_s'])} |", "",
                  f"KSDiff is **{s['speedup']:.1f}x** faster (bar {s['bar']}: {'met' if s['pass'] else 'NOT met'}). "
                  f"Load {s['load_before']} -> {s['load_after']}.", ""]
    tkeys = sorted(k for k in data if k.startswith("throughput"))
    if tkeys:
        lines += ["## KSDiff throughput, 4000 x 4000 PAN", "",
                  "Mosaic of native Landsat-7 scenes (PAN 15 m, MS 2000 x 2000 x 4 at 30 m, uint8). The "
                  "qgis_process wall time includes starting QGIS, reading, aligning and writing (the algorithm's "
                  "tiles, below); the model-level run is `models.ksdiff.fuse` on the arrays in memory (network "
                  "windows of at most `KSDiffConfig.tile` px, one per CPU thread at a time). CPU s: user + system "
                  "seconds of the process. qgis_process: the best of its runs (all listed), as the speed part.", "",
                  "| run | threads | wall (s) | CPU (s) | PAN MP/s (wall) | peak RSS (MB) | load before -> after | runs (s) |",
                  "|---|---|---|---|---|---|---|---|"]
        for k in tkeys:
            t = data[k]
            q, m = t["qgis_process"], t["model_level"]
            lines += [f"| `fusediff:ksdiff` via scripts/qgis_process | {q.get('threads', m['threads'])} | "
                      f"{q['wall_s']} | {q.get('cpu_s', '-')} | {q.get('mp_per_s', '-')} | {q['peak_rss_mb']} | "
                      f"{q['load_before']} -> {q['load_after']} | "
                      f"{', '.join(str(v) for v in q.get('all_wall_s', [q['wall_s']]))} |",
                      f"| `models.ksdiff.fuse` on arrays | {m['threads']} | {m['wall_s']} | {m.get('cpu_s', '-')} | "
                      f"{m['mp_per_s']} | - | {m['load_before']} -> {m['load_after']} | - |"]
        for k in tkeys:
            q = data[k]["qgis_process"]
            if q.get("threads") == 1 and q.get("cpu_s"):
                mp = data[k]["pan"][0] * data[k]["pan"][1] / 1e6
                lines += ["", f"Extrapolation (not a measurement): the 1-thread qgis_process run used {q['cpu_s']} "
                          f"CPU-s for {mp:g} MP, {mp / q['cpu_s']:.2f} MP per CPU-second (a single thread "
                          f"does not spin-wait, so this depends little on the load). Two idle cores with "
                          f"perfect 2-thread scaling would give at most {2 * mp / q['cpu_s']:.2f} MP/s through "
                          f"qgis_process."]
        t = data[tkeys[0]]
        q = t["qgis_process"]
        model_pass = t.get("pass_model_level", t["model_level"]["mp_per_s"] >= 1)
        lines += ["", f"Bar {t['bar']}: at model level {'met' if model_pass else 'NOT met'}; through qgis_process "
                  f"(QGIS start and file I/O included) {'met' if t['pass'] else 'NOT met'}. "
                  f"{q.get('tiles_line', '')} Output on the PAN's CRS/transform/size: "
                  f"{q.get('same_crs_transform_size')}.", ""]
    g = data.get("large")
    if g:
        lines += ["## Large scene, 12000 x 12000 PAN + 6000 x 6000 x 4 MS", "",
                  f"Same mosaic builder (225 cells of 800 x 800). One run each through scripts/qgis_process "
                  f"in a child process; peak RSS of that process. Bar: {g['bar']}.", "",
                  "| algorithm | threads | wall (s) | CPU (s) | PAN MP/s | peak RSS (MB) | < 3 GB | ETA in log "
                  "| output = PAN grid | load before -> after |", "|---|---|---|---|---|---|---|---|---|---|"]
        for name, q in g["runs"].items():
            lines.append(f"| `{q['alg']}`{' GSA' if name == 'gsa' else ''} | {q.get('threads', data.get('threads'))} "
                         f"| {q['wall_s']} | {q.get('cpu_s', '-')} | {q.get('mp_per_s', '-')} "
                         f"| {q['peak_rss_mb']} ({q['rss_measured_by']}) | {'yes' if q['pass'] else 'NO'} | "
                         f"{'yes' if q['eta_in_log'] else 'no'} | {q.get('same_crs_transform_size', '-')} | "
                         f"{q['load_before']} -> {q['load_after']} |")
        lines += [""] + [f"- {name}: {q.get('tiles_line', '')} rc {q['rc']}; output {q.get('output_gb', '-')} GB "
                         f"float32 ({q.get('bands', '-')} bands), centre means {q.get('centre_band_means', '-')}."
                         for name, q in g["runs"].items()] + [""]
    dask_json = path.parent / "scale_dask.json"
    if dask_json.is_file():  # measured by bench/scale_dask.py
        from bench.scale_dask import md_section
        lines += md_section(json.loads(dask_json.read_text()))
    if data.get("notes"):
        lines += ["## Notes", ""] + [f"- {n}" for n in data["notes"]] + [""]
    lines += [f"Machine: {data.get('machine', '')}", ""]
    path.write_text("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--parts", default="speed,throughput,large")
    ap.add_argument("--work", type=Path, default=Path("/tmp/fusediff_scale"))
    ap.add_argument("--ksdiff-weights", default=None)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--large-threads", type=int, default=0,
                    help="CPU threads of the 12000 x 12000 runs (0: --threads)")
    ap.add_argument("--only-large", default="", help="comma-separated subset of gsa,ksdiff for the large part")
    ap.add_argument("--keep", action="store_true", help="keep the mosaics under --work")
    ap.add_argument("--out", type=Path, default=ROOT / "bench")
    args = ap.parse_args()
    args.only_large = [v for v in args.only_large.split(",") if v]
    os.environ["OMP_NUM_THREADS"] = str(args.threads)
    args.work.mkdir(parents=True, exist_ok=True)
    args.out.mkdir(parents=True, exist_ok=True)
    weights, note = ksdiff_weights(args.ksdiff_weights, args.work)
    jpath = args.out / "scale.json"
    data = json.loads(jpath.read_text()) if jpath.is_file() else {}
    data.update({"machine": machine(), "threads": args.threads, "ksdiff_weights_note": note})
    data.pop("notes", None)  # notes written by hand about earlier measurements no longer apply
    parts = {"speed": part_speed, "throughput": part_throughput, "large": part_large}
    try:
        for name in [p for p in args.parts.split(",") if p]:
            print(f"[{time.strftime('%H:%M:%S')}] {name} (load {load()})", flush=True)
            # speed/throughput at other thread counts than 2 are kept beside the 2-thread runs
            key = f"{name}_t{args.threads}" if name != "large" and args.threads != 2 else name
            prev = data.get(key) or {}
            data[key] = parts[name](args, weights)
            if name == "large":  # a run of a subset keeps the other algorithm's earlier run
                data[key]["runs"] = {**prev.get("runs", {}), **data[key]["runs"]}
            data[key]["measured_utc"] = time.strftime("%Y-%m-%d %H:%M", time.gmtime())
            jpath.write_text(json.dumps(data, indent=1) + "\n")
            write_md(data, args.out / "scale.md")
            print(json.dumps(data[key], indent=1), flush=True)
    finally:
        if not args.keep:
            for sub in ("m4000", "m12000"):
                shutil.rmtree(args.work / sub, ignore_errors=True)


if __name__ == "__main__":
    main()
