"""`fusediff:respandiff`: ResPanDiff pansharpening (bundled Landsat-7 weights, a weights file,
or a model fitted on the scene itself).

Thin: parameters -> rasters.align_pair -> models.respandiff.fuse -> GeoTIFF.
"""
from __future__ import annotations

from qgis.core import (QgsProcessingParameterBand, QgsProcessingParameterEnum,
                       QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm

#: WEIGHTS enum: 'auto' picks the bundled Landsat-7 weights for the ratio.
WEIGHT_CHOICES = ("auto", "landsat7-r2", "landsat7-r4")
WEIGHT_LABELS = ("Bundled Landsat-7 weights for the ratio (2 or 4)", "Bundled Landsat-7, ratio 2",
                 "Bundled Landsat-7, ratio 4")


class ResPanDiffAlgorithm(FuseDiffAlgorithm):
    NAME = "respandiff"
    DISPLAY_NAME = "ResPanDiff pansharpening (residual diffusion, 15 steps)"
    GROUP = "Pansharpening"
    GROUP_ID = "pansharpening"
    HELP_ANCHOR = "respandiff-fusediffrespandiff"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using ResPanDiff, a "
            "diffusion model that infers the residual between the upsampled MS and the sharp result in 15 "
            "steps.</p>"
            "<p>Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band PAN covering "
            "the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the pixel sizes; "
            "RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, radiance, "
            "reflectance; scaled internally).</p>"
            "<p><b>WEIGHTS</b>: the bundled weights were trained on Landsat-7 (4 bands in the order Blue, "
            "Green, Red, NIR; ratio 2 and ratio 4). Choose and order the MS bands with <b>MS_BANDS</b> (e.g. "
            "3,2,1,4 for a file storing Red, Green, Blue, NIR). <b>WEIGHTS_FILE</b> uses weights trained "
            "with <i>fusediff:train</i> instead.</p>"
            "<p><b>ADAPT_ITERS</b> &gt; 0 first fits the model on the input pair degraded once more (Wald's "
            "protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a model is then "
            "fitted from scratch, 300-1000 iterations, minutes on a CPU). Without it, a band count or ratio "
            "that differs from the weights' is an error.</p>"
            "<p><b>OUTPUT</b>: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's radiometric "
            "scale. Runtime on a CPU: about 4-5 s for a 400 x 400 PAN with 15 steps on 2 threads (measured); "
            "a tile of 448 x 448 PAN pixels costs about 1 CPU-second plus 0.6-1.2 CPU-seconds per step "
            "(fewer STEPS are faster), plus the adaptation. On a GPU typically several times faster (an "
            "estimate; not measured here).</p>"
            "<p>Reference: Cao, Deng, Deng, ResPanDiff, arXiv 2501.05091 (2025); its network's condition "
            "modules follow DDIF (Cao et al., Information Fusion 2024).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("MS", self.tr("Multispectral raster (MS)")))
        self.addParameter(QgsProcessingParameterRasterLayer("PAN", self.tr("Panchromatic raster (PAN)")))
        bands = QgsProcessingParameterBand(
            "MS_BANDS", self.tr("MS bands, in the weights' order (empty: all, as stored)"),
            parentLayerParameterName="MS", optional=True, allowMultiple=True)
        self.addParameter(bands)
        self.addParameter(QgsProcessingParameterEnum(
            "WEIGHTS", self.tr("Weights"), options=[self.tr(v) for v in WEIGHT_LABELS], defaultValue=0))
        wfile = QgsProcessingParameterFile("WEIGHTS_FILE", self.tr("Weights file (overrides WEIGHTS)"),
                                           extension="pt", optional=True)
        self.addParameter(self._advanced(wfile))
        adapt = QgsProcessingParameterNumber(
            "ADAPT_ITERS", self.tr("Scene adaptation iterations (0 = none)"),
            QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0, maxValue=100000)
        adapt.setHelp(self.tr("Fit the model on the input pair degraded once more before sharpening."))
        self.addParameter(adapt)
        steps = QgsProcessingParameterNumber("STEPS", self.tr("Sampling steps (at most 15)"),
                                             QgsProcessingParameterNumber.Integer, defaultValue=15,
                                             minValue=1, maxValue=15)
        self.addParameter(self._advanced(steps))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Sharpened raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        from ..models import respandiff as R

        ms_bands = self.parameterAsInts(parameters, "MS_BANDS", context) or None
        wfile = self.parameterAsFile(parameters, "WEIGHTS_FILE", context) or None
        weights = wfile or WEIGHT_CHOICES[self.parameterAsEnum(parameters, "WEIGHTS", context)]
        if weights == "auto":
            weights = None  # the bundled weights for the pair's ratio
        cfg = R.ResPanDiffConfig(steps=self.parameterAsInt(parameters, "STEPS", context),
                                 adapt_iters=self.parameterAsInt(parameters, "ADAPT_ITERS", context),
                                 seed=self.parameterAsInt(parameters, "SEED", context))
        feedback.pushInfo(self.tr("{0} sampling steps; scene adaptation iterations: {1}.")
                          .format(cfg.steps, cfg.adapt_iters))

        told = []  # fuse runs once per tile: say where the weights come from only once

        def fuse(pan, ms, ratio, progress):
            fused, info = R.fuse(torch.from_numpy(ms)[None], torch.from_numpy(pan)[None], ratio,
                                 weights=weights, config=cfg, progress=progress, device=device, phase=0.0,
                                 return_info=True)
            meta = info.get("meta") or {}
            if not told:
                told.append(True)
                if info.get("fresh"):
                    feedback.pushInfo(self.tr("No weights fit {0} bands: a model was fitted on this scene.")
                                      .format(ms.shape[0]))
                elif meta.get("data"):
                    feedback.pushInfo(self.tr("Weights trained on: {0}").format(meta["data"]))
            return fused[0].cpu().numpy()

        return self.fuse_scene(parameters, context, feedback, fuse, low_bands=ms_bands, min_low_bands=2,
                               require_single_high=True)
