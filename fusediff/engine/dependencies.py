"""Are the Python packages an algorithm needs importable here? One sentence per problem.

``needs`` are module names as in `AlgorithmSpec.needs`: ``torch``, ``rasterio``, ``dask``, ...
``rasterio`` means "a raster library": it is satisfied by rasterio or, where rasterio is absent
or broken, by GDAL's own Python bindings (``osgeo.gdal``, which every QGIS ships; see
`fusediff.rasters.backend`). A package is *missing* when importing it raises ImportError and
*broken* when importing it raises anything else (a broken binary install raises OSError: a
missing DLL/.so, a NumPy ABI mismatch...). Every import is attempted (through ``__import__``,
so import hooks apply; an imported module costs a dictionary lookup) inside a try that catches
everything except KeyboardInterrupt/SystemExit, so a check never takes the caller down.

`missing(needs)` returns the sentences (empty: all fine); `check(needs)` raises `UserError`
with them. Inside QGIS the one step is the plugin's "Install dependencies" action (the Processing
algorithm ``fusediff:install_dependencies``); elsewhere it is a pip command with the pinned
version. Nothing here imports QGIS (whether we run inside QGIS is read from ``sys.modules``).
"""
from __future__ import annotations

import importlib
import sys
from typing import Iterable, Optional

from .errors import UserError

__all__ = ["PACKAGES", "status", "missing", "check", "in_qgis", "forget"]

#: module -> (what people call it, pinned pip requirement(s))
PACKAGES = {
    "torch": ("PyTorch (torch)", ("torch==2.13.0",)),
    "rasterio": ("rasterio", ("rasterio==1.4.3",)),
    "dask": ("Dask (dask, distributed)", ("dask==2026.8.0", "distributed==2026.8.0")),
    "distributed": ("Dask (dask, distributed)", ("dask==2026.8.0", "distributed==2026.8.0")),
    "tqdm": ("tqdm", ("tqdm==4.70.1",)),
}

QGIS_STEP = ("install it in one step with the menu Plugins > FuseDiff > Install dependencies "
             "(or run the Processing algorithm fusediff:install_dependencies)")
QGIS_REPAIR = ("repair it in one step with the menu Plugins > FuseDiff > Install dependencies "
               "(or the Processing algorithm fusediff:install_dependencies with REINSTALL) "
               "and restart QGIS")

def in_qgis() -> bool:
    """True inside QGIS (desktop, qgis_process, a QgsApplication): qgis.core is loaded."""
    return "qgis.core" in sys.modules


def forget() -> None:
    """Forget importlib's directory caches (after installing or removing packages)."""
    importlib.invalidate_caches()
    for key in [k for k, v in sys.path_importer_cache.items() if v is None]:
        del sys.path_importer_cache[key]  # folders that did not exist when first looked at


def _import(module: str) -> tuple:
    """('ok' | 'missing' | 'broken', detail)."""
    try:
        __import__(module)
    except ImportError as exc:
        # ImportError of a *dependency* of an installed package counts as broken
        name = getattr(exc, "name", None)
        if name and name.split(".")[0] != module.split(".")[0]:
            return "broken", f"{type(exc).__name__}: {exc}"
        return "missing", str(exc)
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # noqa: BLE001 (OSError from a missing .so/DLL, RuntimeError...)
        return "broken", f"{type(exc).__name__}: {exc}"
    return "ok", ""


def status(module: str) -> tuple:
    """('ok' | 'missing' | 'broken', detail) of one needed module (see module doc for rasterio)."""
    if module != "rasterio":
        return _import(module)
    state, detail = _import("rasterio")
    if state == "ok":
        return state, detail
    gdal_state, gdal_detail = _import("osgeo.gdal_array")
    if gdal_state == "ok":
        return "ok", f"rasterio {state} ({detail}); GDAL's bindings are used instead"
    return state, detail


def _sentence(module: str, state: str, detail: str, qgis: bool) -> str:
    label, pins = PACKAGES.get(module, (module, (module,)))
    pip = "python -m pip install " + " ".join(pins)
    if state == "missing":
        if qgis:
            return f"{label} is not installed for the Python that QGIS uses: {QGIS_STEP}, then run this again."
        return f"{label} is not installed: install it with '{pip}' (or 'pip install fusediff'), then run this again."
    if qgis:
        return f"{label} is installed but cannot be loaded ({detail}): {QGIS_REPAIR}."
    return (f"{label} is installed but cannot be loaded ({detail}): reinstall it with "
            f"'{pip} --force-reinstall', then run this again.")


def missing(needs: Iterable[str], qgis: Optional[bool] = None) -> list:
    """One sentence per needed module that is missing or broken (empty list: all importable).

    qgis: whether to give the QGIS step or a pip command (default: `in_qgis()`).
    """
    qgis = in_qgis() if qgis is None else qgis
    out, seen = [], set()
    for module in needs or ():
        label = PACKAGES.get(module, (module,))[0]
        if label in seen:
            continue
        state, detail = status(module)
        if state != "ok":
            seen.add(label)
            out.append(_sentence(module, state, detail, qgis))
    return out


def check(needs: Iterable[str], qgis: Optional[bool] = None) -> None:
    """Raise `UserError` (its sentences joined) when a needed module is missing or broken."""
    problems = missing(needs, qgis)
    if problems:
        raise UserError(" ".join(problems))
