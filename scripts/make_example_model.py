#!/usr/bin/env python3
"""Build examples/simulate_fuse_assess.model3 (a QGIS graphical model) with PyQGIS.

The model: REFERENCE raster -> fusediff:simulate (Wald's protocol: gauss9 PSF,
PAN = mean of the 450-900 nm bands) -> fusediff:classical (METHOD, default
GSA) -> fusediff:assess against the reference (HTML/CSV report). Inputs:
reference, ratio (default 4), method. Outputs: the fused raster and the report.

Written programmatically so the file stays consistent with the algorithms'
parameter names; open it in the QGIS graphical modeler to edit it.
Run: .venv/bin/python scripts/make_example_model.py
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "examples" / "simulate_fuse_assess.model3"


def build_model():
    """The QgsProcessingModelAlgorithm (needs a running QgsApplication with the provider)."""
    from qgis.PyQt.QtCore import QPointF
    from qgis.core import (QgsProcessingModelAlgorithm,
                           QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelOutput, QgsProcessingModelParameter,
                           QgsProcessingParameterEnum, QgsProcessingParameterNumber,
                           QgsProcessingParameterRasterLayer)

    model = QgsProcessingModelAlgorithm("Simulate, fuse and assess", "FuseDiff examples",
                                        "fusediff_simulate_fuse_assess")
    model.setHelpContent({"ALG_DESC": (
        "Wald's protocol in one run: simulates a low-resolution multispectral raster and a PAN from a "
        "reference raster (fusediff:simulate), fuses them with a classical method (fusediff:classical) "
        "and compares the result with the reference (fusediff:assess), writing a quality report.")})

    def add_input(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)

    add_input(QgsProcessingParameterRasterLayer("reference", "Reference raster"), 120, 60)
    add_input(QgsProcessingParameterNumber("ratio", "Resolution ratio", QgsProcessingParameterNumber.Integer,
                                           defaultValue=4, minValue=2), 340, 60)
    add_input(QgsProcessingParameterEnum("method", "Classical method",
                                         options=["Brovey", "GSA", "MTF-GLP-HPM"], defaultValue=1), 560, 60)

    simulate = QgsProcessingModelChildAlgorithm("fusediff:simulate")
    simulate.setChildId("simulate")
    simulate.setDescription("Simulate a fusion pair")
    simulate.setPosition(QPointF(200, 200))
    simulate.addParameterSources("REFERENCE", [Source.fromModelParameter("reference")])
    simulate.addParameterSources("RATIO", [Source.fromModelParameter("ratio")])
    for name, value in (("PSF", 0), ("MTF_GAIN", 0.3), ("SIGMA", 1.699), ("SRF", 0), ("SNR", 0.0),
                        ("SEED", 0)):
        simulate.addParameterSources(name, [Source.fromStaticValue(value)])
    model.addChildAlgorithm(simulate)

    classical = QgsProcessingModelChildAlgorithm("fusediff:classical")
    classical.setChildId("classical")
    classical.setDescription("Classical fusion")
    classical.setPosition(QPointF(400, 320))
    classical.addParameterSources("MS", [Source.fromChildOutput("simulate", "OUTPUT_LOWRES")])
    classical.addParameterSources("PAN", [Source.fromChildOutput("simulate", "OUTPUT_HIGHRES")])
    classical.addParameterSources("METHOD", [Source.fromModelParameter("method")])
    classical.addParameterSources("RATIO", [Source.fromModelParameter("ratio")])
    fused = QgsProcessingModelOutput("Fused raster")
    fused.setChildId("classical")
    fused.setChildOutputName("OUTPUT")
    fused.setPosition(QPointF(620, 360))
    classical.setModelOutputs({"Fused raster": fused})
    model.addChildAlgorithm(classical)

    assess = QgsProcessingModelChildAlgorithm("fusediff:assess")
    assess.setChildId("assess")
    assess.setDescription("Assess fusion quality")
    assess.setPosition(QPointF(400, 460))
    assess.addParameterSources("FUSED", [Source.fromChildOutput("classical", "OUTPUT")])
    assess.addParameterSources("REFERENCE", [Source.fromModelParameter("reference")])
    assess.addParameterSources("RATIO", [Source.fromModelParameter("ratio")])
    report = QgsProcessingModelOutput("Quality report")
    report.setChildId("assess")
    report.setChildOutputName("OUTPUT_REPORT")
    report.setPosition(QPointF(620, 500))
    assess.setModelOutputs({"Quality report": report})
    model.addChildAlgorithm(assess)

    model.updateDestinationParameters()
    return model


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT / ".plugins"))
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import fusediff
    plugin = fusediff.classFactory(None)
    plugin.initProcessing()
    model = build_model()
    MODEL.parent.mkdir(exist_ok=True)
    if not model.toFile(str(MODEL)):
        print(f"could not write {MODEL}", file=sys.stderr)
        return 1
    print(MODEL)
    print("parameters:", [d.name() for d in model.parameterDefinitions()])
    return 0


if __name__ == "__main__":
    sys.exit(main())
