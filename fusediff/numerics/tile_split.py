"""Split one axis into the fewest equally long, overlapping tiles (pure Python).

Shared by the scene tiling (`rasters.tiles.tile_grid`) and the networks'
window tiling (`models.tiled.tiled_apply`). Equal lengths matter: a fixed
tile size with the last tile pushed back to the edge re-computed up to 2.3x
the pixels (a 4000-px axis in 1952-px tiles).
"""
from __future__ import annotations


def _ceil_div(a: int, b: int) -> int:
    return -(-a // b)


def even_split(n: int, tile: int, overlap: int, align: int = 1) -> tuple[list[int], int]:
    """(starts, size): the fewest tiles of ``size`` <= ``tile`` pixels that cover 0..n with at
    least ``overlap`` overlap, all of the same size, which is a multiple of ``align`` (when
    ``tile`` is). Starts are multiples of ``align`` when ``overlap`` is, except the last, which is
    n - size (the last tile ends at n). n <= tile gives ([0], n)."""
    if n <= tile:
        return [0], n
    count = _ceil_div(n - overlap, max(1, tile - overlap))
    size = min(tile, _ceil_div(_ceil_div(n - overlap, count) + overlap, align) * align)
    step = size - overlap
    return sorted({min(i * step, n - size) for i in range(count)} | {n - size}), size
