"""Real spectral responses of multispectral sensors (from the pyrsr package's tables), resampled
to a hyperspectral raster's bands, and the PAN spectral-coverage check. NumPy only (no QGIS, no
torch); pyrsr's data files are read directly (importing pyrsr itself needs NumPy 2's trapezoid).

A spectral response matrix follows the project's convention (models/, algorithms/srf.py): shape
(c_out, C_in), one row per band of the high-resolution raster (MSI / PAN), one column per band
of the spectral raster (HSI), rows non-negative and summing to 1.

Resampling (`srf_matrix`): the HSI spectrum is taken as sum_j h_j phi_j(lambda), with phi_j a
partition of unity over the HSI's bands -- normalised Gaussians of the bands' FWHM when known
(phi_j = g_j / sum_i g_i), linear-interpolation hats between band centres otherwise -- so the
MSI band k sees m_k = sum_j h_j int R_k phi_j / int R_k: srf[k, j] = int R_k phi_j / int R_k.
The part of R_k outside the HSI's range (half a FWHM / band spacing beyond its first and last
bands) is the band's uncovered fraction: rows are renormalised to sum 1 over the covered part,
a band less than 95 % covered gets a warning and one less than 50 % covered is an error.
"""
from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass, field

import numpy as np

__all__ = ["SENSORS", "sensor_ids", "sensor_label", "sensor_bands", "sensor_response",
           "srf_matrix", "SensorSRF", "match_sensor_bands", "PAN_RANGES", "pan_range",
           "bands_outside_pan", "pan_coverage_warning"]

# id -> (label, pyrsr satellite folder, pyrsr sensor folder, {our band name: pyrsr band}, default
# bands (the reflective multispectral set), pan band or None)
_L_OLI = {f"B{i}": str(i) for i in range(1, 10)}
SENSORS = {
    "landsat4_tm": ("Landsat-4 TM", "Landsat-4", "TM", {f"B{i}": str(i) for i in (1, 2, 3, 4, 5, 7)},
                    ["B1", "B2", "B3", "B4", "B5", "B7"], None),
    "landsat5_tm": ("Landsat-5 TM", "Landsat-5", "TM", {f"B{i}": str(i) for i in (1, 2, 3, 4, 5, 7)},
                    ["B1", "B2", "B3", "B4", "B5", "B7"], None),
    "landsat7_etm": ("Landsat-7 ETM+", "Landsat-7", "ETM+",
                     {f"B{i}": str(i) for i in (1, 2, 3, 4, 5, 7, 8)},
                     ["B1", "B2", "B3", "B4", "B5", "B7"], "B8"),
    "landsat8_oli": ("Landsat-8 OLI", "Landsat-8", "OLI_TIRS", _L_OLI,
                     ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "landsat9_oli2": ("Landsat-9 OLI-2", "Landsat-9", "OLI_TIRS", _L_OLI,
                      ["B1", "B2", "B3", "B4", "B5", "B6", "B7"], "B8"),
    "sentinel2a_msi": ("Sentinel-2A MSI", "Sentinel-2A", "MSI",
                       {**{f"B{i}": str(i) for i in range(1, 13)}, "B8A": "8A"},
                       ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12"],
                       None),
    "sentinel2b_msi": ("Sentinel-2B MSI", "Sentinel-2B", "MSI",
                       {**{f"B{i}": str(i) for i in range(1, 13)}, "B8A": "8A"},
                       ["B1", "B2", "B3", "B4", "B5", "B6", "B7", "B8", "B8A", "B9", "B11", "B12"],
                       None),
    "rapideye_msi": ("RapidEye MSI", "RapidEye", "MSI", {f"B{i}": str(i) for i in range(1, 6)},
                     ["B1", "B2", "B3", "B4", "B5"], None),
    "spot5_hrg": ("SPOT-5 HRG", "SPOT-5", "HRG1", {f"B{i}": str(i) for i in range(1, 6)},
                  ["B1", "B2", "B3", "B4"], None),
    "terra_aster": ("Terra ASTER (VNIR + SWIR)", "Terra", "ASTER",
                    {"B1": "1", "B2": "2", "B3N": "3N", **{f"B{i}": str(i) for i in range(4, 10)}},
                    ["B1", "B2", "B3N", "B4", "B5", "B6", "B7", "B8", "B9"], None),
}
# Sentinel-2 band groups by resolution (for an MSI raster made of one group)
S2_GROUPS = {"10m": ["B2", "B3", "B4", "B8"], "20m": ["B5", "B6", "B7", "B8A", "B11", "B12"],
             "60m": ["B1", "B9"]}

#: nominal PAN spectral ranges (nm): Landsat 8/9 OLI pan 500-680 (no NIR), Landsat 7 ETM+ 520-900,
#: PRISMA 400-700, SPOT-5 480-710, IKONOS 450-900 (the simulate default).
PAN_RANGES = {"landsat8": (500.0, 680.0), "landsat9": (500.0, 680.0), "landsat7": (520.0, 900.0),
              "prisma": (400.0, 700.0), "spot5": (480.0, 710.0), "ikonos": (450.0, 900.0)}


def sensor_ids() -> list:
    """Ids of the sensors with a built-in response (for an enum parameter)."""
    return list(SENSORS)


def sensor_label(sensor: str) -> str:
    return _spec(sensor)[0]


def sensor_bands(sensor: str, pan: bool = False) -> list:
    """Default band names of a sensor (its reflective multispectral set; ['B8'] for pan=True)."""
    s = _spec(sensor)
    if pan:
        if s[5] is None:
            raise ValueError(f"{s[0]} has no panchromatic band.")
        return [s[5]]
    return list(s[4])


def _spec(sensor: str):
    key = str(sensor).strip().lower()
    if key not in SENSORS:
        raise ValueError(f"Unknown sensor '{sensor}'. Choose one of: {', '.join(SENSORS)}.")
    return SENSORS[key]


def _pyrsr_data() -> str:
    spec = importlib.util.find_spec("pyrsr")
    if spec is None or not spec.submodule_search_locations:
        raise ValueError("Sensor spectral responses need the 'pyrsr' package. Install it "
                         "(pip install --no-deps pyrsr==0.8.0) or give the response as a CSV file.")
    return os.path.join(list(spec.submodule_search_locations)[0], "data")


def _load_curve(path: str):
    """(wavelength nm, response) from a pyrsr band file (1 header line; µm or nm)."""
    tab = np.loadtxt(path, skiprows=1, ndmin=2)
    wl, r = tab[:, 0].astype(np.float64), np.clip(tab[:, 1].astype(np.float64), 0.0, None)
    if wl.max() < 30.0:
        wl = wl * 1000.0
    order = np.argsort(wl)
    return wl[order], r[order]


def sensor_response(sensor: str, bands=None, step: float = 1.0):
    """Relative spectral responses of a sensor's bands on a common wavelength grid.

    bands: band names (default: the sensor's reflective set). Returns (names, wavelengths nm
    (n,), responses (len(names), n), each peak-normalised to 1).
    """
    label, sat, sen, table, default, pan = _spec(sensor)
    names = list(bands) if bands is not None else list(default)
    bad = [b for b in names if b not in table]
    if bad:
        raise ValueError(f"{label} has no band(s) {', '.join(map(str, bad))}; its bands are "
                         f"{', '.join(table)}.")
    root = os.path.join(_pyrsr_data(), sat, sen)
    curves = []
    for b in names:
        p = os.path.join(root, f"band_{table[b]}")
        if not os.path.isfile(p):
            raise ValueError(f"pyrsr has no response file for {label} {b} ({p}).")
        curves.append(_load_curve(p))
    lo = min(c[0][0] for c in curves)
    hi = max(c[0][-1] for c in curves)
    grid = np.arange(np.floor(lo), np.ceil(hi) + step, step)
    resp = np.stack([np.interp(grid, w, r, left=0.0, right=0.0) for w, r in curves])
    resp /= np.maximum(resp.max(axis=1, keepdims=True), 1e-30)
    return names, grid, resp


@dataclass
class SensorSRF:
    """A resampled response: ``matrix`` (c_out, C_in) rows summing to 1; ``names`` of the rows;
    ``centres`` (nm, response-weighted); ``coverage`` fraction of each row's response inside the
    HSI's range; ``warnings``: sentences for the user (bands partly outside the HSI's range)."""

    matrix: np.ndarray
    names: list
    centres: np.ndarray
    coverage: np.ndarray
    warnings: list = field(default_factory=list)


def _partition(grid, centres, fwhm):
    """(C, n) weights phi_j(lambda) summing to 1 inside the covered range, 0 outside; and the
    covered mask (n,)."""
    c = np.asarray(centres, dtype=np.float64)
    order = np.argsort(c)
    cs = c[order]
    C = cs.size
    if C == 1:
        width = np.array([float(fwhm[0]) if fwhm is not None and fwhm[0] else 10.0])
    else:
        gaps = np.diff(cs)
        spacing = np.empty(C)
        spacing[0], spacing[-1] = gaps[0], gaps[-1]
        if C > 2:
            spacing[1:-1] = np.minimum(gaps[:-1], gaps[1:])
        width = spacing
        if fwhm is not None:
            f = np.asarray(fwhm, dtype=np.float64)[order]
            width = np.where(np.isfinite(f) & (f > 0), f, spacing)
    covered = (grid >= cs[0] - width[0] / 2) & (grid <= cs[-1] + width[-1] / 2)
    phi = np.zeros((C, grid.size))
    if fwhm is not None:
        sigma = width / (2.0 * np.sqrt(2.0 * np.log(2.0)))
        z = -0.5 * ((grid[None, :] - cs[:, None]) / sigma[:, None]) ** 2
        z -= z.max(axis=0, keepdims=True)
        e = np.exp(z)
        phi_s = e / e.sum(axis=0, keepdims=True)
    else:
        phi_s = np.zeros((C, grid.size))
        if C == 1:
            phi_s[0] = 1.0
        else:
            g = np.clip(grid, cs[0], cs[-1])
            k = np.clip(np.searchsorted(cs, g, side="right") - 1, 0, C - 2)
            t = (g - cs[k]) / (cs[k + 1] - cs[k])
            np.add.at(phi_s, (k, np.arange(grid.size)), 1.0 - t)
            np.add.at(phi_s, (k + 1, np.arange(grid.size)), t)
    phi_s[:, ~covered] = 0.0
    phi[order] = phi_s
    return phi, covered


def srf_matrix(sensor: str, wavelengths, fwhm=None, bands=None) -> SensorSRF:
    """A sensor's response resampled to a hyperspectral raster's bands (see the module docstring).

    sensor: an id of `SENSORS`. wavelengths: the HSI's band centres (nm, any order). fwhm: their
    FWHM (nm) or None. bands: which sensor bands make the rows (default: its reflective set; e.g.
    ['B2', 'B3', 'B4', 'B8'] for Sentinel-2's 10 m raster, ['B8'] for a pan).
    Raises ValueError (a sentence for the user) when a band lies mostly outside the HSI's range.
    """
    wl = np.asarray(wavelengths, dtype=np.float64).ravel()
    if wl.size < 1 or not np.isfinite(wl).all():
        raise ValueError("The spectral raster's band wavelengths are unknown; a sensor response needs "
                         "them (band metadata 'wavelength', or the WAVELENGTHS parameter).")
    wl = np.where(wl < 30.0, wl * 1000.0, wl)
    fw = None
    if fwhm is not None:
        fw = np.asarray([np.nan if v is None else float(v) for v in fwhm], dtype=np.float64)
        if fw.size != wl.size:
            raise ValueError(f"{fw.size} FWHM values for {wl.size} bands.")
        fw = np.where(fw < 1.0, fw * 1000.0, fw)  # µm given
        if not np.isfinite(fw).any():
            fw = None
    names, grid, resp = sensor_response(sensor, bands)
    phi, covered = _partition(grid, wl, fw)
    total = resp.sum(axis=1)
    coverage = (resp * covered[None]).sum(axis=1) / np.maximum(total, 1e-30)
    m = resp @ phi.T  # (c_out, C)
    label = sensor_label(sensor)
    lo, hi = float(wl.min()), float(wl.max())
    out = [n for n, c in zip(names, coverage) if c < 0.5]
    if out:
        raise ValueError(f"{label} band(s) {', '.join(out)} lie outside the spectral raster's "
                         f"wavelengths ({lo:.0f}-{hi:.0f} nm): choose the sensor bands the raster "
                         f"covers.")
    warnings = [f"{label} {n}: only {100 * c:.0f} % of its spectral response lies inside the "
                f"spectral raster's wavelengths ({lo:.0f}-{hi:.0f} nm)."
                for n, c in zip(names, coverage) if c < 0.95]
    m = m / m.sum(axis=1, keepdims=True)
    centres = (resp * grid[None]).sum(axis=1) / np.maximum(total, 1e-30)
    return SensorSRF(matrix=m, names=list(names), centres=centres, coverage=coverage,
                     warnings=warnings)


def match_sensor_bands(sensor: str, names=None, count: int | None = None) -> list:
    """Sensor bands for an MSI raster: by its band names when they are the sensor's ('B2',
    'b02', 'B8A'), else the default set when ``count`` matches it, else a Sentinel-2 resolution
    group of that size. ValueError (for the user) when nothing fits."""
    label, _, _, table, default, _ = _spec(sensor)
    if names:
        picked = []
        for n in names:
            t = str(n).strip().upper().replace(" ", "")
            t = t[4:] if t.startswith("BAND") else (t[1:] if t.startswith("B") else t)
            t = t.lstrip("0") or "0"
            key = f"B{t}"
            if key in table:
                picked.append(key)
            else:
                picked = None
                break
        if picked:
            return picked
    if count is not None:
        if count == len(default):
            return list(default)
        if label.startswith("Sentinel-2"):
            for g in S2_GROUPS.values():
                if len(g) == count:
                    return list(g)
    raise ValueError(f"Cannot tell which {label} bands the high-resolution raster holds "
                     f"({count} band(s){', names ' + ', '.join(map(str, names)) if names else ''}): "
                     f"name its bands like the sensor's ({', '.join(table)}) or give the response "
                     f"as a CSV file.")


def pan_range(sensor_or_wavelength=None, fwhm: float | None = None):
    """(lo, hi) nm of a PAN: from a key of PAN_RANGES ('landsat8'), or centre +- FWHM / 2."""
    if isinstance(sensor_or_wavelength, str):
        key = sensor_or_wavelength.strip().lower()
        for k, v in PAN_RANGES.items():
            if key.startswith(k) or k.startswith(key):
                return v
        raise ValueError(f"No PAN range known for '{sensor_or_wavelength}'.")
    if sensor_or_wavelength is None or fwhm is None:
        return None
    c, f = float(sensor_or_wavelength), float(fwhm)
    return (c - f / 2.0, c + f / 2.0)


def bands_outside_pan(wavelengths, pan: tuple, fwhm=None) -> list:
    """Indices of bands whose centre (or, with FWHM, most of whose band) lies outside the PAN's
    range ``pan`` = (lo, hi) nm; bands of unknown wavelength (None) are not reported."""
    lo, hi = float(pan[0]), float(pan[1])
    out = []
    for i, w in enumerate(wavelengths):
        if w is None:
            continue
        w = float(w)
        if fwhm is not None and fwhm[i]:
            a, b = w - float(fwhm[i]) / 2.0, w + float(fwhm[i]) / 2.0
            inside = max(0.0, min(b, hi) - max(a, lo)) / max(b - a, 1e-9)
            if inside < 0.5:
                out.append(i)
        elif not lo <= w <= hi:
            out.append(i)
    return out


def pan_coverage_warning(names, wavelengths, pan: tuple | None, fwhm=None,
                         pan_label: str = "the PAN") -> str | None:
    """A sentence naming the pansharpening input bands outside the PAN's spectral range (their
    detail is borrowed from a band that does not see them: e.g. Landsat 8/9 NIR and SWIR under
    the 500-680 nm pan), or None when all bands are inside or the range is unknown."""
    if pan is None or wavelengths is None:
        return None
    idx = bands_outside_pan(wavelengths, pan, fwhm)
    if not idx:
        return None
    listed = ", ".join(f"{names[i] if names and names[i] else f'band {i + 1}'} "
                       f"({float(wavelengths[i]):.0f} nm)" for i in idx)
    return (f"Band(s) {listed} lie outside the spectral range of {pan_label} "
            f"({pan[0]:.0f}-{pan[1]:.0f} nm): their sharpened detail comes from a band that does not "
            f"see them and may show spectral distortion. Consider MS_BANDS inside the PAN's range.")
