"""Benchmark runners for ARGS-Diff (imported by bench/run.py).

``RUNNERS[name](case, seed) -> (C, H, W)`` float32 array in [0, 1], where
``case`` is a bench.datasets case dict with ``hsi`` (low), ``msi`` (high) and
``ratio``. PSF and SRF are estimated blindly from the pair (the product
default); the case's true operators are not passed. Torch threads are left as
the harness set them.
"""
from __future__ import annotations

import dataclasses

import numpy as np
import torch

from bench.product import case_runner
from fusediff.models import argsdiff
from fusediff.models.config import with_preset


def _run(case: dict, seed: int, preset: str = "default", **overrides) -> np.ndarray:
    cfg = with_preset(argsdiff.ARGSDiffConfig, preset, seed=seed, **overrides)
    low = case.get("hsi", case.get("low"))
    high = case.get("msi", case.get("high"))
    ratio = int(case["ratio"])
    fused, _ = argsdiff.fuse(torch.as_tensor(low), torch.as_tensor(high), ratio=ratio, config=cfg,
                             device=torch.device("cpu"))
    return fused[0].numpy().astype(np.float32)


def _given_operators(case: dict, seed: int) -> np.ndarray:
    """Default preset with the case's true PSF and SRF (the non-blind reference row)."""
    cfg = dataclasses.replace(argsdiff.ARGSDiffConfig(), seed=seed)
    fused, _ = argsdiff.fuse(torch.as_tensor(case["hsi"]), torch.as_tensor(case["msi"]), srf=case["srf"],
                             psf=case["psf"], ratio=int(case["ratio"]), config=cfg, device=torch.device("cpu"))
    return fused[0].numpy().astype(np.float32)


#: the paper's sampler (pure noise, exp schedule, 500 steps, guidance through both networks,
#: steps 0.05, plain [0, 1] -> [-1, 1] scaling) on the default preset's CPU-sized networks
PAPER_SAMPLING = dict(init="noise", start=1.0, schedule="exp", steps=500, guidance="network", rho1=0.05,
                      rho2=0.05, band_norm=False, rho_decay=False, denoise=False)

RUNNERS = {
    "argsdiff": case_runner("argsdiff", "MSI", "HSI"),  # the product: GeoTIFFs through fusediff:argsdiff
    "argsdiff-array": lambda case, seed: _run(case, seed),
    # the full paper preset trains a 64-wide U-Net for 30k iterations: many hours on 2 CPU cores
    "argsdiff-paper": lambda case, seed: _run(case, seed, "paper"),
    "argsdiff-paper-sampling": lambda case, seed: _run(case, seed, **PAPER_SAMPLING),
    "argsdiff-noargm": lambda case, seed: _run(case, seed, argm=False),
    "argsdiff-given": _given_operators,
}
