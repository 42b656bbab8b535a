"""`fusediff:argsdiff`: ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion).

Thin: parameters -> rasters (aligned, scaled) -> models.argsdiff.fuse -> GeoTIFF.
"""
from __future__ import annotations

from qgis.core import (QgsProcessingParameterFile, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm


class ARGSDiffAlgorithm(FuseDiffAlgorithm):
    NAME = "argsdiff"
    DISPLAY_NAME = "ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion)"
    GROUP = "HSI-MSI fusion"
    GROUP_ID = "hsi_msi_fusion"
    HELP_ANCHOR = "args-diff-fusediffargsdiff"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral "
            "raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis "
            "spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches "
            "of the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No "
            "training data is needed.</p>"
            "<p><b>SRF</b>: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI "
            "band); empty: estimated from the pair, as is the HSI's blur.</p>"
            "<p><b>OUTPUT</b>: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's "
            "radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.</p>"
            "<p>Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image "
            "Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        from ..models.argsdiff import ARGSDiffConfig
        self.addParameter(QgsProcessingParameterRasterLayer("HSI", self.tr("Hyperspectral raster (HSI, low resolution)")))
        self.addParameter(QgsProcessingParameterRasterLayer("MSI", self.tr("Multispectral raster (MSI, high resolution)")))
        self.addParameter(QgsProcessingParameterFile(
            "SRF", self.tr("MSI spectral response CSV (empty: estimate)"), extension="csv", optional=True))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        self.add_config_parameters(ARGSDiffConfig)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Fused raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        from ..models import argsdiff
        from .srf import load_srf_csv

        cfg = self.config_from_parameters(argsdiff.ARGSDiffConfig, parameters, context)
        cfg.seed = self.parameterAsInt(parameters, "SEED", context)
        srf_path = self.parameterAsFile(parameters, "SRF", context) or None

        def fuse(msi, hsi, ratio, progress):
            srf = load_srf_csv(srf_path, hsi.shape[0]) if srf_path else None
            if srf is not None and srf.shape[0] != msi.shape[0]:
                raise ValueError(self.tr("The SRF file has {0} rows but the MSI has {1} bands: one row per "
                                         "MSI band is needed.").format(srf.shape[0], msi.shape[0]))
            out, info = argsdiff.fuse(torch.from_numpy(hsi)[None], torch.from_numpy(msi)[None], srf=srf,
                                      ratio=int(ratio), config=cfg, progress=progress, device=device)
            feedback.pushInfo(self.tr("ARGS-Diff finished in {0:.1f} s.").format(info["time"]["total"]))
            return out[0].numpy()

        return self.fuse_scene(parameters, context, feedback, fuse, high="MSI", low="HSI")
