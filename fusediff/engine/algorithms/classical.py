"""`fusediff:classical`: Brovey, GSA, MTF-GLP-HPM pansharpening and CNMF HSI-MSI fusion.

NumPy only (no torch), so it works where PyTorch is missing.
"""
from __future__ import annotations

from ..params import AlgorithmSpec, Param
from .common import output_params, ratio_param, srf_sensor_param

#: METHOD enum order (the same as models.classical.METHODS).
METHODS = ("brovey", "gsa", "mtfglphpm", "cnmf")
METHOD_LABELS = ("Brovey transform", "GSA (adaptive Gram-Schmidt)",
                 "MTF-GLP-HPM (MTF-matched Laplacian pyramid, high-pass modulation)",
                 "CNMF (coupled non-negative matrix factorisation; HSI + MSI)")

HELP = (
    "<p>Fuses a low-resolution spectral raster with a high-resolution raster using a classical "
    "method; the usual baselines to compare the diffusion methods against.</p>"
    "<p><b>METHOD</b>: Brovey, GSA and MTF-GLP-HPM sharpen a multispectral or hyperspectral "
    "raster (MS) with a one-band panchromatic raster (PAN). CNMF fuses a hyperspectral raster "
    "(MS) with a multispectral raster of several bands (PAN).</p>"
    "<p><b>MS</b>: the low-resolution raster (2 bands or more). <b>PAN</b>: the high-resolution "
    "raster; a PAN with several bands needs PAN band (except for CNMF). The inputs are aligned by "
    "georeference (reprojected when the CRS differ); the ratio comes from the pixel sizes unless "
    "RATIO is set (a whole number, 2 or more). Nodata pixels of either input are written as "
    "nodata.</p>"
    "<p><b>OUTPUT</b>: float32 GeoTIFF with the MS bands on the PAN grid, in the MS's "
    "radiometric scale.</p>"
    "<p>Values may be in any radiometric unit (DN of any bit depth, radiance, reflectance); the "
    "scene is scaled internally and the output is in the MS's unit.</p>"
    "<p>Runtime (CPU only; no GPU is used): seconds for Brovey, GSA and MTF-GLP-HPM on a "
    "2000 x 2000 PAN; a 12000 x 12000 PAN with a 4-band MS takes about 3 minutes of one CPU core "
    "with GSA, processed in tiles with bounded memory (under 3 GB). CNMF takes minutes on large "
    "hyperspectral scenes.</p>"
    "<p>References: Gillespie et al. 1987 (Brovey); Aiazzi, Baronti, Selva, IEEE TGRS 2007 (GSA); "
    "Aiazzi et al., PE&amp;RS 2006 and Vivone et al., IEEE TGRS 2015 (MTF-GLP-HPM); Yokoya, "
    "Yairi, Iwasaki, IEEE TGRS 2012 (CNMF).</p>")

SPEC = AlgorithmSpec(
    name="classical", display_name="Classical fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)",
    group="Classical fusion", group_id="classical", help=HELP,
    help_anchor="classical-fusion-fusediffclassical", pair=("PAN", "MS"),
    run=f"{__name__}:run", needs=("numpy", "rasterio"),
    params=(
        Param("METHOD", "enum", "Method", choices=METHOD_LABELS, default=1, ids=METHODS),
        Param("MS", "raster", "Low-resolution spectral raster (MS / HSI)"),
        Param("PAN", "raster", "High-resolution raster (PAN; MSI for CNMF)"),
        Param("PAN_BAND", "bands", "PAN band (when the high-resolution raster has several bands)",
              parent="PAN", optional=True, advanced=True),
        ratio_param(),
        srf_sensor_param(cnmf=True),
        *output_params(),
        Param("OUTPUT", "raster_out", "Fused raster"),
    ))


def run(values: dict, ctx) -> dict:
    """Fuse MS and PAN with METHOD, tile by tile (`engine.scene.fuse_scene`)."""
    from ...models import classical
    from ..i18n import tr
    from ..methods import METHODS as REGISTRY
    from ..scene import fuse_scene
    from .common import output_options, sensor_srf, warn_pan_range
    method = METHODS[values["METHOD"]]
    pan_band = values.get("PAN_BAND")
    ctx.info(tr("Method: {0}").format(method))
    srf = None
    if method == "cnmf":
        srf = sensor_srf(values, values["MS"], values["PAN"], ctx=ctx)
    else:
        warn_pan_range(ctx, values["PAN"], values["MS"], pan_band=pan_band)
    extra = {"srf": srf} if srf is not None else {}

    def fuse(high, low, ratio, progress):
        progress(0.0, tr("Fusing with {0}").format(method))
        return classical.fuse(method, high, low, ratio, phase=0.0, progress=progress, **extra)

    # Pansharpening needs a one-band PAN (CNMF takes a several-band MSI) and an MS of 2+ bands.
    return fuse_scene(values["PAN"], values["MS"], values["OUTPUT"], fuse, ctx, ratio=values.get("RATIO"),
                      high_bands=[pan_band] if pan_band else None, tiling=REGISTRY["classical"].tiling,
                      min_low_bands=2, require_single_high=(method != "cnmf"), output=output_options(values))
