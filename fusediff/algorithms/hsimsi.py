"""Shared body of the self-learning HSI-MSI fusion algorithms (SDP, ARGS-Diff).

Thin: parameters -> rasters (aligned, scaled) -> ``models.<method>.learn`` once, then
``models.<method>.fuse_tile`` per tile -> GeoTIFF.
A subclass names its models module (``MODULE``, with ``learn`` and ``fuse_tile``)
and config class (``CONFIG``). The method learns once from windows sampled
across the scene (PSF/SRF, priors), then solves tile by tile (`learnonce.LearnOnce`).
"""
from __future__ import annotations

import importlib

from qgis.core import (QgsProcessingParameterFile, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm


class HsiMsiFusionAlgorithm(FuseDiffAlgorithm):
    """HSI (low-res) + MSI (high-res) -> HSI bands on the MSI grid, optional SRF CSV."""

    GROUP = "HSI-MSI fusion"
    GROUP_ID = "hsi_msi_fusion"
    MODULE = ""   # module name under models/, e.g. "sdp"
    CONFIG = ""   # config dataclass name in models.method_configs (torch-free: read at QGIS start-up)

    def _module(self):
        return importlib.import_module(f"..models.{self.MODULE}", __package__)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("HSI", self.tr("Hyperspectral raster (HSI, low resolution)")))
        self.addParameter(QgsProcessingParameterRasterLayer("MSI", self.tr("Multispectral raster (MSI, high resolution)")))
        self.addParameter(QgsProcessingParameterFile(
            "SRF", self.tr("MSI spectral response CSV (empty: estimate)"), extension="csv", optional=True))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        from ..models import method_configs
        self.add_config_parameters(getattr(method_configs, self.CONFIG))
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Fused raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        from .learnonce import LearnOnce
        from .srf import load_srf_csv

        module = self._module()
        from ..models import method_configs
        cfg = self.config_from_parameters(getattr(method_configs, self.CONFIG), parameters, context)
        cfg.seed = self.parameterAsInt(parameters, "SEED", context)
        srf_path = self.parameterAsFile(parameters, "SRF", context) or None

        def learn(samples, ratio, progress):
            n_msi, n_hsi = samples[0].high.shape[0], samples[0].low.shape[0]
            srf = load_srf_csv(srf_path, n_hsi) if srf_path else None
            if srf is not None and srf.shape[0] != n_msi:
                raise ValueError(self.tr("The SRF file has {0} rows but the MSI has {1} bands: one row per "
                                         "MSI band is needed.").format(srf.shape[0], n_msi))
            return module.learn(samples, ratio, srf=srf, config=cfg, progress=progress, device=device)

        def solve(learned, msi, hsi, ratio, progress):
            out, _ = module.fuse_tile(learned, torch.from_numpy(hsi)[None], torch.from_numpy(msi)[None],
                                      progress=progress)
            return out[0].cpu().numpy()

        # the scene's robust maximum maps to the level the method's constants were tuned at
        method = LearnOnce(self.DISPLAY_NAME.split(" ")[0], learn, solve, feedback,
                           level=module.input_level(cfg))
        return self.fuse_scene(parameters, context, feedback, method, high="MSI", low="HSI")
