"""The frozen 3-channel diffusion prior of DM-ZS: load, train, and query it.

A prior is an `SR3UNet` (models/nets/sr3_unet.py) predicting the noise of an
image in [-1, 1] from the noisy image and the noise level gamma = sqrt(abar).
Three sources (the PRIOR parameter):

- 'bundled': models/weights/dmzs_prior_rgb.pt, a small network trained in this
  project on real Landsat-7 RGB patches (model card: dmzs_prior_rgb.json);
- 'scene': a small network trained at run time on patches of the user's own
  scene (`train_prior`);
- a checkpoint file: either this project's format (a dict with 'arch',
  'config', 'state_dict') or a public SR3 / PLRDiff generator state dict
  ('denoise_fn.' prefixes and schedule buffers are ignored) whose
  architecture is read off its parameter names and shapes.

Files are loaded with ``torch.load(weights_only=True)``; a file that is not a
usable prior raises ``ValueError`` with a sentence a user can act on.
"""
from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Callable

import numpy as np
import torch

from . import diffusion
from .nets.sr3_unet import SR3Config, SR3UNet, strip_prefixes
from .progress import null_progress

WEIGHTS = Path(__file__).resolve().parent / "weights"
BUNDLED = WEIGHTS / "dmzs_prior_rgb.pt"

# the small architecture of the bundled and the scene priors (about 1 M parameters, 4 MB)
SMALL = SR3Config(in_channel=3, out_channel=3, inner_channel=32, norm_groups=8, channel_mults=(1, 2, 2),
                  attn_res=(), res_blocks=1, dropout=0.0, image_size=32)


def infer_sr3_config(state: dict, norm_groups: int | None = None) -> SR3Config:
    """SR3Config of a raw SR3 U-Net state dict (prefixes already stripped).

    Levels are delimited by the Downsample convolutions ('downs.N.conv.weight');
    a level's channels come from its residual blocks' convolutions and its
    attention from 'downs.N.attn.*'. GroupNorm stores no group count:
    ``norm_groups`` defaults to 32 (the public models) or the largest divisor
    of the inner width up to 32.
    """
    if "downs.0.weight" not in state:
        raise ValueError("the checkpoint has no 'downs.0.weight': it is not an SR3-style U-Net")
    w0 = state["downs.0.weight"]
    inner, cin = int(w0.shape[0]), int(w0.shape[1])
    idx = sorted({int(m.group(1)) for k in state for m in [re.match(r"downs\.(\d+)\.", k)] if m})
    levels: list[list[int]] = [[]]
    attn_levels = set()
    for i in idx:
        if i == 0:
            continue
        if f"downs.{i}.conv.weight" in state:       # a Downsample ends the level
            levels.append([])
            continue
        levels[-1].append(int(state[f"downs.{i}.res_block.block1.block.3.weight"].shape[0]))
        if f"downs.{i}.attn.qkv.weight" in state:
            attn_levels.add(len(levels) - 1)
    res_blocks = len(levels[0])
    mults = tuple(lv[-1] // inner for lv in levels)
    image_size = 16 * 2 ** (len(mults) - 1)
    attn_res = tuple(sorted(image_size >> lv for lv in attn_levels))
    cout = int(state["final_conv.block.3.weight"].shape[0])
    if norm_groups is None:
        norm_groups = 32 if inner % 32 == 0 else max(g for g in range(1, 33) if inner % g == 0)
    return SR3Config(in_channel=cin, out_channel=cout, inner_channel=inner, norm_groups=norm_groups,
                     channel_mults=mults, attn_res=attn_res, res_blocks=res_blocks, image_size=image_size)


def load_prior(spec: str | Path = "bundled", device: torch.device | str = "cpu") -> tuple[SR3UNet, dict]:
    """A frozen prior network (eval mode, on ``device``) and an info dict.

    spec: 'bundled' or a checkpoint path (see the module docstring). A JSON
    file next to a raw checkpoint (same name, '.json') may give an
    'sr3_config' dict to override the inferred architecture.
    """
    path = BUNDLED if str(spec) == "bundled" else Path(spec)
    if not path.is_file():
        raise ValueError(f"Prior checkpoint {str(path)!r} does not exist; choose 'bundled', 'scene' or an existing file.")
    try:
        obj = torch.load(str(path), map_location="cpu", weights_only=True)
    except Exception as exc:  # corrupt or not a torch file
        raise ValueError(f"Prior checkpoint {path.name!r} could not be read as a PyTorch file ({exc}).") from exc
    if isinstance(obj, dict) and "state_dict" in obj and "config" in obj:
        cfg = SR3Config.from_dict(obj["config"])
        state = strip_prefixes(obj["state_dict"])
        meta = {k: v for k, v in obj.items() if k not in ("state_dict",)}
    elif isinstance(obj, dict):
        state = strip_prefixes(obj)
        side = path.with_suffix(".json")
        override = json.loads(side.read_text()).get("sr3_config") if side.is_file() else None
        cfg = SR3Config.from_dict(override) if override else infer_sr3_config(state)
        meta = {"arch": "sr3_unet", "format": "sr3-public"}
    else:
        raise ValueError(f"Prior checkpoint {path.name!r} holds no state dict.")
    if cfg.in_channel != 3 or cfg.out_channel != 3:
        raise ValueError(f"Prior checkpoint {path.name!r} is not a 3-channel unconditional prior "
                         f"(in {cfg.in_channel}, out {cfg.out_channel} channels).")
    net = SR3UNet(cfg)
    own = net.state_dict()
    state = {k: v for k, v in state.items() if k in own}   # drops schedule buffers (betas, ...)
    missing = [k for k in own if k not in state]
    bad = [k for k in state if state[k].shape != own[k].shape]
    if missing or bad:
        raise ValueError(f"Prior checkpoint {path.name!r} does not match an SR3 U-Net "
                         f"({len(missing)} missing, {len(bad)} mis-shaped parameters).")
    net.load_state_dict(state)
    net.eval().requires_grad_(False).to(device)
    info = {"prior": str(spec), "file": str(path), "config": cfg.to_dict(),
            "parameters": int(sum(p.numel() for p in net.parameters()))}
    info.update({k: v for k, v in meta.items() if isinstance(v, (str, int, float))})
    return net, info


def gamma_levels(sched: diffusion.Schedule) -> torch.Tensor:
    """(T+1,) float32 noise levels sqrt(abar): index 0 is 1 (clean), index t is after t steps."""
    return torch.cat([torch.ones(1, dtype=torch.float64, device=sched.alphas_cumprod.device),
                      sched.alphas_cumprod.sqrt()]).float()


def train_prior(images: list[np.ndarray] | list[torch.Tensor], iterations: int, config: SR3Config = SMALL,
                patch: int = 32, batch: int = 12, lr: float = 5e-4, seed: int = 0,
                device: torch.device | str = "cpu", progress: Callable[[float, str], None] | None = None,
                ) -> tuple[SR3UNet, list[float]]:
    """Train an SR3 prior on random patches of ``images`` ((3, H, W) arrays in [-1, 1]).

    Noise levels gamma are drawn continuously between neighbouring levels of
    the exp schedule (the sampler's), patches get random flips and 90-degree
    rotations; Adam with a short warm-up, gradient clipping, and an EMA of the
    weights (returned, frozen, in eval mode). Returns (network, per-iteration losses).
    ``progress`` may raise to cancel.
    """
    progress = progress or null_progress
    g = torch.Generator().manual_seed(int(seed))
    ims = [torch.as_tensor(np.asarray(im), dtype=torch.float32) for im in images]
    for im in ims:
        if im.shape[0] != 3 or min(im.shape[1:]) < patch:
            raise ValueError(f"training images must be (3, H, W) with H, W >= {patch}")
    torch.manual_seed(int(seed))  # weight initialisation
    net = SR3UNet(config).to(device)
    ema = copy.deepcopy(net).eval().requires_grad_(False)
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    gam = gamma_levels(diffusion.exp_schedule(1000))
    losses = []
    for it in range(int(iterations)):  # draws from the CPU generator g (same on every device)
        xs = []
        for _ in range(batch):
            im = ims[int(torch.randint(len(ims), (1,), generator=g, device="cpu"))]
            i = int(torch.randint(im.shape[1] - patch + 1, (1,), generator=g, device="cpu"))
            j = int(torch.randint(im.shape[2] - patch + 1, (1,), generator=g, device="cpu"))
            k = int(torch.randint(4, (1,), generator=g, device="cpu"))
            p = torch.rot90(im[:, i:i + patch, j:j + patch], k, (1, 2))
            if torch.rand(1, generator=g, device="cpu") < 0.5:
                p = p.flip(-1)
            xs.append(p)
        x0 = torch.stack(xs).to(device)
        t = torch.randint(1, gam.numel(), (batch,), generator=g, device="cpu")
        u = torch.rand(batch, generator=g, device="cpu")
        gm = (gam[t - 1] * u + gam[t] * (1 - u)).to(device)[:, None, None, None]
        noise = torch.randn(x0.shape, generator=g, device="cpu").to(device)
        loss = torch.mean((net(gm * x0 + (1 - gm ** 2).sqrt() * noise, gm.reshape(-1)) - noise) ** 2)
        for pg in opt.param_groups:
            pg["lr"] = lr * min(1.0, (it + 1) / 50)
        opt.zero_grad()
        loss.backward()
        torch.nn.utils.clip_grad_norm_(net.parameters(), 1.0)
        opt.step()
        decay = min(0.995, (1 + it) / (10 + it))
        with torch.no_grad():
            for pe, p in zip(ema.parameters(), net.parameters()):
                pe.mul_(decay).add_(p.detach(), alpha=1 - decay)
        losses.append(float(loss))
        if it % 10 == 0 or it == iterations - 1:
            progress((it + 1) / iterations, f"scene prior: iteration {it + 1}/{iterations}, loss {np.mean(losses[-10:]):.4f}")
    return ema, losses
