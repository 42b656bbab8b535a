"""Benchmark runners for SDP (imported by bench/run.py).

``RUNNERS[name](case, seed) -> (C, H, W)`` float32 array in [0, 1], where
``case`` is a bench.datasets case dict with ``hsi`` (low), ``msi`` (high) and
``ratio``. PSF and SRF are estimated blindly from the pair (the product
default) except in the ``-given`` row, which passes the case's true ones.
Torch threads are left as the harness set them.

The real Paris pair (protocol HMR, `datasets.paris_ms_real`): Hyperion and
ALI share one 30 m grid, so there is no resolution to gain by fusing them
as they are (the harness passes ratio 1). The runners read it the way the
HySure authors used it: the HSI is degraded by 4 (the HM protocol's gauss9
blur + decimation from index 0, no added noise), then fused with the real
30 m ALI MSI (real sensor, unknown SRF and registration: blind estimation),
and the result lies on the 30 m grid. It can be scored without reference
(D_lambda / D_s / QNR against the real inputs) and, since the original
30 m HSI exists, also against it (`real_reference_case`).
"""
from __future__ import annotations

import numpy as np
import torch

from bench.product import case_runner
from fusediff.models import kernels, operators, sdp
from fusediff.models.config import with_preset

REAL_RATIO = 4


def real_reference_case(case: dict) -> dict:
    """A same-grid real pair (ratio < 2) -> the case SDP fuses: hsi degraded by
    REAL_RATIO (gauss9 + decimation), the real msi, and the original hsi as gt."""
    hsi = torch.as_tensor(case["hsi"], dtype=torch.float64)[None]
    low = operators.downsample(hsi, kernels.gauss9_psf(REAL_RATIO), REAL_RATIO)
    return {"hsi": low[0].numpy().astype(np.float32), "msi": case["msi"], "ratio": REAL_RATIO,
            "gt": case["hsi"], "wavelengths": case.get("wavelengths")}


def _run(case: dict, seed: int, preset: str = "default", given: bool = False, **overrides) -> np.ndarray:
    if int(case.get("ratio", 1)) < 2:
        case = real_reference_case(case)
    cfg = with_preset(sdp.SDPConfig, preset, seed=seed, **overrides)
    low = case.get("hsi", case.get("low"))
    high = case.get("msi", case.get("high"))
    fused, _ = sdp.fuse(torch.as_tensor(low)[None], torch.as_tensor(high)[None],
                        srf=case["srf"] if given else None, psf=case["psf"] if given else None,
                        ratio=int(case["ratio"]), config=cfg, device=torch.device("cpu"),
                        wavelengths=case.get("wavelengths"))
    return fused[0].numpy().astype(np.float32)


RUNNERS = {
    # the product: GeoTIFFs through fusediff:sdp (a real same-grid pair degraded as in _run)
    "sdp": case_runner("sdp", "MSI", "HSI",
                       prepare=lambda c: dict(c, **real_reference_case(c), phase=0.0) if int(c.get("ratio", 1)) < 2 else c),
    "sdp-array": lambda case, seed: _run(case, seed),
    "sdp-paper": lambda case, seed: _run(case, seed, "paper"),
    "sdp-given": lambda case, seed: _run(case, seed, given=True),
}
