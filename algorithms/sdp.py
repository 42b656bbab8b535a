"""`fusediff:sdp`: SDP HSI-MSI fusion (spectral diffusion prior, self-learning).

Thin: parameters -> rasters (aligned, scaled) -> models.sdp.fuse -> GeoTIFF.
"""
from __future__ import annotations

from qgis.core import (QgsProcessingParameterFile, QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm


class SDPAlgorithm(FuseDiffAlgorithm):
    NAME = "sdp"
    DISPLAY_NAME = "SDP HSI-MSI fusion (spectral diffusion prior)"
    GROUP = "HSI-MSI fusion"
    GROUP_ID = "hsi_msi_fusion"
    HELP_ANCHOR = "sdp-fusediffsdp"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral "
            "raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels "
            "(no training data needed), then the high-resolution cube is solved for so that it explains "
            "both inputs while its spectra stay plausible under that model. It starts from a fast "
            "least-squares estimate in the HSI's spectral subspace.</p>"
            "<p><b>SRF</b>: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI "
            "band); empty: estimated from the pair, as is the HSI's blur.</p>"
            "<p><b>OUTPUT</b>: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's "
            "radiometric scale. Runtime: a few minutes for a 100 x 100 MSI on a CPU.</p>"
            "<p>Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral "
            "Image Super-Resolution, IEEE TGRS 62, 2024.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        from ..models.sdp import SDPConfig
        self.addParameter(QgsProcessingParameterRasterLayer("HSI", self.tr("Hyperspectral raster (HSI, low resolution)")))
        self.addParameter(QgsProcessingParameterRasterLayer("MSI", self.tr("Multispectral raster (MSI, high resolution)")))
        self.addParameter(QgsProcessingParameterFile(
            "SRF", self.tr("MSI spectral response CSV (empty: estimate)"), extension="csv", optional=True))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        self.add_config_parameters(SDPConfig)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Fused raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        from ..models import sdp
        from .srf import load_srf_csv

        cfg = self.config_from_parameters(sdp.SDPConfig, parameters, context)
        cfg.seed = self.parameterAsInt(parameters, "SEED", context)
        srf_path = self.parameterAsFile(parameters, "SRF", context) or None

        def fuse(msi, hsi, ratio, progress):
            srf = load_srf_csv(srf_path, hsi.shape[0]) if srf_path else None
            if srf is not None and srf.shape[0] != msi.shape[0]:
                raise ValueError(self.tr("The SRF file has {0} rows but the MSI has {1} bands: one row per "
                                         "MSI band is needed.").format(srf.shape[0], msi.shape[0]))
            out, info = sdp.fuse(torch.from_numpy(hsi)[None], torch.from_numpy(msi)[None], srf=srf,
                                 ratio=int(ratio), config=cfg, progress=progress, device=device)
            feedback.pushInfo(self.tr("SDP finished in {0:.1f} s (PSF/SRF {1:.1f} s, prior {2:.1f} s, "
                                      "fusion {3:.1f} s).").format(
                info["times"]["total"], info["times"]["estimate"], info["times"]["train"],
                info["times"]["init"] + info["times"]["solve"]))
            return out[0].cpu().numpy()

        return self.fuse_scene(parameters, context, feedback, fuse, high="MSI", low="HSI")
