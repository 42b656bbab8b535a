"""The example graphical model (examples/simulate_fuse_assess.model3) run headless."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import rasterio

import scenes

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "examples" / "simulate_fuse_assess.model3"


def test_model_file_matches_generator(qgis_app):
    """The shipped .model3 has the inputs, children and outputs the generator script defines."""
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    assert sorted(model.childAlgorithms().keys()) == ["assess", "assess_b", "classical", "classical_b",
                                                      "simulate"]
    names = {d.name() for d in model.parameterDefinitions()}
    assert {"reference", "ratio", "method", "method_b", "classical:Fused raster", "assess:Quality report",
            "classical_b:Fused raster (second method)", "assess_b:Quality report (second method)"} <= names
    assert model.childAlgorithm("classical").algorithmId() == "fusediff:classical"
    assert model.childAlgorithm("classical_b").algorithmId() == "fusediff:classical"


def test_model_runs_headless(qgis_app, tmp_path):
    import processing
    from qgis.core import QgsProcessingModelAlgorithm
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(MODEL))
    _ms, _pan, ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=2)
    fused, fused_b = tmp_path / "model_fused.tif", tmp_path / "model_fused_b.tif"
    report, report_b = tmp_path / "model_report.csv", tmp_path / "model_report_b.csv"
    result = processing.run(model, {"reference": ref, "ratio": 4, "method": 1, "method_b": 2,
                                    "classical:Fused raster": str(fused),
                                    "assess:Quality report": str(report),
                                    "classical_b:Fused raster (second method)": str(fused_b),
                                    "assess_b:Quality report (second method)": str(report_b)})
    assert Path(result["classical:Fused raster"]) == fused
    assert Path(result["classical_b:Fused raster (second method)"]) == fused_b
    arrays = []
    for path in (fused, fused_b):
        with rasterio.open(path) as ds, rasterio.open(ref) as r:
            assert ds.crs == r.crs and ds.transform.almost_equals(r.transform)
            assert ds.count == 4 and np.isfinite(ds.read()).all()
            arrays.append(ds.read())
    assert not np.allclose(arrays[0], arrays[1])  # two different methods (GSA, MTF-GLP-HPM)
    for path in (report, report_b):
        rows = dict(line.split(",")[:2] for line in path.read_text().splitlines()[1:])
        psnr = float(rows["PSNR (dB)"])
        assert 20 < psnr < 90, psnr
