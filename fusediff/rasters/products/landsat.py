"""Landsat Collection 2 products (Landsat 4-9): the ``*_MTL.txt`` file and the band GeoTIFFs it names.

Only two groups of the MTL are required: PRODUCT_CONTENTS (LANDSAT_PRODUCT_ID, PROCESSING_LEVEL,
FILE_NAME_BAND_n) and, for Level-1, LEVEL1_RADIOMETRIC_RESCALING (REFLECTANCE_MULT_BAND_n,
REFLECTANCE_ADD_BAND_n); for Level-2 (surface reflectance) LEVEL2_SURFACE_REFLECTANCE_PARAMETERS
with the same keys. The band files are looked up beside the MTL.

Level-1 values: top-of-atmosphere reflectance. ``rho' = M * Q + A`` is the reflectance without
the solar-angle correction; when IMAGE_ATTRIBUTES has SUN_ELEVATION (every USGS MTL does) the
reader divides by sin(SUN_ELEVATION) as the Landsat handbook defines TOA reflectance
(``rho = rho' / sin(theta_SE)``, one scene-centre angle), i.e. scale = M / sin, offset = A / sin;
``sun_elevation=False`` leaves rho'. Without SUN_ELEVATION rho' is used and a note says so.
Level-2 values: surface reflectance, M * Q + A (no angle correction: it is already applied).
Nodata: stored 0 (the Collection 2 fill value).

Groups: LOWRES = the reflective 30 m bands in order (OLI: B1-B7; ETM+: B1-B5, B7; TM: B1-B5,
B7), HIGHRES = the 15 m panchromatic band B8 (Landsat 7-9 Level-1 only).
"""
from __future__ import annotations

import math
import os

from ..errors import RasterError
from .base import Product, ProductBand

# centre wavelength and FWHM (nm). OLI / OLI-2: Barsi et al. (2014), Remote Sens. 6, 10232
# (band-average relative spectral responses); ETM+ and TM: Landsat handbook band limits.
_OLI = {"B1": (443.0, 16.0), "B2": (482.0, 60.0), "B3": (561.4, 57.0), "B4": (654.6, 37.0),
        "B5": (864.7, 28.0), "B6": (1608.9, 85.0), "B7": (2200.7, 187.0), "B8": (589.5, 172.0),
        "B9": (1373.4, 21.0)}
_ETM = {"B1": (483.0, 70.0), "B2": (560.0, 80.0), "B3": (662.0, 60.0), "B4": (835.0, 130.0),
        "B5": (1648.0, 200.0), "B7": (2206.0, 260.0), "B8": (706.0, 380.0)}
_TM = {"B1": (485.0, 70.0), "B2": (560.0, 80.0), "B3": (660.0, 60.0), "B4": (830.0, 140.0),
       "B5": (1650.0, 200.0), "B7": (2215.0, 270.0)}

_SENSORS = {  # product id prefix -> (sensor label, band table, lowres bands, pan band)
    "LC08": ("Landsat-8 OLI", _OLI, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "LC09": ("Landsat-9 OLI-2", _OLI, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "LO08": ("Landsat-8 OLI", _OLI, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "LO09": ("Landsat-9 OLI-2", _OLI, ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "LE07": ("Landsat-7 ETM+", _ETM, ["B1", "B2", "B3", "B4", "B5", "B7"], "B8"),
    "LT05": ("Landsat-5 TM", _TM, ["B1", "B2", "B3", "B4", "B5", "B7"], None),
    "LT04": ("Landsat-4 TM", _TM, ["B1", "B2", "B3", "B4", "B5", "B7"], None),
}
_SPACECRAFT = {"LANDSAT_8": "LC08", "LANDSAT_9": "LC09", "LANDSAT_7": "LE07", "LANDSAT_5": "LT05",
               "LANDSAT_4": "LT04"}


def parse_mtl(path: str) -> dict:
    """Parse an MTL text file into {GROUP: {KEY: value}} (values as str, quotes removed).

    Nested groups are flattened under their own name (LANDSAT_METADATA_FILE holds no keys of its
    own in Collection 2).
    """
    groups: dict = {}
    stack = []
    try:
        with open(path, encoding="utf-8", errors="replace") as f:
            for line in f:
                line = line.strip()
                if not line or line == "END" or "=" not in line:
                    continue
                key, _, value = (s.strip() for s in line.partition("="))
                value = value.strip('"')
                if key == "GROUP":
                    stack.append(value)
                    groups.setdefault(value, {})
                elif key == "END_GROUP":
                    if stack:
                        stack.pop()
                elif stack:
                    groups[stack[-1]][key] = value
    except OSError as exc:
        raise RasterError(f"Cannot read the Landsat metadata file '{path}' ({exc}).") from exc
    return groups


def is_landsat_mtl(path: str) -> bool:
    name = os.path.basename(path).upper()
    return name.endswith("_MTL.TXT") or name == "MTL.TXT"


def _float(group: dict, key: str, path: str, needed: str) -> float:
    try:
        return float(group[key])
    except KeyError:
        raise RasterError(f"The Landsat metadata file '{path}' lacks {key} in {needed}; it is not a "
                          f"complete Collection 2 MTL file.") from None
    except ValueError:
        raise RasterError(f"The Landsat metadata file '{path}' has a non-numeric {key} "
                          f"('{group[key]}').") from None


def open_landsat(path: str, sun_elevation: bool = True) -> Product:
    """Read a Landsat Collection 2 MTL file (see the module docstring)."""
    path = os.path.abspath(os.fspath(path))
    g = parse_mtl(path)
    contents = g.get("PRODUCT_CONTENTS")
    if not contents:
        raise RasterError(f"'{path}' is not a Landsat Collection 2 MTL file: it has no PRODUCT_CONTENTS "
                          f"group. Choose the *_MTL.txt file of a Collection 2 product.")
    attrs = g.get("IMAGE_ATTRIBUTES", {})
    pid = contents.get("LANDSAT_PRODUCT_ID", "") or os.path.basename(path)
    prefix = pid[:4].upper()
    if prefix not in _SENSORS:
        prefix = _SPACECRAFT.get(attrs.get("SPACECRAFT_ID", "").upper(), prefix)
    if prefix not in _SENSORS:
        raise RasterError(f"The Landsat product '{pid}' is not one FuseDiff reads (Landsat 4-9 "
                          f"Collection 2: product ids LC08, LC09, LE07, LT05, LT04).")
    sensor, table, low_names, pan = _SENSORS[prefix]
    level = contents.get("PROCESSING_LEVEL", "") or (pid.split("_")[1] if "_" in pid else "")
    level2 = level.upper().startswith("L2")
    if level2:
        resc = g.get("LEVEL2_SURFACE_REFLECTANCE_PARAMETERS")
        need = "LEVEL2_SURFACE_REFLECTANCE_PARAMETERS"
        pan = None  # Level-2 products have no panchromatic band
    else:
        resc = g.get("LEVEL1_RADIOMETRIC_RESCALING")
        need = "LEVEL1_RADIOMETRIC_RESCALING"
    if not resc:
        raise RasterError(f"The Landsat metadata file '{path}' has no {need} group: the reflectance "
                          f"scale and offset are unknown.")
    notes = []
    sin_e = 1.0
    if level2:
        notes.append("Landsat Level-2: surface reflectance = REFLECTANCE_MULT * DN + REFLECTANCE_ADD.")
    else:
        elev = attrs.get("SUN_ELEVATION")
        if sun_elevation and elev not in (None, ""):
            try:
                e = float(elev)
            except ValueError:
                e = None
            if e is not None and 0.0 < e <= 90.0:
                sin_e = math.sin(math.radians(e))
                notes.append(f"Landsat Level-1: top-of-atmosphere reflectance corrected for the sun "
                             f"elevation ({e:g} deg): (REFLECTANCE_MULT * DN + REFLECTANCE_ADD) / "
                             f"sin(SUN_ELEVATION).")
        if sin_e == 1.0:
            notes.append("Landsat Level-1: top-of-atmosphere reflectance without the sun-elevation "
                         "correction (REFLECTANCE_MULT * DN + REFLECTANCE_ADD).")
    folder = os.path.dirname(path)

    def band(name: str) -> ProductBand:
        n = name[1:]
        fname = contents.get(f"FILE_NAME_BAND_{n}")
        if not fname:
            raise RasterError(f"The Landsat metadata file '{path}' names no file for band {name} "
                              f"(FILE_NAME_BAND_{n} in PRODUCT_CONTENTS).")
        fpath = os.path.join(folder, fname)
        if not os.path.exists(fpath):
            # some distributions lower-case the extension
            alt = [p for p in os.listdir(folder) if p.lower() == fname.lower()]
            if not alt:
                raise RasterError(f"The band file '{fname}' named in '{path}' is missing: keep the "
                                  f"band files beside the MTL file.")
            fpath = os.path.join(folder, alt[0])
        m = _float(resc, f"REFLECTANCE_MULT_BAND_{n}", path, need)
        a = _float(resc, f"REFLECTANCE_ADD_BAND_{n}", path, need)
        wl, fw = table.get(name, (None, None))
        return ProductBand(name=name, path=fpath, band=1, wavelength=wl, fwhm=fw,
                           scale=m / sin_e, offset=a / sin_e, nodata=0.0)

    low = [band(b) for b in low_names]
    high = [band(pan)] if pan and contents.get(f"FILE_NAME_BAND_{pan[1:]}") else []
    return Product(kind="landsat", path=path, sensor=sensor, level=level or "?", lowres=low,
                   highres=high, ratio=2 if high else None, notes=notes)


