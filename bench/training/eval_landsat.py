"""Evaluate bundled pansharpening weights (ResPanDiff or KSDiff) on the Landsat-7 test scenes 31-39.

Usage (repository root):
    .venv/bin/python bench/training/eval_landsat.py [--method respandiff|ksdiff] [--ratios 2,4] [--threads 1]
        [--weights FILE] [--card]

For each ratio: mean SAM / ERGAS / Q4 (border = ratio) of the method (seed 0,
its default steps and consistency passes, and once more without the passes)
and of bicubic, GSA and MTF-GLP-HPM on the same cases, with the bars of the
issues: SAM and ERGAS >= 20 % below the best classical method (Q4 above it);
for KSDiff also the distance to ResPanDiff's test scores read from
ResPanDiff's model card (bar: within 5 %, or better). With --card the test
numbers are written into the weights' model card. Prints JSON.
"""
from __future__ import annotations

import argparse
import dataclasses
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

CLASSICAL = ("bicubic", "gsa", "mtfglphpm")


def _scores(x: np.ndarray, gt: np.ndarray, ratio: int) -> dict:
    from fusediff.models import metrics
    x = np.clip(x, 0, 1)
    return {"sam": metrics.sam(x, gt, border=ratio), "ergas": metrics.ergas(x, gt, ratio, border=ratio),
            "q2n": metrics.q2n(x, gt, border=ratio)}


def evaluate(method: str, ratio: int, scenes: list[str], weights=None) -> dict:
    """Mean scores over ``scenes`` of ``method`` (with and without consistency passes) and the
    classical methods, the bars, and per-scene rows."""
    import torch

    from bench import datasets as D
    from fusediff.models import classical
    from fusediff.models import ksdiff as K
    from fusediff.models import respandiff as R
    from fusediff.models.consistency import consistency_passes

    mod = R if method == "respandiff" else K
    cfg = (R.ResPanDiffConfig if method == "respandiff" else K.KSDiffConfig)(seed=0)
    wpath = Path(weights) if weights else mod.bundled_weights(ratio)
    net, meta = mod.load_weights(wpath, bands=4, ratio=ratio)
    plain = f"{method}_without_consistency"
    rows = {m: [] for m in (method, plain) + CLASSICAL}
    secs = []
    for s in scenes:
        c = D.landsat_wald(s, ratio)
        ms = torch.from_numpy(c["ms"])[None]
        pan = torch.from_numpy(c["pan"])[None]
        t0 = time.perf_counter()
        out = mod.fuse(ms, pan, ratio, weights=(net, meta), config=cfg)
        secs.append(time.perf_counter() - t0)
        out0 = mod.fuse(ms, pan, ratio, weights=(net, meta), config=dataclasses.replace(cfg, consistency=0))
        fused = {method: out[0].numpy(), plain: out0[0].numpy(),
                 "bicubic": classical.upsample_baseline(c["ms"], ratio),
                 "gsa": classical.gsa(c["pan"], c["ms"], ratio),
                 "mtfglphpm": classical.mtf_glp_hpm(c["pan"], c["ms"], ratio)}
        for m, x in fused.items():
            rows[m].append(_scores(x, c["gt"], ratio))
    mean = {m: {k: float(np.mean([r[k] for r in v])) for k in ("sam", "ergas", "q2n")} for m, v in rows.items()}
    best = {k: min(mean[m][k] for m in CLASSICAL) for k in ("sam", "ergas")}
    best_q = max(mean[m]["q2n"] for m in CLASSICAL)
    me = mean[method]
    bar = {"sam_reduction_pct_vs_best_classical": 100 * (1 - me["sam"] / best["sam"]),
           "ergas_reduction_pct_vs_best_classical": 100 * (1 - me["ergas"] / best["ergas"]),
           "q4_gain_vs_best_classical": me["q2n"] - best_q}
    passed = bar["sam_reduction_pct_vs_best_classical"] >= 20 and bar["ergas_reduction_pct_vs_best_classical"] >= 20
    if method == "respandiff":
        passed = passed and bar["q4_gain_vs_best_classical"] > 0
    else:
        ref = json.loads(R.bundled_weights(ratio).with_suffix(".json").read_text()).get("test", {}).get("respandiff")
        if ref:
            mean["respandiff"] = ref
            bar["sam_vs_respandiff_pct"] = 100 * (me["sam"] / ref["sam"] - 1)
            bar["ergas_vs_respandiff_pct"] = 100 * (me["ergas"] / ref["ergas"] - 1)
            passed = passed and bar["sam_vs_respandiff_pct"] <= 5 and bar["ergas_vs_respandiff_pct"] <= 5
    bar["passed"] = bool(passed)
    data = (f"Landsat-7 scenes {' '.join(scenes)}, Wald protocol at ratio {ratio} (bench.datasets.landsat_wald), "
            f"{cfg.steps} steps, seed 0, {consistency_passes(cfg, {'adapted': False})} consistency passes, "
            f"border {ratio}")
    return {"mean": mean, "bar": bar, "per_scene": rows, "data": data, "weights": str(wpath),
            "seconds_per_scene": float(np.mean(secs)),
            "image": list(D.landsat_wald(scenes[0], ratio)["gt"].shape)}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--method", default="respandiff", choices=["respandiff", "ksdiff"])
    ap.add_argument("--ratios", default="2,4")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--scenes", default=",".join(f"{i:02d}" for i in range(31, 40)))
    ap.add_argument("--weights", default=None, help="weights file (default: the bundled one per ratio)")
    ap.add_argument("--card", action="store_true", help="write the test scores into the weights' model card")
    args = ap.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    report = {}
    for ratio in [int(r) for r in args.ratios.split(",")]:
        res = evaluate(args.method, ratio, args.scenes.split(","), args.weights)
        res["threads"] = args.threads
        report[f"r{ratio}"] = res
        if args.card:
            card_path = Path(res["weights"]).with_suffix(".json")
            card = json.loads(card_path.read_text())
            card["test"] = {"data": res["data"], **res["mean"], "reduction_vs_best_classical": res["bar"]}
            card_path.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
