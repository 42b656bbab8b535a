"""Evaluate the bundled ResPanDiff weights on the Landsat-7 test scenes 31-39.

Usage (repository root):
    .venv/bin/python bench/eval_respandiff.py [--ratios 2,4] [--threads 1] [--card]

For each ratio: mean SAM / ERGAS / Q4 (border = ratio) of ResPanDiff (seed 0,
15 steps) and of bicubic, GSA and MTF-GLP-HPM on the same cases, and the bar
of issue 6 (SAM and ERGAS >= 20 % below the best classical, Q4 above it).
With --card the test numbers are written into the weights' model card.
Prints JSON.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / ".plugins"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ratios", default="2,4")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--scenes", default=",".join(f"{i:02d}" for i in range(31, 40)))
    ap.add_argument("--weights", default=None, help="weights file (default: the bundled one per ratio)")
    ap.add_argument("--card", action="store_true")
    args = ap.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    from fusediff.bench import datasets as D
    from fusediff.models import classical, metrics
    from fusediff.models import respandiff as R
    from fusediff.models.consistency import consistency_passes

    report = {}
    for ratio in [int(r) for r in args.ratios.split(",")]:
        wpath = Path(args.weights) if args.weights else R.bundled_weights(ratio)
        net, meta = R.load_weights(wpath, bands=4, ratio=ratio)
        rows = {m: [] for m in ("respandiff", "bicubic", "gsa", "mtfglphpm")}
        cfg = R.ResPanDiffConfig(seed=0)
        secs = []
        for s in args.scenes.split(","):
            c = D.landsat_wald(s, ratio)
            ms = torch.from_numpy(c["ms"])[None]
            pan = torch.from_numpy(c["pan"])[None]
            t0 = time.perf_counter()
            out = R.fuse(ms, pan, ratio, weights=(net, meta), config=cfg)
            secs.append(time.perf_counter() - t0)
            fused = {"respandiff": out[0].clamp(0, 1).numpy(),
                     "bicubic": classical.upsample_baseline(c["ms"], ratio),
                     "gsa": classical.gsa(c["pan"], c["ms"], ratio),
                     "mtfglphpm": classical.mtf_glp_hpm(c["pan"], c["ms"], ratio)}
            for m, x in fused.items():
                x = np.clip(x, 0, 1)
                rows[m].append({"sam": metrics.sam(x, c["gt"], border=ratio),
                                "ergas": metrics.ergas(x, c["gt"], ratio, border=ratio),
                                "q2n": metrics.q2n(x, c["gt"], border=ratio)})
        mean = {m: {k: float(np.mean([r[k] for r in v])) for k in ("sam", "ergas", "q2n")} for m, v in rows.items()}
        classic = [m for m in mean if m != "respandiff"]
        best_sam = min(mean[m]["sam"] for m in classic)
        best_ergas = min(mean[m]["ergas"] for m in classic)
        best_q = max(mean[m]["q2n"] for m in classic)
        rp = mean["respandiff"]
        bar = {"sam_reduction_pct": 100 * (1 - rp["sam"] / best_sam),
               "ergas_reduction_pct": 100 * (1 - rp["ergas"] / best_ergas),
               "q4_gain": rp["q2n"] - best_q}
        bar["passed"] = bool(bar["sam_reduction_pct"] >= 20 and bar["ergas_reduction_pct"] >= 20
                             and bar["q4_gain"] > 0)
        report[f"r{ratio}"] = {"mean": mean, "bar": bar, "per_scene": rows,
                               "respandiff_seconds_per_scene": float(np.mean(secs)),
                               "image": list(D.landsat_wald(args.scenes.split(",")[0], ratio)["gt"].shape),
                               "threads": args.threads, "weights": str(wpath.name)}
        if args.card:
            card_path = wpath.with_suffix(".json")
            card = json.loads(card_path.read_text())
            card["test"] = {"data": f"Landsat-7 scenes {args.scenes.replace(',', ' ')}, Wald protocol at ratio "
                                    f"{ratio} (bench.datasets.landsat_wald), {cfg.steps} steps, seed 0, "
                                    f"{consistency_passes(cfg, {'adapted': False})} consistency passes, border {ratio}",
                            "respandiff": rp, "bicubic": mean["bicubic"], "gsa": mean["gsa"],
                            "mtfglphpm": mean["mtfglphpm"], "bar": bar}
            card_path.write_text(json.dumps(card, indent=2) + "\n")
    print(json.dumps(report, indent=1))


if __name__ == "__main__":
    main()
