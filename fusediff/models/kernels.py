"""Filter kernels and their NumPy application (no torch).

This module is the single source of the *numbers* behind the degradation
operators: Gaussian PSFs, MTF-matched Gaussians and the per-sensor MTF gains,
and the interpolation weights used for upsampling. The torch operators in
`operators.py` apply exactly these weights to tensors (differentiable, any
device); the NumPy functions here apply them to arrays for the torch-free
classical methods and metrics. Tests check that both agree.

Grid convention (BENCHMARK.md): low-resolution pixel i sits on the centre of
high-resolution pixel ``ratio * i``; decimation keeps indices 0, r, 2r, ...
Upsamplers take a ``phase``: the high-resolution coordinate of the centre of
low-resolution pixel 0 (0 for the project's convention, (r-1)/2 for data
whose low-resolution pixels are centred on the r x r blocks they cover).
"""
from __future__ import annotations

import math

import numpy as np

from ..numerics.cubic import keys_cubic  # noqa: F401 (re-exported)

# Per-band MTF gains at the low-resolution Nyquist frequency, as used by the
# pansharpening literature (Vivone et al., "A critical comparison among
# pansharpening algorithms", and its toolbox). Keys are lower-case sensor
# names; "ms" lists per-band gains in the product's usual band order, "pan"
# the panchromatic gain. "generic" is the fallback (0.3 everywhere).
MTF_GAINS: dict[str, dict] = {
    "generic": {"ms": [0.3], "pan": 0.15},
    "quickbird": {"ms": [0.34, 0.32, 0.30, 0.22], "pan": 0.15},
    "ikonos": {"ms": [0.26, 0.28, 0.29, 0.28], "pan": 0.17},
    "geoeye1": {"ms": [0.23, 0.23, 0.23, 0.23], "pan": 0.16},
    "worldview2": {"ms": [0.35, 0.35, 0.35, 0.35, 0.35, 0.35, 0.35, 0.27], "pan": 0.11},
    "worldview3": {"ms": [0.325, 0.355, 0.360, 0.350, 0.365, 0.360, 0.335, 0.315], "pan": 0.11},
    "pleiades": {"ms": [0.27, 0.28, 0.29, 0.29], "pan": 0.15},
    "landsat7": {"ms": [0.3, 0.3, 0.3, 0.3], "pan": 0.15},
    "landsat8": {"ms": [0.3, 0.3, 0.3, 0.3], "pan": 0.15},
    "sentinel2": {"ms": [0.3, 0.3, 0.3, 0.3], "pan": 0.15},
}


def sensor_gains(sensor: str, n_bands: int) -> np.ndarray:
    """Per-band MTF gains for ``sensor`` (a key of MTF_GAINS, case-insensitive).

    Returns an array of ``n_bands`` gains in (0, 1). When the table lists a
    different number of bands, the mean gain is repeated.
    """
    key = sensor.lower().replace("-", "").replace("_", "").replace(" ", "")
    if key not in MTF_GAINS:
        raise ValueError(f"Unknown sensor {sensor!r}; known: {', '.join(MTF_GAINS)}")
    g = np.asarray(MTF_GAINS[key]["ms"], dtype=np.float64)
    if g.size != n_bands:
        g = np.full(n_bands, float(g.mean()))
    return g


def resolve_gains(gains, n_bands: int, default: float = 0.3) -> np.ndarray:
    """Per-band MTF gains (n_bands,) from None (``default``), a number, a
    sequence, a comma-separated string ('0.3,0.3,0.28') or a sensor name.

    Raises ValueError when a list does not match ``n_bands``.
    """
    if gains is None:
        return np.full(n_bands, float(default))
    if isinstance(gains, str):
        try:
            gains = [float(v) for v in gains.split(",") if v.strip()]
        except ValueError:
            return sensor_gains(gains, n_bands)
    g = np.atleast_1d(np.asarray(gains, dtype=np.float64))
    if g.size == 1:
        g = np.full(n_bands, float(g[0]))
    if g.size != n_bands:
        raise ValueError(f"{g.size} MTF gains were given for {n_bands} bands.")
    return g


def gaussian_psf(size: int, sigma: float) -> np.ndarray:
    """Normalised 2-D Gaussian kernel, shape (size, size), sum 1, float64.

    ``size`` is odd; ``sigma`` in pixels (> 0).
    """
    if size % 2 != 1 or size < 1:
        raise ValueError("PSF size must be a positive odd integer")
    if sigma <= 0:
        raise ValueError("PSF sigma must be > 0")
    ax = np.arange(size, dtype=np.float64) - (size - 1) / 2.0
    g = np.exp(-(ax ** 2) / (2.0 * sigma ** 2))
    k = np.outer(g, g)
    return k / k.sum()


def gauss9_psf(ratio: int = 4) -> np.ndarray:
    """BENCHMARK.md's "gauss9" PSF: 9x9 Gaussian whose FWHM equals ``ratio``.

    sigma = sqrt(ratio^2 / (8 ln 2)) (1.699 for ratio 4).
    """
    return gaussian_psf(9, math.sqrt(ratio ** 2 / (8.0 * math.log(2.0))))


def mtf_sigma(ratio: float, gain: float) -> float:
    """Sigma (high-res pixels) of the Gaussian whose frequency response at the
    low-resolution Nyquist frequency 1/(2*ratio) cycles/pixel equals ``gain``.

    A Gaussian's response is exp(-2 pi^2 sigma^2 f^2); solving at f = 1/(2r)
    gives sigma = r * sqrt(-2 ln gain) / pi.
    """
    if not 0.0 < gain < 1.0:
        raise ValueError("MTF gain must lie in (0, 1)")
    return ratio * math.sqrt(-2.0 * math.log(gain)) / math.pi


def mtf_psf(ratio: float, gain: float, size: int | None = None) -> np.ndarray:
    """MTF-matched Gaussian kernel (size x size, sum 1) for ``gain`` at Nyquist.

    Default size: the odd integer covering +-3 sigma, at least 2*ratio+1
    (41 for ratio 4 as in the pansharpening toolbox is wider than needed; the
    Gaussian's tails beyond 3 sigma carry < 0.3 % of its mass).
    """
    sigma = mtf_sigma(ratio, gain)
    if size is None:
        half = max(int(math.ceil(3.0 * sigma)), int(ratio))
        size = 2 * half + 1
    return gaussian_psf(size, sigma)


def mtf_psfs(ratio: float, gains, size: int | None = None) -> np.ndarray:
    """Stack of MTF-matched kernels, one per band: (C, k, k), common odd k."""
    gains = np.atleast_1d(np.asarray(gains, dtype=np.float64))
    if size is None:
        size = max(mtf_psf(ratio, float(g)).shape[0] for g in gains)
    return np.stack([mtf_psf(ratio, float(g), size) for g in gains])


def separable_factor(kernel: np.ndarray, tol: float = 1e-10) -> tuple[np.ndarray, np.ndarray] | None:
    """Split a 2-D kernel into (column, row) 1-D factors if it has rank 1.

    Returns None for non-separable kernels (e.g. an estimated PSF).
    """
    u, s, vt = np.linalg.svd(kernel)
    if s.size > 1 and s[1] > tol * max(s[0], 1e-30):
        return None
    col = u[:, 0] * math.sqrt(s[0])
    row = vt[0] * math.sqrt(s[0])
    if col.sum() < 0:
        col, row = -col, -row
    return col, row


# --------------------------------------------------------------------------
# Interpolation weights
# --------------------------------------------------------------------------

def _lanczos(x: np.ndarray, a: int = 3) -> np.ndarray:
    out = np.sinc(x) * np.sinc(x / a)
    out[np.abs(x) >= a] = 0.0
    return out


INTERPOLATORS = {"cubic": (keys_cubic, 2), "lanczos3": (_lanczos, 3)}


def upsample_weights(ratio: int, phase: float = 0.0, method: str = "cubic"):
    """Polyphase interpolation weights for upsampling by an integer ``ratio``.

    Output pixel j samples low-res coordinate u_j = (j - phase) / ratio.
    Returns ``(offsets, weights)``: ``offsets`` (n_taps,) integer low-res
    offsets relative to floor(u_j), and ``weights`` (ratio, n_taps) for the
    output phases j mod ratio; each row sums to 1. Because phase may shift
    floor(u_j), ``base`` below is folded into the offsets: output pixel
    j = ratio*q + p reads low-res pixels q + offsets with weights[p].
    """
    fn, half = INTERPOLATORS[method]
    offsets = np.arange(-half - 1, half + 2)  # generous support, zeros trimmed below
    weights = np.zeros((ratio, offsets.size))
    for p in range(ratio):
        u = (p - phase) / ratio  # low-res coordinate of output p relative to q
        w = fn(u - offsets.astype(np.float64))
        weights[p] = w / w.sum()
    keep = np.abs(weights).max(axis=0) > 1e-12
    return offsets[keep], weights[:, keep]


# --------------------------------------------------------------------------
# NumPy application (arrays shaped (C, H, W) or (H, W))
# --------------------------------------------------------------------------

def pad_symmetric(x: np.ndarray, ph: int, pw: int) -> np.ndarray:
    """Symmetric (edge-repeating, MATLAB 'symmetric') padding of the last two axes."""
    pad = [(0, 0)] * (x.ndim - 2) + [(ph, ph), (pw, pw)]
    return np.pad(x, pad, mode="symmetric")


def _correlate1d(x: np.ndarray, k: np.ndarray, axis: int) -> np.ndarray:
    """'valid' correlation of ``x`` with 1-D ``k`` along ``axis``."""
    n = x.shape[axis] - k.size + 1
    out = tmp = None
    for i, w in enumerate(k):
        sl = [slice(None)] * x.ndim
        sl[axis] = slice(i, i + n)
        out, tmp = accumulate_tap(out, tmp, w, x[tuple(sl)])
    return out


def accumulate_tap(out, tmp, w, view):
    """out + w * view into reused buffers (no new array per tap: large images are
    bound by memory traffic and page faults, not arithmetic). Same values as the
    plain expression. Returns (out, tmp)."""
    if out is None:
        return w * view, None
    if tmp is None:
        tmp = np.empty_like(out)
    np.multiply(view, w, out=tmp)
    out += tmp
    return out, tmp


def blur_np(x: np.ndarray, kernel: np.ndarray) -> np.ndarray:
    """Blur with symmetric padding; output has the input's shape.

    x: (H, W) or (C, H, W) float array. kernel: (k, k) applied to every band,
    or (C, k, k) one per band (odd k).
    Convolution: identical to correlation for the symmetric kernels the
    simulations use, and to `operators.blur` for any kernel.
    """
    x = np.asarray(x)
    squeeze = x.ndim == 2
    if squeeze:
        x = x[None]
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    # flipped: a true convolution, like operators.blur (matters for
    # asymmetric estimated PSFs only)
    kernel = np.asarray(kernel, dtype=np.float64)[..., ::-1, ::-1]
    kernels = kernel if kernel.ndim == 3 else kernel[None]
    out = np.empty(x.shape, dtype=dtype)
    cache: dict[int, tuple] = {}
    for c in range(x.shape[0]):
        k = kernels[c if kernels.shape[0] > 1 else 0]
        kid = c if kernels.shape[0] > 1 else 0
        if kid not in cache:
            cache[kid] = (k, separable_factor(k))
        k, sep = cache[kid]
        h = k.shape[0] // 2
        xp = pad_symmetric(x[c].astype(dtype, copy=False), h, h)
        if sep is not None:
            col, row = sep
            out[c] = _correlate1d(_correlate1d(xp, col.astype(dtype), 0), row.astype(dtype), 1)
        else:
            acc = np.zeros(x.shape[1:], dtype=dtype)
            for i in range(k.shape[0]):
                acc += _correlate1d(xp[i:i + x.shape[1]], k[i].astype(dtype), 1)
            out[c] = acc
    return out[0] if squeeze else out


def blur_decimate_np(x: np.ndarray, kernel: np.ndarray, ratio: int, start: int = 0) -> np.ndarray:
    """``blur_np(x, kernel)[..., start::ratio, start::ratio]``, computed only at the kept pixels.

    x: (C, H, W) float array; kernel (k, k) or (C, k, k), odd k; 0 <= start < ratio.
    Returns (C, ceil((H - start) / ratio), ceil((W - start) / ratio)) in x's float
    dtype. One strided pass per tap over ratio^2 fewer pixels: several times
    faster than blurring the whole image (CNMF degrades its abundances every
    iteration).
    """
    x = np.asarray(x)
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    kernel = np.asarray(kernel, dtype=np.float64)[..., ::-1, ::-1]
    k = kernel.shape[-1]
    C, H, W = x.shape
    ny, nx = len(range(start, H, ratio)), len(range(start, W, ratio))
    xp = pad_symmetric(x.astype(dtype, copy=False), k // 2, k // 2)
    out = tmp = None
    for a in range(k):
        for b in range(k):
            w = kernel[..., a, b].astype(dtype)
            if kernel.ndim == 3:
                w = w[:, None, None]
            view = xp[:, start + a:start + a + ratio * (ny - 1) + 1:ratio,
                      start + b:start + b + ratio * (nx - 1) + 1:ratio]
            out, tmp = accumulate_tap(out, tmp, w, view)
    return out


def decimate_np(x: np.ndarray, ratio: int) -> np.ndarray:
    """Keep pixels 0, r, 2r, ... along the last two axes."""
    return x[..., ::ratio, ::ratio]


def upsample_np(x: np.ndarray, ratio: int, phase: float = 0.0, method: str = "cubic") -> np.ndarray:
    """Interpolate (…, h, w) to (…, ratio*h, ratio*w), separable, symmetric edges.

    ``phase``: high-res coordinate of low-res pixel 0's centre (see module doc).
    """
    offsets, weights = upsample_weights(ratio, phase, method)
    pad = int(np.abs(offsets).max())
    dtype = x.dtype if np.issubdtype(x.dtype, np.floating) else np.float64
    x = x.astype(dtype, copy=False)
    for axis in (-2, -1):
        n = x.shape[axis]
        padw = [(0, 0)] * x.ndim
        padw[axis] = (pad, pad)
        xp = np.pad(x, padw, mode="symmetric")
        shape = list(x.shape)
        shape[axis] = n * ratio
        out = np.empty(shape, dtype=dtype)
        acc = tmp = None
        for p in range(ratio):
            for j, (o, w) in enumerate(zip(offsets, weights[p])):
                sl = [slice(None)] * x.ndim
                sl[axis] = slice(pad + o, pad + o + n)
                if j == 0 and acc is not None:
                    np.multiply(xp[tuple(sl)], w, out=acc)  # reuse the previous phase's buffer
                else:
                    acc, tmp = accumulate_tap(None if j == 0 else acc, tmp, w, xp[tuple(sl)])
            osl = [slice(None)] * x.ndim
            osl[axis] = slice(p, None, ratio)
            out[tuple(osl)] = acc
        x = out
    return x
