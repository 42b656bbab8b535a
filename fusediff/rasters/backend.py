"""Which library reads and writes rasters: rasterio (the pip package's backend) or GDAL's own
Python bindings, ``osgeo.gdal`` (which every QGIS ships), behind one small API.

rasterio is used whenever it imports cleanly; otherwise (a stock QGIS: no rasterio, or a broken
one) `fusediff.rasters.gdal_backend` provides the same subset over ``osgeo.gdal``, so the
classical, simulate and assess algorithms run in QGIS with nothing installed, and no second
GDAL/PROJ (a pip rasterio's) is ever loaded next to QGIS's. The environment variable
``FUSEDIFF_RASTER_BACKEND`` (``rasterio`` or ``gdal``) forces one; tests switch with `use`.

The API (what `rasters.io` and `rasters.align` call): ``open_raster(path, mode="r", **kw)``
(a rasterio-like dataset), ``Window``, ``BackendError`` (errors of the library),
``array_bounds(height, width, transform)``, ``reproject(source, destination, *,
src_transform, src_crs, dst_transform, dst_crs, src_nodata=None, dst_nodata=None,
resampling="nearest", init_dest_nodata=True)`` with ``resampling`` a name ('nearest',
'bilinear', 'cubic', 'cubic_spline', 'lanczos', 'average'), and ``transform_points(src_crs,
dst_crs, xs, ys)``.
"""
from __future__ import annotations

import importlib
import os
from contextlib import contextmanager

__all__ = ["NAME", "bounded_gdal_cache", "use", "available", "open_raster", "Window", "BackendError", "array_bounds",
           "reproject", "transform_points"]

_MODULES = {"rasterio": ".rasterio_backend", "gdal": ".gdal_backend"}


def _load(name: str):
    return importlib.import_module(_MODULES[name], __package__)


def available() -> list:
    """Backends that import cleanly here ('rasterio', 'gdal')."""
    found = []
    for name in _MODULES:
        try:
            _load(name)
        except Exception:  # noqa: BLE001 (ImportError, or OSError from a broken binary install)
            continue
        found.append(name)
    return found


def _choose():
    forced = os.environ.get("FUSEDIFF_RASTER_BACKEND", "").strip().lower()
    if forced in _MODULES:
        return _load(forced)
    errors = []
    for name in _MODULES:
        try:
            return _load(name)
        except Exception as exc:  # noqa: BLE001 (see available)
            errors.append(f"{name}: {type(exc).__name__}: {exc}")
    return _Missing("No raster library: neither rasterio nor GDAL's Python bindings (osgeo.gdal) "
                    "can be imported (" + "; ".join(errors) + ")")


class _Missing:
    """Stands in when no backend imports, so importing `fusediff.rasters` never fails (the
    plugin still loads); using it raises ImportError (fusediff.engine.dependencies says why)."""

    NAME = "none"
    BackendError = OSError

    def __init__(self, message: str):
        self.message = message

    class Window:
        def __init__(self, col_off, row_off, width, height):
            self.col_off, self.row_off, self.width, self.height = col_off, row_off, width, height

    def _fail(self, *args, **kwargs):
        raise ImportError(self.message)

    open_raster = array_bounds = reproject = transform_points = _fail


_impl = _choose()
#: Name of the backend in use ('rasterio' or 'gdal').
NAME = _impl.NAME
#: One window type for both backends (chosen at import; both read its col_off/row_off/width/height).
Window = _impl.Window
#: The error class of the backend chosen at import (rasterio's RasterioError; an OSError
#: subclass for GDAL's, so catching OSError as well covers a switch made by `use`).
BackendError = _impl.BackendError


def use(name: str) -> str:
    """Switch the backend ('rasterio' or 'gdal'); returns the previous one's name."""
    global _impl, NAME
    previous = NAME
    _impl = _load(name)
    NAME = _impl.NAME
    return previous


def open_raster(path, mode: str = "r", **kwargs):
    return _impl.open_raster(path, mode, **kwargs)


def array_bounds(height, width, transform):
    return _impl.array_bounds(height, width, transform)


def reproject(source, destination, **kwargs):
    return _impl.reproject(source, destination, **kwargs)


def transform_points(src_crs, dst_crs, xs, ys):
    return _impl.transform_points(src_crs, dst_crs, xs, ys)


#: GDAL's block cache (bytes) while a scene is fused: GDAL's default (5% of RAM) would keep
#: hundreds of MB of input and output blocks on top of the tiles.
GDAL_CACHE_BYTES = 128 * 1024 * 1024


@contextmanager
def bounded_gdal_cache(limit: int = GDAL_CACHE_BYTES):
    """Lower GDAL's block cache to ``limit`` bytes inside the block (restored afterwards).

    The cache is process-wide and shared by rasterio and QGIS (one libgdal); without GDAL's
    Python bindings this does nothing.
    """
    try:
        from osgeo import gdal
        old = gdal.GetCacheMax()
    except Exception:  # noqa: BLE001 (no GDAL Python bindings)
        yield
        return
    gdal.SetCacheMax(min(int(old), int(limit)))
    try:
        yield
    finally:
        gdal.SetCacheMax(old)
