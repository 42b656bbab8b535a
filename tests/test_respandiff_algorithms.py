"""fusediff:respandiff and fusediff:train through processing.run on small synthetic GeoTIFFs."""
from __future__ import annotations

import json

import pytest

import scenes
from qgis_run import processing_error, read_on_pan_grid, run

pytestmark = pytest.mark.usefixtures("qgis_app", "one_thread")


@pytest.fixture
def pair(tmp_path):
    return scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=2)


def test_respandiff_bundled_weights(tmp_path, pair):
    """The bundled ratio-4 weights sharpen: RMSE well below cubic upsampling's (measured 53 against
    101 on this synthetic scene with 3 steps; the real-data check is tests/test_model_quality.py)."""
    from fusediff.models import respandiff as R
    if not R.bundled_weights(4).exists():
        pytest.skip("bundled weights not built")
    ms, pan, _ref, cube = pair
    out = tmp_path / "rpd.tif"
    run("fusediff:respandiff", {"MS": ms, "PAN": pan, "STEPS": 3, "OUTPUT": str(out)})
    fused = read_on_pan_grid(out, pan, 4)
    err, err_cubic = scenes.rmse_against_cubic(fused, ms, cube)  # in the input's scale
    assert err < 0.75 * err_cubic, (err, err_cubic)


def test_respandiff_band_mismatch_is_a_clear_error(tmp_path, pair):
    from fusediff.models import respandiff as R
    if not R.bundled_weights(4).exists():
        pytest.skip("bundled weights not built")
    ms, pan, _ref, _cube = pair
    out = tmp_path / "bad.tif"
    msg = processing_error("fusediff:respandiff", {"MS": ms, "PAN": pan, "MS_BANDS": [1, 2, 3],
                                                   "OUTPUT": str(out)})
    assert "expect 4 MS bands" in msg and "ADAPT_ITERS" in msg
    assert not out.exists()


def test_train_then_use_weights_file_and_adapt(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    weights = tmp_path / "mine.pt"
    run("fusediff:train", {"PANS": [pan], "MSS": [ms], "MS_BANDS": "1,2,3", "ITERATIONS": 4, "BATCH": 2,
                           "PATCH": 16, "OUTPUT": str(weights)})
    card = json.loads(weights.with_suffix(".json").read_text())
    assert card["bands"] == 3 and card["ratio"] == 4 and card["iterations"] == 4
    assert not list(tmp_path.glob("*.partial*"))
    out = tmp_path / "mine.tif"
    run("fusediff:respandiff", {"MS": ms, "PAN": pan, "MS_BANDS": [1, 2, 3], "WEIGHTS_FILE": str(weights),
                                "STEPS": 2, "ADAPT_ITERS": 3, "OUTPUT": str(out)})
    read_on_pan_grid(out, pan, 3)
