#!/usr/bin/env python3
"""Build examples/landsat_product_ksdiff.model3 (a QGIS graphical model) with PyQGIS.

The model: a Landsat 8/9 Collection 2 product (its *_MTL.txt) -> fusediff:prepare_product
(reflectance VRTs: B1-B7 at 30 m, the 15 m pan B8) -> fusediff:ksdiff on B2, B3, B4, B5 (MS_BANDS
2, 3, 4, 5: blue, green, red, NIR, the bundled weights' order) sharpened by the pan ->
fusediff:assess at full resolution (no reference: D_lambda, D_s, QNR, HQNR of the fused raster
against the same bands and the pan). Inputs: product. Outputs: the fused raster and the report.

Written programmatically so the file stays consistent with the algorithms' parameter names; open
it in the QGIS graphical modeler to edit it. Run: .venv/bin/python scripts/make_product_model.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL = ROOT / "examples" / "landsat_product_ksdiff.model3"
MS_BANDS = [2, 3, 4, 5]


def build_model():
    """The QgsProcessingModelAlgorithm (needs a running QgsApplication with the provider)."""
    from qgis.PyQt.QtCore import QPointF
    from qgis.core import (QgsProcessingModelAlgorithm, QgsProcessingModelChildAlgorithm,
                           QgsProcessingModelChildParameterSource as Source,
                           QgsProcessingModelOutput, QgsProcessingModelParameter,
                           QgsProcessingParameterFile)

    model = QgsProcessingModelAlgorithm("Landsat product: KSDiff pansharpening", "FuseDiff examples",
                                        "fusediff_landsat_product_ksdiff")
    model.setHelpContent({"ALG_DESC": (
        "From a Landsat 8/9 Collection 2 product to a pansharpened reflectance raster in one run: "
        "fusediff:prepare_product reads the MTL file (top-of-atmosphere reflectance, band names and "
        "wavelengths), fusediff:ksdiff sharpens bands B2, B3, B4, B5 with the 15 m pan, and "
        "fusediff:assess measures the result at full resolution (D_lambda, D_s, QNR, HQNR).")})
    product = QgsProcessingParameterFile("product", "Landsat Collection 2 MTL file (*_MTL.txt)",
                                         extension="txt")
    component = QgsProcessingModelParameter("product")
    component.setPosition(QPointF(120, 60))
    model.addModelParameter(product, component)

    prepare = QgsProcessingModelChildAlgorithm("fusediff:prepare_product")
    prepare.setChildId("prepare_product")
    prepare.setDescription("Prepare the Landsat product")
    prepare.setPosition(QPointF(200, 180))
    prepare.addParameterSources("PRODUCT", [Source.fromModelParameter("product")])
    prepare.addParameterSources("SUN_ELEVATION", [Source.fromStaticValue(True)])
    model.addChildAlgorithm(prepare)

    ksdiff = QgsProcessingModelChildAlgorithm("fusediff:ksdiff")
    ksdiff.setChildId("ksdiff")
    ksdiff.setDescription("KSDiff pansharpening (B2, B3, B4, B5)")
    ksdiff.setPosition(QPointF(200, 320))
    ksdiff.addParameterSources("MS", [Source.fromChildOutput("prepare_product", "OUTPUT_LOWRES")])
    ksdiff.addParameterSources("PAN", [Source.fromChildOutput("prepare_product", "OUTPUT_HIGHRES")])
    ksdiff.addParameterSources("MS_BANDS", [Source.fromStaticValue(MS_BANDS)])
    fused = QgsProcessingModelOutput("Fused raster")
    fused.setChildId("ksdiff")
    fused.setChildOutputName("OUTPUT")
    fused.setPosition(QPointF(440, 360))
    ksdiff.setModelOutputs({"Fused raster": fused})
    model.addChildAlgorithm(ksdiff)

    assess = QgsProcessingModelChildAlgorithm("fusediff:assess")
    assess.setChildId("assess")
    assess.setDescription("Assess at full resolution (no reference)")
    assess.setPosition(QPointF(200, 460))
    assess.addParameterSources("FUSED", [Source.fromChildOutput("ksdiff", "OUTPUT")])
    assess.addParameterSources("MS", [Source.fromChildOutput("prepare_product", "OUTPUT_LOWRES")])
    assess.addParameterSources("PAN", [Source.fromChildOutput("prepare_product", "OUTPUT_HIGHRES")])
    assess.addParameterSources("MS_BANDS", [Source.fromStaticValue(MS_BANDS)])
    report = QgsProcessingModelOutput("Quality report")
    report.setChildId("assess")
    report.setChildOutputName("OUTPUT_REPORT")
    report.setPosition(QPointF(440, 500))
    assess.setModelOutputs({"Quality report": report})
    model.addChildAlgorithm(assess)

    model.updateDestinationParameters()
    return model


def main() -> int:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    from make_example_model import write_model
    return write_model(build_model, MODEL)


if __name__ == "__main__":
    sys.exit(main())
