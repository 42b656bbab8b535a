"""Small synthetic georeferenced scenes for the QGIS algorithm tests (rasterio + NumPy).

The reference is a smooth random multiband field with sharp edges (so fusion
has details to restore). Low-resolution rasters follow the grid convention:
blur, keep pixels 0, r, 2r, ..., origin shifted by -(r-1)/2 high-res pixels.
"""
from __future__ import annotations

import numpy as np
import rasterio
from affine import Affine

CRS = "EPSG:32633"
ORIGIN = (500000.0, 4200000.0)


def high_transform(pixel: float = 2.0, origin=ORIGIN) -> Affine:
    return Affine(pixel, 0.0, origin[0], 0.0, -pixel, origin[1])


def low_transform(high: Affine, ratio: int) -> Affine:
    """Grid convention: low pixel i centred on high pixel ratio*i."""
    s = -(ratio - 1) / 2.0
    return high * Affine.translation(s, s) * Affine.scale(ratio)


def reference_cube(bands: int = 4, size: int = 64, seed: int = 0, peak: float = 2000.0) -> np.ndarray:
    """(bands, size, size) float32 positive cube: smooth fields + rectangles, correlated bands."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:size, 0:size] / size
    base = np.zeros((size, size))
    for _ in range(6):
        fx, fy, ph = rng.uniform(1, 6), rng.uniform(1, 6), rng.uniform(0, 6.28)
        base += np.sin(2 * np.pi * (fx * xx + fy * yy) + ph)
    for _ in range(8):  # sharp-edged objects: the details a PAN carries
        y0, x0 = rng.integers(0, size - 8, 2)
        h, w = rng.integers(3, 12, 2)
        base[y0:y0 + h, x0:x0 + w] += rng.uniform(-2, 2)
    base = (base - base.min()) / (base.max() - base.min())
    spectra = rng.uniform(0.4, 1.0, (bands, 2))
    second = np.roll(base, size // 3, axis=1)
    cube = spectra[:, 0, None, None] * base[None] + spectra[:, 1, None, None] * (1 - second)[None]
    cube = 0.1 + 0.9 * cube / cube.max()
    return (peak * cube).astype(np.float32)


def degrade(cube: np.ndarray, ratio: int) -> np.ndarray:
    """gauss9-like blur (sigma from FWHM = ratio), then keep pixels 0, r, 2r, ..."""
    from fusediff.models import kernels  # importable once conftest put .plugins on sys.path
    return kernels.decimate_np(kernels.blur_np(cube.astype(np.float64), kernels.gauss9_psf(ratio)),
                               ratio).astype(np.float32)


def rmse_against_cubic(fused, low_path, cube, ratio: int = 4, border: int = 4) -> tuple:
    """(interior RMSE of ``fused``, of the cubic upsampling of the raster at ``low_path``) against ``cube``."""
    from fusediff.models import classical
    with rasterio.open(low_path) as ds:
        cubic = classical.upsample_baseline(ds.read().astype(np.float64), ratio)
    inner = (slice(None), slice(border, -border), slice(border, -border))

    def err(x):
        return float(np.sqrt(np.mean((np.asarray(x, np.float64)[inner] - cube[inner]) ** 2)))
    return err(fused), err(cubic)


def write(path, array, transform, crs=CRS, nodata=None, descriptions=None, wavelengths=None,
          dtype="float32") -> str:
    """Write (C, H, W) (or (H, W)) as a GeoTIFF; returns str(path)."""
    a = np.asarray(array)
    if a.ndim == 2:
        a = a[None]
    c, h, w = a.shape
    with rasterio.open(path, "w", driver="GTiff", width=w, height=h, count=c, dtype=dtype, crs=crs,
                       transform=transform, nodata=nodata) as ds:
        ds.write(a.astype(dtype))
        for b in range(c):
            if descriptions:
                ds.set_band_description(b + 1, descriptions[b])
            if wavelengths:
                ds.update_tags(b + 1, wavelength=str(wavelengths[b]), wavelength_units="nm")
    return str(path)


BAND_NAMES = ("Blue", "Green", "Red", "NIR")
BAND_WL = (480.0, 560.0, 660.0, 830.0)


def pansharpening_pair(folder, ratio: int = 4, size: int = 64, seed: int = 0, bands: int = 4):
    """Write ref.tif, ms.tif (low res) and pan.tif (mean of the bands) in ``folder``.

    Returns (ms_path, pan_path, ref_path, reference cube).
    """
    cube = reference_cube(bands, size, seed)
    th = high_transform()
    names = [BAND_NAMES[i % 4] + ("" if i < 4 else str(i)) for i in range(bands)]
    wls = [BAND_WL[i] if i < 4 else 850.0 + 10 * i for i in range(bands)]
    ref = write(folder / "ref.tif", cube, th, descriptions=names, wavelengths=wls)
    ms = write(folder / "ms.tif", degrade(cube, ratio), low_transform(th, ratio), descriptions=names,
               wavelengths=wls)
    pan = write(folder / "pan.tif", cube.mean(axis=0), th, descriptions=["PAN"])
    return ms, pan, ref, cube


def write_reduced_mat(mat_path, folder):
    """GeoTIFFs lrms.tif, pan.tif, gt.tif from a reduced-resolution .mat (wv3/pleiades samples).

    The .mat's MS pixels are centred on the 4 x 4 PAN blocks they cover, so the MS
    raster gets the PAN's origin and 4 times its pixel size. Returns the three paths.
    """
    from scipy.io import loadmat
    d = loadmat(mat_path)
    gt = np.transpose(d["gt"], (2, 0, 1)).astype(np.float32)
    lrms = np.transpose(d["lrms"], (2, 0, 1)).astype(np.float32)
    pan = d["pan"].astype(np.float32)
    th = high_transform(pixel=0.3)
    tl = th * Affine.scale(4)
    return (write(folder / "lrms.tif", lrms, tl), write(folder / "pan.tif", pan, th),
            write(folder / "gt.tif", gt, th))
