"""The GDAL-bindings backend of `fusediff.rasters.backend`: the subset of rasterio that
`rasters.io` and `rasters.align` use, over ``osgeo.gdal``/``osgeo.osr`` (which QGIS always ships).

Used when rasterio cannot be imported (a stock QGIS), so the classical, simulate and assess
algorithms need nothing installed and only QGIS's own GDAL and PROJ are ever loaded. Same
pixels as the rasterio backend (tests/test_install.py); GDAL's global error mode is left as
QGIS set it (no ``gdal.UseExceptions()``): failures are detected from return values.
"""
from __future__ import annotations

import math

import numpy as np
from osgeo import gdal, gdal_array, osr

from .transform import Affine

NAME = "gdal"


class BackendError(OSError):
    """A GDAL failure (an OSError, which `rasters.io` turns into a RasterError sentence)."""


_RESAMPLING = {
    "nearest": gdal.GRA_NearestNeighbour, "bilinear": gdal.GRA_Bilinear, "cubic": gdal.GRA_Cubic,
    "cubic_spline": gdal.GRA_CubicSpline, "lanczos": gdal.GRA_Lanczos, "average": gdal.GRA_Average,
}


class Window:
    """A pixel window, as rasterio's: Window(col_off, row_off, width, height)."""

    __slots__ = ("col_off", "row_off", "width", "height")

    def __init__(self, col_off, row_off, width, height):
        self.col_off, self.row_off, self.width, self.height = col_off, row_off, width, height

    def __eq__(self, other):
        return all(getattr(self, k) == getattr(other, k, None) for k in self.__slots__)

    def __repr__(self):
        return (f"Window(col_off={self.col_off}, row_off={self.row_off}, width={self.width}, "
                f"height={self.height})")


def _error(what: str) -> BackendError:
    msg = gdal.GetLastErrorMsg() or "GDAL reported no detail"
    return BackendError(f"{what}: {msg}")


def _srs(crs):
    srs = osr.SpatialReference()
    wkt = crs.to_wkt() if hasattr(crs, "to_wkt") else str(crs)
    if srs.SetFromUserInput(wkt) != 0:
        raise BackendError(f"unknown coordinate reference system {crs!r}")
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    return srs


class CRS:
    """A coordinate reference system held as WKT (what `RasterInfo.crs` is with this backend)."""

    def __init__(self, wkt: str):
        self._wkt = wkt

    @classmethod
    def from_user_input(cls, value):
        if value is None or isinstance(value, CRS):
            return value
        return cls(_srs(value).ExportToWkt())

    def to_wkt(self) -> str:
        return self._wkt

    def to_epsg(self):
        srs = _srs(self)
        if srs.AutoIdentifyEPSG() == 0 or srs.GetAuthorityName(None) == "EPSG":
            code = srs.GetAuthorityCode(None)
            return int(code) if code else None
        return None

    def __eq__(self, other):
        if other is None:
            return False
        if not isinstance(other, CRS):
            if not hasattr(other, "to_wkt") and not isinstance(other, str):
                return NotImplemented
        try:
            return bool(_srs(self).IsSame(_srs(other)))
        except (BackendError, RuntimeError):
            return False

    def __ne__(self, other):
        eq = self.__eq__(other)
        return eq if eq is NotImplemented else not eq

    def __hash__(self):
        return hash(self._wkt)

    def __str__(self):
        code = self.to_epsg()
        return f"EPSG:{code}" if code else self._wkt

    def __repr__(self):
        return f"CRS({str(self)!r})"


def _numpy_dtype(gdal_type) -> str:
    return np.dtype(gdal_array.GDALTypeCodeToNumericTypeCode(gdal_type)).name


def _gdal_type(dtype) -> int:
    return gdal_array.NumericTypeCodeToGDALTypeCode(np.dtype(dtype).type)


class Dataset:
    """rasterio-like view of an open GDAL dataset (read, or write for new GeoTIFFs)."""

    def __init__(self, ds, path: str, mode: str):
        self._ds = ds
        self.name = path
        self.mode = mode

    # --- metadata ---------------------------------------------------------
    @property
    def width(self):
        return self._ds.RasterXSize

    @property
    def height(self):
        return self._ds.RasterYSize

    @property
    def count(self):
        return self._ds.RasterCount

    @property
    def driver(self):
        return self._ds.GetDriver().ShortName

    @property
    def transform(self):
        return Affine.from_gdal(*self._ds.GetGeoTransform())

    @property
    def crs(self):
        wkt = self._ds.GetProjectionRef()
        return CRS(wkt) if wkt else None

    @property
    def dtypes(self):
        return [_numpy_dtype(self._band(b).DataType) for b in range(1, self.count + 1)]

    @property
    def nodata(self):
        return self._band(1).GetNoDataValue() if self.count else None

    @property
    def descriptions(self):
        return [self._band(b).GetDescription() or None for b in range(1, self.count + 1)]

    @property
    def block_shapes(self):
        shapes = []
        for b in range(1, self.count + 1):
            bw, bh = self._band(b).GetBlockSize()
            shapes.append((bh, bw))
        return shapes

    def _band(self, b: int):
        band = self._ds.GetRasterBand(int(b))
        if band is None:
            raise _error(f"no band {b} in '{self.name}'")
        return band

    def tags(self, bidx: int = 0, ns=None) -> dict:
        obj = self._band(bidx) if bidx else self._ds
        return dict(obj.GetMetadata_Dict(ns or "") or {})

    def get_tag_item(self, key, ns=None, bidx: int = 0, ovr=None):
        obj = self._band(bidx) if bidx else self._ds
        return obj.GetMetadataItem(key, ns or "")

    # --- pixels -----------------------------------------------------------
    def read(self, indexes=None, window=None):
        single = isinstance(indexes, int)
        bands = [indexes] if single else (list(indexes) if indexes is not None
                                          else list(range(1, self.count + 1)))
        if window is None:
            xoff, yoff, xsize, ysize = 0, 0, self.width, self.height
        else:
            xoff, yoff = int(window.col_off), int(window.row_off)
            xsize, ysize = int(window.width), int(window.height)
        if xoff < 0 or yoff < 0 or xoff + xsize > self.width or yoff + ysize > self.height:
            raise ValueError("the window lies outside the raster")
        out = np.empty((len(bands), ysize, xsize), dtype=self.dtypes[bands[0] - 1])
        for i, b in enumerate(bands):
            a = self._band(b).ReadAsArray(xoff, yoff, xsize, ysize)
            if a is None:
                raise _error(f"reading '{self.name}' failed")
            out[i] = a
        return out[0] if single else out

    def write(self, array, indexes=None, window=None):
        a = np.asarray(array)
        if a.ndim == 2:
            a = a[None]
        bands = list(range(1, a.shape[0] + 1)) if indexes is None else list(np.atleast_1d(indexes))
        xoff = int(window.col_off) if window is not None else 0
        yoff = int(window.row_off) if window is not None else 0
        for i, b in enumerate(bands):
            if self._band(b).WriteArray(a[i], xoff, yoff) != 0:
                raise _error(f"writing '{self.name}' failed")

    def set_band_description(self, bidx: int, value: str) -> None:
        self._band(bidx).SetDescription(value)

    def update_tags(self, bidx: int = 0, ns=None, **kwargs) -> None:
        obj = self._band(bidx) if bidx else self._ds
        for key, value in kwargs.items():
            obj.SetMetadataItem(str(key), str(value), ns or "")

    # --- lifetime ---------------------------------------------------------
    def close(self) -> None:
        if self._ds is not None:
            if self.mode != "r":
                self._ds.FlushCache()
            self._ds = None  # GDAL closes (and finishes writing) the file here

    @property
    def closed(self) -> bool:
        return self._ds is None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()
        return False


_CREATE_KEYS = {"driver", "width", "height", "count", "crs", "transform", "nodata", "dtype"}


def _creation_option(key: str, value) -> str:
    if isinstance(value, bool):
        value = "YES" if value else "NO"
    return f"{key.upper()}={value}"


def open_raster(path, mode: str = "r", **kwargs):
    path = str(path)
    if mode == "r":
        ds = gdal.OpenEx(path, gdal.OF_RASTER | gdal.OF_READONLY)
        if ds is None:
            raise _error(f"'{path}' cannot be opened")
        return Dataset(ds, path, mode)
    if mode != "w":
        raise ValueError(f"mode {mode!r} is not supported by the GDAL backend")
    driver = gdal.GetDriverByName(kwargs.get("driver", "GTiff"))
    options = [_creation_option(k, v) for k, v in kwargs.items() if k not in _CREATE_KEYS]
    ds = driver.Create(path, int(kwargs["width"]), int(kwargs["height"]), int(kwargs["count"]),
                       _gdal_type(kwargs.get("dtype", "float32")), options=options)
    if ds is None:
        raise _error(f"'{path}' cannot be created")
    transform = kwargs.get("transform")
    if transform is not None:
        ds.SetGeoTransform(tuple(Affine(*tuple(transform)[:6]).to_gdal()))
    if kwargs.get("crs") is not None:
        ds.SetProjection(_srs(kwargs["crs"]).ExportToWkt())
    nodata = kwargs.get("nodata")
    if nodata is not None:
        for b in range(1, ds.RasterCount + 1):
            ds.GetRasterBand(b).SetNoDataValue(float(nodata))
    return Dataset(ds, path, mode)


def array_bounds(height, width, transform):
    """(west, south, east, north) of a north-up or rotated grid (as rasterio's)."""
    xs, ys = transform * (np.array([0.0, width, 0.0, width]), np.array([0.0, 0.0, height, height]))
    return float(np.min(xs)), float(np.min(ys)), float(np.max(xs)), float(np.max(ys))


def transform_points(src_crs, dst_crs, xs, ys):
    """Map coordinate lists between two CRSs (x = easting/longitude first); inf where PROJ fails."""
    ct = osr.CoordinateTransformation(_srs(src_crs), _srs(dst_crs))
    pts = [(float(x), float(y)) for x, y in zip(xs, ys)]
    out_x, out_y = [], []
    for x, y in pts:
        try:
            tx, ty, *_ = ct.TransformPoint(x, y)
        except Exception:  # noqa: BLE001 (PROJ failure on one point)
            tx, ty = math.inf, math.inf
        out_x.append(tx)
        out_y.append(ty)
    return out_x, out_y


def _mem(array: np.ndarray, transform, crs, nodata):
    a = array if array.ndim == 3 else array[None]
    ds = gdal.GetDriverByName("MEM").Create("", a.shape[2], a.shape[1], a.shape[0],
                                            _gdal_type(a.dtype))
    ds.SetGeoTransform(tuple(Affine(*tuple(transform)[:6]).to_gdal()))
    if crs is not None:
        ds.SetProjection(_srs(crs).ExportToWkt())
    for b in range(a.shape[0]):
        band = ds.GetRasterBand(b + 1)
        band.WriteArray(a[b])
        if nodata is not None:
            band.SetNoDataValue(float(nodata))
    return ds


def reproject(source, destination, *, src_transform, src_crs, dst_transform, dst_crs,
              src_nodata=None, dst_nodata=None, resampling: str = "nearest",
              init_dest_nodata: bool = True):
    """Warp ``source`` (C, h, w) or (h, w) into ``destination`` (same band count) in place, with
    GDAL's warper (as rasterio.warp.reproject: approximate transformer, error 0.125 pixel)."""
    src = _mem(np.asarray(source), src_transform, src_crs, src_nodata)
    dst = _mem(destination, dst_transform, dst_crs, dst_nodata)
    options = gdal.WarpOptions(
        resampleAlg=_RESAMPLING[resampling], errorThreshold=0.125,
        srcNodata=None if src_nodata is None else str(src_nodata),
        dstNodata=None if dst_nodata is None else str(dst_nodata),
        warpOptions=["INIT_DEST=NO_DATA"] if init_dest_nodata and dst_nodata is not None else [])
    if gdal.Warp(dst, src, options=options) is None:
        raise _error("reprojecting failed")
    out = destination if destination.ndim == 3 else destination[None]
    for b in range(out.shape[0]):
        out[b] = dst.GetRasterBand(b + 1).ReadAsArray()
    return destination, dst_transform
