"""GPU check: every fusion method at model level on CUDA and on the CPU, agreement, speed, mixed precision.

Usage (repository root; `make gpu-check` runs the first form):
    python3 bench/gpu_check.py [--budget 300] [--seeds 2] [--md bench/gpu.md]
    python3 bench/gpu_check.py --as-gpu cpu --small     # exercise the GPU path on the CPU (development)

Needs only Python, torch, NumPy and SciPy: it imports `fusediff.models` and nothing of QGIS, GDAL or
rasterio, and no network. Its data are the small benchmark cases that `bench/gpu_data.py` writes into
.gpu_data/ (carry that folder to a GPU machine; when it is missing and ../shared/data is there, they
are written first).

With a CUDA GPU:
1. Trained pansharpeners (ResPanDiff, KSDiff; bundled Landsat-7 weights, defaults) on the Landsat-7
   scene 31 Wald cases at ratios 4 and 2 (256 x 256): CUDA vs CPU output PSNR must be >= 50 dB.
2. Self-learning methods (SDP, ARGS-Diff on the Paris HM case; DM-ZS on the Paris HP case; known
   PSF/SRF, defaults): PSNR/SAM against the reference for CPU seeds 0..n-1 (seed 0 first, the others
   after parts 3-4, budget permitting) and CUDA seed 0; the CUDA PSNR must lie within the CPU seeds'
   spread (widened by 0.05 dB). All random draws come from CPU generators on both devices, so the
   two runs see the same noise.
3. KSDiff megapixels of PAN per second on a 4000 x 4000 input (ratio 4, a mirrored mosaic of the
   Landsat case) at model level (`prepare` on one 400 x 400 window, `fuse_prepared` on the whole).
4. SDP, ARGS-Diff, DM-ZS time (and PSNR) on the 480 x 480 x 198 scene of bench/scale_hsi.py (the
   Jasper 96 x 96 crop mirrored 5 x 5; HM for SDP/ARGS-Diff, HP for DM-ZS), one tile, CUDA.
5. Mixed precision (fp16 autocast of the network forward passes, `device.network_autocast`) vs
   float32 on CUDA for every method: kept only where the metrics move by <= 0.05 dB.
Times CPU and CUDA (CUDA synchronised, after a warm-up), writes bench/gpu.md (and, when $OUT is
set, $OUT/gpu.md and $OUT/gpu.json), within about --budget seconds: parts that would start after
the budget is spent are reported as skipped.

Without CUDA it says so, runs the CPU half on one case per family (Landsat ratio 4; Paris; tiny
configs, or the defaults with --full), prints the table, writes nothing and exits 0.
"""
from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import os
import platform
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from fusediff.models import argsdiff, dmzs, ksdiff, metrics, respandiff, scene, sdp  # noqa: E402
from fusediff.models import device as devmod  # noqa: E402

DATA = ROOT / ".gpu_data"
PSNR_BAR = 50.0          # trained pansharpeners: GPU vs CPU output PSNR (dB)
SPREAD_TOL = 0.05        # self-learning: widening of the CPU seed spread (dB)
MIXED_TOL = 0.05         # mixed precision kept when metrics move by at most this (dB)
BORDER = 4


# --------------------------------------------------------------------------
# set-up
# --------------------------------------------------------------------------

def cpu_generators() -> None:
    """Every method draws its noise from CPU generators, whatever the device (comparable runs)."""
    def cpu_generator(seed: int, device=None) -> torch.Generator:
        g = torch.Generator(device="cpu")
        g.manual_seed(int(seed))
        return g
    real_restore = scene.restore_generator
    devmod.generator = cpu_generator
    for mod in (respandiff, ksdiff, sdp, argsdiff, dmzs):
        if hasattr(mod, "make_generator"):
            mod.make_generator = cpu_generator
    scene.restore_generator = lambda state, device: real_restore(state, "cpu")


def load(name: str) -> dict:
    path = DATA / name
    if not path.exists():
        try:
            from bench import gpu_data
            gpu_data.write(DATA)
        except (SystemExit, ImportError, OSError) as exc:
            raise SystemExit(f"{path} is missing and could not be written ({exc}); run bench/gpu_data.py "
                             f"where ../shared/data exists and carry .gpu_data/") from exc
    with np.load(path, allow_pickle=False) as z:
        return {k: z[k] for k in z.files}


def sync(dev: torch.device) -> None:
    if dev.type == "cuda":
        torch.cuda.synchronize()


def timed(dev: torch.device, fn):
    sync(dev)
    t0 = time.perf_counter()
    out = fn()
    sync(dev)
    return out, time.perf_counter() - t0


def np_out(x) -> np.ndarray:
    x = x[0] if isinstance(x, tuple) else x
    return x.detach().float().cpu().numpy()[0]


def t4(a: np.ndarray) -> torch.Tensor:
    return torch.as_tensor(np.ascontiguousarray(a), dtype=torch.float32)[None]


class Budget:
    def __init__(self, seconds: float):
        self.t0, self.seconds = time.perf_counter(), float(seconds)

    def left(self) -> float:
        return self.seconds - (time.perf_counter() - self.t0)


# --------------------------------------------------------------------------
# the methods at model level
# --------------------------------------------------------------------------

@dataclasses.dataclass
class Case:
    name: str
    low: np.ndarray      # (C, h, w)
    high: np.ndarray     # (c, H, W)
    gt: np.ndarray       # (C, H, W)
    ratio: int
    srf: np.ndarray | None = None
    psf: np.ndarray | None = None


def run_method(method: str, case: Case, dev: torch.device, seed: int = 0, small: bool = False):
    """The method's defaults (tiny ones with ``small``) on ``case`` on ``dev`` -> (1, C, H, W) tensor."""
    low, high = t4(case.low), t4(case.high)
    if method == "respandiff":
        cfg = respandiff.ResPanDiffConfig(seed=seed, **({"steps": 3} if small else {}))
        return respandiff.fuse(low, high, case.ratio, config=cfg, device=dev)
    if method == "ksdiff":
        cfg = ksdiff.KSDiffConfig(seed=seed)
        return ksdiff.fuse(low, high, case.ratio, config=cfg, device=dev)
    if method == "sdp":
        cfg = sdp.SDPConfig(seed=seed, **({"train_iters": 30, "steps": 4, "inner_steps": 2} if small else {}))
        return sdp.fuse(low, high, srf=case.srf, psf=case.psf, ratio=case.ratio, config=cfg, device=dev)[0]
    if method == "argsdiff":
        cfg = argsdiff.ARGSDiffConfig(seed=seed, **({"spatial_iters": 20, "spectral_iters": 20, "steps": 6}
                                                    if small else {}))
        return argsdiff.fuse(low, high, case.srf, case.psf, case.ratio, cfg, device=dev)[0]
    if method == "dmzs":
        cfg = dmzs.DMZSConfig(seed=seed, **({"guide_iters": 20, "steps": 4, "nssd_first_iters": 10,
                                             "nssd_final_iters": 5} if small else {}))
        return dmzs.fuse(low, high, srf=case.srf, psf=case.psf, ratio=case.ratio, config=cfg, device=dev)[0]
    raise KeyError(method)


def quality(out: np.ndarray, gt: np.ndarray) -> tuple[float, float]:
    out = np.clip(out, 0, 1)
    return metrics.psnr(out, gt, BORDER), metrics.sam(out, gt, BORDER)


def pansharpening_cases(ratios=(4, 2), size: int = 256) -> list[Case]:
    cases = []
    for r in ratios:
        d = load(f"landsat7_31_r{r}.npz")
        n = size // r
        cases.append(Case(f"landsat7-31 r{r} {size}px", d["ms"][:, :n, :n], d["pan"][:, :size, :size],
                          d["gt"][:, :size, :size], r))
    return cases


def hsi_cases() -> dict[str, Case]:
    d = load("paris.npz")
    return {"HM": Case("paris HM", d["hsi"], d["msi"], d["gt"], int(d["ratio"]), d["srf"], d["psf"]),
            "HP": Case("paris HP", d["hp_hsi"], d["hp_pan"], d["gt"], int(d["ratio"]), d["hp_srf"], d["psf"])}


SELF_LEARNING = {"sdp": "HM", "argsdiff": "HM", "dmzs": "HP"}


# --------------------------------------------------------------------------
# parts
# --------------------------------------------------------------------------

def part_pansharpeners(gpu, cpu, rows, budget, small, cpu_only):
    cases = pansharpening_cases((4,) if cpu_only else (4, 2), 128 if small else 256)
    for case in cases:
        for method in ("respandiff", "ksdiff"):
            if budget.left() <= 0:
                rows.append({"method": method, "case": case.name, "skipped": "budget"})
                continue
            c_out, c_t = timed(cpu, lambda: run_method(method, case, cpu, small=small))
            c_np = np_out(c_out)
            row = {"method": method, "case": case.name, "cpu_s": c_t, "cpu_psnr": quality(c_np, case.gt)[0],
                   "cpu_sam": quality(c_np, case.gt)[1]}
            if gpu is not None:
                run_method(method, case, gpu, small=True)  # warm-up (CUDA context, cuDNN autotune)
                g_out, g_t = timed(gpu, lambda: run_method(method, case, gpu, small=small))
                g_np = np_out(g_out)
                agree = metrics.psnr(np.clip(g_np, 0, 1), np.clip(c_np, 0, 1))
                row.update({"gpu_s": g_t, "gpu_psnr": quality(g_np, case.gt)[0], "gpu_sam": quality(g_np, case.gt)[1],
                            "agreement": f"GPU vs CPU PSNR {agree:.1f} dB", "pass": bool(agree >= PSNR_BAR)})
            rows.append(row)
            print(_row_line(row), flush=True)


def _judge(row: dict) -> None:
    lo, hi = min(row["cpu_seed_psnr"]) - SPREAD_TOL, max(row["cpu_seed_psnr"]) + SPREAD_TOL
    n = len(row["cpu_seed_psnr"])
    row["pass"] = bool(lo <= row["gpu_psnr"] <= hi)
    row["agreement"] = (f"GPU seed 0 PSNR {row['gpu_psnr']:.2f} in CPU seeds' [{lo:.2f}, {hi:.2f}] "
                        f"({n} seed{'s' if n > 1 else ''})")


def part_self_learning(gpu, cpu, rows, budget, small):
    """Seed 0 on the CPU and on the GPU; `part_more_seeds` widens the CPU spread later."""
    cases = hsi_cases()
    for method, kind in SELF_LEARNING.items():
        case = cases[kind]
        if budget.left() <= 0:
            rows.append({"method": method, "case": case.name, "skipped": "budget"})
            continue
        out, t = timed(cpu, lambda: run_method(method, case, cpu, 0, small))
        p, s = quality(np_out(out), case.gt)
        row = {"method": method, "case": case.name, "cpu_s": t, "cpu_psnr": p, "cpu_sam": s, "cpu_seed_psnr": [p]}
        if gpu is not None:
            g_out, g_t = timed(gpu, lambda: run_method(method, case, gpu, 0, small))
            gp, gs = quality(np_out(g_out), case.gt)
            row.update({"gpu_s": g_t, "gpu_psnr": gp, "gpu_sam": gs})
            _judge(row)
        rows.append(row)
        print(_row_line(row), flush=True)


def part_more_seeds(rows, budget, seeds, small):
    """CPU seeds 1..seeds-1 of the self-learning methods (their spread is the agreement bar)."""
    cpu, cases = torch.device("cpu"), hsi_cases()
    for row in rows:
        if row["method"] not in SELF_LEARNING or "gpu_psnr" not in row:
            continue
        case = cases[SELF_LEARNING[row["method"]]]
        for seed in range(1, seeds):
            if budget.left() <= 0:
                row["seeds_note"] = "further CPU seeds skipped (budget)"
                break
            out, _ = timed(cpu, lambda: run_method(row["method"], case, cpu, seed, small))
            row["cpu_seed_psnr"].append(quality(np_out(out), case.gt)[0])
        _judge(row)
        print(_row_line(row), flush=True)


def mosaic(a: np.ndarray, reps: int) -> np.ndarray:
    """(C, h, w) mirrored reps x reps (every other cell flipped, so seams continue the image)."""
    rows = [np.concatenate([a[:, ::(-1 if i % 2 else 1), ::(-1 if j % 2 else 1)] for j in range(reps)], axis=2)
            for i in range(reps)]
    return np.ascontiguousarray(np.concatenate(rows, axis=1))


def part_ksdiff_speed(gpu, extra, budget, small):
    if budget.left() <= 0:
        extra["ksdiff_mps"] = {"skipped": "budget"}
        return
    d = load("landsat7_31_r4.npz")
    reps = 2 if small else 10
    ms, pan = t4(mosaic(d["ms"], reps)), t4(mosaic(d["pan"], reps))
    cfg = ksdiff.KSDiffConfig()
    state = ksdiff.prepare([(t4(d["ms"]), t4(d["pan"]))], 4, None, cfg, device=gpu)
    ksdiff.fuse_prepared(state, t4(d["ms"][:, :32, :32]), t4(d["pan"][:, :128, :128]), 4, cfg)  # warm-up
    out, t = timed(gpu, lambda: ksdiff.fuse_prepared(state, ms, pan, 4, cfg))
    mp = pan.shape[-1] * pan.shape[-2] / 1e6
    extra["ksdiff_mps"] = {"size": f"{pan.shape[-2]} x {pan.shape[-1]}", "seconds": t, "mp_per_s": mp / t,
                           "tile": cfg.tile, "finite": bool(torch.isfinite(out).all())}
    print(f"KSDiff {pan.shape[-2]} x {pan.shape[-1]} PAN: {t:.2f} s, {mp / t:.1f} MP/s", flush=True)


def part_scene(gpu, extra, budget, small):
    from fusediff.models import kernels, operators
    d = load("jasper96.npz")
    reps = 1 if small else 5
    ref = mosaic(d["gt"].astype(np.float64), reps)
    x = torch.as_tensor(ref)[None]
    psf = kernels.gauss9_psf(4)
    hm_hsi, msi = operators.simulate_pair(x, 4, psf, d["srf"], snr_lr=35.0, snr_hr=35.0,
                                          generator=torch.Generator().manual_seed(0))
    hp_hsi, pan = operators.simulate_pair(x, 4, psf, d["hp_srf"])
    gt = ref.astype(np.float32)
    cases = {"HM": Case(f"jasper mosaic {ref.shape[1]} x {ref.shape[2]} x {ref.shape[0]} HM", hm_hsi[0].float().numpy(),
                        msi[0].float().numpy(), gt, 4, d["srf"], psf),
             "HP": Case(f"jasper mosaic {ref.shape[1]} x {ref.shape[2]} x {ref.shape[0]} HP", hp_hsi[0].float().numpy(),
                        pan[0].float().numpy(), gt, 4, d["hp_srf"], psf)}
    extra["scene"] = {}
    for method, kind in SELF_LEARNING.items():
        if budget.left() <= 0:
            extra["scene"][method] = {"skipped": "budget"}
            continue
        out, t = timed(gpu, lambda: run_method(method, cases[kind], gpu, 0, small))
        p, s = quality(np_out(out), gt)
        extra["scene"][method] = {"case": cases[kind].name, "seconds": t, "psnr": p, "sam": s}
        print(f"{method} on {cases[kind].name}: {t:.1f} s, PSNR {p:.2f} dB, SAM {s:.3f}", flush=True)


def part_mixed(gpu, rows, extra, budget, small):
    """fp16 autocast vs float32 on the GPU, per method, on its agreement case."""
    extra["mixed"] = {}
    pan_case = pansharpening_cases((4,), 128 if small else 256)[0]
    cases = hsi_cases()
    for method in ("respandiff", "ksdiff", "sdp", "argsdiff", "dmzs"):
        case = pan_case if method in ("respandiff", "ksdiff") else cases[SELF_LEARNING[method]]
        base = next((r for r in rows if r["method"] == method and r["case"] == case.name and "gpu_psnr" in r), None)
        if base is None or budget.left() <= 0:
            extra["mixed"][method] = {"skipped": "budget" if base is not None else "no float32 GPU run"}
            continue
        previous = devmod.set_mixed_precision("fp16")
        try:
            out, t = timed(gpu, lambda: run_method(method, case, gpu, 0, small))
        finally:
            devmod.set_mixed_precision(previous)
        p, s = quality(np_out(out), case.gt)
        delta = p - base["gpu_psnr"]
        extra["mixed"][method] = {"case": case.name, "fp32_s": base["gpu_s"], "fp16_s": t, "fp32_psnr": base["gpu_psnr"],
                                  "fp16_psnr": p, "delta_db": delta, "keep": bool(abs(delta) <= MIXED_TOL)}
        print(f"mixed precision {method}: fp32 {base['gpu_psnr']:.3f} dB {base['gpu_s']:.1f} s -> fp16 {p:.3f} dB "
              f"{t:.1f} s ({'keep' if abs(delta) <= MIXED_TOL else 'drop'})", flush=True)


# --------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------

def _fmt(v, nd=2):
    return "" if v is None else (f"{v:.{nd}f}" if isinstance(v, float) else str(v))


def _row_line(r: dict) -> str:
    if "skipped" in r:
        return f"{r['method']:<10} {r['case']:<24} skipped ({r['skipped']})"
    line = (f"{r['method']:<10} {r['case']:<24} CPU {r['cpu_s']:7.1f} s  PSNR {r['cpu_psnr']:6.2f} "
            f"SAM {r['cpu_sam']:6.3f}")
    if "cpu_seed_psnr" in r and len(r["cpu_seed_psnr"]) > 1:
        line += f" (seeds {', '.join(f'{p:.2f}' for p in r['cpu_seed_psnr'])})"
    if "gpu_s" in r:
        line += (f" | GPU {r['gpu_s']:6.1f} s  PSNR {r['gpu_psnr']:6.2f}  x{r['cpu_s'] / r['gpu_s']:.1f}  "
                 f"{r['agreement']}  {'PASS' if r['pass'] else 'FAIL'}")
    return line


def environment(gpu, cpu_threads: int) -> dict:
    env = {"python": platform.python_version(), "torch": torch.__version__, "numpy": np.__version__,
           "cpu": platform.processor() or platform.machine(), "cpu_threads": cpu_threads}
    if gpu is not None and gpu.type == "cuda":
        env.update({"gpu": torch.cuda.get_device_name(), "cuda": torch.version.cuda,
                    "cudnn": torch.backends.cudnn.version(),
                    "tf32_matmul": torch.backends.cuda.matmul.allow_tf32,
                    "tf32_cudnn": torch.backends.cudnn.allow_tf32})
    return env


def markdown(rows, extra, env, args) -> str:
    out = ["# FuseDiff on a GPU (bench/gpu_check.py)", "",
           f"Written by `bench/gpu_check.py` on {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}. "
           f"Environment: {json.dumps(env)}. Model level (fusediff.models, no QGIS/rasterio); every random "
           "draw from CPU generators on both devices; PSNR/SAM against the reference, border 4, "
           "outputs clipped to [0, 1]; times synchronised, after a warm-up for the trained pansharpeners.", "",
           "## Agreement and speed", "",
           "| method | case | CPU s | GPU s | speed-up | CPU PSNR | GPU PSNR | CPU SAM | GPU SAM | agreement | pass |",
           "|---|---|---|---|---|---|---|---|---|---|---|"]
    for r in rows:
        if "skipped" in r:
            out.append(f"| {r['method']} | {r['case']} | skipped ({r['skipped']}) | | | | | | | | |")
            continue
        seeds = r.get("cpu_seed_psnr")
        cpu_p = _fmt(r["cpu_psnr"]) + (f" (seeds {', '.join(_fmt(p) for p in seeds)})" if seeds and len(seeds) > 1
                                       else "")
        out.append(f"| {r['method']} | {r['case']} | {_fmt(r['cpu_s'], 1)} | {_fmt(r.get('gpu_s'), 1)} | "
                   f"{_fmt(r['cpu_s'] / r['gpu_s'], 1) if r.get('gpu_s') else ''} | {cpu_p} | {_fmt(r.get('gpu_psnr'))} | "
                   f"{_fmt(r['cpu_sam'], 3)} | {_fmt(r.get('gpu_sam'), 3)} | {r.get('agreement', '')} | "
                   f"{'yes' if r.get('pass') else 'NO'} |")
    out += ["", f"Bars: trained pansharpeners GPU vs CPU output PSNR >= {PSNR_BAR:.0f} dB; self-learning "
            f"methods' GPU seed-0 PSNR within the CPU seeds' spread ({args.seeds} seeds) widened by "
            f"{SPREAD_TOL} dB.", ""]
    k = extra.get("ksdiff_mps")
    if k:
        out += ["## KSDiff throughput at model level", ""]
        out.append("skipped (budget)" if "skipped" in k else
                   f"{k['size']} PAN (ratio 4, mirrored Landsat-7 scene 31), `fuse_prepared` with the default "
                   f"tile {k['tile']}: {k['seconds']:.2f} s = **{k['mp_per_s']:.1f} MP/s** (finite: {k['finite']}).")
        out.append("")
    s = extra.get("scene")
    if s:
        out += ["## 480 x 480 x 198 scene (model level, one tile, GPU)", "",
                "| method | case | seconds | PSNR | SAM |", "|---|---|---|---|---|"]
        for m, v in s.items():
            out.append(f"| {m} | skipped ({v['skipped']}) | | | |" if "skipped" in v else
                       f"| {m} | {v['case']} | {v['seconds']:.1f} | {v['psnr']:.2f} | {v['sam']:.3f} |")
        out.append("")
    mx = extra.get("mixed")
    if mx:
        out += ["## Mixed precision (fp16 autocast of the network forward passes) vs float32, GPU", "",
                "| method | case | fp32 s | fp16 s | fp32 PSNR | fp16 PSNR | delta dB | keep (<= 0.05 dB) |",
                "|---|---|---|---|---|---|---|---|"]
        for m, v in mx.items():
            out.append(f"| {m} | skipped ({v['skipped']}) | | | | | | |" if "skipped" in v else
                       f"| {m} | {v['case']} | {v['fp32_s']:.1f} | {v['fp16_s']:.1f} | {v['fp32_psnr']:.3f} | "
                       f"{v['fp16_psnr']:.3f} | {v['delta_db']:+.3f} | {'yes' if v['keep'] else 'no'} |")
        out += ["", "Mixed precision stays off by default (`FUSEDIFF_MIXED_PRECISION` unset); turn it on per "
                "method only where this table says yes.", ""]
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--budget", type=float, default=300.0, help="seconds; later parts are skipped past it")
    ap.add_argument("--seeds", type=int, default=2, help="CPU seeds of the self-learning methods")
    ap.add_argument("--md", default=str(ROOT / "bench" / "gpu.md"))
    ap.add_argument("--as-gpu", default=None, help="development: use this device as the 'GPU' (e.g. cpu)")
    ap.add_argument("--small", action="store_true", help="development: tiny configs and inputs")
    ap.add_argument("--full", action="store_true", help="without CUDA: the methods' defaults (minutes) "
                    "instead of tiny configs")
    ap.add_argument("--threads", type=int, default=0, help="CPU threads (0: all cores)")
    args = ap.parse_args()

    threads = devmod.set_threads(args.threads or None)
    cpu = torch.device("cpu")
    gpu = torch.device(args.as_gpu) if args.as_gpu else (torch.device("cuda") if torch.cuda.is_available() else None)
    cpu_generators()
    budget = Budget(args.budget)
    rows: list[dict] = []
    extra: dict = {}
    if gpu is None:
        mps = getattr(torch.backends, "mps", None)
        extra_note = " (an Apple MPS device is present: this check is for CUDA)" if mps and mps.is_available() else ""
        print(f"No CUDA GPU here{extra_note}: running the CPU half on one case per family "
              f"({'defaults' if args.full else 'tiny configs; --full for the defaults'}; torch "
              f"{torch.__version__}, {threads} CPU threads); nothing is written.", flush=True)
    else:
        print(f"GPU: {torch.cuda.get_device_name() if gpu.type == 'cuda' else gpu}; CPU threads {threads}; "
              f"budget {args.budget:.0f} s", flush=True)
    cpu_only = gpu is None
    small = args.small or (cpu_only and not args.full)
    part_pansharpeners(gpu, cpu, rows, budget, small, cpu_only)
    part_self_learning(gpu, cpu, rows, budget, small)
    if gpu is not None:
        part_ksdiff_speed(gpu, extra, budget, small)
        part_scene(gpu, extra, budget, small)
        part_more_seeds(rows, budget, args.seeds, small)
        part_mixed(gpu, rows, extra, budget, small)
    heavy = sorted(m for m in ("rasterio", "osgeo", "qgis") if m in sys.modules)
    print(f"Imported rasterio/GDAL/QGIS: {heavy or 'none'}", flush=True)
    if gpu is None:
        return 0
    env = environment(gpu, threads)
    text = markdown(rows, extra, env, args)
    Path(args.md).write_text(text)
    print(f"wrote {args.md}", flush=True)
    out_dir = os.environ.get("OUT")
    if out_dir:
        with contextlib.suppress(OSError):
            Path(out_dir, "gpu.md").write_text(text)
            Path(out_dir, "gpu.json").write_text(json.dumps({"env": env, "rows": rows, "extra": extra}, indent=1))
    failed = [r["method"] + " " + r["case"] for r in rows if r.get("pass") is False]
    if failed:
        print("Agreement FAILED: " + "; ".join(failed), flush=True)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
