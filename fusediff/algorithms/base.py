"""The QGIS adapter: one `QgsProcessingAlgorithm` per engine `AlgorithmSpec`.

Every FuseDiff algorithm is written once, QGIS-free, in ``fusediff.engine.algorithms``. This
module turns a spec into a Processing algorithm: each `Param` kind becomes a
QgsProcessingParameter (labels, help and choices through tr()), the parameters QGIS gives are
turned into plain values (layers into file paths), the feedback drives a `RunContext`
(progress, cancel, log lines; threads from the provider's setting), and `engine.run_algorithm`
runs it. A `UserError` or a cancel becomes a QgsProcessingException with the user's sentence, so
no traceback reaches the user and, because outputs are written atomically, no file is left.

Nothing here imports torch: the provider lists every algorithm without it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from qgis.core import (QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingOutputNumber, QgsProcessingParameterBand,
                       QgsProcessingParameterBoolean, QgsProcessingParameterEnum, QgsProcessingParameterFile,
                       QgsProcessingParameterFileDestination,
                       QgsProcessingParameterFolderDestination,
                       QgsProcessingParameterMultipleLayers, QgsProcessingParameterNumber,
                       QgsProcessingParameterRasterDestination,
                       QgsProcessingParameterRasterLayer, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..engine import i18n
from .compat import FILE_FILE, FILE_FOLDER, FLAG_ADVANCED, NUMBER_DOUBLE, NUMBER_INTEGER, TYPE_RASTER
from ..engine.context import RunContext
from ..engine.errors import CANCELLED_MESSAGE, Cancelled, UserError

PLUGIN_DIR = Path(__file__).resolve().parents[1]
#: Translation context of every FuseDiff string (one context keeps i18n simple).
TR_CONTEXT = "FuseDiff"


def tr(text: str) -> str:
    """Translate ``text`` in FuseDiff's translation context."""
    return QCoreApplication.translate(TR_CONTEXT, text)


# the engine's log lines and error sentences in the QGIS user's language
i18n.set_translator(tr)

#: Where the CPU-threads setting comes from (the provider installs its own reader; 0: all cores).
threads_setting: Callable[[], int] = lambda: 0


def feedback_context(feedback, threads: int = 0) -> RunContext:
    """A RunContext driving ``feedback`` (None: a silent one): the bar (0-100 %), its text (when
    the message changes), the log, and cancel."""
    if feedback is None:
        return RunContext(threads=threads)
    last = {"message": None}

    def progress(fraction: float, message: str = "") -> None:
        feedback.setProgress(100.0 * fraction)
        if message and message != last["message"]:
            last["message"] = message
            feedback.setProgressText(message)

    return RunContext(progress=progress, is_cancelled=feedback.isCanceled, info=feedback.pushInfo,
                      warning=feedback.pushWarning, threads=threads)


def qgis_parameter(p):
    """The QgsProcessingParameterDefinition of an engine `Param`."""
    label = tr(p.label)
    k = p.kind
    if k == "raster":
        q = QgsProcessingParameterRasterLayer(p.name, label, optional=p.optional)
    elif k == "rasters":
        q = QgsProcessingParameterMultipleLayers(p.name, label, TYPE_RASTER, optional=p.optional)
    elif k in ("file", "folder"):
        behavior = FILE_FOLDER if k == "folder" else FILE_FILE
        q = QgsProcessingParameterFile(p.name, label, behavior, extension=p.extension or "", optional=p.optional)
    elif k == "raster_out":
        # an optional destination (UNCERTAINTY) is written only when the user asks for it
        q = QgsProcessingParameterRasterDestination(p.name, label, optional=p.optional,
                                                    createByDefault=not p.optional)
    elif k == "file_out":
        q = QgsProcessingParameterFileDestination(p.name, label, tr(p.file_filter) if p.file_filter else "",
                                                  optional=p.optional)
    elif k == "folder_out":
        q = QgsProcessingParameterFolderDestination(p.name, label, optional=p.optional)
    elif k == "enum":
        q = QgsProcessingParameterEnum(p.name, label, options=[tr(c) for c in p.choices], defaultValue=p.default,
                                       optional=p.optional)
    elif k == "bool":
        q = QgsProcessingParameterBoolean(p.name, label, defaultValue=p.default, optional=p.optional)
    elif k in ("int", "float"):
        kind = NUMBER_INTEGER if k == "int" else NUMBER_DOUBLE
        q = QgsProcessingParameterNumber(p.name, label, kind, defaultValue=p.default, optional=p.optional)
        if p.minimum is not None:
            q.setMinimum(p.minimum)
        if p.maximum is not None:
            q.setMaximum(p.maximum)
    elif k == "bands":
        q = QgsProcessingParameterBand(p.name, label, parentLayerParameterName=p.parent, optional=p.optional,
                                       allowMultiple=p.multiple)
    else:  # string
        q = QgsProcessingParameterString(p.name, label, defaultValue=p.default, optional=p.optional)
    if p.help:
        q.setHelp(tr(p.help))
    if p.advanced:
        q.setFlags(q.flags() | FLAG_ADVANCED)
    return q


def _empty(raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


class SpecAlgorithm(QgsProcessingAlgorithm):
    """A Processing algorithm made from ``SPEC`` (see `algorithm_class`)."""

    SPEC = None
    NAME = ""

    # --- identity -----------------------------------------------------------
    def tr(self, text: str) -> str:
        return tr(text)

    def name(self) -> str:
        return self.SPEC.name

    def displayName(self) -> str:  # noqa: N802
        return tr(self.SPEC.display_name)

    def group(self) -> str:
        return tr(self.SPEC.group)

    def groupId(self) -> str:  # noqa: N802
        return self.SPEC.group_id

    def shortHelpString(self) -> str:  # noqa: N802
        return tr(self.SPEC.help)

    def helpUrl(self) -> str:  # noqa: N802
        """No web page: the dialog's help (shortHelpString) is the whole documentation of the
        algorithm, and docs/algorithms/ in the repository is generated from the same text."""
        return ""

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "icon.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(PLUGIN_DIR / "icon.svg")

    def createInstance(self):  # noqa: N802
        return type(self)()

    # --- parameters -----------------------------------------------------------
    def initAlgorithm(self, config=None):  # noqa: N802
        for p in self.SPEC.params:
            self.addParameter(qgis_parameter(p))
        for name, label in self.SPEC.number_outputs:
            self.addOutput(QgsProcessingOutputNumber(name, tr(label)))

    def checkParameterValues(self, parameters, context):  # noqa: N802
        """Processing's checks, except that a raster given as a file path QGIS cannot load passes.

        Such a file is then read by `rasters`, whose error says what is wrong with it (missing,
        truncated, not a raster...) instead of QGIS's bare "Incorrect parameter value".
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
                return False, tr("Incorrect parameter value for {0}").format(definition.description())
        return True, ""

    def plain_values(self, parameters, context) -> dict:
        """The parameters as the engine's plain values (layers -> file paths; empty -> absent)."""
        values = {}
        for p in self.SPEC.params:
            raw = parameters.get(p.name)
            k = p.kind
            if k in ("raster_out", "file_out", "folder_out"):
                path = (self.parameterAsOutputLayer(parameters, p.name, context) if k == "raster_out"
                        else self.parameterAsFileOutput(parameters, p.name, context))
                if k == "raster_out" and p.extension and path:
                    path = self._temporary_extension(path, p.extension)
                value = path or None
            elif _empty(raw) and k not in ("enum", "bool"):
                continue  # the engine's default
            elif k == "raster":
                value = self._raster_path(parameters, p.name, context)
            elif k == "rasters":
                value = [layer.source() for layer in self.parameterAsLayerList(parameters, p.name, context)]
            elif k in ("file", "folder"):
                value = self.parameterAsFile(parameters, p.name, context) or None
            elif k == "enum":
                value = self.parameterAsEnum(parameters, p.name, context)
            elif k == "bool":
                value = self.parameterAsBoolean(parameters, p.name, context)
            elif k == "int":
                value = self.parameterAsInt(parameters, p.name, context)
            elif k == "float":
                value = self.parameterAsDouble(parameters, p.name, context)
            elif k == "bands":
                value = (self.parameterAsInts(parameters, p.name, context) if p.multiple
                         else self.parameterAsInt(parameters, p.name, context)) or None
            else:
                value = self.parameterAsString(parameters, p.name, context)
            if value is not None:
                values[p.name] = value
        return values

    def _temporary_extension(self, path: str, extension: str) -> str:
        """A temporary output (QGIS's processing folder) gets the spec's extension (prepare_product:
        .vrt, so no pixels are copied); the layer QGIS loads is moved to it after the run."""
        import os

        from qgis.core import QgsProcessingUtils
        folder = os.path.normcase(os.path.abspath(QgsProcessingUtils.tempFolder()))
        if not os.path.normcase(os.path.abspath(path)).startswith(folder + os.sep):
            return path
        new = os.path.splitext(path)[0] + "." + extension
        if new != path:
            self.__dict__.setdefault("_renamed", {})[path] = new
        return new

    def _move_layers_to_load(self, context) -> None:
        layers = context.layersToLoadOnCompletion()
        moved = False
        for old, new in self.__dict__.get("_renamed", {}).items():
            if old in layers:
                layers[new] = layers.pop(old)
                moved = True
        if moved:
            context.setLayersToLoadOnCompletion(layers)

    def _raster_path(self, parameters, name: str, context) -> str:
        """File path of a raster parameter (a layer, a layer id or a path). Unloadable paths are
        returned as given, so that `rasters` says what is wrong with the file."""
        layer = self.parameterAsRasterLayer(parameters, name, context)
        if layer is not None:
            if layer.providerType() != "gdal":
                raise QgsProcessingException(tr(
                    "The input {0} is not a file-based raster ({1}); export it to GeoTIFF first.")
                    .format(name, layer.providerType()))
            return layer.source()
        return self.parameterAsString(parameters, name, context)

    # --- running -------------------------------------------------------------
    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        """Run the engine; user errors and cancels become QgsProcessingException (nothing written)."""
        from ..engine.run import run_algorithm
        values = self.plain_values(parameters, context)
        restore = None
        if "torch" in self.SPEC.needs:
            # QGIS's own OpenBLAS serves PyTorch's BLAS calls; its thread pool competes with ours
            from .blas_threads import single_threaded_openblas
            restore = single_threaded_openblas()
        try:
            results = run_algorithm(self.SPEC.name, values, feedback_context(feedback, threads_setting()))
            try:  # true-colour rendering and a telling name for the layers QGIS loads
                self._move_layers_to_load(context)
                from .rendering import style_outputs
                style_outputs(self.SPEC, values, results, context)
            except Exception:  # styling never fails a finished run
                pass
            return results
        except Cancelled as exc:
            raise QgsProcessingException(tr(CANCELLED_MESSAGE)) from exc
        except UserError as exc:
            raise QgsProcessingException(str(exc)) from exc
        finally:
            if restore is not None:
                restore()


def algorithm_class(spec) -> type:
    """A SpecAlgorithm subclass for ``spec`` (its class name from the algorithm id)."""
    return type(f"{spec.name.capitalize()}Algorithm", (SpecAlgorithm,), {"SPEC": spec, "NAME": spec.name})
