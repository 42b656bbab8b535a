"""`fusediff:dmzs`: DM-ZS hyperspectral pansharpening (frozen 3-channel diffusion prior,
zero-shot guidance, neural spatial-spectral decomposition).

Thin: parameters -> rasters (aligned, scaled) -> models.dmzs.learn once (operators, f_psi, prior),
then models.dmzs.fuse_tile per tile -> GeoTIFF.
"""
from __future__ import annotations

from qgis.core import (QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm

PRIOR_CHOICES = ("bundled", "scene", "file")
PRIOR_LABELS = ("Bundled small prior (Landsat RGB)", "Trained on this scene (slower)",
                "Checkpoint file (PRIOR_FILE)")


class DMZSAlgorithm(FuseDiffAlgorithm):
    NAME = "dmzs"
    DISPLAY_NAME = "DM-ZS hyperspectral pansharpening (zero-shot diffusion)"
    GROUP = "Hyperspectral pansharpening"
    GROUP_ID = "hyperspectral_pansharpening"
    HELP_ANCHOR = "dm-zs-fusediffdmzs"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Sharpens a hyperspectral raster (HSI) with a panchromatic raster (PAN) using DM-ZS: a frozen "
            "3-channel diffusion prior generates a detail image, guided by the inputs and by a small network "
            "trained on the scene itself at reduced scale (zero-shot); a neural spatial-spectral "
            "decomposition maps it to all HSI bands. No training data is needed.</p>"
            "<p>Inputs: an HSI of many bands (tens to hundreds) and a one-band PAN covering the same area; "
            "the ratio of their pixel sizes is a whole number, 2 or more (e.g. 3 or 4; RATIO overrides it). "
            "Values may be in any radiometric unit (scaled internally).</p>"
            "<p><b>SRF</b>: optional CSV with the PAN's response over the HSI bands; empty: estimated from "
            "the pair. <b>PRIOR</b>: the bundled small prior, one trained on this scene, or a checkpoint "
            "file (<b>PRIOR_FILE</b>; SR3-style U-Nets such as the PLRDiff/DM-ZS public prior load, a GPU is "
            "advised for those).</p>"
            "<p><b>OUTPUT</b>: float32 GeoTIFF with the HSI bands on the PAN grid, in the HSI's radiometric "
            "scale. Runtime on a CPU with the bundled prior: about 1.5 minutes for a PAN of 92-96 px at ratio 4 "
            "on one thread (measured, including the training on the scene); about 10 minutes per 256 x 256 px "
            "tile of PAN with a 198-band HSI on 2 threads (measured), so large scenes take hours. On a "
            "GPU typically several times faster (an estimate; not measured here).</p>"
            "<p>Reference: Xiao et al., hyperspectral pansharpening with pre-trained diffusion models, "
            "zero-shot guidance and NSSD (CVPR); Rui et al., PLRDiff, Information Fusion 2024.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        from ..models.method_configs import DMZSConfig  # torch-free: QGIS start-up
        self.addParameter(QgsProcessingParameterRasterLayer("HSI", self.tr("Hyperspectral raster (HSI)")))
        self.addParameter(QgsProcessingParameterRasterLayer("PAN", self.tr("Panchromatic raster (PAN)")))
        srf = QgsProcessingParameterFile("SRF", self.tr("PAN spectral response CSV (empty: estimate)"),
                                         extension="csv", optional=True)
        self.addParameter(srf)
        self.addParameter(QgsProcessingParameterEnum(
            "PRIOR", self.tr("Diffusion prior"), options=[self.tr(v) for v in PRIOR_LABELS], defaultValue=0))
        self.addParameter(self._advanced(QgsProcessingParameterFile(
            "PRIOR_FILE", self.tr("Prior checkpoint file"), optional=True)))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        self.add_config_parameters(DMZSConfig)
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Sharpened raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        from ..models import dmzs
        from .learnonce import LearnOnce
        from .srf import load_srf_csv

        cfg = self.config_from_parameters(dmzs.DMZSConfig, parameters, context)
        cfg.seed = self.parameterAsInt(parameters, "SEED", context)
        prior = PRIOR_CHOICES[self.parameterAsEnum(parameters, "PRIOR", context)]
        if prior == "file":
            prior = self.parameterAsFile(parameters, "PRIOR_FILE", context)
            if not prior:
                raise ValueError(self.tr("PRIOR is 'checkpoint file' but PRIOR_FILE is empty: choose a file."))
        srf_path = self.parameterAsFile(parameters, "SRF", context) or None

        def learn(samples, ratio, progress):
            srf = load_srf_csv(srf_path, samples[0].low.shape[0]) if srf_path else None
            if srf is not None and srf.shape[0] != 1:
                raise ValueError(self.tr("The SRF file must have one row (the PAN's response)."))
            return dmzs.learn(samples, ratio, srf=srf, prior=prior, config=cfg, progress=progress, device=device)

        def solve(learned, pan, hsi, ratio, progress):
            out, _ = dmzs.fuse_tile(learned, torch.from_numpy(hsi)[None], torch.from_numpy(pan)[None],
                                    progress=progress)
            return out[0].numpy()

        # the scene's robust maximum maps to the level the method's constants were tuned at
        method = LearnOnce("DM-ZS", learn, solve, feedback, level=dmzs.input_level(cfg))
        return self.fuse_scene(parameters, context, feedback, method, high="PAN", low="HSI", min_low_bands=3,
                               require_single_high=True)
