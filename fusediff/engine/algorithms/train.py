"""`fusediff:train`: train pansharpening weights (METHOD: ResPanDiff or KSDiff) on the user's own data.

Data: full-resolution PAN + MS raster pairs (degraded on the fly by Wald's
protocol at the pair's ratio: MTF-matched Gaussian blur, random patches), or a
PanCollection-style HDF5 file (datasets gt, ms, lms, pan). Output: a weights
file (.pt) and its JSON model card (.json beside it), usable as WEIGHTS_FILE
of `fusediff:respandiff` or `fusediff:ksdiff` (KSDiff trains both of its stages).
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

from ...models.method_configs import KSDiffTrainConfig, ResPanDiffTrainConfig
from ..i18n import tr
from ..params import AlgorithmSpec, Param
from .common import device_param, ratio_param, seed_param

METHODS = ("respandiff", "ksdiff")
METHOD_LABELS = ("ResPanDiff", "KSDiff")
#: TrainConfig defaults (written once, in models.method_configs: ResPanDiff's, and KSDiff's
#: stage-2 iterations), read without importing torch.
_DEFAULTS = {f.name: f.default for f in dataclasses.fields(ResPanDiffTrainConfig)}

HELP = (
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

SPEC = AlgorithmSpec(
    name="train", display_name="Train pansharpening weights (ResPanDiff, KSDiff)", group="Training",
    group_id="training", help=HELP, help_anchor="train-pansharpening-weights-fusedifftrain",
    run=f"{__name__}:run", needs=("torch", "numpy", "rasterio"),
    params=(
        Param("METHOD", "enum", "Method", choices=METHOD_LABELS, default=0, ids=METHODS),
        Param("PANS", "rasters", "Full-resolution PAN rasters", optional=True),
        Param("MSS", "rasters", "Full-resolution MS rasters (same order as the PANs)", optional=True),
        Param("HDF5", "file", "PanCollection HDF5 file", extension="h5", optional=True),
        Param("MS_BANDS", "string", "MS bands (e.g. 3,2,1,4; empty: all)", default="", optional=True),
        ratio_param(),
        Param("ITERATIONS", "int", "Iterations (KSDiff: stage 1)", default=_DEFAULTS["iterations"], minimum=1,
              maximum=10 ** 7),
        Param("ITERATIONS2", "int", "KSDiff stage 2 iterations", default=KSDiffTrainConfig.iterations2, minimum=0,
              maximum=10 ** 7),
        Param("BATCH", "int", "Patches per iteration", default=_DEFAULTS["batch"], minimum=1, maximum=1024),
        Param("PATCH", "int", "Patch size (PAN pixels)", default=_DEFAULTS["patch"], minimum=8, maximum=1024),
        Param("LR", "float", "Learning rate", default=_DEFAULTS["lr"], minimum=1e-7, maximum=1.0),
        Param("RESUME", "file", "Resume from weights", extension="pt", optional=True, advanced=True),
        device_param(),
        seed_param(),
        Param("OUTPUT", "file_out", "Weights file", extension="pt", file_filter="PyTorch weights (*.pt)"),
    ))


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


def run(values: dict, ctx) -> dict:
    """Train the weights into OUTPUT (.pt) and its model card (.json); nothing is left on failure."""
    import importlib

    from ...models import respandiff as R  # data pipeline (Wald triples, HDF5), shared by both methods
    from ..scaling import SceneScale
    from ..scene import check_ratio, read_pair
    from .common import torch_device
    device = torch_device(values, ctx)
    method = METHODS[values["METHOD"]]
    M = importlib.import_module(f"...models.{method}", __package__)
    out = values["OUTPUT"]
    if not out.lower().endswith(".pt"):
        out += ".pt"
    h5 = values.get("HDF5")
    pans, mss = values.get("PANS") or [], values.get("MSS") or []
    if len(pans) != len(mss):
        raise ValueError(f"Give as many PAN rasters as MS rasters ({len(pans)} PAN, {len(mss)} MS); "
                         f"they are paired in order.")
    if not pans and not h5:
        raise ValueError("No training data: give PAN and MS rasters, or an HDF5 file.")
    bands = _parse_bands(values.get("MS_BANDS"))
    ratio_param_value = check_ratio(values.get("RATIO"))
    kw = {"iterations2": values["ITERATIONS2"]} if method == "ksdiff" else {}
    cfg = M.TrainConfig(iterations=values["ITERATIONS"], batch=values["BATCH"], patch=values["PATCH"],
                        lr=values["LR"], seed=values["SEED"], **kw)
    resume = values.get("RESUME")

    # training pairs are scaled as the product will scale scenes for these weights: each pair's
    # robust maximum maps to one level (fine-tuning: the level of the weights resumed from; else
    # trained_weights.DEFAULT_INPUT_LEVEL), recorded in the model card
    from ...models.trained_weights import DEFAULT_INPUT_LEVEL
    level = M.input_level(resume, int(round(ratio_param_value or 4))) if resume else None
    level = DEFAULT_INPUT_LEVEL if level is None else level
    triples, sources, ratio = [], [], None
    for i, (pan_path, ms_path) in enumerate(zip(pans, mss)):
        ctx.report(0.02 * i / max(1, len(pans)), tr("Reading training pairs"))
        pair = read_pair(pan_path, ms_path, ctx, ratio=ratio_param_value, low_bands=bands, min_low_bands=2,
                         require_single_high=True)
        if ratio is not None and pair.ratio != ratio:
            raise ValueError(f"All training pairs need the same ratio; {Path(ms_path).name} has {pair.ratio}, "
                             f"the first pair {ratio}.")
        ratio = pair.ratio
        scale = SceneScale.from_inputs([(pair.high, pair.valid), (pair.low, pair.low_valid)], level=level)
        triples.append(R.triple_from_pair(scale.forward(pair.high), scale.forward(pair.low), ratio,
                                          cfg.gains, cfg.pan_gain))
        sources.append(f"{Path(pan_path).name} + {Path(ms_path).name}")
    if h5:
        h5_triples = R.triples_from_h5(h5)
        if bands:
            h5_triples = [(g[[b - 1 for b in bands]], l[[b - 1 for b in bands]], p) for g, l, p in h5_triples]
        triples.extend(h5_triples)
        if not pans:  # the level the HDF5 samples' own scaling puts their robust maximum at
            import numpy as np
            level = float(np.median([SceneScale.from_inputs([(t[2], None), (t[1], None)]).maximum
                                     for t in h5_triples]))
        sources.append(f"{Path(h5).name} ({len(h5_triples)} samples)")
        ratio = ratio or int(round(ratio_param_value or 4))
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
    ctx.info(tr("Training on {0} image(s), {1} for validation, ratio {2}, {3} bands.")
             .format(len(triples), len(val), ratio, meta["bands"]))
    # train into temporary files, renamed at the end: a cancelled run leaves no weights behind
    tmp = Path(out).with_name(Path(out).stem + ".partial.pt")
    try:
        M.train(None, ratio, cfg, weights=resume, val=val or None, progress=ctx.report, device=device,
                out_path=tmp, meta=meta, log=ctx.info, triples=triples)
    except BaseException:
        for p in (tmp, tmp.with_suffix(".json")):
            p.unlink(missing_ok=True)
        raise
    card = tmp.with_suffix(".json").read_text().replace(tmp.name, Path(out).name)
    tmp.replace(out)
    Path(out).with_suffix(".json").write_text(card)
    tmp.with_suffix(".json").unlink(missing_ok=True)
    ctx.info(tr("Wrote {0} and its model card {1}").format(out, Path(out).with_suffix(".json")))
    return {"OUTPUT": out}
