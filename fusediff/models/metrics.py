"""Image-fusion quality metrics (NumPy only: no torch, no scipy).

Reference-based (BENCHMARK.md): PSNR, SSIM, SAM, ERGAS, RMSE, Q2n (Q4/Q8) and
SCC. No-reference, at full resolution: D_lambda, D_s, QNR (Alparone et al.
2008) and HQNR (Khan et al. 2009 spectral distortion + D_s).

Conventions
-----------
* Images are (C, H, W) float arrays ((H, W) is taken as one band), values
  scaled to [0, 1] by the caller. Metrics compute in float64.
* ``border``: pixels dropped on each side before computing (BENCHMARK.md
  leaves out ``ratio`` pixels; `reference_metrics` does that by default).
* Grid convention for the no-reference metrics: low-resolution pixel i sits
  on high-resolution coordinate ``ratio * i + phase`` (phase 0 for the
  project's simulations, (ratio-1)/2 for data whose low-resolution pixels
  are centred on the ratio x ratio blocks they cover).
* No-reference metrics take ``block`` as the block size at full resolution;
  at low resolution the block is ``block // ratio`` so that both scales
  measure the same ground footprint.

The Q2n index follows the definition of Garzelli & Nencini (2009) as coded in
the pansharpening toolbox of Vivone et al. (``q2n.m`` / ``onions_quality.m``):
blocks normalised by the reference block's per-band mean and (sample) std,
bands padded to a power of two, Cayley-Dickson hypercomplex product,
modulus of the hypercomplex quality, averaged over blocks. The toolbox's
cast to uint16 is left out (our data are scaled to [0, 1]).
"""
from __future__ import annotations

import math

import numpy as np

from . import kernels

_EPS = float(np.finfo(np.float64).eps)  # MATLAB's eps, used by the toolbox for zero std

# SSIM constants (Wang et al. 2004)
_SSIM_K1 = 0.01
_SSIM_K2 = 0.03
_SSIM_WIN = 11
_SSIM_SIGMA = 1.5


# --------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------

def _as_cube(a) -> np.ndarray:
    a = np.asarray(a)
    if a.ndim == 2:
        a = a[None]
    if a.ndim != 3:
        raise ValueError(f"expected a (C, H, W) or (H, W) array, got shape {a.shape}")
    return a


def _crop(a: np.ndarray, border: int) -> np.ndarray:
    border = int(border)
    if border < 0:
        raise ValueError("border must be >= 0")
    if border == 0:
        return a
    if 2 * border >= a.shape[-1] or 2 * border >= a.shape[-2]:
        raise ValueError(f"border {border} leaves no pixels of a {a.shape[-2]}x{a.shape[-1]} image")
    return a[..., border:-border, border:-border]


def _pair(x, ref, border: int, as_float: bool = True) -> tuple[np.ndarray, np.ndarray]:
    """Validate shapes, crop the border, optionally convert to float64."""
    x = _as_cube(x)
    ref = _as_cube(ref)
    if x.shape != ref.shape:
        raise ValueError(f"image shapes differ: {x.shape} vs reference {ref.shape}")
    x = _crop(x, border)
    ref = _crop(ref, border)
    if as_float:
        x = x.astype(np.float64, copy=False)
        ref = ref.astype(np.float64, copy=False)
    return x, ref


def _filter_valid(a: np.ndarray, g: np.ndarray) -> np.ndarray:
    """'valid' separable correlation of the last two axes with 1-D taps ``g``."""
    k = g.size
    h = a.shape[-2] - k + 1
    w = a.shape[-1] - k + 1
    if h < 1 or w < 1:
        raise ValueError(f"image smaller than the {k}x{k} window")
    rows = sum(g[i] * a[..., i:i + h, :] for i in range(k))
    return sum(g[i] * rows[..., :, i:i + w] for i in range(k))


# --------------------------------------------------------------------------
# reference-based metrics
# --------------------------------------------------------------------------

def rmse(x, ref, border: int = 0) -> float:
    """Root-mean-square error over all values of (C, H, W) ``x`` vs ``ref``."""
    x, ref = _pair(x, ref, border)
    return float(np.sqrt(np.mean((x - ref) ** 2)))


def psnr(x, ref, border: int = 0, peak: float = 1.0) -> float:
    """Mean over bands of the per-band PSNR in dB (peak ``peak``).

    A band with zero error has infinite PSNR, so identical images give inf.
    """
    x, ref = _pair(x, ref, border)
    mse = np.mean((x - ref) ** 2, axis=(1, 2))
    with np.errstate(divide="ignore"):
        per_band = 10.0 * np.log10(peak ** 2 / mse)
    return float(np.mean(per_band))


def ssim(x, ref, border: int = 0, data_range: float = 1.0) -> float:
    """Mean over bands of SSIM (Wang et al. 2004).

    Gaussian window 11x11, sigma 1.5, K1=0.01, K2=0.03, population
    (co)variances, averaged over the 'valid' window positions: the same as
    skimage's ``structural_similarity(gaussian_weights=True, sigma=1.5,
    use_sample_covariance=False, data_range=data_range)`` per band.
    """
    x, ref = _pair(x, ref, border)
    g = kernels.gaussian_psf(_SSIM_WIN, _SSIM_SIGMA).sum(axis=0)  # 1-D marginal, sums to 1
    c1 = (_SSIM_K1 * data_range) ** 2
    c2 = (_SSIM_K2 * data_range) ** 2
    per_band = []
    for a, b in zip(x, ref):  # one band at a time: bounded memory on large rasters
        ma = _filter_valid(a, g)
        mb = _filter_valid(b, g)
        va = _filter_valid(a * a, g) - ma * ma
        vb = _filter_valid(b * b, g) - mb * mb
        vab = _filter_valid(a * b, g) - ma * mb
        s = ((2 * ma * mb + c1) * (2 * vab + c2)) / ((ma * ma + mb * mb + c1) * (va + vb + c2))
        per_band.append(s.mean())
    return float(np.mean(per_band))


def sam(x, ref, border: int = 0) -> float:
    """Mean spectral angle (degrees) between the pixel spectra of x and ref.

    Pixels where either spectrum has zero norm are skipped (as in the
    toolbox); NaN when no pixel is left.
    """
    x, ref = _pair(x, ref, border)
    dot = np.sum(x * ref, axis=0)
    nn = np.sqrt(np.sum(x * x, axis=0) * np.sum(ref * ref, axis=0))
    ok = nn > 0
    if not ok.any():
        return float("nan")
    cos = np.clip(dot[ok] / nn[ok], -1.0, 1.0)
    return float(np.degrees(np.mean(np.arccos(cos))))


def ergas(x, ref, ratio: float, border: int = 0) -> float:
    """ERGAS = 100/ratio * sqrt(mean over bands of RMSE_b^2 / mean(ref_b)^2).

    ``ratio``: resolution ratio (high/low pixel size ratio, e.g. 4).
    """
    x, ref = _pair(x, ref, border)
    mse = np.mean((x - ref) ** 2, axis=(1, 2))
    mu = np.mean(ref, axis=(1, 2))
    with np.errstate(divide="ignore", invalid="ignore"):
        return float(100.0 / ratio * np.sqrt(np.mean(mse / mu ** 2)))


_LAPLACIAN = np.array([[-1.0, -1.0, -1.0], [-1.0, 8.0, -1.0], [-1.0, -1.0, -1.0]])


def _laplacian_valid(a: np.ndarray) -> np.ndarray:
    h, w = a.shape[-2] - 2, a.shape[-1] - 2
    out = np.zeros(a.shape[:-2] + (h, w))
    for i in range(3):
        for j in range(3):
            out += _LAPLACIAN[i, j] * a[..., i:i + h, j:j + w]
    return out


def scc(x, ref, border: int = 0) -> float:
    """Spatial correlation coefficient (Zhou et al. 1998).

    Both images are high-passed with the 3x3 Laplacian [[-1,-1,-1],[-1,8,-1],
    [-1,-1,-1]] ('valid' positions); each band's response is centred; the
    result is the correlation of the stacked responses of all bands, in
    [-1, 1]. NaN when either high-pass is identically zero.
    """
    x, ref = _pair(x, ref, border)
    a = _laplacian_valid(x)
    b = _laplacian_valid(ref)
    a = a - a.mean(axis=(1, 2), keepdims=True)
    b = b - b.mean(axis=(1, 2), keepdims=True)
    den = math.sqrt(float(np.sum(a * a)) * float(np.sum(b * b)))
    if den == 0.0:
        return float("nan")
    return float(np.sum(a * b) / den)


# --------------------------------------------------------------------------
# Q2n (Garzelli & Nencini hypercomplex quality index)
# --------------------------------------------------------------------------

def _conj(a: np.ndarray) -> np.ndarray:
    """Hypercomplex conjugate along axis 0 (keep the real part, negate the rest)."""
    out = -a
    out[0] = a[0]
    return out


def hypercomplex_mult(p: np.ndarray, q: np.ndarray) -> np.ndarray:
    """Cayley-Dickson product of hypercomplex numbers stored along axis 0.

    p, q: arrays (2^n, ...); returns (2^n, ...). For 2 components this is
    the complex product; for 4 it equals the Hamilton quaternion product up
    to the sign of the k component (the toolbox's convention; moduli are the
    same); for 8 an octonion product. Follows the recursion of the toolbox's
    ``onion_mult`` so that Q2n matches it.
    """
    n = p.shape[0]
    if n == 1:
        return p * q
    if n % 2:
        raise ValueError("the number of components must be a power of two")
    half = n // 2
    a, b = p[:half], _conj(p[half:])
    c, d = q[:half], _conj(q[half:])
    r1 = hypercomplex_mult(a, c)
    r2 = hypercomplex_mult(d, _conj(b))
    r3 = hypercomplex_mult(_conj(a), d)
    r4 = hypercomplex_mult(c, b)
    return np.concatenate([r1 - r2, r3 + r4], axis=0)


_TABLES: dict[int, np.ndarray] = {}


def _mult_table(n: int) -> np.ndarray:
    """Structure constants T[k, i, j] = (e_i * e_j)_k of the product above.

    The product is bilinear, so block means of products follow from the
    block cross-moment matrices: sum_ij T[k,i,j] E[p_i q_j].
    """
    if n not in _TABLES:
        eye = np.eye(n)
        p = np.broadcast_to(eye[:, :, None], (n, n, n)).copy()  # p[:, i, j] = e_i
        q = np.broadcast_to(eye[:, None, :], (n, n, n)).copy()  # q[:, i, j] = e_j
        _TABLES[n] = hypercomplex_mult(p, q)
    return _TABLES[n]


def _q2n_blocks(rb: np.ndarray, fb: np.ndarray, n: int) -> np.ndarray:
    """Hypercomplex quality of B blocks: rb, fb (B, C, P) float64 -> (B,).

    Mirrors the toolbox's onions_quality: per band, both blocks are
    normalised with the reference block's mean s and sample std t
    ((v - s)/t + 1; std 0 replaced by eps; when s == 0 the fused band is
    only shifted by 1), padded bands become 1, the fused one is conjugated.
    """
    nb, c, npix = rb.shape
    s = rb.mean(axis=2, keepdims=True)
    t = rb.std(axis=2, ddof=1, keepdims=True) if npix > 1 else np.zeros_like(s)
    t = np.where(t == 0, _EPS, t)
    d1 = (rb - s) / t + 1.0
    d2 = np.where(s == 0, fb + 1.0, (fb - s) / t + 1.0)
    if n > c:  # zero-padded bands normalise to 1 in both images
        ones = np.ones((nb, n - c, npix))
        d1 = np.concatenate([d1, ones], axis=1)
        d2 = np.concatenate([d2, ones], axis=1)
    d2[:, 1:] *= -1.0  # conjugate of the fused hypercomplex pixels
    m1 = d1.mean(axis=2)
    m2 = d2.mean(axis=2)
    k = npix / (npix - 1.0) if npix > 1 else 1.0
    mod1 = np.sum(m1 * m1, axis=1)
    mod2 = np.sum(m2 * m2, axis=1)
    var_sum = k * (np.einsum("bip,bip->b", d1, d1) / npix + np.einsum("bip,bip->b", d2, d2) / npix) \
        - k * (mod1 + mod2)
    mean_bias = 2.0 * np.sqrt(mod1 * mod2) / (mod1 + mod2)
    table = _mult_table(n)
    cross = np.matmul(d1, d2.transpose(0, 2, 1)) / npix  # (B, n, n): E[d1_i d2_j]
    qv = k * np.einsum("kij,bij->bk", table, cross)
    qm = np.einsum("kij,bi,bj->bk", table, m1, m2)
    with np.errstate(divide="ignore", invalid="ignore"):
        q = (qv - k * qm) * (mean_bias * 2.0 / var_sum)[:, None]
        val = np.sqrt(np.sum(q * q, axis=1))
    return np.where(var_sum == 0, mean_bias, val)


def _mirror_sym(idx: np.ndarray, n: int) -> np.ndarray:
    """Fold any integer indices symmetrically (edge repeated) into [0, n)."""
    idx = np.mod(idx, 2 * n)
    return np.where(idx < n, idx, 2 * n - 1 - idx)


def q2n(x, ref, block: int = 32, shift: int = 32, border: int = 0) -> float:
    """Q2n index (Q4 for 4 bands, Q8 for 8) of ``x`` against ``ref``.

    Blocks of ``block`` x ``block`` pixels start every ``shift`` pixels; the
    images are extended by mirroring (edge repeated) so that the blocks
    cover them (as the toolbox's q2n.m). Bands are zero-padded to the next
    power of two. Returns the mean over blocks of the modulus of the
    hypercomplex quality, in [0, 1] (1 for identical images). For C = 1 it is
    |UIQI| of the block-normalised data. Processes one row of blocks at a
    time: memory O(C * block * W), time linear in the image size.
    """
    x, ref = _pair(x, ref, border, as_float=False)
    block, shift = int(block), int(shift)
    if block < 2 or shift < 1:
        raise ValueError("block must be >= 2 and shift >= 1")
    c, h, w = ref.shape
    n = 1 << (c - 1).bit_length()
    steps_y = max(1, math.ceil(h / shift))
    steps_x = max(1, math.ceil(w / shift))
    cols = _mirror_sym(np.arange(max((steps_x - 1) * shift + block, w)), w)
    total = 0.0
    for j in range(steps_y):
        rows = _mirror_sym(np.arange(j * shift, j * shift + block), h)
        strips = []
        for a in (ref, x):
            s = a[:, rows][:, :, cols].astype(np.float64)  # (C, block, Wp)
            win = np.lib.stride_tricks.sliding_window_view(s, block, axis=2)[:, :, ::shift][:, :, :steps_x]
            # (C, block, nb, block) -> (nb, C, block*block)
            strips.append(win.transpose(2, 0, 1, 3).reshape(steps_x, c, block * block))
        total += float(_q2n_blocks(strips[0], strips[1], n).sum())
    return total / (steps_y * steps_x)


def reference_metrics(x, ref, ratio: int, border: int | None = None) -> dict:
    """All reference-based metrics of BENCHMARK.md as a dict of floats.

    Keys: psnr, ssim, sam, ergas, rmse, q2n, scc. ``border`` defaults to
    ``ratio`` (the protocol leaves out a border of ``ratio`` pixels).
    """
    b = int(ratio) if border is None else int(border)
    x, ref = _pair(x, ref, b)  # crop once
    return {
        "psnr": psnr(x, ref),
        "ssim": ssim(x, ref),
        "sam": sam(x, ref),
        "ergas": ergas(x, ref, ratio),
        "rmse": rmse(x, ref),
        "q2n": q2n(x, ref),
        "scc": scc(x, ref),
    }


# --------------------------------------------------------------------------
# no-reference metrics
# --------------------------------------------------------------------------

def _uiqi_from_moments(ma, mb, va, vb, cab) -> np.ndarray:
    """UIQI from means, population variances and covariance (any shape).

    Degenerate cases as in Wang's img_qi: constant blocks give
    2 mu_a mu_b / (mu_a^2 + mu_b^2), zero means 2 cov / (var_a + var_b),
    both 1.
    """
    v = va + vb
    m = ma * ma + mb * mb
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(
            (v > 0) & (m > 0), 4.0 * cab * ma * mb / (v * m),
            np.where(m > 0, 2.0 * ma * mb / m, np.where(v > 0, 2.0 * cab / v, 1.0)))


def uiqi(a: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Universal image quality index (Wang & Bovik 2002) over the last axis.

    a, b: (..., P) float arrays -> (...), in [-1, 1]. Degenerate cases: see
    `_uiqi_from_moments`.
    """
    a = np.asarray(a, dtype=np.float64)
    b = np.asarray(b, dtype=np.float64)
    ma = a.mean(axis=-1)
    mb = b.mean(axis=-1)
    da = a - ma[..., None]
    db = b - mb[..., None]
    return _uiqi_from_moments(ma, mb, np.mean(da * da, axis=-1), np.mean(db * db, axis=-1),
                              np.mean(da * db, axis=-1))


class _Blocks:
    """Non-overlapping bs x bs tiles of a (C, H, W) image, centred per tile.

    The remainder beyond whole tiles is dropped; an image smaller than a
    tile is one tile. ``mean`` (C, ny, nx), ``var`` (C, ny, nx) population
    variances, ``d`` the centred tiles (C, ny, by, nx, bx) (a float64 copy of
    the image, made once, so each band pair costs one product).
    """

    def __init__(self, a: np.ndarray, bs: int):
        c, h, w = a.shape
        by, bx = min(bs, h), min(bs, w)
        ny, nx = h // by, w // bx
        t = a[:, :ny * by, :nx * bx].reshape(c, ny, by, nx, bx)
        self.mean = t.mean(axis=(2, 4), dtype=np.float64)
        self.d = t - self.mean[:, :, None, :, None]
        self.var = np.mean(self.d * self.d, axis=(2, 4))

    def q(self, i: int, other: "_Blocks", j: int) -> float:
        """Mean over tiles of UIQI(band i of self, band j of other)."""
        cov = np.mean(self.d[i] * other.d[j], axis=(1, 3))
        return float(np.mean(_uiqi_from_moments(self.mean[i], other.mean[j], self.var[i], other.var[j], cov)))


def _scales(fused_shape, ms_shape, ratio, block) -> tuple[int, int, int]:
    c, hh, ww = fused_shape
    if ms_shape[0] != c:
        raise ValueError(f"fused has {c} bands but the MS has {ms_shape[0]}")
    if ratio is None:
        ratio = int(round(hh / ms_shape[1]))
    ratio = int(ratio)
    if ratio < 2 or hh != ratio * ms_shape[1] or ww != ratio * ms_shape[2]:
        raise ValueError(f"fused {hh}x{ww} is not ratio {ratio} times the MS {ms_shape[1]}x{ms_shape[2]}")
    lr_block = max(int(block) // ratio, 2)
    return ratio, lr_block, lr_block * ratio


def d_lambda(fused, ms, block: int = 32, p: float = 1.0, ratio: int | None = None) -> float:
    """Spectral distortion D_lambda of QNR (Alparone et al. 2008).

    fused (C, H, W), ms (C, h, w) with H = ratio*h (ratio inferred from the
    shapes when None). For every band pair, UIQI averaged over blocks at
    full resolution (block ``ratio*(block//ratio)``) is compared with the
    same at the MS scale (block ``block//ratio``):
    (mean over pairs of |Q_fused - Q_ms|^p)^(1/p). 0 is best.
    """
    fused = _as_cube(fused)
    ms = _as_cube(ms)
    ratio, lr_b, hr_b = _scales(fused.shape, ms.shape, ratio, block)
    c = fused.shape[0]
    if c < 2:
        raise ValueError("D_lambda needs at least two bands")
    fb = _Blocks(fused, hr_b)
    mb = _Blocks(ms, lr_b)
    diffs = [abs(fb.q(i, fb, j) - mb.q(i, mb, j)) ** p for i in range(c) for j in range(i + 1, c)]
    return float(np.mean(diffs) ** (1.0 / p))


def _lowpass_decimate(x: np.ndarray, ratio: int, gains, phase: float = 0.0) -> np.ndarray:
    """MTF-matched Gaussian low-pass (per band gains) + decimation by ``ratio``.

    x (C, H, W) -> (C, H//ratio, W//ratio). Output pixel i samples the
    filtered image at high-res coordinate ratio*i + phase (a sub-pixel phase
    shifts the Gaussian's taps). Symmetric padding. For phase 0 this equals
    kernels.blur_np(x, kernels.mtf_psfs(ratio, gains)) followed by
    kernels.decimate_np.
    """
    c, h, w = x.shape
    gains = np.broadcast_to(np.atleast_1d(np.asarray(gains, dtype=np.float64)), (c,))
    start = int(math.floor(phase))
    frac = float(phase) - start
    out = np.empty((c, h // ratio, w // ratio))
    half = kernels.mtf_psfs(ratio, gains).shape[-1] // 2  # same common support as kernels.mtf_psfs
    for b in range(c):
        sigma = kernels.mtf_sigma(ratio, float(gains[b]))
        lo, hi = -half, half + (1 if frac > 0 else 0)
        taps = np.arange(lo, hi + 1, dtype=np.float64)
        g = np.exp(-((taps - frac) ** 2) / (2.0 * sigma ** 2))
        g /= g.sum()
        a = x[b].astype(np.float64)
        for axis in (0, 1):
            n = a.shape[axis]
            a = np.moveaxis(a, axis, 0)
            idx = start + ratio * np.arange(n // ratio)
            # weighted sum of the rows around each kept row (one tap at a time: low memory)
            a = sum(wk * a[_mirror_sym(idx + int(tk), n)] for wk, tk in zip(g, taps))
            a = np.moveaxis(a, 0, axis)
        out[b] = a
    return out


def degrade_pan(pan, ratio: int, pan_filter: str = "mtf", gain: float = 0.3, phase: float = 0.0) -> np.ndarray:
    """PAN (H, W) or (1, H, W) -> (h, w) at the MS scale.

    ``pan_filter``: "mtf" = Gaussian with response ``gain`` at the MS
    Nyquist frequency then decimation on the grid convention (``phase``);
    "average" = mean of each ratio x ratio block (block-centred grid, i.e.
    phase (ratio-1)/2).
    """
    pan = _as_cube(pan).astype(np.float64, copy=False)
    if pan.shape[0] != 1:
        raise ValueError("the PAN must have one band")
    if pan_filter == "mtf":
        return _lowpass_decimate(pan, ratio, gain, phase)[0]
    if pan_filter == "average":
        _, h, w = pan.shape
        a = pan[0, :h - h % ratio, :w - w % ratio]
        return a.reshape(h // ratio, ratio, w // ratio, ratio).mean(axis=(1, 3))
    raise ValueError(f"unknown pan_filter {pan_filter!r} (use 'mtf' or 'average')")


def d_s(fused, ms, pan, ratio: int, block: int = 32, q: float = 1.0, pan_filter: str = "mtf",
        pan_gain: float = 0.3, phase: float = 0.0) -> float:
    """Spatial distortion D_s of QNR (Alparone et al. 2008).

    fused (C, H, W), ms (C, h, w), pan (H, W) or (1, H, W), H = ratio*h.
    Per band, UIQI(fused_b, pan) over full-resolution blocks is compared with
    UIQI(ms_b, pan degraded to the MS scale) over MS-scale blocks (see
    `degrade_pan`): (mean over bands of |difference|^q)^(1/q). 0 is best.
    """
    fused = _as_cube(fused)
    ms = _as_cube(ms)
    pan = _as_cube(pan)
    ratio, lr_b, hr_b = _scales(fused.shape, ms.shape, ratio, block)
    if pan.shape[1:] != fused.shape[1:]:
        raise ValueError(f"PAN {pan.shape[1:]} and fused {fused.shape[1:]} sizes differ")
    pan_lr = degrade_pan(pan, ratio, pan_filter, pan_gain, phase)[None]
    fb, pb = _Blocks(fused, hr_b), _Blocks(pan, hr_b)
    mb, plb = _Blocks(ms, lr_b), _Blocks(pan_lr, lr_b)
    diffs = [abs(fb.q(b, pb, 0) - mb.q(b, plb, 0)) ** q for b in range(fused.shape[0])]
    return float(np.mean(diffs) ** (1.0 / q))


def qnr(fused, ms, pan, ratio: int, block: int = 32, p: float = 1.0, q: float = 1.0,
        alpha: float = 1.0, beta: float = 1.0, **ds_kwargs) -> float:
    """QNR = (1 - D_lambda)^alpha * (1 - D_s)^beta (1 is best).

    ``ds_kwargs`` go to `d_s` (pan_filter, pan_gain, phase).
    """
    dl = d_lambda(fused, ms, block=block, p=p, ratio=ratio)
    ds = d_s(fused, ms, pan, ratio, block=block, q=q, **ds_kwargs)
    return float((1.0 - dl) ** alpha * (1.0 - ds) ** beta)


def d_lambda_khan(fused, ms, ratio: int, gains=None, block: int = 32, phase: float = 0.0) -> float:
    """Khan et al. (2009) spectral distortion: 1 - Q2n(MS, degraded fused).

    The fused image is filtered with MTF-matched Gaussians (per-band
    ``gains`` at the MS Nyquist frequency, default 0.3; a scalar applies to
    every band), decimated on the grid convention (``phase``) and compared
    with the MS by Q2n with blocks of ``block // ratio`` MS pixels.
    """
    fused = _as_cube(fused)
    ms = _as_cube(ms)
    ratio, lr_b, _ = _scales(fused.shape, ms.shape, ratio, block)
    gains = 0.3 if gains is None else gains
    low = _lowpass_decimate(fused, ratio, gains, phase)
    return float(1.0 - q2n(low, ms, block=lr_b, shift=lr_b))


def hqnr(fused, ms, pan, ratio: int, gains=None, block: int = 32, q: float = 1.0, **ds_kwargs) -> float:
    """Hybrid QNR = (1 - D_lambda_Khan) * (1 - D_s).

    ``ds_kwargs`` go to `d_s` (pan_filter, pan_gain, phase); ``phase`` is
    also used for Khan's decimation.
    """
    dl = d_lambda_khan(fused, ms, ratio, gains, block, ds_kwargs.get("phase", 0.0))
    ds = d_s(fused, ms, pan, ratio, block=block, q=q, **ds_kwargs)
    return float((1.0 - dl) * (1.0 - ds))


def noref_metrics(fused, ms, pan, ratio: int, gains=None, block: int = 32, phase: float = 0.0,
                  pan_filter: str = "mtf", pan_gain: float = 0.3) -> dict:
    """No-reference metrics at full resolution as a dict of floats.

    Keys: d_lambda, d_s, qnr, hqnr, d_lambda_khan (alpha = beta = p = q = 1).
    """
    dl = d_lambda(fused, ms, block=block, ratio=ratio)
    ds = d_s(fused, ms, pan, ratio, block=block, pan_filter=pan_filter, pan_gain=pan_gain, phase=phase)
    dk = d_lambda_khan(fused, ms, ratio, gains, block, phase)
    return {
        "d_lambda": dl,
        "d_s": ds,
        "qnr": (1.0 - dl) * (1.0 - ds),
        "hqnr": (1.0 - dk) * (1.0 - ds),
        "d_lambda_khan": dk,
    }
