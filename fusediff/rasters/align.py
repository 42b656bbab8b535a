"""Align a low-resolution raster with a high-resolution one by georeference.

Output grid. The high-resolution raster is never resampled: the output grid
is the block of its own pixels inside the overlap with the low-resolution
raster, with a size that is a multiple of the ratio r (H = r*h, W = r*w
exactly). The low-resolution raster is resampled (GDAL's warper through ``backend.reproject``,
from its own file, in its own CRS) onto the grid made of those high-res
pixels aggregated by r and shifted by -(r-1)/2 high-res pixels, so that
low-res pixel i is centred on high-res pixel r*i (BENCHMARK.md grid
convention; decimation from index 0). A pair simulated with that convention
and written with that offset comes back exactly (a direct copy, no
interpolation), and so does any pair whose low-res grid already coincides
with the aligned grid. A low-res grid that differs from the aligned one by a
sub-pixel translation only (same CRS and pixel size; e.g. MS pixels centred
on r x r PAN blocks) is resampled by a separable filter with GDAL's cubic
(or bilinear) kernel instead of GDAL's warper: the same values away from
edges and nodata, several times faster.

Which pixels are "in the overlap": output high-res pixel columns j0 ..
j0+W-1 of the high raster such that every aligned low-res pixel centre
(high-res pixel j0 + r*i) lies inside the low raster's extent (in the high
raster's CRS; for another CRS the low extent is reprojected and the
rectangle inscribed in it is used). Because of the convention, the last
(r-1)/2 high-res rows/columns may lie outside the low raster's extent (its
values there are extrapolated by the resampler, as in the simulation).

Ratio. Measured from the pixel sizes (low pixel steps mapped into high
pixels; the mean of x and y). Within 2% of an integer it is rounded and
treated as exact; otherwise the nearest integer (halves up) is used and
the low raster is simply resampled to that ratio (``plan.ratio_exact`` is
then False and ``plan.ratio_measured`` tells by how much). A ``ratio``
argument (an integer >= 2) overrides the measurement.

Validity. valid (H, W) is False where the high raster is nodata/NaN/inf in
any selected band, or where the upsampled low-res validity is False. The
aligned low-res pixel is invalid when it is outside the low raster, when the
resampler returned no value, or when a bilinear footprint of it touches an
invalid source pixel. A high-res pixel takes the validity of the low-res
pixel(s) whose r x r footprint (centred on high pixel r*i) it overlaps
(one for odd r; one or two for even r). Invalid pixels are filled (see
``fill``) so that arrays are always finite.

Large scenes: `plan_alignment` computes the grids without reading pixels;
`read_aligned_window` reads one window (origins at multiples of r) of both
rasters. `align_pair` is plan + one full window.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
from ..numerics.cubic import keys_cubic
from .backend import Window, reproject, transform_points
from .transform import Affine
from .errors import RasterError
from .io import RasterInfo, read, read_info

# Relative tolerance under which a measured ratio counts as an integer.
RATIO_TOLERANCE = 0.02
# Fewest low-resolution pixels, per axis, an overlap must have.
MIN_OVERLAP_LOW = 8

#: resampler name -> (backend resampling name, kernel radius in source pixels)
_RESAMPLING = {
    "nearest": ("nearest", 1),
    "bilinear": ("bilinear", 2),
    "cubic": ("cubic", 3),
    "cubic_spline": ("cubic_spline", 3),
    "lanczos": ("lanczos", 4),
    "average": ("average", 2),
}
# Sub-pixel tolerance (in pixels) for grid comparisons: geotransforms are
# stored as decimal/double numbers and rarely exact.
_PIX_TOL = 1e-3


@dataclass
class AlignmentPlan:
    """Grids of an aligned pair, computed from metadata only (no pixels read).

    ratio: integer r >= 2 used. ratio_measured: (rx, ry) low pixel size in
    high-res pixels along x and y. ratio_exact: False when the measured ratio
    was not within 2% of r (the low raster is then resampled to ratio r).
    crs, transform: the output high-res grid (the high raster's CRS; its
    pixels). height, width: H, W (multiples of r). low_transform,
    low_height, low_width: the aligned low-res grid (h = H/r, w = W/r),
    origin shifted by -(r-1)/2 high-res pixels. high_window: the output grid
    as a Window of the high raster file. high_bands/low_bands: 1-based band
    numbers read. resampling: name of the resampler. copy_offset: (row, col)
    of the low raster pixel that is aligned low pixel (0, 0) when the two
    grids coincide (values are then copied, not interpolated), else None.
    shift_offset: (row, col), fractional, of aligned low pixel (0, 0) in the
    low raster's pixel indices when the grids differ by a translation only and
    the resampler is 'cubic' or 'bilinear' (resampled by `_read_low_shift`,
    a separable filter, instead of GDAL's warper), else None.
    """

    high_path: str
    low_path: str
    ratio: int
    ratio_measured: tuple
    ratio_exact: bool
    crs: object
    transform: Affine
    height: int
    width: int
    low_transform: Affine
    low_height: int
    low_width: int
    high_window: Window
    high_bands: list
    low_bands: list
    resampling: str
    high_info: RasterInfo
    low_info: RasterInfo
    copy_offset: tuple | None = None
    shift_offset: tuple | None = None
    extra_rows: int = 0
    extra_cols: int = 0

    @property
    def out_height(self) -> int:
        """Rows of the high raster the output covers: height + extra_rows."""
        return self.height + self.extra_rows

    @property
    def out_width(self) -> int:
        """Columns of the high raster the output covers: width + extra_cols."""
        return self.width + self.extra_cols


@dataclass
class AlignedPair:
    """A high-res window and the low-res raster aligned to it.

    high: float32 (Ch, H, W) high raster values (its own pixels, no
    resampling). low: float32 (C, h, w) with H == ratio*h and W == ratio*w,
    low pixel i centred on high pixel ratio*i. valid: bool (H, W), union of
    both inputs' nodata/NaN/inf (low's validity upsampled). low_valid: bool
    (h, w) validity of the aligned low pixels. Invalid pixels of high/low are
    filled (per-band mean of the valid pixels of the window by default), so
    both arrays are finite. ratio: int. crs, transform: grid of ``high``;
    low_transform: grid of ``low``. high_info/low_info: the files' metadata.
    window: the high raster file's Window that ``high`` was read from.
    grid_window: (row_off, col_off, height, width) of ``high`` in the plan's
    output grid. core: (row slice, col slice) of the requested window inside
    the returned (padded) arrays, in high-res pixels (for ``low`` divide by
    ratio). plan: the AlignmentPlan used.
    """

    high: np.ndarray
    low: np.ndarray
    valid: np.ndarray
    ratio: int
    crs: object
    transform: Affine
    low_transform: Affine
    high_info: RasterInfo
    low_info: RasterInfo
    window: Window
    low_valid: np.ndarray = None
    grid_window: tuple = (0, 0, 0, 0)
    core: tuple = (slice(None), slice(None))
    plan: AlignmentPlan = field(default=None, repr=False)


def _round_half_up(x: float) -> int:
    return int(math.floor(x + 0.5))


def _map_points(xs, ys, src_crs, dst_crs):
    """Map coordinates between CRSs (identity when they are equal or either is unknown)."""
    xs = np.asarray(xs, dtype=np.float64)
    ys = np.asarray(ys, dtype=np.float64)
    if src_crs is None or dst_crs is None or src_crs == dst_crs:
        return xs, ys
    try:
        tx, ty = transform_points(src_crs, dst_crs, xs.tolist(), ys.tolist())
    except Exception as exc:  # PROJ errors have several types
        raise RasterError(f"Cannot transform coordinates from {src_crs} to {dst_crs} ({exc}). "
                          f"Check both rasters' coordinate reference systems.") from exc
    tx, ty = np.asarray(tx), np.asarray(ty)
    if not (np.isfinite(tx).all() and np.isfinite(ty).all()):
        raise RasterError(f"The rasters' extents cannot be transformed between {src_crs} and "
                          f"{dst_crs}; reproject the low-resolution raster first (gdalwarp).")
    return tx, ty


def _low_in_high_pixels(low: RasterInfo, high: RasterInfo, cols, rows):
    """Low raster pixel coordinates (cols, rows) -> high raster pixel coordinates (x, y)."""
    mx, my = low.transform * (np.asarray(cols, float), np.asarray(rows, float))
    hx, hy = _map_points(mx, my, low.crs, high.crs)
    return ~high.transform * (hx, hy)


def _measure_ratio(low: RasterInfo, high: RasterInfo):
    """Low pixel steps (x and y) in high-res pixels, measured at the low raster's centre."""
    cx, cy = low.width / 2.0, low.height / 2.0
    x, y = _low_in_high_pixels(low, high, [cx, cx + 1, cx], [cy, cy, cy + 1])
    rx = math.hypot(x[1] - x[0], y[1] - y[0])
    ry = math.hypot(x[2] - x[0], y[2] - y[0])
    return rx, ry


def _low_extent_in_high(low: RasterInfo, high: RasterInfo, n: int = 21):
    """Rectangle (x0, x1, y0, y1) in high pixel coordinates inscribed in the low raster's extent."""
    t = np.linspace(0.0, 1.0, n)
    w, h = float(low.width), float(low.height)
    edges = {
        "left": (np.zeros(n), t * h), "right": (np.full(n, w), t * h),
        "top": (t * w, np.zeros(n)), "bottom": (t * w, np.full(n, h)),
    }
    mapped = {k: _low_in_high_pixels(low, high, c, r) for k, (c, r) in edges.items()}
    lx, rx = mapped["left"][0], mapped["right"][0]
    if lx.mean() <= rx.mean():
        x0, x1 = lx.max(), rx.min()
    else:
        x0, x1 = rx.max(), lx.min()
    ty, by = mapped["top"][1], mapped["bottom"][1]
    if ty.mean() <= by.mean():
        y0, y1 = ty.max(), by.min()
    else:
        y0, y1 = by.max(), ty.min()
    return x0, x1, y0, y1


def _axis_extent(lo: float, hi: float, n_high: int, r: int):
    """First high pixel j0 and number of low pixels n along one axis (see module doc)."""
    j0 = max(0, math.ceil(lo - 0.5 - 1e-6))
    n_by_low = math.floor((hi + 1e-6 - 0.5 - j0) / r) + 1
    n_by_high = (n_high - j0) // r
    return j0, max(0, min(n_by_low, n_by_high))


def _axis_extra(hi: float, n_high: int, j0: int, n_grid: int, r: int) -> int:
    """High pixels past the aligned grid (j0 + n_grid) that the output must still cover.

    They are the pixels of the high raster whose centres lie inside the low
    raster's extent (``hi``, high pixel coordinates) but after the last
    multiple of the ratio; at most r - 1. Writers fill them from the nearest
    computed row/column (see fusediff.engine.scene).
    """
    last = min(n_high - 1, math.floor(hi - 0.5 + 1e-6))
    return int(min(max(0, last - (j0 + n_grid) + 1), r - 1))


def _grid_offset(plan_low_t: Affine, low: RasterInfo, crs) -> tuple | None:
    """(row, col), fractional, of aligned low pixel (0, 0) in the low raster's pixel indices when
    the two grids differ by a translation only (same CRS and pixel size, no rotation), else None."""
    if low.crs is not None and crs is not None and low.crs != crs:
        return None
    lt = low.transform
    scale = max(abs(plan_low_t.a), abs(plan_low_t.e))
    if not (math.isclose(lt.a, plan_low_t.a, rel_tol=1e-6) and math.isclose(lt.e, plan_low_t.e, rel_tol=1e-6)
            and abs(lt.b) <= 1e-9 * scale and abs(lt.d) <= 1e-9 * scale
            and plan_low_t.b == 0 and plan_low_t.d == 0):
        return None
    col, row = ~lt * (plan_low_t.c, plan_low_t.f)
    return float(row), float(col)


def _copy_offset(offset: tuple | None) -> tuple | None:
    """The integer (row, col) of a `_grid_offset` within _PIX_TOL of whole pixels, else None."""
    if offset is None:
        return None
    row, col = offset
    rr, rc = round(row), round(col)
    if abs(col - rc) > _PIX_TOL or abs(row - rr) > _PIX_TOL:
        return None
    return int(rr), int(rc)


def plan_alignment(high_path, low_path, ratio=None, high_bands=None, low_bands=None,
                   resampling: str = "cubic", min_low_bands: int = 1,
                   require_single_high: bool = False,
                   min_overlap: int = MIN_OVERLAP_LOW) -> AlignmentPlan:
    """Compute the aligned grids of a high-res and a low-res raster (no pixels read).

    high_path: the high-resolution raster (PAN or MSI); its grid and CRS
    define the output. low_path: the low-resolution spectral raster (MS or
    HSI). ratio: integer >= 2 overriding the ratio measured from the pixel
    sizes (None: measure). high_bands/low_bands: 1-based band numbers (None:
    all). resampling: 'cubic' (default), 'bilinear', 'lanczos',
    'cubic_spline', 'nearest' or 'average'. min_low_bands: fewest bands the
    low raster (selection) must have. require_single_high: when True and
    high_bands is None, a multi-band high raster is refused (the caller must
    pick a band). min_overlap: fewest aligned low-res pixels per axis.
    Raises RasterError with a plain sentence for unusable inputs.
    """
    if resampling not in _RESAMPLING:
        raise ValueError(f"resampling must be one of {', '.join(_RESAMPLING)}")
    high = read_info(high_path)
    low = read_info(low_path)
    if high.transform.b != 0 or high.transform.d != 0:
        raise RasterError(f"The high-resolution raster '{high.path}' has a rotated grid, which is "
                          f"not supported. Warp it to a north-up grid first (e.g. gdalwarp).")
    if (high.crs is None) != (low.crs is None):
        raise RasterError("Only one of the two rasters has a coordinate reference system; assign "
                          "the right CRS to the other one so they can be aligned.")
    if require_single_high and high_bands is None and high.count != 1:
        raise RasterError(f"The high-resolution raster '{high.path}' has {high.count} bands but one "
                          f"band (a panchromatic image) is expected. Choose which band to use.")
    hb = _check_bands_info(high, high_bands)
    lb = _check_bands_info(low, low_bands)
    if len(lb) < min_low_bands:
        raise RasterError(f"The low-resolution raster '{low.path}' has {len(lb)} band(s) but at "
                          f"least {min_low_bands} are needed for this method. Choose the "
                          f"multispectral/hyperspectral raster as the low-resolution input.")

    rx, ry = _measure_ratio(low, high)
    measured = 0.5 * (rx + ry)
    if ratio is not None:
        if float(ratio) != int(ratio):
            raise RasterError(f"The ratio must be a whole number (2, 3, 4, ...); got {ratio}. Leave "
                              f"it empty to measure it from the pixel sizes.")
        r = int(ratio)
        if r <= 1:
            raise RasterError(f"The ratio must be 2 or more; got {r}. Leave it empty to measure it "
                              f"from the pixel sizes.")
        exact = abs(measured - r) <= RATIO_TOLERANCE * r
    else:
        r = _round_half_up(measured)
        if r <= 1:
            raise RasterError(
                f"The low-resolution raster's pixels are not larger than the high-resolution "
                f"raster's (size ratio {measured:.3g}). Check that the inputs are not swapped, or "
                f"give a ratio of 2 or more.")
        exact = (abs(rx - r) <= RATIO_TOLERANCE * r and abs(ry - r) <= RATIO_TOLERANCE * r)

    x0, x1, y0, y1 = _low_extent_in_high(low, high)
    if x1 <= 0 or y1 <= 0 or x0 >= high.width or y0 >= high.height or x1 <= x0 or y1 <= y0:
        raise RasterError(
            f"The rasters '{high.path}' and '{low.path}' do not overlap. Check that they cover the "
            f"same area and that their coordinate reference systems are set correctly.")
    c0, w = _axis_extent(x0, x1, high.width, r)
    r0, h = _axis_extent(y0, y1, high.height, r)
    if w < min_overlap or h < min_overlap:
        raise RasterError(
            f"The rasters overlap in only {max(h, 0)} x {max(w, 0)} low-resolution pixels (ratio "
            f"{r}); at least {min_overlap} x {min_overlap} are needed. Check that they cover the "
            f"same area.")
    H, W = r * h, r * w
    extra_rows = _axis_extra(y1, high.height, r0, H, r)
    extra_cols = _axis_extra(x1, high.width, c0, W, r)
    out_t = high.transform * Affine.translation(c0, r0)
    shift = -(r - 1) / 2.0
    low_t = out_t * Affine.translation(shift, shift) * Affine.scale(r)
    plan = AlignmentPlan(
        high_path=high.path, low_path=low.path, ratio=r, ratio_measured=(rx, ry),
        ratio_exact=bool(exact), crs=high.crs, transform=out_t, height=H, width=W,
        low_transform=low_t, low_height=h, low_width=w, high_window=Window(c0, r0, W, H),
        high_bands=hb, low_bands=lb, resampling=resampling, high_info=high, low_info=low,
        extra_rows=extra_rows, extra_cols=extra_cols)
    offset = _grid_offset(low_t, low, high.crs)
    plan.copy_offset = _copy_offset(offset)
    if plan.copy_offset is None and offset is not None and resampling in _SHIFT_TAPS:
        plan.shift_offset = offset
    return plan


def _check_bands_info(info: RasterInfo, bands) -> list:
    if bands is None:
        return list(range(1, info.count + 1))
    bands = [int(b) for b in bands]
    if not bands or any(b < 1 or b > info.count for b in bands):
        raise RasterError(f"The raster '{info.path}' has {info.count} band(s); band number(s) "
                          f"{bands} do not all exist. Choose bands between 1 and {info.count}.")
    return bands


def _read_low_copy(plan: AlignmentPlan, lr0: int, lc0: int, lh: int, lw: int):
    """Aligned low window by direct copy (grids coincide); outside the raster -> invalid."""
    info = plan.low_info
    orow, ocol = plan.copy_offset
    c = len(plan.low_bands)
    out = np.full((c, lh, lw), np.nan, dtype=np.float32)
    valid = np.zeros((lh, lw), dtype=bool)
    sr0, sc0 = orow + lr0, ocol + lc0
    a0, b0 = max(sr0, 0), max(sc0, 0)
    a1, b1 = min(sr0 + lh, info.height), min(sc0 + lw, info.width)
    if a1 > a0 and b1 > b0:
        arr, v, _ = read(plan.low_path, plan.low_bands, (a0, b0, a1 - a0, b1 - b0))
        out[:, a0 - sr0:a1 - sr0, b0 - sc0:b1 - sc0] = arr
        valid[a0 - sr0:a1 - sr0, b0 - sc0:b1 - sc0] = v
    return out, valid


def _read_low_warp(plan: AlignmentPlan, dst_t: Affine, lh: int, lw: int):
    """Aligned low window by resampling the needed part of the low raster."""
    info = plan.low_info
    method, radius = _RESAMPLING[plan.resampling]
    c = len(plan.low_bands)
    out = np.full((c, lh, lw), np.nan, dtype=np.float32)
    # Source window: the destination footprint mapped into low pixels, plus
    # the kernel support (scaled when the resampler reduces resolution).
    n = 9
    t = np.linspace(0.0, 1.0, n)
    cols = np.concatenate([t * lw, t * lw, np.zeros(n), np.full(n, lw)])
    rows = np.concatenate([np.zeros(n), np.full(n, lh), t * lh, t * lh])
    mx, my = dst_t * (cols, rows)
    sx, sy = _map_points(mx, my, plan.crs, info.crs)
    scol, srow = ~info.transform * (sx, sy)
    scale = max(1.0, plan.ratio / max(min(plan.ratio_measured), 1e-9))
    margin = int(math.ceil(radius * scale)) + 2
    c0 = max(0, int(math.floor(scol.min())) - margin)
    c1 = min(info.width, int(math.ceil(scol.max())) + margin)
    r0 = max(0, int(math.floor(srow.min())) - margin)
    r1 = min(info.height, int(math.ceil(srow.max())) + margin)
    if c1 <= c0 or r1 <= r0:
        return out, np.zeros((lh, lw), dtype=bool)
    src, src_valid, _ = read(plan.low_path, plan.low_bands, (r0, c0, r1 - r0, c1 - c0))
    src = np.where(src_valid[None], src, np.float32(np.nan))
    src_t = info.transform * Affine.translation(c0, r0)
    common = dict(src_transform=src_t, src_crs=info.crs or plan.crs, dst_transform=dst_t,
                  dst_crs=plan.crs or info.crs)
    reproject(src, out, src_nodata=np.nan, dst_nodata=np.nan, resampling=method,
              init_dest_nodata=True, **common)
    # Conservative validity: a bilinear footprint touching an invalid source
    # pixel (or lying outside the raster) makes the aligned pixel invalid.
    vsrc = src_valid.astype(np.float32)
    vdst = np.zeros((lh, lw), dtype=np.float32)
    reproject(vsrc, vdst, resampling="bilinear", init_dest_nodata=False, **common)
    valid = np.isfinite(out).all(axis=0) & (vdst >= 1.0 - 1e-4)
    return out, valid


def _lanczos3(f: float) -> np.ndarray:
    """GDAL's Lanczos weights (sinc windowed by sinc(x / 3)) of taps -2..3 at fraction f in [0, 1),
    normalised to sum 1 as GDAL's warper does."""
    x = np.arange(-2.0, 4.0) - f
    w = np.sinc(x) * np.sinc(x / 3.0)
    return w / w.sum()


#: Source taps (offsets from floor(position)) and their weights as a function of the fraction.
_SHIFT_TAPS = {
    "cubic": (np.arange(-1, 3), lambda f: keys_cubic(np.arange(-1.0, 3.0) - f)),
    "bilinear": (np.arange(0, 2), lambda f: np.array([1.0 - f, f])),
    "lanczos": (np.arange(-2, 4), _lanczos3),
}


def _shift_axis(a: np.ndarray, axis: int, weights: np.ndarray, n: int) -> np.ndarray:
    """sum_k weights[k] * a[k : k + n] along ``axis`` (a's dtype)."""
    out = None
    for k, wk in enumerate(weights):
        if wk == 0.0:
            continue
        sl = [slice(None)] * a.ndim
        sl[axis] = slice(k, k + n)
        term = a[tuple(sl)] * a.dtype.type(wk)
        if out is None:
            out = term
        else:
            out += term
    return out


def _read_low_shift(plan: AlignmentPlan, lr0: int, lc0: int, lh: int, lw: int):
    """Aligned low window when the grids differ by a sub-pixel translation: a separable
    Lanczos-3, cubic (Keys, a = -0.5) or bilinear filter on the source pixels, GDAL's kernels.

    Taps outside the raster or on invalid pixels are left out and the weights
    renormalised; validity as `_read_low_warp` (no invalid source pixel
    inside the raster under the bilinear footprint). Several times faster
    than GDAL's warper, which was a large share of a big scene's time.
    """
    info = plan.low_info
    taps, weight_fn = _SHIFT_TAPS[plan.resampling]
    c = len(plan.low_bands)
    out = np.full((c, lh, lw), np.nan, dtype=np.float32)
    row, col = plan.shift_offset[0] + lr0, plan.shift_offset[1] + lc0
    iy, ix = math.floor(row), math.floor(col)
    fy, fx = row - iy, col - ix
    # source block covering every tap of every output pixel, padded with invalid pixels outside
    y0, x0 = iy + int(taps[0]), ix + int(taps[0])
    bh, bw = lh + len(taps) - 1, lw + len(taps) - 1
    a0, b0 = max(y0, 0), max(x0, 0)
    a1, b1 = min(y0 + bh, info.height), min(x0 + bw, info.width)
    if a1 <= a0 or b1 <= b0:
        return out, np.zeros((lh, lw), dtype=bool)
    arr, v, _ = read(plan.low_path, plan.low_bands, (a0, b0, a1 - a0, b1 - b0))
    v = v & np.isfinite(arr).all(axis=0)
    inside = (slice(None), slice(a0 - y0, a1 - y0), slice(b0 - x0, b1 - x0))
    src = np.zeros((c, bh, bw), dtype=np.float32)
    src[inside] = np.where(v[None], arr, np.float32(0))
    wy, wx = weight_fn(fy), weight_fn(fx)
    num = _shift_axis(_shift_axis(src, 1, wy, lh), 2, wx, lw)
    # validity as GDAL's bilinear footprint test: no invalid pixel inside the raster among taps
    # 0 and 1 (tap 0 alone on an exact position), and at least one valid one
    k0 = int(np.nonzero(taps == 0)[0][0])
    by = np.array([1.0, 1.0 if fy > _PIX_TOL else 0.0])
    bx = np.array([1.0, 1.0 if fx > _PIX_TOL else 0.0])

    def footprint(m: np.ndarray) -> np.ndarray:
        m = m[None, k0:k0 + lh + 1, k0:k0 + lw + 1].astype(np.float32)
        return _shift_axis(_shift_axis(m, 1, by, lh), 2, bx, lw)[0]

    if v.all() and (a0, b0, a1, b1) == (y0, x0, y0 + bh, x0 + bw):
        # every tap valid and inside (the usual window): the weights sum to 1
        out[:] = num
        return out, np.ones((lh, lw), dtype=bool)
    ok = np.zeros((bh, bw), dtype=bool)
    ok[inside[1:]] = v
    bad = np.zeros((bh, bw), dtype=bool)
    bad[inside[1:]] = ~v
    okf = ok[None].astype(np.float32)
    den = _shift_axis(_shift_axis(okf, 1, wy, lh), 2, wx, lw)[0]
    ones = np.ones(len(taps))
    complete = _shift_axis(_shift_axis(okf, 1, ones, lh), 2, ones, lw)[0] > len(taps) ** 2 - 0.5
    good = (footprint(bad) < 0.5) & (footprint(ok) > 0.5) & (np.abs(den) > 1e-6)
    # pixels with every tap valid keep the plain sum, so a window gives the full read's values
    part = good & ~complete
    out[:, complete] = num[:, complete]
    out[:, part] = num[:, part] / den[part]
    return out, good


def _upsample_valid(low_valid: np.ndarray, r: int) -> np.ndarray:
    """High-res validity from low-res validity under the grid convention.

    High pixel y overlaps the footprints [r*i - r/2, r*i + r/2] of low pixels
    i with (y - 0.5 - r/2)/r < i < (y + 0.5 + r/2)/r (clipped to the window);
    it is valid when all of them are.
    """
    h, w = low_valid.shape

    def index_range(n_low):
        y = np.arange(r * n_low, dtype=np.float64)
        lo = np.floor((y - 0.5 - r / 2.0) / r + 1e-9).astype(int) + 1
        hi = np.ceil((y + 0.5 + r / 2.0) / r - 1e-9).astype(int) - 1
        return np.clip(lo, 0, n_low - 1), np.clip(hi, 0, n_low - 1)

    ylo, yhi = index_range(h)
    xlo, xhi = index_range(w)
    v = low_valid
    return (v[ylo][:, xlo] & v[ylo][:, xhi] & v[yhi][:, xlo] & v[yhi][:, xhi])


def _fill(array: np.ndarray, valid: np.ndarray, fill) -> np.ndarray:
    """Replace invalid pixels: 'mean' (per-band mean of valid pixels, 0 if none), a number,
    a per-band sequence, or None (leave, but still replace NaN/inf by 0)."""
    out = array
    inv = ~valid
    if fill is None:
        out[~np.isfinite(out)] = 0.0
        return out
    if not inv.any():
        return out
    for b in range(out.shape[0]):
        band = out[b]
        if isinstance(fill, str):
            good = band[valid]
            value = float(good.mean(dtype=np.float64)) if good.size else 0.0
        elif np.ndim(fill) == 0:
            value = float(fill)
        else:
            value = float(fill[b])
        band[inv] = value
    return out


def read_aligned_window(plan: AlignmentPlan, row_off: int = 0, col_off: int = 0,
                        height: int | None = None, width: int | None = None, pad: int = 0,
                        fill="mean") -> AlignedPair:
    """Read one window of the aligned pair.

    row_off, col_off, height, width: the window in the plan's output grid
    (high-res pixels); all multiples of plan.ratio (height/width None: to
    the end of the grid). pad: context added on every side (rounded up to a
    multiple of the ratio, clipped to the grid); ``core`` of the result
    locates the requested window inside the padded arrays. fill: how invalid
    pixels are filled (see module doc; 'mean' = per-band mean of the valid
    pixels of this window). Returns an AlignedPair whose ``low`` is the
    aligned low grid of the padded window (origin at a multiple of r, so a
    window reads exactly the values the whole-scene alignment gives).
    """
    r = plan.ratio
    height = plan.height - row_off if height is None else height
    width = plan.width - col_off if width is None else width
    for name, v in (("row_off", row_off), ("col_off", col_off), ("height", height), ("width", width)):
        if v % r:
            raise ValueError(f"{name}={v} is not a multiple of the ratio {r}")
    if row_off < 0 or col_off < 0 or height <= 0 or width <= 0 or \
            row_off + height > plan.height or col_off + width > plan.width:
        raise ValueError("window lies outside the aligned grid")
    pad = int(math.ceil(max(0, pad) / r)) * r
    g0 = max(0, row_off - pad)
    g1 = min(plan.height, row_off + height + pad)
    k0 = max(0, col_off - pad)
    k1 = min(plan.width, col_off + width + pad)
    gh, gw = g1 - g0, k1 - k0
    hw = plan.high_window
    file_win = Window(hw.col_off + k0, hw.row_off + g0, gw, gh)
    high, high_valid, _ = read(plan.high_path, plan.high_bands,
                               (file_win.row_off, file_win.col_off, gh, gw))
    lh, lw = gh // r, gw // r
    if plan.copy_offset is not None:
        low, low_valid = _read_low_copy(plan, g0 // r, k0 // r, lh, lw)
    elif plan.shift_offset is not None:
        low, low_valid = _read_low_shift(plan, g0 // r, k0 // r, lh, lw)
    else:
        dst_t = plan.low_transform * Affine.translation(k0 // r, g0 // r)
        low, low_valid = _read_low_warp(plan, dst_t, lh, lw)
    valid = high_valid & _upsample_valid(low_valid, r)
    high = _fill(high, valid, fill)
    low = _fill(low, low_valid, fill)
    return AlignedPair(
        high=high, low=low, valid=valid, ratio=r, crs=plan.crs,
        transform=plan.transform * Affine.translation(k0, g0),
        low_transform=plan.low_transform * Affine.translation(k0 // r, g0 // r),
        high_info=plan.high_info, low_info=plan.low_info, window=file_win, low_valid=low_valid,
        grid_window=(g0, k0, gh, gw),
        core=(slice(row_off - g0, row_off - g0 + height), slice(col_off - k0, col_off - k0 + width)),
        plan=plan)


def align_pair(high_path, low_path, ratio=None, high_bands=None, low_bands=None,
               resampling: str = "cubic", min_low_bands: int = 1,
               require_single_high: bool = False, min_overlap: int = MIN_OVERLAP_LOW,
               fill="mean") -> AlignedPair:
    """Align a whole scene: `plan_alignment` then `read_aligned_window` on the full grid.

    Arguments as in `plan_alignment` (and ``fill`` as in
    `read_aligned_window`). Raises RasterError, in addition, when no pixel
    of the overlap is valid in both rasters.
    """
    plan = plan_alignment(high_path, low_path, ratio=ratio, high_bands=high_bands,
                          low_bands=low_bands, resampling=resampling, min_low_bands=min_low_bands,
                          require_single_high=require_single_high, min_overlap=min_overlap)
    pair = read_aligned_window(plan, 0, 0, plan.height, plan.width, pad=0, fill=fill)
    if not pair.valid.any():
        raise RasterError(
            f"The rasters '{plan.high_path}' and '{plan.low_path}' have no pixel that is valid in "
            f"both (all nodata, NaN or infinite in the overlap). Check the inputs' nodata values.")
    return pair
