"""Tiling settings, the tile ETA and the GPU out-of-memory retry of a scene run (no torch import)."""
from __future__ import annotations

import dataclasses
import time
from typing import Callable, Optional

from .i18n import tr

#: Tile size (high-res pixels) of classical methods: a scene up to this size is one tile.
#: 1024 keeps a 12000 x 12000 PAN + 4-band MS under 3 GB peak RSS with GSA (2048: 3.3 GB).
CLASSICAL_TILE = 1024
#: Tile size of diffusion methods (network activations cost far more memory per pixel). With
#: DIFFUSION_PAD a padded tile is 512 px: one window of ResPanDiff's own 512-px tiling (a
#: 640-px padded tile cost 4 of them: 3.3 CPU-s per sampling step against 0.6 s, 1 thread).
DIFFUSION_TILE = 448
#: Context around a diffusion tile (ResPanDiff blends its own windows over 32 px).
DIFFUSION_PAD = 32
#: Overlap between neighbouring tiles' cores, blended with raised-cosine weights.
TILE_OVERLAP = 32
#: Context read around every tile and cropped after fusion, so that a method's filters
#: (MTF blur, upsampling kernels) see real neighbours at the tile's edge.
TILE_PAD = 64


@dataclasses.dataclass(frozen=True)
class Tiling:
    """How a scene is cut: ``tile`` (core size), ``overlap`` (blended) and ``pad`` (context read
    and cropped), all in high-res pixels. Each method's registry entry holds its own."""

    tile: int = CLASSICAL_TILE
    overlap: int = TILE_OVERLAP
    pad: int = TILE_PAD


#: Tiling of the classical methods and of the diffusion networks (see the constants above).
CLASSICAL = Tiling(CLASSICAL_TILE, TILE_OVERLAP, TILE_PAD)
DIFFUSION = Tiling(DIFFUSION_TILE, TILE_OVERLAP, DIFFUSION_PAD)


class EtaClock:
    """Tile counter with an estimate of the time left ('tile 12/140, ~3 min left')."""

    def __init__(self, total: int, clock=time.perf_counter):
        self.total = int(total)
        self.clock = clock
        self.t0 = clock()
        self.finished = 0

    def done(self, n: int) -> None:
        """Record that ``n`` tiles are finished."""
        self.finished = int(n)

    def seconds_left(self) -> Optional[float]:
        """Estimated seconds left (None before the first tile is done)."""
        if self.finished <= 0:
            return None
        elapsed = self.clock() - self.t0
        return elapsed / self.finished * (self.total - self.finished)

    def label(self, index: int) -> str:
        """Progress text before tile ``index`` (0-based); '' for a one-tile scene."""
        if self.total <= 1:
            return ""
        text = tr("tile {0}/{1}").format(index + 1, self.total)
        left = self.seconds_left()
        if left is None:
            return text
        if left >= 90:
            return tr("{0}, ~{1} min left").format(text, int(round(left / 60.0)))
        return tr("{0}, ~{1} s left").format(text, max(1, int(round(left))))


def is_cuda_oom(exc: BaseException) -> bool:
    """True for a CUDA (or MPS) out-of-memory error from PyTorch (checked without importing torch)."""
    if type(exc).__name__ == "OutOfMemoryError":
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and "out of memory" in text and (
        "cuda" in text or "mps" in text)


def run_with_oom_retry(run: Callable[[int], object], tile_size: int, log=None):
    """``run(tile_size)``; on a GPU out-of-memory error, free the cache and ``run(tile_size // 2)`` once.

    A second out-of-memory error becomes a ValueError with a sentence for
    the user. Other exceptions propagate unchanged. ``log``: optional
    callable taking a warning sentence.
    """
    try:
        return run(tile_size)
    except Exception as exc:  # noqa: BLE001 (filtered just below)
        if not is_cuda_oom(exc):
            raise
        first = exc
    empty_gpu_cache()
    smaller = max(1, tile_size // 2)
    if log is not None:
        log(tr("The GPU ran out of memory with tiles of {0} px; retrying with tiles of {1} px.")
            .format(tile_size, smaller))
    try:
        return run(smaller)
    except Exception as exc:  # noqa: BLE001
        if not is_cuda_oom(exc):
            raise
        empty_gpu_cache()
        raise ValueError(tr(
            "The GPU ran out of memory even with tiles of {0} px ({1}). Choose DEVICE 'cpu', close "
            "other programs using the GPU, or use a GPU with more memory.").format(smaller, first)) from exc


def empty_gpu_cache() -> None:
    """Release PyTorch's cached GPU memory (nothing when torch or CUDA is absent)."""
    import sys
    torch = sys.modules.get("torch")  # never import torch just for this
    try:
        if torch is not None and torch.cuda.is_available():
            torch.cuda.empty_cache()
    except Exception:  # noqa: BLE001
        pass
