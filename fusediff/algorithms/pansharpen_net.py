"""Shared body of the supervised (trained-weights) pansharpening algorithms:
`fusediff:respandiff` and `fusediff:ksdiff`.

Parameters: MS, PAN, MS_BANDS, WEIGHTS (bundled choice), WEIGHTS_FILE,
ADAPT_ITERS, STEPS, RATIO, DEVICE, SEED, OUTPUT. Flow: parameters ->
`fuse_scene` (aligned tiles of the scene) -> ``models.<method>.fuse`` per tile
-> GeoTIFF on the PAN grid. A subclass names its models module and its steps.
"""
from __future__ import annotations

import importlib

from qgis.core import (QgsProcessingParameterBand, QgsProcessingParameterEnum,
                       QgsProcessingParameterFile, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer)

from .base import FuseDiffAlgorithm

#: WEIGHTS enum: 'auto' picks the bundled Landsat-7 weights for the ratio.
WEIGHT_CHOICES = ("auto", "landsat7-r2", "landsat7-r4")
WEIGHT_LABELS = ("Bundled Landsat-7 weights for the ratio (2 or 4)", "Bundled Landsat-7, ratio 2",
                 "Bundled Landsat-7, ratio 4")


class NetPansharpenAlgorithm(FuseDiffAlgorithm):
    """Base of the pansharpeners with trained weights. Subclasses set MODEL_MODULE (a module of
    `models` with ``fuse`` and a config class CONFIG_CLASS), STEPS_LABEL, STEPS_DEFAULT, STEPS_MAX."""
    GROUP = "Pansharpening"
    GROUP_ID = "pansharpening"
    MODEL_MODULE = ""
    CONFIG_CLASS = ""
    STEPS_LABEL = "Sampling steps"
    STEPS_DEFAULT = 15
    STEPS_MAX = 15

    def model_module(self):
        """The models module (imported on use: torch loads only when the algorithm runs)."""
        return importlib.import_module(f"..models.{self.MODEL_MODULE}", __package__)

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("MS", self.tr("Multispectral raster (MS)")))
        self.addParameter(QgsProcessingParameterRasterLayer("PAN", self.tr("Panchromatic raster (PAN)")))
        self.addParameter(QgsProcessingParameterBand(
            "MS_BANDS", self.tr("MS bands, in the weights' order (empty: all, as stored)"),
            parentLayerParameterName="MS", optional=True, allowMultiple=True))
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
        steps = QgsProcessingParameterNumber("STEPS", self.tr(self.STEPS_LABEL),
                                             QgsProcessingParameterNumber.Integer,
                                             defaultValue=self.STEPS_DEFAULT, minValue=1, maxValue=self.STEPS_MAX)
        self.addParameter(self._advanced(steps))
        self.add_ratio_parameter(advanced=True)
        self.add_device_parameter()
        self.add_seed_parameter()
        self.addParameter(QgsProcessingParameterRasterDestination("OUTPUT", self.tr("Sharpened raster")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import torch

        M = self.model_module()
        ms_bands = self.parameterAsInts(parameters, "MS_BANDS", context) or None
        wfile = self.parameterAsFile(parameters, "WEIGHTS_FILE", context) or None
        weights = wfile or WEIGHT_CHOICES[self.parameterAsEnum(parameters, "WEIGHTS", context)]
        if weights == "auto":
            weights = None  # the bundled weights for the pair's ratio
        cfg = getattr(M, self.CONFIG_CLASS)(steps=self.parameterAsInt(parameters, "STEPS", context),
                                            adapt_iters=self.parameterAsInt(parameters, "ADAPT_ITERS", context),
                                            seed=self.parameterAsInt(parameters, "SEED", context))
        feedback.pushInfo(self.tr("{0} sampling steps; scene adaptation iterations: {1}.")
                          .format(cfg.steps, cfg.adapt_iters))
        from .learnonce import LearnOnce

        def learn(samples, ratio, progress):
            # once per scene: load the weights, adapt them (ADAPT_ITERS) on windows sampled across
            # the scene, and (KSDiff) fix the scene's latent code and kernels
            windows = [(torch.from_numpy(s.low)[None], torch.from_numpy(s.high)[None]) for s in samples]
            state = M.prepare(windows, ratio, weights=weights, config=cfg, progress=progress, device=device,
                              phase=0.0)
            meta = state.get("meta") or {}
            if state.get("fresh"):
                feedback.pushInfo(self.tr("No weights fit {0} bands: a model was fitted on this scene.")
                                  .format(windows[0][0].shape[1]))
            elif meta.get("data"):
                feedback.pushInfo(self.tr("Weights trained on: {0}").format(meta["data"]))
            return state

        def solve(state, high, low, ratio, progress):
            out = M.fuse_prepared(state, torch.from_numpy(low)[None], torch.from_numpy(high)[None], ratio,
                                  config=cfg, progress=progress, phase=0.0)
            return out[0].cpu().numpy()

        # the scene's robust maximum maps to the level the weights were trained at (model card)
        method = LearnOnce(self.DISPLAY_NAME.split(" ")[0], learn, solve, feedback,
                           level=lambda ratio, bands: M.input_level(weights, ratio))
        return self.fuse_scene(parameters, context, feedback, method, low_bands=ms_bands, min_low_bands=2,
                               require_single_high=True)
