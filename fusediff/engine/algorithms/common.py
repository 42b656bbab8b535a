"""Pieces the algorithm definitions share: the common parameters (RATIO, DEVICE, SEED), the
torch set-up of a run (device, threads) and the run-time checks of paths. Torch-free at import."""
from __future__ import annotations

import os

from ..i18n import tr
from ..params import Param

DEVICES = ("auto", "cpu", "cuda")
README_URL = "https://github.com/fusediff/fusediff/blob/main/README.md"


def ratio_param(advanced: bool = False) -> Param:
    """Optional resolution ratio (default: from the pixel sizes)."""
    return Param("RATIO", "float", "Resolution ratio (empty: from the pixel sizes)",
                 help="Ratio of the low-resolution pixel size to the high-resolution one, "
                      "e.g. 4 for 2 m multispectral and 0.5 m panchromatic pixels. "
                      "Leave empty to take it from the rasters' pixel sizes.",
                 optional=True, advanced=advanced)


def device_param(advanced: bool = True) -> Param:
    """DEVICE: auto (CUDA, then Apple MPS, else CPU) / cpu / cuda."""
    return Param("DEVICE", "enum", "Device", choices=DEVICES, default=0, advanced=advanced,
                 help="auto uses a CUDA GPU when PyTorch sees one (then Apple MPS), else the CPU.")


def seed_param(advanced: bool = True) -> Param:
    """SEED: makes stochastic runs repeatable."""
    return Param("SEED", "int", "Random seed", default=0, minimum=0, advanced=advanced,
                 help="The same seed and inputs give the same result.")


def torch_device(values: dict, ctx):
    """Pick DEVICE and set torch's CPU threads from ``ctx.threads`` (0: all cores); logs both.

    Returns the torch.device. A CUDA request without a CUDA GPU is a ValueError (for the user).
    """
    from ...models.device import select_device, set_threads
    try:
        device = select_device(DEVICES[int(values.get("DEVICE") or 0)])
    except RuntimeError as exc:
        raise ValueError(str(exc)) from exc
    threads = set_threads(ctx.threads)
    ctx.info(tr("Device: {0}; CPU threads: {1}.").format(device, threads))
    return device


def same_file(a: str, b: str) -> bool:
    """True when two paths name the same file."""
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))
