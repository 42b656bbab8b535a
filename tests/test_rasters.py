"""Tests of the raster layer (rasters/): I/O, alignment, tiles. Synthetic GeoTIFFs only."""
import os
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine
from rasterio.warp import Resampling, calculate_default_transform, reproject

from fusediff.rasters import (DEFAULT_NODATA, GeoTiffWriter, RasterError, TileAccumulator,
                              align_pair, blend_weights, plan_alignment, read, read_aligned_window,
                              read_info, tile_grid, write_geotiff)

UTM = "EPSG:32631"
# Near the equator (northing 60 km, easting 500 km = 3 deg E): UTM metres and
# degrees are nearly square there, so a lat/lon copy keeps the pixel ratio.
X0, Y0 = 500000.0, 60000.0


def _write(path, array, transform, crs=UTM, nodata=None, dtype=None, **kw):
    """Write a test raster with plain rasterio (independent of rasters.io)."""
    a = np.asarray(array)
    if a.ndim == 2:
        a = a[None]
    dtype = dtype or a.dtype
    with rasterio.open(path, "w", driver="GTiff", width=a.shape[2], height=a.shape[1],
                       count=a.shape[0], dtype=dtype, crs=crs, transform=transform,
                       nodata=nodata, **kw) as ds:
        ds.write(a.astype(dtype))
    return str(path)


def _ramp(transform, shape, bands=1):
    """Linear function of map coordinates at pixel centres, (bands, h, w) float64."""
    h, w = shape
    cols, rows = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    x, y = transform * (cols, rows)
    f = 0.05 * (x - X0) + 0.03 * (Y0 - y) + 100.0
    return np.stack([f * (b + 1) for b in range(bands)])


def _centres(transform, h, w):
    cols, rows = np.meshgrid(np.arange(w) + 0.5, np.arange(h) + 0.5)
    return transform * (cols, rows)


# ----------------------------------------------------------------------------- I/O

def test_write_read_round_trip(tmp_path):
    rng = np.random.default_rng(0)
    a = rng.random((3, 40, 50)).astype(np.float32)
    mask = np.ones((40, 50), bool)
    mask[5, 7] = False
    a[1, 9, 9] = np.nan  # NaN is written as nodata too
    t = Affine(10.0, 0, X0, 0, -10.0, Y0)
    out = write_geotiff(tmp_path / "o.tif", a, UTM, t, descriptions=["B", "G", "R"],
                        wavelengths=[490.0, 560.0, None], mask=mask)
    arr, valid, info = read(out)
    assert info.crs.to_epsg() == 32631 and info.transform == t
    assert info.nodata == DEFAULT_NODATA and info.dtype == "float32"
    assert info.descriptions == ["B", "G", "R"]
    assert info.wavelengths == [490.0, 560.0, None]
    assert info.res == (10.0, 10.0) and (info.width, info.height, info.count) == (50, 40, 3)
    expected_valid = mask.copy()
    expected_valid[9, 9] = False
    assert np.array_equal(valid, expected_valid)
    assert np.array_equal(arr[:, valid], a[:, valid])  # lossless (DEFLATE + predictor 3)
    assert np.all(arr[:, ~valid] == DEFAULT_NODATA)
    with rasterio.open(out) as ds:
        assert ds.block_shapes[0] == (256, 256)
        assert ds.profile["compress"].lower() == "deflate"
        assert ds.tags(ns="IMAGE_STRUCTURE").get("PREDICTOR") == "3"
    # Band subset and window.
    sub, v2, _ = read(out, bands=[3, 1], window=(10, 20, 5, 6))
    assert np.array_equal(sub, arr[[2, 0], 10:15, 20:26]) and np.array_equal(v2, valid[10:15, 20:26])


def test_wavelengths_in_micrometres_are_converted(tmp_path):
    p = _write(tmp_path / "w.tif", np.zeros((2, 8, 8), np.float32), Affine(1, 0, 0, 0, -1, 8))
    with rasterio.open(p, "r+") as ds:
        ds.update_tags(1, wavelength="0.665", wavelength_units="Micrometers")
        ds.update_tags(2, WAVELENGTH="842")
    assert read_info(p).wavelengths == pytest.approx([665.0, 842.0])


class Cancelled(Exception):
    pass


def test_atomic_write_leaves_nothing_on_exception(tmp_path):
    t = Affine(10.0, 0, X0, 0, -10.0, Y0)
    with pytest.raises(Cancelled):
        with GeoTiffWriter(tmp_path / "out.tif", 300, 300, 2, UTM, t) as w:
            w.write(np.ones((2, 100, 300)), 0, 0)
            assert os.path.exists(w.tmp_path) and not (tmp_path / "out.tif").exists()
            raise Cancelled()
    assert os.listdir(tmp_path) == []
    # A clean run leaves exactly the final file.
    with GeoTiffWriter(tmp_path / "out.tif", 300, 300, 2, UTM, t) as w:
        w.write(np.ones((2, 300, 300)), 0, 0)
    assert os.listdir(tmp_path) == ["out.tif"]


def test_threaded_compression_writes_the_same_pixels(tmp_path):
    t = Affine(10.0, 0, X0, 0, -10.0, Y0)
    data = np.random.default_rng(0).random((3, 600, 520)).astype(np.float32)
    for threads in (1, 2):
        with GeoTiffWriter(tmp_path / f"out{threads}.tif", 520, 600, 3, UTM, t, threads=threads) as w:
            w.write(data, 0, 0)
    with rasterio.open(tmp_path / "out1.tif") as a, rasterio.open(tmp_path / "out2.tif") as b:
        assert np.array_equal(a.read(), b.read()) and np.array_equal(a.read(), data)
        assert a.profile["compress"] == b.profile["compress"] == "deflate"


def test_background_writer_writes_the_same_pixels_and_fails_cleanly(tmp_path):
    """Blocks handed to the worker thread land as written directly, even when the caller reuses
    its buffer at once; a write error reaches the caller and a failed run leaves no file."""
    from fusediff.rasters import BackgroundWriter
    t = Affine(10.0, 0, X0, 0, -10.0, Y0)
    data = np.random.default_rng(1).random((2, 300, 260)).astype(np.float32)
    buf = np.empty((2, 60, 260), np.float32)
    with GeoTiffWriter(tmp_path / "bg.tif", 260, 300, 2, UTM, t) as w, BackgroundWriter(w) as bw:
        for r in range(0, 300, 60):
            buf[:] = data[:, r:r + 60]
            mask = np.ones((60, 260), bool)
            mask[0, 0] = False
            bw.write(buf, r, 0, mask=mask)
            buf[:] = -5.0  # reused before the worker may have written it
    with rasterio.open(tmp_path / "bg.tif") as ds:
        got = ds.read()
    expect = data.copy()
    expect[:, ::60, 0] = DEFAULT_NODATA
    assert np.array_equal(got, expect)
    with pytest.raises(ValueError, match="outside"):
        with GeoTiffWriter(tmp_path / "bad.tif", 260, 300, 2, UTM, t) as w, BackgroundWriter(w) as bw:
            bw.write(data[:, :60], 280, 0)  # rows 280..339 do not fit
    with pytest.raises(Cancelled):
        with GeoTiffWriter(tmp_path / "cancel.tif", 260, 300, 2, UTM, t) as w, BackgroundWriter(w) as bw:
            bw.write(data[:, :60], 0, 0)
            raise Cancelled()
    assert sorted(os.listdir(tmp_path)) == ["bg.tif"]


def test_refuses_to_overwrite_an_input(tmp_path):
    t = Affine(10.0, 0, X0, 0, -10.0, Y0)
    src = _write(tmp_path / "in.tif", np.arange(64, dtype=np.float32).reshape(8, 8), t)
    before = Path(src).read_bytes()
    other_spelling = os.path.join(str(tmp_path), ".", "in.tif")
    with pytest.raises(RasterError, match="input"):
        write_geotiff(other_spelling, np.zeros((1, 8, 8)), UTM, t, protect=[src])
    assert Path(src).read_bytes() == before
    assert sorted(os.listdir(tmp_path)) == ["in.tif"]


def test_unwritable_folder_is_reported(tmp_path, monkeypatch):
    ro = tmp_path / "ro"
    ro.mkdir()
    ro.chmod(0o500)
    if os.access(ro, os.W_OK):  # running as root: simulate the permission check instead
        real_access = os.access
        monkeypatch.setattr(os, "access", lambda p, m: False if str(p) == str(ro) else real_access(p, m))
    try:
        with pytest.raises(RasterError, match="not writable"):
            write_geotiff(ro / "o.tif", np.zeros((1, 4, 4)), UTM, Affine.identity())
    finally:
        ro.chmod(0o700)
    assert os.listdir(ro) == []
    with pytest.raises(RasterError, match="does not exist"):
        write_geotiff(tmp_path / "missing" / "o.tif", np.zeros((1, 4, 4)), UTM, Affine.identity())


def test_truncated_and_corrupt_files_raise(tmp_path):
    rng = np.random.default_rng(1)
    p = _write(tmp_path / "full.tif", rng.random((2, 600, 600)).astype(np.float32),
               Affine(10.0, 0, X0, 0, -10.0, Y0), tiled=True, blockxsize=256, blockysize=256,
               compress="deflate")
    data = Path(p).read_bytes()
    cut = tmp_path / "cut.tif"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(RasterError, match="truncated"):
        read(cut)
    with pytest.raises(RasterError, match="truncated"):
        read_info(cut)
    junk = tmp_path / "junk.tif"
    junk.write_bytes(b"this is not a GeoTIFF" * 10)
    with pytest.raises(RasterError, match="Cannot read"):
        read_info(junk)
    with pytest.raises(RasterError, match="does not exist"):
        read(tmp_path / "nope.tif")


@pytest.mark.parametrize("dtype,nodata", [("uint8", 0), ("uint16", 65535), ("int16", -32768)])
def test_integer_inputs_are_read_as_float_without_scaling(tmp_path, dtype, nodata):
    info = np.iinfo(dtype)
    rng = np.random.default_rng(2)
    vals = rng.integers(max(info.min + 1, -2000), min(info.max - 1, 2047), size=(2, 64, 64))
    vals[0, 3, 4] = nodata
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    p_lo = _write(tmp_path / "lo.tif", vals, t_hi * Affine.translation(-1.5, -1.5) * Affine.scale(4),
                  nodata=nodata, dtype=dtype)
    arr, valid, _ = read(p_lo)
    assert arr.dtype == np.float32 and np.array_equal(arr[:, valid], vals[:, valid].astype(np.float32))
    assert not valid[3, 4] and valid.sum() == 64 * 64 - 1
    p_hi = _write(tmp_path / "hi.tif", rng.integers(0, 200, size=(256, 256)), t_hi, dtype=dtype)
    pair = align_pair(p_hi, p_lo)
    assert pair.ratio == 4 and pair.low.shape == (2, 64, 64)
    assert np.array_equal(pair.low[:, pair.low_valid], vals[:, pair.low_valid].astype(np.float32))
    assert not pair.low_valid[3, 4]


# ----------------------------------------------------------------------------- alignment

@pytest.mark.parametrize("r", [2, 3, 4])
def test_grid_convention_pair_round_trips_exactly(tmp_path, r):
    """A pair simulated by decimation from index 0, written with the -(r-1)/2 offset, comes back
    without interpolation, and low pixel i sits on high pixel r*i."""
    rng = np.random.default_rng(r)
    H = W = 16 * r
    high = rng.random((1, H, W)).astype(np.float32)
    ref = rng.random((3, H, W)).astype(np.float32)
    low = ref[:, ::r, ::r]
    t_hi = Affine(2.5, 0, X0, 0, -2.5, Y0)
    s = -(r - 1) / 2.0
    t_lo = t_hi * Affine.translation(s, s) * Affine.scale(r)
    p_hi = _write(tmp_path / "hi.tif", high, t_hi)
    p_lo = _write(tmp_path / "lo.tif", low, t_lo)
    pair = align_pair(p_hi, p_lo, require_single_high=True, min_low_bands=2)
    assert pair.ratio == r and pair.high.shape == (1, H, W) and pair.low.shape == (3, H // r, W // r)
    assert np.array_equal(pair.high, high) and np.array_equal(pair.low, low)
    assert pair.valid.all() and pair.transform == t_hi and pair.low_transform == t_lo
    # Centre of low pixel (i, j) == centre of high pixel (r*i, r*j).
    i, j = 5, 7
    assert np.allclose(pair.low_transform * (j + 0.5, i + 0.5), pair.transform * (r * j + 0.5, r * i + 0.5))


def test_half_pixel_offset_grid_interpolates_a_linear_ramp(tmp_path):
    """Landsat-8-like: 15 m pan, 30 m MS offset by half a 30 m pixel."""
    t_hi = Affine(15.0, 0, X0, 0, -15.0, Y0)
    t_lo = Affine(30.0, 0, X0 - 15.0 - 60.0, 0, -30.0, Y0 + 15.0 + 60.0)
    p_hi = _write(tmp_path / "pan.tif", np.ones((1, 121, 123), np.float32), t_hi)
    p_lo = _write(tmp_path / "ms.tif", _ramp(t_lo, (70, 70), 2).astype(np.float32), t_lo)
    plan = plan_alignment(p_hi, p_lo)
    assert plan.ratio == 2 and plan.ratio_exact and plan.copy_offset is None
    pair = align_pair(p_hi, p_lo)
    H, W = pair.high.shape[1:]
    h, w = pair.low.shape[1:]
    assert (H, W) == (120, 122) and (H, W) == (2 * h, 2 * w)
    # Low values are the ramp at the aligned low centres (cubic reproduces linear functions).
    want = _ramp(pair.low_transform, (h, w), 2)
    assert np.allclose(pair.low[:, 2:-2, 2:-2], want[:, 2:-2, 2:-2], atol=1e-3)
    assert np.allclose(pair.low_transform * (0.5, 0.5), pair.transform * (0.5, 0.5))
    assert pair.valid.all()


def test_nodata_and_nan_masks(tmp_path):
    r = 3
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    rng = np.random.default_rng(3)
    high = rng.random((1, 60, 60)).astype(np.float32)
    high[0, 10, 11] = -9999.0
    high[0, 20, 21] = np.nan
    high[0, 30, 31] = np.inf
    low = rng.random((2, 20, 20)).astype(np.float32)
    low[0, 2, 5] = -1.0   # nodata
    low[1, 12, 4] = np.nan
    p_hi = _write(tmp_path / "hi.tif", high, t_hi, nodata=-9999.0)
    t_lo = t_hi * Affine.translation(-1, -1) * Affine.scale(r)
    p_lo = _write(tmp_path / "lo.tif", low, t_lo, nodata=-1.0)
    pair = align_pair(p_hi, p_lo)
    expect = np.ones((60, 60), bool)
    expect[10, 11] = expect[20, 21] = expect[30, 31] = False
    expect[5:8, 14:17] = False   # low (2, 5) covers high rows/cols 3*i-1 .. 3*i+1
    expect[35:38, 11:14] = False  # low (12, 4)
    assert np.array_equal(pair.valid, expect)
    assert np.isfinite(pair.high).all() and np.isfinite(pair.low).all()
    # Written out, the invalid pixels are nodata and come back as such.
    out = write_geotiff(tmp_path / "o.tif", pair.high, pair.crs, pair.transform, mask=pair.valid)
    _, valid, info = read(out)
    assert np.array_equal(valid, expect) and info.transform == t_hi

    # Resampled (offset) grid: a NaN source pixel invalidates nearby aligned pixels only.
    low2 = _ramp(t_lo * Affine.translation(0.25, 0.25), (20, 20)).astype(np.float32)
    low2[0, 10, 10] = np.nan
    p_lo2 = _write(tmp_path / "lo2.tif", low2, t_lo * Affine.translation(0.25, 0.25))
    pair2 = align_pair(p_hi, p_lo2)
    assert not pair2.low_valid[9:12, 9:12].all() and pair2.low_valid[:, :6].all()
    assert not pair2.low_valid[10:12, 10:12].any() and pair2.low_valid.sum() == 400 - 4
    # High pixels 3*i-1 .. 3*i+1 of the invalid low pixels, plus the high raster's own nodata.
    expect2 = expect.copy()
    expect2[5:8, 14:17] = expect2[35:38, 11:14] = True
    expect2[29:35, 29:35] = False
    assert np.array_equal(pair2.valid, expect2)


@pytest.mark.parametrize("resampling", ["lanczos", "cubic", "bilinear"])
@pytest.mark.parametrize("shift", [(0.25, 0.25), (0.5, -0.3), (0.0, 0.4)])
def test_translated_grid_filter_matches_gdal_warp(tmp_path, resampling, shift):
    """The separable filter used for grids that differ by a translation gives GDAL's values and
    validity (same kernel; taps on invalid pixels left out)."""
    from fusediff.rasters import align
    r = 2
    t_hi = Affine(15.0, 0, X0, 0, -15.0, Y0)
    t_lo = t_hi * Affine.translation(-0.5 + shift[1], -0.5 + shift[0]) * Affine.scale(r)
    rng = np.random.default_rng(7)
    low = rng.random((3, 40, 36)).astype(np.float32)
    low[1, 20, 17] = np.nan
    low[:, 5, 30] = -1.0
    p_hi = _write(tmp_path / "pan.tif", np.ones((1, 80, 72), np.float32), t_hi)
    p_lo = _write(tmp_path / "ms.tif", low, t_lo, nodata=-1.0)
    plan = plan_alignment(p_hi, p_lo, resampling=resampling)
    assert plan.copy_offset is None and plan.shift_offset is not None
    ours = read_aligned_window(plan, 8, 4, 48, 40, pad=8)
    # pixels whose whole kernel footprint (6 x 6 Lanczos, 4 x 4 cubic) lies on valid source pixels
    # (at raster edges and next to nodata GDAL and we renormalise the kernel differently)
    g0, k0 = ours.grid_window[0] // r, ours.grid_window[1] // r
    rows = np.floor(plan.shift_offset[0] + g0 + np.arange(ours.low.shape[1])).astype(int)
    cols = np.floor(plan.shift_offset[1] + k0 + np.arange(ours.low.shape[2])).astype(int)
    good_src = np.pad(np.isfinite(low).all(axis=0) & (low != -1.0).all(axis=0), 3)  # index + 3
    full = np.ones(ours.low.shape[1:], bool)
    taps = align._SHIFT_TAPS[resampling][0]
    for dy in taps:
        for dx in taps:
            full &= good_src[(rows + dy + 3)[:, None], (cols + dx + 3)[None, :]]
    assert full.sum() > 0.5 * full.size
    plan.shift_offset = None  # force GDAL's warper
    gdal = read_aligned_window(plan, 8, 4, 48, 40, pad=8)
    assert np.array_equal(ours.low_valid, gdal.low_valid)
    np.testing.assert_allclose(ours.low[:, full], gdal.low[:, full], atol=2e-5)


def test_different_crs_lat_lon_low_raster(tmp_path):
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    t_lo = Affine(40.0, 0, X0 - 400.0, 0, -40.0, Y0 + 400.0)
    low = _ramp(t_lo, (60, 60), 2).astype(np.float32)
    p_hi = _write(tmp_path / "hi.tif", np.ones((1, 160, 160), np.float32), t_hi)
    p_lo = _write(tmp_path / "lo_utm.tif", low, t_lo)
    # Lat/lon copy of the low raster (nodata outside the warped footprint).
    dt, dw, dh = calculate_default_transform(UTM, "EPSG:4326", 60, 60,
                                             *rasterio.transform.array_bounds(60, 60, t_lo))
    geo = np.full((2, dh, dw), -9999.0, np.float32)
    reproject(low, geo, src_transform=t_lo, src_crs=UTM, dst_transform=dt, dst_crs="EPSG:4326",
              resampling=Resampling.cubic, dst_nodata=-9999.0)
    p_geo = _write(tmp_path / "lo_geo.tif", geo, dt, crs="EPSG:4326", nodata=-9999.0)

    ref = align_pair(p_hi, p_lo)
    plan = plan_alignment(p_hi, p_geo)
    assert plan.ratio == 4 and plan.crs.to_epsg() == 32631
    pair = align_pair(p_hi, p_geo)
    assert pair.high.shape == (1, 160, 160) and pair.low.shape == (2, 40, 40)
    assert pair.transform == t_hi and pair.low_transform == ref.low_transform
    assert pair.valid.all()
    # Twice resampled, a linear ramp stays (nearly) the same: relative error well below 0.1%.
    assert np.allclose(pair.low, ref.low, rtol=1e-3)


def test_ratio_three_and_non_integer_ratio(tmp_path):
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    p_hi = _write(tmp_path / "hi.tif", np.ones((1, 100, 100), np.float32), t_hi)
    t30 = Affine(30.0, 0, X0 + 7.0, 0, -30.0, Y0 - 3.0)
    p30 = _write(tmp_path / "lo30.tif", _ramp(t30, (40, 40)).astype(np.float32), t30)
    plan = plan_alignment(p_hi, p30)
    assert plan.ratio == 3 and plan.ratio_exact
    pair = align_pair(p_hi, p30)
    h, w = pair.low.shape[1:]
    assert pair.high.shape[1:] == (3 * h, 3 * w)
    assert np.allclose(pair.low[:, 2:-2, 2:-2], _ramp(pair.low_transform, (h, w))[:, 2:-2, 2:-2], atol=1e-3)
    # 25 m pixels: ratio 2.5 is not an integer: rounded to 3 and resampled.
    t25 = Affine(25.0, 0, X0 - 50.0, 0, -25.0, Y0 + 50.0)
    p25 = _write(tmp_path / "lo25.tif", _ramp(t25, (50, 50)).astype(np.float32), t25)
    plan = plan_alignment(p_hi, p25)
    assert plan.ratio == 3 and not plan.ratio_exact and plan.ratio_measured[0] == pytest.approx(2.5)
    pair = align_pair(p_hi, p25)
    h, w = pair.low.shape[1:]
    assert pair.high.shape[1:] == (3 * h, 3 * w) == (99, 99)
    # GDAL widens the cubic kernel when it reduces resolution and truncates it to whole source
    # pixels: the ramp (1.5 per 30 m pixel) comes back within 0.05 rather than exactly.
    assert np.allclose(pair.low[:, 2:-2, 2:-2], _ramp(pair.low_transform, (h, w))[:, 2:-2, 2:-2], atol=5e-2)
    # Given ratio overrides the measurement.
    assert plan_alignment(p_hi, p25, ratio=2).ratio == 2


def test_bad_inputs_raise_plain_errors(tmp_path):
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    p_hi = _write(tmp_path / "hi.tif", np.ones((1, 64, 64), np.float32), t_hi)
    far = Affine(40.0, 0, X0 + 50000.0, 0, -40.0, Y0)
    p_far = _write(tmp_path / "far.tif", np.ones((2, 16, 16), np.float32), far)
    with pytest.raises(RasterError, match="do not overlap"):
        align_pair(p_hi, p_far)
    sliver = Affine(40.0, 0, X0 + 640.0 - 4 * 40.0, 0, -40.0, Y0)
    p_sl = _write(tmp_path / "sliver.tif", np.ones((2, 16, 16), np.float32), sliver)
    with pytest.raises(RasterError, match="overlap in only"):
        align_pair(p_hi, p_sl)
    p_lo = _write(tmp_path / "lo.tif", np.ones((1, 16, 16), np.float32), Affine(40.0, 0, X0, 0, -40.0, Y0))
    with pytest.raises(RasterError, match="at least 2 are needed"):
        align_pair(p_hi, p_lo, min_low_bands=2)
    with pytest.raises(RasterError, match="ratio must be 2 or more"):
        align_pair(p_hi, p_lo, ratio=1)
    with pytest.raises(RasterError, match="whole number"):
        align_pair(p_hi, p_lo, ratio=2.5)
    with pytest.raises(RasterError, match="swapped"):
        align_pair(p_lo, p_hi)
    p_hi3 = _write(tmp_path / "hi3.tif", np.ones((3, 64, 64), np.float32), t_hi)
    with pytest.raises(RasterError, match="3 bands"):
        align_pair(p_hi3, p_lo, require_single_high=True)
    assert align_pair(p_hi3, p_lo, high_bands=[2], require_single_high=True).high.shape == (1, 64, 64)
    p_nd = _write(tmp_path / "nd.tif", np.full((2, 16, 16), -5.0, np.float32),
                  Affine(40.0, 0, X0, 0, -40.0, Y0), nodata=-5.0)
    with pytest.raises(RasterError, match="no pixel that is valid"):
        align_pair(p_hi, p_nd)


@pytest.mark.parametrize("case", ["copy", "offset", "latlon"])
def test_windowed_reads_equal_the_full_read(tmp_path, case):
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    rng = np.random.default_rng(4)
    high = rng.random((1, 96, 120)).astype(np.float32)
    high[0, 40:44, 50:52] = np.nan
    p_hi = _write(tmp_path / "hi.tif", high, t_hi)
    if case == "copy":
        t_lo = t_hi * Affine.translation(-1.5, -1.5) * Affine.scale(4)
        low = rng.random((3, 24, 30)).astype(np.float32)
        p_lo = _write(tmp_path / "lo.tif", low, t_lo)
    else:
        t_lo = Affine(40.0, 0, X0 - 333.0, 0, -40.0, Y0 + 171.0)
        low = (rng.random((3, 40, 45)) + _ramp(t_lo, (40, 45), 3)).astype(np.float32)
        low[1, 20, 20] = np.nan
        p_lo = _write(tmp_path / "lo.tif", low, t_lo)
        if case == "latlon":
            dt, dw, dh = calculate_default_transform(UTM, "EPSG:4326", 45, 40,
                                                     *rasterio.transform.array_bounds(40, 45, t_lo))
            geo = np.full((3, dh, dw), np.nan, np.float32)
            reproject(low, geo, src_transform=t_lo, src_crs=UTM, dst_transform=dt,
                      dst_crs="EPSG:4326", resampling=Resampling.bilinear, src_nodata=np.nan, dst_nodata=np.nan)
            p_lo = _write(tmp_path / "geo.tif", geo, dt, crs="EPSG:4326")
    plan = plan_alignment(p_hi, p_lo, ratio=4)
    full = read_aligned_window(plan, fill=None)
    assert (case == "copy") == (plan.copy_offset is not None)
    r = plan.ratio
    for t in tile_grid(plan.height, plan.width, 32, 8, r):
        win = read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=6, fill=None)
        rs, cs = win.core
        assert win.high[:, rs, cs].shape[1:] == (t.height, t.width)
        sl = (slice(t.row_off, t.row_off + t.height), slice(t.col_off, t.col_off + t.width))
        lsl = (slice(t.row_off // r, (t.row_off + t.height) // r), slice(t.col_off // r, (t.col_off + t.width) // r))
        lcore = (slice(rs.start // r, rs.stop // r), slice(cs.start // r, cs.stop // r))
        assert np.array_equal(win.high[:, rs, cs], full.high[:, sl[0], sl[1]])
        assert np.array_equal(win.valid[rs, cs], full.valid[sl])
        assert np.array_equal(win.low_valid[lcore], full.low_valid[lsl])
        tol = 0 if case != "latlon" else 1e-3
        assert np.allclose(win.low[:, lcore[0], lcore[1]], full.low[:, lsl[0], lsl[1]], rtol=0, atol=tol)
        assert win.transform * (win.core[1].start, win.core[0].start) == t_hi * (
            plan.high_window.col_off + t.col_off, plan.high_window.row_off + t.row_off)


# ----------------------------------------------------------------------------- tiles

@pytest.mark.parametrize("H,W,tile,overlap,r", [(100, 70, 32, 8, 4), (99, 99, 40, 9, 3), (64, 64, 64, 8, 4),
                                                (257, 31, 50, 10, 1), (120, 96, 30, 6, 2)])
def test_tile_grid_covers_everything(H, W, tile, overlap, r):
    tiles = tile_grid(H, W, tile, overlap, r)
    cover = np.zeros((H, W), int)
    for t in tiles:
        assert t.row_off % r == 0 and t.col_off % r == 0
        assert t.row_off + t.height <= H and t.col_off + t.width <= W
        cover[t.row_off:t.row_off + t.height, t.col_off:t.col_off + t.width] += 1
    assert cover.min() >= 1
    rows = sorted({t.row_off for t in tiles})
    assert [t.row_off for t in tiles] == sorted(t.row_off for t in tiles)  # row-major
    heights = {t.row_off: t.height for t in tiles}
    for a, b in zip(rows, rows[1:]):  # neighbours overlap by at least the overlap
        assert a + heights[a] - b >= overlap


def test_blend_weights_form_a_partition_of_unity():
    o = 8
    w = blend_weights(32, 40, o)
    assert w.min() > 0 and w.max() == 1.0 and np.allclose(w[o:-o, o:-o], 1.0)
    # Two tiles overlapping by exactly `o` pixels: weights sum to 1 over the overlap.
    a, b = blend_weights(1, 32, o)[0], blend_weights(1, 32, o)[0]
    assert np.allclose(a[-o:] + b[:o], 1.0)


def test_accumulator_reproduces_the_image(tmp_path):
    rng = np.random.default_rng(5)
    H, W, r, o = 90, 70, 2, 8
    img = rng.random((2, H, W)).astype(np.float32)
    valid = np.ones((H, W), bool)
    valid[50:53, 10:12] = False
    out = np.zeros_like(img)
    acc = TileAccumulator(out, 2, H, W, o, block_rows=16)
    for t in tile_grid(H, W, 32, o, r):
        sl = (slice(t.row_off, t.row_off + t.height), slice(t.col_off, t.col_off + t.width))
        # Tile results that differ by tile (a constant offset) blend smoothly: the output stays
        # within the range of the contributions and equals the image where one tile covers it.
        acc.add(img[:, sl[0], sl[1]], t.row_off, t.col_off, valid=valid[sl])
    acc.finish()
    assert np.allclose(out[:, valid], img[:, valid], atol=1e-6)
    assert np.isnan(out[:, ~valid]).all()
    # Through the GeoTIFF writer (rows flushed by blocks; invalid -> nodata).
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    with GeoTiffWriter(tmp_path / "acc.tif", W, H, 2, UTM, t_hi) as wr:
        acc = TileAccumulator(wr, 2, H, W, o, block_rows=32)
        for t in tile_grid(H, W, 32, o, r):
            sl = (slice(t.row_off, t.row_off + t.height), slice(t.col_off, t.col_off + t.width))
            acc.add(img[:, sl[0], sl[1]], t.row_off, t.col_off, valid=valid[sl])
        acc.finish()
    back, v, _ = read(tmp_path / "acc.tif")
    assert np.array_equal(v, valid) and np.allclose(back[:, valid], img[:, valid], atol=1e-6)


def test_accumulator_blends_seams_smoothly():
    """Two tiles whose results differ by a constant: the seam is a smooth ramp, not a step."""
    H, W, o = 16, 56, 16
    out = np.zeros((1, H, W), np.float32)
    acc = TileAccumulator(out, 1, H, W, o)
    tiles = tile_grid(H, W, 36, o, 1)
    assert len(tiles) == 2
    for k, t in enumerate(tiles):
        acc.add(np.full((1, t.height, t.width), float(k)), t.row_off, t.col_off)
    acc.finish()
    row = out[0, 0]
    assert row[0] == 0.0 and row[-1] == 1.0
    steps = np.diff(row)
    assert (steps >= -1e-7).all() and steps.max() < 0.2  # monotone, no jump larger than 1/5


def test_tiled_pipeline_equals_untiled(tmp_path):
    """plan -> tiles (padded windows) -> per-tile work -> blend -> writer equals the whole-scene run
    for a local operation, with nodata written as nodata."""
    r = 4
    t_hi = Affine(10.0, 0, X0, 0, -10.0, Y0)
    rng = np.random.default_rng(6)
    high = rng.random((1, 136, 152)).astype(np.float32)
    high[0, 60:63, 70:75] = -9999.0
    t_lo = Affine(40.0, 0, X0 - 77.0, 0, -40.0, Y0 + 55.0)
    low = (rng.random((2, 40, 44)) + _ramp(t_lo, (40, 44), 2) / 100).astype(np.float32)
    p_hi = _write(tmp_path / "hi.tif", high, t_hi, nodata=-9999.0)
    p_lo = _write(tmp_path / "lo.tif", low, t_lo)

    def work(pair):  # a local operation: high detail times the nearest low pixel
        up = np.repeat(np.repeat(pair.low, r, axis=1), r, axis=2)
        return up * pair.high

    plan = plan_alignment(p_hi, p_lo)
    full = read_aligned_window(plan)
    expect = work(full)
    out = tmp_path / "fused.tif"
    with GeoTiffWriter(out, plan.width, plan.height, 2, plan.crs, plan.transform,
                       protect=[p_hi, p_lo]) as wr:
        acc = TileAccumulator(wr, 2, plan.height, plan.width, overlap=8)
        for t in tile_grid(plan.height, plan.width, 48, 8, r):
            win = read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=8)
            res = work(win)[:, win.core[0], win.core[1]]
            acc.add(res, t.row_off, t.col_off, valid=win.valid[win.core])
        acc.finish()
    got, valid, info = read(out)
    assert info.transform == plan.transform and np.array_equal(valid, full.valid)
    assert not valid[60 - plan.high_window.row_off, 70 - plan.high_window.col_off]
    assert np.allclose(got[:, valid], expect[:, valid], rtol=1e-5, atol=1e-6)


def test_output_gets_normal_file_permissions(tmp_path):
    """The atomic writer's temp file is private (0600); the final output must not be."""
    import os
    import stat
    from rasterio.transform import from_origin
    from fusediff.rasters import write_geotiff
    umask = os.umask(0o022)
    try:
        out = tmp_path / "perm.tif"
        write_geotiff(out, np.ones((1, 4, 4), np.float32), "EPSG:32631", from_origin(0, 40, 10, 10))
        assert stat.S_IMODE(out.stat().st_mode) == 0o644
    finally:
        os.umask(umask)
