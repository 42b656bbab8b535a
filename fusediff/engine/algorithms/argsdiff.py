"""`fusediff:argsdiff`: ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion). Body: `hsimsi`."""
from __future__ import annotations

from ...models.method_configs import ARGSDiffConfig
from ..params import AlgorithmSpec
from .hsimsi import hsi_msi_params

HELP = (
    "<p>Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral "
    "raster (MSI) using ARGS-Diff: the result is modelled as coefficient maps times a few basis "
    "spectra; two small diffusion models trained on the scene itself (spectra of the HSI, patches of "
    "the MSI) are sampled under guidance by both inputs, with an adaptive residual step. No training "
    "data is needed. By default both inputs are denoised first and the sampling starts, at a low noise "
    "level, from the same subspace estimate as SDP's.</p>"
    "<p>Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) "
    "covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; "
    "RATIO overrides it). Values may be in any radiometric unit (scaled internally).</p>"
    "<p><b>SRF</b>: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI "
    "band); empty: estimated from the pair, as is the HSI's blur.</p>"
    "<p><b>OUTPUT</b>: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric "
    "scale. Runtime on a CPU: about 20 s for MSI crops of 72-96 px at ratio 4 on 1 thread "
    "(measured, including training the two models); about 2.5 minutes for a 480 x 480 MSI with a "
    "198-band HSI on 2 threads (measured); it grows with the number of pixels. On a GPU "
    "typically several times faster (an estimate; not measured here).</p>"
    "<p>Reference: Zhu, Wang, Xu, Wu, Wei, Self-Learning Hyperspectral and Multispectral Image "
    "Fusion via Adaptive Residual Guided Subspace Diffusion Model, CVPR 2025.</p>")

SPEC = AlgorithmSpec(
    name="argsdiff", display_name="ARGS-Diff HSI-MSI fusion (self-learning subspace diffusion)",
    group="HSI-MSI fusion", group_id="hsi_msi_fusion", help=HELP, help_anchor="args-diff-fusediffargsdiff",
    pair=("MSI", "HSI"), run=f"{__name__}:run", needs=("torch", "numpy", "rasterio"),
    params=hsi_msi_params(ARGSDiffConfig))


def run(values: dict, ctx) -> dict:
    """Fuse HSI and MSI with ARGS-Diff (`hsimsi.run_hsi_msi`)."""
    from .hsimsi import run_hsi_msi
    return run_hsi_msi("argsdiff", values, ctx)
