"""Blind estimation of the spectral response (SRF) and the PSF (NumPy only).

Model (grid convention of BENCHMARK.md, decimation keeps 0, r, 2r, ...)::

    low  = decimate(blur(X, psf), r) + noise      (C, h, w)  spectral input
    high = R @ X (+ offset)          + noise      (c, H, W)  PAN / MSI

Both operators are linear and act on different axes, so they commute::

    R @ low  ~=  decimate(blur(high, psf), r)     (c, h, w)

which is linear in R for a given PSF and linear in the PSF for a given R
(the HySure-like formulation, done in the image domain here). Each
sub-problem is a small quadratic programme: the data enter only through Gram
matrices (C x C for the SRF, k^2 x k^2 for the PSF), built once and solved
exactly by active-set NNLS (Lawson-Hanson in Gram form), with sum-to-one as
a stiff penalty plus renormalisation. Projected gradient (FISTA) was tried
first: on the ill-conditioned Gram matrices of correlated bands it was far
from the optimum after 5 000 steps (noiseless Jasper, no prior: SRF error
0.28, vs 0.15 after 50 000 steps, 6 s); the active set takes ~0.05 s.
`estimate_psf_srf` alternates the two from a Gaussian PSF with FWHM = ratio.

Regularisation (why): with 100-200 highly correlated bands and a few hundred
LR pixels many responses explain the data equally well. Real responses are
smooth and compact in wavelength, so the SRF gets (1) a small penalty on
second differences of adjacent bands (scaled by their wavelength gap when
wavelengths are given; none across removed absorption windows) and (2) a
small compactness penalty (mass times squared distance from the row's
centroid), which stops noise from leaking mass into far SWIR bands. The free
PSF gets a small penalty on differences of adjacent taps; the Gaussian PSF
model has one parameter and needs none. Weights are dimensionless (relative
to the mean diagonal of the Gram matrix).

Measured (simulated HM pairs: IKONOS SRF, gauss9, 35 dB noise; see
tests/test_estimation.py): PSF error 2 % (Gaussian model) / 5-6 % (free),
SRF relative error 0.16-0.22, row centroids within 3 nm on Jasper and
Samson, in < 0.5 s for Jasper (96x96x198 + 4 bands) on one core of a
heavily loaded 2-core machine (load 8-9).

Inputs are float arrays or torch tensors (a batch axis of size 1 is
accepted) scaled to [0, 1]; every function returns NumPy float64 arrays.
No torch, scipy, GDAL or QGIS is imported here.
"""
from __future__ import annotations

import math
from typing import Callable

import numpy as np

from . import kernels

__all__ = [
    "estimate_srf", "estimate_psf", "estimate_gaussian_psf", "estimate_psf_srf",
    "srf_centroids", "blur_decimate", "default_psf", "default_psf_size", "shifted_gaussian",
    "pad_psf", "psf_relative_error",
]


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def _as_chw(x, name: str) -> np.ndarray:
    """Array/tensor (C,H,W), (1,C,H,W) or (H,W) -> float64 (C,H,W) array."""
    if hasattr(x, "detach"):  # torch tensor, without importing torch
        x = x.detach().cpu().double().numpy()
    x = np.asarray(x, dtype=np.float64)
    if x.ndim == 4:
        if x.shape[0] != 1:
            raise ValueError(f"{name}: a batch of {x.shape[0]} images; pass one image")
        x = x[0]
    if x.ndim == 2:
        x = x[None]
    if x.ndim != 3:
        raise ValueError(f"{name}: expected (C, H, W), got shape {x.shape}")
    if not np.all(np.isfinite(x)):
        raise ValueError(f"{name}: contains NaN or infinite values (fill or mask them first)")
    return x


def _as_matrix(a, name: str) -> np.ndarray:
    if hasattr(a, "detach"):
        a = a.detach().cpu().double().numpy()
    a = np.asarray(a, dtype=np.float64)
    if a.ndim == 1:
        a = a[None]
    if a.ndim != 2:
        raise ValueError(f"{name}: expected a 2-D array, got shape {a.shape}")
    return a


def shifted_gaussian(size: int, sigma: float, dy: float = 0.0, dx: float = 0.0) -> np.ndarray:
    """(size, size) Gaussian kernel, sum 1, centred (dy, dx) pixels off the
    kernel centre (convolution: output pixel y reads input pixels y - dy)."""
    ax = np.arange(size, dtype=np.float64) - (size - 1) / 2.0
    gy = np.exp(-((ax - dy) ** 2) / (2.0 * sigma ** 2))
    gx = np.exp(-((ax - dx) ** 2) / (2.0 * sigma ** 2))
    k = np.outer(gy, gx)
    return k / k.sum()


def default_psf(ratio: int, size: int | None = None, phase: float = 0.0) -> np.ndarray:
    """Gaussian whose FWHM equals the ratio (the usual starting guess), (k,k), sum 1.

    ``phase``: HR coordinate of LR pixel 0's centre (0 for the project's
    convention, (r-1)/2 for LR pixels centred on r x r blocks); the kernel is
    then centred at -phase so that decimation at 0, r, 2r... samples the
    blur around each block centre. Default size 2*ratio+1 (9 for ratio 4:
    BENCHMARK.md's gauss9), widened by the shift."""
    sigma = ratio / (2.0 * math.sqrt(2.0 * math.log(2.0)))
    size = size or 2 * ratio + 1 + 2 * int(math.ceil(abs(phase)))
    return shifted_gaussian(size, sigma, -phase, -phase)


def default_psf_size(ratio: int, phase: float = 0.0) -> int:
    """Default free-PSF size: 2*floor(1.5*ratio)+1 (13 for ratio 4), plus
    2*ceil(|phase|) for grids whose LR pixels are off the HR pixels r*i.

    Wider than gauss9's 9 so that PSFs broader than FWHM = ratio (e.g. an
    MTF-matched Gaussian with gain 0.3, sigma 2.0 at ratio 4) fit; measured
    on simulated Jasper/Samson pairs: 5-6 % error for gauss9 with 13 taps
    (4-6 % with 9), 7 % for sigma 2.2 (19-23 % with 9)."""
    return 2 * int(1.5 * ratio) + 1 + 2 * int(math.ceil(abs(phase)))


def _fnnls(Q: np.ndarray, b: np.ndarray, free: np.ndarray | None = None, tol: float = 1e-12,
           max_iter: int | None = None, support=None) -> np.ndarray:
    """Exact  min_x 0.5 x^T Q x - b^T x  s.t. x[~free] >= 0  (Q SPD, small n).

    Lawson-Hanson active-set NNLS in Gram form (Bro & De Jong's "fast NNLS"):
    exact up to round-off in a few dozen linear solves, where projected
    gradient would need tens of thousands of steps on the ill-conditioned
    Gram matrices of correlated bands. ``free``: bool mask of unconstrained
    entries (offsets), passive from the start. ``support``: optional bool
    mask of a previous solution's non-zeros (warm start: entries whose
    solution would be negative are dropped until the start is feasible).
    """
    n = Q.shape[0]
    free = np.zeros(n, dtype=bool) if free is None else free.astype(bool)
    passive = free.copy()
    x = np.zeros(n)

    def solve(p):
        s = np.zeros(n)
        if p.any():
            s[p] = np.linalg.solve(Q[np.ix_(p, p)], b[p])
        return s

    if support is not None:
        passive |= np.asarray(support, dtype=bool)
        for _ in range(n):
            x = solve(passive)
            neg = passive & ~free & (x < 0)
            if not neg.any():
                break
            passive &= ~neg
        x[~passive] = 0.0
    elif passive.any():
        x = solve(passive)
    scale = max(float(np.abs(b).max()), 1e-300)
    max_iter = max_iter or 5 * n
    for _ in range(max_iter):
        w = b - Q @ x
        cand = ~passive
        if not cand.any() or w[cand].max() <= tol * scale:
            break
        j = int(np.flatnonzero(cand)[np.argmax(w[cand])])
        passive[j] = True
        s = solve(passive)
        for _inner in range(n):
            neg = passive & ~free & (s <= 0)
            if not neg.any():
                break
            alpha = np.min(x[neg] / (x[neg] - s[neg]))
            x = x + alpha * (s - x)
            passive &= ~((x <= tol) & ~free)
            x[~passive] = 0.0
            s = solve(passive)
        x = s
    return x


def _solve_exact(Q: np.ndarray, B: np.ndarray, sum_to_one: bool, nonneg: bool, n_free: int = 0,
                 penalty: float = 1e6, X0=None) -> np.ndarray:
    """Rows of min 0.5 tr(X Q X^T) - tr(B X^T) under the constraints, exactly.

    Non-negativity: `_fnnls`. Sum to one (over the first n - n_free entries):
    a quadratic penalty ``penalty`` x mean diagonal on (sum - 1)^2, then a
    renormalisation (the residual sum error is ~1/penalty).
    """
    n = Q.shape[0]
    nc = n - n_free
    Qa = Q.copy()
    Ba = B.copy()
    if sum_to_one:
        rho = penalty * float(np.trace(Q)) / n
        one = np.zeros(n)
        one[:nc] = 1.0
        Qa += rho * np.outer(one, one)
        Ba = Ba + rho * one[None]
    free = np.zeros(n, dtype=bool)
    free[nc:] = True
    X = np.empty_like(B)
    for i in range(B.shape[0]):
        if nonneg:
            X[i] = _fnnls(Qa, Ba[i], free, support=None if X0 is None else X0[i] > 0)
        else:
            X[i] = np.linalg.solve(Qa, Ba[i])
    if sum_to_one:
        X[:, :nc] /= X[:, :nc].sum(axis=1, keepdims=True)
    return X


def _valid_lr_mask(shape_lr, ratio: int, H: int, W: int, half: int, border: bool,
                   valid) -> np.ndarray:
    """(h, w) bool: LR pixels used in the fit.

    With ``border``, LR pixels whose PSF footprint (``half`` HR pixels around
    r*i) leaves the HR image are dropped: their blurred values depend on the
    padding, which real scenes do not follow. ``valid``: optional (h, w) mask."""
    h, w = shape_lr
    m = np.ones((h, w), dtype=bool)
    if border:
        iy = np.arange(h) * ratio
        ix = np.arange(w) * ratio
        my = (iy - half >= 0) & (iy + half <= H - 1)
        mx = (ix - half >= 0) & (ix + half <= W - 1)
        m &= my[:, None] & mx[None, :]
        if m.sum() < 16:  # tiny image: keep everything rather than nothing
            m[:] = True
    if valid is not None:
        v = np.asarray(valid, dtype=bool)
        m &= v[:h, :w]
    if not m.any():
        raise ValueError("No valid low-resolution pixel to estimate from")
    return m


def _chw_view(x):
    """(C,H,W) view of an array/tensor given as (C,H,W), (1,C,H,W) or (H,W), no copy."""
    if len(x.shape) == 4 and x.shape[0] == 1:
        x = x[0]
    if len(x.shape) == 2:
        x = x[None]
    return x


def _prepare(high, low, ratio: int, valid, max_lr_pixels: int | None):
    """Inputs as float64 (C,H,W) arrays, cropped to a central window of at
    most ``max_lr_pixels`` LR pixels (and the HR pixels it covers) so that
    large scenes cost seconds: a few hundred thousand pixels already
    determine a few hundred unknowns. The crop is taken before the float64
    conversion (a 1000x1000x200 cube is never copied whole) and starts on an
    LR pixel, so the grid convention (LR pixel i on HR pixel r*i) is kept."""
    if int(ratio) != ratio or ratio < 1:
        raise ValueError(f"ratio must be a positive integer, got {ratio}")
    if not hasattr(high, "shape"):
        high = np.asarray(high)
    if not hasattr(low, "shape"):
        low = np.asarray(low)
    hv, lv = _chw_view(high), _chw_view(low)
    if len(hv.shape) == 3 and len(lv.shape) == 3:
        H, W = hv.shape[1:]
        h = min(lv.shape[1], -(-H // ratio))
        w = min(lv.shape[2], -(-W // ratio))
        if max_lr_pixels is not None and h * w > max_lr_pixels:
            scale = math.sqrt(max_lr_pixels / (h * w))
            hh, ww = max(8, int(h * scale)), max(8, int(w * scale))
            i0, j0 = (h - hh) // 2, (w - ww) // 2
            lv = lv[:, i0:i0 + hh, j0:j0 + ww]
            hv = hv[:, ratio * i0:ratio * (i0 + hh), ratio * j0:ratio * (j0 + ww)]
            if valid is not None:
                valid = np.asarray(valid, dtype=bool)[i0:i0 + hh, j0:j0 + ww]
    hi = _as_chw(hv, "high")
    lo = _as_chw(lv, "low")
    _common_lr(hi, lo, ratio)
    return hi, lo, valid


def _common_lr(high: np.ndarray, low: np.ndarray, ratio: int):
    """LR grid shared by decimate(high) and low: (h, w)."""
    H, W = high.shape[1:]
    h = min(low.shape[1], -(-H // ratio))
    w = min(low.shape[2], -(-W // ratio))
    if h < 2 or w < 2:
        raise ValueError("Images too small for estimation")
    return h, w


def blur_decimate(high, psf, ratio: int) -> np.ndarray:
    """decimate(blur(high, psf), ratio) as in `operators.downsample`: (c,H,W) -> (c,h,w).

    Computes only the kept pixels (r^2 times cheaper than blurring then
    decimating), symmetric padding, true convolution. float64.
    """
    x = _as_chw(high, "high")
    psf = _as_matrix(psf, "psf")
    k = psf.shape[0]
    half = k // 2
    H, W = x.shape[1:]
    h, w = -(-H // ratio), -(-W // ratio)
    xp = kernels.pad_symmetric(x, half, half)
    sep = kernels.separable_factor(psf)
    if sep is not None:
        col, row = sep
        # rows first (only the kept ones), then columns; flipped: convolution
        tmp = np.zeros((x.shape[0], h, xp.shape[2]))
        for i in range(k):
            tmp += col[k - 1 - i] * xp[:, i:i + ratio * (h - 1) + 1:ratio, :]
        out = np.zeros((x.shape[0], h, w))
        for j in range(k):
            out += row[k - 1 - j] * tmp[:, :, j:j + ratio * (w - 1) + 1:ratio]
        return out
    out = np.zeros((x.shape[0], h, w))
    for i in range(k):
        for j in range(k):
            wgt = psf[k - 1 - i, k - 1 - j]
            if wgt != 0.0:
                out += wgt * xp[:, i:i + ratio * (h - 1) + 1:ratio, j:j + ratio * (w - 1) + 1:ratio]
    return out


def _difference_operator(n: int, wavelengths=None, gap_factor: float = 3.0, order: int = 1) -> np.ndarray:
    """(n-order, n) differences of adjacent bands (first or second order).

    With band-centre ``wavelengths`` each difference is divided by its
    wavelength gap relative to the median gap, so a jump across a removed
    absorption window (gap > ``gap_factor`` x median) is barely penalised."""
    D = np.zeros((max(n - 1, 0), n))
    idx = np.arange(n - 1)
    D[idx, idx] = -1.0
    D[idx, idx + 1] = 1.0
    if wavelengths is not None and n > 1:
        wl = np.asarray(wavelengths, dtype=np.float64)
        if wl.size != n:
            raise ValueError(f"{wl.size} wavelengths for {n} bands")
        gaps = np.abs(np.diff(wl))
        med = float(np.median(gaps)) or 1.0
        wgt = med / np.maximum(gaps, 1e-6 * med)
        wgt[gaps > gap_factor * med] = 0.0
        D *= wgt[:, None]
    if order == 2 and n > 2:
        D = _difference_operator(n - 1) @ D
    return D


def srf_centroids(srf, wavelengths) -> np.ndarray:
    """Centroid wavelength of each row of a (c, C) response: sum(wl*r)/sum(r)."""
    srf = _as_matrix(srf, "srf")
    wl = np.asarray(wavelengths, dtype=np.float64)
    return (srf * wl[None]).sum(axis=1) / np.maximum(srf.sum(axis=1), 1e-30)


# --------------------------------------------------------------------------
# SRF
# --------------------------------------------------------------------------

def estimate_srf(high, low, ratio: int, psf=None, nonneg: bool = True, sum_to_one: bool = True,
                 smooth: float = 3e-3, wavelengths=None, offset: bool = False, valid=None,
                 border: bool = True, max_lr_pixels: int | None = 65536, spread: float = 1e-6,
                 init=None):
    """Spectral response R (c, C) such that R @ low ~= decimate(blur(high, psf)).

    high: (c, H, W) PAN/MSI; low: (C, h, w) HSI/MS with h = ceil(H/ratio)
    (larger low rasters are cropped); both float in [0, 1], arrays or tensors.
    psf: (k, k) PSF of the low-res image (default: Gaussian with FWHM = ratio).
    nonneg / sum_to_one: constraints on each row (the HM protocol's rows are
    non-negative and sum to 1). With ``sum_to_one=False`` each row is free in
    scale, which absorbs a per-band gain between the two sensors (real data
    in different radiometric units). ``offset=True`` also fits a per-row
    additive offset (high = R low + o) and returns ``(srf, offsets)``; on
    scenes made of few materials a constant is nearly a combination of the
    spectra, so offsets (and then gains) are poorly determined: use it only
    when the sensors' zero levels really differ.
    smooth: weight of the penalty on second differences of adjacent bands
    (curvature; relative to the mean band power; 0 disables it).
    wavelengths: optional (C,) band centres in nm: differences are scaled by
    the band gaps and not penalised across removed absorption windows.
    spread: weight of the compactness penalty (mass times squared distance,
    in 100 nm, from the row's centroid; without wavelengths, in 10 bands):
    stops noise from leaking mass into far bands, which shifts centroids
    (Jasper: centroid error 14 -> 2 nm at 1e-6; 1e-5 already hurts Samson).
    init: optional (c, C) previous estimate (warm start of the solver).
    valid: optional (h, w) bool mask of usable LR pixels; ``border`` drops LR
    pixels whose PSF footprint leaves the image. ``max_lr_pixels``: larger
    scenes are estimated on a central window of this many LR pixels (None:
    everything).
    Returns R as a float64 (c, C) array (and (c,) offsets when ``offset``).
    """
    hi, lo, valid = _prepare(high, low, ratio, valid, max_lr_pixels)
    psf = default_psf(ratio) if psf is None else _as_matrix(psf, "psf")
    h, w = _common_lr(hi, lo, ratio)
    target = blur_decimate(hi, psf, ratio)[:, :h, :w]
    m = _valid_lr_mask((h, w), ratio, hi.shape[1], hi.shape[2], psf.shape[0] // 2, border, valid)
    A = lo[:, :h, :w][:, m]            # (C, N)
    Y = target[:, m]                   # (c, N)
    return _fit_srf(A, Y, nonneg, sum_to_one, smooth, wavelengths, offset, spread, init)


def _fit_srf(A, Y, nonneg, sum_to_one, smooth, wavelengths, offset, spread, init):
    """Solve for R (c, C) [and offsets] from LR spectra A (C, N) and targets Y (c, N)."""
    C, N = A.shape
    if offset:
        A = np.vstack([A, np.ones((1, N))])
    G = A @ A.T / N
    Bm = Y @ A.T / N
    # dimensionless weights: relative to the mean band power
    level = float(np.trace(G[:C, :C])) / C
    if level <= 0:
        raise ValueError("The low-resolution image is all zero")
    if smooth > 0 and C > 2:
        # second differences: penalises curvature, not slope, so smooth
        # bell- or plateau-shaped rows cost little (measured better than
        # first differences on Jasper and Samson)
        D = _difference_operator(C, wavelengths, order=2)
        G[:C, :C] += smooth * level * (D.T @ D)
    nf = 1 if offset else 0
    warm = None
    if init is not None:
        warm = np.ones((Y.shape[0], A.shape[0]))
        warm[:, :C] = _as_matrix(init, "init")

    def solve(Bmat, warm):
        return _solve_exact(G / level, Bmat / level, sum_to_one, nonneg, n_free=nf, X0=warm)

    X = solve(Bm, warm)
    if spread > 0 and C > 1:
        # compactness: noise leaks a little mass into distant bands (in
        # SWIR, say), which moves a row's centroid far more than it changes
        # the fit. Penalise mass by its squared distance (in units of
        # 100 nm, or of 10 bands without wavelengths) from the row's
        # centroid; linear in R for a fixed centroid, so re-solve twice.
        pos = (np.asarray(wavelengths, dtype=np.float64) / 100.0 if wavelengths is not None
               else np.arange(C) / 10.0)
        for _ in range(2):
            r = np.maximum(X[:, :C], 0.0)
            cen = (r @ pos) / np.maximum(r.sum(axis=1), 1e-30)
            pen = np.zeros_like(Bm)
            pen[:, :C] = spread * level * (pos[None] - cen[:, None]) ** 2
            if not sum_to_one:  # scale-free rows: penalise relative to the row's mass
                pen[:, :C] *= np.maximum(r.sum(axis=1), 1e-30)[:, None]
            X = solve(Bm - pen, X)
    if offset:
        return X[:, :C].copy(), X[:, C].copy()
    return X


# --------------------------------------------------------------------------
# PSF
# --------------------------------------------------------------------------

def _psf_normal_equations(hi: np.ndarray, y: np.ndarray, ratio: int, k: int, mask: np.ndarray,
                          chunk_elems: int = 4_000_000):
    """Gram matrix (k^2, k^2), right-hand side (k^2,) and N for
    min_b ||decimate(blur(hi, b)) - y||^2 over the LR pixels in ``mask``.

    The coefficient of b[a, b'] at LR pixel (p, q) is the padded HR pixel
    (r p + k-1-a, r q + k-1-b') (convolution). Built in chunks of LR rows so
    memory stays bounded on large images."""
    half = k // 2
    c = hi.shape[0]
    h, w = mask.shape
    xp = kernels.pad_symmetric(hi, half, half)
    K2 = k * k
    Q = np.zeros((K2, K2))
    q = np.zeros(K2)
    n_tot = 0
    rows_per_chunk = max(1, chunk_elems // max(1, K2 * c * w))
    for r0 in range(0, h, rows_per_chunk):
        r1 = min(h, r0 + rows_per_chunk)
        mk = mask[r0:r1]
        if not mk.any():
            continue
        M = np.empty((K2, c, int(mk.sum())))
        for a in range(k):
            ia = k - 1 - a + ratio * r0
            rows = xp[:, ia:ia + ratio * (r1 - r0 - 1) + 1:ratio, :]
            for b in range(k):
                jb = k - 1 - b
                M[a * k + b] = rows[:, :, jb:jb + ratio * (w - 1) + 1:ratio][:, mk]
        M = M.reshape(K2, -1)
        Q += M @ M.T
        q += M @ y[:, r0:r1][:, mk].reshape(-1)
        n_tot += M.shape[1]
    return Q, q, n_tot


def _psf_smoothness(k: int) -> np.ndarray:
    """(k^2, k^2) sum of squared differences of horizontally/vertically adjacent taps."""
    D1 = _difference_operator(k)
    I = np.eye(k)
    Dh = np.kron(I, D1)
    Dv = np.kron(D1, I)
    return Dh.T @ Dh + Dv.T @ Dv


def _psf_target(lo, srf, offsets, h, w):
    y = np.einsum("oc,chw->ohw", srf, lo[:, :h, :w])
    if offsets is not None:
        y = y + np.asarray(offsets, dtype=np.float64)[:, None, None]
    return y


def estimate_psf(high, low, ratio: int, srf, size: int | None = None, model: str = "free",
                 smooth: float = 1e-3, energy: float = 0.0, offsets=None, valid=None,
                 border: bool = True, phase: float = 0.0, fit_shift: bool = False,
                 max_lr_pixels: int | None = 65536) -> np.ndarray:
    """PSF b (k, k), non-negative, sum 1, such that decimate(blur(high, b)) ~= srf @ low.

    high: (c, H, W); low: (C, h, w); srf: (c, C) response (rows need not sum
    to 1, e.g. with gains); offsets: optional (c,) offsets (high = R low + o).
    model: 'free' (every tap, constrained least squares with a small
    smoothness penalty ``smooth`` on adjacent-tap differences and a ridge
    ``energy``, both relative to the Gram matrix's mean diagonal; follows
    any shift of the grids by itself) or 'gaussian' (isotropic Gaussian
    centred at -phase, or at a fitted centre with ``fit_shift``; see
    `estimate_gaussian_psf`).
    phase: HR coordinate of LR pixel 0's centre (0: BENCHMARK.md's
    convention; (ratio-1)/2 for LR pixels centred on r x r blocks, e.g. the
    *_reduced_256.mat files).
    size: odd kernel size; default `default_psf_size(ratio, phase)`.
    valid, border, max_lr_pixels: as in `estimate_srf`.
    Returns the PSF as a float64 (k, k) array summing to 1.
    """
    if model == "gaussian":
        k = size or default_psf_size(ratio, phase + (1.0 if fit_shift else 0.0))
        sigma, dy, dx = estimate_gaussian_psf(high, low, ratio, srf, offsets=offsets, valid=valid,
                                              border=border, phase=phase, fit_shift=fit_shift,
                                              size=k, max_lr_pixels=max_lr_pixels)
        return shifted_gaussian(k, sigma, dy, dx)
    if model != "free":
        raise ValueError(f"Unknown PSF model {model!r}: 'free' or 'gaussian'")
    hi, lo, valid = _prepare(high, low, ratio, valid, max_lr_pixels)
    srf = _as_matrix(srf, "srf")
    k = size or default_psf_size(ratio, phase)
    Q, q = _psf_quadratic(hi, lo, ratio, srf, offsets, k, valid, border)
    level = float(np.trace(Q)) / (k * k)
    if smooth > 0:
        Q = Q + smooth * level * _psf_smoothness(k)
    if energy > 0:
        Q = Q + energy * level * np.eye(k * k)
    b = _solve_exact(Q / level, q[None] / level, True, True)
    return b.reshape(k, k)


def pad_psf(psf, k: int) -> np.ndarray:
    """Centre-crop or zero-pad a (k0, k0) kernel to (k, k) (odd k), renormalised to sum 1."""
    psf = _as_matrix(psf, "psf")
    k0 = psf.shape[0]
    if k0 >= k:
        d = (k0 - k) // 2
        out = psf[d:d + k, d:d + k].copy()
    else:
        d = (k - k0) // 2
        out = np.zeros((k, k))
        out[d:d + k0, d:d + k0] = psf
    s = out.sum()
    if s <= 0:
        raise ValueError("PSF has no mass inside the requested size")
    return out / s


def psf_relative_error(psf, reference) -> float:
    """||psf - reference||_2 / ||reference||_2 after padding both to a common size."""
    k = max(np.shape(psf)[0], np.shape(reference)[0])
    ref = pad_psf(reference, k)
    return float(np.linalg.norm(pad_psf(psf, k) - ref) / np.linalg.norm(ref))


def _golden(f, a: float, b: float, tol: float):
    """Minimiser of a unimodal f on [a, b] (golden-section search)."""
    gr = (math.sqrt(5.0) - 1.0) / 2.0
    x1, x2 = b - gr * (b - a), a + gr * (b - a)
    f1, f2 = f(x1), f(x2)
    while b - a > tol:
        if f1 < f2:
            b, x2, f2 = x2, x1, f1
            x1 = b - gr * (b - a)
            f1 = f(x1)
        else:
            a, x1, f1 = x1, x2, f2
            x2 = a + gr * (b - a)
            f2 = f(x2)
    return 0.5 * (a + b)


def estimate_gaussian_psf(high, low, ratio: int, srf, offsets=None, valid=None, border: bool = True,
                          phase: float = 0.0, fit_shift: bool = False, size: int | None = None,
                          max_lr_pixels: int | None = 65536, tol: float = 1e-3):
    """Isotropic Gaussian PSF best explaining the pair: ``(sigma, dy, dx)``.

    Minimises ||decimate(blur(high, G)) - srf @ low||^2 over sigma (HR
    pixels), with G centred at (dy, dx) = (-phase, -phase) or, with
    ``fit_shift``, over the centre as well (sub-pixel misregistration
    between the products). The cost is the free model's quadratic form in
    the kernel taps, so each trial kernel costs one small matrix product:
    log-grid then golden-section search on sigma, coordinate-wise on the
    shifts. One to three parameters: robust under noise; PSFs that are not
    Gaussian are better served by the free model.
    size: odd kernel size (truncation; default `default_psf_size`, which
    also bounds sigma to about size/5). Other arguments as in `estimate_psf`.
    Returns floats (sigma, dy, dx); `shifted_gaussian(size, sigma, dy, dx)`
    gives the kernel.
    """
    hi, lo, valid = _prepare(high, low, ratio, valid, max_lr_pixels)
    srf = _as_matrix(srf, "srf")
    k = size or default_psf_size(ratio, phase + (1.0 if fit_shift else 0.0))
    Q, q = _psf_quadratic(hi, lo, ratio, srf, offsets, k, valid, border)

    def cost(sig, dy, dx):
        b = shifted_gaussian(k, sig, dy, dx).ravel()
        return float(b @ Q @ b - 2.0 * q @ b)

    dy = dx = -float(phase)
    s_max = max(0.5, (k // 2 - abs(phase)) / 2.0)
    grid = np.linspace(math.log(0.2), math.log(s_max), 25)
    i = int(np.argmin([cost(math.exp(g), dy, dx) for g in grid]))
    lo_g, hi_g = grid[max(i - 1, 0)], grid[min(i + 1, grid.size - 1)]
    sigma = math.exp(_golden(lambda g: cost(math.exp(g), dy, dx), lo_g, hi_g, tol))
    if fit_shift:
        for _ in range(3):
            dy = _golden(lambda d: cost(sigma, d, dx), -phase - 1.0, -phase + 1.0, tol)
            dx = _golden(lambda d: cost(sigma, dy, d), -phase - 1.0, -phase + 1.0, tol)
            sigma = math.exp(_golden(lambda g: cost(math.exp(g), dy, dx),
                                     math.log(max(0.2, sigma / 1.5)), math.log(min(s_max, sigma * 1.5)), tol))
    return float(sigma), float(dy), float(dx)


def _psf_quadratic(hi, lo, ratio, srf, offsets, k, valid, border):
    """Normalised Gram matrix (k^2, k^2) and vector (k^2,) of the PSF fit."""
    if srf.shape != (hi.shape[0], lo.shape[0]):
        raise ValueError(f"srf shape {srf.shape} does not match ({hi.shape[0]}, {lo.shape[0]})")
    if k % 2 != 1:
        raise ValueError("PSF size must be odd")
    h, w = _common_lr(hi, lo, ratio)
    m = _valid_lr_mask((h, w), ratio, hi.shape[1], hi.shape[2], k // 2, border, valid)
    y = _psf_target(lo, srf, offsets, h, w)
    Q, q, n = _psf_normal_equations(hi, y, ratio, k, m)
    return Q / n, q / n


# --------------------------------------------------------------------------
# joint
# --------------------------------------------------------------------------

def estimate_psf_srf(high, low, ratio: int, iterations: int = 8, psf_size: int | None = None,
                     psf_model: str = "gaussian", smooth_srf: float = 3e-3, smooth_psf: float = 1e-3,
                     spread: float = 1e-6, wavelengths=None, sum_to_one: bool = True,
                     offset: bool = False, valid=None, border: bool = True, phase: float = 0.0,
                     fit_shift: bool = False, tol: float = 1e-3,
                     max_lr_pixels: int | None = 65536,
                     progress: Callable[[float, str], None] | None = None):
    """Blind estimation of both operators by alternation (the methods' entry point).

    Starts from a Gaussian PSF with FWHM = ratio (centred at -phase), then
    alternates `estimate_srf` (given the PSF) and `estimate_psf` (given the
    SRF), at most ``iterations`` times, each SRF solve warm-started, until
    the PSF changes by less than ``tol`` (relative L2).
    psf_model: 'gaussian' (default: one sigma, the most accurate under noise
    when the true PSF is close to Gaussian; ``fit_shift`` also fits its
    centre) or 'free' (every tap of a ``psf_size`` kernel, default
    `default_psf_size(ratio, phase)`: non-Gaussian or shifted PSFs).
    phase: HR coordinate of LR pixel 0's centre: 0 for BENCHMARK.md's
    simulations, (ratio-1)/2 when LR pixels are centred on r x r blocks.
    Pass ``wavelengths`` (band centres, nm) whenever known: the SRF priors
    are then physical (Samson without them: SRF error 0.30 instead of 0.16).
    Other arguments as in those functions; ``progress(fraction, message)``
    may raise to cancel.
    Returns ``(psf (k,k), srf (c,C))`` float64 arrays, or
    ``(psf, srf, offsets)`` when ``offset``.
    """
    hi, lo, valid = _prepare(high, low, ratio, valid, max_lr_pixels)
    k = psf_size or default_psf_size(ratio, phase + (1.0 if fit_shift and psf_model == "gaussian" else 0.0))
    psf = default_psf(ratio, k, phase)
    srf = None
    offs = None
    n_it = max(1, iterations)
    for it in range(n_it):
        if progress is not None:
            progress(it / n_it, f"estimating SRF and PSF ({it + 1}/{n_it})")
        res = estimate_srf(hi, lo, ratio, psf=psf, sum_to_one=sum_to_one, smooth=smooth_srf,
                           wavelengths=wavelengths, offset=offset, valid=valid, border=border,
                           spread=spread, init=srf, max_lr_pixels=None)
        srf, offs = (res if offset else (res, None))
        new = estimate_psf(hi, lo, ratio, srf, size=k, model=psf_model, smooth=smooth_psf,
                           offsets=offs, valid=valid, border=border, phase=phase,
                           fit_shift=fit_shift, max_lr_pixels=None)
        change = np.linalg.norm(new - psf) / np.linalg.norm(new)
        psf = new
        if change < tol:
            break
    if progress is not None:
        progress(1.0, "SRF and PSF estimated")
    return (psf, srf, offs) if offset else (psf, srf)
