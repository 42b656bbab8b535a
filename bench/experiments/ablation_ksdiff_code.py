"""Upper bound of what KSDiff's latent code can add on Landsat-7: codes taken from the ground truth.

Usage (repository root):
    .venv/bin/python bench/experiments/ablation_ksdiff_code.py --ratio 4 [--iterations 1500] [--threads 1]

The diffusion prior can only give the pansharpener a code that PLFE2 and the
sampler predict from PAN and LMS; PLFE1's code is computed from the ground
truth itself, so it is at least as informative. If the network cannot use
even that code, no sampler of it can make KSDiff beat the plain PanNeXt-U.

Both variants keep the plain PanNeXt-U ablation's weights
(bench/weights/ksdiff_plain_r{ratio}.pt) frozen and train only the parts a
code acts through, on the bundled weights' data (Landsat-7 01-28, Wald
protocol, 64 x 64 patches, batch 8), AdamW with a cosine schedule:

- ``kernel``: KSDiff's own kernel modulation (Tucker generators of the
  bottleneck and head convs, zero-initialised core) + a fresh PLFE1;
- ``film``: a stronger conditioning than the paper's: a per-channel scale and
  shift (FiLM, zero-initialised) from the code after every ConvNeXt block, +
  a fresh PLFE1.

Scores (SAM deg / ERGAS, border = ratio) with the ground-truth code on the
validation crops (scenes 29-30) during training and on test scenes 31-39 at
the end, next to the frozen plain network's. Prints JSON; with --out writes it.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--ratio", type=int, required=True)
    ap.add_argument("--iterations", type=int, default=1500)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--variants", default="kernel,film")
    ap.add_argument("--out", default=None)
    args = ap.parse_args()

    import numpy as np
    import torch
    import torch.nn as nn
    import torch.nn.functional as F

    torch.set_num_threads(args.threads)
    from bench import datasets as D
    from fusediff.models import ksdiff as K
    from fusediff.models import metrics, operators
    from fusediff.models import respandiff as R
    from fusediff.models.nets.ksdiff_net import PLFE

    r = args.ratio
    plain, _ = K.load_weights(ROOT / "bench" / "weights" / f"ksdiff_plain_r{r}.pt", bands=4, ratio=r)
    tc = K.TrainConfig()
    triples = R.build_triples([D.landsat_wald(f"{i:02d}", r) for i in range(1, 29)], r, tc.gains, tc.pan_gain)
    val = []
    for s in ("29", "30"):
        g, l, p = R.triple_from_case(D.landsat_wald(s, r))
        y0, x0 = (g.shape[-2] - 256) // 2, (g.shape[-1] - 256) // 2
        sl = (slice(None), slice(y0, y0 + 256), slice(x0, x0 + 256))
        val.append((g[sl], l[sl], p[sl]))
    test = []
    for s in range(31, 40):
        c = D.landsat_wald(f"{s:02d}", r)
        ms = torch.from_numpy(c["ms"])[None]
        test.append((c["gt"], operators.upsample(ms, r, 0.0)[0].numpy(), c["pan"]))

    def scores(net, cases) -> list:
        """Mean [SAM, ERGAS] of net(pan, lms, gt) -> (1, C, H, W) over (gt, lms, pan) cases."""
        out = []
        with torch.no_grad():
            for gt, lms, pan in cases:
                g, l, p = (torch.as_tensor(np.ascontiguousarray(v), dtype=torch.float32)[None]
                           for v in (gt, lms, pan))
                x = net(p, l, g)[0].clamp(0, 1).numpy().astype(np.float64)
                out.append((metrics.sam(x, gt, border=r), metrics.ergas(x, gt, r, border=r)))
        return [round(float(v), 4) for v in np.mean(out, axis=0)]

    def plain_net(p, l, g):
        return plain.pansharpener(p, l, None)

    result = {"ratio": r, "iterations": args.iterations, "lr": args.lr,
              "plain": {"validation": scores(plain_net, val), "test": scores(plain_net, test)}}
    print(json.dumps(result), flush=True)

    for variant in args.variants.split(","):
        torch.manual_seed(0)
        plfe1 = PLFE(4, 32, 32, guided=True)
        if variant == "kernel":
            model = K.KSDiffModel(4, 24, 32, 32, modulate=True)
            missing, unexpected = model.pansharpener.load_state_dict(plain.pansharpener.state_dict(), strict=False)
            assert not unexpected and all(k.startswith("mod_") for k in missing)
            model.plfe1 = plfe1
            ps = model.pansharpener
            trained = [p for n, p in ps.named_parameters() if n.startswith("mod_")] + list(plfe1.parameters())

            def net(p, l, g, ps=ps, plfe1=plfe1):
                return ps(p, l, plfe1(p, l, g))
        elif variant == "film":
            ps = plain.pansharpener
            blocks = [ps.enc1, ps.mid[0], ps.mid[1], ps.dec1]
            films = nn.ModuleList([nn.Sequential(nn.Linear(32, 64), nn.GELU(), nn.Linear(64, 2 * b.dw.in_channels))
                                   for b in blocks])
            for f in films:
                nn.init.zeros_(f[-1].weight)
                nn.init.zeros_(f[-1].bias)
            code = {}

            def hook(i):
                def apply(module, inputs, out):
                    scale, shift = films[i](code["z"]).chunk(2, dim=-1)
                    return out * (1 + scale[..., None, None]) + shift[..., None, None]
                return apply
            handles = [b.register_forward_hook(hook(i)) for i, b in enumerate(blocks)]
            trained = list(films.parameters()) + list(plfe1.parameters())

            def net(p, l, g, ps=ps, plfe1=plfe1):
                code["z"] = plfe1(p, l, g).mean(dim=1)
                return ps(p, l, None)
        else:
            raise SystemExit(f"unknown variant {variant}")
        trainable = {id(p) for p in trained}
        for p in list(ps.parameters()) + list(plfe1.parameters()):
            p.requires_grad_(id(p) in trainable)
        sampler = R.PatchSampler(triples, 64, 8, 0)
        opt = torch.optim.AdamW(trained, lr=args.lr, weight_decay=1e-4)
        t0, run, curve = time.time(), 0.0, []
        for it in range(args.iterations):
            for group in opt.param_groups:
                group["lr"] = R._lr_at(it, args.iterations, args.lr, 100, 0.0)
            gt, lms, pan = sampler("cpu")
            loss = F.l1_loss(net(pan, lms, gt), gt)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            torch.nn.utils.clip_grad_norm_(trained, 1.0)
            opt.step()
            run += float(loss.detach())
            if (it + 1) % 500 == 0 or it + 1 == args.iterations:
                curve.append({"iteration": it + 1, "train_l1": round(run / 500, 6),
                              "validation": scores(net, val), "seconds": round(time.time() - t0)})
                print(variant, json.dumps(curve[-1]), flush=True)
                run = 0.0
        result[variant] = {"curve": curve, "validation": curve[-1]["validation"], "test": scores(net, test),
                           "trained_parameters": sum(p.numel() for p in trained)}
        print(variant, json.dumps(result[variant]), flush=True)
        if variant == "film":
            for h in handles:
                h.remove()
    print(json.dumps(result))
    if args.out:
        Path(args.out).write_text(json.dumps(result, indent=1) + "\n")


if __name__ == "__main__":
    main()
