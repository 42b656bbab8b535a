"""Sensor products in, analysis-ready band stacks out (rasterio / GDAL / h5py only).

``open_product(path)`` recognises a Landsat 4-9 Collection 2 ``*_MTL.txt``, a Sentinel-2 L1C/L2A
SAFE folder or its ``MTD_MSIL1C.xml`` / ``MTD_MSIL2A.xml``, a PRISMA L2D ``.he5`` and an EnMAP
L2A ``*-METADATA.XML`` and returns a `Product`: band groups ``lowres`` (the spectral stack),
``highres`` (PAN or Sentinel-2's 10 m bands) and ``lowres60`` (Sentinel-2's B1, B9), each band
with its name, wavelength and FWHM (nm), nodata and reflectance scale/offset.
``write_product_vrts(product, out_lowres, out_highres, out_60m)`` writes them as VRTs whose
Float32 pixels read as reflectance (see `base`).
"""
from __future__ import annotations

import os

from ..errors import RasterError
from .base import Product, ProductBand, write_group, write_product_vrts
from .enmap import is_enmap, open_enmap
from .landsat import is_landsat_mtl, open_landsat, parse_mtl
from .prisma import is_prisma, open_prisma
from .sentinel2 import find_mtd, open_sentinel2

__all__ = ["Product", "ProductBand", "open_product", "write_product_vrts", "write_group",
           "open_landsat", "open_sentinel2", "open_prisma", "open_enmap", "parse_mtl",
           "product_kind"]


def product_kind(path) -> str | None:
    """'landsat', 'sentinel2', 'prisma', 'enmap' or None, from the path's name (and folder)."""
    p = os.path.abspath(os.fspath(path))
    if os.path.isdir(p):
        if find_mtd(p):
            return "sentinel2"
        mtl = [n for n in os.listdir(p) if n.upper().endswith("_MTL.TXT")]
        if len(mtl) == 1:
            return "landsat"
        xml = [n for n in os.listdir(p) if is_enmap(n)]
        if len(xml) == 1:
            return "enmap"
        return None
    if is_landsat_mtl(p):
        return "landsat"
    if find_mtd(p):
        return "sentinel2"
    if is_prisma(p):
        return "prisma"
    if is_enmap(p):
        return "enmap"
    return None


def open_product(path, sun_elevation: bool = True) -> Product:
    """Read a product's metadata (no pixels) into a `Product`; RasterError for the user otherwise.

    path: a Landsat ``*_MTL.txt`` (or its folder), a Sentinel-2 ``.SAFE`` folder or its
    ``MTD_MSIL*.xml``, a PRISMA ``.he5``, an EnMAP ``*-METADATA.XML`` (or its folder).
    sun_elevation: Landsat Level-1 only; divide by sin(SUN_ELEVATION) (see `landsat`).
    """
    p = os.path.abspath(os.fspath(path))
    if not os.path.exists(p):
        raise RasterError(f"The product '{p}' does not exist. Check the path.")
    kind = product_kind(p)
    if kind == "landsat":
        if os.path.isdir(p):
            p = os.path.join(p, next(n for n in os.listdir(p) if n.upper().endswith("_MTL.TXT")))
        return open_landsat(p, sun_elevation=sun_elevation)
    if kind == "sentinel2":
        return open_sentinel2(p)
    if kind == "prisma":
        return open_prisma(p)
    if kind == "enmap":
        if os.path.isdir(p):
            p = os.path.join(p, next(n for n in os.listdir(p) if is_enmap(n)))
        return open_enmap(p)
    raise RasterError(f"'{p}' is not a product FuseDiff reads. Choose a Landsat Collection 2 *_MTL.txt, "
                      f"a Sentinel-2 .SAFE folder or its MTD_MSIL1C.xml / MTD_MSIL2A.xml, a PRISMA L2D "
                      f".he5 or an EnMAP L2A *-METADATA.XML.")
