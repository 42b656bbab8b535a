"""Output options of the GeoTIFF writer: stored type, scaled uint16, COG, compression, extension."""
import os
import shutil
import subprocess

import numpy as np
import pytest
import rasterio
from rasterio.enums import Compression
from rasterio.transform import from_origin

from fusediff.rasters import BackgroundWriter, GeoTiffWriter, RasterError, read, read_info, write_geotiff

UTM = "EPSG:32631"
T = from_origin(500000, 4600000, 10, 10)


def _scene(shape=(3, 300, 280), seed=0):
    rng = np.random.default_rng(seed)
    a = rng.normal(0.2, 0.08, shape).astype(np.float32)
    a[1] *= 3.0
    mask = np.ones(shape[1:], bool)
    mask[:20, :30] = False
    return a, mask


def test_uint16_cog_reads_back_within_half_a_step(tmp_path):
    a, mask = _scene()
    f32 = write_geotiff(tmp_path / "f32.tif", a, UTM, T, mask=mask, descriptions=["B2", "B3", "B4"],
                        wavelengths=[482.0, 561.4, 654.6], fwhm=[60.0, 57.0, 37.0])
    u16 = write_geotiff(tmp_path / "u16.tif", a, UTM, T, mask=mask, descriptions=["B2", "B3", "B4"],
                        wavelengths=[482.0, 561.4, 654.6], fwhm=[60.0, 57.0, 37.0],
                        output_type=2, cog=True)
    assert sorted(os.listdir(tmp_path)) == ["f32.tif", "u16.tif"]  # no temporary files left
    if shutil.which("gdalinfo"):
        info = subprocess.run(["gdalinfo", u16], capture_output=True, text=True, check=True).stdout
        assert "LAYOUT=COG" in info and "Type=UInt16" in info and "Offset:" in info
    with rasterio.open(u16) as ds, rasterio.open(f32) as ref:
        assert ds.dtypes[0] == "uint16" and ds.nodata == 65535 and ds.is_tiled
        assert ds.overviews(1) or max(ds.shape) <= 512
        assert list(ds.descriptions) == ["B2", "B3", "B4"] and ds.tags(2)["wavelength"] == "561.4"
        assert ds.tags(3)["fwhm"] == "37" and ds.crs == ref.crs and ds.transform == ref.transform
        q = ds.read()
        fr = ref.read()
        for b in range(3):
            s, o = ds.scales[b], ds.offsets[b]
            valid = q[b] != 65535
            np.testing.assert_array_equal(valid, mask)
            back = q[b][valid].astype(np.float64) * s + o
            err = np.abs(back - fr[b][valid].astype(np.float64)).max()
            assert err <= 0.5 * s * (1 + 1e-6), (b, err, s)
            assert q[b][valid].max() == 65534 and q[b][valid].min() == 0  # full range used
    info = read_info(u16)
    assert info.scales[1] == pytest.approx((a[1][mask].max() - a[1][mask].min()) / 65534, rel=1e-6)
    assert info.fwhms == [60.0, 57.0, 37.0] and info.wavelengths == [482.0, 561.4, 654.6]


def test_uint16_composes_the_inputs_scale_offset(tmp_path):
    a, mask = _scene((2, 64, 64))
    out = write_geotiff(tmp_path / "o.tif", a * 1e4, UTM, T, output_type=2,
                        scales=[1e-4, 1e-4], offsets=[-0.1, 0.0])
    with rasterio.open(out) as ds:
        q = ds.read(1).astype(np.float64)
        phys = q * ds.scales[0] + ds.offsets[0]
    np.testing.assert_allclose(phys, a[0].astype(np.float64) - 0.1, atol=1e-4 * 0.5 * (a[0].ptp() * 1e4 / 65534) + 1e-6)
    f = write_geotiff(tmp_path / "f.tif", a, UTM, T, scales=[2.0, 3.0], offsets=[1.0, 0.0])
    info = read_info(f)  # float32 output: the input's scale/offset carried as they are
    assert info.scales == [2.0, 3.0] and info.offsets == [1.0, 0.0] and info.dtype == "float32"


def test_input_type_rounds_and_clips(tmp_path):
    a = np.array([[[-3.4, 2.5, 3.49, 70000.0], [12.6, np.nan, 65535.0, 100.0]]], np.float32)
    out = write_geotiff(tmp_path / "u.tif", a, UTM, T, output_type=1, input_dtype="uint16",
                        nodata=0)
    arr, valid, info = read(out)
    assert info.dtype == "uint16" and info.nodata == 0
    # 0 is nodata, so valid data is clipped to 1..65535; NaN -> nodata
    np.testing.assert_array_equal(arr[0], [[1, 2, 3, 65535], [13, 0, 65535, 100]])
    assert valid.tolist() == [[True, True, True, True], [True, False, True, True]]
    # without a nodata value the type holds, uint16 uses 65535 and clips data to 65534
    out2 = write_geotiff(tmp_path / "u2.tif", a, UTM, T, output_type=1, input_dtype="uint16")
    arr2, valid2, info2 = read(out2)
    assert info2.nodata == 65535 and arr2[0, 0, 3] == 65534 and not valid2[1, 1]
    out3 = write_geotiff(tmp_path / "i.tif", a, UTM, T, output_type=1, input_dtype="int16")
    arr3, _, info3 = read(out3)
    assert info3.dtype == "int16" and info3.nodata == -9999 and arr3[0, 0, 0] == -3
    assert arr3[0, 0, 3] == 32767
    out4 = write_geotiff(tmp_path / "f.tif", a, UTM, T, output_type=1, input_dtype="float64")
    assert read_info(out4).dtype == "float64"


def test_background_writer_with_output_options(tmp_path):
    a, mask = _scene((2, 300, 260))
    with GeoTiffWriter(tmp_path / "bg.tif", 260, 300, 2, UTM, T, output_type=1, input_dtype="int16",
                       compression="zstd", cog=True) as w, BackgroundWriter(w, rows=64) as bw:
        for r in range(0, 300, 100):
            bw.write(a[:, r:r + 100] * 1e4, r, 0, mask=mask[r:r + 100])
    with rasterio.open(tmp_path / "bg.tif") as ds:
        assert ds.compression == Compression.zstd and ds.dtypes[0] == "int16"
        np.testing.assert_array_equal(ds.read()[:, mask], np.rint(a * 1e4)[:, mask].astype(np.int16))


def test_defaults_unchanged_and_failures_leave_nothing(tmp_path):
    a, mask = _scene((2, 50, 40))
    p1 = write_geotiff(tmp_path / "a.tif", a, UTM, T, mask=mask)
    p2 = write_geotiff(tmp_path / "b.tif", a, UTM, T, mask=mask, output_type=0, cog=False,
                       compression="deflate")
    with open(p1, "rb") as f1, open(p2, "rb") as f2:
        assert f1.read() == f2.read()
    with rasterio.open(p1) as ds:
        assert ds.compression == Compression.deflate and ds.dtypes[0] == "float32"
        assert ds.block_shapes[0] == (256, 256) or ds.block_shapes[0][0] <= 256
    for bad in ("out.jpg", "out.png", "out"):
        with pytest.raises(RasterError, match=r"\.tif or \.tiff"):
            write_geotiff(tmp_path / bad, a, UTM, T)
    assert sorted(os.listdir(tmp_path)) == ["a.tif", "b.tif"]
    with pytest.raises(KeyboardInterrupt):
        with GeoTiffWriter(tmp_path / "c.tif", 40, 50, 2, UTM, T, output_type=2, cog=True) as w:
            w.write(a, 0, 0)
            raise KeyboardInterrupt
    assert sorted(os.listdir(tmp_path)) == ["a.tif", "b.tif"]
    with pytest.raises(ValueError):
        GeoTiffWriter(tmp_path / "d.tif", 40, 50, 2, UTM, T, compression="lzma")
    assert write_geotiff(tmp_path / "e.TIFF", a, UTM, T).endswith("e.TIFF")


def test_true_colour_band_choice_and_stretch(tmp_path):
    from fusediff.rasters.render import layer_name, rgb_bands, stretch
    # Landsat B2..B5 (product VRT order): blue, green, red, NIR -> red = band 3, blue = band 1
    assert rgb_bands(["B2", "B3", "B4", "B5"], [482.0, 561.4, 654.6, 864.7]) == (3, 2, 1)
    assert rgb_bands(["B2", "B3", "B4", "B5"], None) == (3, 2, 1)
    assert rgb_bands(["B02", "B03", "B04", "B08"]) == (3, 2, 1)
    assert rgb_bands(["Blue", "Green", "Red", "NIR"]) == (3, 2, 1)
    assert rgb_bands(["B1", "B2", "B3", "B4"], sensor_hint="Landsat-7 ETM+") == (3, 2, 1)
    assert rgb_bands(["B5", "B6", "B7", "B8A"], [704.1, 740.5, 782.8, 864.7]) is None
    wl = list(np.linspace(400, 2500, 100))
    r, g, b = rgb_bands(None, wl)
    assert abs(wl[r - 1] - 650) < 15 and abs(wl[g - 1] - 560) < 15 and abs(wl[b - 1] - 480) < 15
    assert rgb_bands(["x", "y"], [None, None]) is None
    a, mask = _scene((3, 120, 100))
    p = write_geotiff(tmp_path / "s.tif", a, UTM, T, mask=mask)
    lims = stretch(p, [1, 2, 3])
    for k, (lo, hi) in enumerate(lims):
        ref = np.percentile(a[k][mask], [2, 98])
        assert lo < hi and abs(lo - ref[0]) < 0.05 * (ref[1] - ref[0]) + 1e-3
    assert layer_name("KSDiff", "/x/LC08_low.vrt") == "KSDiff – LC08_low"
