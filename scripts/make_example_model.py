#!/usr/bin/env python3
"""Build examples/simulate_fuse_assess.model3 (a QGIS graphical model) with PyQGIS.

The model: REFERENCE raster -> fusediff:simulate (Wald's protocol: gauss9 PSF,
PAN = mean of the 450-900 nm bands) -> two fusions of the same pair,
fusediff:classical with ``method`` (default GSA) and with ``method_b`` (default
MTF-GLP-HPM) -> fusediff:assess of each against the reference (HTML/CSV
reports), so the two methods can be compared. Inputs: reference, ratio
(default 4), method, method_b. Outputs: both fused rasters and both reports.

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
        "reference raster (fusediff:simulate), fuses them with two classical methods (fusediff:classical; "
        "GSA and MTF-GLP-HPM by default) and compares each result with the reference (fusediff:assess), "
        "writing one quality report per method.")})

    def add_input(definition, x, y):
        component = QgsProcessingModelParameter(definition.name())
        component.setPosition(QPointF(x, y))
        model.addModelParameter(definition, component)

    add_input(QgsProcessingParameterRasterLayer("reference", "Reference raster"), 120, 60)
    add_input(QgsProcessingParameterNumber("ratio", "Resolution ratio", QgsProcessingParameterNumber.Integer,
                                           defaultValue=4, minValue=2), 340, 60)
    add_input(QgsProcessingParameterEnum("method", "Classical method",
                                         options=["Brovey", "GSA", "MTF-GLP-HPM"], defaultValue=1), 560, 60)
    add_input(QgsProcessingParameterEnum("method_b", "Second classical method",
                                         options=["Brovey", "GSA", "MTF-GLP-HPM"], defaultValue=2), 780, 60)

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

    def add_branch(child, method_param, x, fused_name, report_name):
        """simulate -> classical(method_param) -> assess, with the fused raster and the report as outputs."""
        classical = QgsProcessingModelChildAlgorithm("fusediff:classical")
        classical.setChildId(child)
        classical.setDescription(f"Classical fusion ({method_param})")
        classical.setPosition(QPointF(x, 320))
        classical.addParameterSources("MS", [Source.fromChildOutput("simulate", "OUTPUT_LOWRES")])
        classical.addParameterSources("PAN", [Source.fromChildOutput("simulate", "OUTPUT_HIGHRES")])
        classical.addParameterSources("METHOD", [Source.fromModelParameter(method_param)])
        classical.addParameterSources("RATIO", [Source.fromModelParameter("ratio")])
        fused = QgsProcessingModelOutput(fused_name)
        fused.setChildId(child)
        fused.setChildOutputName("OUTPUT")
        fused.setPosition(QPointF(x + 220, 360))
        classical.setModelOutputs({fused_name: fused})
        model.addChildAlgorithm(classical)

        assess_id = "assess" if child == "classical" else f"assess_{child.split('_')[-1]}"
        assess = QgsProcessingModelChildAlgorithm("fusediff:assess")
        assess.setChildId(assess_id)
        assess.setDescription(f"Assess fusion quality ({method_param})")
        assess.setPosition(QPointF(x, 460))
        assess.addParameterSources("FUSED", [Source.fromChildOutput(child, "OUTPUT")])
        assess.addParameterSources("REFERENCE", [Source.fromModelParameter("reference")])
        assess.addParameterSources("RATIO", [Source.fromModelParameter("ratio")])
        report = QgsProcessingModelOutput(report_name)
        report.setChildId(assess_id)
        report.setChildOutputName("OUTPUT_REPORT")
        report.setPosition(QPointF(x + 220, 500))
        assess.setModelOutputs({report_name: report})
        model.addChildAlgorithm(assess)

    add_branch("classical", "method", 200, "Fused raster", "Quality report")
    add_branch("classical_b", "method_b", 700, "Fused raster (second method)", "Quality report (second method)")

    model.updateDestinationParameters()
    return model


def write_model(build, path) -> int:
    """Start QGIS headless with FuseDiff registered, build a model with ``build()`` and save it to
    ``path`` (.model3); 0 on success. Shared by the example-model scripts."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
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
    model = build()
    path.parent.mkdir(exist_ok=True)
    if not model.toFile(str(path)):
        print(f"could not write {path}", file=sys.stderr)
        return 1
    print(path)
    print("parameters:", [d.name() for d in model.parameterDefinitions()])
    return 0


def main() -> int:
    return write_model(build_model, MODEL)


if __name__ == "__main__":
    sys.exit(main())
