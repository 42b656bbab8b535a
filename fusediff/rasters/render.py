"""How a fused raster should be drawn: the true-colour band choice and a contrast stretch on the
valid pixels (rasterio + NumPy; the QGIS adapter turns this into a layer renderer).

`rgb_bands(descriptions, wavelengths)` picks the bands closest to red (650 nm), green (560 nm) and
blue (480 nm) by wavelength when known (each within its colour's range), else by the band names
Landsat / Sentinel-2 products use ('B4', 'B3', 'B2' from product VRTs; 'Red', 'Green', 'Blue');
it returns 1-based (red, green, blue) or None when no true-colour triple exists (the adapter then
keeps QGIS's default). `stretch(path, bands)` gives per-band (low, high) at the 2nd and 98th
percentiles of a decimated read of the valid pixels (nodata, NaN and inf left out).
"""
from __future__ import annotations

import os

import numpy as np

__all__ = ["rgb_bands", "stretch", "layer_name"]

_TARGET = {"red": (650.0, 600.0, 720.0), "green": (560.0, 500.0, 600.0), "blue": (480.0, 400.0, 520.0)}
_NAMES = {"red": ("red", "r"), "green": ("green", "g"), "blue": ("blue", "b")}


def _by_wavelength(wavelengths):
    out = []
    for colour in ("red", "green", "blue"):
        centre, lo, hi = _TARGET[colour]
        best = None
        for i, w in enumerate(wavelengths):
            if w is None or not lo <= float(w) <= hi:
                continue
            if best is None or abs(float(w) - centre) < abs(float(wavelengths[best]) - centre):
                best = i
        if best is None:
            return None
        out.append(best + 1)
    return tuple(out) if len(set(out)) == 3 else None


def _norm(name: str) -> str:
    return "".join(ch for ch in str(name).lower() if ch.isalnum())


def rgb_bands(descriptions=None, wavelengths=None, sensor_hint: str = ""):
    """1-based (red, green, blue) band numbers, or None (see the module docstring).

    Names: 'red'/'green'/'blue' anywhere; else Sentinel-2 / Landsat 8-9 names B4/B3/B2 ('B04'...),
    or Landsat 4-7 names B3/B2/B1 when ``sensor_hint`` says so (e.g. 'Landsat-7').
    """
    wl = list(wavelengths or [])
    if wl and any(w is not None for w in wl):
        picked = _by_wavelength(wl)
        if picked:
            return picked
    names = [_norm(d) for d in (descriptions or [])]
    if not names:
        return None
    out = []
    for colour in ("red", "green", "blue"):
        hit = next((i + 1 for i, n in enumerate(names) if n in _NAMES[colour] or n.startswith(colour)),
                   None)
        out.append(hit)
    if all(out):
        return tuple(out)
    old = any(k in sensor_hint.lower() for k in ("landsat-4", "landsat-5", "landsat-7", "tm", "etm"))
    want = ("b3", "b2", "b1") if old else ("b4", "b3", "b2")
    canon = [("b" + n[1:].lstrip("0")) if n.startswith("b") and n[1:].isdigit() else n for n in names]
    if all(w in canon for w in want):
        return tuple(canon.index(w) + 1 for w in want)
    return None


def stretch(path, bands, low: float = 2.0, high: float = 98.0, max_pixels: int = 250_000) -> list:
    """[(lo, hi)] per band: percentiles of the valid pixels of a decimated read (see module doc)."""
    from . import backend

    with backend.open_raster(os.fspath(path)) as ds:
        step = max(1, int(np.ceil(np.sqrt(ds.width * ds.height / max_pixels))))
        rows = [ds.read(list(bands), window=backend.Window(0, r, ds.width, 1))[:, 0, ::step]
                for r in range(0, ds.height, step)]
        a = np.stack(rows, axis=1).astype(np.float64)
        valid = np.isfinite(a).all(axis=0)
        if ds.nodata is not None:
            valid &= ~(a == ds.nodata).any(axis=0)
        out = []
        for b in range(len(bands)):
            v = a[b][valid]
            if v.size == 0:
                out.append((0.0, 1.0))
                continue
            lo, hi = np.percentile(v, [low, high])
            out.append((float(lo), float(hi) if hi > lo else float(lo) + 1e-6))
    return out


def layer_name(method: str, input_path: str = "") -> str:
    """'KSDiff – LC08_..._low' style layer name from a method label and an input file."""
    stem = os.path.splitext(os.path.basename(os.fspath(input_path or "")))[0]
    return f"{method} – {stem}" if stem else method
