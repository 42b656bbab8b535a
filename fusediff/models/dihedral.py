"""The 8 flips/rotations of an image (the symmetries of the square), shared by training
augmentation (`argsdiff`, `dmzs`) and test-time self-ensembles (`ksdiff`).

Index k in 0..7: flip the last axis when k & 4, then rotate by (k & 3) quarter turns over the
last two axes. Pansharpening and its degradations are isotropic, so a network's outputs on
transformed inputs, transformed back, are equally valid estimates of the same image.
"""
from __future__ import annotations

from typing import Callable, Sequence

import torch

#: Self-ensemble order: the first n transforms of it for n = 1, 2, 4, 8 (identity first, then
#: its mirror, then the half turn and its mirror, then the quarter turns).
ENSEMBLE_ORDER = (0, 4, 2, 6, 1, 5, 3, 7)


def transform(x: torch.Tensor, k: int) -> torch.Tensor:
    """The k-th (0..7) flip/rotation of x (..., H, W) -> (..., H, W) or (..., W, H)."""
    if k & 4:
        x = x.flip(-1)
    return torch.rot90(x, k & 3, dims=(-2, -1)) if k & 3 else x


def inverse(x: torch.Tensor, k: int) -> torch.Tensor:
    """Undo `transform`(., k): inverse(transform(x, k), k) == x."""
    if k & 3:
        x = torch.rot90(x, -(k & 3), dims=(-2, -1))
    return x.flip(-1) if k & 4 else x


def self_ensemble(fn: Callable[..., torch.Tensor], inputs: Sequence[torch.Tensor], n: int) -> torch.Tensor:
    """Mean over the first ``n`` (1..8) transforms of ENSEMBLE_ORDER of
    inverse(fn(*[transform(x, k) for x in inputs]), k). fn maps images (..., H, W) to an image of
    the same height and width; n = 1 is fn(*inputs)."""
    n = max(1, min(8, int(n)))
    acc = None
    for k in ENSEMBLE_ORDER[:n]:
        y = inverse(fn(*[transform(x, k) for x in inputs]), k)
        acc = y if acc is None else acc.add_(y)
    return acc if n == 1 else acc.div_(n)
