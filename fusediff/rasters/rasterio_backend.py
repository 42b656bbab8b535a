"""The rasterio backend of `fusediff.rasters.backend` (the pip package's)."""
from __future__ import annotations

import rasterio
from rasterio.errors import RasterioError as BackendError  # noqa: F401 (backend API)
from rasterio.transform import array_bounds  # noqa: F401 (backend API)
from rasterio.warp import Resampling
from rasterio.warp import reproject as _reproject
from rasterio.warp import transform as _transform
from rasterio.windows import Window  # noqa: F401 (backend API)

NAME = "rasterio"


def open_raster(path, mode: str = "r", **kwargs):
    return rasterio.open(path, mode, **kwargs)


def reproject(source, destination, *, resampling: str = "nearest", **kwargs):
    return _reproject(source, destination, resampling=Resampling[resampling], **kwargs)


def transform_points(src_crs, dst_crs, xs, ys):
    return _transform(src_crs, dst_crs, xs, ys)
