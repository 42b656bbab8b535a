"""Train the small 3-channel DDPM bundled with DM-ZS (models/weights/dmzs_prior_rgb.pt).

Data: real Landsat-7 ETM+ RGB (30 m) of the 30 training scenes 01-30 of
../shared/data/pansharpening/landsat7 (the test scenes 31-39 are not used),
each scene scaled by its 99.5th percentile to [0, 1], then to [-1, 1];
random 32x32 patches with flips and 90-degree rotations.

Network: the SR3 U-Net class (models/nets/sr3_unet.py), small; noise-level
conditioning on sqrt(abar) drawn continuously from the exp schedule that the
sampler uses. EMA weights are checkpointed regularly with the loss history.

Usage: python -m bench.training.train_dmzs_prior OUT_DIR [minutes] [threads]
(run from .plugins with the venv's python; writes OUT_DIR/ckpt.pt and OUT_DIR/log.json).
"""
from __future__ import annotations

import copy
import json
import sys
import time
from pathlib import Path

import numpy as np
import torch

from fusediff.models import diffusion
from fusediff.models.nets.sr3_unet import SR3Config, SR3UNet
from . import datasets

SMALL = SR3Config(in_channel=3, out_channel=3, inner_channel=32, norm_groups=8, channel_mults=(1, 2, 2),
                  attn_res=(), res_blocks=1, dropout=0.0, image_size=32)


def load_rgb(scenes) -> list[np.ndarray]:
    """Landsat-7 scenes as (3, 400, 400) float32 RGB in [-1, 1]."""
    out = []
    for s in scenes:
        ms, _ = datasets._landsat(s)          # B, G, R, NIR
        rgb = ms[[2, 1, 0]]
        hi = np.percentile(rgb, 99.5)
        out.append((np.clip(rgb / max(hi, 1e-6), 0, 1) * 2 - 1).astype(np.float32))
    return out


def batch(images, n, size, rng) -> torch.Tensor:
    xs = []
    for _ in range(n):
        im = images[rng.integers(len(images))]
        i = rng.integers(0, im.shape[1] - size + 1)
        j = rng.integers(0, im.shape[2] - size + 1)
        p = im[:, i:i + size, j:j + size]
        p = np.rot90(p, rng.integers(4), axes=(1, 2))
        if rng.random() < 0.5:
            p = p[:, :, ::-1]
        xs.append(np.ascontiguousarray(p))
    return torch.from_numpy(np.stack(xs))


def main():
    out = Path(sys.argv[1])
    minutes = float(sys.argv[2]) if len(sys.argv) > 2 else 40.0
    torch.set_num_threads(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    out.mkdir(parents=True, exist_ok=True)
    torch.manual_seed(0)
    rng = np.random.default_rng(0)
    images = load_rgb(datasets.LANDSAT_TRAIN)
    sched = diffusion.exp_schedule(1000)
    gam = torch.cat([torch.ones(1, dtype=torch.float64), sched.alphas_cumprod.sqrt()]).float()
    net = SR3UNet(SMALL)
    ema = copy.deepcopy(net).eval()
    opt = torch.optim.Adam(net.parameters(), lr=5e-4)
    n_params = sum(p.numel() for p in net.parameters())
    t0 = time.time()
    losses, hist, it = [], [], 0
    while time.time() - t0 < minutes * 60:
        x0 = batch(images, 12, 32, rng)
        t = torch.randint(1, 1001, (x0.shape[0],))
        # continuous noise level between two neighbouring schedule levels (SR3's trick)
        u = torch.rand(x0.shape[0])
        g = gam[t - 1] * u + gam[t] * (1 - u)
        noise = torch.randn_like(x0)
        xt = g[:, None, None, None] * x0 + (1 - g[:, None, None, None] ** 2).sqrt() * noise
        loss = torch.mean((net(xt, g) - noise) ** 2)
        for pg in opt.param_groups:
            pg["lr"] = 5e-4 * min(1.0, (it + 1) / 200)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        decay = min(0.999, (1 + it) / (10 + it))
        with torch.no_grad():
            for pe, p in zip(ema.parameters(), net.parameters()):
                pe.mul_(decay).add_(p, alpha=1 - decay)
        losses.append(float(loss))
        it += 1
        if it % 100 == 0:
            hist.append({"iteration": it, "seconds": round(time.time() - t0, 1),
                         "loss_mean_last100": float(np.mean(losses[-100:]))})
            print(json.dumps(hist[-1]), flush=True)
        if it % 250 == 0:
            save(out, ema, it, hist, n_params, t0)
    save(out, ema, it, hist, n_params, t0)


def save(out, ema, it, hist, n_params, t0):
    ckpt = {"arch": "sr3_unet", "config": SMALL.to_dict(), "conditioning": "sqrt_abar",
            "state_dict": ema.state_dict(), "iterations": it}
    torch.save(ckpt, out / "ckpt.tmp")
    (out / "ckpt.tmp").replace(out / "ckpt.pt")
    (out / "log.json").write_text(json.dumps({"iterations": it, "seconds": time.time() - t0,
                                              "parameters": n_params, "history": hist}, indent=1))


if __name__ == "__main__":
    main()
