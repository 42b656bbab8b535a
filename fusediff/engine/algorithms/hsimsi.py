"""Shared body of the self-learning HSI-MSI fusion algorithms (SDP, ARGS-Diff): HSI (low-res) +
MSI (high-res) -> HSI bands on the MSI grid, with an optional SRF CSV. The method learns once
from windows sampled across the scene (PSF/SRF, priors), then solves tile by tile."""
from __future__ import annotations

from ..params import AlgorithmSpec, Param, config_params
from .common import device_param, output_params, ratio_param, seed_param, srf_sensor_param


HSI_UNCERTAINTY_HELP = (
    "Optional: a Float32 raster on the output's grid with, per pixel and band, a calibrated standard "
    "deviation in the output's units, from the difference between the fused image and the upsampled "
    "low-resolution input (about 90 % of true values lie within +-1.645 sigma on data like the "
    "calibration's; it ranks pixels only weakly). Costs little; not written when empty.")


def hsi_msi_spec(name: str, display_name: str, help_anchor: str, help_text: str, config_cls) -> AlgorithmSpec:
    """The spec of the HSI-MSI fusion algorithm ``name`` (its run: ``<module>:run``)."""
    return AlgorithmSpec(name=name, display_name=display_name, group="HSI-MSI fusion", group_id="hsi_msi_fusion",
                         help=help_text, help_anchor=help_anchor, pair=("MSI", "HSI"),
                         run=f"{__package__}.{name}:run", needs=("torch", "numpy", "rasterio"),
                         params=hsi_msi_params(config_cls))


def hsi_msi_params(config_cls) -> tuple:
    """The parameters of an HSI-MSI fusion algorithm whose config dataclass is ``config_cls``."""
    return (
        Param("HSI", "raster", "Hyperspectral raster (HSI, low resolution)"),
        Param("MSI", "raster", "Multispectral raster (MSI, high resolution)"),
        Param("SRF", "file", "MSI spectral response CSV (empty: estimate)", extension="csv", optional=True),
        srf_sensor_param(),
        ratio_param(advanced=True),
        device_param(),
        seed_param(),
        *config_params(config_cls),
        *output_params(),
        Param("OUTPUT", "raster_out", "Fused raster"),
        Param("UNCERTAINTY", "raster_out", "Uncertainty (per-band standard deviation)", optional=True,
              help=HSI_UNCERTAINTY_HELP),
    )


def run_hsi_msi(method_id: str, values: dict, ctx) -> dict:
    """Fuse HSI and MSI with the self-learning method ``method_id`` (sdp or argsdiff)."""
    from ..methods import METHODS, SelfLearningSceneMethod
    from ..params import config_from_values
    from ..scene import fuse_scene
    from .common import output_options, sensor_srf, torch_device
    entry = METHODS[method_id]
    srf = sensor_srf(values, values["HSI"], values["MSI"], ctx=ctx)
    device = torch_device(values, ctx)
    cfg = config_from_values(entry.config_class(), values)
    cfg.seed = values["SEED"]
    method = SelfLearningSceneMethod(entry, cfg, device, srf_path=values.get("SRF"), log=ctx.info, srf=srf)
    return fuse_scene(values["MSI"], values["HSI"], values["OUTPUT"], method, ctx, ratio=values.get("RATIO"),
                      tiling=entry.tiling, output=output_options(values),
                      uncertainty_path=values.get("UNCERTAINTY"))
