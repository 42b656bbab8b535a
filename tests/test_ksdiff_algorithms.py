"""fusediff:ksdiff (and fusediff:train METHOD KSDiff) through processing.run on small synthetic GeoTIFFs."""
from __future__ import annotations

import json

import numpy as np
import pytest

import scenes
from qgis_run import processing_error, read_on_pan_grid, run

pytestmark = pytest.mark.usefixtures("qgis_app", "one_thread")


@pytest.fixture
def pair(tmp_path):
    return scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=5)


@pytest.fixture
def weights_file(tmp_path):
    """An untrained 4-band ratio-4 KSDiff weights file (the net returns the upsampled MS)."""
    from fusediff.models import ksdiff as K
    return str(K.save_weights(tmp_path / "ks.pt", K.KSDiffModel(4, width=8, zdim=16, plfe_width=8),
                              {"ratio": 4, "band_order": ["Blue", "Green", "Red", "NIR"]}))


def test_ksdiff_weights_file_output_on_the_pan_grid(tmp_path, pair, weights_file):
    ms, pan, _ref, cube = pair
    out = tmp_path / "ks.tif"
    run("fusediff:ksdiff", {"MS": ms, "PAN": pan, "WEIGHTS_FILE": weights_file, "OUTPUT": str(out)})
    fused = read_on_pan_grid(out, pan, 4)
    assert np.isfinite(fused).all()
    # untrained: the upsampled MS, in the MS's radiometric scale
    assert np.allclose(fused.mean(axis=(1, 2)), cube.mean(axis=(1, 2)), rtol=0.1)


def test_ksdiff_bundled_weights(tmp_path, pair):
    """The bundled ratio-4 weights sharpen: RMSE well below cubic upsampling's (measured 59 against
    100 on this synthetic scene; the real-data check is tests/test_model_quality.py)."""
    from fusediff.models import ksdiff as K
    if not K.bundled_weights(4).exists():
        pytest.skip("bundled KSDiff weights not built")
    ms, pan, _ref, cube = pair
    out = tmp_path / "ksb.tif"
    run("fusediff:ksdiff", {"MS": ms, "PAN": pan, "OUTPUT": str(out)})
    fused = read_on_pan_grid(out, pan, 4)
    err, err_cubic = scenes.rmse_against_cubic(fused, ms, cube)
    assert err < 0.75 * err_cubic, (err, err_cubic)


def test_ksdiff_band_mismatch_is_a_clear_error(tmp_path, pair, weights_file):
    ms, pan, _ref, _cube = pair
    out = tmp_path / "bad.tif"
    msg = processing_error("fusediff:ksdiff", {"MS": ms, "PAN": pan, "MS_BANDS": [1, 2, 3],
                                               "WEIGHTS_FILE": weights_file, "OUTPUT": str(out)})
    assert "expect 4 MS bands" in msg and "ADAPT_ITERS" in msg
    assert not out.exists()


def test_train_ksdiff_then_use_it_with_adaptation(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    weights = tmp_path / "mine.pt"
    run("fusediff:train", {"METHOD": 1, "PANS": [pan], "MSS": [ms], "MS_BANDS": "1,2,3", "ITERATIONS": 4,
                           "ITERATIONS2": 3, "BATCH": 2, "PATCH": 16, "OUTPUT": str(weights)})
    card = json.loads(weights.with_suffix(".json").read_text())
    assert card["method"] == "KSDiff" and card["bands"] == 3 and card["ratio"] == 4
    assert card["iterations_stage1"] == 4 and card["iterations_stage2"] == 3
    assert not list(tmp_path.glob("*.partial*"))
    out = tmp_path / "mine.tif"
    run("fusediff:ksdiff", {"MS": ms, "PAN": pan, "MS_BANDS": [1, 2, 3], "WEIGHTS_FILE": str(weights),
                            "STEPS": 2, "ADAPT_ITERS": 3, "OUTPUT": str(out)})
    read_on_pan_grid(out, pan, 3)


def test_ksdiff_new_band_count_fits_a_model_that_refines_mtf_glp_hpm(tmp_path, pair):
    """3 bands with the 4-band bundled weights and ADAPT_ITERS: a model is fitted from scratch on the
    scene; barely trained, it returns (nearly) MTF-GLP-HPM of the aligned pair, not the upsampled MS."""
    from fusediff.models import classical
    from fusediff.models import ksdiff as K
    from fusediff.rasters import align_pair
    if not K.bundled_weights(4).exists():
        pytest.skip("bundled KSDiff weights not built")
    ms, pan, _ref, _cube = pair
    out = tmp_path / "new.tif"
    run("fusediff:ksdiff", {"MS": ms, "PAN": pan, "MS_BANDS": [1, 2, 3], "ADAPT_ITERS": 2, "STEPS": 1,
                            "OUTPUT": str(out)})
    fused = read_on_pan_grid(out, pan, 3)
    aligned = align_pair(pan, ms, low_bands=[1, 2, 3])
    hpm = classical.mtf_glp_hpm(aligned.high, aligned.low, 4)
    lms = classical.upsample_baseline(aligned.low, 4)
    assert np.isfinite(fused).all()
    # (with the upsampled MS as base the ratio would be about 1)
    assert np.abs(fused - hpm).mean() < 0.5 * np.abs(lms - hpm).mean()
