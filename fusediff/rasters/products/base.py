"""What every product reader returns, and the VRT / GeoTIFF writer of its band groups.

A `Product` is a description, no pixels: three band groups (``lowres``: the spectral stack,
``highres``: the high-resolution raster of the same product, ``lowres60``: Sentinel-2's 60 m
bands), each a list of `ProductBand` in the product's band order. A band names where its stored
values are (a GDAL-readable file and band number, or an HDF5 dataset for PRISMA), its name
('B2'), centre wavelength and FWHM in nm (None where unknown), the stored nodata value and the
linear rescaling ``value = stored * scale + offset`` that turns stored values into reflectance.

`write_product_vrts` writes each group as a GDAL VRT (no pixel copy): Float32 bands whose
ComplexSource applies the rescaling (``ScaleRatio``/``ScaleOffset``; GDAL >= 3.0 reads them and
rasterio returns reflectance), nodata -9999 where the stored value is the product's nodata, band
descriptions ('B2'), band metadata ``wavelength``/``wavelength_units``/``fwhm`` and the group's
grid (CRS, transform) taken from the band files. Bands that a VRT cannot reference with their
georeferencing (PRISMA's HDF5 cubes are stored band-interleaved-by-line, rows x bands x columns)
are copied once into a Float32 GeoTIFF (reflectance, nodata -9999) and the VRT points to it.
An output path ending in .tif/.tiff gets a Float32 GeoTIFF (pixels copied) instead of a VRT.
"""
from __future__ import annotations

import html
import math
import os
from dataclasses import dataclass, field

import numpy as np
from .. import backend
from ..backend import BackendError as RasterioError
from ..errors import RasterError
from ..io import DEFAULT_NODATA

__all__ = ["ProductBand", "Product", "write_product_vrts", "write_group"]


@dataclass
class ProductBand:
    """One band of a product (no pixels).

    name: band name as the product spells it ('B2', 'B8A', 'VNIR 452.4'). path: the file holding
    the stored values (GeoTIFF / JP2; for PRISMA the .he5). band: 1-based band number in that
    file. wavelength, fwhm: nm or None. scale, offset: reflectance = stored * scale + offset.
    nodata: stored value meaning "no data" (None: none). h5: (dataset path, index along the
    band axis or None, axis) for bands in an HDF5 file; grid: (crs, transform, width, height)
    for bands whose file carries no georeference GDAL can read (PRISMA).
    """

    name: str
    path: str
    band: int = 1
    wavelength: float | None = None
    fwhm: float | None = None
    scale: float = 1.0
    offset: float = 0.0
    nodata: float | None = None
    h5: tuple | None = None
    grid: tuple | None = None


@dataclass
class Product:
    """A sensor product: its band groups (lists of `ProductBand`) and how they were read.

    kind: 'landsat', 'sentinel2', 'prisma' or 'enmap'. path: the file the reader parsed (MTL,
    MTD XML, .he5, METADATA.XML). sensor: e.g. 'Landsat-8 OLI', 'Sentinel-2A MSI'. level: the
    processing level ('L1TP', 'L1C', 'L2A', ...). ratio: nominal resolution ratio between the
    groups (2 Landsat and Sentinel-2 20 m/10 m, 6 PRISMA; None EnMAP). notes: sentences on how
    values were converted (sun elevation, offsets) for logs and help.
    """

    kind: str
    path: str
    sensor: str
    level: str
    lowres: list = field(default_factory=list)
    highres: list = field(default_factory=list)
    lowres60: list = field(default_factory=list)
    ratio: int | None = None
    notes: list = field(default_factory=list)

    def group(self, name: str) -> list:
        """Band list of a group by name ('lowres', 'highres', 'lowres60')."""
        return {"lowres": self.lowres, "highres": self.highres, "lowres60": self.lowres60}[name]

    @property
    def band_names(self) -> dict:
        return {g: [b.name for b in self.group(g)] for g in ("lowres", "highres", "lowres60")}


# --------------------------------------------------------------------------------------------
# writers
# --------------------------------------------------------------------------------------------

def _fmt(v: float) -> str:
    return repr(float(v))


def _grid_of(band: ProductBand):
    """(crs, transform, width, height, dtype, block) of a GDAL-readable band."""
    if band.grid is not None:
        crs, transform, w, h = band.grid
        return crs, transform, int(w), int(h), None, None
    try:
        with backend.open_raster(band.path) as ds:
            if band.band < 1 or band.band > ds.count:
                raise RasterError(f"The product file '{band.path}' has {ds.count} band(s), not band "
                                  f"{band.band} ({band.name}). The product is incomplete or damaged.")
            return (ds.crs, ds.transform, ds.width, ds.height, ds.dtypes[band.band - 1],
                    ds.block_shapes[band.band - 1])
    except (RasterioError, OSError) as exc:
        raise RasterError(f"Cannot read the product file '{band.path}' ({band.name}): {exc}. The "
                          f"product is incomplete or damaged; download it again.") from exc


_GDAL_TYPES = {"uint8": "Byte", "int8": "Int8", "uint16": "UInt16", "int16": "Int16",
               "uint32": "UInt32", "int32": "Int32", "float32": "Float32", "float64": "Float64"}


def _band_metadata_xml(b: ProductBand, indent: str) -> str:
    items = []
    if b.wavelength is not None:
        items += [("wavelength", f"{float(b.wavelength):g}"), ("wavelength_units", "nm")]
    if b.fwhm is not None:
        items.append(("fwhm", f"{float(b.fwhm):g}"))
    if not items:
        return ""
    mdi = "".join(f'{indent}  <MDI key="{k}">{html.escape(v)}</MDI>\n' for k, v in items)
    return f"{indent}<Metadata>\n{mdi}{indent}</Metadata>\n"


def _vrt_xml(bands, crs, transform, width, height, sources, dataset_md=None) -> str:
    """VRT text: one Float32 band per entry; sources[i] = (path, band, dtype, block, scale, offset,
    nodata)."""
    lines = [f'<VRTDataset rasterXSize="{width}" rasterYSize="{height}">']
    if crs is not None:
        lines.append(f'  <SRS dataAxisToSRSAxisMapping="1,2">{html.escape(crs.to_wkt())}</SRS>')
    t = transform
    lines.append(f"  <GeoTransform>{_fmt(t.c)}, {_fmt(t.a)}, {_fmt(t.b)}, {_fmt(t.f)}, "
                 f"{_fmt(t.d)}, {_fmt(t.e)}</GeoTransform>")
    if dataset_md:
        lines.append("  <Metadata>")
        lines += [f'    <MDI key="{html.escape(k)}">{html.escape(str(v))}</MDI>'
                  for k, v in dataset_md.items()]
        lines.append("  </Metadata>")
    for i, (b, src) in enumerate(zip(bands, sources), start=1):
        path, sband, dtype, block, scale, offset, nodata = src
        lines.append(f'  <VRTRasterBand dataType="Float32" band="{i}">')
        lines.append(f"    <Description>{html.escape(b.name)}</Description>")
        lines.append(f"    <NoDataValue>{_fmt(DEFAULT_NODATA)}</NoDataValue>")
        md = _band_metadata_xml(b, "    ")
        if md:
            lines.append(md.rstrip("\n"))
        lines.append("    <ComplexSource>")
        lines.append(f'      <SourceFilename relativeToVRT="0">{html.escape(os.path.abspath(path))}'
                     f"</SourceFilename>")
        lines.append(f"      <SourceBand>{sband}</SourceBand>")
        if dtype is not None and block is not None:
            lines.append(f'      <SourceProperties RasterXSize="{width}" RasterYSize="{height}" '
                         f'DataType="{_GDAL_TYPES.get(str(dtype), "Float32")}" '
                         f'BlockXSize="{block[1]}" BlockYSize="{block[0]}" />')
        lines.append(f'      <SrcRect xOff="0" yOff="0" xSize="{width}" ySize="{height}" />')
        lines.append(f'      <DstRect xOff="0" yOff="0" xSize="{width}" ySize="{height}" />')
        if scale != 1.0 or offset != 0.0:
            lines.append(f"      <ScaleOffset>{_fmt(offset)}</ScaleOffset>")
            lines.append(f"      <ScaleRatio>{_fmt(scale)}</ScaleRatio>")
        if nodata is not None and not (isinstance(nodata, float) and math.isnan(nodata)):
            lines.append(f"      <NODATA>{_fmt(nodata)}</NODATA>")
        lines.append("    </ComplexSource>")
        lines.append("  </VRTRasterBand>")
    lines.append("</VRTDataset>")
    return "\n".join(lines) + "\n"


def _atomic_text(path: str, text: str) -> None:
    tmp = f"{path}.tmp{os.getpid()}"
    try:
        with open(tmp, "w", encoding="utf-8") as f:
            f.write(text)
        os.replace(tmp, path)
    except OSError as exc:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise RasterError(f"Cannot write '{path}' ({exc}). Choose an output path in a folder you can "
                          f"write to.") from exc


def _check_out(path) -> str:
    path = os.path.abspath(os.fspath(path))
    ext = os.path.splitext(path)[1].lower()
    if ext not in (".vrt", ".tif", ".tiff"):
        raise RasterError(f"The output '{path}' must end in .vrt (a virtual raster, no pixels copied) "
                          f"or .tif/.tiff (a GeoTIFF). Choose such a name.")
    folder = os.path.dirname(path)
    if not os.path.isdir(folder):
        raise RasterError(f"The output folder '{folder}' does not exist. Create it or choose another "
                          f"output path.")
    return path


def _materialise_h5(bands, out_tif: str, progress=None) -> None:
    """Copy HDF5-held bands (all on one grid) into a Float32 GeoTIFF of reflectance."""
    from ..io import GeoTiffWriter
    import h5py

    crs, transform, width, height = bands[0].grid
    with h5py.File(bands[0].path, "r") as f, GeoTiffWriter(
            out_tif, width, height, len(bands), crs, transform,
            descriptions=[b.name for b in bands], wavelengths=[b.wavelength for b in bands],
            fwhm=[b.fwhm for b in bands]) as w:
        rows = max(1, min(height, (64 << 20) // max(1, 4 * width * len(bands))))
        for r0 in range(0, height, rows):
            r1 = min(height, r0 + rows)
            block = np.empty((len(bands), r1 - r0, width), np.float32)
            valid = np.ones((r1 - r0, width), bool)
            cache = {}
            for i, b in enumerate(bands):
                dset, index, axis = b.h5
                if (dset, axis) not in cache:
                    cache[(dset, axis)] = f[dset][r0:r1]  # rows first in every PRISMA dataset
                raw = cache[(dset, axis)]
                if index is None:
                    v = raw
                else:
                    v = np.take(raw, index, axis=axis)
                if b.nodata is not None:
                    valid &= v != b.nodata
                block[i] = v.astype(np.float64) * b.scale + b.offset
            w.write(block, r0, 0, mask=valid)
            if progress is not None:
                progress(r1 / height)


def write_group(bands, out_path, dataset_md=None, progress=None) -> str:
    """Write one band group to ``out_path`` (.vrt: a VRT; .tif/.tiff: a Float32 GeoTIFF).

    All bands must share one grid (RasterError otherwise). HDF5 bands are copied into
    ``<out stem>.tif`` beside a .vrt output (or into the .tif output itself). Returns the path.
    """
    if not bands:
        raise ValueError("empty band group")
    out = _check_out(out_path)
    ext = os.path.splitext(out)[1].lower()
    if bands[0].h5 is not None:
        if ext == ".vrt":
            data = os.path.splitext(out)[0] + ".tif"
            _materialise_h5(bands, data, progress)
            with backend.open_raster(data) as ds:
                grid = (ds.crs, ds.transform, ds.width, ds.height)
                block = ds.block_shapes[0]
            crs, transform, width, height = grid
            sources = [(data, i, "float32", block, 1.0, 0.0, None) for i in range(1, len(bands) + 1)]
            _atomic_text(out, _vrt_xml(bands, crs, transform, width, height, sources, dataset_md))
        else:
            _materialise_h5(bands, out, progress)
        return out
    grids = [_grid_of(b) for b in bands]
    crs, transform, width, height = grids[0][:4]
    for b, g in zip(bands, grids):
        if (g[0] != crs or g[2:4] != (width, height)
                or not np.allclose(tuple(g[1])[:6], tuple(transform)[:6], rtol=0, atol=1e-6)):
            raise RasterError(f"The band {b.name} ('{b.path}') is not on the grid of {bands[0].name} "
                              f"('{bands[0].path}'): the product's files do not belong together.")
    sources = [(b.path, b.band, g[4], g[5], b.scale, b.offset, b.nodata) for b, g in zip(bands, grids)]
    xml = _vrt_xml(bands, crs, transform, width, height, sources, dataset_md)
    if ext == ".vrt":
        _atomic_text(out, xml)
        return out
    # GeoTIFF: read through a temporary VRT (rescaling done by GDAL) block by block
    from ..io import GeoTiffWriter
    tmp_vrt = os.path.join(os.path.dirname(out), f".{os.path.basename(out)}.{os.getpid()}.vrt")
    _atomic_text(tmp_vrt, xml)
    try:
        with backend.open_raster(tmp_vrt) as src, GeoTiffWriter(
                out, width, height, len(bands), crs, transform, descriptions=[b.name for b in bands],
                wavelengths=[b.wavelength for b in bands], fwhm=[b.fwhm for b in bands]) as w:
            rows = max(1, min(height, (64 << 20) // max(1, 4 * width * len(bands))))
            for r0 in range(0, height, rows):
                win = backend.Window(0, r0, width, min(rows, height - r0))
                a = src.read(window=win)
                w.write(a, r0, 0, mask=~(a == DEFAULT_NODATA).any(axis=0))
                if progress is not None:
                    progress(min(1.0, (r0 + rows) / height))
    finally:
        try:
            os.remove(tmp_vrt)
        except OSError:
            pass
    return out


def write_product_vrts(product: Product, out_lowres, out_highres=None, out_60m=None,
                       progress=None) -> dict:
    """Write a product's groups: LOWRES (spectral stack), HIGHRES (PAN / 10 m bands), 60 m.

    Paths ending in .vrt give VRTs (no pixel copy; PRISMA's HDF5 cubes are copied once into a
    GeoTIFF beside the VRT), .tif/.tiff give Float32 GeoTIFFs. A group the product lacks (EnMAP
    has no high-resolution raster; only Sentinel-2 has 60 m bands) is skipped with its path None
    in the result; asking for it is not an error. Returns {'lowres': path, 'highres': path or
    None, 'lowres60': path or None}.
    """
    md = {"fusediff_product": product.kind, "fusediff_sensor": product.sensor,
          "fusediff_level": product.level, "fusediff_source": os.path.abspath(product.path)}
    result = {"lowres": None, "highres": None, "lowres60": None}
    todo = [("lowres", out_lowres), ("highres", out_highres), ("lowres60", out_60m)]
    todo = [(g, p) for g, p in todo if p and product.group(g)]
    for k, (g, p) in enumerate(todo):
        sub = None
        if progress is not None:
            sub = (lambda f, k=k: progress((k + f) / len(todo)))
        result[g] = write_group(product.group(g), p, dataset_md=md, progress=sub)
    return result
