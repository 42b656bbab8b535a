"""Spectral consistency of a pansharpened image with the MS it came from.

A network's output, low-passed with the MS sensor's MTF and sampled at the
low-res pixel centres, should give back the observed MS (Wald's consistency
property). Iterative back-projection pulls it there:

    X <- X + upsample(MS - lowpass_decimate(X))

Each pass removes the low-frequency spectral error the network left and
keeps the PAN detail it injected (the correction is an upsampled, smooth
image). Used after sampling by the supervised pansharpeners (ResPanDiff,
KSDiff); measured effect in bench/results.md (the ``-nocons`` rows).
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

import numpy as np
import torch

from . import kernels
from .classical import lowpass_decimate


#: Passes of the automatic setting (consistency = -1) for weights used as trained. After scene
#: adaptation none: on reduced Pleiades fine-tuned on the scene 3 passes raised ERGAS 2.11 -> 2.43
#: and SAM 2.76 -> 2.90, on WorldView-3 fitted from scratch ERGAS 4.95 -> 5.02, whereas with the
#: Landsat-7 weights as trained they lower SAM on Landsat-7 validation scenes (1.496 -> 1.451) and
#: on Pleiades (3.81 -> 3.62).
AUTO_PASSES = 3


def consistency_passes(config, state: dict) -> int:
    """Passes for a sharpening run: ``config.consistency`` when >= 0; automatic (-1):
    AUTO_PASSES unless ``state['adapted']`` (the model was fitted on the scene)."""
    n = int(getattr(config, "consistency", -1))
    if n >= 0:
        return n
    return 0 if state.get("adapted") else AUTO_PASSES


def _lr_kernel(ratio: int, gain: float, phase: float, half: int = 8) -> np.ndarray:
    """Impulse response (1, k, k) of lowpass_decimate(upsample(.)) on the low-res grid for one
    MTF gain (the composition is shift invariant), cropped to its support (17 x 17 -> 7 x 7 at
    ratio 2: the low-res passes cost taps)."""
    size = 2 * half + 1
    delta = np.zeros((1, size, size))
    delta[0, half, half] = 1.0
    k = lowpass_decimate(kernels.upsample_np(delta, ratio, phase), ratio, gain, phase)[:, :size, :size]
    keep = np.nonzero(np.abs(k).max(axis=(0, 1)) > 1e-6 * np.abs(k).max())[0]
    r = int(max(half - keep.min(), keep.max() - half))
    return k[:, half - r:half + r + 1, half - r:half + r + 1]


def back_project(fused: torch.Tensor, ms: torch.Tensor, ratio: int, gains=0.3, phase: float = 0.0,
                 iterations: int = 3) -> torch.Tensor:
    """``iterations`` back-projection passes.

    fused (1, C, r h, r w) and ms (1, C, h, w) in the same units; gains: the
    MS MTF gain(s) at Nyquist (a number, per-band numbers or a sensor name,
    see `kernels.resolve_gains`); phase: high-res coordinate of low-res pixel
    0's centre. Returns a tensor like ``fused`` (same device and dtype).

    The passes run on the low-res grid: with D = lowpass_decimate and U =
    upsample, X_k = X_0 + U s_k where s_{k+1} = s_k + (MS - D X_0) - (D U) s_k,
    and D U is a small low-res convolution (`_lr_kernel`). So the high-res
    image is low-passed once and upsampled once whatever the number of passes
    (equal to the literal passes away from the image border).
    """
    if iterations <= 0:
        return fused
    x = fused[0].detach().cpu().numpy().astype(np.float32)
    y = ms[0].detach().cpu().numpy().astype(np.float32)
    g = kernels.resolve_gains(gains, y.shape[0])

    def one_band(b: int) -> np.ndarray:
        xb = x[b:b + 1]
        low = lowpass_decimate(xb, ratio, float(g[b]), phase)[:, :y.shape[-2], :y.shape[-1]]
        d0 = y[b:b + 1, :low.shape[-2], :low.shape[-1]] - low
        k = _lr_kernel(ratio, float(g[b]), phase)
        s = d0
        for _ in range(iterations - 1):
            s = s + d0 - kernels.blur_np(s, k).astype(np.float32)
        return xb + kernels.upsample_np(s, ratio, phase)[:, :xb.shape[-2], :xb.shape[-1]].astype(np.float32)

    # bands are independent and NumPy releases the GIL in its loops: one thread per band, up to
    # torch's thread count (the rest of the pipeline's budget)
    workers = max(1, min(torch.get_num_threads(), x.shape[0]))
    if workers > 1:
        with ThreadPoolExecutor(workers) as pool:
            bands = list(pool.map(one_band, range(x.shape[0])))
    else:
        bands = [one_band(b) for b in range(x.shape[0])]
    return torch.from_numpy(np.concatenate(bands))[None].to(fused.device, fused.dtype)
