"""`fusediff:simulate`: Wald's-protocol simulation of a fusion pair from a reference raster.

reference (C, H, W) -> low-res spectral raster decimate(blur(reference)) and
high-res raster srf @ reference (PAN, IKONOS-like MSI, or a CSV response),
optionally with SNR-controlled noise (models.operators.simulate_pair).

Georeference (BENCHMARK.md grid convention): decimation keeps pixels 0, r,
2r, ..., so low-res pixel i is centred on high-res pixel r*i; the low-res
raster's origin is therefore shifted by -(r-1)/2 high-res pixels (up and
left) and its pixels are r times larger. The high-res raster keeps the
reference's grid. Aligning the two outputs (rasters.align_pair) gives back
exactly the simulated arrays.
"""
from __future__ import annotations

import os

import numpy as np

from ..i18n import tr
from ..params import AlgorithmSpec, Param
from .common import same_file, seed_param

PSFS = ("gauss9", "mtf", "gaussian")
PSF_LABELS = ("gauss9: 9 x 9 Gaussian whose FWHM equals the ratio",
              "MTF-matched Gaussian (gain at the low-resolution Nyquist frequency)",
              "Gaussian with the given sigma")
from ...rasters.sensors import SENSORS as _SENSORS  # noqa: E402  (a static table, NumPy only)

SRFS = ("pan", "ikonos", "csv") + tuple(_SENSORS)
BASE_SRF_LABELS = ("PAN: mean of the bands centred in 450-900 nm",
                   "IKONOS-like Blue, Green, Red, NIR (4 bands)",
                   "Spectral response from a CSV file")
#: the built-in responses, then each sensor of rasters.sensors (its name is not translated)
SRF_LABELS = BASE_SRF_LABELS + tuple(
    f"{v[0]} (real response, pyrsr tables; its reflective bands)" for v in _SENSORS.values())
IKONOS_NAMES = ("Blue", "Green", "Red", "NIR")
IKONOS_CENTRES_NM = (480.0, 550.0, 665.0, 805.0)

HELP = (
    "<p>Simulates the inputs of a fusion method from a reference image (Wald's protocol), so a fused "
    "result can be compared with the reference (see Assess fusion quality).</p>"
    "<p><b>REFERENCE</b>: a multispectral or hyperspectral raster (2 bands or more); band "
    "wavelengths are read from its metadata or given in WAVELENGTHS (nm). Values may be in any "
    "radiometric unit; both outputs are float32 in the reference's unit.</p>"
    "<p><b>OUTPUT_LOWRES</b>: the reference blurred by the PSF and decimated by RATIO (a whole "
    "number, 2 or more; pixels 0, r, 2r...; its origin is shifted by -(r-1)/2 reference pixels so "
    "each pixel sits on the reference pixel it was taken from). <b>OUTPUT_HIGHRES</b>: the spectral "
    "response applied to the reference on its own grid: a PAN (mean of the bands in 450-900 nm), "
    "IKONOS-like Blue/Green/Red/NIR bands, or the response in a CSV file (one row per output band, "
    "one column per reference band). SNR adds Gaussian noise whose power is SNR dB below each band's "
    "mean signal power (0: no noise); SEED makes it repeatable.</p>"
    "<p>Runtime: about a second per 1000 x 1000 x 100 values on a CPU; it always runs on the CPU (a "
    "GPU would not help much: the work is a few convolutions). The whole reference is held in "
    "memory.</p>"
    "<p>Reference: Wald, Ranchin, Mangolini, PE&amp;RS 1997.</p>")

SPEC = AlgorithmSpec(
    name="simulate", display_name="Simulate a fusion pair (Wald's protocol)",
    group="Simulation and assessment", group_id="evaluation", help=HELP,
    help_anchor="simulate-a-fusion-pair-fusediffsimulate", run=f"{__name__}:run",
    needs=("torch", "numpy", "rasterio"),
    params=(
        Param("REFERENCE", "raster", "Reference raster"),
        Param("RATIO", "int", "Resolution ratio", default=4, help="Decimation factor (a whole number, 2 or more)."),
        Param("PSF", "enum", "Point spread function", choices=PSF_LABELS, default=0, ids=PSFS),
        Param("MTF_GAIN", "float", "MTF gain at Nyquist (MTF-matched PSF)", default=0.3, minimum=0.01,
              maximum=0.99),
        Param("SIGMA", "float", "Gaussian sigma in reference pixels (Gaussian PSF)", default=1.699, minimum=0.1),
        Param("SRF", "enum", "Spectral response of the high-resolution raster", choices=SRF_LABELS, default=0,
              ids=SRFS),
        Param("SRF_FILE", "file", "Spectral response CSV file", extension="csv", optional=True),
        Param("WAVELENGTHS", "string", "Band centres in nm, comma separated (empty: from the raster)",
              optional=True, advanced=True),
        Param("SNR", "float", "Signal-to-noise ratio in dB (0: no noise)", default=0.0, minimum=0.0),
        seed_param(advanced=False),
        Param("OUTPUT_LOWRES", "raster_out", "Simulated low-resolution raster"),
        Param("OUTPUT_HIGHRES", "raster_out", "Simulated high-resolution raster"),
    ))


def low_res_transform(transform, ratio: int):
    """Transform of the decimated raster: origin shifted by -(r-1)/2 high-res pixels, pixels r times larger.

    Low-res pixel i then has its centre on high-res pixel r*i (grid convention).
    """
    from ...rasters.transform import Affine
    shift = -(ratio - 1) / 2.0
    return transform * Affine.translation(shift, shift) * Affine.scale(ratio)


def run(values: dict, ctx) -> dict:
    """Simulate OUTPUT_LOWRES and OUTPUT_HIGHRES from REFERENCE (both or neither are written)."""
    import torch

    from ...models import kernels, operators
    from ...models.device import generator, set_threads
    from ...rasters import read, write_geotiff
    from ..scaling import fill_invalid
    from ..scene import band_metadata

    ref_path, low_path, high_path = values["REFERENCE"], values["OUTPUT_LOWRES"], values["OUTPUT_HIGHRES"]
    if same_file(low_path, high_path):
        raise ValueError(tr("OUTPUT_LOWRES and OUTPUT_HIGHRES are the same file; choose two "
                            "different paths."))
    ratio = int(values["RATIO"])
    if ratio < 2:
        raise ValueError(tr("The ratio must be a whole number of 2 or more (got {0}).").format(ratio))
    psf_kind = PSFS[values["PSF"]]
    srf_kind = SRFS[values["SRF"]]
    snr = float(values["SNR"])

    ctx.report(0.0, tr("Reading the reference"))
    ref, valid, info = read(ref_path)
    if not valid.any():
        raise ValueError(tr("The reference raster '{0}' has no valid pixel (all nodata, NaN or "
                            "infinite).").format(ref_path))
    c, h, w = ref.shape
    if min(h, w) < 2 * ratio:
        raise ValueError(tr("The reference raster ({0} x {1} px) is too small for ratio {2}.")
                         .format(w, h, ratio))
    ref = fill_invalid(ref, valid)
    if psf_kind == "gauss9":
        psf = kernels.gauss9_psf(ratio)
    elif psf_kind == "mtf":
        psf = kernels.mtf_psf(ratio, values["MTF_GAIN"])
    else:
        sigma = values["SIGMA"]
        half = max(int(np.ceil(3 * sigma)), ratio)
        psf = kernels.gaussian_psf(2 * half + 1, sigma)
    srf, high_names, high_wl = _srf(srf_kind, values, info, c, ctx)

    ctx.report(0.2, tr("Simulating"))
    set_threads(ctx.threads)
    gen = generator(values["SEED"])
    snr_db = snr if snr > 0 else None
    with torch.no_grad():
        low, high = operators.simulate_pair(torch.from_numpy(ref)[None], ratio, psf, srf,
                                            snr_lr=snr_db, snr_hr=snr_db, generator=gen)
    low, high = low[0].numpy(), high[0].numpy()
    ctx.info(tr("PSF {0} ({1} x {1}); spectral response {2} ({3} band(s)); SNR {4}.")
             .format(psf_kind, psf.shape[0], srf_kind, srf.shape[0], f"{snr:g} dB" if snr_db else tr("none")))

    ctx.report(0.7, tr("Writing the outputs"))
    desc, wl = band_metadata(info)
    write_geotiff(low_path, low, info.crs, low_res_transform(info.transform, ratio), mask=valid[::ratio, ::ratio],
                  descriptions=desc, wavelengths=wl, protect=(ref_path,))
    ctx.info(tr("Wrote {0}").format(low_path))
    try:
        ctx.check_cancel()
        write_geotiff(high_path, high, info.crs, info.transform, mask=valid, descriptions=high_names,
                      wavelengths=high_wl, protect=(ref_path,))
    except BaseException:
        # Both outputs or neither: remove the low-res one already written.
        try:
            os.remove(low_path)
        except OSError:
            pass
        raise
    ctx.info(tr("Wrote {0}").format(high_path))
    ctx.report(1.0, tr("Done"))
    return {"OUTPUT_LOWRES": low_path, "OUTPUT_HIGHRES": high_path}


def _srf(kind, values, info, n_bands, ctx):
    """(srf (c_out, C), band names, band wavelengths or None) for the chosen response."""
    from ...models import operators
    from ..srf import load_srf_csv, parse_wavelengths
    if kind == "csv":
        path = values.get("SRF_FILE")
        if not path:
            raise ValueError(tr("SRF is 'CSV file' but no spectral response CSV file was given "
                                "(SRF_FILE)."))
        srf = load_srf_csv(path, n_bands)
        return srf, [f"Band {i + 1}" for i in range(srf.shape[0])], None
    text = values.get("WAVELENGTHS")
    wavelengths = parse_wavelengths(text, n_bands) if text and text.strip() else None
    if wavelengths is None:
        known = list(getattr(info, "wavelengths", None) or [])
        if len(known) == n_bands and all(v is not None for v in known):
            wavelengths = np.asarray(known, dtype=np.float64)
    if kind == "pan":
        if wavelengths is None:
            ctx.warning(tr("The reference's band wavelengths are unknown: the PAN is the "
                           "mean of all bands. Give WAVELENGTHS to use 450-900 nm only."))
            return np.full((1, n_bands), 1.0 / n_bands), ["PAN"], None
        return operators.pan_srf(wavelengths), ["PAN"], None
    if wavelengths is None:
        raise ValueError(tr("The IKONOS-like response and the sensor responses need the reference's band "
                            "wavelengths, which its metadata does not give: enter them in WAVELENGTHS (nm)."))
    if kind in _SENSORS:
        from ...rasters.sensors import srf_matrix
        fw = list(getattr(info, "fwhms", None) or [])
        fw = fw if len(fw) == n_bands and all(f is not None for f in fw) and not (text and text.strip()) \
            else None
        res = srf_matrix(kind, wavelengths, fwhm=fw)
        for w in res.warnings:
            ctx.warning(w)
        return res.matrix, list(res.names), [float(c) for c in res.centres]
    return operators.ikonos_like_srf(wavelengths), list(IKONOS_NAMES), list(IKONOS_CENTRES_NM)
