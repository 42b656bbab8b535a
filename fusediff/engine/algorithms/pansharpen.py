"""Shared body of the trained pansharpeners (`fusediff:respandiff`, `fusediff:ksdiff`).

Parameters: MS, PAN, MS_BANDS, WEIGHTS (bundled choice), WEIGHTS_FILE, ADAPT_ITERS, STEPS, then
the config's other user-settable fields (PRESET, CONSISTENCY, ADAPT_LR, ...), RATIO, DEVICE,
SEED, OUTPUT. Flow: `fuse_scene` with a `methods.TrainedMethod` (prepare once, then
``fuse_prepared`` per tile) -> GeoTIFF on the PAN grid.
"""
from __future__ import annotations

from ..i18n import tr
from ..params import AlgorithmSpec, Param, config_params
from .common import device_param, output_params, ratio_param, seed_param

#: WEIGHTS enum: 'auto' picks the bundled Landsat-7 weights for the ratio.
WEIGHT_CHOICES = ("auto", "landsat7-r2", "landsat7-r4")
WEIGHT_LABELS = ("Bundled Landsat-7 weights for the ratio (2 or 4)", "Bundled Landsat-7, ratio 2",
                 "Bundled Landsat-7, ratio 4")
#: Fields declared with their own labels below (kept from the first QGIS version).
OWN_FIELDS = ("steps", "adapt_iters", "seed")


UNCERTAINTY_SAMPLES_HELP = ("Samples drawn for the UNCERTAINTY output: the network on flips/rotations of the "
                            "inputs, plus the MTF-GLP-HPM fusion. It takes up to K times as long as the "
                            "sharpened raster alone; the calibration was fitted with the default K.")
UNCERTAINTY_HELP = ("Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated "
                    "standard deviation in the output's units (about 90 % of true values lie within "
                    "+-1.645 sigma on data like the calibration's). Not written, and no cost, when empty.")


def uncertainty_params(samples_default: int, samples_help: str = UNCERTAINTY_SAMPLES_HELP,
                       samples_min: int = 2) -> tuple:
    """The optional UNCERTAINTY output and its UNCERTAINTY_SAMPLES (K; ``samples_help``: what they are)."""
    return (
        Param("UNCERTAINTY_SAMPLES", "int", "Uncertainty samples (K)", default=samples_default, minimum=samples_min,
              maximum=64, advanced=True, help=samples_help),
        Param("UNCERTAINTY", "raster_out", "Uncertainty (per-band standard deviation)", optional=True,
              help=UNCERTAINTY_HELP),
    )


def net_params(config_cls, steps_label: str, steps_default: int, steps_max: int,
               uncertainty_samples: int = 8) -> tuple:
    """The parameters of a trained pansharpener whose config dataclass is ``config_cls``."""
    return (
        Param("MS", "raster", "Multispectral raster (MS)"),
        Param("PAN", "raster", "Panchromatic raster (PAN)"),
        Param("MS_BANDS", "bands", "MS bands, in the weights' order (empty: all, as stored)", parent="MS",
              optional=True, multiple=True),
        Param("WEIGHTS", "enum", "Weights", choices=WEIGHT_LABELS, default=0, ids=WEIGHT_CHOICES),
        Param("WEIGHTS_FILE", "file", "Weights file (overrides WEIGHTS)", extension="pt", optional=True,
              advanced=True),
        Param("ADAPT_ITERS", "int", "Scene adaptation iterations (0 = none)", default=0, minimum=0,
              maximum=100000, help="Fit the model on the input pair degraded once more before sharpening."),
        Param("STEPS", "int", steps_label, default=steps_default, minimum=1, maximum=steps_max, advanced=True),
        *config_params(config_cls, skip=OWN_FIELDS),
        ratio_param(advanced=True),
        device_param(),
        seed_param(),
        *output_params(),
        Param("OUTPUT", "raster_out", "Sharpened raster"),
        *uncertainty_params(uncertainty_samples),
    )


def net_spec(name: str, display_name: str, help_anchor: str, help_text: str, config_cls, steps_label: str,
             steps_default: int, steps_max: int, uncertainty_samples: int = 8) -> AlgorithmSpec:
    """The spec of the trained pansharpener ``name`` (its run: ``<module>:run``)."""
    return AlgorithmSpec(name=name, display_name=display_name, group="Pansharpening", group_id="pansharpening",
                         help=help_text, help_anchor=help_anchor, pair=("PAN", "MS"),
                         run=f"{__package__}.{name}:run", needs=("torch", "numpy", "rasterio"),
                         params=net_params(config_cls, steps_label, steps_default, steps_max,
                                           uncertainty_samples))


def run_net(method_id: str, values: dict, ctx) -> dict:
    """Sharpen MS with PAN using the trained method ``method_id`` (respandiff or ksdiff)."""
    from ..methods import METHODS, TrainedMethod
    from ..params import config_from_values
    from ..scene import fuse_scene
    from .common import output_options, torch_device, warn_pan_range
    entry = METHODS[method_id]
    warn_pan_range(ctx, values["PAN"], values["MS"], ms_bands=values.get("MS_BANDS"))
    device = torch_device(values, ctx)
    weights = values.get("WEIGHTS_FILE") or WEIGHT_CHOICES[values["WEIGHTS"]]
    if weights == "auto":
        weights = None  # the bundled weights for the pair's ratio
    cfg = config_from_values(entry.config_class(), values, skip=OWN_FIELDS, steps=values["STEPS"],
                             adapt_iters=values["ADAPT_ITERS"], seed=values["SEED"])
    ctx.info(tr("{0} sampling steps; scene adaptation iterations: {1}.").format(cfg.steps, cfg.adapt_iters))
    unc = values.get("UNCERTAINTY")
    method = TrainedMethod(entry, cfg, device, weights=weights, log=ctx.info,
                           uncertainty_samples=values.get("UNCERTAINTY_SAMPLES") if unc else 0)
    return fuse_scene(values["PAN"], values["MS"], values["OUTPUT"], method, ctx, ratio=values.get("RATIO"),
                      low_bands=values.get("MS_BANDS"), tiling=entry.tiling, min_low_bands=2,
                      require_single_high=True, output=output_options(values), uncertainty_path=unc)
