"""Degradation operators on torch tensors (differentiable, any device).

Images are float tensors shaped (B, C, H, W). The kernel numbers come from
`kernels.py` (one source for NumPy and torch). Grid convention: decimation
keeps pixels 0, r, 2r, ...; upsampling takes a ``phase`` (high-res coordinate
of low-res pixel 0's centre; 0 for the project's convention).

tau(X) = decimate(blur(X, psf), ratio) is the forward operator of every
self-learning method.
"""
from __future__ import annotations

import math

import numpy as np
import torch
import torch.nn.functional as F

from . import kernels


def as_tensor_like(a, ref: torch.Tensor) -> torch.Tensor:
    """Array/tensor ``a`` as a tensor with ``ref``'s dtype and device."""
    if isinstance(a, torch.Tensor):
        return a.to(device=ref.device, dtype=ref.dtype)
    return torch.as_tensor(np.asarray(a), dtype=ref.dtype, device=ref.device)


def gaussian_psf(size: int, sigma: float, device=None, dtype=torch.float32) -> torch.Tensor:
    """(size, size) Gaussian PSF summing to 1, as a tensor."""
    return torch.as_tensor(kernels.gaussian_psf(size, sigma), dtype=dtype, device=device)


def mtf_psf(ratio: float, gain: float, size: int | None = None, device=None, dtype=torch.float32) -> torch.Tensor:
    """(k, k) MTF-matched Gaussian (response ``gain`` at the LR Nyquist)."""
    return torch.as_tensor(kernels.mtf_psf(ratio, gain, size), dtype=dtype, device=device)


def pad_symmetric(x: torch.Tensor, ph: int, pw: int) -> torch.Tensor:
    """Symmetric (edge-repeating) padding of the last two axes, differentiable.

    Works for pads up to the image size (torch's 'reflect' excludes the edge
    and is limited to size-1).
    """
    for dim, pad in ((-2, ph), (-1, pw)):
        if not pad:
            continue
        n = x.shape[dim]
        if pad <= n:
            x = _PadEdges.apply(x, dim, pad)
        else:
            x = x.index_select(dim, _symmetric_index(n, pad, x.device))
    return x


class _PadEdges(torch.autograd.Function):
    """Symmetric padding of one axis by ``pad`` <= its size.

    Forward: the mirrored edge strips around the image, a copy instead of a gather
    along the axis (index_select on the last axis was half of `upsample`'s time on
    scene tiles). Backward: the centre of the gradient plus the mirrored strips
    added onto the edges; autograd's own backward of the slices allocated a zeroed
    full-size gradient per strip (a quarter of an HSI solver step on a large tile).
    """

    @staticmethod
    def forward(x, dim: int, pad: int):
        n = x.shape[dim]
        return torch.cat([x.narrow(dim, 0, pad).flip(dim), x, x.narrow(dim, n - pad, pad).flip(dim)], dim=dim)

    @staticmethod
    def setup_context(ctx, inputs, output):  # the separate form torch.func (vjp) needs
        x, dim, pad = inputs
        ctx.dim, ctx.pad, ctx.n = dim, pad, x.shape[dim]

    @staticmethod
    def backward(ctx, g):
        dim, pad, n = ctx.dim, ctx.pad, ctx.n
        gi = g.narrow(dim, pad, n).clone()
        gi.narrow(dim, 0, pad).add_(g.narrow(dim, 0, pad).flip(dim))
        gi.narrow(dim, n - pad, pad).add_(g.narrow(dim, n + pad, pad).flip(dim))
        return gi, None, None


def _symmetric_index(n: int, pad: int, device) -> torch.Tensor:
    i = torch.arange(-pad, n + pad, device=device)
    period = 2 * n
    i = torch.remainder(i, period)
    return torch.where(i >= n, period - 1 - i, i)


def blur(x: torch.Tensor, psf) -> torch.Tensor:
    """Blur every band of x (B, C, H, W) with symmetric padding; same shape out.

    psf: (k, k) shared by all bands, or (C, k, k) one per band; odd k.
    """
    return _convolve(x, psf, 1, 0)


def _convolve(x: torch.Tensor, psf, stride: int, start: int) -> torch.Tensor:
    """blur(x, psf)[..., start::stride, start::stride], evaluated only at those pixels."""
    psf = as_tensor_like(psf, x)
    c = x.shape[1]
    if psf.dim() == 2:
        psf = psf.expand(c, -1, -1)
    k = psf.shape[-1]
    xp = pad_symmetric(x, k // 2, k // 2)
    if start:
        xp = xp[..., start:, start:]
    return F.conv2d(xp, psf.flip(-1, -2)[:, None], stride=stride, groups=c)


def decimate(x: torch.Tensor, ratio: int) -> torch.Tensor:
    """Keep pixels 0, r, 2r, ... of the last two axes."""
    return x[..., ::ratio, ::ratio]


def downsample(x: torch.Tensor, psf, ratio: int, start: int = 0) -> torch.Tensor:
    """tau(X) = decimate(blur(X, psf), ratio): (B, C, H, W) -> (B, C, ceil(H/r), ceil(W/r)).

    ``start`` (0 <= start < ratio): keep pixels start, start + r, ... instead
    (blur(X)[..., start::r, start::r]; ceil((H - start)/r) rows).

    The blur is evaluated only at the kept pixels (a strided convolution): the
    same values as blurring everything and decimating, r^2 times less work
    forward and backward (the data terms of the HSI solvers call this on
    every step).
    """
    return _convolve(x, psf, ratio, start)


def apply_srf(x: torch.Tensor, srf) -> torch.Tensor:
    """Apply a (c_out, C) spectral response over the band axis of x (B, C, H, W)."""
    srf = as_tensor_like(srf, x)
    return torch.einsum("oc,bchw->bohw", srf, x)


def upsample(x: torch.Tensor, ratio: int, phase: float = 0.0, method: str = "cubic") -> torch.Tensor:
    """Interpolate (B, C, h, w) to (B, C, r*h, r*w); separable, symmetric edges.

    Same weights as `kernels.upsample_weights`; differentiable in x. Without
    autograd the phases are accumulated in place into the interleaved output
    (half the memory traffic: about 2x faster on a CPU, where this is a
    large scene's second-largest cost after the network).
    """
    offsets, weights = kernels.upsample_weights(ratio, phase, method)
    pad = int(np.abs(offsets).max())
    in_place = not (torch.is_grad_enabled() and x.requires_grad)
    w_t = torch.as_tensor(weights, dtype=x.dtype, device=x.device)
    for dim in (-2, -1):
        n = x.shape[dim]
        xp = pad_symmetric(x, pad if dim == -2 else 0, pad if dim == -1 else 0)
        shape = list(x.shape)
        shape[dim] = n * ratio
        if in_place:
            x = _upsample_axis_in_place(xp, dim, n, pad, ratio, offsets, weights).reshape(shape)
            continue
        phases = []
        for p in range(ratio):
            acc = 0
            for j, o in enumerate(offsets):
                acc = acc + w_t[p, j] * xp.narrow(dim, pad + int(o), n)
            phases.append(acc)
        # stacking at `dim` gives (..., n, ratio, ...): merging the two axes
        # interleaves the phases (output index = ratio*q + p)
        x = torch.stack(phases, dim=dim).reshape(shape)
    return x


def _upsample_axis_in_place(xp: torch.Tensor, dim: int, n: int, pad: int, ratio: int, offsets,
                            weights) -> torch.Tensor:
    """One axis of `upsample` without autograd: (..., n, ratio, ...) with phase p at index p."""
    shape = list(xp.shape)
    shape[dim] = n
    shape.insert(len(shape) + dim + 1, ratio)
    out = torch.empty(shape, dtype=xp.dtype, device=xp.device)
    for p in range(ratio):
        dst = out.select(dim, p) if dim == -1 else out.select(-2, p)
        first = True
        for j, o in enumerate(offsets):
            wj = float(weights[p, j])
            if wj == 0.0:
                continue
            src = xp.narrow(dim, pad + int(o), n)
            if first:
                dst.copy_(src).mul_(wj)
                first = False
            else:
                dst.add_(src, alpha=wj)
        if first:
            dst.zero_()
    return out


def noise_for_snr(x: torch.Tensor, snr_db: float, generator: torch.Generator | None = None) -> torch.Tensor:
    """Zero-mean Gaussian noise per band whose power is ``snr_db`` below the
    band's mean signal power (mean of x^2 over pixels). Same shape as x."""
    power = x.pow(2).mean(dim=(-2, -1), keepdim=True)
    std = torch.sqrt(power / (10.0 ** (snr_db / 10.0)))
    dev = generator.device if generator is not None else x.device
    n = torch.randn(x.shape, generator=generator, dtype=x.dtype, device=dev)
    return n.to(x.device) * std


def add_noise_snr(x: torch.Tensor, snr_db: float | None, generator: torch.Generator | None = None) -> torch.Tensor:
    """x plus SNR-controlled noise (`noise_for_snr`); returns x when snr_db is None."""
    if snr_db is None:
        return x
    return x + noise_for_snr(x, snr_db, generator)


# --------------------------------------------------------------------------
# Wald's-protocol simulation
# --------------------------------------------------------------------------

def ikonos_like_srf(wavelengths_nm, response_table: np.ndarray | None = None) -> np.ndarray:
    """(4, C) IKONOS Blue, Green, Red, NIR response sampled at band centres.

    ``response_table``: (n, 6) table (wavelength, Pan, B, G, R, NIR) as in
    shared/data/srf/ikonos_spec_resp.mat; without it, Gaussian approximations
    of the IKONOS bands are used (centres 480/550/665/805 nm, FWHM 70/90/70/95).
    Each row is normalised to sum 1. Rows that would be all zero (no band
    under the response) fall back to the nearest band.
    """
    wl = np.asarray(wavelengths_nm, dtype=np.float64)
    if response_table is not None:
        tab = np.asarray(response_table, dtype=np.float64)
        rows = [np.interp(wl, tab[:, 0], tab[:, j], left=0.0, right=0.0) for j in (2, 3, 4, 5)]
        centres = [float((tab[:, 0] * tab[:, j]).sum() / tab[:, j].sum()) for j in (2, 3, 4, 5)]
    else:
        centres = [480.0, 550.0, 665.0, 805.0]
        fwhm = [70.0, 90.0, 70.0, 95.0]
        rows = [np.exp(-0.5 * ((wl - c) / (f / 2.3548)) ** 2) for c, f in zip(centres, fwhm)]
        rows = [np.where(r > 1e-3, r, 0.0) for r in rows]
    srf = np.zeros((4, wl.size))
    for i, r in enumerate(rows):
        if r.sum() <= 0:
            r = np.zeros(wl.size)
            r[int(np.argmin(np.abs(wl - centres[i])))] = 1.0
        srf[i] = r / r.sum()
    return srf


def pan_srf(wavelengths_nm, lo: float = 450.0, hi: float = 900.0) -> np.ndarray:
    """(1, C) PAN response: the mean of the bands whose centres lie in [lo, hi] nm."""
    wl = np.asarray(wavelengths_nm, dtype=np.float64)
    sel = (wl >= lo) & (wl <= hi)
    if not sel.any():
        sel[:] = True
    r = sel.astype(np.float64)
    return (r / r.sum())[None]


def simulate_pair(reference: torch.Tensor, ratio: int, psf, srf, snr_lr: float | None = None,
                  snr_hr: float | None = None, generator: torch.Generator | None = None):
    """Wald's protocol: reference (B, C, H, W) -> (low-res spectral, high-res PAN/MSI).

    low = decimate(blur(reference, psf), ratio) [+ noise at ``snr_lr`` dB];
    high = apply_srf(reference, srf) [+ noise at ``snr_hr`` dB].
    The low-res noise is drawn before the high-res noise from ``generator``.
    BENCHMARK "gauss9 + n35": psf = kernels.gauss9_psf(4), snr = 35.
    """
    low = add_noise_snr(downsample(reference, psf, ratio), snr_lr, generator)
    high = add_noise_snr(apply_srf(reference, srf), snr_hr, generator)
    return low, high


def simulate_mtf(reference: torch.Tensor, ratio: int, gains, pan: torch.Tensor | None = None,
                 pan_gain: float | None = None):
    """MTF-matched Wald simulation for pansharpening.

    reference (B, C, H, W) -> LR-MS = decimate(blur with per-band MTF-matched
    Gaussians of ``gains`` at Nyquist, ratio). When ``pan`` (B, 1, H*, W*) is
    given with ``pan_gain``, it is degraded the same way by the ratio
    (returned at the reference's resolution); else None.
    """
    gains = np.broadcast_to(np.atleast_1d(np.asarray(gains, dtype=np.float64)), (reference.shape[1],))
    low = downsample(reference, kernels.mtf_psfs(ratio, gains), ratio)
    pan_low = None
    if pan is not None:
        g = 0.15 if pan_gain is None else pan_gain
        pan_low = downsample(pan, kernels.mtf_psf(ratio, g), ratio)
    return low, pan_low


def psf_from_sigma(sigma: float, ratio: int) -> np.ndarray:
    """Gaussian PSF with ``sigma`` (high-res pixels), size covering +-3 sigma and >= 2r+1."""
    half = max(int(math.ceil(3 * sigma)), ratio)
    return kernels.gaussian_psf(2 * half + 1, sigma)
