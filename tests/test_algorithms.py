"""The FuseDiff Processing algorithms through processing.run on small synthetic GeoTIFFs.

Checks georeferencing of the outputs (high-res CRS/transform, grid
convention), band metadata, that results are sensible, and the bad-input
matrix: each bad input raises QgsProcessingException with a sentence that
names the problem, and leaves no output file.
"""
from __future__ import annotations

import csv
import math

import numpy as np
import pytest
import rasterio

import scenes
from qgis_run import processing_error, run
from conftest import shared_data

pytestmark = pytest.mark.usefixtures("qgis_app")


def no_files_like(folder, name):
    """No output and no temporary file of it in ``folder``."""
    return not any(name in p.name for p in folder.iterdir())


@pytest.fixture
def pair(tmp_path):
    return scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=1)


# ---------------------------------------------------------------------------
# classical
# ---------------------------------------------------------------------------

@pytest.mark.parametrize("method", [0, 1, 2])
def test_classical_pansharpening(tmp_path, pair, method):
    ms, pan, ref, cube = pair
    out = tmp_path / f"fused_{method}.tif"
    result = run("fusediff:classical", {"METHOD": method, "MS": ms, "PAN": pan, "OUTPUT": str(out)})
    assert result["OUTPUT"] == str(out)
    with rasterio.open(out) as ds, rasterio.open(pan) as p:
        assert ds.crs == p.crs
        assert ds.transform.almost_equals(p.transform)
        assert (ds.width, ds.height, ds.count) == (64, 64, 4)
        assert ds.dtypes[0] == "float32"
        assert list(ds.descriptions) == list(scenes.BAND_NAMES)
        assert float(ds.tags(1)["wavelength"]) == pytest.approx(480.0)
        fused = ds.read()
    assert np.isfinite(fused).all()
    # Back in the input's radiometric scale, and much closer to the truth than the
    # low-resolution input upsampled by pixel replication.
    inner = (slice(None), slice(4, -4), slice(4, -4))
    err = np.sqrt(np.mean((fused[inner] - cube[inner]) ** 2))
    with rasterio.open(ms) as ds:
        blocky = np.kron(ds.read(), np.ones((1, 4, 4), np.float32))
    err_blocky = np.sqrt(np.mean((blocky[inner] - cube[inner]) ** 2))
    assert 0.5 * cube.mean() < fused.mean() < 2 * cube.mean()
    assert err < 0.7 * err_blocky, (err, err_blocky)


def test_classical_cnmf_hsi_msi(tmp_path):
    cube = scenes.reference_cube(bands=12, size=48, seed=3)
    th = scenes.high_transform()
    hsi = scenes.write(tmp_path / "hsi.tif", scenes.degrade(cube, 4), scenes.low_transform(th, 4))
    srf = np.zeros((3, 12))
    for k in range(3):
        srf[k, 4 * k:4 * k + 4] = 0.25
    msi = scenes.write(tmp_path / "msi.tif", np.tensordot(srf, cube, axes=1), th)
    out = tmp_path / "cnmf.tif"
    run("fusediff:classical", {"METHOD": 3, "MS": hsi, "PAN": msi, "OUTPUT": str(out)})
    with rasterio.open(out) as ds:
        assert (ds.count, ds.height, ds.width) == (12, 48, 48)
        assert ds.transform.almost_equals(th)
        fused = ds.read()
    assert np.isfinite(fused).all()
    with rasterio.open(hsi) as ds:
        blocky = np.kron(ds.read(), np.ones((1, 4, 4), np.float32))
    inner = (slice(None), slice(4, -4), slice(4, -4))
    assert np.abs(fused - cube)[inner].mean() < np.abs(blocky - cube)[inner].mean()


def test_classical_nodata_is_written_as_nodata(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    with rasterio.open(pan) as ds:
        values, transform = ds.read(1), ds.transform
    values[10:14, 20:30] = np.nan  # a NaN hole in the PAN
    pan_hole = scenes.write(tmp_path / "pan_hole.tif", values, transform)
    out = tmp_path / "fused_hole.tif"
    run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan_hole, "OUTPUT": str(out)})
    with rasterio.open(out) as ds:
        fused = ds.read(1)
        nodata = ds.nodata
    assert nodata is not None
    assert (fused[10:14, 20:30] == nodata).all()
    assert (fused[30:, :] != nodata).all()


def test_classical_ratio_parameter_matches_measured(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    a, b = tmp_path / "a.tif", tmp_path / "b.tif"
    run("fusediff:classical", {"METHOD": 2, "MS": ms, "PAN": pan, "OUTPUT": str(a)})
    run("fusediff:classical", {"METHOD": 2, "MS": ms, "PAN": pan, "RATIO": 4, "OUTPUT": str(b)})
    with rasterio.open(a) as x, rasterio.open(b) as y:
        np.testing.assert_array_equal(x.read(), y.read())


# ---------------------------------------------------------------------------
# bad input: message + no output file
# ---------------------------------------------------------------------------

def test_bad_non_overlapping(tmp_path, pair):
    ms, _pan, _ref, cube = pair
    far = scenes.high_transform(origin=(600000.0, 4300000.0))
    pan_far = scenes.write(tmp_path / "pan_far.tif", cube.mean(axis=0), far)
    out = tmp_path / "out_overlap.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan_far, "OUTPUT": str(out)})
    assert "do not overlap" in msg
    assert no_files_like(tmp_path, "out_overlap")


def test_bad_one_band_ms(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    with rasterio.open(ms) as ds:
        one = scenes.write(tmp_path / "ms1.tif", ds.read(1), ds.transform)
    out = tmp_path / "out_oneband.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 0, "MS": one, "PAN": pan, "OUTPUT": str(out)})
    assert "1 band" in msg and "at least 2" in msg
    assert no_files_like(tmp_path, "out_oneband")


def test_bad_nan_everywhere(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    with rasterio.open(ms) as ds:
        nan_ms = scenes.write(tmp_path / "ms_nan.tif", np.full((4, ds.height, ds.width), np.nan), ds.transform)
    out = tmp_path / "out_nan.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": nan_ms, "PAN": pan, "OUTPUT": str(out)})
    assert "no pixel that is valid" in msg
    assert no_files_like(tmp_path, "out_nan")


@pytest.mark.parametrize("ratio", [1, 0.5])
def test_bad_ratio(tmp_path, pair, ratio):
    ms, pan, _ref, _cube = pair
    out = tmp_path / "out_ratio.tif"
    msg = processing_error("fusediff:classical",
                           {"METHOD": 1, "MS": ms, "PAN": pan, "RATIO": ratio, "OUTPUT": str(out)})
    assert "ratio must be greater than 1" in msg
    assert no_files_like(tmp_path, "out_ratio")


def test_bad_unreadable_file(tmp_path, pair):
    _ms, pan, _ref, _cube = pair
    junk = tmp_path / "junk.tif"
    junk.write_bytes(b"this is not a GeoTIFF" * 10)
    out = tmp_path / "out_junk.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": str(junk), "PAN": pan, "OUTPUT": str(out)})
    assert "Cannot read the raster" in msg and "junk.tif" in msg
    assert no_files_like(tmp_path, "out_junk")


def test_bad_missing_file(tmp_path, pair):
    ms, _pan, _ref, _cube = pair
    out = tmp_path / "out_missing.tif"
    msg = processing_error("fusediff:classical",
                           {"METHOD": 1, "MS": ms, "PAN": str(tmp_path / "nope.tif"), "OUTPUT": str(out)})
    assert "does not exist" in msg
    assert no_files_like(tmp_path, "out_missing")


def test_bad_output_is_input(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    before = open(ms, "rb").read()
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": ms})
    assert "never overwritten" in msg
    assert open(ms, "rb").read() == before


def test_bad_multiband_pan_needs_band(tmp_path, pair):
    ms, _pan, _ref, cube = pair
    pan3 = scenes.write(tmp_path / "pan3.tif", cube[:3], scenes.high_transform())
    out = tmp_path / "out_pan3.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan3, "OUTPUT": str(out)})
    assert "3 bands" in msg
    assert no_files_like(tmp_path, "out_pan3")
    # With PAN_BAND it works.
    run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan3, "PAN_BAND": 2, "OUTPUT": str(out)})
    assert out.exists()


def test_cancel_leaves_no_output(tmp_path, pair):
    from qgis.core import QgsProcessingFeedback
    ms, pan, _ref, _cube = pair
    feedback = QgsProcessingFeedback()
    feedback.cancel()
    out = tmp_path / "out_cancel.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(out)},
                           feedback=feedback)
    assert "Cancelled" in msg
    assert no_files_like(tmp_path, "out_cancel")


# ---------------------------------------------------------------------------
# simulate
# ---------------------------------------------------------------------------

def test_simulate_pan_grid_convention(tmp_path, pair):
    from fusediff.rasters import align_pair
    _ms, _pan, ref, cube = pair
    low, high = tmp_path / "sim_low.tif", tmp_path / "sim_high.tif"
    result = run("fusediff:simulate", {"REFERENCE": ref, "RATIO": 4, "PSF": 0, "SRF": 0, "SNR": 0,
                                       "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)})
    assert result["OUTPUT_LOWRES"] == str(low) and result["OUTPUT_HIGHRES"] == str(high)
    th = scenes.high_transform()
    with rasterio.open(low) as lo, rasterio.open(high) as hi:
        assert (lo.count, lo.height, lo.width) == (4, 16, 16)
        assert (hi.count, hi.height, hi.width) == (1, 64, 64)
        assert hi.transform.almost_equals(th)
        assert lo.transform.almost_equals(scenes.low_transform(th, 4))
        assert lo.crs == hi.crs
        assert list(lo.descriptions) == list(scenes.BAND_NAMES)
        low_values, high_values = lo.read(), hi.read(1)
    # Same numbers as the NumPy reference implementation of gauss9 + decimation.
    np.testing.assert_allclose(low_values, scenes.degrade(cube, 4), rtol=1e-4, atol=1e-2)
    # All four bands lie in 450-900 nm: the PAN is their mean.
    np.testing.assert_allclose(high_values, cube.mean(axis=0), rtol=1e-5)
    # Aligning the outputs gives the simulated arrays back (no resampling).
    aligned = align_pair(str(high), str(low))
    assert aligned.ratio == 4
    np.testing.assert_allclose(aligned.low, low_values, rtol=1e-5)


def test_simulate_ikonos_noise_seed(tmp_path):
    cube = scenes.reference_cube(bands=10, size=32, seed=5)
    wl = list(np.linspace(420, 900, 10))
    ref = scenes.write(tmp_path / "hsi_ref.tif", cube, scenes.high_transform(), wavelengths=wl)
    outs = []
    for k, seed in enumerate((7, 7, 8)):
        low, high = tmp_path / f"l{k}.tif", tmp_path / f"h{k}.tif"
        run("fusediff:simulate", {"REFERENCE": ref, "RATIO": 2, "PSF": 1, "MTF_GAIN": 0.3, "SRF": 1,
                                  "SNR": 30, "SEED": seed, "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)})
        with rasterio.open(low) as lo, rasterio.open(high) as hi:
            outs.append((lo.read(), hi.read()))
            assert hi.count == 4 and list(hi.descriptions) == ["Blue", "Green", "Red", "NIR"]
            assert (lo.height, lo.width) == (16, 16)
    np.testing.assert_array_equal(outs[0][0], outs[1][0])  # same seed, same noise
    assert not np.array_equal(outs[0][1], outs[2][1])       # another seed, other noise
    # Noise power about 30 dB below the signal power.
    from fusediff.models.operators import ikonos_like_srf
    clean = np.tensordot(ikonos_like_srf(wl), cube, axes=1)
    noise = outs[0][1] - clean
    snr = 10 * np.log10((clean ** 2).mean() / (noise ** 2).mean())
    assert 28 < snr < 32


def test_simulate_csv_srf_and_bad_csv(tmp_path, pair):
    _ms, _pan, ref, cube = pair
    good = tmp_path / "srf.csv"
    good.write_text("band,b1,b2,b3,b4\nA,1,1,0,0\nB,0,0,1,3\n")
    low, high = tmp_path / "cl.tif", tmp_path / "ch.tif"
    run("fusediff:simulate", {"REFERENCE": ref, "RATIO": 2, "SRF": 2, "SRF_FILE": str(good),
                              "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)})
    with rasterio.open(high) as hi:
        values = hi.read()
    np.testing.assert_allclose(values[1], 0.25 * cube[2] + 0.75 * cube[3], rtol=1e-5)
    bad = tmp_path / "bad.csv"
    bad.write_text("1,1,1\n")
    low2, high2 = tmp_path / "bl.tif", tmp_path / "bh.tif"
    msg = processing_error("fusediff:simulate", {"REFERENCE": ref, "RATIO": 2, "SRF": 2, "SRF_FILE": str(bad),
                                                 "OUTPUT_LOWRES": str(low2), "OUTPUT_HIGHRES": str(high2)})
    assert "3 columns" in msg and "4 bands" in msg
    assert not low2.exists() and not high2.exists()


def test_simulate_bad_ratio(tmp_path, pair):
    _ms, _pan, ref, _cube = pair
    low, high = tmp_path / "rl.tif", tmp_path / "rh.tif"
    msg = processing_error("fusediff:simulate", {"REFERENCE": ref, "RATIO": 1,
                                                 "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)})
    assert "2 or more" in msg
    assert not low.exists() and not high.exists()


# ---------------------------------------------------------------------------
# assess
# ---------------------------------------------------------------------------

def test_assess_reference_identical_and_report(tmp_path, pair):
    _ms, _pan, ref, _cube = pair
    report = tmp_path / "same.html"
    res = run("fusediff:assess", {"FUSED": ref, "REFERENCE": ref, "RATIO": 4, "OUTPUT_REPORT": str(report)})
    assert math.isinf(res["PSNR"]) or res["PSNR"] > 100
    assert res["SAM"] == pytest.approx(0.0, abs=1e-4)
    assert res["Q2N"] == pytest.approx(1.0, abs=1e-6)
    assert res["ERGAS"] == pytest.approx(0.0, abs=1e-6)
    text = report.read_text()
    assert "<table" in text and "PSNR" in text and "ERGAS" in text


def test_assess_reference_csv_matches_metrics(tmp_path, pair):
    from fusediff.models import metrics
    ms, pan, ref, cube = pair
    fused = tmp_path / "f.tif"
    run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(fused)})
    report = tmp_path / "r.csv"
    res = run("fusediff:assess", {"FUSED": str(fused), "REFERENCE": ref, "MS": ms, "OUTPUT_REPORT": str(report)})
    with rasterio.open(fused) as ds:
        x = ds.read()
    expected = metrics.reference_metrics(x / cube.max(), cube / cube.max(), 4)
    for name, key in (("PSNR", "psnr"), ("SAM", "sam"), ("ERGAS", "ergas"), ("Q2N", "q2n")):
        assert res[name] == pytest.approx(expected[key], rel=1e-4)
    rows = {r["metric"]: float(r["value"]) for r in csv.DictReader(report.open())}
    assert rows["PSNR (dB)"] == pytest.approx(res["PSNR"])
    assert 15 < res["PSNR"] < 80


def test_assess_no_reference(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    fused = tmp_path / "f.tif"
    run("fusediff:classical", {"METHOD": 2, "MS": ms, "PAN": pan, "OUTPUT": str(fused)})
    report = tmp_path / "nr.html"
    res = run("fusediff:assess", {"FUSED": str(fused), "MS": ms, "PAN": pan, "OUTPUT_REPORT": str(report)})
    for key in ("D_LAMBDA", "D_S", "QNR", "HQNR"):
        assert 0.0 <= res[key] <= 1.0, (key, res[key])
    assert "PSNR" not in res
    assert report.exists()


def test_assess_needs_reference_or_inputs(tmp_path, pair):
    _ms, _pan, ref, _cube = pair
    report = tmp_path / "x.html"
    msg = processing_error("fusediff:assess", {"FUSED": ref, "OUTPUT_REPORT": str(report)})
    assert "REFERENCE" in msg
    assert not report.exists()


def test_cancel_during_cnmf_leaves_no_output(tmp_path):
    """Cancelling while the method runs (not before) stops it and leaves nothing behind."""
    from qgis.core import QgsProcessingFeedback

    class CancelLater(QgsProcessingFeedback):
        calls = 0

        def setProgress(self, value):  # noqa: N802
            type(self).calls += 1
            if value > 10:  # inside the method's own progress range
                self.cancel()
            super().setProgress(value)

    cube = scenes.reference_cube(bands=12, size=48, seed=3)
    th = scenes.high_transform()
    hsi = scenes.write(tmp_path / "hsi.tif", scenes.degrade(cube, 4), scenes.low_transform(th, 4))
    msi = scenes.write(tmp_path / "msi.tif", cube[::4], th)
    out = tmp_path / "out_cnmf_cancel.tif"
    msg = processing_error("fusediff:classical", {"METHOD": 3, "MS": hsi, "PAN": msi, "OUTPUT": str(out)},
                           feedback=CancelLater())
    assert "Cancelled" in msg
    assert CancelLater.calls >= 2
    assert no_files_like(tmp_path, "out_cnmf_cancel")


def test_gsa_pleiades_geotiffs_bars(tmp_path):
    """issue 2 bars for GSA on pleiades_reduced_256.mat, through the algorithm (alignment included)."""
    from fusediff.models import metrics
    ms, pan, gt = scenes.write_reduced_mat(shared_data("pansharpening", "pleiades_reduced_256.mat"), tmp_path)
    out = tmp_path / "gsa.tif"
    run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(out)})
    with rasterio.open(out) as ds, rasterio.open(gt) as g:
        x, ref = ds.read(), g.read()
    m = metrics.reference_metrics(x / ref.max(), ref / ref.max(), 4)
    print("pleiades GSA through processing.run:", {k: round(v, 3) for k, v in m.items()})
    assert m["psnr"] >= 34.4 and m["sam"] <= 3.77 and m["ergas"] <= 2.73
