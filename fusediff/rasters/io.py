"""Read rasters and write float32 GeoTIFFs (rasterio or GDAL's bindings, see `backend`; NumPy).

Reading returns values as float32 (integers of any bit depth are converted
without scaling), a validity mask (False where a band holds the nodata value
or any band is NaN/inf) and a `RasterInfo` with the georeference and band
metadata. Every failure to read becomes a `RasterError` with a sentence a
user can act on.

Writing goes through `GeoTiffWriter`: a tiled (256 x 256), DEFLATE-compressed
(level 1) float32 GeoTIFF with the floating-point predictor, written to a temporary
file in the destination folder and renamed onto the final path only when
the ``with`` block ends without an exception; on any exception (including a
cancellation) the temporary file is deleted, so a failed run leaves nothing.
Nodata is written as ``DEFAULT_NODATA`` (-9999.0) rather than NaN because
more GIS tools honour a finite nodata value; NaN/inf values handed to the
writer are written as nodata too.

Wavelengths are in nanometres throughout (band tags ``wavelength`` and
``wavelength_units=nm`` on output).

Output options (`GeoTiffWriter` / `write_geotiff` keywords; the defaults give the float32 file
above): ``output_type`` 0 float32, 1 the input's type (``input_dtype``; values rounded and clipped
to the type's range, nodata kept), 2 uint16 with a per-band scale/offset chosen from the band's
valid range (0..65534, nodata 65535) so that ``stored * scale + offset`` reads back in the
input's units within half a quantisation step; ``cog`` a Cloud-Optimized GeoTIFF (GDAL's COG
driver translates the finished tiled GeoTIFF, overviews averaged); ``compression`` 'deflate' or
'zstd'. Output names must end in .tif or .tiff.
"""
from __future__ import annotations

import math
import os
import tempfile
from dataclasses import dataclass, field

import numpy as np
from . import backend
from .backend import BackendError as RasterioError
from .backend import Window
from .errors import RasterError

#: Nodata value written into output GeoTIFFs (float32).
DEFAULT_NODATA = -9999.0

#: ``output_type`` values: float32, the input's type, uint16 with scale/offset.
OUTPUT_FLOAT32, OUTPUT_INPUT_TYPE, OUTPUT_UINT16 = 0, 1, 2
COMPRESSIONS = ("deflate", "zstd")
OUTPUT_EXTENSIONS = (".tif", ".tiff")

_WRITE_OPTIONS = dict(
    driver="GTiff", dtype="float32", tiled=True, blockxsize=256, blockysize=256,
    # level 1: fused float32 data compresses no better at the default level 6 (a 4000 x 4000 x 4
    # KSDiff output: 185 MB either way, 256 MB raw) but takes 1.6 times the CPU time
    compress="deflate", predictor=3, zlevel=1, BIGTIFF="IF_SAFER",
)


@dataclass
class RasterInfo:
    """Georeference and band metadata of a raster file (no pixels).

    path: the file; crs: ``rasterio.crs.CRS`` (GDAL backend: ``gdal_backend.CRS``) or None; transform: affine
    pixel-to-map transform (of pixel corners); width/height in pixels; count:
    number of bands; dtype: numpy dtype name of the stored values; nodata:
    the file's nodata value or None; descriptions: one string per band ('' if
    none); wavelengths: one centre wavelength in nm per band, or None where
    unknown; res: (xres, yres) pixel size in CRS units, both positive.
    """

    path: str
    crs: object
    transform: object
    width: int
    height: int
    count: int
    dtype: str
    nodata: float | None
    descriptions: list = field(default_factory=list)
    wavelengths: list = field(default_factory=list)
    res: tuple = (1.0, 1.0)
    #: per band: GDAL scale / offset (1.0 / 0.0 when none) and FWHM in nm (None when unknown)
    scales: list = field(default_factory=list)
    offsets: list = field(default_factory=list)
    fwhms: list = field(default_factory=list)

    @property
    def bounds(self):
        """(left, bottom, right, top) in CRS units (north-up rasters)."""
        return backend.array_bounds(self.height, self.width, self.transform)[:4]


def _to_nm(value: float, units: str | None) -> float:
    """Convert a wavelength to nm from the given units (guessing µm for values < 30)."""
    u = (units or "").strip().lower()
    if u in ("um", "µm", "micrometer", "micrometers", "micrometre", "micrometres", "microns", "micron"):
        return value * 1000.0
    if u in ("nm", "nanometer", "nanometers", "nanometre", "nanometres"):
        return value
    # No (known) units: remote-sensing wavelengths below 30 can only be µm.
    return value * 1000.0 if value < 30.0 else value


def _parse_float_list(text: str) -> list:
    """Parse an ENVI-style list such as '{450.0, 550.5, 650}' into floats."""
    out = []
    for part in text.strip().strip("{}").split(","):
        part = part.strip()
        if part:
            try:
                out.append(float(part))
            except ValueError:
                out.append(None)
    return out


def _wavelengths(ds) -> list:
    """Centre wavelength (nm) per band from band tags or ENVI metadata; None if unknown."""
    result = []
    for b in range(1, ds.count + 1):
        tags = {k.lower(): v for k, v in ds.tags(b).items()}
        wl = None
        for key in ("wavelength", "central_wavelength", "center_wavelength", "centre_wavelength"):
            if key in tags:
                try:
                    wl = _to_nm(float(str(tags[key]).split()[0]), tags.get("wavelength_units"))
                except (ValueError, IndexError):
                    wl = None
                break
        if wl is None:
            imagery = {k.upper(): v for k, v in ds.tags(b, ns="IMAGERY").items()}
            if "CENTRAL_WAVELENGTH_UM" in imagery:
                try:
                    wl = float(imagery["CENTRAL_WAVELENGTH_UM"]) * 1000.0
                except ValueError:
                    wl = None
        result.append(wl)
    if all(w is None for w in result):
        # ENVI headers keep the list at dataset level.
        envi = {k.lower(): v for k, v in ds.tags(ns="ENVI").items()}
        if "wavelength" in envi:
            values = _parse_float_list(envi["wavelength"])
            if len(values) == ds.count:
                units = envi.get("wavelength_units")
                result = [None if v is None else _to_nm(v, units) for v in values]
    return result


def _fwhms(ds) -> list:
    """FWHM (nm) per band from the band tag ``fwhm`` (in ``wavelength_units``; without units,
    values below 1 are taken as µm), or None where absent."""
    out = []
    for b in range(1, ds.count + 1):
        tags = {k.lower(): v for k, v in ds.tags(b).items()}
        try:
            v = float(str(tags["fwhm"]).split()[0]) if "fwhm" in tags else None
        except (ValueError, IndexError):
            v = None
        if v is not None:
            units = tags.get("wavelength_units")
            v = _to_nm(v, units) if units else (v * 1000.0 if v < 1.0 else v)
        out.append(v)
    return out


def _check_tiff_complete(ds, path: str) -> None:
    """Raise RasterError when a GeoTIFF's last data block lies beyond the end of the file."""
    if ds.driver != "GTiff":
        return
    try:
        size = os.path.getsize(path)
    except OSError:
        return
    bh, bw = ds.block_shapes[0]
    last_x = (ds.width - 1) // bw
    last_y = (ds.height - 1) // bh
    for b in range(1, ds.count + 1):
        off = ds.get_tag_item(f"BLOCK_OFFSET_{last_x}_{last_y}", "TIFF", bidx=b)
        n = ds.get_tag_item(f"BLOCK_SIZE_{last_x}_{last_y}", "TIFF", bidx=b)
        if off and n and int(off) + int(n) > size:
            raise RasterError(
                f"The raster '{path}' is incomplete (truncated: the file ends before its last "
                f"image block). Copy or download it again.")


def _open(path: str):
    """Open a raster for reading, turning every failure into a RasterError."""
    path = os.fspath(path)
    if not os.path.exists(path):
        raise RasterError(f"The raster '{path}' does not exist. Check the path.")
    if os.path.isdir(path):
        raise RasterError(f"'{path}' is a folder, not a raster file. Choose a raster file.")
    try:
        return backend.open_raster(path)
    except (RasterioError, OSError) as exc:
        raise RasterError(
            f"Cannot read the raster '{path}': it is damaged, truncated or not in a format GDAL "
            f"knows ({exc}). Check the file or export it again.") from exc


def _info_from(ds, path: str) -> RasterInfo:
    t = ds.transform
    return RasterInfo(
        path=os.fspath(path), crs=ds.crs, transform=t, width=ds.width, height=ds.height,
        count=ds.count, dtype=ds.dtypes[0], nodata=ds.nodata,
        descriptions=[d or "" for d in ds.descriptions], wavelengths=_wavelengths(ds),
        res=(math.hypot(t.a, t.d), math.hypot(t.b, t.e)),
        scales=_scales_offsets(ds)[0], offsets=_scales_offsets(ds)[1], fwhms=_fwhms(ds),
    )


def read_info(path) -> RasterInfo:
    """Read a raster's georeference and band metadata without its pixels.

    Raises RasterError when the file is missing, unreadable, corrupt or (for
    GeoTIFF) truncated.
    """
    with _open(path) as ds:
        _check_tiff_complete(ds, os.fspath(path))
        return _info_from(ds, path)


def _as_window(window):
    """Accept a rasterio Window or a (row_off, col_off, height, width) tuple."""
    if window is None or isinstance(window, Window):
        return window
    row_off, col_off, height, width = window
    return Window(col_off, row_off, width, height)


def _check_bands(bands, count: int, path: str) -> list:
    """Validate 1-based band numbers; None means all bands."""
    if bands is None:
        return list(range(1, count + 1))
    bands = [int(b) for b in bands]
    bad = [b for b in bands if b < 1 or b > count]
    if bad or not bands:
        raise RasterError(
            f"The raster '{path}' has {count} band(s); band number(s) {bad or bands} do not exist. "
            f"Choose bands between 1 and {count}.")
    return bands


def read(path, bands=None, window=None):
    """Read bands of a raster as float32 values with a validity mask.

    path: raster file. bands: 1-based band numbers (None: all). window: a
    rasterio Window or (row_off, col_off, height, width) in the file's pixels
    (None: whole raster); it must lie inside the raster.
    Returns (array, valid, info): array float32 (C, H, W) with the stored
    values converted to float (no scaling); valid bool (H, W), False where any
    band equals the file's nodata value or any band is NaN/inf (invalid
    pixels keep their stored value, NaN/inf included: use the mask); info the
    file's RasterInfo (for the whole file, not the window).
    """
    path = os.fspath(path)
    with _open(path) as ds:
        _check_tiff_complete(ds, path)
        info = _info_from(ds, path)
        bands = _check_bands(bands, ds.count, path)
        win = _as_window(window)
        try:
            raw = ds.read(bands, window=win)
        except (RasterioError, OSError, ValueError) as exc:
            raise RasterError(
                f"Cannot read the pixels of '{path}': the file is damaged or truncated ({exc}). "
                f"Copy or export it again.") from exc
    array = raw.astype(np.float32, copy=False)
    valid = np.isfinite(array).all(axis=0)
    nd = _nodata_in_dtype(info.nodata, raw.dtype)
    if nd is not None:
        valid &= ~(raw == nd).any(axis=0)
    return array, valid, info


def _nodata_in_dtype(nodata, dtype):
    """The nodata value in the stored type (so float32 nodata matches exactly), or None when
    there is none, it is NaN (already caught as non-finite) or the type cannot hold it (e.g.
    -9999 declared on a uint16 file: no stored value can equal it)."""
    if nodata is None or (isinstance(nodata, float) and math.isnan(nodata)):
        return None
    dtype = np.dtype(dtype)
    if dtype.kind in "iu":
        lim = np.iinfo(dtype)
        if float(nodata) != int(nodata) or not lim.min <= int(nodata) <= lim.max:
            return None
        return dtype.type(int(nodata))
    if dtype.kind == "f":
        return dtype.type(nodata)
    return None


def _same_file(a: str, b: str) -> bool:
    """True when two paths name the same file (existing or not)."""
    try:
        if os.path.exists(a) and os.path.exists(b):
            return os.path.samefile(a, b)
    except OSError:
        pass
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


class GeoTiffWriter:
    """Write a float32 GeoTIFF window by window; atomic on success, nothing left on failure.

    Usage::

        with GeoTiffWriter(path, width, height, count, crs, transform,
                           descriptions=..., protect=[input_paths]) as w:
            w.write(block, row_off, col_off, mask=valid_block)

    path: final output file. width/height: pixels; count: bands. crs,
    transform: the output grid. nodata: value written for invalid pixels
    (default -9999.0; stored as the file's nodata). descriptions: one string
    per band or None. wavelengths: one value in nm (or None) per band, stored
    as band tags ``wavelength``/``wavelength_units``. protect: paths the
    output must not replace (the inputs): RasterError if path is one of them.
    threads: GDAL's compression threads (1: compress on the calling thread).
    output_type, input_dtype, cog, compression: see the module docstring (input_dtype: the
    spectral input's stored type, for output_type 1). scales, offsets: the input's per-band GDAL
    scale/offset, carried over (composed with the uint16 quantisation for output_type 2).
    fwhm: per-band FWHM in nm (or None), stored as band tag ``fwhm``.
    The path must end in .tif/.tiff (RasterError otherwise, nothing written).
    The destination folder must exist and be writable (RasterError otherwise).
    The file is created on ``__enter__`` as a hidden temporary file in that
    folder and renamed to ``path`` on a clean exit (replacing an existing
    non-protected file); on an exception the temporary file is removed and
    the exception propagates.
    """

    def __init__(self, path, width: int, height: int, count: int, crs, transform,
                 nodata: float = DEFAULT_NODATA, descriptions=None, wavelengths=None,
                 protect=(), threads: int = 1, output_type: int = OUTPUT_FLOAT32, input_dtype=None,
                 cog: bool = False, compression: str = "deflate", scales=None, offsets=None,
                 fwhm=None):
        self.path = os.path.abspath(os.fspath(path))
        if os.path.splitext(self.path)[1].lower() not in OUTPUT_EXTENSIONS:
            raise RasterError(f"The output '{self.path}' must be a GeoTIFF: give it a name ending in "
                              f".tif or .tiff.")
        # GDAL compresses blocks on this many threads (DEFLATE dominates writing large outputs:
        # 4.8 s -> 2.9 s for 4000 x 4000 x 4 float32 on 2 threads)
        self.threads = max(1, int(threads or 1))
        self.width, self.height, self.count = int(width), int(height), int(count)
        self.crs, self.transform = crs, transform
        self.nodata = float(nodata)
        self.descriptions = list(descriptions) if descriptions is not None else None
        self.wavelengths = list(wavelengths) if wavelengths is not None else None
        self.fwhm = list(fwhm) if fwhm is not None else None
        self.output_type = int(output_type or 0)
        self.cog = bool(cog)
        self.compression = str(compression or "deflate").strip().lower()
        if self.output_type not in (OUTPUT_FLOAT32, OUTPUT_INPUT_TYPE, OUTPUT_UINT16):
            raise ValueError("output_type must be 0 (Float32), 1 (the input's type) or 2 (UInt16)")
        if self.compression not in COMPRESSIONS:
            raise ValueError(f"compression must be one of {', '.join(COMPRESSIONS)}")
        self.scales = [1.0 if v is None else float(v) for v in scales] if scales is not None else None
        self.offsets = [0.0 if v is None else float(v) for v in offsets] if offsets is not None else None
        self.dtype, self.clip = _stored_type(self.output_type, input_dtype)
        if self.clip is not None:  # an integer type: a nodata value it holds, outside the data
            self.nodata, self.clip = _integer_nodata(self.dtype, self.nodata)
        for p in protect or ():
            if p and _same_file(self.path, os.fspath(p)):
                raise RasterError(
                    f"The output '{self.path}' is one of the input files; inputs are never "
                    f"overwritten. Choose another output path.")
        if self.descriptions is not None and len(self.descriptions) != self.count:
            raise ValueError("descriptions must have one entry per band")
        if self.wavelengths is not None and len(self.wavelengths) != self.count:
            raise ValueError("wavelengths must have one entry per band")
        for name in ("fwhm", "scales", "offsets"):
            if getattr(self, name) is not None and len(getattr(self, name)) != self.count:
                raise ValueError(f"{name} must have one entry per band")
        if min(self.width, self.height, self.count) < 1:
            raise ValueError("width, height and count must be >= 1")
        folder = os.path.dirname(self.path)
        if not os.path.isdir(folder):
            raise RasterError(f"The output folder '{folder}' does not exist. Create it or choose "
                              f"another output path.")
        if not os.access(folder, os.W_OK | os.X_OK):
            raise RasterError(f"The output folder '{folder}' is not writable. Choose an output "
                              f"path in a folder you can write to.")
        self.tmp_path = None
        self._ds = None
        self._extra_tmp = []

    def _create_options(self) -> dict:
        """Creation options of the (first) temporary file: exactly the default float32 ones unless
        an output option asks otherwise."""
        if self.dtype == "float32" and self.compression == "deflate":
            return dict(_WRITE_OPTIONS)
        return _gtiff_options(self.dtype, self.compression)

    def __enter__(self):
        folder, name = os.path.split(self.path)
        try:
            fd, self.tmp_path = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp.tif", dir=folder)
            os.close(fd)
        except OSError as exc:
            raise RasterError(f"Cannot create a file in the output folder '{folder}' ({exc}). "
                              f"Choose an output path in a folder you can write to.") from exc
        try:
            self._ds = backend.open_raster(
                self.tmp_path, "w", width=self.width, height=self.height, count=self.count,
                crs=self.crs, transform=self.transform, nodata=self.nodata, **self._create_options(),
                **({"NUM_THREADS": str(self.threads)} if self.threads > 1 else {}))
            for b in range(1, self.count + 1):
                if self.descriptions is not None:
                    self._ds.set_band_description(b, str(self.descriptions[b - 1] or ""))
                if self.wavelengths is not None and self.wavelengths[b - 1] is not None:
                    self._ds.update_tags(b, wavelength=f"{float(self.wavelengths[b - 1]):g}",
                                         wavelength_units="nm")
                if self.fwhm is not None and self.fwhm[b - 1] is not None:
                    self._ds.update_tags(b, fwhm=f"{float(self.fwhm[b - 1]):g}")
            if self.output_type != OUTPUT_UINT16 and (self.scales or self.offsets):
                _set_scales_offsets(self._ds, self.scales or [1.0] * self.count,
                                    self.offsets or [0.0] * self.count)
        except BaseException as exc:
            self._discard()
            if isinstance(exc, (RasterioError, OSError)):
                raise RasterError(f"Cannot write the output '{self.path}' ({exc}). Check the "
                                  f"path and the free disk space.") from exc
            raise
        return self

    def write(self, array, row_off: int = 0, col_off: int = 0, mask=None) -> None:
        """Write a block of all bands.

        array: (C, h, w) values (any float/int dtype; stored as float32) for
        the window starting at (row_off, col_off) in output pixels. mask:
        optional bool (h, w), False pixels are written as nodata in all
        bands; so are pixels with a NaN/inf value in any band.
        """
        self.write_prepared(self.prepare(array, row_off, col_off, mask), row_off, col_off)

    def prepare(self, array, row_off: int = 0, col_off: int = 0, mask=None) -> np.ndarray:
        """The (C, h, w) float32 copy of a block that `write_prepared` stores: checked against the
        raster's size and band count, invalid pixels set to nodata (arguments as `write`)."""
        if self._ds is None:
            raise RuntimeError("GeoTiffWriter.write called outside its 'with' block")
        a = np.array(array, dtype=np.float32, copy=True)
        if a.ndim == 2:
            a = a[None]
        c, h, w = a.shape
        if c != self.count:
            raise ValueError(f"expected {self.count} bands, got {c}")
        if row_off < 0 or col_off < 0 or row_off + h > self.height or col_off + w > self.width:
            raise ValueError("block lies outside the output raster")
        # A pixel is valid in all bands or in none (that is what read() reports).
        bad = ~np.isfinite(a).all(axis=0)
        if mask is not None:
            bad |= ~np.asarray(mask, dtype=bool)
        if self.clip is not None:  # integer output: round, clip to the type's range, nodata
            a[:, bad] = 0.0
            a = np.clip(np.rint(a), self.clip[0], self.clip[1]).astype(self.dtype)
        elif self.dtype != "float32":
            a = a.astype(self.dtype)
        a[:, bad] = self.nodata
        return a

    def write_prepared(self, a: np.ndarray, row_off: int, col_off: int) -> None:
        """Store a block made by `prepare` at (row_off, col_off)."""
        if self._ds is None:
            raise RuntimeError("GeoTiffWriter.write called outside its 'with' block")
        try:
            self._ds.write(a, window=Window(col_off, row_off, a.shape[2], a.shape[1]))
        except (RasterioError, OSError) as exc:
            raise RasterError(f"Writing the output '{self.path}' failed ({exc}). Check the free "
                              f"disk space.") from exc

    def _discard(self) -> None:
        """Close and delete the temporary file and any side-car GDAL made for it."""
        if self._ds is not None:
            try:
                self._ds.close()
            except Exception:
                pass
            self._ds = None
        for tmp in [self.tmp_path] + self._extra_tmp:
            if not tmp:
                continue
            for p in (tmp, tmp + ".aux.xml", tmp + ".msk"):
                try:
                    os.remove(p)
                except OSError:
                    pass
        self.tmp_path = None
        self._extra_tmp = []

    def _next_stage(self, convert) -> None:
        """Convert the finished temporary file into a new one (uint16, COG); drop the old one."""
        folder, name = os.path.split(self.path)
        fd, nxt = tempfile.mkstemp(prefix=f".{name}.", suffix=".tmp.tif", dir=folder)
        os.close(fd)
        self._extra_tmp.append(nxt)
        convert(self.tmp_path, nxt)
        old, self.tmp_path = self.tmp_path, nxt
        self._extra_tmp.remove(nxt)
        for p in (old, old + ".aux.xml"):
            try:
                os.remove(p)
            except OSError:
                pass

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self._discard()
            return False
        try:
            self._ds.close()
            self._ds = None
            if self.output_type == OUTPUT_UINT16:
                self._next_stage(lambda src, dst: _quantise_uint16(
                    src, dst, self.compression, self.scales, self.offsets))
            if self.cog:
                self._next_stage(lambda src, dst: _translate_cog(src, dst, self.compression,
                                                                 self.threads))
            # mkstemp creates the file 0600; give the output the permissions a
            # normally created file would have (0666 minus the umask)
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(self.tmp_path, 0o666 & ~umask)
            os.replace(self.tmp_path, self.path)
            self.tmp_path = None
        except BaseException as err:
            self._discard()
            if isinstance(err, (RasterioError, OSError)):
                raise RasterError(f"Finishing the output '{self.path}' failed ({err}). Check the "
                                  f"path and the free disk space.") from err
            raise
        return False


class BackgroundWriter:
    """Hand a `GeoTiffWriter`'s block writes to one worker thread, so compressing and writing a
    block overlaps the computation of the next one.

    Usage::

        with GeoTiffWriter(...) as w, BackgroundWriter(w) as bw:
            bw.write(block, row_off, col_off, mask=valid_block)

    write(): as GeoTiffWriter.write; the block is checked and copied (`GeoTiffWriter.prepare`)
    in strips of ``rows`` rows before the call returns, so the caller may reuse its buffer, and
    at most ``depth`` strips wait at a time (bounded memory however wide the raster). An error
    of the worker is raised by the next write() or on leaving the block; leaving the block with
    an exception drops the waiting strips (the GeoTiffWriter then discards its file).
    """

    def __init__(self, writer, depth: int = 2, rows: int = 256):
        import queue
        import threading
        self.writer = writer
        self.rows = max(1, int(rows))
        self._queue = queue.Queue(maxsize=max(1, int(depth)))
        self._error = None
        self._thread = threading.Thread(target=self._run, name="fusediff-writer", daemon=True)

    def __enter__(self):
        self._thread.start()
        return self

    def _run(self) -> None:
        while True:
            item = self._queue.get()
            if item is None:
                return
            if self._error is None:
                try:
                    self.writer.write_prepared(*item)
                except BaseException as exc:  # handed to the caller's thread
                    self._error = exc

    def _raise_error(self) -> None:
        if self._error is not None:
            err, self._error = self._error, None
            raise err

    def write(self, array, row_off: int = 0, col_off: int = 0, mask=None) -> None:
        """Queue a block of all bands (see GeoTiffWriter.write)."""
        self._raise_error()
        array = np.asarray(array)
        if array.ndim == 2:
            array = array[None]
        for r in range(0, array.shape[1], self.rows):
            strip = slice(r, r + self.rows)
            m = None if mask is None else np.asarray(mask)[strip]
            block = self.writer.prepare(array[:, strip], row_off + r, col_off, m)
            self._queue.put((block, int(row_off) + r, int(col_off)))

    def __exit__(self, exc_type, exc, tb):
        if exc_type is not None:
            self._error = exc  # the worker skips what is still queued
        self._queue.put(None)
        self._thread.join()
        if exc_type is None:
            self._raise_error()
        return False


def write_geotiff(path, array, crs, transform, nodata: float = DEFAULT_NODATA,
                  descriptions=None, wavelengths=None, mask=None, protect=(), **options) -> str:
    """Write a whole (C, H, W) array as a float32 GeoTIFF (atomically, see GeoTiffWriter).

    mask: optional bool (H, W); False pixels (and NaN/inf values) are written
    as ``nodata``. options: GeoTiffWriter's output options (output_type, input_dtype, cog,
    compression, scales, offsets, fwhm, threads). Returns the absolute output path.
    """
    a = np.asarray(array)
    if a.ndim == 2:
        a = a[None]
    c, h, w = a.shape
    with GeoTiffWriter(path, w, h, c, crs, transform, nodata=nodata, descriptions=descriptions,
                       wavelengths=wavelengths, protect=protect, **options) as writer:
        writer.write(a, 0, 0, mask=mask)
    return writer.path


# --------------------------------------------------------------------------------------------
# output options: stored type, nodata, uint16 quantisation, COG
# --------------------------------------------------------------------------------------------

def _scales_offsets(ds):
    """([scale], [offset]) per band (1.0 / 0.0 where unset) of a dataset of either backend."""
    if hasattr(ds, "scales"):
        sc, of = list(ds.scales), list(ds.offsets)
    else:  # GDAL backend: the gdal.Band objects
        bands = [ds._band(b) for b in range(1, ds.count + 1)]
        sc, of = [b.GetScale() for b in bands], [b.GetOffset() for b in bands]
    return ([1.0 if v is None else float(v) for v in sc], [0.0 if v is None else float(v) for v in of])


def _set_scales_offsets(ds, scales, offsets) -> None:
    """Set per-band scale/offset on a dataset open for writing (either backend)."""
    if hasattr(ds, "scales"):
        ds.scales = [float(v) for v in scales]
        ds.offsets = [float(v) for v in offsets]
        return
    for b, (sc, of) in enumerate(zip(scales, offsets), start=1):
        ds._band(b).SetScale(float(sc))
        ds._band(b).SetOffset(float(of))


def _stored_type(output_type: int, input_dtype):
    """(dtype name of the first file written, integer clip range placeholder or None)."""
    if output_type != OUTPUT_INPUT_TYPE or input_dtype is None:
        return "float32", None
    dt = np.dtype(input_dtype)
    if dt.kind == "f":
        return ("float64" if dt.itemsize > 4 else "float32"), None
    if dt.kind in "iu" and dt.name in ("uint8", "int8", "uint16", "int16", "uint32", "int32"):
        return dt.name, ()
    return "float32", None


def _integer_nodata(dtype: str, nodata):
    """(nodata, (lo, hi) clip range of valid data) for an integer type: the requested nodata when
    the type holds it, else the type's maximum (unsigned) or minimum (signed); valid data is kept
    off the nodata value when that is at an end of the range."""
    lim = np.iinfo(np.dtype(dtype))
    lo, hi = int(lim.min), int(lim.max)
    nd = None
    if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
        if float(nodata) == int(nodata) and lo <= int(nodata) <= hi:
            nd = int(nodata)
    if nd is None:
        nd = hi if lim.min == 0 else lo
    if nd == hi:
        hi -= 1
    elif nd == lo:
        lo += 1
    return float(nd), (lo, hi)


def _gtiff_options(dtype: str, compression: str) -> dict:
    opts = dict(driver="GTiff", dtype=dtype, tiled=True, blockxsize=256, blockysize=256,
                compress=compression, predictor=3 if np.dtype(dtype).kind == "f" else 2,
                BIGTIFF="IF_SAFER")
    if compression == "deflate":
        opts["zlevel"] = 1
    else:
        opts["zstd_level"] = 1
    return opts


def _blocks(ds, rows: int = 256):
    for r in range(0, ds.height, rows):
        yield Window(0, r, ds.width, min(rows, ds.height - r))


def _quantise_uint16(src_path: str, dst_path: str, compression: str, scales=None, offsets=None):
    """Write ``src_path`` (float32, nodata set) as uint16 0..65534 (nodata 65535) with per-band
    scale/offset from each band's valid range, composed with the input's scales/offsets."""
    with backend.open_raster(src_path) as src:
        nd = src.nodata
        c = src.count
        lo = np.full(c, np.inf)
        hi = np.full(c, -np.inf)
        for win in _blocks(src):
            a = src.read(window=win)
            for b in range(c):
                v = a[b][(a[b] != nd) & np.isfinite(a[b])] if nd is not None else a[b][np.isfinite(a[b])]
                if v.size:
                    lo[b] = min(lo[b], float(v.min()))
                    hi[b] = max(hi[b], float(v.max()))
        empty = ~np.isfinite(lo)
        lo[empty], hi[empty] = 0.0, 0.0
        step = np.where(hi > lo, (hi - lo) / 65534.0, 1.0)
        s0 = np.asarray(scales if scales is not None else [1.0] * c, dtype=np.float64)
        o0 = np.asarray(offsets if offsets is not None else [0.0] * c, dtype=np.float64)
        profile = dict(width=src.width, height=src.height, count=c, crs=src.crs,
                       transform=src.transform, nodata=65535, **_gtiff_options("uint16", compression))
        with backend.open_raster(dst_path, "w", **profile) as dst:
            for b in range(1, c + 1):
                if src.descriptions[b - 1]:
                    dst.set_band_description(b, src.descriptions[b - 1])
                dst.update_tags(b, **src.tags(b))
            dst.update_tags(**src.tags())
            _set_scales_offsets(dst, list(step * s0), list(lo * s0 + o0))
            for win in _blocks(src):
                a = src.read(window=win).astype(np.float64)
                bad = ~np.isfinite(a).all(axis=0)
                if nd is not None:
                    bad |= (a == nd).any(axis=0)
                q = np.rint((a - lo[:, None, None]) / step[:, None, None])
                q = np.clip(np.nan_to_num(q), 0, 65534).astype(np.uint16)
                q[:, bad] = 65535
                dst.write(q, window=win)


def _translate_cog(src_path: str, dst_path: str, compression: str, threads: int = 1) -> None:
    """Copy a finished GeoTIFF into a Cloud-Optimized GeoTIFF with GDAL's COG driver (band
    descriptions, tags, nodata and scale/offset are copied; overviews averaged, nodata-aware)."""
    opts = dict(COMPRESS=compression.upper(), PREDICTOR="YES", LEVEL=1, BLOCKSIZE=512,
                RESAMPLING="AVERAGE", OVERVIEWS="AUTO", BIGTIFF="IF_SAFER")
    if threads > 1:
        opts["NUM_THREADS"] = str(threads)
    try:
        if backend.NAME == "rasterio":
            from rasterio.shutil import copy as rio_copy
            rio_copy(src_path, dst_path, driver="COG", **opts)
        else:
            from osgeo import gdal
            out = gdal.Translate(dst_path, src_path, format="COG",
                                 creationOptions=[f"{k}={v}" for k, v in opts.items()])
            if out is None:
                raise OSError(gdal.GetLastErrorMsg() or "GDAL's COG driver failed")
            out = None
    except (RasterioError, OSError) as exc:
        raise RasterError(f"Writing the Cloud-Optimized GeoTIFF failed ({exc}). Check the free disk "
                          f"space.") from exc


def stack_rasters(parts, path, width: int, height: int, crs, transform, descriptions=None, wavelengths=None,
                  protect=(), rows: int = 256, progress=None, **options) -> str:
    """Stack the bands of several rasters on one grid into a new GeoTIFF, block by block.

    parts: [(raster path, row_off, col_off), ...]: each raster's pixel (0, 0) lies at (row_off,
    col_off) of the output grid (width x height pixels, ``crs``/``transform``); its bands follow
    those of the parts before it. A pixel is written as nodata where any part is nodata or does
    not cover it (a pixel is valid in all bands or in none). Values are copied as stored (no
    scale/offset applied). descriptions/wavelengths: one per output band (or None); options:
    GeoTiffWriter's output options. ``rows``: rows per block (memory: rows x width x bands
    float32). ``progress(fraction)`` after each block. Atomic like GeoTiffWriter; returns the
    absolute output path.
    """
    infos = [read_info(p) for p, _r, _c in parts]
    count = sum(int(i.count) for i in infos)
    with GeoTiffWriter(path, width, height, count, crs, transform, descriptions=descriptions,
                       wavelengths=wavelengths, protect=protect, **options) as writer:
        for r0 in range(0, int(height), int(rows)):
            h = min(int(rows), int(height) - r0)
            block = np.zeros((count, h, int(width)), np.float32)
            valid = np.ones((h, int(width)), bool)
            b0 = 0
            for (p, ro, co), info in zip(parts, infos):
                # the part's rows/columns that fall in this block of the output
                sr0, sr1 = max(r0 - ro, 0), min(r0 + h - ro, info.height)
                sc0, sc1 = max(-co, 0), min(int(width) - co, info.width)
                cover = np.zeros_like(valid)
                if sr1 > sr0 and sc1 > sc0:
                    a, v, _ = read(p, window=(sr0, sc0, sr1 - sr0, sc1 - sc0))
                    dr, dc = sr0 + ro - r0, sc0 + co
                    block[b0:b0 + info.count, dr:dr + a.shape[1], dc:dc + a.shape[2]] = a
                    cover[dr:dr + a.shape[1], dc:dc + a.shape[2]] = v
                valid &= cover
                b0 += int(info.count)
            writer.write(block, r0, 0, mask=valid)
            if progress is not None:
                progress(min(1.0, (r0 + h) / int(height)))
    return writer.path
