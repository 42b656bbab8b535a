"""``fusediff:install_dependencies``: install PyTorch (and what else is missing) for FuseDiff.

Thin QGIS adapter over `fusediff.engine.installer`: pins from `fusediff.engine.dependencies`,
``pip install --target`` with QGIS's own Python into ``<QGIS profile>/python/fusediff-deps-pyXY``
(no admin rights), which the plugin puts first on sys.path when it loads. The plugin menu runs
the same algorithm as a background task (Plugins > FuseDiff > Install dependencies).
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import (QgsApplication, QgsProcessingAlgorithm, QgsProcessingException,
                       QgsProcessingOutputString, QgsProcessingParameterBoolean,
                       QgsProcessingParameterEnum, QgsProcessingParameterString)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .compat import FLAG_ADVANCED

PLUGIN_DIR = Path(__file__).resolve().parents[1]
DEVICES = ("auto", "cpu", "cuda")


def deps_folder() -> Path:
    """The FuseDiff dependencies folder of this QGIS profile."""
    from ..engine.installer import deps_folder as folder_in
    return folder_in(QgsApplication.qgisSettingsDirPath())


class InstallDependenciesAlgorithm(QgsProcessingAlgorithm):
    """Install the pinned PyTorch (and rasterio/Dask when needed) into FuseDiff's own folder."""

    NAME = "install_dependencies"

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("FuseDiff", text)

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:  # noqa: N802
        return self.tr("Install dependencies (PyTorch)")

    def group(self) -> str:
        return self.tr("Setup")

    def groupId(self) -> str:  # noqa: N802
        return "setup"

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "icon.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(PLUGIN_DIR / "icon.svg")

    def createInstance(self):  # noqa: N802
        return type(self)()

    def shortHelpString(self) -> str:  # noqa: N802
        return self.tr(
            "<p>Installs what FuseDiff's diffusion methods need and this QGIS lacks: PyTorch "
            "2.13.0 (CPU or CUDA build, chosen from the NVIDIA driver it finds where the source "
            "offers both), with pip and QGIS's own Python, into a folder of your QGIS profile "
            "(python/fusediff-deps-pyXY; no administrator rights). NumPy and GDAL are never "
            "installed: QGIS's own are used. The classical, simulate and assess algorithms need "
            "nothing (they use QGIS's GDAL). Restart QGIS afterwards if a FuseDiff algorithm "
            "already failed in this session.</p>"
            "<p><b>Source</b>: empty = pip's configured package index (internet); a folder of "
            "wheel files (offline install, e.g. copied from another machine with "
            "'pip download'); or the URL of another package index.</p>"
            "<p><b>Also install Dask</b>: only needed to run FuseDiff on a Dask cluster from "
            "Python.</p>"
            "<p>To undo: Plugins > FuseDiff > Remove installed dependencies, or delete the "
            "folder named in the log.</p>")

    def initAlgorithm(self, config=None):  # noqa: N802
        self.addParameter(QgsProcessingParameterString(
            "SOURCE", self.tr("Source: a folder of wheels or a package index URL (empty: pip's "
                              "configured index)"), defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterBoolean(
            "DASK", self.tr("Also install Dask (dask, distributed)"), defaultValue=False))
        device = QgsProcessingParameterEnum(
            "DEVICE", self.tr("PyTorch build where the source offers several"),
            options=[self.tr("Detect (CUDA when an NVIDIA driver is found)"), self.tr("CPU"),
                     self.tr("CUDA")], defaultValue=0)
        reinstall = QgsProcessingParameterBoolean(
            "REINSTALL", self.tr("Reinstall even what already loads (repairs a broken install)"),
            defaultValue=False)
        for p in (device, reinstall):
            p.setFlags(p.flags() | FLAG_ADVANCED)
            self.addParameter(p)
        self.addOutput(QgsProcessingOutputString("FOLDER", self.tr("Dependencies folder")))
        self.addOutput(QgsProcessingOutputString("INSTALLED", self.tr("Installed packages")))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802
        from ..engine import installer
        from ..engine.errors import Cancelled, UserError
        source = self.parameterAsString(parameters, "SOURCE", context) or ""
        dask = self.parameterAsBool(parameters, "DASK", context)
        device = DEVICES[self.parameterAsEnum(parameters, "DEVICE", context)]
        reinstall = self.parameterAsBool(parameters, "REINSTALL", context)
        folder = deps_folder()
        feedback.pushInfo(self.tr("Dependencies folder: {0}").format(folder))

        def progress(fraction: float, message: str) -> None:
            feedback.setProgress(100.0 * fraction)
            if message:
                feedback.setProgressText(message)

        try:
            installer.activate(folder)
            modules = installer.plan(("torch", "rasterio"), dask=dask, reinstall=reinstall)
            if not modules:
                feedback.pushInfo(self.tr("Nothing to install: every dependency already loads."))
                return {"FOLDER": str(folder), "INSTALLED": ""}
            feedback.pushInfo(self.tr("To install: {0}").format(", ".join(modules)))
            result = installer.install(folder, modules, source=source, device=device,
                                       progress=progress, log=feedback.pushConsoleInfo,
                                       is_cancelled=feedback.isCanceled)
        except Cancelled as exc:
            raise QgsProcessingException(self.tr(
                "Cancelled by the user; the dependencies folder was left as it was.")) from exc
        except UserError as exc:
            raise QgsProcessingException(str(exc)) from exc
        for note in result["notes"]:
            feedback.pushInfo(note)
        feedback.pushInfo(self.tr("Installed into {0}: {1}").format(
            folder, ", ".join(result["installed"])))
        return {"FOLDER": str(folder), "INSTALLED": ", ".join(result["installed"])}
