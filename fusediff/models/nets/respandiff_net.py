"""ResPanDiff's network: a compact U-Net with condition-injection (CSM) and
wavelet-attention modulation (FWM) modules.

f_theta(x_t, cond, t) -> e0_hat, where x_t = LMS + e_t (C bands on the PAN
grid), cond = (PAN, LMS) and t a (B,) timestep. Following the paper (Cao et
al., arXiv 2501.05091, building on DDIF):

- CSM (encoder): features x are modulated by the condition,
  out = conv1x1(x) * (1 + scale) + shift, with (scale, shift) from
  conv(cond) -> GroupNorm -> SiLU -> zero-initialised 1x1 conv, so each CSM
  starts as a plain 1x1 conv. The full-resolution CSM sees (PAN, LMS); the
  half-resolution ones see their one-level Haar subbands.
- FWM (decoder): linear attention whose queries come from the decoder
  features and whose keys/values come from the Haar subbands of LMS and PAN;
  its output is added back through a zero-initialised projection.

Residual blocks with timestep scale/shift are the shared `unet.ResBlock`.
Sizes are small on purpose (a 256 x 256 x 4 input runs 15 steps in a few
seconds on two CPU cores; the default weights are ~1 MB).
"""
from __future__ import annotations

import torch
import torch.nn as nn
import torch.nn.functional as F

from ..diffusion import timestep_embedding
from .unet import ResBlock, _norm


def haar(x: torch.Tensor) -> torch.Tensor:
    """One-level orthonormal Haar (db1) transform.

    x (B, C, H, W) -> (B, 4C, ceil(H/2), ceil(W/2)): subbands LL, LH, HL, HH
    stacked as [LL_1..LL_C, LH_1.., HL_1.., HH_1..]. Odd sizes are padded by
    repeating the last row/column.
    """
    h, w = x.shape[-2:]
    if h % 2 or w % 2:
        x = F.pad(x, (0, w % 2, 0, h % 2), mode="replicate")
    a = x[..., 0::2, 0::2]
    b = x[..., 0::2, 1::2]
    c = x[..., 1::2, 0::2]
    d = x[..., 1::2, 1::2]
    ll = (a + b + c + d) / 2
    lh = (a - b + c - d) / 2  # horizontal detail (differences along x)
    hl = (a + b - c - d) / 2  # vertical detail
    hh = (a - b - c + d) / 2
    return torch.cat([ll, lh, hl, hh], dim=1)


class CSM(nn.Module):
    """Condition injection: conv1x1(x) * (1 + scale) + shift, (scale, shift) from cond.

    x (B, cin, H, W), cond (B, ccond, H, W) -> (B, cout, H, W).
    """

    def __init__(self, cin: int, cout: int, ccond: int, hidden: int | None = None):
        super().__init__()
        hidden = hidden or cout
        self.proj = nn.Conv2d(cin, cout, 1)
        self.cond = nn.Conv2d(ccond, hidden, 3, padding=1)
        self.norm = _norm(hidden)
        self.to_ss = nn.Conv2d(hidden, 2 * cout, 1)
        # zero init: the module starts as the plain 1x1 projection
        nn.init.zeros_(self.to_ss.weight)
        nn.init.zeros_(self.to_ss.bias)

    def forward(self, x: torch.Tensor, cond: torch.Tensor) -> torch.Tensor:
        scale, shift = self.to_ss(F.silu(self.norm(self.cond(cond)))).chunk(2, dim=1)
        return self.proj(x) * (1 + scale) + shift


class FWM(nn.Module):
    """Wavelet-attention modulation: linear attention, queries from features,
    keys/values from the Haar subbands of LMS and PAN.

    x (B, ch, H, W), wav (B, cwav, H, W) (subbands at x's resolution) ->
    x + proj(attention) (B, ch, H, W). Linear attention (softmax over the
    key positions of k, over channels of q; Shen et al. 2021) costs
    O(H W ch^2 / heads), so any image size works.
    """

    def __init__(self, ch: int, cwav: int, heads: int = 4):
        super().__init__()
        self.heads = heads
        self.norm = _norm(ch)
        self.q = nn.Conv2d(ch, ch, 1)
        self.kv = nn.Sequential(nn.Conv2d(cwav, ch, 3, padding=1), nn.SiLU(), nn.Conv2d(ch, 2 * ch, 1))
        self.proj = nn.Conv2d(ch, ch, 1)
        nn.init.zeros_(self.proj.weight)
        nn.init.zeros_(self.proj.bias)

    def forward(self, x: torch.Tensor, wav: torch.Tensor) -> torch.Tensor:
        b, c, h, w = x.shape
        n, d = self.heads, c // self.heads
        q = self.q(self.norm(x)).reshape(b, n, d, h * w).softmax(dim=2)
        k, v = self.kv(wav).chunk(2, dim=1)
        k = k.reshape(b, n, d, h * w).softmax(dim=3)
        v = v.reshape(b, n, d, h * w)
        ctx = torch.einsum("bndp,bnep->bnde", k, v)       # (b, n, d_k, d_v)
        out = torch.einsum("bnde,bndp->bnep", ctx, q)      # (b, n, d_v, p)
        return x + self.proj(out.reshape(b, c, h, w))


class ResPanDiffNet(nn.Module):
    """forward(x_t (B, C, H, W), pan (B, 1, H, W), lms (B, C, H, W), t (B,)) -> e0_hat (B, C, H, W).

    Three levels: full resolution (``width0`` channels, CSM on (PAN, LMS)),
    half resolution (``width``, CSM and FWM on the Haar subbands of (PAN, LMS)),
    quarter resolution (``width``, CSM/FWM on the subbands average-pooled).
    Any H, W: inputs are padded to a multiple of 4 and the output cropped.
    The output conv is zero-initialised (the untrained net predicts e0 = 0,
    i.e. returns the interpolated MS).
    """

    def __init__(self, bands: int, width: int = 32, width0: int = 16, blocks: int = 1, heads: int = 4):
        super().__init__()
        self.bands, self.width, self.width0, self.blocks, self.heads = bands, width, width0, blocks, heads
        c = bands
        cc = c + 1                 # condition at full resolution: PAN + LMS
        cw = 4 * cc                # Haar subbands of PAN and LMS
        # the full-resolution level is kept narrow: it holds most pixels, so
        # it dominates the cost (convs there are ~4x dearer than at half res)
        w0, w1, w2 = width0, width, width
        temb = 4 * width
        self.temb = nn.Sequential(nn.Linear(width, temb), nn.SiLU(), nn.Linear(temb, temb))
        self.inp = nn.Conv2d(c + cc, w0, 3, padding=1)
        # encoder
        self.csm0 = CSM(w0, w0, cc)
        self.enc0 = nn.ModuleList([ResBlock(w0, w0, temb) for _ in range(blocks)])
        self.down0 = nn.Conv2d(w0, w1, 3, stride=2, padding=1)
        self.csm1 = CSM(w1, w1, cw)
        self.enc1 = nn.ModuleList([ResBlock(w1, w1, temb) for _ in range(blocks)])
        self.down1 = nn.Conv2d(w1, w2, 3, stride=2, padding=1)
        self.csm2 = CSM(w2, w2, cw)
        self.mid = nn.ModuleList([ResBlock(w2, w2, temb), ResBlock(w2, w2, temb)])
        # decoder
        self.fwm2 = FWM(w2, cw, heads)
        self.up1 = nn.Conv2d(w2, w1, 3, padding=1)
        self.dec1 = ResBlock(2 * w1, w1, temb)
        self.fwm1 = FWM(w1, cw, heads)
        self.up0 = nn.Conv2d(w1, w0, 3, padding=1)
        self.dec0 = ResBlock(2 * w0, w0, temb)
        self.out_norm = _norm(w0)
        self.out = nn.Conv2d(w0, c, 3, padding=1)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def arch(self) -> dict:
        """Constructor arguments (stored with the weights)."""
        return {"bands": self.bands, "width": self.width, "width0": self.width0, "blocks": self.blocks,
                "heads": self.heads}

    def forward(self, x_t: torch.Tensor, pan: torch.Tensor, lms: torch.Tensor, t) -> torch.Tensor:
        b, _, h, w = x_t.shape
        t = torch.as_tensor(t, device=x_t.device).reshape(-1)
        if t.numel() == 1 and b > 1:
            t = t.expand(b)
        ph, pw = (-h) % 4, (-w) % 4
        if ph or pw:
            pad = (0, pw, 0, ph)
            x_t, pan, lms = (F.pad(v, pad, mode="replicate") for v in (x_t, pan, lms))
        cond = torch.cat([pan, lms], dim=1)
        wav1 = haar(cond)
        wav2 = F.avg_pool2d(wav1, 2)
        temb = self.temb(timestep_embedding(t, self.width).to(x_t.dtype))

        h0 = self.csm0(self.inp(torch.cat([x_t, cond], dim=1)), cond)
        for blk in self.enc0:
            h0 = blk(h0, temb)
        h1 = self.csm1(self.down0(h0), wav1)
        for blk in self.enc1:
            h1 = blk(h1, temb)
        h2 = self.csm2(self.down1(h1), wav2)
        for blk in self.mid:
            h2 = blk(h2, temb)
        h2 = self.fwm2(h2, wav2)
        # convolve before upsampling: same receptive field role, 4x cheaper
        u1 = F.interpolate(self.up1(h2), scale_factor=2, mode="nearest")
        u1 = self.fwm1(self.dec1(torch.cat([u1, h1], dim=1), temb), wav1)
        u0 = F.interpolate(self.up0(u1), scale_factor=2, mode="nearest")
        u0 = self.dec0(torch.cat([u0, h0], dim=1), temb)
        out = self.out(F.silu(self.out_norm(u0)))
        return out[..., :h, :w]
