"""Sentinel-2 Level-1C / Level-2A products: a SAFE folder or its MTD_MSIL1C.xml / MTD_MSIL2A.xml.

Read from the product metadata (namespace-agnostic, so every PSD version parses):
PRODUCT_TYPE, PROCESSING_BASELINE, SPACECRAFT_NAME, the IMAGE_FILE list (band files, relative
to the SAFE folder, '.jp2' appended), the quantification value (L1C QUANTIFICATION_VALUE, L2A
BOA_QUANTIFICATION_VALUE), the additive offsets introduced with processing baseline 04.00
(L1C RADIO_ADD_OFFSET, L2A BOA_ADD_OFFSET, per band_id; absent before 04.00: offset 0), the NODATA
special value (0) and, per band, the central wavelength and the spectral response (its FWHM is
measured from the response values; a table of the nominal widths otherwise).

Reflectance = (DN + offset) / quantification, i.e. scale = 1 / Q, offset = offset / Q.

Groups: LOWRES = B5, B6, B7, B8A, B11, B12 (the 20 m bands; for L2A the R20m files), HIGHRES =
B2, B3, B4, B8 (the 10 m bands on the product's own 10 m grid), LOWRES60 = B1, B9 (60 m; B10, the
cirrus band, is left out: L2A has none and it sees no surface).
"""
from __future__ import annotations

import glob
import os
import re
import xml.etree.ElementTree as ET

import numpy as np

from ..errors import RasterError
from .base import Product, ProductBand

_BAND_IDS = ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B10", "B11", "B12"]
# nominal centre / bandwidth (nm), S2A and S2B (ESA Sentinel-2 user handbook / SRF document)
_NOMINAL = {
    "A": {"B1": (442.7, 21), "B2": (492.4, 66), "B3": (559.8, 36), "B4": (664.6, 31),
          "B5": (704.1, 15), "B6": (740.5, 15), "B7": (782.8, 20), "B8": (832.8, 106),
          "B8A": (864.7, 21), "B9": (945.1, 20), "B10": (1373.5, 31), "B11": (1613.7, 91),
          "B12": (2202.4, 175)},
    "B": {"B1": (442.2, 21), "B2": (492.1, 66), "B3": (559.0, 36), "B4": (664.9, 31),
          "B5": (703.8, 16), "B6": (739.1, 15), "B7": (779.7, 20), "B8": (832.9, 106),
          "B8A": (864.0, 22), "B9": (943.2, 21), "B10": (1376.9, 30), "B11": (1610.4, 94),
          "B12": (2185.7, 185)},
}
LOWRES = ["B5", "B6", "B7", "B8A", "B11", "B12"]
HIGHRES = ["B2", "B3", "B4", "B8"]
LOWRES60 = ["B1", "B9"]
_RES = {"B2": 10, "B3": 10, "B4": 10, "B8": 10, "B5": 20, "B6": 20, "B7": 20, "B8A": 20,
        "B11": 20, "B12": 20, "B1": 60, "B9": 60, "B10": 60}


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _iter(root, name):
    return (e for e in root.iter() if _local(e.tag) == name)


def _first_text(root, name):
    for e in _iter(root, name):
        if e.text and e.text.strip():
            return e.text.strip()
    return None


def _band_name(text: str) -> str | None:
    """'B01' / 'B8A' / '1' -> 'B1' / 'B8A'."""
    t = text.strip().upper()
    m = re.fullmatch(r"B?0*(\d{1,2}A?)", t)
    return f"B{m.group(1)}" if m else None


def find_mtd(path: str) -> str | None:
    """The MTD_MSIL1C.xml / MTD_MSIL2A.xml of a SAFE folder (or the file itself), else None."""
    path = os.path.abspath(os.fspath(path))
    if os.path.isdir(path):
        for name in ("MTD_MSIL1C.xml", "MTD_MSIL2A.xml"):
            if os.path.isfile(os.path.join(path, name)):
                return os.path.join(path, name)
        hits = glob.glob(os.path.join(path, "MTD_MSIL*.xml"))
        return hits[0] if hits else None
    name = os.path.basename(path).upper()
    if name.startswith("MTD_MSIL") and name.endswith(".XML"):
        return path
    return None


def _fwhm_from_response(si) -> float | None:
    """FWHM (nm) of a Spectral_Information element's response values, if it has them."""
    step = _first_text(si, "STEP")
    values = _first_text(si, "VALUES")
    if not step or not values:
        return None
    try:
        r = np.array([float(v) for v in values.split()])
        s = float(step)
    except ValueError:
        return None
    if r.size < 2 or r.max() <= 0:
        return None
    above = np.nonzero(r >= 0.5 * r.max())[0]
    return float((above[-1] - above[0] + 1) * s)


def open_sentinel2(path: str) -> Product:
    """Read a Sentinel-2 L1C/L2A SAFE folder or its MTD_MSIL1C.xml / MTD_MSIL2A.xml."""
    mtd = find_mtd(path)
    if mtd is None:
        raise RasterError(f"'{path}' is not a Sentinel-2 product: no MTD_MSIL1C.xml or MTD_MSIL2A.xml "
                          f"found. Choose the .SAFE folder or its MTD_MSIL*.xml file.")
    try:
        root = ET.parse(mtd).getroot()
    except (ET.ParseError, OSError) as exc:
        raise RasterError(f"Cannot read the Sentinel-2 metadata '{mtd}' ({exc}).") from exc
    safe = os.path.dirname(mtd)
    ptype = (_first_text(root, "PRODUCT_TYPE") or "").upper()
    l2a = "2A" in ptype or "L2A" in os.path.basename(mtd).upper()
    level = "L2A" if l2a else "L1C"
    baseline = _first_text(root, "PROCESSING_BASELINE") or "?"
    craft = _first_text(root, "SPACECRAFT_NAME") or "Sentinel-2"
    unit = "B" if craft.strip().upper().endswith("B") else "A"

    qtext = _first_text(root, "BOA_QUANTIFICATION_VALUE" if l2a else "QUANTIFICATION_VALUE")
    if qtext is None:
        raise RasterError(f"The Sentinel-2 metadata '{mtd}' has no "
                          f"{'BOA_QUANTIFICATION_VALUE' if l2a else 'QUANTIFICATION_VALUE'}: the "
                          f"reflectance scale is unknown.")
    q = float(qtext)
    offsets = {}
    for e in _iter(root, "BOA_ADD_OFFSET" if l2a else "RADIO_ADD_OFFSET"):
        try:
            offsets[_BAND_IDS[int(e.get("band_id"))]] = float(e.text)
        except (TypeError, ValueError, IndexError):
            continue
    nodata = 0.0
    for sv in _iter(root, "Special_Values"):
        if (_first_text(sv, "SPECIAL_VALUE_TEXT") or "").upper() == "NODATA":
            try:
                nodata = float(_first_text(sv, "SPECIAL_VALUE_INDEX"))
            except (TypeError, ValueError):
                pass
    spectral = {}
    for si in _iter(root, "Spectral_Information"):
        name = _band_name(si.get("physicalBand") or "")
        if name is None:
            try:
                name = _BAND_IDS[int(si.get("bandId"))]
            except (TypeError, ValueError, IndexError):
                continue
        c = _first_text(si, "CENTRAL")
        spectral[name] = (float(c) if c else None, _fwhm_from_response(si))

    # band files: IMAGE_FILE (IMAGE_FILE_2A in early L2A products)
    files: dict = {}
    for tag in ("IMAGE_FILE", "IMAGE_FILE_2A"):
        for e in _iter(root, tag):
            rel = (e.text or "").strip()
            m = re.search(r"_(B\d{1,2}A?)(?:_(\d+)m)?$", rel)
            if not m:
                continue
            name = _band_name(m.group(1))
            res = int(m.group(2)) if m.group(2) else _RES.get(name)
            files.setdefault(name, {})[res] = rel
    if not files:
        raise RasterError(f"The Sentinel-2 metadata '{mtd}' lists no band files (IMAGE_FILE).")

    def band(name: str) -> ProductBand:
        res = _RES[name]
        cands = files.get(name, {})
        rel = cands.get(res) or (next(iter(cands.values())) if cands else None)
        if rel is None:
            raise RasterError(f"The Sentinel-2 product '{safe}' lists no file for band {name}.")
        fpath = None
        for ext in (".jp2", ".JP2", ".tif", ""):
            p = os.path.join(safe, *rel.split("/")) + ext
            if os.path.isfile(p):
                fpath = p
                break
        if fpath is None:
            raise RasterError(f"The band file '{rel}.jp2' listed in '{mtd}' is missing: the SAFE "
                              f"folder is incomplete. Download or unzip the product again.")
        wl, fw = spectral.get(name, (None, None))
        nom = _NOMINAL[unit].get(name, (None, None))
        return ProductBand(name=name, path=fpath, band=1, wavelength=wl or nom[0],
                           fwhm=fw or nom[1], scale=1.0 / q, offset=offsets.get(name, 0.0) / q,
                           nodata=nodata)

    def group(names, required=True):
        if not required and not all(n in files for n in names):
            return []
        return [band(n) for n in names]

    notes = [f"Sentinel-2 {level} (processing baseline {baseline}): reflectance = (DN + offset) / "
             f"{q:g}; offsets " + (", ".join(f"{k} {v:g}" for k, v in offsets.items())
                                  if offsets else "none (baseline before 04.00)") + "."]
    return Product(kind="sentinel2", path=mtd, sensor=f"{craft} MSI", level=level,
                   lowres=group(LOWRES), highres=group(HIGHRES), lowres60=group(LOWRES60, False),
                   ratio=2, notes=notes)
