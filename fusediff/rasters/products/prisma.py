"""PRISMA Level-2D products (one HDF-EOS5 ``.he5`` file), read with h5py.

Datasets (swaths PRS_L2D_HCO and PRS_L2D_PCO): ``HDFEOS/SWATHS/PRS_L2D_HCO/Data Fields/VNIR_Cube``
and ``.../SWIR_Cube`` (uint16, band-interleaved by line: rows x bands x columns, bands in
decreasing wavelength), ``HDFEOS/SWATHS/PRS_L2D_PCO/Data Fields/Cube`` (the 5 m PAN, rows x
columns). File attributes: List_Cw_Vnir / List_Fwhm_Vnir / List_Cw_Vnir_Flags (and _Swir):
centre wavelengths and FWHM in nm, flag 1 for a band in use (a zero wavelength marks an unused
band); L2ScaleVnirMin/Max, L2ScaleSwirMin/Max, L2ScalePanMin/Max: reflectance =
Min + DN * (Max - Min) / 65535; Epsg_Code and Product_ULcorner_easting/northing: the UTM grid.

Georeference: the corner coordinates are taken as the centre of the upper-left pixel of both
grids (30 m HSI, 5 m PAN), as the EnMAP-Box importer does; so HSI pixel i is centred on PAN
pixel 6 i, FuseDiff's grid convention for ratio 6. Nodata: stored 0.

LOWRES = the VNIR bands in use, then the SWIR bands beyond the last VNIR wavelength (the
920-1010 nm detector overlap is taken from the VNIR), in increasing wavelength; HIGHRES = PAN.
A VRT cannot reference these cubes with their georeference (GDAL's HDF5 driver reads the first
axis as bands), so `write_product_vrts` copies them once into Float32 GeoTIFFs.
L2B/L2C products (not map-projected: geolocation arrays only) are refused with a sentence.
"""
from __future__ import annotations

import os

import numpy as np
from ..errors import RasterError
from ..transform import Affine
from .base import Product, ProductBand


def _attr(f, name, default=None):
    v = f.attrs.get(name, default)
    if isinstance(v, bytes):
        v = v.decode("utf-8", "replace")
    if isinstance(v, np.ndarray) and v.size == 1 and v.dtype.kind in "fiu":
        v = v.reshape(()).item()
    return v


def _list(f, name):
    v = f.attrs.get(name)
    if v is None:
        return None
    if isinstance(v, (bytes, str)):
        v = v.decode() if isinstance(v, bytes) else v
        return np.array([float(x) for x in v.replace(",", " ").split()])
    return np.asarray(v, dtype=np.float64).ravel()


def _crs(epsg: int):
    """A CRS object of the raster backend in use (rasterio's or the GDAL backend's)."""
    from .. import backend
    if backend.NAME == "rasterio":
        from rasterio.crs import CRS
        return CRS.from_epsg(epsg)
    from ..gdal_backend import CRS
    return CRS.from_user_input(f"EPSG:{epsg}")


def is_prisma(path: str) -> bool:
    return os.path.basename(path).upper().endswith(".HE5")


def _find(f, names):
    for n in names:
        if n in f:
            return n
    return None


def open_prisma(path: str) -> Product:
    """Read a PRISMA L2D .he5 file (see the module docstring)."""
    try:
        import h5py
    except ImportError as exc:
        raise RasterError(f"PRISMA products are HDF5 files and need the Python package h5py ({exc}); "
                          f"install it (python -m pip install h5py) and run again.") from exc

    path = os.path.abspath(os.fspath(path))
    try:
        f = h5py.File(path, "r")
    except OSError as exc:
        raise RasterError(f"Cannot read the PRISMA file '{path}' ({exc}); it is damaged or not an HDF5 "
                          f"file.") from exc
    with f:
        level = str(_attr(f, "Processing_Level", "") or "")
        swaths = f.get("HDFEOS/SWATHS")
        names = list(swaths.keys()) if swaths is not None else []
        hco = next((n for n in names if n.startswith("PRS_L2") and n.endswith("_HCO")), None)
        pco = next((n for n in names if n.startswith("PRS_L2") and n.endswith("_PCO")), None)
        if hco is None:
            raise RasterError(f"'{path}' is not a PRISMA Level-2 product: it has no "
                              f"HDFEOS/SWATHS/PRS_L2*_HCO swath.")
        lvl = hco[len("PRS_"):-len("_HCO")]  # 'L2D'
        if lvl != "L2D":
            raise RasterError(f"The PRISMA product '{os.path.basename(path)}' is {lvl}: only L2D "
                              f"(map-projected) products carry a map grid; order or convert to L2D.")
        epsg = _attr(f, "Epsg_Code")
        x0 = _attr(f, "Product_ULcorner_easting")
        y0 = _attr(f, "Product_ULcorner_northing")
        if epsg is None or x0 is None or y0 is None:
            raise RasterError(f"The PRISMA file '{path}' lacks Epsg_Code or Product_ULcorner_easting/"
                              f"northing: its map grid is unknown.")
        crs = _crs(int(epsg))
        base = f"HDFEOS/SWATHS/{hco}"
        fields = _find(f, [f"{base}/Data Fields", f"{base}/Data_Fields"])
        bands = []
        shape = None
        vnir_max = None
        for part, dname in (("Vnir", "VNIR_Cube"), ("Swir", "SWIR_Cube")):
            dpath = f"{fields}/{dname}"
            if dpath not in f:
                continue
            d = f[dpath]
            if d.ndim != 3:
                raise RasterError(f"The PRISMA dataset {dpath} is not a 3-D cube.")
            rows, nb, cols = d.shape
            shape = (rows, cols)
            cw = _list(f, f"List_Cw_{part}")
            fw = _list(f, f"List_Fwhm_{part}")
            flags = _list(f, f"List_Cw_{part}_Flags")
            if cw is None or cw.size != nb:
                raise RasterError(f"The PRISMA file '{path}' lists {0 if cw is None else cw.size} "
                                  f"wavelengths (List_Cw_{part}) for {nb} bands of {dname}.")
            lo = float(_attr(f, f"L2Scale{part}Min", 0.0))
            hi = float(_attr(f, f"L2Scale{part}Max", 1.0))
            use = cw > 0
            if flags is not None and flags.size == nb:
                use &= flags > 0
            for i in np.argsort(cw):
                if not use[i]:
                    continue
                if part == "Swir" and vnir_max is not None and cw[i] <= vnir_max:
                    continue
                bands.append(ProductBand(
                    name=f"{part.upper()} {cw[i]:.1f}", path=path, band=int(i) + 1,
                    wavelength=float(cw[i]),
                    fwhm=float(fw[i]) if fw is not None and fw.size == nb else None,
                    scale=(hi - lo) / 65535.0, offset=lo, nodata=0.0, h5=(dpath, int(i), 1)))
            if part == "Vnir" and bands:
                vnir_max = max(b.wavelength for b in bands)
        if not bands:
            raise RasterError(f"The PRISMA file '{path}' has no VNIR_Cube / SWIR_Cube bands in use.")
        bands.sort(key=lambda b: b.wavelength)
        res_hsi = 30.0
        t_hsi = Affine(res_hsi, 0, float(x0) - res_hsi / 2, 0, -res_hsi, float(y0) + res_hsi / 2)
        for b in bands:
            b.grid = (crs, t_hsi, shape[1], shape[0])
        high = []
        if pco is not None:
            pbase = f"HDFEOS/SWATHS/{pco}"
            pf = _find(f, [f"{pbase}/Data Fields/Cube", f"{pbase}/Data_Fields/Cube"])
            if pf is not None:
                prow, pcol = f[pf].shape
                res_pan = 5.0
                t_pan = Affine(res_pan, 0, float(x0) - res_pan / 2, 0, -res_pan,
                               float(y0) + res_pan / 2)
                lo = float(_attr(f, "L2ScalePanMin", 0.0))
                hi = float(_attr(f, "L2ScalePanMax", 1.0))
                high = [ProductBand(name="PAN", path=path, band=1, wavelength=550.0, fwhm=300.0,
                                    scale=(hi - lo) / 65535.0, offset=lo, nodata=0.0,
                                    h5=(pf, None, None), grid=(crs, t_pan, pcol, prow))]
    notes = ["PRISMA L2D: surface reflectance = L2ScaleMin + DN * (L2ScaleMax - L2ScaleMin) / 65535; "
             "the HDF5 cubes are copied into Float32 GeoTIFFs (a VRT cannot reference them)."]
    return Product(kind="prisma", path=path, sensor="PRISMA HSI", level=level or "L2D", lowres=bands,
                   highres=high, ratio=6 if high else None, notes=notes)
