"""`fusediff:prepare_product`: a sensor product -> analysis-ready rasters for the fusion algorithms.

rasterio / GDAL / h5py only (no torch). The readers and writers live in `rasters.products`.
"""
from __future__ import annotations

import os

from ..i18n import tr
from ..params import AlgorithmSpec, Param

HELP = (
    "<p>Turns a satellite product into the rasters the fusion algorithms take: values converted to "
    "reflectance, bands named and ordered, wavelengths and FWHM in the band metadata, nodata set.</p>"
    "<p><b>PRODUCT</b>: a Landsat 4-9 Collection 2 <i>*_MTL.txt</i> (the band files beside it), a "
    "Sentinel-2 L1C/L2A <i>.SAFE</i> folder or its <i>MTD_MSIL1C.xml</i> / <i>MTD_MSIL2A.xml</i>, a "
    "PRISMA L2D <i>.he5</i> or an EnMAP L2A <i>*-METADATA.XML</i>.</p>"
    "<p><b>OUTPUT_LOWRES</b>: the spectral stack (Landsat: the reflective 30 m bands B1-B7, or "
    "B1-B5, B7 for TM/ETM+; Sentinel-2: B5, B6, B7, B8A, B11, B12 at 20 m; PRISMA: the VNIR + SWIR "
    "cube at 30 m; EnMAP: its bands at 30 m). <b>OUTPUT_HIGHRES</b>: the product's own "
    "high-resolution raster on its exact grid (Landsat 7-9: the 15 m pan B8; Sentinel-2: B2, B3, "
    "B4, B8 at 10 m; PRISMA: the 5 m PAN; EnMAP has none). <b>OUTPUT_60M</b>: Sentinel-2's B1, B9.</p>"
    "<p>A name ending in <i>.vrt</i> writes a virtual raster (no pixels copied; Float32 values with "
    "the product's scale and offset applied); <i>.tif</i> writes a Float32 GeoTIFF. PRISMA's cubes "
    "are always copied once into a GeoTIFF (beside the .vrt), since a VRT cannot reference them "
    "with their map grid.</p>"
    "<p>Reflectance: Landsat Level-1 top-of-atmosphere reflectance (REFLECTANCE_MULT x DN + "
    "REFLECTANCE_ADD), divided by the sine of the sun elevation when SUN_ELEVATION is set and the "
    "MTL has it; Level-2 surface reflectance. Sentinel-2 (DN + offset) / quantification value "
    "(RADIO_ADD_OFFSET / BOA_ADD_OFFSET since processing baseline 04.00). PRISMA L2ScaleMin + DN x "
    "(L2ScaleMax - L2ScaleMin) / 65535. EnMAP DN x gain + offset.</p>"
    "<p>The fusion algorithms take the outputs directly (the ratio comes from the pixel sizes: 2 for "
    "Landsat and Sentinel-2 20 m / 10 m, 6 for PRISMA); pick bands with MS_BANDS, e.g. Landsat-8 "
    "B2..B5 are bands 2, 3, 4, 5 of OUTPUT_LOWRES. Values are in reflectance units (0-1).</p>"
    "<p>Runtime: under a second for VRT outputs (only metadata is read; measured 0.6 s for a "
    "Landsat-8 product); a GeoTIFF output or a PRISMA cube copies the pixels (seconds per "
    "gigabyte). No GPU is used.</p>"
    "<p>References: USGS, Landsat 8-9 Collection 2 Level 1 Data Format Control Book (LSDS-1822), "
    "2021; ESA, Sentinel-2 Products Specification Document (S2-PDGS-TAS-DI-PSD), 2021; ASI, PRISMA "
    "Product Specifications, 2020; DLR, EnMAP Level 2A product specification, 2022.</p>")

SPEC = AlgorithmSpec(
    name="prepare_product", display_name="Prepare a sensor product (Landsat, Sentinel-2, PRISMA, EnMAP)",
    group="Products", group_id="products", help=HELP, help_anchor="algorithms",
    run=f"{__name__}:run", needs=("numpy", "rasterio"),
    params=(
        Param("PRODUCT", "file", "Product (MTL, SAFE folder or MTD XML, .he5, METADATA.XML)",
              help="The product's metadata file (or the Sentinel-2 .SAFE folder)."),
        Param("SUN_ELEVATION", "bool", "Landsat Level-1: correct for the sun elevation", default=True,
              advanced=True,
              help="Divide the top-of-atmosphere reflectance by sin(SUN_ELEVATION) of the MTL."),
        Param("OUTPUT_LOWRES", "raster_out", "Spectral stack (low resolution)", extension="vrt"),
        Param("OUTPUT_HIGHRES", "raster_out", "High-resolution raster (PAN / 10 m bands)", optional=True, extension="vrt"),
        Param("OUTPUT_60M", "raster_out", "Sentinel-2 60 m bands (B1, B9)", optional=True, extension="vrt"),
    ))


def run(values: dict, ctx) -> dict:
    """Read PRODUCT and write its band groups (`rasters.products`)."""
    from ...rasters.products import open_product, write_product_vrts
    product = open_product(values["PRODUCT"], sun_elevation=bool(values.get("SUN_ELEVATION", True)))
    ctx.info(tr("Product: {0} {1} ({2}).").format(product.sensor, product.level,
                                                   os.path.basename(product.path)))
    for note in product.notes:
        ctx.info(note)
    for group, name in (("lowres", "OUTPUT_LOWRES"), ("highres", "OUTPUT_HIGHRES"), ("lowres60", "OUTPUT_60M")):
        bands = product.group(group)
        if bands:
            ctx.info(tr("{0}: {1}").format(name, ", ".join(b.name for b in bands)))
        elif values.get(name) and group != "lowres60":
            ctx.warning(tr("This product has no bands for {0}; nothing written there.").format(name))
    out = write_product_vrts(product, values["OUTPUT_LOWRES"], values.get("OUTPUT_HIGHRES"),
                             values.get("OUTPUT_60M"), progress=lambda f: ctx.report(f, ""))
    return {"OUTPUT_LOWRES": out["lowres"], "OUTPUT_HIGHRES": out["highres"], "OUTPUT_60M": out["lowres60"]}
