"""Torch device and thread selection (device-agnostic code takes the result)."""
from __future__ import annotations

import os

import torch


def select_device(name: str = "auto") -> torch.device:
    """'auto' (CUDA, then Apple MPS, else CPU), 'cpu' or 'cuda' -> torch.device.

    Raises RuntimeError with a plain sentence when 'cuda' is asked for and
    no CUDA device is usable.
    """
    name = (name or "auto").lower()
    if name == "cpu":
        return torch.device("cpu")
    if name == "cuda":
        if not torch.cuda.is_available():
            raise RuntimeError("DEVICE is 'cuda' but this PyTorch sees no CUDA GPU; choose 'auto' or 'cpu', "
                               "or install a CUDA build of PyTorch.")
        return torch.device("cuda")
    if name != "auto":
        raise ValueError(f"Unknown device {name!r}: use auto, cpu or cuda")
    if torch.cuda.is_available():
        return torch.device("cuda")
    mps = getattr(torch.backends, "mps", None)
    if mps is not None and mps.is_available():
        return torch.device("mps")
    return torch.device("cpu")


def set_threads(n: int | None = None) -> int:
    """Set torch's CPU threads (None or <= 0: all cores); returns the count used."""
    if not n or n <= 0:
        n = os.cpu_count() or 1
    torch.set_num_threads(int(n))
    return int(n)


def generator(seed: int, device: torch.device | None = None) -> torch.Generator:
    """A seeded torch.Generator on ``device`` (CPU when None)."""
    g = torch.Generator(device=device if device is not None and device.type == "cuda" else "cpu")
    g.manual_seed(int(seed))
    return g
