"""Torch device and thread selection (device-agnostic code takes the result)."""
from __future__ import annotations

import contextlib
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


# The host (CPU) device, named explicitly where work stays on the CPU whatever the inputs' device
# (float64 on Apple MPS, CPU generators, schedules). Also what tests/device_guard.py treats as host.
HOST = torch.device("cpu")

# Set only by tests/device_guard.py: the device type the CPU-side guard pretends the inputs are on.
_PRETEND: str | None = None


def device_kind(device) -> str:
    """The device type ('cpu', 'cuda', 'mps') of ``device`` (a torch.device or a string)."""
    if _PRETEND is not None:
        return _PRETEND
    return torch.device(device).type


def float64_device(device) -> torch.device:
    """Where float64 work for tensors on ``device`` runs: the CPU (`HOST`) for Apple MPS, which has
    no float64, else ``device`` itself. Move results back with ``.to(device, torch.float32)``."""
    return HOST if device_kind(device) == "mps" else device


def to_float64(x: torch.Tensor) -> torch.Tensor:
    """``x`` as float64 on `float64_device` (on CPU and CUDA the same as ``x.double()``)."""
    return x.to(float64_device(x.device), torch.float64)


# Mixed precision for the networks' forward passes on CUDA: None (off, float32: the default) or
# 'fp16' / 'bf16'. Set by FUSEDIFF_MIXED_PRECISION (fp16, bf16; 1 = fp16) or `set_mixed_precision`.
# Off until bench/gpu_check.py has measured on a CUDA GPU that the benchmark metrics stay within
# 0.05 dB of float32; the CPU and Apple MPS always run float32.
_AUTOCAST_DTYPES = {"fp16": torch.float16, "bf16": torch.bfloat16}


def _mixed_from_env() -> str | None:
    value = os.environ.get("FUSEDIFF_MIXED_PRECISION", "").strip().lower()
    if value in ("", "0", "off", "false", "no", "fp32", "float32"):
        return None
    return "fp16" if value in ("1", "on", "true", "yes", "float16") else value


_MIXED_PRECISION: str | None = _mixed_from_env()


def set_mixed_precision(mode: str | None) -> str | None:
    """Mixed precision for network forward passes on CUDA: None/'off', 'fp16' or 'bf16'.
    Returns the previous setting."""
    global _MIXED_PRECISION
    mode = None if mode in (None, "off", "fp32") else mode
    if mode is not None and mode not in _AUTOCAST_DTYPES:
        raise ValueError(f"mixed precision must be off, fp16 or bf16; got {mode!r}")
    previous, _MIXED_PRECISION = _MIXED_PRECISION, mode
    return previous


def network_autocast(device):
    """Context for a network's forward pass: `torch.autocast` in the mixed-precision dtype on a
    CUDA device when mixed precision is on, else nothing (the CPU and Apple MPS stay float32).
    Callers cast the network's output back to their working dtype."""
    if _MIXED_PRECISION is None or _PRETEND is not None or torch.device(device).type != "cuda":
        return contextlib.nullcontext()
    return torch.autocast("cuda", dtype=_AUTOCAST_DTYPES[_MIXED_PRECISION])


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
