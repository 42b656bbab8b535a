"""Tiles of the high-resolution grid and seamless blending of their results.

A scene is processed as overlapping tiles whose origins are multiples of
the ratio (so each tile's low-res window starts on a low-res pixel; see
`align.read_aligned_window`). Tile results are blended with raised-cosine
weights that fall off over the overlap: where two tiles overlap by exactly
``overlap`` pixels the two weights sum to 1, and `TileAccumulator`
normalises by the weight sum anyway, so irregular overlaps (the last tile of
a row or column) blend correctly too.

`TileAccumulator` keeps only the rows that tiles still touch (about one tile
row plus one GeoTIFF block row of the output, all bands, float32) and hands
finished rows to the sink: a `GeoTiffWriter` (any object with
``write(array, row_off, col_off, mask=...)``) or an in-memory (C, H, W) array.
"""
from __future__ import annotations

import math
from typing import NamedTuple

import numpy as np

from ..numerics.tile_split import even_split


class Tile(NamedTuple):
    """A window of the high-res grid: offsets and size in pixels."""

    row_off: int
    col_off: int
    height: int
    width: int


def _axis_starts(n: int, tile: int, overlap: int, ratio: int) -> tuple[list, int]:
    """(tile origins along one axis, all multiples of ratio; tile size): `even_split`, with the
    last origin rounded down to a multiple of ratio (that tile then ends at n)."""
    starts, size = even_split(n, tile, overlap, ratio)
    starts[-1] = ((n - size) // ratio) * ratio if len(starts) > 1 else 0
    return sorted(set(starts)), size


def tile_grid(height: int, width: int, tile: int, overlap: int, ratio: int = 1) -> list:
    """Overlapping tiles covering a height x width grid, in row-major order.

    tile: largest tile size (rounded down to a multiple of ratio, at least
    ratio); the fewest tiles that cover an axis are made about equally
    large. overlap: wanted overlap between neighbours (rounded up to a
    multiple of ratio; must be smaller than the tile). Origins are multiples
    of ratio; neighbouring tiles overlap by at least ``overlap``; the last
    tile of a row/column ends at the grid's edge (it may overlap more, and
    is up to ratio-1 pixels larger when the size is not a multiple of the
    ratio). Tiles in one tile row share row_off. Returns a list of Tile.
    """
    ratio = max(1, int(ratio))
    t = max(ratio, (int(tile) // ratio) * ratio)
    o = int(math.ceil(max(0, int(overlap)) / ratio)) * ratio
    if o >= t:
        raise ValueError(f"overlap ({o}) must be smaller than the tile size ({t})")
    rows, th = _axis_starts(height, t, o, ratio)
    cols, tw = _axis_starts(width, t, o, ratio)
    out = []
    for i, r0 in enumerate(rows):
        r1 = height if i == len(rows) - 1 else min(height, r0 + th)
        for j, c0 in enumerate(cols):
            c1 = width if j == len(cols) - 1 else min(width, c0 + tw)
            out.append(Tile(r0, c0, r1 - r0, c1 - c0))
    return out


def _ramp(n: int, overlap: int) -> np.ndarray:
    """1-D weights: raised cosine over ``overlap`` pixels at both ends, 1 inside.

    w(k) = 0.5 - 0.5 cos(pi (k + 0.5) / overlap) for k < overlap, so that a
    falling and a rising ramp over the same ``overlap`` pixels sum to 1, and
    no weight is 0 (a pixel covered by one tile only keeps its value).
    """
    w = np.ones(n, dtype=np.float64)
    o = min(int(overlap), n // 2)
    if o > 0:
        k = np.arange(o)
        up = 0.5 - 0.5 * np.cos(np.pi * (k + 0.5) / overlap)
        w[:o] = up
        w[n - o:] = np.minimum(w[n - o:], up[::-1])
    return w


def blend_weights(height: int, width: int, overlap: int) -> np.ndarray:
    """Blending weights (height, width) float32 in (0, 1] for one tile.

    Separable raised-cosine ramps over ``overlap`` pixels at each edge (see
    `_ramp`); 1 in the interior.
    """
    return np.outer(_ramp(height, overlap), _ramp(width, overlap)).astype(np.float32)


class TileAccumulator:
    """Blend tile results into an output, keeping only the rows still in use.

    sink: a (C, H, W) float array (filled in place; pixels with no valid
    contribution get ``fill``) or a writer with ``write(array, row_off,
    col_off, mask=None)`` (a `GeoTiffWriter`: pixels with no valid
    contribution are passed as mask False, i.e. written as nodata).
    count, height, width: output bands and size. overlap: the tiles' overlap
    (for `blend_weights`). block_rows: rows are handed to the sink in
    multiples of this (the GeoTIFF block height, 256), so that compressed
    tiles are written once. Tiles must be added in order of non-decreasing
    row_off (the order of `tile_grid`); call `finish()` at the end.
    """

    def __init__(self, sink, count: int, height: int, width: int, overlap: int,
                 block_rows: int = 256, fill: float = np.nan):
        self.sink = sink
        self.count, self.height, self.width = int(count), int(height), int(width)
        self.overlap = int(overlap)
        self.block_rows = max(1, int(block_rows))
        self.fill = fill
        self.top = 0  # first row not yet handed to the sink
        self.rows = 0  # rows [top, top + rows) are in use in the buffers
        # Buffers are reused (grown only when a taller tile row arrives), not concatenated per
        # tile: on a 12000-px-wide scene each row of all bands costs ~200 kB.
        self.acc = np.zeros((self.count, 0, self.width), dtype=np.float32)
        self.wsum = np.zeros((0, self.width), dtype=np.float32)

    def _ensure(self, bottom: int) -> None:
        """Make rows [top, bottom) available (new rows start at 0)."""
        need = bottom - self.top
        if need <= self.rows:
            return
        if need > self.wsum.shape[0]:
            cap = need + self.block_rows
            acc = np.zeros((self.count, cap, self.width), dtype=np.float32)
            wsum = np.zeros((cap, self.width), dtype=np.float32)
            acc[:, :self.rows] = self.acc[:, :self.rows]
            wsum[:self.rows] = self.wsum[:self.rows]
            self.acc, self.wsum = acc, wsum
        else:
            self.acc[:, self.rows:need] = 0.0
            self.wsum[self.rows:need] = 0.0
        self.rows = need

    def _flush(self, upto: int) -> None:
        """Hand rows [top, upto) to the sink and drop them from the buffer."""
        n = upto - self.top
        if n <= 0:
            return
        self._ensure(upto)
        w = self.wsum[:n]
        ok = w > 0
        out = self.acc[:, :n] / np.where(ok, w, 1.0)[None]
        if isinstance(self.sink, np.ndarray):
            out[:, ~ok] = self.fill
            self.sink[:, self.top:upto] = out
        else:
            self.sink.write(out, self.top, 0, mask=ok)
        del out
        rest = self.rows - n
        if rest > 0:  # move the rows still in use to the top of the buffers
            self.acc[:, :rest] = self.acc[:, n:self.rows].copy()
            self.wsum[:rest] = self.wsum[n:self.rows]
        self.rows = rest
        self.top = upto

    def add(self, array, row_off: int, col_off: int, valid=None) -> None:
        """Add one tile result: array (C, h, w) at (row_off, col_off); valid: optional bool (h, w)
        (invalid pixels contribute nothing)."""
        a = np.asarray(array, dtype=np.float32)
        c, h, w = a.shape
        if c != self.count or row_off + h > self.height or col_off + w > self.width:
            raise ValueError("tile does not fit the output")
        if row_off < self.top:
            raise ValueError("tiles must be added in order of non-decreasing row_off")
        # Rows above this tile are final once tiles arrive in row order; keep
        # flushes aligned to whole output blocks.
        flush_to = (row_off // self.block_rows) * self.block_rows
        if flush_to > self.top:
            self._flush(flush_to)
        self._ensure(row_off + h)
        wts = blend_weights(h, w, self.overlap)
        invalid = None
        if valid is not None:
            valid = np.asarray(valid, dtype=bool)
            if not valid.all():
                invalid = ~valid
                wts[invalid] = 0.0
        r = row_off - self.top
        dst = self.acc[:, r:r + h, col_off:col_off + w]
        # band by band into one scratch plane: no (C, h, w) temporaries (a large share of the
        # tile loop's time on a 4000 x 4000 scene)
        term = np.empty((h, w), dtype=np.float32)
        for b in range(c):
            np.multiply(a[b], wts, out=term)
            if invalid is not None:
                term[invalid] = 0.0  # NaN * 0 would poison the sum
            dst[b] += term
        self.wsum[r:r + h, col_off:col_off + w] += wts

    def finish(self) -> None:
        """Hand all remaining rows to the sink."""
        self._flush(self.height)


class EdgeExtendingSink:
    """A sink wrapper that also covers ``extra_rows``/``extra_cols`` past the computed grid.

    The aligned grid is a multiple of the ratio; the high raster may have up
    to ratio-1 more rows/columns (AlignmentPlan.extra_rows/extra_cols). Blocks
    written through this wrapper are extended by repeating their last column
    when they end at the grid's right edge, and the last grid row is repeated
    into the extra rows when a block ends at the grid's bottom. ``sink``: a
    writer with ``write(array, row_off, col_off, mask=None)`` sized
    (height + extra_rows, width + extra_cols).
    """

    def __init__(self, sink, height: int, width: int, extra_rows: int = 0, extra_cols: int = 0):
        self.sink = sink
        self.height, self.width = int(height), int(width)
        self.extra_rows, self.extra_cols = int(extra_rows), int(extra_cols)

    def write(self, array, row_off: int = 0, col_off: int = 0, mask=None) -> None:
        """Write a (C, h, w) block at (row_off, col_off) of the grid, extended at its edges."""
        a = np.asarray(array)
        m = None if mask is None else np.asarray(mask, dtype=bool)
        h, w = a.shape[1:]
        if self.extra_cols and col_off + w == self.width:
            a = np.concatenate([a, np.repeat(a[:, :, -1:], self.extra_cols, axis=2)], axis=2)
            if m is not None:
                m = np.concatenate([m, np.repeat(m[:, -1:], self.extra_cols, axis=1)], axis=1)
        if self.extra_rows and row_off + h == self.height:
            a = np.concatenate([a, np.repeat(a[:, -1:], self.extra_rows, axis=1)], axis=1)
            if m is not None:
                m = np.concatenate([m, np.repeat(m[-1:], self.extra_rows, axis=0)], axis=0)
        self.sink.write(a, row_off, col_off, mask=m)
