"""Spectral-response and wavelength inputs given as text (shared by the engine algorithms).

A spectral response (SRF) is a (c_out, C_in) matrix: one row per band of the
high-resolution raster (PAN/MSI), one column per band of the spectral
raster, rows non-negative and summing to 1 (models/ convention).
NumPy only.
"""
from __future__ import annotations

import csv

import numpy as np


def _number(cell: str):
    try:
        return float(cell)
    except ValueError:
        return None


def load_srf_csv(path: str, n_in: int) -> np.ndarray:
    """Read a spectral response from a CSV file as a (c_out, n_in) float64 matrix.

    Layout: one row per output band, one column per input band (``n_in``
    columns). A header row and a first column of labels (non-numeric cells)
    are skipped. A file with ``n_in`` rows instead (one row per input band) is
    transposed. Rows are normalised to sum 1. Raises ValueError with a
    sentence for the user when the file cannot be used.
    """
    try:
        with open(path, newline="", encoding="utf-8-sig") as f:
            sample = f.read(4096)
            f.seek(0)
            try:
                dialect = csv.Sniffer().sniff(sample, delimiters=",;\t ")
            except csv.Error:
                dialect = csv.excel
            rows = [r for r in csv.reader(f, dialect) if any(c.strip() for c in r)]
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"Cannot read the spectral response file '{path}' ({exc}).") from exc
    table = []
    for r in rows:
        values = [_number(c.strip()) for c in r if c.strip() != ""]
        if values and values[0] is None:
            values = values[1:]  # a label column
        if not values or any(v is None for v in values):
            if table:
                raise ValueError(f"The spectral response file '{path}' has a non-numeric cell in row "
                                 f"{len(table) + 1}; it must hold numbers only (a header row and a "
                                 f"label column are allowed).")
            continue  # header row
        table.append(values)
    if not table or len({len(v) for v in table}) != 1:
        raise ValueError(f"The spectral response file '{path}' must be a table of numbers with the same "
                         f"number of columns in every row.")
    m = np.asarray(table, dtype=np.float64)
    if m.shape[1] != n_in and m.shape[0] == n_in:
        m = m.T
    if m.shape[1] != n_in:
        raise ValueError(f"The spectral response in '{path}' has {m.shape[1]} columns but the spectral "
                         f"raster has {n_in} bands: give one column per band (one row per output band).")
    if not np.isfinite(m).all() or (m < 0).any():
        raise ValueError(f"The spectral response in '{path}' has negative or non-finite values.")
    sums = m.sum(axis=1, keepdims=True)
    if (sums <= 0).any():
        raise ValueError(f"A row of the spectral response in '{path}' is all zero; every output band "
                         f"needs a positive response to some input band.")
    return m / sums


def parse_wavelengths(text: str, n_bands: int) -> np.ndarray:
    """Band centres in nm from text: 'w1, w2, ...' (n_bands values) or 'first:last' (evenly spaced).

    Values below 30 are taken as micrometres. Raises ValueError (for the user)
    when the count does not match.
    """
    t = text.strip().strip("{}[]()")
    if ":" in t and "," not in t:
        parts = [p for p in t.split(":") if p.strip()]
        if len(parts) != 2 or any(_number(p) is None for p in parts):
            raise ValueError(f"Wavelength range '{text}' must be 'first:last' in nm, e.g. 400:2500.")
        wl = np.linspace(float(parts[0]), float(parts[1]), n_bands)
    else:
        cells = [c for c in t.replace(";", ",").replace(" ", ",").split(",") if c.strip()]
        values = [_number(c) for c in cells]
        if any(v is None for v in values):
            raise ValueError(f"Wavelengths '{text}' must be numbers in nm separated by commas.")
        if len(values) != n_bands:
            raise ValueError(f"{len(values)} wavelengths were given but the raster has {n_bands} bands; "
                             f"give one per band or a range 'first:last'.")
        wl = np.asarray(values, dtype=np.float64)
    return np.where(wl < 30.0, wl * 1000.0, wl)


def load_srf_for(path, n_low: int, n_high: int):
    """The SRF CSV at ``path`` as a (n_high, n_low) matrix for a pair whose spectral raster has
    ``n_low`` bands and whose high-resolution raster has ``n_high``; None without a path.
    ValueError (for the user) when its rows do not match the high-resolution raster's bands."""
    if not path:
        return None
    from .i18n import tr
    srf = load_srf_csv(path, n_low)
    if n_high == 1 and srf.shape[0] != 1:
        raise ValueError(tr("The SRF file must have one row (the PAN's response)."))
    if srf.shape[0] != n_high:
        raise ValueError(tr("The SRF file has {0} rows but the MSI has {1} bands: one row per "
                            "MSI band is needed.").format(srf.shape[0], n_high))
    return srf
