"""`fusediff:sdp`: SDP HSI-MSI fusion (spectral diffusion prior, self-learning). Body: `hsimsi`."""
from __future__ import annotations

from ...models.method_configs import SDPConfig
from ..params import AlgorithmSpec
from .hsimsi import hsi_msi_params

HELP = (
    "<p>Fuses a low-resolution hyperspectral raster (HSI) with a high-resolution multispectral "
    "raster (MSI) using SDP: a small diffusion model of spectra is trained on the HSI's own pixels "
    "(no training data needed), then the high-resolution cube is solved for so that it explains both "
    "inputs while its spectra stay plausible under that model. It starts from a fast least-squares "
    "estimate in the HSI's spectral subspace, made after both inputs' sensor noise has been "
    "suppressed (DENOISE).</p>"
    "<p>Inputs: an HSI of many bands (tens to hundreds) and an MSI of a few bands (e.g. 3 to 8) "
    "covering the same area; the ratio of their pixel sizes is a whole number, 2 or more (e.g. 4; "
    "RATIO overrides it). Values may be in any radiometric unit (scaled internally).</p>"
    "<p><b>SRF</b>: optional CSV with the MSI bands' responses over the HSI bands (one row per MSI "
    "band); empty: estimated from the pair, as is the HSI's blur.</p>"
    "<p><b>OUTPUT</b>: float32 GeoTIFF with the HSI bands on the MSI grid, in the HSI's radiometric "
    "scale. Runtime on a CPU: about 20 s to 2 min for MSI crops of 72-96 px at ratio 4 on 2 threads "
    "(measured, including training the prior); about 8 minutes for a 480 x 480 MSI with a 198-band HSI "
    "(measured); it grows with the number of pixels and bands. On a "
    "GPU typically several times faster (an estimate; not measured here).</p>"
    "<p>Reference: Liu, Wu, Xiao, A Spectral Diffusion Prior for Unsupervised Hyperspectral Image "
    "Super-Resolution, IEEE TGRS 62, 2024.</p>")

SPEC = AlgorithmSpec(
    name="sdp", display_name="SDP HSI-MSI fusion (spectral diffusion prior)",
    group="HSI-MSI fusion", group_id="hsi_msi_fusion", help=HELP, help_anchor="sdp-fusediffsdp",
    pair=("MSI", "HSI"), run=f"{__name__}:run", needs=("torch", "numpy", "rasterio"),
    params=hsi_msi_params(SDPConfig))


def run(values: dict, ctx) -> dict:
    """Fuse HSI and MSI with SDP (`hsimsi.run_hsi_msi`)."""
    from .hsimsi import run_hsi_msi
    return run_hsi_msi("sdp", values, ctx)
