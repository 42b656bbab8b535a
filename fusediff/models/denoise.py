"""Sensor-noise suppression for the inputs of HSI-MSI fusion.

In HSI-MSI fusion the MSI's noise is copied, and amplified, into every fused band: its few
bands decide the spatial detail of a hundred or more. On the HM benchmark cases a noise-free
MSI would lift SDP's warm start by 1.7-4.9 dB (bench/experiments/ablation_sdp.md). What lives here:

- `noise_sigma`: a per-band estimate of white-noise standard deviation from an image alone.
- `wiener_multiband`: the linear minimum-mean-square-error filter for white noise, with the
  signal's cross-band power spectrum estimated per ring of spatial frequency. It shrinks each
  frequency ring along the directions (band combinations) where the noise dominates, so the
  bands' shared detail is kept while band differences that are mostly noise are damped.
- `band_regression_sigma`, `subspace_wiener`: the same for a hyperspectral cube, whose noise
  is estimated from neighbouring bands and filtered inside its leading spectral directions.
- `signal_subspace_rank`: how many spectral directions carry more signal than noise.
"""
from __future__ import annotations

import math

import torch
import torch.nn.functional as F

from .device import to_float64

PATCH = 5                 # patch side for the weak-texture estimate
WEAK_FRACTION = 0.3       # share of the flattest patches kept for it
TOP_RINGS = 10            # highest-frequency rings (of RINGS_ESTIMATE) for the factor-analysis estimate
RINGS_ESTIMATE = 32
RINGS_FILTER = 16


def _periodic_spectrum(img: torch.Tensor) -> tuple[torch.Tensor, torch.Tensor]:
    """img (c, H, W) -> (its mirror extension's centred 2-D FFT (c, 2H, 2W) scaled so that white
    noise of variance s^2 has E|F|^2 = s^2, normalised radial frequency (2H, 2W) in [0, 1]).

    The mirror extension makes the image periodic, so the borders add no spurious high
    frequencies."""
    c, H, W = img.shape
    ext = torch.cat([img, img.flip(-1)], -1)
    ext = torch.cat([ext, ext.flip(-2)], -2)
    spec = torch.fft.fft2(ext - ext.mean((1, 2), keepdim=True)) / (2 * math.sqrt(H * W))
    fy = torch.fft.fftfreq(2 * H, dtype=img.dtype, device=img.device)[:, None]
    fx = torch.fft.fftfreq(2 * W, dtype=img.dtype, device=img.device)[None, :]
    radius = torch.sqrt(fy ** 2 + fx ** 2) / math.sqrt(0.5)
    return spec, radius


def _ring_index(radius: torch.Tensor, rings: int) -> torch.Tensor:
    return torch.clamp((radius * rings).long(), max=rings - 1).reshape(-1)


def _weak_texture_sigma(img: torch.Tensor, valid: torch.Tensor | None) -> torch.Tensor:
    """Smallest eigenvalue of the covariance of the flattest PATCH x PATCH patches, per band
    (Liu et al.'s weak-texture idea): those patches are close to noise alone, and the smallest
    eigen-direction of their covariance carries the noise's variance and little signal."""
    out = []
    keep_valid = None
    if valid is not None:
        inside = F.avg_pool2d(valid[None, None].to(img.device, img.dtype), PATCH, stride=1)[0, 0] > 0.999
        keep_valid = inside.reshape(-1)
    for band in img:
        patches = F.unfold(band[None, None], PATCH)[0]                    # (P*P, N)
        spread = patches.var(0)
        ok = spread > 0                                                   # no fill or saturation
        if keep_valid is not None:
            ok &= keep_valid
        patches, spread = patches[:, ok], spread[ok]
        if patches.shape[1] < 4 * PATCH * PATCH:
            out.append(torch.tensor(float("inf"), dtype=img.dtype, device=img.device))
            continue
        n = max(4 * PATCH * PATCH, int(WEAK_FRACTION * patches.shape[1]))
        patches = patches[:, spread.argsort()[:n]]
        patches = patches - patches.mean(1, keepdim=True)
        ev = torch.linalg.eigvalsh(patches @ patches.T / patches.shape[1])
        # the smallest eigenvalue of a sample covariance of pure noise sits near the lower
        # Marchenko-Pastur edge sigma^2 (1 - sqrt(p / n))^2, not at sigma^2
        edge = 1 - math.sqrt(PATCH * PATCH / patches.shape[1])
        out.append(ev[0].clamp_min(0).sqrt() / edge)
    return torch.stack(out)


def _identifiable_rank(c: int) -> int:
    """Largest factor-analysis rank k for c variables with (c - k)^2 >= c + k (the model has no
    more parameters than the covariance has entries, so the noise part is determined)."""
    k = 0
    while (c - k - 1) ** 2 >= c + k + 1:
        k += 1
    return k


def _factor_sigma(img: torch.Tensor, iters: int = 200) -> torch.Tensor:
    """Per-band noise std from the highest spatial frequencies: there the cross-band spectrum is
    modelled as a low-rank shared part (detail common to the bands) plus a diagonal
    (independent noise), fitted by the classical factor-analysis iteration with the largest
    identifiable rank. Needs at least 3 bands; returns inf otherwise."""
    c = img.shape[0]
    rank = _identifiable_rank(c)
    if rank < 1:
        return torch.full((c,), float("inf"), dtype=img.dtype, device=img.device)
    spec, radius = _periodic_spectrum(img)
    ring = _ring_index(radius, RINGS_ESTIMATE)
    flat = spec.reshape(c, -1)
    # each ring weighs the same, so the sparse corner rings (the highest frequencies, where the
    # noise dominates most) are not outvoted by the crowded ones below them
    S = 0
    for k in range(RINGS_ESTIMATE - TOP_RINGS, RINGS_ESTIMATE):
        Z = flat[:, (ring == k).nonzero()[:, 0]]
        S = S + Z @ Z.conj().T / max(Z.shape[1], 1) / TOP_RINGS
    diag = torch.diagonal(S).real
    psi = diag * 0.5
    for _ in range(iters):
        scale = psi.clamp_min(1e-30).rsqrt().to(S.dtype)
        lam, Q = torch.linalg.eigh(scale[:, None] * S * scale[None, :])
        load = (lam.real[-rank:] - 1).clamp_min(0).sqrt().to(S.dtype)
        L = (1 / scale)[:, None] * Q[:, -rank:] * load[None, :]
        psi = (diag - torch.sum(L.abs() ** 2, 1)).clamp_min(1e-30)
    return psi.sqrt()


def noise_sigma(img: torch.Tensor, valid: torch.Tensor | None = None) -> torch.Tensor:
    """Per-band standard deviation of white noise in ``img``, estimated from the image alone.

    img (c, H, W) float (reflectance-like units; any scale); valid (H, W) bool or None (pixels
    to use, e.g. outside nodata borders). Returns (c,) float64 in img's units. Both estimators
    used are biased upwards by signal that looks like noise (flat-looking texture; band-specific
    fine detail), so their smaller value is taken: on the HM cases it is within 10 % of the
    true noise for Jasper and Samson and 0-55 % above it for the urban Paris scene. A band
    whose estimate fails (too few valid patches and too few bands) gets 0 (nothing removed).
    """
    x = to_float64(img.detach())  # on the CPU for Apple MPS (no float64 there)
    if x.dim() != 3:
        raise ValueError(f"img must be (c, H, W); got {tuple(img.shape)}")
    weak = _weak_texture_sigma(x, valid)
    if valid is not None:
        # the spectral estimate needs a full rectangle; fill the invalid pixels with band means
        valid = valid.to(x.device)
        m = valid.to(x.dtype)
        means = (x * m).sum((1, 2)) / m.sum().clamp_min(1)
        x = torch.where(valid[None], x, means[:, None, None])
    fa = _factor_sigma(x)
    sigma = torch.minimum(weak, fa)
    return torch.where(torch.isfinite(sigma), sigma, torch.zeros_like(sigma))


def wiener_multiband(img: torch.Tensor, sigma: torch.Tensor, rings: int = RINGS_FILTER) -> torch.Tensor:
    """Multiband Wiener filter of an image with white (spatially uncorrelated) noise.

    img (..., c, H, W) float; sigma: (c,) per-band noise std in img's units (0: band left
    untouched), or a (c, c) noise covariance (bands mixed by a transform, e.g. subspace
    coefficients). For each ring of radial spatial frequency the bands' cross spectrum S is
    measured; with noise covariance N the filter is N^1/2 Q diag(max(1 - 1/l, 0)) Q^H N^-1/2,
    (Q, l) the eigenpairs of N^-1/2 S N^-1/2, i.e. the MMSE estimate (S - N) S^-1 with the
    signal part kept positive semi-definite. The image mean passes unchanged. ``rings`` is
    capped so each ring holds at least 4c frequencies. Returns the filtered image, same shape
    and dtype.
    """
    shape, dtype = img.shape, img.dtype
    c, H, W = shape[-3:]
    x = to_float64(img.detach()).reshape(-1, c, H, W)
    s = torch.as_tensor(sigma, dtype=torch.float64, device=x.device)
    if s.dim() == 1:
        if s.numel() != c:
            raise ValueError(f"sigma needs one value per band ({c}); got {s.numel()}")
        active = s > 0
        if not bool(active.any()):
            return img.clone()
        cov = torch.diag(s[active] ** 2)
    elif s.shape == (c, c):
        if not bool((s != 0).any()):
            return img.clone()
        active = torch.ones(c, dtype=torch.bool, device=x.device)
        cov = 0.5 * (s + s.T)
    else:
        raise ValueError(f"sigma must be ({c},) or ({c}, {c}); got {tuple(s.shape)}")
    ev, V = torch.linalg.eigh(cov)
    ev = ev.clamp_min(1e-30 * float(ev.max().clamp_min(1e-300)))
    half = ((V * ev.sqrt()) @ V.T).to(torch.complex128)            # N^1/2
    ihalf = ((V * ev.rsqrt()) @ V.T).to(torch.complex128)          # N^-1/2
    n_act = int(active.sum())
    rings = max(1, min(int(rings), (H * W) // n_act))
    out = x.clone()
    for b in range(x.shape[0]):
        band = x[b, active]
        mean = band.mean((1, 2), keepdim=True)
        spec, radius = _periodic_spectrum(band)
        ring = _ring_index(radius, rings)
        flat = spec.reshape(n_act, -1)
        filt = torch.zeros_like(flat)
        for k in range(rings):
            idx = (ring == k).nonzero()[:, 0]
            if idx.numel() == 0:
                continue
            Z = flat[:, idx]
            S = Z @ Z.conj().T / idx.numel()
            lam, Q = torch.linalg.eigh(ihalf @ S @ ihalf)
            gain = torch.clamp(1 - 1 / lam.real.clamp_min(1e-12), min=0).to(flat.dtype)
            filt[:, idx] = half @ (Q * gain[None, :]) @ Q.conj().T @ ihalf @ Z
        sharp = torch.fft.ifft2(filt.reshape(spec.shape)).real * (2 * math.sqrt(H * W))
        out[b, active] = sharp[:, :H, :W] + mean
    return out.reshape(shape).to(img.device, dtype)


def band_regression_sigma(cube: torch.Tensor, neighbours: int = 2) -> torch.Tensor:
    """Per-band noise std of a hyperspectral cube by regressing each band on its spectral
    neighbours (Roger and Arnold's approach): neighbouring bands see nearly the same signal and
    independent noise, so the regression's residual is mostly noise.

    cube (C, h, w) float with C >= 3; neighbours: bands used on each side. Returns (C,) float64
    in cube's units (slightly above the truth: on the HM cases 10-40 % high, which errs on the
    side of removing too little).
    """
    Y = to_float64(cube.detach()).reshape(cube.shape[0], -1)
    C, n = Y.shape
    if C < 3:
        raise ValueError("band_regression_sigma needs at least 3 bands")
    ones = torch.ones(n, 1, dtype=Y.dtype, device=Y.device)
    out = []
    for b in range(C):
        nb = [i for i in range(b - neighbours, b + neighbours + 1) if i != b and 0 <= i < C]
        A = torch.cat([Y[nb].T, ones], 1)
        coef = torch.linalg.lstsq(A, Y[b][:, None]).solution[:, 0]
        res = Y[b] - A @ coef
        out.append(res.std() * math.sqrt(n / max(n - len(nb) - 1, 1)))
    return torch.stack(out)


def subspace_wiener(cube: torch.Tensor, sigma: torch.Tensor, rank: int = 20, rings: int = 4) -> torch.Tensor:
    """Denoise a hyperspectral cube inside its leading spectral subspace.

    cube (..., C, h, w); sigma (C,) per-band noise std. The cube's pixels are projected on
    their ``rank`` leading singular vectors E; the coefficient maps E^T Y, whose noise has
    covariance E^T diag(sigma^2) E, are `wiener_multiband`-filtered with ``rings`` frequency
    rings (few: low-resolution cubes are small), and only that in-subspace part is replaced:
    Y + E (a_filtered - E^T Y). Returns a tensor like ``cube``.
    """
    shape, dtype = cube.shape, cube.dtype
    C, h, w = shape[-3:]
    Y = to_float64(cube.detach()).reshape(-1, C, h, w)
    s = torch.as_tensor(sigma, dtype=torch.float64, device=Y.device)
    if not bool((s > 0).any()):
        return cube.clone()
    out = Y.clone()
    for i in range(Y.shape[0]):
        k = int(min(rank, C, h * w))
        E = torch.linalg.svd(Y[i].reshape(C, -1), full_matrices=False)[0][:, :k]
        a = torch.einsum("ck,chw->khw", E, Y[i])
        cov = E.T @ (s[:, None] ** 2 * E)
        out[i] += torch.einsum("ck,khw->chw", E, wiener_multiband(a, cov, rings) - a)
    return out.reshape(shape).to(cube.device, dtype)


def signal_subspace_rank(cube: torch.Tensor, sigma: torch.Tensor, max_rank: int = 30, min_rank: int = 1) -> int:
    """Dimension of a hyperspectral cube's signal subspace given its per-band noise std.

    cube (C, h, w); sigma (C,). The pixels' (uncentred) second-moment matrix is decomposed into
    eigen-directions e_i with powers l_i; the noise's power along e_i is e_i^T diag(sigma^2) e_i.
    The rank counts the directions whose signal power l_i - noise exceeds their noise power:
    keeping one more direction then adds less noise than the signal it recovers (the
    mean-square-error reasoning of HySime, Bioucas-Dias and Nascimento 2008). Returns an int in
    [min_rank, min(max_rank, C)].
    """
    C = cube.shape[-3]
    Y = to_float64(cube.detach()).reshape(C, -1)
    U, S, _ = torch.linalg.svd(Y, full_matrices=False)
    power = S ** 2 / Y.shape[1]
    s2 = torch.as_tensor(sigma, dtype=torch.float64, device=Y.device) ** 2
    noise = torch.einsum("ck,c,ck->k", U, s2, U)
    k = int(((power - noise) > noise).sum())
    return int(max(min_rank, min(k, max_rank, C)))
