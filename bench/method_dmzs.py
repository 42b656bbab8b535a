"""Benchmark runners of DM-ZS (hyperspectral pansharpening), for bench/run.py.

Each runner: fn(case, seed) -> (C, H, W) float32 NumPy array in [0, 1].
The case gives ``low`` (LR-HSI), ``high`` (PAN), ``ratio``, ``phase``; its
``srf``/``psf`` (the simulation's own operators) are NOT passed: the product
default estimates the PAN response (and PSF) blindly, and so does the benchmark.
Rows of the paper's Table 4: without the zero-shot guidance, without NSSD,
without both, and the scene-trained prior instead of the bundled one.
"""
from __future__ import annotations

import numpy as np

from bench.product import case_runner


def _runner(**overrides):
    def run(case: dict, seed: int) -> np.ndarray:
        import torch

        from fusediff.models import dmzs
        from fusediff.models.config import with_preset

        torch.set_num_threads(max(1, torch.get_num_threads()))
        prior = overrides.get("prior", "bundled")
        cfg = with_preset(dmzs.DMZSConfig, "default", seed=seed,
                          **{k: v for k, v in overrides.items() if k != "prior"})
        phase = float(case.get("phase", 0.0))
        if phase != int(phase):
            raise ValueError("DM-ZS runner: non-integer grid phase is not supported")
        X, _ = dmzs.fuse(case["low"][None], case["high"][None], ratio=int(case["ratio"]), prior=prior,
                         config=cfg, device="cpu", phase=int(phase))
        return np.clip(X[0].numpy(), 0.0, 1.0).astype(np.float32)
    return run


RUNNERS = {
    "dmzs": case_runner("dmzs", "PAN", "HSI"),  # the product: GeoTIFFs through fusediff:dmzs
    "dmzs-array": _runner(),
    "dmzs-noguide": _runner(use_guide=False),
    "dmzs-nonssd": _runner(use_nssd=False),
    "dmzs-noguide-nonssd": _runner(use_guide=False, use_nssd=False),
    "dmzs-scene": _runner(prior="scene"),
}
