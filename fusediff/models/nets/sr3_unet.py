"""The SR3-style diffusion U-Net (Saharia et al.), with the module layout of the
public SR3 implementation, so that state dicts trained with it load directly.

PLRDiff and DM-ZS use an unconditional 3-channel prior of this family
(in/out 3 channels, inner 128, channel multipliers 1,2,4,8,8, attention at
resolution 16, 2 residual blocks, noise-level conditioning); the class below
is written from the architecture's description and reproduces the parameter
names and shapes (``noise_level_mlp.1.weight``, ``downs.N.res_block.block1.block.0.weight``,
``downs.N.res_block.noise_func.noise_func.0.weight``, ``downs.N.attn.qkv.weight``, ...).
The same class, much smaller, is also the project's bundled prior.

Conditioning is on the continuous noise level gamma = sqrt(abar_t) in [0, 1]
(not on the integer timestep), so one network works with any noise schedule.
forward(x (B, in, H, W), gamma (B,) or (B, 1)) -> (B, out, H, W) predicted noise.
H and W must be multiples of 2^(len(mults)-1) (`pad_multiple` says which).
"""
from __future__ import annotations

import math
from dataclasses import asdict, dataclass

import torch
import torch.nn as nn


@dataclass
class SR3Config:
    """Architecture hyper-parameters (defaults: the PLRDiff / DM-ZS public prior)."""
    in_channel: int = 3
    out_channel: int = 3
    inner_channel: int = 128
    norm_groups: int = 32
    channel_mults: tuple = (1, 2, 4, 8, 8)
    attn_res: tuple = (16,)
    res_blocks: int = 2
    dropout: float = 0.0
    image_size: int = 256

    def to_dict(self) -> dict:
        d = asdict(self)
        d["channel_mults"] = list(self.channel_mults)
        d["attn_res"] = list(self.attn_res)
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "SR3Config":
        known = {f for f in cls.__dataclass_fields__}
        kw = {k: v for k, v in d.items() if k in known}
        for k in ("channel_mults", "attn_res"):
            if k in kw:
                kw[k] = tuple(int(v) for v in kw[k])
        return cls(**kw)


class Swish(nn.Module):
    def forward(self, x):
        return x * torch.sigmoid(x)


class NoiseLevelEncoding(nn.Module):
    """Sinusoidal features of the noise level: [sin(g w_k), cos(g w_k)], w_k = 1e4^(-k/(dim/2))."""

    def __init__(self, dim: int):
        super().__init__()
        self.dim = dim

    def forward(self, gamma: torch.Tensor) -> torch.Tensor:
        count = self.dim // 2
        step = torch.arange(count, dtype=gamma.dtype, device=gamma.device) / count
        enc = gamma[:, None] * torch.exp(-math.log(1e4) * step[None])
        return torch.cat([torch.sin(enc), torch.cos(enc)], dim=-1)


class FeatureWiseAffine(nn.Module):
    """Adds a per-channel shift computed from the noise-level embedding."""

    def __init__(self, cin: int, cout: int):
        super().__init__()
        self.noise_func = nn.Sequential(nn.Linear(cin, cout))

    def forward(self, x, emb):
        return x + self.noise_func(emb).view(x.shape[0], -1, 1, 1)


class Block(nn.Module):
    """GroupNorm - Swish - (Dropout) - 3x3 conv."""

    def __init__(self, dim: int, dim_out: int, groups: int, dropout: float = 0.0):
        super().__init__()
        self.block = nn.Sequential(nn.GroupNorm(groups, dim), Swish(),
                                   nn.Dropout(dropout) if dropout else nn.Identity(),
                                   nn.Conv2d(dim, dim_out, 3, padding=1))

    def forward(self, x):
        return self.block(x)


class ResnetBlock(nn.Module):
    def __init__(self, dim, dim_out, emb_dim, dropout, groups):
        super().__init__()
        self.noise_func = FeatureWiseAffine(emb_dim, dim_out)
        self.block1 = Block(dim, dim_out, groups)
        self.block2 = Block(dim_out, dim_out, groups, dropout)
        self.res_conv = nn.Conv2d(dim, dim_out, 1) if dim != dim_out else nn.Identity()

    def forward(self, x, emb):
        h = self.noise_func(self.block1(x), emb)
        return self.block2(h) + self.res_conv(x)


class SelfAttention(nn.Module):
    """Single-head self-attention over all pixels (cost quadratic in H*W)."""

    def __init__(self, ch: int, groups: int):
        super().__init__()
        self.norm = nn.GroupNorm(groups, ch)
        self.qkv = nn.Conv2d(ch, ch * 3, 1, bias=False)
        self.out = nn.Conv2d(ch, ch, 1)

    def forward(self, x):
        b, c, h, w = x.shape
        q, k, v = self.qkv(self.norm(x)).reshape(b, 3 * c, h * w).chunk(3, dim=1)
        attn = torch.softmax(torch.einsum("bci,bcj->bij", q, k) / math.sqrt(c), dim=-1)
        out = torch.einsum("bij,bcj->bci", attn, v).reshape(b, c, h, w)
        return self.out(out) + x


class ResnetBlocWithAttn(nn.Module):
    def __init__(self, dim, dim_out, emb_dim, groups, dropout, with_attn):
        super().__init__()
        self.with_attn = with_attn
        self.res_block = ResnetBlock(dim, dim_out, emb_dim, dropout, groups)
        if with_attn:
            self.attn = SelfAttention(dim_out, groups)

    def forward(self, x, emb):
        x = self.res_block(x, emb)
        return self.attn(x) if self.with_attn else x


class Downsample(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.conv = nn.Conv2d(dim, dim, 3, 2, 1)

    def forward(self, x):
        return self.conv(x)


class Upsample(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.up = nn.Upsample(scale_factor=2, mode="nearest")
        self.conv = nn.Conv2d(dim, dim, 3, padding=1)

    def forward(self, x):
        return self.conv(self.up(x))


class SR3UNet(nn.Module):
    """eps-prediction U-Net conditioned on the noise level sqrt(abar) (see module docstring).

    Attention is placed at the levels whose nominal resolution (image_size / 2^level)
    is in ``attn_res``, and always in the middle block, as in SR3.
    """

    def __init__(self, config: SR3Config | None = None, **kw):
        super().__init__()
        cfg = config or SR3Config(**kw)
        self.config = cfg
        inner, groups, drop = cfg.inner_channel, cfg.norm_groups, cfg.dropout
        self.noise_level_mlp = nn.Sequential(NoiseLevelEncoding(inner), nn.Linear(inner, inner * 4), Swish(),
                                             nn.Linear(inner * 4, inner))
        n = len(cfg.channel_mults)
        pre = inner
        feats = [pre]
        res = cfg.image_size
        downs: list[nn.Module] = [nn.Conv2d(cfg.in_channel, inner, 3, padding=1)]
        for i, mult in enumerate(cfg.channel_mults):
            ch = inner * mult
            for _ in range(cfg.res_blocks):
                downs.append(ResnetBlocWithAttn(pre, ch, inner, groups, drop, res in cfg.attn_res))
                feats.append(ch)
                pre = ch
            if i < n - 1:
                downs.append(Downsample(pre))
                feats.append(pre)
                res //= 2
        self.downs = nn.ModuleList(downs)
        self.mid = nn.ModuleList([ResnetBlocWithAttn(pre, pre, inner, groups, drop, True),
                                  ResnetBlocWithAttn(pre, pre, inner, groups, drop, False)])
        ups: list[nn.Module] = []
        for i in reversed(range(n)):
            ch = inner * cfg.channel_mults[i]
            for _ in range(cfg.res_blocks + 1):
                ups.append(ResnetBlocWithAttn(pre + feats.pop(), ch, inner, groups, drop, res in cfg.attn_res))
                pre = ch
            if i > 0:
                ups.append(Upsample(pre))
                res *= 2
        self.ups = nn.ModuleList(ups)
        self.final_conv = Block(pre, cfg.out_channel, groups)

    @property
    def pad_multiple(self) -> int:
        return 2 ** (len(self.config.channel_mults) - 1)

    def forward(self, x: torch.Tensor, gamma) -> torch.Tensor:
        gamma = torch.as_tensor(gamma, dtype=x.dtype, device=x.device).reshape(-1)
        if gamma.numel() == 1 and x.shape[0] > 1:
            gamma = gamma.expand(x.shape[0])
        emb = self.noise_level_mlp(gamma)
        feats = []
        for layer in self.downs:
            x = layer(x, emb) if isinstance(layer, ResnetBlocWithAttn) else layer(x)
            feats.append(x)
        for layer in self.mid:
            x = layer(x, emb)
        for layer in self.ups:
            x = layer(torch.cat([x, feats.pop()], dim=1), emb) if isinstance(layer, ResnetBlocWithAttn) else layer(x)
        return self.final_conv(x)


def strip_prefixes(state: dict) -> dict:
    """Keys of a saved SR3 checkpoint reduced to the U-Net's own names.

    The public checkpoints store the whole diffusion wrapper ('denoise_fn.' prefix,
    plus schedule buffers such as 'betas') and sometimes a DataParallel
    'module.' prefix; this keeps only the U-Net's parameters.
    """
    out = {}
    for k, v in state.items():
        for p in ("module.", "netG.", "denoise_fn."):
            if k.startswith(p):
                k = k[len(p):]
        out[k] = v
    return out
