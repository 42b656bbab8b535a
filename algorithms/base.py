"""Shared machinery of every FuseDiff Processing algorithm (one implementation).

An algorithm subclasses `FuseDiffAlgorithm`, declares its parameters with the
helpers here (common RATIO/DEVICE/SEED parameters, advanced parameters
derived from a method's config dataclass) and implements `process()`. The base
class's `processAlgorithm()` turns every error a user can fix (RasterError,
ValueError, a cancellation) into a `QgsProcessingException` with a plain
sentence, so no Python traceback reaches the user and, because outputs are
written atomically by `rasters`, no output file is left behind.

Data flow of a fusion algorithm (see DESIGN.md):
  parameters -> `read_inputs` (rasters.align_pair: the low-res raster on the
  high-res grid) -> `SceneScale` (per-scene scaling to about [0, 1]) ->
  models -> `write_output` (float32 GeoTIFF on the high-res grid).

This module imports no torch: classical algorithms must load without it.
"""
from __future__ import annotations

import dataclasses
import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Optional

import numpy as np
from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingParameterBoolean,
                       QgsProcessingParameterDefinition,
                       QgsProcessingParameterEnum,
                       QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterLayer)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..models.progress import Cancelled

PLUGIN_DIR = Path(__file__).resolve().parents[1]
README_URL = "https://github.com/fusediff/fusediff/blob/main/README.md"
#: Translation context of every FuseDiff string (one context keeps i18n simple).
TR_CONTEXT = "FuseDiff"

DEVICES = ("auto", "cpu", "cuda")
#: Percentile of the valid input values used as the scene's robust maximum.
SCALE_PERCENTILE = 99.9
#: At most this many values are sampled to estimate the robust maximum.
SCALE_SAMPLES = 2_000_000
#: Resampling of the low-resolution raster when its grid is not already the aligned one
#: (rasters.align_pair; a pair that follows the grid convention is copied, not resampled).
#: Lanczos keeps more of the MS's detail than cubic: GSA on GeoTIFFs from wv3_reduced_256.mat
#: (MS pixels centred on 4x4 blocks, so shifted by 1.5 PAN pixels) gives PSNR 32.31 / SAM 5.74 /
#: ERGAS 5.29 / Q8 0.871 with lanczos against 32.11 / 5.95 / 5.42 / 0.864 with cubic
#: (pleiades: 36.31 / 3.31 / 2.33 against 35.77 / 3.59 / 2.48).
LOW_RES_RESAMPLING = "lanczos"

TORCH_INSTALL_HELP = (
    "PyTorch is not installed for the Python that QGIS uses. Install it with "
    "'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cpu' (CPU) or "
    "'python3 -m pip install torch --index-url https://download.pytorch.org/whl/cu121' (NVIDIA GPU), "
    "using the python3 of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. "
    "The classical methods work without PyTorch.")


def tr(text: str) -> str:
    """Translate ``text`` in FuseDiff's translation context."""
    return QCoreApplication.translate(TR_CONTEXT, text)


def require_torch():
    """Import torch or raise a QgsProcessingException saying how to install it."""
    try:
        import torch  # noqa: F401  (imported here so the provider loads without it)
    except Exception as exc:  # ImportError, or a broken install raising OSError etc.
        raise QgsProcessingException(tr(TORCH_INSTALL_HELP) + f" ({exc})") from exc
    return torch


# --------------------------------------------------------------------------
# progress and errors
# --------------------------------------------------------------------------

def progress_adapter(feedback, start: float = 0.0, end: float = 1.0) -> Callable[[float, str], None]:
    """A models-style ``progress(fraction, message)`` driving ``feedback``.

    fraction in [0, 1] is mapped onto [start, end] of the progress bar
    (0-100 %); a changed message is shown as progress text. Raises
    `Cancelled` when the user has cancelled, so long work stops at its next
    report. ``feedback`` may be None (then only nothing happens).
    """
    last = {"message": None}

    def progress(fraction: float, message: str = "") -> None:
        if feedback is None:
            return
        if feedback.isCanceled():
            raise Cancelled("cancelled by the user")
        f = min(max(float(fraction), 0.0), 1.0)
        feedback.setProgress(100.0 * (start + (end - start) * f))
        if message and message != last["message"]:
            last["message"] = message
            feedback.setProgressText(message)

    return progress


def check_cancel(feedback) -> None:
    """Raise `Cancelled` if the user cancelled."""
    if feedback is not None and feedback.isCanceled():
        raise Cancelled("cancelled by the user")


@contextmanager
def user_errors():
    """Turn the errors a user can act on into QgsProcessingException.

    RasterError and ValueError already carry a sentence for the user;
    Cancelled says that nothing was written; MemoryError suggests smaller
    inputs. Anything else is a bug and propagates unchanged (with traceback).
    """
    from ..rasters import RasterError
    try:
        yield
    except QgsProcessingException:
        raise
    except Cancelled as exc:
        raise QgsProcessingException(tr("Cancelled by the user; no output was written.")) from exc
    except (RasterError, ValueError) as exc:
        raise QgsProcessingException(str(exc)) from exc
    except MemoryError as exc:
        raise QgsProcessingException(tr(
            "Not enough memory for these inputs. Clip the rasters to a smaller area "
            "and run again.")) from exc


# --------------------------------------------------------------------------
# scaling
# --------------------------------------------------------------------------

@dataclasses.dataclass
class SceneScale:
    """Per-scene scaling of the input values to about [0, 1].

    ``maximum``: the robust maximum (a high percentile of the valid input
    values, both inputs together) that maps to 1. ``offset`` is 0: values are
    divided, not shifted, so ratios between bands (which Brovey, HPM and the
    spectral responses rely on) are preserved.
    """

    maximum: float
    percentile: float = SCALE_PERCENTILE

    @classmethod
    def from_inputs(cls, arrays_and_masks, percentile: float = SCALE_PERCENTILE) -> "SceneScale":
        """Robust maximum of several (array (C, H, W), valid (H, W) or None) inputs.

        Uses at most SCALE_SAMPLES regularly spaced valid values per input.
        Raises ValueError (a sentence for the user) when no valid value exists
        or the inputs are all zero or negative.
        """
        samples = []
        for array, valid in arrays_and_masks:
            a = np.asarray(array)
            v = a[:, valid] if valid is not None else a.reshape(a.shape[0], -1)
            v = v.ravel()
            v = v[np.isfinite(v)]
            if v.size > SCALE_SAMPLES:
                v = v[:: int(np.ceil(v.size / SCALE_SAMPLES))]
            samples.append(v)
        values = np.concatenate(samples) if samples else np.zeros(0)
        if values.size == 0:
            raise ValueError(tr("The inputs have no valid pixel in their common area (all nodata). "
                                "Check the nodata value and the extents of the rasters."))
        top = float(np.percentile(values, percentile))
        if not np.isfinite(top) or top <= 0:
            top = float(values.max())
        if not np.isfinite(top) or top <= 0:
            raise ValueError(tr("The input values are all zero or negative; there is nothing to fuse. "
                                "Check the input rasters."))
        return cls(maximum=top, percentile=percentile)

    def forward(self, array: np.ndarray) -> np.ndarray:
        """Input-scale values -> about [0, 1] (float32)."""
        return (np.asarray(array, dtype=np.float32) / np.float32(self.maximum)).astype(np.float32, copy=False)

    def inverse(self, array: np.ndarray) -> np.ndarray:
        """[0, 1]-scale values -> the input's radiometric scale (float32)."""
        return (np.asarray(array, dtype=np.float32) * np.float32(self.maximum)).astype(np.float32, copy=False)


def fill_invalid(array: np.ndarray, valid: Optional[np.ndarray]) -> np.ndarray:
    """Replace invalid pixels (valid False, or NaN/inf) by each band's mean of valid pixels.

    Processing needs finite numbers everywhere; these pixels are written as
    nodata at the end, and a band mean disturbs their neighbours least.
    """
    a = np.array(array, dtype=np.float32, copy=True)
    bad = ~np.isfinite(a)
    if valid is not None:
        bad |= ~np.asarray(valid, dtype=bool)[None]
    if bad.any():
        for b in range(a.shape[0]):
            good = ~bad[b]
            a[b][bad[b]] = float(a[b][good].mean()) if good.any() else 0.0
    return a


# --------------------------------------------------------------------------
# the base class
# --------------------------------------------------------------------------

class FuseDiffAlgorithm(QgsProcessingAlgorithm):
    """Base of every FuseDiff algorithm.

    Subclasses set NAME (the id without provider prefix), DISPLAY_NAME,
    GROUP/GROUP_ID, HELP_ANCHOR (README section) and implement
    `initAlgorithm`, `shortHelpString` and `process(parameters, context, feedback)`.
    """

    NAME = ""
    DISPLAY_NAME = ""
    GROUP = "Fusion"
    GROUP_ID = "fusion"
    HELP_ANCHOR = ""

    # --- identity -----------------------------------------------------------
    def tr(self, text: str) -> str:
        return tr(text)

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return self.tr(self.DISPLAY_NAME)

    def group(self) -> str:
        return self.tr(self.GROUP)

    def groupId(self) -> str:  # noqa: N802
        return self.GROUP_ID

    def helpUrl(self) -> str:  # noqa: N802
        return f"{README_URL}#{self.HELP_ANCHOR or self.NAME}"

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "icon.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(PLUGIN_DIR / "icon.svg")

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- running -------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run `process()` with user-facing errors turned into QgsProcessingException."""
        started = time.perf_counter()
        with user_errors():
            results = self.process(parameters, context, feedback)
        if feedback is not None:
            feedback.pushInfo(self.tr("Finished in {0:.1f} s.").format(time.perf_counter() - started))
        return results

    def process(self, parameters, context, feedback) -> dict:
        raise NotImplementedError

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's checks, except that a raster given as a file path QGIS cannot load passes.

        Such a file is then read by `rasters`, whose error says what is wrong
        with it (missing, truncated, not a raster...) instead of QGIS's bare
        "Incorrect parameter value".
        """
        ok, message = super().checkParameterValues(parameters, context)
        if ok:
            return ok, message
        for definition in self.parameterDefinitions():
            value = parameters.get(definition.name())
            if isinstance(definition, QgsProcessingParameterRasterLayer) and isinstance(value, str) \
                    and value.strip():
                continue
            if not definition.checkValueIsAcceptable(value, context):
                return False, self.tr("Incorrect parameter value for {0}").format(definition.description())
        return True, ""

    # --- common parameters -------------------------------------------------
    @staticmethod
    def _advanced(param, advanced: bool = True):
        if advanced:
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        return param

    def add_ratio_parameter(self, name: str = "RATIO", advanced: bool = False) -> None:
        """Optional resolution ratio (default: from the pixel sizes)."""
        p = QgsProcessingParameterNumber(
            name, self.tr("Resolution ratio (empty: from the pixel sizes)"),
            QgsProcessingParameterNumber.Double, defaultValue=None, optional=True)
        p.setHelp(self.tr("Ratio of the low-resolution pixel size to the high-resolution one, "
                          "e.g. 4 for 2 m multispectral and 0.5 m panchromatic pixels. "
                          "Leave empty to take it from the rasters' pixel sizes."))
        self.addParameter(self._advanced(p, advanced))

    def add_device_parameter(self, advanced: bool = True) -> None:
        """DEVICE: auto (CUDA, then Apple MPS, else CPU) / cpu / cuda."""
        p = QgsProcessingParameterEnum("DEVICE", self.tr("Device"), options=list(DEVICES), defaultValue=0)
        p.setHelp(self.tr("auto uses a CUDA GPU when PyTorch sees one (then Apple MPS), else the CPU."))
        self.addParameter(self._advanced(p, advanced))

    def add_seed_parameter(self, advanced: bool = True) -> None:
        """SEED: makes stochastic runs repeatable."""
        p = QgsProcessingParameterNumber("SEED", self.tr("Random seed"),
                                         QgsProcessingParameterNumber.Integer, defaultValue=0, minValue=0)
        p.setHelp(self.tr("The same seed and inputs give the same result."))
        self.addParameter(self._advanced(p, advanced))

    def ratio_value(self, parameters, context, name: str = "RATIO") -> Optional[float]:
        """The RATIO parameter as a float, or None when left empty.

        Raises ValueError (for the user) when it is not greater than 1.
        """
        raw = parameters.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            return None
        value = self.parameterAsDouble(parameters, name, context)
        if not np.isfinite(value) or value <= 1.0:
            raise ValueError(self.tr(
                "The resolution ratio must be greater than 1 (got {0}): it is the low-resolution "
                "pixel size divided by the high-resolution one. Leave RATIO empty to take it from "
                "the rasters.").format(f"{value:g}"))
        return float(value)

    def device_value(self, parameters, context) -> str:
        return DEVICES[self.parameterAsEnum(parameters, "DEVICE", context)]

    # --- parameters derived from a config dataclass ------------------------
    def add_config_parameters(self, config_cls, advanced: bool = True, skip=()) -> None:
        """One QGIS parameter per exposed field of ``config_cls`` (models.config).

        bool -> Boolean; int -> integer Number; float -> double Number; str
        with choices -> Enum. Name: the field name upper-cased; description:
        the field's help sentence; bounds from its metadata; flagged advanced.
        """
        from ..models.config import exposed_fields
        for f in exposed_fields(config_cls):
            if f.name in skip:
                continue
            meta = f.metadata
            name = f.name.upper()
            label = self.tr(meta.get("help") or f.name.replace("_", " "))
            default = f.default if f.default is not dataclasses.MISSING else None
            if meta.get("choices"):
                choices = list(meta["choices"])
                p = QgsProcessingParameterEnum(name, label, options=choices,
                                               defaultValue=choices.index(default) if default in choices else 0)
            elif isinstance(default, bool):
                p = QgsProcessingParameterBoolean(name, label, defaultValue=default)
            elif isinstance(default, int):
                p = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Integer,
                                                 defaultValue=default)
            elif isinstance(default, float):
                p = QgsProcessingParameterNumber(name, label, QgsProcessingParameterNumber.Double,
                                                 defaultValue=default)
            else:
                continue  # not a type users can set from QGIS
            if isinstance(p, QgsProcessingParameterNumber):
                if meta.get("minimum") is not None:
                    p.setMinimum(meta["minimum"])
                if meta.get("maximum") is not None:
                    p.setMaximum(meta["maximum"])
            p.setHelp(label)
            self.addParameter(self._advanced(p, advanced))

    def config_from_parameters(self, config_cls, parameters, context, preset: str = "default", skip=()):
        """An instance of ``config_cls`` from ``preset`` with the parameter values set by the user.

        A parameter absent from ``parameters`` keeps the preset's value, so a
        preset is not silently overridden by the dialog's defaults.
        """
        from ..models.config import exposed_fields, with_preset
        overrides = {}
        for f in exposed_fields(config_cls):
            name = f.name.upper()
            if f.name in skip or parameters.get(name) is None:
                continue
            meta = f.metadata
            if meta.get("choices"):
                overrides[f.name] = list(meta["choices"])[self.parameterAsEnum(parameters, name, context)]
            elif isinstance(f.default, bool):
                overrides[f.name] = self.parameterAsBoolean(parameters, name, context)
            elif isinstance(f.default, int):
                overrides[f.name] = self.parameterAsInt(parameters, name, context)
            elif isinstance(f.default, float):
                overrides[f.name] = self.parameterAsDouble(parameters, name, context)
        return with_preset(config_cls, preset, **overrides)

    # --- inputs and outputs --------------------------------------------------
    def raster_path(self, parameters, name: str, context, optional: bool = False) -> Optional[str]:
        """File path of raster parameter ``name`` (a layer, a layer id or a path).

        Unloadable paths are returned as given so that `rasters` reports what
        is wrong with the file. None when an optional parameter is empty.
        """
        raw = parameters.get(name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            if optional:
                return None
            raise ValueError(self.tr("The input {0} is missing: choose a raster.").format(name))
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is not None:
            if layer.providerType() != "gdal":
                raise ValueError(self.tr(
                    "The input {0} is not a file-based raster ({1}); export it to GeoTIFF first.")
                    .format(name, layer.providerType()))
            return layer.source()
        return self.parameterAsString(parameters, name, context)

    def output_path(self, parameters, name: str, context, inputs=()) -> str:
        """Destination path of output ``name``; refuses a path equal to an input."""
        path = self.parameterAsOutputLayer(parameters, name, context)
        if not path:
            path = self.parameterAsFileOutput(parameters, name, context)
        for p in inputs:
            if p and os.path.normcase(os.path.realpath(p)) == os.path.normcase(os.path.realpath(path)):
                raise ValueError(self.tr(
                    "The output {0} '{1}' is also an input; inputs are never overwritten. "
                    "Choose another output path.").format(name, path))
        return path

    def read_inputs(self, high_path: str, low_path: str, ratio=None, high_bands=None,
                    low_bands=None, feedback=None, **align_options):
        """Align the low-res raster onto the high-res grid (rasters.align_pair).

        ``align_options`` go to align_pair (min_low_bands, require_single_high,
        resampling (default LOW_RES_RESAMPLING), ...). Returns the AlignedPair (high (Ch, H, W), low (C, h, w) with
        H = ratio*h, valid (H, W), ratio, crs, transform, ...), both arrays
        finite (nodata filled), and logs the geometry.
        """
        from ..rasters import align_pair
        align_options.setdefault("resampling", LOW_RES_RESAMPLING)
        pair = align_pair(high_path, low_path, ratio=ratio, high_bands=high_bands,
                          low_bands=low_bands, **align_options)
        if feedback is not None:
            ch, hh, wh = pair.high.shape
            cl, hl, wl = pair.low.shape
            feedback.pushInfo(self.tr(
                "Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} "
                "band(s) of {4} x {5} px, ratio {6}, {7} nodata pixel(s).").format(
                    ch, wh, hh, cl, wl, hl, pair.ratio, int((~pair.valid).sum())))
            plan = pair.plan
            if plan is not None and not plan.ratio_exact:
                feedback.pushWarning(self.tr(
                    "The pixel sizes give a ratio of {0:.3f}; the low-resolution raster was resampled "
                    "to the whole ratio {1}.").format(0.5 * sum(plan.ratio_measured), pair.ratio))
        return pair

    def fuse_scene(self, parameters, context, feedback, fuse, high: str = "PAN", low: str = "MS",
                   high_bands=None, low_bands=None, **align_options) -> dict:
        """The whole fusion pipeline of an algorithm, shared by every method.

        Reads raster parameters ``high`` and ``low`` (names), aligns them
        (`read_inputs`; RATIO from the parameters), scales the scene to about
        [0, 1] (`SceneScale`), calls ``fuse(high01 (Ch, H, W), low01 (C, h, w),
        ratio, progress)`` -> (C, H, W) array in [0, 1] scale, scales back and
        writes OUTPUT (float32 GeoTIFF on the high-res grid, the low raster's
        band names and wavelengths, nodata where invalid). ``progress`` covers
        5-95 % of the bar and raises Cancelled on cancel. Returns {'OUTPUT': path}.
        """
        low_path = self.raster_path(parameters, low, context)
        high_path = self.raster_path(parameters, high, context)
        out_path = self.output_path(parameters, "OUTPUT", context, inputs=(low_path, high_path))
        ratio = self.ratio_value(parameters, context)
        progress_adapter(feedback)(0.0, self.tr("Reading and aligning the inputs"))
        pair = self.read_inputs(high_path, low_path, ratio=ratio, high_bands=high_bands,
                                low_bands=low_bands, feedback=feedback, **align_options)
        scale = SceneScale.from_inputs([(pair.high, pair.valid), (pair.low, pair.low_valid)])
        if feedback is not None:
            feedback.pushInfo(self.tr("Scene scale: values divided by {0:g} (the {1:g}th percentile of the "
                                      "valid input values).").format(scale.maximum, scale.percentile))
        check_cancel(feedback)
        fused = fuse(scale.forward(pair.high), scale.forward(pair.low), pair.ratio,
                     progress_adapter(feedback, 0.05, 0.95))
        fused = np.asarray(fused)
        if fused.ndim != 3 or fused.shape[1:] != pair.high.shape[1:]:
            raise RuntimeError(f"fusion returned shape {fused.shape}, expected (C, {pair.high.shape[1]}, "
                               f"{pair.high.shape[2]})")
        progress_adapter(feedback)(0.95, self.tr("Writing the output"))
        bands = low_bands or getattr(pair.plan, "low_bands", None)
        desc, wl = band_metadata(pair.low_info, bands)
        if fused.shape[0] != pair.low.shape[0]:
            desc, wl = None, None
        self.write_output(out_path, scale.inverse(fused), pair.crs, pair.transform, valid=pair.valid,
                          descriptions=desc, wavelengths=wl, protect=(low_path, high_path), feedback=feedback)
        progress_adapter(feedback)(1.0, self.tr("Done"))
        return {"OUTPUT": out_path}

    def torch_device(self, parameters, context, feedback):
        """Import torch (or fail with install help), set the provider's CPU threads, pick DEVICE.

        Logs the device and thread count. Returns the torch.device.
        """
        require_torch()
        from ..models.device import select_device, set_threads
        from ..provider.provider import cpu_threads
        try:
            device = select_device(self.device_value(parameters, context))
        except RuntimeError as exc:
            raise ValueError(str(exc)) from exc
        threads = set_threads(cpu_threads())
        if feedback is not None:
            feedback.pushInfo(self.tr("Device: {0}; CPU threads: {1}.").format(device, threads))
        return device

    def write_output(self, path: str, array: np.ndarray, crs, transform, valid=None,
                     descriptions=None, wavelengths=None, protect=(), feedback=None) -> str:
        """Write (C, H, W) values as a float32 GeoTIFF (atomic; nodata where not valid)."""
        from ..rasters import write_geotiff
        check_cancel(feedback)
        out = write_geotiff(path, array, crs, transform, descriptions=descriptions,
                            wavelengths=wavelengths, mask=valid, protect=protect)
        if feedback is not None:
            feedback.pushInfo(self.tr("Wrote {0}").format(out))
        return out


def band_metadata(info, bands=None):
    """(descriptions, wavelengths) of the chosen bands of a raster, or None for each.

    ``info``: a rasters.RasterInfo (or None); ``bands``: 1-based band numbers
    (None: all). Descriptions are kept only when some band has one;
    wavelengths only when some band's is known.
    """
    if info is None:
        return None, None
    desc = list(getattr(info, "descriptions", None) or [])
    wl = list(getattr(info, "wavelengths", None) or [])
    idx = [b - 1 for b in bands] if bands else list(range(int(info.count)))
    desc = [desc[i] for i in idx] if len(desc) == info.count else []
    wl = [wl[i] for i in idx] if len(wl) == info.count else []
    return (desc if any(desc) else None), (wl if any(w is not None for w in wl) else None)
