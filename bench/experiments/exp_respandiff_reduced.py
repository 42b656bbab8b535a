"""ResPanDiff on the reduced-resolution WorldView-3 / Pleiades samples vs MTF-GLP-HPM.

Usage: .venv/bin/python bench/experiments/exp_respandiff_reduced.py wv3|pleiades [runner ...] [--threads N]
Runners: respandiff (bundled weights; 8 bands: scene adaptation from scratch),
respandiff-adapt (bundled weights fine-tuned on the scene). Prints JSON rows
with SAM, ERGAS, Q2n and wall seconds (adaptation included).
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("dataset")
    ap.add_argument("runners", nargs="*", default=["respandiff"])
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--adapt-iters", type=int, default=None)
    ap.add_argument("--set", action="append", default=[],
                    help="ResPanDiffConfig override for adaptation, e.g. --set adapt_lr=0.002")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(args.threads)
    from bench import datasets as D
    from bench import method_respandiff as M
    from fusediff.models import classical, metrics

    for kv in args.set:
        k, v = kv.split("=", 1)
        kind = type(getattr(__import__("fusediff.models.respandiff", fromlist=["x"]).ResPanDiffConfig(), k))
        M.ADAPT_OVERRIDES[k] = v.lower() in ("1", "true", "yes") if kind is bool else kind(v)
    if args.adapt_iters is not None:
        M.ADAPT_ITERS_NEW_SENSOR = M.ADAPT_ITERS_FINETUNE = args.adapt_iters
    c = D.mp_reduced(args.dataset)
    c.update(low=c["ms"], high=c["pan"])
    r, ph = c["ratio"], c["phase"]
    rows = {}
    for name, fn in (("bicubic", lambda: classical.upsample_baseline(c["ms"], r, ph)),
                     ("gsa", lambda: classical.gsa(c["pan"], c["ms"], r, phase=ph)),
                     ("mtfglphpm", lambda: classical.mtf_glp_hpm(c["pan"], c["ms"], r, phase=ph))):
        t0 = time.perf_counter()
        x = np.clip(fn(), 0, 1)
        rows[name] = {"sam": metrics.sam(x, c["gt"], border=r), "ergas": metrics.ergas(x, c["gt"], r, border=r),
                      "q2n": metrics.q2n(x, c["gt"], border=r), "seconds": time.perf_counter() - t0}
    for name in args.runners:
        t0, c0 = time.perf_counter(), time.process_time()
        x = M.RUNNERS[name](c, 0)
        sec, cpu = time.perf_counter() - t0, time.process_time() - c0
        rows[name] = {"sam": metrics.sam(x, c["gt"], border=r), "ergas": metrics.ergas(x, c["gt"], r, border=r),
                      "q2n": metrics.q2n(x, c["gt"], border=r), "seconds": sec, "cpu_seconds": cpu}
        print(name, json.dumps(rows[name]), flush=True)
    print(json.dumps({"dataset": args.dataset, "threads": args.threads, "rows": rows}, indent=1))


if __name__ == "__main__":
    main()
