"""Scene-level learning for the self-learning methods (SDP, ARGS-Diff, DM-ZS).

A large scene is fused tile by tile, but what a self-learning method learns
(blind PSF/SRF, priors trained on the scene's own pixels, a zero-shot
network) belongs to the scene: it is learned once from windows sampled
across the whole scene (engine.scene.scene_sample), then every tile only
runs the method's per-tile solve. This module holds what the methods share
for that: the window type and the ways to pool windows (LR spectra, a
mosaic for the blind PSF/SRF estimation) and the repeatable random state
handed from the learning step to each tile's solve.

A window: low (1, C, h, w) and high (1, c, H, W) float tensors in [0, 1]
with H = r h, W = r w (grid convention of DESIGN.md), and optionally
low_valid (h, w) bool (False: nodata, filled by the reader).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Optional, Sequence

import numpy as np
import torch

from . import denoise

#: At most this many LR spectra are pooled for training a spectral prior (regularly spaced).
MAX_SPECTRA = 262_144
#: LR pixels of the mosaic given to the blind PSF/SRF estimation (its own crop is 65536).
ESTIMATION_LR_PIXELS = 65_536


@dataclass
class Window:
    """One window of the scene: low (1, C, h, w), high (1, c, H, W), low_valid (h, w) bool or None."""

    low: torch.Tensor
    high: torch.Tensor
    low_valid: Optional[torch.Tensor] = None


def _batch(x) -> torch.Tensor:
    t = x if isinstance(x, torch.Tensor) else torch.from_numpy(np.ascontiguousarray(x))
    t = t.float()
    while t.dim() < 4:
        t = t[None]
    return t


def as_windows(samples, device=None) -> list[Window]:
    """Normalise ``samples`` to a list of `Window` on ``device``.

    Each sample is a Window, an object with ``low``/``high`` (and optionally
    ``low_valid``) attributes holding (C, h, w)/(1, C, h, w) arrays or tensors
    (e.g. engine.scene.ScaledWindow), or a (low, high) tuple. An
    all-valid low_valid is dropped (None), so a whole small scene is learned
    from exactly as one image.
    """
    out = []
    for s in samples:
        if isinstance(s, (tuple, list)):
            low, high, lv = s[0], s[1], (s[2] if len(s) > 2 else None)
        else:
            low, high, lv = s.low, s.high, getattr(s, "low_valid", None)
        low, high = _batch(low), _batch(high)
        if device is not None:
            low, high = low.to(device), high.to(device)
        if lv is not None:
            lv = torch.as_tensor(np.asarray(lv) if not isinstance(lv, torch.Tensor) else lv).bool()
            lv = lv.reshape(lv.shape[-2:])[:low.shape[-2], :low.shape[-1]]
            lv = None if bool(lv.all()) else lv.to(low.device)
        out.append(Window(low, high, lv))
    if not out:
        raise ValueError("no window to learn from")
    return out


def lr_spectra(windows: Sequence[Window], max_spectra: int = MAX_SPECTRA) -> torch.Tensor:
    """(N, C) valid LR pixel spectra of all windows, in window then row-major order.

    More than ``max_spectra`` are thinned regularly (every k-th of each window), keeping
    memory bounded for scenes of many windows; one fully valid window gives
    exactly ``low[0].reshape(C, -1).T``.
    """
    counts = [int(w.low_valid.sum()) if w.low_valid is not None else w.low[0, 0].numel() for w in windows]
    if sum(counts) == 0:
        raise ValueError("no valid low-resolution pixel to learn from")
    # thinned window by window, so the pooled copy is never larger than the result
    step = max(1, int(math.ceil(sum(counts) / max_spectra)))
    parts = []
    for w in windows:
        C = w.low.shape[1]
        flat = w.low[0].reshape(C, -1)
        if w.low_valid is not None:
            flat = flat[:, w.low_valid.reshape(-1)]
        parts.append(flat[:, ::step].T)
    spectra = parts[0] if len(parts) == 1 else torch.cat(parts, 0)
    return spectra.contiguous()


def pixel_image(windows: Sequence[Window]) -> torch.Tensor:
    """The pooled LR spectra as a (1, C, 1, N) image (for per-scene statistics such as a
    band selection or a spectral basis written for (1, C, h, w) images)."""
    s = lr_spectra(windows)
    return s.T[None, :, None, :]


def estimation_pair(windows: Sequence[Window], ratio: int, margin: int,
                    lr_pixels: int = ESTIMATION_LR_PIXELS):
    """(high (c, H, W), low (C, h, w), valid (h, w) bool or None) float64 NumPy for the blind
    PSF/SRF estimation (models.estimation).

    One window: itself (valid: its low_valid). Several: a mosaic of the
    central parts of all windows (each cropped so the mosaic has about
    ``lr_pixels`` LR pixels: every part of the scene contributes) on a
    near-square grid of cells; LR pixels within ``margin`` LR pixels of a
    cell's edge are marked invalid, so no fitted pixel's PSF footprint
    crosses from one window into another.
    """
    r = int(ratio)
    if len(windows) == 1:
        w = windows[0]
        valid = None if w.low_valid is None else w.low_valid.cpu().numpy()
        return (w.high[0].detach().cpu().double().numpy(), w.low[0].detach().cpu().double().numpy(), valid)
    n = len(windows)
    side = max(2 * margin + 8, int(math.sqrt(lr_pixels / n)))
    crops = []
    for w in windows:
        h, wd = w.low.shape[-2:]
        sh, sw = min(side, h), min(side, wd)
        i0, j0 = (h - sh) // 2, (wd - sw) // 2
        lv = w.low_valid[i0:i0 + sh, j0:j0 + sw].cpu().numpy() if w.low_valid is not None else \
            np.ones((sh, sw), bool)
        crops.append((w.high[0, :, r * i0:r * (i0 + sh), r * j0:r * (j0 + sw)].detach().cpu().double().numpy(),
                      w.low[0, :, i0:i0 + sh, j0:j0 + sw].detach().cpu().double().numpy(), lv))
    cols = int(math.ceil(math.sqrt(n)))
    rows = int(math.ceil(n / cols))
    ch = max(c[1].shape[1] for c in crops)
    cw = max(c[1].shape[2] for c in crops)
    hb, lb = crops[0][0].shape[0], crops[0][1].shape[0]
    high = np.zeros((hb, rows * ch * r, cols * cw * r))
    low = np.zeros((lb, rows * ch, cols * cw))
    valid = np.zeros((rows * ch, cols * cw), bool)
    for k, (hi, lo, lv) in enumerate(crops):
        i, j = divmod(k, cols)
        sh, sw = lo.shape[1:]
        low[:, i * ch:i * ch + sh, j * cw:j * cw + sw] = lo
        high[:, i * ch * r:i * ch * r + hi.shape[1], j * cw * r:j * cw * r + hi.shape[2]] = hi
        inner = np.zeros((sh, sw), bool)
        inner[margin:sh - margin, margin:sw - margin] = True
        valid[i * ch:i * ch + sh, j * cw:j * cw + sw] = lv & inner
    if not valid.any():
        raise ValueError("no valid low-resolution pixel to estimate the PSF and SRF from")
    return high, low, valid


def noise_sigmas(windows: Sequence[Window], ratio: int) -> tuple[np.ndarray, np.ndarray]:
    """(high (c,), low (C,)) float64: the per-band noise std of the high-resolution input
    (`denoise.noise_sigma`, on the pixels under valid low-resolution pixels) and of the
    low-resolution cube (`denoise.band_regression_sigma`, on its valid pixels; 0 for a cube
    of fewer than 3 bands, which is then left as it is), each the median over the windows."""
    r = int(ratio)
    high_est, low_est = [], []
    for w in windows:
        high, low = w.high[0], w.low[0]
        valid = None
        if w.low_valid is not None:
            lv = w.low_valid.to(high.device).repeat_interleave(r, 0).repeat_interleave(r, 1)
            valid = torch.zeros(high.shape[-2:], dtype=torch.bool, device=high.device)
            hh, ww = min(lv.shape[0], valid.shape[0]), min(lv.shape[1], valid.shape[1])
            valid[:hh, :ww] = lv[:hh, :ww]
            low = low[:, w.low_valid.to(low.device)][:, :, None]
        high_est.append(denoise.noise_sigma(high, valid).cpu().numpy())
        # too few bands to tell noise from signal spectrally: leave the cube as it is
        low_est.append(denoise.band_regression_sigma(low).cpu().numpy() if low.shape[0] >= 3
                       else np.zeros(low.shape[0]))
    return np.median(np.stack(high_est), axis=0), np.median(np.stack(low_est), axis=0)


def denoised(windows: Sequence[Window], high_sigma, low_sigma) -> list[Window]:
    """The windows with both inputs Wiener-filtered (`denoise.wiener_multiband` for the
    high-resolution input, `denoise.subspace_wiener` for the low-resolution cube) for the
    given per-band noise std (as from `noise_sigmas`)."""
    return [Window(denoise.subspace_wiener(w.low, low_sigma), denoise.wiener_multiband(w.high, high_sigma),
                   w.low_valid) for w in windows]


def psf_margin(ratio: int, psf_size: int) -> int:
    """LR pixels whose PSF footprint (``psf_size`` HR pixels) can reach ``ratio``-times finer neighbours."""
    return int(math.ceil((psf_size // 2) / max(int(ratio), 1))) + 1


def generator_state(generator: torch.Generator) -> torch.Tensor:
    """The state of ``generator`` after learning (each tile's solve starts from it)."""
    return generator.get_state().clone()


def restore_generator(state: torch.Tensor, device) -> torch.Generator:
    """A generator on ``device`` (CUDA generators on CUDA, else CPU) set to ``state``."""
    dev = torch.device(device) if device is not None else torch.device("cpu")
    g = torch.Generator(device=dev if dev.type == "cuda" else "cpu")
    g.set_state(state.clone())
    return g
