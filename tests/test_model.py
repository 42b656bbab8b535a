"""The example graphical model (examples/simulate_fuse_assess.model3) run headless."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import rasterio

import scenes

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "examples" / "simulate_fuse_assess.model3"


def test_model_file_matches_generator(qgis_app):
    """The shipped .model3 has the inputs, children and outputs the generator script defines."""
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert sorted(model.childAlgorithms().keys()) == ["assess", "classical", "simulate"]
    names = {d.name() for d in model.parameterDefinitions()}
    assert {"reference", "ratio", "method", "classical:Fused raster", "assess:Quality report"} <= names
    assert model.childAlgorithm("classical").algorithmId() == "fusediff:classical"


def test_model_runs_headless(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    _ms, _pan, ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=2)
    fused = tmp_path / "model_fused.tif"
    report = tmp_path / "model_report.csv"
    result = processing.run(model, {"reference": ref, "ratio": 4, "method": 1,
                                    "classical:Fused raster": str(fused),
                                    "assess:Quality report": str(report)})
    assert Path(result["classical:Fused raster"]) == fused
    with rasterio.open(fused) as ds, rasterio.open(ref) as r:
        assert ds.crs == r.crs and ds.transform.almost_equals(r.transform)
        assert ds.count == 4 and np.isfinite(ds.read()).all()
    rows = dict(line.split(",")[:2] for line in report.read_text().splitlines()[1:])
    psnr = float(rows["PSNR (dB)"])
    assert 20 < psnr < 90, psnr
