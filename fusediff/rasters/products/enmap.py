"""EnMAP Level-2A products: ``*-METADATA.XML`` and the ``*-SPECTRAL_IMAGE`` GeoTIFF beside it.

From the XML (root ``level_X``): per band ``specific/bandCharacterisation/bandID`` with
wavelengthCenterOfBand, FWHMOfBand (nm), GainOfBand and OffsetOfBand (reflectance = DN * gain +
offset); the VNIR / SWIR channel lists (``specific/vnirProductQuality/expectedChannelsList``,
``specific/swirProductQuality/...``) when present, to drop the VNIR bands inside the 900-1000 nm
detector overlap (the SWIR detector's bands are kept there, as the EnMAP-Box does by default);
the nodata value from the image (else -32768). The spectral image is the file of the product
folder whose name holds '-SPECTRAL_IMAGE' (.TIF, or any format GDAL reads).

LOWRES = those bands in increasing wavelength; EnMAP has no high-resolution raster (pair it with
a Sentinel-2 product for HSI-MSI fusion).
"""
from __future__ import annotations

import glob
import os
import xml.etree.ElementTree as ET

from .. import backend
from ..backend import BackendError as RasterioError
from ..errors import RasterError
from .base import Product, ProductBand


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _child(e, name):
    for c in e:
        if _local(c.tag) == name:
            return c
    return None


def _find_path(root, *names):
    e = root
    for n in names:
        e = _child(e, n) if e is not None else None
    return e


def is_enmap(path: str) -> bool:
    name = os.path.basename(path).upper()
    return name.endswith("METADATA.XML") and not name.startswith("MTD_")


def _spectral_image(xml_path: str) -> str:
    folder = os.path.dirname(xml_path)
    stem = os.path.basename(xml_path)
    stem = stem[: stem.upper().rfind("METADATA.XML")]
    cands = []
    for pattern in (f"{stem}SPECTRAL_IMAGE*", "*SPECTRAL_IMAGE*"):
        cands = [p for p in glob.glob(os.path.join(folder, pattern))
                 if not p.lower().endswith((".hdr", ".xml", ".aux.xml", ".ovr"))]
        if cands:
            break
    if not cands:
        raise RasterError(f"No '*-SPECTRAL_IMAGE' file beside '{xml_path}': keep the EnMAP product's "
                          f"files together.")
    cands.sort(key=lambda p: (not p.upper().endswith((".TIF", ".TIFF")), p))
    return cands[0]


def open_enmap(path: str) -> Product:
    """Read an EnMAP L2A METADATA.XML (see the module docstring)."""
    path = os.path.abspath(os.fspath(path))
    try:
        root = ET.parse(path).getroot()
    except (ET.ParseError, OSError) as exc:
        raise RasterError(f"Cannot read the EnMAP metadata '{path}' ({exc}).") from exc
    bc = _find_path(root, "specific", "bandCharacterisation")
    if bc is None:
        raise RasterError(f"'{path}' is not an EnMAP metadata file: it has no "
                          f"specific/bandCharacterisation.")
    level = (_find_path(root, "metadata", "schema", "processingLevel") is not None
             and _find_path(root, "metadata", "schema", "processingLevel").text) or "L2A"
    info = []
    for b in bc:
        if _local(b.tag) != "bandID":
            continue

        def num(name, default=None, b=b):
            c = _child(b, name)
            try:
                return float(c.text) if c is not None and c.text else default
            except ValueError:
                return default
        info.append((int(b.get("number", len(info) + 1)), num("wavelengthCenterOfBand"),
                     num("FWHMOfBand"), num("GainOfBand", 1.0), num("OffsetOfBand", 0.0)))
    if not info:
        raise RasterError(f"The EnMAP metadata '{path}' lists no bands.")
    image = _spectral_image(path)
    try:
        with backend.open_raster(image) as ds:
            count, nodata = ds.count, ds.nodata
    except (RasterioError, OSError) as exc:
        raise RasterError(f"Cannot read the EnMAP spectral image '{image}' ({exc}).") from exc
    if count != len(info):
        raise RasterError(f"The EnMAP spectral image '{image}' has {count} bands but its metadata "
                          f"lists {len(info)}.")
    keep = {n for n, *_ in info}
    vnir = _find_path(root, "specific", "vnirProductQuality", "expectedChannelsList")
    swir = _find_path(root, "specific", "swirProductQuality", "expectedChannelsList")
    if vnir is not None and swir is not None and vnir.text and swir.text:
        try:
            v = [int(x) for x in vnir.text.split(",") if x.strip()]
            s = [int(x) for x in swir.text.split(",") if x.strip()]
            wl = {n: w for n, w, *_ in info}
            first_swir = min(wl[i] for i in s if wl.get(i) is not None)
            keep = {i for i in v if wl.get(i) is not None and wl[i] < first_swir} | set(s)
        except (ValueError, KeyError):
            keep = {n for n, *_ in info}
    bands = [ProductBand(name=f"B{n}", path=image, band=k + 1, wavelength=w, fwhm=fw,
                         scale=g, offset=o, nodata=-32768.0 if nodata is None else nodata)
             for k, (n, w, fw, g, o) in enumerate(info) if n in keep]
    bands.sort(key=lambda b: (b.wavelength is None, b.wavelength or 0.0))
    notes = [f"EnMAP {level}: reflectance = DN * GainOfBand + OffsetOfBand; {len(bands)} of "
             f"{len(info)} bands (the VNIR bands of the detector overlap left out)."]
    return Product(kind="enmap", path=path, sensor="EnMAP HSI", level=str(level), lowres=bands,
                   notes=notes)
