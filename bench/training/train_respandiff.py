"""Train the bundled ResPanDiff weights on Landsat-7 (BENCHMARK.md's MP protocol).

Usage (repository root):
    .venv/bin/python bench/training/train_respandiff.py --ratio 4 [--minutes 25] [--threads 1]

Training data: Landsat-7 scenes 01-28 simulated exactly as the benchmark's
Wald protocol (`bench.datasets.landsat_wald`: reference = 30 m B,G,R,NIR,
LR-MS = gain-0.3 Gaussian + decimation by the ratio, PAN = 15 m pan blurred
and 2x2-averaged); scenes 29-30 (256 x 256 centre crops) are the validation
set. Test scenes 31-39 are never read. Writes
models/weights/respandiff_landsat7_r{ratio}.pt (+ .json model card) at every
validation that improves ERGAS.
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ratio", type=int, required=True)
    ap.add_argument("--minutes", type=float, default=25.0)
    ap.add_argument("--iterations", type=int, default=100000)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--patch", type=int, default=64)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--val-every", type=int, default=400)
    ap.add_argument("--out", default=None)
    ap.add_argument("--resume", default=None)
    args = ap.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    from bench import datasets as D
    from fusediff.models import respandiff as R

    train_scenes = [f"{i:02d}" for i in range(1, 29)]
    val_scenes = ["29", "30"]
    cases = [D.landsat_wald(s, args.ratio) for s in train_scenes]
    val = []
    for s in val_scenes:
        c = D.landsat_wald(s, args.ratio)
        g, l, p = R.triple_from_case(c)
        y0 = (g.shape[-2] - 256) // 2
        x0 = (g.shape[-1] - 256) // 2
        sl = (slice(None), slice(y0, y0 + 256), slice(x0, x0 + 256))
        val.append((g[sl], l[sl], p[sl]))
    cfg = R.TrainConfig(iterations=args.iterations, batch=args.batch, patch=args.patch, lr=args.lr,
                        val_every=args.val_every, max_seconds=args.minutes * 60)
    out = Path(args.out) if args.out else R.WEIGHTS_DIR / f"respandiff_landsat7_r{args.ratio}.pt"
    meta = {"sensor": "Landsat-7 ETM+", "band_order": R.BAND_ORDER, "ratio": args.ratio,
            "data": (f"Landsat-7 scenes 01-28 (FuseBox crops), Wald protocol at ratio {args.ratio} as in "
                     f"bench.datasets.landsat_wald (reference = 30 m B,G,R,NIR scaled by 255; LR-MS = gain-0.3 "
                     f"Gaussian + decimation from index 0; PAN = 15 m pan, ratio-2 filter, 2x2 mean); random "
                     f"{args.patch}x{args.patch} patches with flips/rotations"),
            "validation_data": "Landsat-7 scenes 29-30, 256x256 centre crops, 15 sampling steps, seed 0, "
                               "border of ratio pixels left out",
            "scaling": "inputs scaled to [0, 1] (Landsat-7 8-bit DN / 255)",
            "phase": 0.0}
    t0 = time.time()

    def log(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)

    log(f"ratio {args.ratio}: {len(cases)} training scenes, threads {args.threads}, budget {args.minutes} min")
    net, hist = R.train(cases, args.ratio, cfg, weights=args.resume, val=val, out_path=out, meta=meta, log=log)
    log(f"done in {time.time() - t0:.0f}s; best {hist['best']}")


if __name__ == "__main__":
    main()
