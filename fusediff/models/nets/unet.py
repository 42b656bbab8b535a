"""A small, generic diffusion U-Net (residual blocks, scale/shift timestep conditioning).

Used as the spatial denoiser of ARGS-Diff and reusable by other methods
(DM-ZS, ResPanDiff): input/output channels, base width, per-level channel
multipliers and residual blocks per level are arguments. No attention, so the
cost is linear in the number of pixels and any image size works (the input is
padded to a multiple of 2^(levels-1) and the output cropped back).

Conditioning: the timestep t (B,) is embedded sinusoidally, passed through a
small MLP, and every residual block turns it into a per-channel (scale, shift)
applied after its second normalisation ("scale/shift norm", as in improved
DDPM). Optional extra conditioning channels (e.g. an upsampled low-res image)
are concatenated to the input by the caller; ``in_channels`` counts them.
"""
from __future__ import annotations

from typing import Sequence

import torch
import torch.nn as nn
import torch.nn.functional as F

from ..diffusion import timestep_embedding


def _norm(ch: int) -> nn.GroupNorm:
    # groups of ~8 channels (at least 1 group); GroupNorm is batch-size independent,
    # which matters for single-image sampling after batched training
    groups = max(1, min(32, ch // 8))
    while ch % groups:
        groups -= 1
    return nn.GroupNorm(groups, ch)


class ResBlock(nn.Module):
    """norm-SiLU-conv, then norm * (1 + scale) + shift from the time embedding, SiLU-(dropout)-conv, plus a skip."""

    def __init__(self, cin: int, cout: int, temb_dim: int, dropout: float = 0.0):
        super().__init__()
        self.norm1 = _norm(cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, padding=1)
        self.emb = nn.Linear(temb_dim, 2 * cout)
        self.norm2 = _norm(cout)
        self.drop = nn.Dropout(dropout) if dropout > 0 else nn.Identity()
        self.conv2 = nn.Conv2d(cout, cout, 3, padding=1)
        # zero-initialised last conv: each block starts as the identity, which
        # makes short trainings (seconds on a CPU) converge faster
        nn.init.zeros_(self.conv2.weight)
        nn.init.zeros_(self.conv2.bias)
        self.skip = nn.Conv2d(cin, cout, 1) if cin != cout else nn.Identity()

    def forward(self, x: torch.Tensor, temb: torch.Tensor) -> torch.Tensor:
        h = self.conv1(F.silu(self.norm1(x)))
        scale, shift = self.emb(F.silu(temb))[:, :, None, None].chunk(2, dim=1)
        h = self.norm2(h) * (1 + scale) + shift
        h = self.conv2(self.drop(F.silu(h)))
        return self.skip(x) + h


class UNet(nn.Module):
    """eps-prediction U-Net: forward(x (B, in_channels, H, W), t (B,)) -> (B, out_channels, H, W).

    ``width``: channels at full resolution; ``mults``: channel multiplier per
    level (len(mults) levels, each halving the resolution after the first);
    ``blocks``: residual blocks per level on the way down (the way up has the
    same number, each taking a skip connection). ``temb_dim``: size of the
    timestep embedding (default 4 * width). Timesteps may be ints or floats.
    """

    def __init__(self, in_channels: int, out_channels: int | None = None, width: int = 32,
                 mults: Sequence[int] = (1, 2), blocks: int = 1, temb_dim: int | None = None,
                 dropout: float = 0.0):
        super().__init__()
        out_channels = out_channels or in_channels
        self.in_channels, self.out_channels = in_channels, out_channels
        self.levels = len(mults)
        temb_dim = temb_dim or 4 * width
        self.width = width
        self.temb = nn.Sequential(nn.Linear(width, temb_dim), nn.SiLU(), nn.Linear(temb_dim, temb_dim))
        self.inp = nn.Conv2d(in_channels, width, 3, padding=1)

        chans = [width * m for m in mults]
        self.down = nn.ModuleList()
        self.downsamplers = nn.ModuleList()
        skips = []
        c = width
        for i, ch in enumerate(chans):
            level = nn.ModuleList()
            for _ in range(blocks):
                level.append(ResBlock(c, ch, temb_dim, dropout))
                c = ch
                skips.append(c)
            self.down.append(level)
            self.downsamplers.append(nn.Conv2d(c, c, 3, stride=2, padding=1) if i < len(chans) - 1 else nn.Identity())
        self.mid = nn.ModuleList([ResBlock(c, c, temb_dim, dropout), ResBlock(c, c, temb_dim, dropout)])
        self.up = nn.ModuleList()
        self.upsamplers = nn.ModuleList()
        for i, ch in reversed(list(enumerate(chans))):
            level = nn.ModuleList()
            for _ in range(blocks):
                level.append(ResBlock(c + skips.pop(), ch, temb_dim, dropout))
                c = ch
            self.up.append(level)
            self.upsamplers.append(nn.Conv2d(c, c, 3, padding=1) if i > 0 else nn.Identity())
        self.out_norm = _norm(c)
        self.out = nn.Conv2d(c, out_channels, 3, padding=1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x: torch.Tensor, t) -> torch.Tensor:
        b, _, h, w = x.shape
        t = torch.as_tensor(t, device=x.device).reshape(-1)
        if t.numel() == 1 and b > 1:
            t = t.expand(b)
        m = 2 ** (self.levels - 1)
        ph, pw = (-h) % m, (-w) % m
        if ph or pw:
            # reflect padding keeps image statistics at the border (zero padding
            # would look like a dark frame to the network)
            x = F.pad(x, (0, pw, 0, ph), mode="replicate")
        temb = self.temb(timestep_embedding(t, self.width).to(x.dtype))
        hcur = self.inp(x)
        skips = []
        for level, ds in zip(self.down, self.downsamplers):
            for blk in level:
                hcur = blk(hcur, temb)
                skips.append(hcur)
            hcur = ds(hcur)
        for blk in self.mid:
            hcur = blk(hcur, temb)
        for level, us in zip(self.up, self.upsamplers):
            for blk in level:
                hcur = blk(torch.cat([hcur, skips.pop()], dim=1), temb)
            if not isinstance(us, nn.Identity):
                hcur = us(F.interpolate(hcur, scale_factor=2, mode="nearest"))
        out = self.out(F.silu(self.out_norm(hcur)))
        return out[..., :h, :w]


def count_parameters(model: nn.Module) -> int:
    """Number of trainable parameters."""
    return sum(p.numel() for p in model.parameters() if p.requires_grad)
