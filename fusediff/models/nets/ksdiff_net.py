"""KSDiff's networks (Jin, Cao & Deng, "Kernel Space Diffusion Model for
Efficient Remote Sensing Pansharpening", arXiv 2505.18991), written from the
paper's description (no public code exists).

- `PanNeXtU`: the pansharpener, a small U-Net of ConvNeXt blocks (7 x 7
  depthwise kernels) on (PAN, LMS), predicting HRMS as LMS + residual.
  Choice left open by the paper: the full-resolution level is a 2 x 2
  pixel-unshuffle/pixel-shuffle pair and a single 3 x 3 fusion conv, so the
  ConvNeXt blocks run at 1/2 and 1/4 of the PAN grid (CPU speed: see the
  model card).
- `TuckerModulator`: kernel modulation W1 = W0 * W with
  W = 1 + G x1 U1 x2 U2 x3 U3 x4 U4 (Tucker form). The core G comes from the
  latent code z (mean over tokens, then an MLP); the factor matrices U1..U4
  from the input features through a light shared backbone and four attention
  heads (one per tensor mode, learned queries over feature tokens: the
  "structure-aware multi-head attention"). Choices: the "1 +" and the
  zero-initialised core layer make every modulated conv start as its plain
  kernel W0, so the network begins as the plain PanNeXt-U.
- `PLFE`: the pyramid latent fusion encoder: PAN, LRMS and a guidance branch
  (the ground truth for PLFE1; a fusion of PAN and LRMS for PLFE2), refined by
  linear-complexity cross attention and gated fusion
  F = g * X + (1 - g) * Proj(Y) + O over N strided-conv stages, pooled to
  tokens and projected to z (S tokens x C_z). Runs on a quarter of the PAN
  grid (see the class), which keeps it cheap.
- `LatentDenoiser`: the conditional latent DDPM's network, predicting z0 from
  (z_t, condition tokens, t) (x0-parameterisation).

Tensors: images (B, C, H, W) float32 in [0, 1]; z (B, S, C_z).
"""
from __future__ import annotations

import math

import torch
import torch.nn as nn
import torch.nn.functional as F

from ..diffusion import timestep_embedding


class LayerNorm2d(nn.Module):
    """LayerNorm over the channels of each pixel (B, C, H, W): local, so tiles agree."""

    def __init__(self, ch: int):
        super().__init__()
        self.ln = nn.LayerNorm(ch)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.ln(x.permute(0, 2, 3, 1)).permute(0, 3, 1, 2)


class ConvNeXtBlock(nn.Module):
    """x + gamma * pw2(GELU(pw1(LN(dwconv_k(x))))) (B, ch, H, W) -> same shape."""

    def __init__(self, ch: int, kernel: int = 7, expand: int = 2):
        super().__init__()
        self.dw = nn.Conv2d(ch, ch, kernel, padding=kernel // 2, groups=ch)
        self.norm = LayerNorm2d(ch)
        self.pw1 = nn.Conv2d(ch, expand * ch, 1)
        self.pw2 = nn.Conv2d(expand * ch, ch, 1)
        self.gamma = nn.Parameter(torch.full((1, ch, 1, 1), 0.1))

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return x + self.gamma * self.pw2(F.gelu(self.pw1(self.norm(self.dw(x)))))


# --------------------------------------------------------------------------
# kernel modulation
# --------------------------------------------------------------------------

def tucker(core: torch.Tensor, factors: list[torch.Tensor]) -> torch.Tensor:
    """W = G x1 U1 x2 U2 x3 U3 x4 U4, batched.

    core (B, r1, r2, r3, r4); factors U_i (B, n_i, r_i) -> W (B, n1, n2, n3, n4).
    """
    u1, u2, u3, u4 = factors
    return torch.einsum("bpqrs,bip,bjq,bkr,bls->bijkl", core, u1, u2, u3, u4)


class TuckerModulator(nn.Module):
    """Per-sample multiplicative kernel W (B, cout, cin, k, k) = 1 + tucker(G(z), U(features)).

    z (B, S, zdim); feats (B, fdim, h, w) (any size: pooled to ``tokens`` x ``tokens``).
    ``kind='mlp'`` replaces the Tucker form with a plain MLP from z to the whole
    kernel (the ablation; factor matrices unused).
    """

    def __init__(self, cout: int, cin: int, k: int, zdim: int, fdim: int,
                 ranks: tuple = (4, 4, 2, 2), d: int = 32, tokens: int = 8, kind: str = "tucker",
                 factor_base: bool = True):
        super().__init__()
        self.factor_base = factor_base
        self.shape = (cout, cin, k, k)
        self.ranks = tuple(int(r) for r in ranks)
        self.kind = kind
        self.tokens = tokens
        n_core = math.prod(self.shape) if kind == "mlp" else math.prod(self.ranks)
        self.core = nn.Sequential(nn.Linear(zdim, 64), nn.GELU(), nn.Linear(64, n_core))
        nn.init.zeros_(self.core[-1].weight)
        nn.init.zeros_(self.core[-1].bias)
        if kind == "tucker":
            self.backbone = nn.Sequential(nn.Conv2d(fdim, d, 1), nn.GELU(), nn.Conv2d(d, d, 1))
            self.kv = nn.Linear(d, 2 * d)
            self.queries = nn.ParameterList([nn.Parameter(torch.randn(n, d) / math.sqrt(d)) for n in self.shape])
            self.heads = nn.ModuleList([nn.Linear(d, r) for r in self.ranks])
            self.scale = 1.0 / math.sqrt(d)
            if factor_base:
                # learned per-position factors that the attention heads adjust: without them the
                # heads' rows start (and were seen to stay) equal, which collapses W to a constant
                self.base = nn.ParameterList([nn.Parameter(torch.randn(n, r)) for n, r in zip(self.shape, self.ranks)])

    def forward(self, z: torch.Tensor, feats: torch.Tensor) -> torch.Tensor:
        b = z.shape[0]
        g = self.core(z.mean(dim=1))
        if self.kind == "mlp":
            return 1 + g.reshape(b, *self.shape)
        core = g.reshape(b, *self.ranks)
        # pool first: the backbone then costs nothing per pixel (the speed bar)
        tok = self.backbone(F.adaptive_avg_pool2d(feats, self.tokens)).flatten(2).transpose(1, 2)  # (B, N, d)
        k, v = self.kv(tok).chunk(2, dim=-1)
        factors = []
        for q, head in zip(self.queries, self.heads):
            att = torch.softmax(torch.einsum("nd,bmd->bnm", q, k) * self.scale, dim=-1)
            u = head(torch.einsum("bnm,bmd->bnd", att, v))  # (B, n_i, r_i)
            factors.append(u)
        if self.factor_base:
            # unit-RMS columns: W's scale is the core's, whatever the features' magnitude
            factors = [u + base for u, base in zip(factors, self.base)]
            factors = [u / u.pow(2).mean(dim=1, keepdim=True).add(1e-6).sqrt() for u in factors]
        return 1 + tucker(core, factors)


class ModulatedConv2d(nn.Module):
    """Conv with kernel W0 (cout, cin, k, k), optionally W0 * mod per sample (mod: (B, cout, cin, k, k))."""

    def __init__(self, cin: int, cout: int, k: int = 3):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, k, padding=k // 2)

    def forward(self, x: torch.Tensor, mod: torch.Tensor | None = None) -> torch.Tensor:
        if mod is None:
            return self.conv(x)
        b, cin, h, w = x.shape
        weight = (self.conv.weight[None] * mod).reshape(-1, cin, *self.conv.weight.shape[-2:])
        bias = self.conv.bias.repeat(b)
        # one grouped conv: every sample its own kernel
        out = F.conv2d(x.reshape(1, b * cin, h, w), weight, bias, padding=self.conv.padding, groups=b)
        return out.reshape(b, -1, h, w)


# --------------------------------------------------------------------------
# the pansharpener
# --------------------------------------------------------------------------

class PanNeXtU(nn.Module):
    """forward(pan (B,1,H,W), lms (B,C,H,W), z (B,S,zdim) | None) -> HRMS (B, C, H, W).

    Levels: H/2 (``width``), H/4 (2 ``width``); two kernel-modulated 3 x 3
    convs (bottleneck and head) when ``modulate`` (z None = unmodulated). Any
    H, W (padded to a multiple of 4, cropped back). The output head and the
    full-resolution fusion conv are zero-initialised: the untrained net
    returns the LMS.
    """

    def __init__(self, bands: int, width: int = 16, zdim: int = 32, ranks: tuple = (4, 4, 2, 2),
                 modulate: bool = True, kernel: int = 7, generator: str = "tucker", factor_base: bool = True):
        super().__init__()
        self.bands, self.width, self.zdim, self.ranks = bands, width, zdim, tuple(ranks)
        self.modulate, self.kernel, self.generator = modulate, kernel, generator
        self.factor_base = factor_base
        c, w = bands, width
        cin = 4 * (c + 1)
        self.stem = nn.Conv2d(cin, w, 1)
        self.enc1 = ConvNeXtBlock(w, kernel)
        self.down = nn.Conv2d(w, 2 * w, 2, stride=2)
        self.mid = nn.Sequential(ConvNeXtBlock(2 * w, kernel), ConvNeXtBlock(2 * w, kernel))
        self.mid_conv = ModulatedConv2d(2 * w, 2 * w, 3)
        self.up = nn.Conv2d(2 * w, 4 * w, 1)
        self.dec1 = ConvNeXtBlock(w, kernel)
        self.head = ModulatedConv2d(w, 4 * c, 3)
        self.fuse = nn.Conv2d(2 * c + 1, c, 3, padding=1)
        for conv in (self.head.conv, self.fuse):
            nn.init.zeros_(conv.weight)
            nn.init.zeros_(conv.bias)
        if modulate:
            self.mod_mid = TuckerModulator(2 * w, 2 * w, 3, zdim, cin, ranks, kind=generator,
                                           factor_base=factor_base)
            self.mod_head = TuckerModulator(4 * c, w, 3, zdim, cin, ranks, kind=generator,
                                            factor_base=factor_base)

    def arch(self) -> dict:
        """Constructor arguments (stored with the weights)."""
        return {"bands": self.bands, "width": self.width, "zdim": self.zdim, "ranks": list(self.ranks),
                "modulate": self.modulate, "kernel": self.kernel, "generator": self.generator,
                "factor_base": self.factor_base}

    def _stem_input(self, pan: torch.Tensor, lms: torch.Tensor):
        h, w = lms.shape[-2:]
        ph, pw = (-h) % 4, (-w) % 4
        if ph or pw:
            pan, lms = (F.pad(v, (0, pw, 0, ph), mode="replicate") for v in (pan, lms))
        return pan, lms, F.pixel_unshuffle(torch.cat([pan, lms], dim=1), 2)

    def modulations(self, pan: torch.Tensor, lms: torch.Tensor, z: torch.Tensor):
        """The per-image kernel modulations (bottleneck, head), each (B, cout, cin, 3, 3), from the
        code z and the image's features; (None, None) without modulation."""
        if not self.modulate or z is None:
            return None, None
        x0 = self._stem_input(pan, lms)[2]
        return self.mod_mid(z, x0), self.mod_head(z, x0)

    def forward(self, pan: torch.Tensor, lms: torch.Tensor, z: torch.Tensor | None = None,
                mods: tuple | None = None) -> torch.Tensor:
        """``mods``: modulations computed beforehand (`modulations`, e.g. once for a whole scene,
        broadcast over the batch); otherwise they come from ``z`` and this image."""
        h, w = lms.shape[-2:]
        pan, lms, x0 = self._stem_input(pan, lms)
        mm, mh = mods if mods is not None else self.modulations(pan, lms, z)
        if mm is not None and mm.shape[0] != x0.shape[0]:
            mm, mh = (m.expand(x0.shape[0], *m.shape[1:]) for m in (mm, mh))
        e1 = self.enc1(self.stem(x0))
        m = self.mid_conv(self.mid(self.down(e1)), mm)
        d1 = self.dec1(F.pixel_shuffle(self.up(F.gelu(m)), 2) + e1)
        coarse = F.pixel_shuffle(self.head(F.gelu(d1), mh), 2)
        res = coarse + self.fuse(torch.cat([coarse, pan, lms], dim=1))
        return (lms + res)[..., :h, :w]


# --------------------------------------------------------------------------
# pyramid latent fusion encoder
# --------------------------------------------------------------------------

class LinearCrossAttention(nn.Module):
    """Linear-complexity cross attention: queries from x, keys/values from y.

    softmax of Q over its channel axis, of K over the positions; cost
    O(N d^2). x, y (B, ch, h, w) -> (B, ch, h, w).
    """

    def __init__(self, ch: int, heads: int = 2):
        super().__init__()
        self.heads = heads
        self.q = nn.Conv2d(ch, ch, 1)
        self.kv = nn.Conv2d(ch, 2 * ch, 1)
        self.out = nn.Conv2d(ch, ch, 1)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        b, c, h, w = x.shape
        n, d = self.heads, c // self.heads
        q = self.q(x).reshape(b, n, d, h * w).softmax(dim=2)
        k, v = self.kv(y).chunk(2, dim=1)
        k = k.reshape(b, n, d, h * w).softmax(dim=3)
        ctx = torch.einsum("bndp,bnep->bnde", k, v.reshape(b, n, d, h * w))
        return self.out(torch.einsum("bnde,bndp->bnep", ctx, q).reshape(b, c, h, w))


class GatedFusion(nn.Module):
    """F = g * X + (1 - g) * Proj(Y) + O, g = sigmoid(conv(X, Y)), O = cross attention of X on Y."""

    def __init__(self, ch: int):
        super().__init__()
        self.attn = LinearCrossAttention(ch)
        self.proj = nn.Conv2d(ch, ch, 1)
        self.gate = nn.Conv2d(2 * ch, ch, 1)

    def forward(self, x: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
        g = torch.sigmoid(self.gate(torch.cat([x, y], dim=1)))
        return g * x + (1 - g) * self.proj(y) + self.attn(x, y)


class PLFE(nn.Module):
    """Pyramid latent fusion encoder -> z (B, S = stages * pool^2, zdim), LayerNorm-ed per token.

    forward(pan (B,1,H,W), lrms (B,C,H,W), guide (B,C,H,W) | None), all on
    the PAN grid: ``lrms`` is the MS brought to the PAN grid (the LMS), which
    makes the encoder independent of the ratio and of patch alignment. With
    ``guided`` (PLFE1) the guidance branch is the ground truth; without it
    (PLFE2) the guidance branch is a fusion of the PAN and LRMS features.
    Inputs are pixel-unshuffled by 2 and the stems stride by 2 (z is a pooled
    descriptor, so full-resolution detail would cost time for nothing); each
    of the ``stages`` then halves the grid again with a strided conv.
    """

    def __init__(self, bands: int, width: int = 32, zdim: int = 32, stages: int = 2, pool: int = 2,
                 guided: bool = True):
        super().__init__()
        self.bands, self.width, self.zdim = bands, width, zdim
        self.stages, self.pool, self.guided = stages, pool, guided
        self.pan_in = nn.Conv2d(4, width, 3, stride=2, padding=1)
        self.ms_in = nn.Conv2d(4 * bands, width, 3, stride=2, padding=1)
        self.guide_in = (nn.Conv2d(4 * bands, width, 3, stride=2, padding=1) if guided
                         else nn.Conv2d(2 * width, width, 1))
        self.down = nn.ModuleList([nn.ModuleList([nn.Conv2d(width, width, 3, stride=2, padding=1)
                                                  for _ in range(3)]) for _ in range(stages)])
        self.fuse_pan = nn.ModuleList([GatedFusion(width) for _ in range(stages)])
        self.fuse_ms = nn.ModuleList([GatedFusion(width) for _ in range(stages)])
        self.to_z = nn.Linear(2 * width, zdim)
        self.norm = nn.LayerNorm(zdim, elementwise_affine=False)  # unit-scale codes for the latent DDPM

    def arch(self) -> dict:
        return {"bands": self.bands, "width": self.width, "zdim": self.zdim, "stages": self.stages,
                "pool": self.pool, "guided": self.guided}

    @property
    def tokens(self) -> int:
        return self.stages * self.pool * self.pool

    def forward(self, pan: torch.Tensor, lrms: torch.Tensor, guide: torch.Tensor | None = None) -> torch.Tensor:
        h, w = lrms.shape[-2:]
        ph, pw = (-h) % 2, (-w) % 2
        if ph or pw:
            pan, lrms = (F.pad(v, (0, pw, 0, ph), mode="replicate") for v in (pan, lrms))
            guide = None if guide is None else F.pad(guide, (0, pw, 0, ph), mode="replicate")
        p = F.gelu(self.pan_in(F.pixel_unshuffle(pan, 2)))
        m = F.gelu(self.ms_in(F.pixel_unshuffle(lrms, 2)))
        if self.guided:
            if guide is None:
                raise ValueError("PLFE1 needs the ground truth as guidance.")
            g = F.gelu(self.guide_in(F.pixel_unshuffle(guide, 2)))
        else:
            g = F.gelu(self.guide_in(torch.cat([p, m], dim=1)))
        toks = []
        for (dp, dm, dg), fp, fm in zip(self.down, self.fuse_pan, self.fuse_ms):
            p, m, g = F.gelu(dp(p)), F.gelu(dm(m)), F.gelu(dg(g))
            p, m = fp(p, g), fm(m, g)
            pooled = F.adaptive_avg_pool2d(torch.cat([p, m], dim=1), self.pool)
            toks.append(pooled.flatten(2).transpose(1, 2))
        return self.norm(self.to_z(torch.cat(toks, dim=1)))


# --------------------------------------------------------------------------
# latent denoiser
# --------------------------------------------------------------------------

class LatentDenoiser(nn.Module):
    """forward(z_t (B,S,zdim), cond (B,S,zdim), t (B,)) -> z0_hat (B,S,zdim).

    Residual MLP blocks over tokens with the timestep added and a token-mixing
    mean, so every token sees the whole code.
    """

    def __init__(self, zdim: int = 32, hidden: int = 128, blocks: int = 3):
        super().__init__()
        self.zdim, self.hidden, self.blocks = zdim, hidden, blocks
        self.inp = nn.Linear(2 * zdim, hidden)
        self.temb = nn.Sequential(nn.Linear(hidden, hidden), nn.SiLU(), nn.Linear(hidden, hidden))
        self.mix = nn.ModuleList([nn.Linear(hidden, hidden) for _ in range(blocks)])
        self.mlp = nn.ModuleList([nn.Sequential(nn.LayerNorm(hidden), nn.Linear(hidden, 2 * hidden), nn.GELU(),
                                                nn.Linear(2 * hidden, hidden)) for _ in range(blocks)])
        self.out = nn.Linear(hidden, zdim)

    def arch(self) -> dict:
        return {"zdim": self.zdim, "hidden": self.hidden, "blocks": self.blocks}

    def forward(self, z_t: torch.Tensor, cond: torch.Tensor, t) -> torch.Tensor:
        b = z_t.shape[0]
        t = torch.as_tensor(t, device=z_t.device).reshape(-1)
        if t.numel() == 1 and b > 1:
            t = t.expand(b)
        h = self.inp(torch.cat([z_t, cond], dim=-1))
        h = h + self.temb(timestep_embedding(t, self.hidden).to(h.dtype))[:, None]
        for mix, mlp in zip(self.mix, self.mlp):
            h = h + mix(h.mean(dim=1, keepdim=True))
            h = h + mlp(h)
        return self.out(h)
