"""Train the bundled KSDiff weights on Landsat-7 (BENCHMARK.md's MP protocol), both stages.

Usage (repository root):
    .venv/bin/python bench/training/train_ksdiff.py --ratio 4 [--minutes 40] [--threads 1] [--plain]

Same data as bench/training/train_respandiff.py: Landsat-7 scenes 01-28 simulated by the
benchmark's Wald protocol (`bench.datasets.landsat_wald`), scenes 29-30
(256 x 256 centre crops) for validation; test scenes 31-39 are never read.
Writes models/weights/ksdiff_landsat7_r{ratio}.pt (+ .json model card) at
every stage-2 validation that improves ERGAS. ``--plain`` trains the
ablation without the latent code (plain PanNeXt-U, stage 1 only) to
bench/weights/ksdiff_plain_r{ratio}.pt. ``--init-plain FILE`` starts a
KSDiff model from plain PanNeXt-U weights (its modulations start as the
identity, so it begins as that network; PLFEs and the latent denoiser start
fresh) -- how the bundled weights were made (see their model cards).
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
    ap.add_argument("--minutes", type=float, default=40.0)
    ap.add_argument("--iterations", type=int, default=8000, help="stage 1 iterations")
    ap.add_argument("--iterations2", type=int, default=4000, help="stage 2 iterations")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--batch", type=int, default=8)
    ap.add_argument("--lr", type=float, default=1e-3, help="stage 1 peak learning rate")
    ap.add_argument("--lr2", type=float, default=5e-4, help="stage 2 peak learning rate")
    ap.add_argument("--patch", type=int, default=64)
    ap.add_argument("--val-every", type=int, default=1000)
    ap.add_argument("--plain", action="store_true", help="the plain PanNeXt-U ablation")
    ap.add_argument("--generator", default="tucker", choices=["tucker", "mlp"])
    ap.add_argument("--out", default=None)
    ap.add_argument("--resume", default=None)
    ap.add_argument("--init-plain", default=None, help="plain PanNeXt-U weights to start KSDiff from")
    args = ap.parse_args()

    import torch
    torch.set_num_threads(args.threads)
    from bench import datasets as D
    from fusediff.models import ksdiff as K
    from fusediff.models import respandiff as R

    cases = [D.landsat_wald(f"{i:02d}", args.ratio) for i in range(1, 29)]
    val = []
    for s in ("29", "30"):
        g, l, p = R.triple_from_case(D.landsat_wald(s, args.ratio))
        y0, x0 = (g.shape[-2] - 256) // 2, (g.shape[-1] - 256) // 2
        sl = (slice(None), slice(y0, y0 + 256), slice(x0, x0 + 256))
        val.append((g[sl], l[sl], p[sl]))
    cfg = K.TrainConfig(iterations=args.iterations, iterations2=0 if args.plain else args.iterations2,
                        batch=args.batch, patch=args.patch, val_every=args.val_every, lr=args.lr, lr2=args.lr2,
                        max_seconds=args.minutes * 60, modulate=not args.plain, generator=args.generator)
    if args.out:
        out = Path(args.out)
    elif args.plain or args.generator != "tucker":
        tag = "plain" if args.plain else args.generator
        out = ROOT / "bench" / "weights" / f"ksdiff_{tag}_r{args.ratio}.pt"
    else:
        out = K.WEIGHTS_DIR / f"ksdiff_landsat7_r{args.ratio}.pt"
    meta = {"sensor": "Landsat-7 ETM+", "band_order": R.BAND_ORDER, "ratio": args.ratio,
            "data": (f"Landsat-7 scenes 01-28 (FuseBox crops), Wald protocol at ratio {args.ratio} as in "
                     f"bench.datasets.landsat_wald (reference = 30 m B,G,R,NIR scaled by 255; LR-MS = gain-0.3 "
                     f"Gaussian + decimation from index 0; PAN = 15 m pan, ratio-2 filter, 2x2 mean); random "
                     f"{args.patch}x{args.patch} patches with flips/rotations"),
            "validation_data": "Landsat-7 scenes 29-30, 256x256 centre crops, 4 latent DDIM steps, seed 0, "
                               "border of ratio pixels left out",
            "scaling": "inputs scaled to [0, 1] (Landsat-7 8-bit DN / 255)", "phase": 0.0,
            "variant": "plain PanNeXt-U (ablation)" if args.plain else f"KSDiff ({args.generator} kernels)"}

    def log(msg: str) -> None:
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", flush=True)

    t0 = time.time()
    log(f"ratio {args.ratio}: {len(cases)} training scenes, threads {args.threads}, budget {args.minutes} min, "
        f"-> {out}")
    start = args.resume
    if args.init_plain:
        if args.resume or args.plain:
            ap.error("--init-plain starts a new KSDiff model: not with --resume or --plain")
        plain, plain_meta = K.load_weights(args.init_plain, bands=4, ratio=args.ratio)
        start = K.KSDiffModel(4, cfg.width, cfg.zdim, cfg.plfe_width, modulate=True, generator=args.generator)
        missing, unexpected = start.pansharpener.load_state_dict(plain.pansharpener.state_dict(), strict=False)
        if unexpected or any(not k.startswith("mod_") for k in missing):
            raise SystemExit(f"{args.init_plain} does not fit this PanNeXt-U: missing {missing}, "
                             f"unexpected {unexpected}")
        meta["training_history"] = (f"pansharpener initialised from {Path(args.init_plain).name} (plain PanNeXt-U, "
                                f"{plain_meta.get('iterations_stage1', '?')} iterations); iteration counts "
                                f"below are those after it")
        meta["init_iterations_plain"] = int(plain_meta.get("iterations_stage1", 0))
    _, hist = K.train(cases, args.ratio, cfg, weights=start, val=val, out_path=out, meta=meta, log=log)
    log(f"done in {time.time() - t0:.0f}s; best {hist['best']}")


if __name__ == "__main__":
    main()
