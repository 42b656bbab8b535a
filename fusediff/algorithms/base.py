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

from ..engine.scaling import SceneScale, fill_invalid  # noqa: F401 (used by the algorithms)
from ..models.progress import Cancelled

PLUGIN_DIR = Path(__file__).resolve().parents[1]
README_URL = "https://github.com/fusediff/fusediff/blob/main/README.md"
#: Translation context of every FuseDiff string (one context keeps i18n simple).
TR_CONTEXT = "FuseDiff"

DEVICES = ("auto", "cpu", "cuda")
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


TORCH_BROKEN_HELP = (
    "PyTorch is installed for the Python that QGIS uses but cannot be loaded (a broken or "
    "incompatible installation, e.g. a missing library). Reinstall it with "
    "'python3 -m pip install --force-reinstall torch --index-url https://download.pytorch.org/whl/cpu' "
    "(CPU) or 'python3 -m pip install --force-reinstall torch --index-url "
    "https://download.pytorch.org/whl/cu121' (NVIDIA GPU), using the python3 "
    "of your QGIS installation (on Windows: the OSGeo4W Shell), then restart QGIS. The classical "
    "methods work without PyTorch.")


def require_torch():
    """Import torch or raise a QgsProcessingException saying how to install (or repair) it."""
    try:
        import torch  # noqa: F401  (imported here so the provider loads without it)
    except ImportError as exc:
        raise QgsProcessingException(tr(TORCH_INSTALL_HELP) + f" ({exc})") from exc
    except Exception as exc:  # a broken install raising OSError (missing DLL/.so) etc.
        raise QgsProcessingException(tr(TORCH_BROKEN_HELP) + f" ({type(exc).__name__}: {exc})") from exc
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

# --------------------------------------------------------------------------
# tiled processing: methods, samples, ETA, out-of-memory retry
# --------------------------------------------------------------------------

#: Tile size (high-res pixels) of classical methods: a scene up to this size is one tile.
#: 1024 keeps a 12000 x 12000 PAN + 4-band MS under 3 GB peak RSS with GSA (2048: 3.3 GB).
CLASSICAL_TILE = 1024
#: Tile size of diffusion methods (network activations cost far more memory per pixel). With
#: DIFFUSION_PAD a padded tile is 512 px: one window of ResPanDiff's own 512-px tiling (a
#: 640-px padded tile cost 4 of them: 3.3 CPU-s per sampling step against 0.6 s, 1 thread).
DIFFUSION_TILE = 448
#: Context around a diffusion tile (ResPanDiff blends its own windows over 32 px).
DIFFUSION_PAD = 32
#: Overlap between neighbouring tiles' cores, blended with raised-cosine weights.
TILE_OVERLAP = 32
#: Context read around every tile and cropped after fusion, so that a method's filters
#: (MTF blur, upsampling kernels) see real neighbours at the tile's edge.
TILE_PAD = 64
#: A scene with at most this many high-res pixels is sampled whole for the scale and `prepare`.
SAMPLE_FULL_PIXELS = 2048 * 2048
#: Otherwise SAMPLE_GRID x SAMPLE_GRID windows of SAMPLE_WINDOW pixels, spread over the scene.
SAMPLE_GRID = 6
SAMPLE_WINDOW = 512


@dataclasses.dataclass
class ScaledWindow:
    """One sample window in [0, 1] scale: high (Ch, h, w), low (C, h/r, w/r), valid (h, w),
    low_valid (h/r, w/r)."""

    high: np.ndarray
    low: np.ndarray
    valid: np.ndarray
    low_valid: np.ndarray


class SceneMethod:
    """A fusion method as `FuseDiffAlgorithm.fuse_scene` runs it: learn once, then solve per tile.

    Self-learning methods (SDP, ARGS-Diff, DM-ZS, scene adaptation) subclass
    it and override `prepare`, which gets windows sampled across the whole
    scene (a list of `ScaledWindow`; the whole scene when it is small) before
    any tile is fused; `fuse_tile` then runs on every tile. Supervised and
    classical methods just give a function: ``SceneMethod(fuse)``, or pass
    the function itself to fuse_scene. tile_size/overlap/pad (high-res
    pixels; None: the algorithm's `tile_settings`) let a method ask for
    other tiles, e.g. a network's receptive field as pad.
    """

    tile_size: Optional[int] = None
    overlap: Optional[int] = None
    pad: Optional[int] = None

    def __init__(self, fuse_tile=None, prepare=None, tile_size=None, overlap=None, pad=None, level=None):
        self._fuse = fuse_tile
        self._prepare = prepare
        self._level = level
        if tile_size is not None:
            self.tile_size = tile_size
        if overlap is not None:
            self.overlap = overlap
        if pad is not None:
            self.pad = pad

    def input_level(self, ratio: int, bands: int) -> float:
        """The value the scene's robust maximum maps to for this method (`SceneScale.level`):
        ``level`` given to the constructor (a number, or a function (ratio, low-res band count)
        -> number, e.g. reading a weights file's model card), else 1."""
        from ..engine.scaling import DEFAULT_LEVEL
        level = self._level(ratio, bands) if callable(self._level) else self._level
        return DEFAULT_LEVEL if level is None else float(level)

    @property
    def learns(self) -> bool:
        """True when `prepare` does work (the progress bar then reserves 5-25 % for it)."""
        return self._prepare is not None or type(self).prepare is not SceneMethod.prepare

    def prepare(self, samples, ratio: int, progress) -> None:
        """Learn from ``samples`` (list of ScaledWindow) once, before the tiles. Default: nothing."""
        if self._prepare is not None:
            self._prepare(samples, ratio, progress)

    def fuse_tile(self, high, low, ratio: int, progress) -> np.ndarray:
        """Fuse one padded tile: high (Ch, h, w), low (C, h/r, w/r) in [0, 1] -> (C, h, w)."""
        if self._fuse is None:
            raise NotImplementedError
        return self._fuse(high, low, ratio, progress)


def scene_sample(plan) -> list:
    """Windows of the aligned scene for the scale and `SceneMethod.prepare` (bounded memory).

    The whole grid when it has at most SAMPLE_FULL_PIXELS pixels (so small
    scenes are treated exactly as a whole), else SAMPLE_GRID x SAMPLE_GRID
    windows of SAMPLE_WINDOW pixels (origins multiples of the ratio) spread
    evenly over it. Returns a list of rasters.AlignedPair (input scale).
    """
    from ..rasters import read_aligned_window
    r = plan.ratio
    if plan.height * plan.width <= SAMPLE_FULL_PIXELS:
        return [read_aligned_window(plan, 0, 0, plan.height, plan.width)]

    def starts(n):
        size = min(n, max(r, (SAMPLE_WINDOW // r) * r))
        k = SAMPLE_GRID if n > size else 1
        pos = np.linspace(0, n - size, k)
        return sorted({int(p // r) * r for p in pos}), size

    rows, hh = starts(plan.height)
    cols, ww = starts(plan.width)
    return [read_aligned_window(plan, r0, c0, hh, ww) for r0 in rows for c0 in cols]


#: GDAL's block cache (bytes) while a scene is fused: GDAL's default (5% of RAM) would keep
#: hundreds of MB of input and output blocks on top of the tiles.
GDAL_CACHE_BYTES = 128 * 1024 * 1024


@contextmanager
def bounded_gdal_cache(limit: int = GDAL_CACHE_BYTES):
    """Lower GDAL's block cache to ``limit`` bytes inside the block (restored afterwards).

    The cache is process-wide and shared by rasterio and QGIS (one libgdal);
    without osgeo.gdal this does nothing.
    """
    try:
        from osgeo import gdal
        old = gdal.GetCacheMax()
    except Exception:  # noqa: BLE001 (no GDAL Python bindings)
        yield
        return
    gdal.SetCacheMax(min(int(old), int(limit)))
    try:
        yield
    finally:
        gdal.SetCacheMax(old)


class EtaClock:
    """Tile counter with an estimate of the time left ('tile 12/140, ~3 min left')."""

    def __init__(self, total: int, clock=time.perf_counter):
        self.total = int(total)
        self.clock = clock
        self.t0 = clock()
        self.finished = 0

    def done(self, n: int) -> None:
        """Record that ``n`` tiles are finished."""
        self.finished = int(n)

    def seconds_left(self) -> Optional[float]:
        """Estimated seconds left (None before the first tile is done)."""
        if self.finished <= 0:
            return None
        elapsed = self.clock() - self.t0
        return elapsed / self.finished * (self.total - self.finished)

    def label(self, index: int, tr=tr) -> str:
        """Progress text before tile ``index`` (0-based); '' for a one-tile scene."""
        if self.total <= 1:
            return ""
        text = tr("tile {0}/{1}").format(index + 1, self.total)
        left = self.seconds_left()
        if left is None:
            return text
        if left >= 90:
            return tr("{0}, ~{1} min left").format(text, int(round(left / 60.0)))
        return tr("{0}, ~{1} s left").format(text, max(1, int(round(left))))


def progress_scope(progress, start: float, end: float, label: str = ""):
    """``progress`` restricted to [start, end], messages prefixed with ``label`` ('label: msg')."""
    from ..models.progress import scoped
    return scoped(progress, start, end, prefix=f"{label}: " if label else "")


def is_cuda_oom(exc: BaseException) -> bool:
    """True for a CUDA (or MPS) out-of-memory error from PyTorch (checked without importing torch)."""
    if type(exc).__name__ == "OutOfMemoryError":
        return True
    text = str(exc).lower()
    return isinstance(exc, RuntimeError) and "out of memory" in text and (
        "cuda" in text or "mps" in text)


def run_with_oom_retry(run: Callable[[int], object], tile_size: int, log=None, tr=tr):
    """``run(tile_size)``; on a GPU out-of-memory error, free the cache and ``run(tile_size // 2)`` once.

    A second out-of-memory error becomes a ValueError with a sentence for
    the user. Other exceptions propagate unchanged. ``log``: optional
    callable taking a warning sentence.
    """
    try:
        return run(tile_size)
    except Exception as exc:  # noqa: BLE001 (filtered just below)
        if not is_cuda_oom(exc):
            raise
        first = exc
    _empty_gpu_cache()
    smaller = max(1, tile_size // 2)
    if log is not None:
        log(tr("The GPU ran out of memory with tiles of {0} px; retrying with tiles of {1} px.")
            .format(tile_size, smaller))
    try:
        return run(smaller)
    except Exception as exc:  # noqa: BLE001
        if not is_cuda_oom(exc):
            raise
        _empty_gpu_cache()
        raise ValueError(tr(
            "The GPU ran out of memory even with tiles of {0} px ({1}). Choose DEVICE 'cpu', close "
            "other programs using the GPU, or use a GPU with more memory.").format(smaller, first)) from exc


def _empty_gpu_cache() -> None:
    try:
        import torch
        if torch.cuda.is_available():
            torch.cuda.empty_cache()
    except Exception:
        pass


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
    #: Tiling (high-res pixels); None: see `tile_settings`.
    TILE_SIZE: Optional[int] = None
    TILE_OVERLAP: Optional[int] = None
    TILE_PAD: Optional[int] = None

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
        self._restore_blas = None
        try:
            with user_errors():
                results = self.process(parameters, context, feedback)
        finally:
            if self._restore_blas is not None:  # set by torch_device
                self._restore_blas()
                self._restore_blas = None
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
        presets = list(getattr(config_cls, "PRESETS", {}))
        if presets:
            # not advanced: the one choice that changes every setting at once should be seen
            self.addParameter(QgsProcessingParameterEnum(
                "PRESET", self.tr("Preset: 'default' is fast on a CPU; 'paper' follows the paper (far slower). "
                                  "Advanced settings left at their defaults take the preset's values."),
                options=["default"] + presets, defaultValue=0))
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

    def config_from_parameters(self, config_cls, parameters, context, preset: str | None = None, skip=()):
        """An instance of ``config_cls`` from a preset with the parameter values set by the user.

        The preset is ``preset``, else the PRESET parameter's choice, else 'default'. A
        parameter absent from ``parameters`` keeps the preset's value; with a preset other
        than 'default', so does one left at its field default (the dialog and qgis_process
        always pass every parameter, so "at the default" is how a user leaves it alone).
        """
        from ..models.config import exposed_fields, with_preset
        if preset is None:
            names = ["default"] + list(getattr(config_cls, "PRESETS", {}))
            preset = names[self.parameterAsEnum(parameters, "PRESET", context)] \
                if parameters.get("PRESET") is not None and len(names) > 1 else "default"
        overrides = {}
        for f in exposed_fields(config_cls):
            name = f.name.upper()
            if f.name in skip or parameters.get(name) is None:
                continue
            meta = f.metadata
            if meta.get("choices"):
                value = list(meta["choices"])[self.parameterAsEnum(parameters, name, context)]
            elif isinstance(f.default, bool):
                value = self.parameterAsBoolean(parameters, name, context)
            elif isinstance(f.default, int):
                value = self.parameterAsInt(parameters, name, context)
            elif isinstance(f.default, float):
                value = self.parameterAsDouble(parameters, name, context)
            else:
                continue
            if preset != "default" and value == f.default:
                continue
            overrides[f.name] = value
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

    def tile_settings(self) -> tuple:
        """(tile, overlap, pad) in high-res pixels for this algorithm's tiled run.

        TILE_SIZE/TILE_OVERLAP/TILE_PAD class attributes win; otherwise
        diffusion algorithms (those that called `torch_device`) use smaller
        tiles than the classical ones, whose per-pixel memory is lower.
        """
        diffusion = getattr(self, "_uses_torch", False)
        tile = self.TILE_SIZE or (DIFFUSION_TILE if diffusion else CLASSICAL_TILE)
        overlap = self.TILE_OVERLAP if self.TILE_OVERLAP is not None else TILE_OVERLAP
        pad = self.TILE_PAD if self.TILE_PAD is not None else (DIFFUSION_PAD if diffusion else TILE_PAD)
        return int(tile), int(overlap), int(pad)

    def fuse_scene(self, parameters, context, feedback, fuse, high: str = "PAN", low: str = "MS",
                   high_bands=None, low_bands=None, **align_options) -> dict:
        """The whole fusion pipeline of an algorithm, shared by every method, tile by tile.

        Reads raster parameters ``high`` and ``low`` (names), plans their
        alignment (no pixels read; RATIO from the parameters), computes the
        per-scene scale from a bounded sample of windows (`scene_sample`;
        the whole scene when it is small), then fuses the high-res grid in
        overlapping tiles (`tile_settings`; a small scene is one tile, so its
        result does not depend on tiling): each tile is read with ``pad``
        pixels of context (`rasters.read_aligned_window`), fused, cropped to
        its core and blended into the output with raised-cosine weights over
        the overlap (`rasters.TileAccumulator`), which is written block by
        block (`rasters.GeoTiffWriter`; atomic: a failure or cancel leaves no
        file). The output covers every pixel of the high raster inside the
        low raster's extent (plan.extra_rows/cols filled from the nearest
        row/column). Memory: one tile row of the output plus one padded tile.

        ``fuse``: either a callable ``fuse(high01 (Ch, h, w), low01 (C, h/r,
        w/r), ratio, progress) -> (C, h, w)`` in [0, 1] scale, run on every
        tile, or a `SceneMethod` (``prepare(samples, ratio, progress)`` once on
        windows sampled across the scene, then ``fuse_tile`` per tile; it
        may also set tile/overlap/pad). On a CUDA out-of-memory error the
        tile size is halved and the run restarted once (`run_with_oom_retry`).
        Progress covers 5-95 % of the bar with the tile number and an ETA;
        raises Cancelled on cancel. Returns {'OUTPUT': path}.
        """
        from ..rasters import plan_alignment
        method = fuse if isinstance(fuse, SceneMethod) else SceneMethod(fuse)
        low_path = self.raster_path(parameters, low, context)
        high_path = self.raster_path(parameters, high, context)
        out_path = self.output_path(parameters, "OUTPUT", context, inputs=(low_path, high_path))
        ratio = self.ratio_value(parameters, context)
        progress_adapter(feedback)(0.0, self.tr("Reading and aligning the inputs"))
        align_options.setdefault("resampling", LOW_RES_RESAMPLING)
        align_options.pop("fill", None)
        plan = plan_alignment(high_path, low_path, ratio=ratio, high_bands=high_bands,
                              low_bands=low_bands, **align_options)
        self._log_plan(plan, feedback)
        samples = scene_sample(plan)
        if not any(s.valid.any() for s in samples):
            raise ValueError(self.tr(
                "The rasters have no pixel that is valid in both (all nodata, NaN or infinite in "
                "the overlap). Check the inputs' nodata values."))
        level = method.input_level(plan.ratio, len(plan.low_bands))
        scale = SceneScale.from_inputs([(s.high, s.valid) for s in samples]
                                       + [(s.low, s.low_valid) for s in samples], level=level)
        if feedback is not None:
            feedback.pushInfo(self.tr("Scene scale: values divided by {0:g} (the {1:g}th percentile of the "
                                      "valid input values, {2:g}, maps to {3:g}: the level the method was "
                                      "trained or tuned at).").format(scale.divisor, scale.percentile,
                                                                       scale.maximum, scale.level))
        check_cancel(feedback)
        tile, overlap, pad = self.tile_settings()
        tile, overlap, pad = (method.tile_size or tile, method.overlap if method.overlap is not None
                              else overlap, method.pad if method.pad is not None else pad)
        scaled = [ScaledWindow(scale.forward(s.high), scale.forward(s.low), s.valid, s.low_valid)
                  for s in samples]
        del samples
        method.prepare(scaled, plan.ratio, progress_adapter(feedback, 0.05, 0.25)
                       if method.learns else progress_adapter(feedback, 0.05, 0.05))
        del scaled
        start = 0.25 if method.learns else 0.05
        bands = low_bands or getattr(plan, "low_bands", None)
        desc, wl = band_metadata(plan.low_info, bands)

        def run(tile_size):
            with bounded_gdal_cache():
                return self._fuse_tiles(plan, method, scale, tile_size, overlap, pad, out_path,
                                        (low_path, high_path), desc, wl, feedback, start)

        run_with_oom_retry(run, tile, log=(feedback.pushWarning if feedback is not None else None),
                           tr=self.tr)
        if feedback is not None:
            feedback.pushInfo(self.tr("Wrote {0}").format(out_path))
        progress_adapter(feedback)(1.0, self.tr("Done"))
        return {"OUTPUT": out_path}

    def _log_plan(self, plan, feedback) -> None:
        if feedback is None:
            return
        feedback.pushInfo(self.tr(
            "Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} "
            "band(s) of {4} x {5} px, ratio {6}.").format(
                len(plan.high_bands), plan.out_width, plan.out_height, len(plan.low_bands),
                plan.low_width, plan.low_height, plan.ratio))
        if not plan.ratio_exact:
            feedback.pushWarning(self.tr(
                "The pixel sizes give a ratio of {0:.3f}; the low-resolution raster was resampled "
                "to the whole ratio {1}.").format(0.5 * sum(plan.ratio_measured), plan.ratio))

    def _fuse_tiles(self, plan, method, scale, tile_size, overlap, pad, out_path, protect, desc, wl,
                    feedback, start) -> None:
        """One tiled pass over the aligned grid into OUTPUT (see `fuse_scene`)."""
        from concurrent.futures import ThreadPoolExecutor

        from ..rasters import (BackgroundWriter, EdgeExtendingSink, GeoTiffWriter, TileAccumulator,
                               read_aligned_window, tile_grid)
        r = plan.ratio
        tile_size = max(tile_size, 2 * r * max(1, -(-overlap // r)) + r)
        tiles = tile_grid(plan.height, plan.width, tile_size, overlap, r)
        n_out = len(plan.low_bands)
        if feedback is not None and len(tiles) > 1:
            # the grid's tiles are equal-sized and at most tile_size: report the size they have
            feedback.pushInfo(self.tr("Processing {0} tiles of {1} x {1} px (overlap {2} px).")
                              .format(len(tiles), max(tiles[0].height, tiles[0].width), overlap))
        bar = progress_adapter(feedback, start, 0.95)
        eta = EtaClock(len(tiles))
        from ..provider.provider import cpu_threads

        def read_tile(t):
            return read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=pad)

        # the next tile is read, and finished rows are compressed and written, on worker threads
        # while a tile is fused (I/O was a third of a 4000 x 4000 KSDiff run)
        with GeoTiffWriter(out_path, plan.out_width, plan.out_height, n_out, plan.crs, plan.transform,
                           descriptions=desc, wavelengths=wl, protect=protect,
                           threads=cpu_threads() or os.cpu_count() or 1) as writer, \
                BackgroundWriter(writer) as background, \
                ThreadPoolExecutor(1, thread_name_prefix="fusediff-read") as reader:
            sink = EdgeExtendingSink(background, plan.height, plan.width, plan.extra_rows, plan.extra_cols)
            acc = None
            pending = reader.submit(read_tile, tiles[0])
            for i, t in enumerate(tiles):
                label = eta.label(i, self.tr)
                bar(i / len(tiles), label)
                win = pending.result()
                pending = reader.submit(read_tile, tiles[i + 1]) if i + 1 < len(tiles) else None
                rs, cs = win.core
                core_valid = win.valid[rs, cs]
                if not core_valid.any():
                    fused = np.zeros((n_out, t.height, t.width), np.float32)
                else:
                    tile_progress = progress_scope(bar, i / len(tiles), (i + 1) / len(tiles), label)
                    fused = np.asarray(method.fuse_tile(scale.forward(win.high), scale.forward(win.low),
                                                        r, tile_progress))
                    if fused.ndim != 3 or fused.shape[1:] != win.high.shape[1:]:
                        raise RuntimeError(f"fusion returned shape {fused.shape}, expected (C, "
                                           f"{win.high.shape[1]}, {win.high.shape[2]})")
                    fused = scale.inverse(fused[:, rs, cs])
                if acc is None:
                    if fused.shape[0] != n_out:  # e.g. a method returning another band count
                        writer_bands = fused.shape[0]
                        raise RuntimeError(f"fusion returned {writer_bands} bands, expected {n_out}")
                    acc = TileAccumulator(sink, n_out, plan.height, plan.width, overlap)
                acc.add(fused, t.row_off, t.col_off, valid=core_valid)
                del win, fused
                eta.done(i + 1)
            check_cancel(feedback)
            bar(1.0, self.tr("Writing the output"))
            acc.finish()

    def torch_device(self, parameters, context, feedback):
        """Import torch (or fail with install help), set the provider's CPU threads, pick DEVICE.

        Logs the device and thread count. Returns the torch.device.
        """
        require_torch()
        self._uses_torch = True
        from ..models.device import select_device, set_threads
        from ..provider.provider import cpu_threads
        try:
            device = select_device(self.device_value(parameters, context))
        except RuntimeError as exc:
            raise ValueError(str(exc)) from exc
        threads = set_threads(cpu_threads())
        if getattr(self, "_restore_blas", None) is None:
            # QGIS's own OpenBLAS serves PyTorch's BLAS calls; its thread pool competes with ours
            from .blas_threads import single_threaded_openblas
            self._restore_blas = single_threaded_openblas()
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
