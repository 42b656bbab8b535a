"""Pieces the algorithm definitions share: the common parameters (RATIO, DEVICE, SEED), the
torch set-up of a run (device, threads) and the run-time checks of paths. Torch-free at import."""
from __future__ import annotations

import os

from ..i18n import tr
from ..params import Param

DEVICES = ("auto", "cpu", "cuda")


def ratio_param(advanced: bool = False) -> Param:
    """Optional resolution ratio (default: from the pixel sizes)."""
    return Param("RATIO", "float", "Resolution ratio (empty: from the pixel sizes)",
                 help="Ratio of the low-resolution pixel size to the high-resolution one, "
                      "e.g. 4 for 2 m multispectral and 0.5 m panchromatic pixels. "
                      "Leave empty to take it from the rasters' pixel sizes.",
                 optional=True, advanced=advanced)


def device_param(advanced: bool = True) -> Param:
    """DEVICE: auto (CUDA, then Apple MPS, else CPU) / cpu / cuda."""
    return Param("DEVICE", "enum", "Device", choices=DEVICES, default=0, advanced=advanced,
                 help="auto uses a CUDA GPU when PyTorch sees one (then Apple MPS), else the CPU.")


def seed_param(advanced: bool = True) -> Param:
    """SEED: makes stochastic runs repeatable."""
    return Param("SEED", "int", "Random seed", default=0, minimum=0, advanced=advanced,
                 help="The same seed and inputs give the same result.")


def torch_device(values: dict, ctx):
    """Pick DEVICE and set torch's CPU threads from ``ctx.threads`` (0: all cores); logs both.

    Returns the torch.device. A CUDA request without a CUDA GPU is a ValueError (for the user).
    """
    from ...models.device import select_device, set_threads
    try:
        device = select_device(DEVICES[int(values.get("DEVICE") or 0)])
    except RuntimeError as exc:
        raise ValueError(str(exc)) from exc
    threads = set_threads(ctx.threads)
    ctx.info(tr("Device: {0}; CPU threads: {1}.").format(device, threads))
    return device


def same_file(a: str, b: str) -> bool:
    """True when two paths name the same file."""
    return os.path.normcase(os.path.realpath(a)) == os.path.normcase(os.path.realpath(b))


# --------------------------------------------------------------------------------------------
# output options shared by every fusion algorithm (rasters.io's GeoTiffWriter options)

OUTPUT_TYPES = ("float32", "input", "uint16")
OUTPUT_TYPE_LABELS = ("Float32", "Same type as the input (rounded and clipped to its range)",
                      "UInt16 with scale/offset (values read back in the input's units)")
COMPRESSION_CHOICES = ("deflate", "zstd")
COMPRESSION_LABELS = ("DEFLATE", "ZSTD")


def output_params() -> tuple:
    """OUTPUT_TYPE, COG, COMPRESSION: one list, used by every fusion algorithm's spec."""
    return (
        Param("OUTPUT_TYPE", "enum", "Output data type", choices=OUTPUT_TYPE_LABELS, default=0,
              ids=OUTPUT_TYPES, advanced=True,
              help="Float32 (default); the spectral input's own type, values rounded and clipped to "
                   "its range; or UInt16 with a per-band scale and offset chosen from the band's "
                   "range, so that GIS software reads values in the input's units (within half a "
                   "quantisation step). Nodata is kept in every case."),
        Param("COG", "bool", "Cloud-Optimized GeoTIFF", default=False, advanced=True,
              help="Write a Cloud-Optimized GeoTIFF (GDAL's COG driver, with overviews); otherwise "
                   "a tiled GeoTIFF."),
        Param("COMPRESSION", "enum", "Compression", choices=COMPRESSION_LABELS, default=0,
              ids=COMPRESSION_CHOICES, advanced=True,
              help="DEFLATE (default, read everywhere) or ZSTD (faster, needs GDAL 2.3 or newer)."),
    )


def output_options(values: dict) -> dict:
    """GeoTiffWriter keywords from OUTPUT_TYPE / COG / COMPRESSION values (defaults when absent)."""
    return {"output_type": int(values.get("OUTPUT_TYPE") or 0), "cog": bool(values.get("COG") or False),
            "compression": COMPRESSION_CHOICES[int(values.get("COMPRESSION") or 0)]}


# --------------------------------------------------------------------------------------------
# spectral responses of real sensors (rasters.sensors) for the SRF_SENSOR parameter

SRF_SENSOR_HELP = ("The high-resolution raster's real spectral response (pyrsr tables), resampled to "
                   "the spectral raster's band wavelengths (read from its metadata). Its bands are "
                   "matched by their names (B2, B3... as prepare_product writes them) or by their "
                   "number. Overrides SRF.")


def srf_sensor_param(cnmf: bool = False) -> Param:
    """SRF_SENSOR: estimate / CSV file (SRF) / a sensor's response from the pyrsr tables."""
    from ...rasters.sensors import SENSORS
    labels = ("None: estimate from the pair, or the SRF file",) + tuple(v[0] for v in SENSORS.values())
    label = "MSI sensor for CNMF (spectral response)" if cnmf else "MSI sensor (spectral response)"
    return Param("SRF_SENSOR", "enum", label, choices=labels, default=0, ids=("none",) + tuple(SENSORS),
                 help=SRF_SENSOR_HELP, advanced=cnmf)


def sensor_srf(values: dict, hsi_path: str, msi_path: str, msi_bands=None, ctx=None):
    """The (c, C) response of SRF_SENSOR for these rasters, or None when SRF_SENSOR is 'none'."""
    from ...rasters import read_info
    from ...rasters.sensors import SENSORS, match_sensor_bands, srf_matrix
    k = int(values.get("SRF_SENSOR") or 0)
    if k == 0:
        return None
    sensor = list(SENSORS)[k - 1]
    hsi, msi = read_info(hsi_path), read_info(msi_path)
    if any(w is None for w in hsi.wavelengths):
        raise ValueError(f"SRF_SENSOR needs the band wavelengths of '{hsi_path}', which its metadata "
                         f"lacks: prepare it with prepare_product or give the response as an SRF file.")
    idx = [b - 1 for b in msi_bands] if msi_bands else list(range(msi.count))
    names = [msi.descriptions[i] for i in idx] if msi.descriptions else None
    bands = match_sensor_bands(sensor, names if names and all(names) else None, len(idx))
    fw = hsi.fwhms if hsi.fwhms and all(f is not None for f in hsi.fwhms) else None
    res = srf_matrix(sensor, hsi.wavelengths, fwhm=fw, bands=bands)
    if ctx is not None:
        ctx.info(f"Spectral response: {SENSORS[sensor][0]} bands {', '.join(res.names)} resampled to "
                 f"the {hsi.count} HSI bands.")
        for w in res.warnings:
            ctx.warning(w)
    return res.matrix


def warn_pan_range(ctx, pan_path: str, ms_path: str, pan_band=None, ms_bands=None) -> None:
    """Log a warning when MS bands lie outside the PAN's spectral range (from the PAN's
    wavelength/FWHM metadata, e.g. a prepare_product PAN)."""
    from ...rasters import read_info
    from ...rasters.sensors import pan_coverage_warning, pan_range
    try:
        pan, ms = read_info(pan_path), read_info(ms_path)
    except Exception:  # the fusion reports unreadable inputs itself
        return
    b = (int(pan_band) if pan_band else 1) - 1
    if b >= pan.count or pan.wavelengths[b] is None or not pan.fwhms or pan.fwhms[b] is None:
        return
    rng = pan_range(pan.wavelengths[b], pan.fwhms[b])
    idx = [i - 1 for i in ms_bands] if ms_bands else list(range(ms.count))
    names = [(ms.descriptions[i] if ms.descriptions else "") or f"band {i + 1}" for i in idx]
    wl = [ms.wavelengths[i] for i in idx]
    fw = [ms.fwhms[i] for i in idx] if ms.fwhms else None
    msg = pan_coverage_warning(names, wl, rng, fw if fw and all(f is not None for f in fw) else None)
    if msg:
        ctx.warning(msg)
