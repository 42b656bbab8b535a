"""`fusediff:train`: train pansharpening weights (METHOD: ResPanDiff or KSDiff) on the user's own data.

Data: full-resolution PAN + MS raster pairs (degraded on the fly by Wald's
protocol at the pair's ratio: MTF-matched Gaussian blur, random patches), or a
PanCollection-style HDF5 file (datasets gt, ms, lms, pan). Output: a weights
file (.pt) and its JSON model card (.json beside it), usable as WEIGHTS_FILE
of `fusediff:respandiff` or `fusediff:ksdiff` (KSDiff trains both of its stages).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import (QgsProcessing, QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination, QgsProcessingParameterMultipleLayers,
                       QgsProcessingParameterNumber, QgsProcessingParameterString)

import numpy as np

from .base import FuseDiffAlgorithm, SceneScale, progress_adapter

METHODS = ("respandiff", "ksdiff")
METHOD_LABELS = ("ResPanDiff", "KSDiff")


def _parse_bands(text: str):
    """'3,2,1,4' -> [3, 2, 1, 4]; '' -> None. ValueError with a sentence otherwise."""
    text = (text or "").strip()
    if not text:
        return None
    try:
        bands = [int(v) for v in text.replace(";", ",").split(",") if v.strip()]
    except ValueError:
        raise ValueError(f"MS_BANDS must be band numbers separated by commas (e.g. 3,2,1,4), got '{text}'.")
    if not bands or min(bands) < 1:
        raise ValueError(f"MS_BANDS must list band numbers starting at 1, got '{text}'.")
    return bands


def _train_defaults() -> dict:
    """TrainConfig defaults (written once, in models.method_configs: ResPanDiff's, and KSDiff's
    stage-2 iterations), read without importing torch."""
    import dataclasses

    from ..models.method_configs import KSDiffTrainConfig, ResPanDiffTrainConfig
    out = {f.name: f.default for f in dataclasses.fields(ResPanDiffTrainConfig)}
    out["iterations2"] = KSDiffTrainConfig.iterations2
    return out


class TrainAlgorithm(FuseDiffAlgorithm):
    NAME = "train"
    DISPLAY_NAME = "Train pansharpening weights (ResPanDiff, KSDiff)"
    GROUP = "Training"
    GROUP_ID = "training"
    HELP_ANCHOR = "train-pansharpening-weights-fusedifftrain"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Trains ResPanDiff or KSDiff weights (<b>METHOD</b>) for a sensor. Give either full-resolution <b>PANS</b> and "
            "<b>MSS</b> raster lists (pairs in the same order; each pair is degraded by its ratio with "
            "MTF-matched Gaussians, Wald's protocol, and random patches of the degraded pair are learnt) or "
            "a PanCollection-style <b>HDF5</b> file (datasets gt, ms, lms, pan, scaled by their maximum "
            "value). <b>MS_BANDS</b> picks and orders the MS bands (e.g. 3,2,1,4).</p>"
            "<p>Inputs: one-band PAN rasters and MS rasters of 2 bands or more (the same bands in every "
            "pair), with PAN pixels a whole number of times smaller (the same ratio for every pair; RATIO "
            "overrides it). Values may be in any radiometric unit; each pair is scaled by its own robust "
            "maximum.</p>"
            "<p>With several pairs the last one is used for validation (SAM, ERGAS and Q logged). "
            "<b>RESUME</b> continues from a weights file. <b>OUTPUT</b>: the weights (.pt) with a JSON model "
            "card beside it; use them as WEIGHTS_FILE of ResPanDiff or KSDiff.</p>"
            "<p>KSDiff trains in two stages: <b>ITERATIONS</b> of stage 1 (encoder with the ground truth, "
            "kernel generators and pansharpener) then <b>ITERATIONS2</b> of stage 2 (the latent diffusion "
            "model, jointly with the pansharpener); about 0.2-0.3 s per iteration on one CPU core.</p>"
            "<p>Runtime: about 1 s per iteration of 8 patches of 64 x 64 on one CPU core (measured). On a "
            "GPU typically several to tens of times faster (an estimate; not measured here).</p>"
            "<p>Reference: Cao, Deng, Deng, ResPanDiff: Diffusion Model for Pansharpening by Inferring "
            "Residual Inference, arXiv 2501.05091 (2025); Jin, Cao, Deng, Kernel Space Diffusion Model for "
            "Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterEnum("METHOD", self.tr("Method"),
                                                     options=[self.tr(v) for v in METHOD_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "PANS", self.tr("Full-resolution PAN rasters"), QgsProcessing.TypeRaster, optional=True))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            "MSS", self.tr("Full-resolution MS rasters (same order as the PANs)"), QgsProcessing.TypeRaster,
            optional=True))
        self.addParameter(QgsProcessingParameterFile("HDF5", self.tr("PanCollection HDF5 file"),
                                                     extension="h5", optional=True))
        self.addParameter(QgsProcessingParameterString("MS_BANDS", self.tr("MS bands (e.g. 3,2,1,4; empty: all)"),
                                                       defaultValue="", optional=True))
        self.add_ratio_parameter()
        defaults = _train_defaults()
        for name, label, default, lo, hi, typ in (
                ("ITERATIONS", "Iterations (KSDiff: stage 1)", defaults["iterations"], 1, 10 ** 7,
                 QgsProcessingParameterNumber.Integer),
                ("ITERATIONS2", "KSDiff stage 2 iterations", defaults["iterations2"], 0, 10 ** 7,
                 QgsProcessingParameterNumber.Integer),
                ("BATCH", "Patches per iteration", defaults["batch"], 1, 1024, QgsProcessingParameterNumber.Integer),
                ("PATCH", "Patch size (PAN pixels)", defaults["patch"], 8, 1024, QgsProcessingParameterNumber.Integer),
                ("LR", "Learning rate", defaults["lr"], 1e-7, 1.0, QgsProcessingParameterNumber.Double)):
            self.addParameter(QgsProcessingParameterNumber(name, self.tr(label), typ, defaultValue=default,
                                                           minValue=lo, maxValue=hi))
        self.addParameter(self._advanced(QgsProcessingParameterFile(
            "RESUME", self.tr("Resume from weights"), extension="pt", optional=True)))
        self.add_device_parameter()
        self.add_seed_parameter()
        self.addParameter(QgsProcessingParameterFileDestination(
            "OUTPUT", self.tr("Weights file"), self.tr("PyTorch weights (*.pt)")))

    def process(self, parameters, context, feedback) -> dict:
        device = self.torch_device(parameters, context, feedback)
        import importlib

        from ..models import respandiff as R  # data pipeline (Wald triples, HDF5), shared by both methods

        method = METHODS[self.parameterAsEnum(parameters, "METHOD", context)]
        M = importlib.import_module(f"..models.{method}", __package__)

        out = self.parameterAsFileOutput(parameters, "OUTPUT", context)
        if not out.lower().endswith(".pt"):
            out += ".pt"
        h5 = self.parameterAsFile(parameters, "HDF5", context) or None
        pans = self.parameterAsLayerList(parameters, "PANS", context) or []
        mss = self.parameterAsLayerList(parameters, "MSS", context) or []
        if len(pans) != len(mss):
            raise ValueError(f"Give as many PAN rasters as MS rasters ({len(pans)} PAN, {len(mss)} MS); "
                             f"they are paired in order.")
        if not pans and not h5:
            raise ValueError("No training data: give PAN and MS rasters, or an HDF5 file.")
        bands = _parse_bands(self.parameterAsString(parameters, "MS_BANDS", context))
        ratio_param = self.ratio_value(parameters, context)
        kw = {"iterations2": self.parameterAsInt(parameters, "ITERATIONS2", context)} if method == "ksdiff" else {}
        cfg = M.TrainConfig(iterations=self.parameterAsInt(parameters, "ITERATIONS", context),
                            batch=self.parameterAsInt(parameters, "BATCH", context),
                            patch=self.parameterAsInt(parameters, "PATCH", context),
                            lr=self.parameterAsDouble(parameters, "LR", context),
                            seed=self.parameterAsInt(parameters, "SEED", context), **kw)
        resume = self.parameterAsFile(parameters, "RESUME", context) or None
        progress = progress_adapter(feedback)

        # training pairs are scaled as the product will scale scenes for these weights: each
        # pair's robust maximum maps to one level (fine-tuning: the level of the weights resumed
        # from; else trained_weights.DEFAULT_INPUT_LEVEL), recorded in the model card
        level = M.input_level(resume, int(round(ratio_param or 4))) if resume else None
        from ..models.trained_weights import DEFAULT_INPUT_LEVEL
        level = DEFAULT_INPUT_LEVEL if level is None else level
        triples, sources, ratio = [], [], None
        for i, (pl, ml) in enumerate(zip(pans, mss)):
            progress(0.02 * i / max(1, len(pans)), self.tr("Reading training pairs"))
            pair = self.read_inputs(pl.source(), ml.source(), ratio=ratio_param, low_bands=bands,
                                    feedback=feedback, min_low_bands=2, require_single_high=True)
            if ratio is not None and pair.ratio != ratio:
                raise ValueError(f"All training pairs need the same ratio; {ml.name()} has {pair.ratio}, "
                                 f"the first pair {ratio}.")
            ratio = pair.ratio
            scale = SceneScale.from_inputs([(pair.high, pair.valid), (pair.low, pair.low_valid)], level=level)
            triples.append(R.triple_from_pair(scale.forward(pair.high), scale.forward(pair.low), ratio,
                                              cfg.gains, cfg.pan_gain))
            sources.append(f"{Path(pl.source()).name} + {Path(ml.source()).name}")
        if h5:
            h5_triples = R.triples_from_h5(h5)
            if bands:
                h5_triples = [(g[[b - 1 for b in bands]], l[[b - 1 for b in bands]], p) for g, l, p in h5_triples]
            triples.extend(h5_triples)
            if not pans:  # the level the HDF5 samples' own scaling puts their robust maximum at
                level = float(np.median([SceneScale.from_inputs([(t[2], None), (t[1], None)]).maximum
                                         for t in h5_triples]))
            sources.append(f"{Path(h5).name} ({len(h5_triples)} samples)")
            ratio = ratio or int(round(ratio_param or 4))
        if len({t[0].shape[0] for t in triples}) != 1:
            raise ValueError("The training images have different band counts; choose the same bands with "
                             "MS_BANDS.")
        val = []
        if len(triples) > 1:
            val = [triples.pop()]  # the last pair (or HDF5 sample) checks progress
            if h5 and not pans:
                val = [val[0]] + [triples.pop() for _ in range(min(7, len(triples) - 1))]
        meta = {"bands": int(triples[0][0].shape[0]), "ratio": int(ratio),
                "band_order": [f"band {b}" for b in bands] if bands else None,
                "data": "; ".join(sources), "method": method,
                "input_scale": {"percentile": SceneScale.percentile, "level": float(level)}}
        feedback.pushInfo(self.tr("Training on {0} image(s), {1} for validation, ratio {2}, {3} bands.")
                          .format(len(triples), len(val), ratio, meta["bands"]))
        # train into temporary files, renamed at the end: a cancelled run leaves no weights behind
        tmp = Path(out).with_name(Path(out).stem + ".partial.pt")
        try:
            M.train(None, ratio, cfg, weights=resume, val=val or None, progress=progress, device=device,
                    out_path=tmp, meta=meta, log=feedback.pushInfo, triples=triples)
        except BaseException:
            for p in (tmp, tmp.with_suffix(".json")):
                p.unlink(missing_ok=True)
            raise
        card = tmp.with_suffix(".json").read_text().replace(tmp.name, Path(out).name)
        tmp.replace(out)
        Path(out).with_suffix(".json").write_text(card)
        tmp.with_suffix(".json").unlink(missing_ok=True)
        feedback.pushInfo(self.tr("Wrote {0} and its model card {1}").format(out, Path(out).with_suffix(".json")))
        return {"OUTPUT": out}
