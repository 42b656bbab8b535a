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

import numpy as np
import torch

from . import kernels
from .classical import lowpass_decimate


def back_project(fused: torch.Tensor, ms: torch.Tensor, ratio: int, gains=0.3, phase: float = 0.0,
                 iterations: int = 3) -> torch.Tensor:
    """``iterations`` back-projection passes.

    fused (1, C, r h, r w) and ms (1, C, h, w) in the same units; gains: the
    MS MTF gain(s) at Nyquist (a number, per-band numbers or a sensor name,
    see `kernels.resolve_gains`); phase: high-res coordinate of low-res pixel
    0's centre. Returns a tensor like ``fused`` (same device and dtype).
    """
    if iterations <= 0:
        return fused
    x = fused[0].detach().cpu().numpy().astype(np.float32)
    y = ms[0].detach().cpu().numpy().astype(np.float32)
    g = kernels.resolve_gains(gains, y.shape[0])
    h, w = x.shape[-2:]
    for _ in range(iterations):
        low = lowpass_decimate(x, ratio, g, phase)[:, :y.shape[-2], :y.shape[-1]]
        d = y[:, :low.shape[-2], :low.shape[-1]] - low
        x = x + kernels.upsample_np(d, ratio, phase)[:, :h, :w].astype(np.float32)
    return torch.from_numpy(x)[None].to(fused.device, fused.dtype)
