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

torch is imported when the algorithm runs, not at import time.
"""
from __future__ import annotations

import os

import numpy as np
from .compat import NUMBER_DOUBLE, NUMBER_INTEGER
from ..rasters.transform import Affine
from qgis.core import (QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer,
                       QgsProcessingParameterString)

from .base import (FuseDiffAlgorithm, band_metadata, check_cancel, fill_invalid,
                   progress_adapter, require_torch)
from .srf import load_srf_csv, parse_wavelengths

PSFS = ("gauss9", "mtf", "gaussian")
PSF_LABELS = ("gauss9: 9 x 9 Gaussian whose FWHM equals the ratio",
              "MTF-matched Gaussian (gain at the low-resolution Nyquist frequency)",
              "Gaussian with the given sigma")
SRFS = ("pan", "ikonos", "csv")
SRF_LABELS = ("PAN: mean of the bands centred in 450-900 nm",
              "IKONOS-like Blue, Green, Red, NIR (4 bands)",
              "Spectral response from a CSV file")
IKONOS_NAMES = ("Blue", "Green", "Red", "NIR")
IKONOS_CENTRES_NM = (480.0, 550.0, 665.0, 805.0)


def low_res_transform(transform: Affine, ratio: int) -> Affine:
    """Transform of the decimated raster: origin shifted by -(r-1)/2 high-res pixels, pixels r times larger.

    Low-res pixel i then has its centre on high-res pixel r*i (grid convention).
    """
    shift = -(ratio - 1) / 2.0
    return transform * Affine.translation(shift, shift) * Affine.scale(ratio)


class SimulateAlgorithm(FuseDiffAlgorithm):
    NAME = "simulate"
    DISPLAY_NAME = "Simulate a fusion pair (Wald's protocol)"
    GROUP = "Simulation and assessment"
    GROUP_ID = "evaluation"
    HELP_ANCHOR = "simulate-a-fusion-pair-fusediffsimulate"

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
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

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterRasterLayer("REFERENCE", self.tr("Reference raster")))
        ratio = QgsProcessingParameterNumber("RATIO", self.tr("Resolution ratio"),
                                             NUMBER_INTEGER, defaultValue=4)
        ratio.setHelp(self.tr("Decimation factor (a whole number, 2 or more)."))
        self.addParameter(ratio)
        self.addParameter(QgsProcessingParameterEnum(
            "PSF", self.tr("Point spread function"), options=[self.tr(s) for s in PSF_LABELS],
            defaultValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            "MTF_GAIN", self.tr("MTF gain at Nyquist (MTF-matched PSF)"),
            NUMBER_DOUBLE, defaultValue=0.3, minValue=0.01, maxValue=0.99))
        self.addParameter(QgsProcessingParameterNumber(
            "SIGMA", self.tr("Gaussian sigma in reference pixels (Gaussian PSF)"),
            NUMBER_DOUBLE, defaultValue=1.699, minValue=0.1))
        self.addParameter(QgsProcessingParameterEnum(
            "SRF", self.tr("Spectral response of the high-resolution raster"),
            options=[self.tr(s) for s in SRF_LABELS], defaultValue=0))
        self.addParameter(QgsProcessingParameterFile(
            "SRF_FILE", self.tr("Spectral response CSV file"), extension="csv", optional=True))
        wl = QgsProcessingParameterString(
            "WAVELENGTHS", self.tr("Band centres in nm, comma separated (empty: from the raster)"),
            optional=True)
        self.addParameter(self._advanced(wl))
        self.addParameter(QgsProcessingParameterNumber(
            "SNR", self.tr("Signal-to-noise ratio in dB (0: no noise)"),
            NUMBER_DOUBLE, defaultValue=0.0, minValue=0.0))
        self.add_seed_parameter(advanced=False)
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_LOWRES", self.tr("Simulated low-resolution raster")))
        self.addParameter(QgsProcessingParameterRasterDestination(
            "OUTPUT_HIGHRES", self.tr("Simulated high-resolution raster")))

    def process(self, parameters, context, feedback) -> dict:
        from ..models import kernels
        from ..rasters import read

        ref_path = self.raster_path(parameters, "REFERENCE", context)
        low_path = self.output_path(parameters, "OUTPUT_LOWRES", context, inputs=(ref_path,))
        high_path = self.output_path(parameters, "OUTPUT_HIGHRES", context, inputs=(ref_path,))
        if low_path == high_path:
            raise ValueError(self.tr("OUTPUT_LOWRES and OUTPUT_HIGHRES are the same file; choose two "
                                     "different paths."))
        ratio = self.parameterAsInt(parameters, "RATIO", context)
        if ratio < 2:
            raise ValueError(self.tr("The ratio must be a whole number of 2 or more (got {0}).")
                             .format(ratio))
        psf_kind = PSFS[self.parameterAsEnum(parameters, "PSF", context)]
        srf_kind = SRFS[self.parameterAsEnum(parameters, "SRF", context)]
        snr = self.parameterAsDouble(parameters, "SNR", context)
        seed = self.parameterAsInt(parameters, "SEED", context)
        progress = progress_adapter(feedback)
        torch = require_torch()  # the operators are torch code; fail early with install help

        progress(0.0, self.tr("Reading the reference"))
        ref, valid, info = read(ref_path)
        if not valid.any():
            raise ValueError(self.tr("The reference raster '{0}' has no valid pixel (all nodata, NaN or "
                                     "infinite).").format(ref_path))
        c, h, w = ref.shape
        if min(h, w) < 2 * ratio:
            raise ValueError(self.tr("The reference raster ({0} x {1} px) is too small for ratio {2}.")
                             .format(w, h, ratio))
        ref = fill_invalid(ref, valid)

        if psf_kind == "gauss9":
            psf = kernels.gauss9_psf(ratio)
        elif psf_kind == "mtf":
            psf = kernels.mtf_psf(ratio, self.parameterAsDouble(parameters, "MTF_GAIN", context))
        else:
            sigma = self.parameterAsDouble(parameters, "SIGMA", context)
            half = max(int(np.ceil(3 * sigma)), ratio)
            psf = kernels.gaussian_psf(2 * half + 1, sigma)
        srf, high_names, high_wl = self._srf(srf_kind, parameters, context, info, c, feedback)

        check_cancel(feedback)
        progress(0.2, self.tr("Simulating"))
        from ..models import operators
        from ..models.device import generator, set_threads
        from ..provider.provider import cpu_threads
        set_threads(cpu_threads())
        gen = generator(seed)
        snr_db = snr if snr > 0 else None
        with torch.no_grad():
            low, high = operators.simulate_pair(torch.from_numpy(ref)[None], ratio, psf, srf,
                                                snr_lr=snr_db, snr_hr=snr_db, generator=gen)
        low = low[0].numpy()
        high = high[0].numpy()
        feedback.pushInfo(self.tr("PSF {0} ({1} x {1}); spectral response {2} ({3} band(s)); SNR {4}.")
                          .format(psf_kind, psf.shape[0], srf_kind, srf.shape[0],
                                  f"{snr:g} dB" if snr_db else self.tr("none")))

        check_cancel(feedback)
        progress(0.7, self.tr("Writing the outputs"))
        desc, wl = band_metadata(info)
        low_valid = valid[::ratio, ::ratio]
        self.write_output(low_path, low, info.crs, low_res_transform(info.transform, ratio),
                          valid=low_valid, descriptions=desc, wavelengths=wl, protect=(ref_path,),
                          feedback=feedback)
        try:
            self.write_output(high_path, high, info.crs, info.transform, valid=valid,
                              descriptions=high_names, wavelengths=high_wl, protect=(ref_path,),
                              feedback=feedback)
        except BaseException:
            # Both outputs or neither: remove the low-res one already written.
            try:
                os.remove(low_path)
            except OSError:
                pass
            raise
        progress(1.0, self.tr("Done"))
        return {"OUTPUT_LOWRES": low_path, "OUTPUT_HIGHRES": high_path}

    def _srf(self, kind, parameters, context, info, n_bands, feedback):
        """(srf (c_out, C), band names, band wavelengths or None) for the chosen response."""
        from ..models import operators
        if kind == "csv":
            path = self.parameterAsFile(parameters, "SRF_FILE", context)
            if not path:
                raise ValueError(self.tr("SRF is 'CSV file' but no spectral response CSV file was given "
                                         "(SRF_FILE)."))
            srf = load_srf_csv(path, n_bands)
            return srf, [f"Band {i + 1}" for i in range(srf.shape[0])], None
        text = self.parameterAsString(parameters, "WAVELENGTHS", context)
        wavelengths = parse_wavelengths(text, n_bands) if text and text.strip() else None
        if wavelengths is None:
            known = list(getattr(info, "wavelengths", None) or [])
            if len(known) == n_bands and all(v is not None for v in known):
                wavelengths = np.asarray(known, dtype=np.float64)
        if kind == "pan":
            if wavelengths is None:
                feedback.pushWarning(self.tr("The reference's band wavelengths are unknown: the PAN is the "
                                             "mean of all bands. Give WAVELENGTHS to use 450-900 nm only."))
                return np.full((1, n_bands), 1.0 / n_bands), ["PAN"], None
            return operators.pan_srf(wavelengths), ["PAN"], None
        if wavelengths is None:
            raise ValueError(self.tr("The IKONOS-like response needs the reference's band wavelengths, "
                                     "which its metadata does not give: enter them in WAVELENGTHS (nm)."))
        return (operators.ikonos_like_srf(wavelengths), list(IKONOS_NAMES), list(IKONOS_CENTRES_NM))

