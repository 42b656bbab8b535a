"""The QGIS plugin object: registers the FuseDiff Processing provider.

QGIS calls `initProcessing()` (also under qgis_process, where there is no
GUI and ``iface`` is None) and `initGui()` in the desktop application, which
also adds the menu Plugins > FuseDiff > Install dependencies (runs
``fusediff:install_dependencies`` as a background task with progress and
cancel) and > Remove installed dependencies. `activate_dependencies` (called by
classFactory) puts the profile's dependencies folder first on sys.path.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

PLUGIN_DIR = Path(__file__).resolve().parent
MENU = "&FuseDiff"


def activate_dependencies():
    """Put ``<profile>/python/fusediff-deps-pyXY`` first on sys.path (never fails)."""
    try:
        from .algorithms.install_dependencies import deps_folder
        from .engine.installer import activate
        folder = deps_folder()
        activate(folder)
        return folder
    except Exception as exc:  # noqa: BLE001 (the plugin must load whatever happens here)
        from .algorithms import _log
        _log(f"FuseDiff: the dependencies folder could not be activated: {exc}")
        return None


def _user_locale() -> str:
    """The QGIS user locale ('de', 'zh_CN', ...), falling back to the system's."""
    value = QSettings().value("locale/userLocale", "") or QLocale.system().name()
    return str(value)


class FuseDiffPlugin:
    """Plugin wrapper; holds the provider between initProcessing() and unload()."""

    def __init__(self, iface=None):
        self.iface = iface
        self.provider = None
        self.translator = None
        self.actions = []
        self._task = None

    def _load_translation(self) -> None:
        """Install i18n/fusediff_<locale>.qm (full locale, then language) if shipped."""
        if self.translator is not None:
            return
        locale = _user_locale()
        for name in (locale, locale.split("_")[0]):
            qm = PLUGIN_DIR / "i18n" / f"fusediff_{name}.qm"
            if qm.is_file():
                translator = QTranslator()
                if translator.load(str(qm)):
                    QCoreApplication.installTranslator(translator)
                    self.translator = translator
                    return

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        """Create and register the provider (idempotent)."""
        if self.provider is not None:
            return
        self._load_translation()
        from .provider.provider import FuseDiffProvider
        self.provider = FuseDiffProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)

    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        if self.iface is None:
            return
        from qgis.PyQt.QtWidgets import QAction
        tr = self._tr
        for text, slot in ((tr("Install dependencies (PyTorch)…"), self.install_dependencies),
                           (tr("Remove installed dependencies…"), self.remove_dependencies)):
            action = QAction(text, self.iface.mainWindow())
            action.triggered.connect(slot)
            self.iface.addPluginToMenu(MENU, action)
            self.actions.append(action)

    @staticmethod
    def _tr(text: str) -> str:
        return QCoreApplication.translate("FuseDiff", text)

    def _message(self, text: str, level) -> None:
        if self.iface is not None:
            self.iface.messageBar().pushMessage("FuseDiff", text, level=level, duration=0)

    def install_dependencies(self):
        """Menu action: run fusediff:install_dependencies as a QgsTask (progress and cancel in
        the task manager), after a confirmation saying what will be installed where."""
        from qgis.core import (QgsProcessingAlgRunnerTask, QgsProcessingContext,
                               QgsProcessingFeedback)
        from qgis.PyQt.QtWidgets import QMessageBox

        from .algorithms.compat import MSG_CRITICAL, MSG_SUCCESS, qt_enum
        from .algorithms.install_dependencies import deps_folder
        from .engine import installer
        if self._task is not None:
            return
        tr = self._tr
        modules = installer.plan(("torch", "rasterio"))
        if not modules:
            QMessageBox.information(self.iface.mainWindow(), "FuseDiff", tr(
                "Every dependency already loads; nothing to install."))
            return
        device, why = installer.detect_device()
        yes = qt_enum(QMessageBox, "StandardButton", "Yes")
        no = qt_enum(QMessageBox, "StandardButton", "No")
        answer = QMessageBox.question(self.iface.mainWindow(), "FuseDiff", tr(
            "Install {0} for FuseDiff into {1} with pip (from pip's configured package index; "
            "PyTorch is a download of several hundred MB, {2} build: {3})? NumPy and GDAL are "
            "not touched. It runs in the background; follow or cancel it in the task manager."
        ).format(", ".join(modules), deps_folder(), device.upper(), why), yes | no, no)
        if answer != yes:
            return
        alg = QgsApplication.processingRegistry().createAlgorithmById("fusediff:install_dependencies")
        context = QgsProcessingContext()
        feedback = QgsProcessingFeedback()
        task = QgsProcessingAlgRunnerTask(alg, {}, context, feedback)
        self._task = (task, context, feedback, alg)  # kept alive while the task runs

        def finished(ok, results):
            self._task = None
            if ok:
                self._message(tr("Dependencies installed into {0}. Restart QGIS if a FuseDiff "
                                 "algorithm failed before in this session.").format(
                    results.get("FOLDER", "")), MSG_SUCCESS)
            else:
                self._message(tr("Installing the dependencies failed or was cancelled; see the "
                                 "Processing log (View > Panels > Log Messages)."), MSG_CRITICAL)

        task.executed.connect(finished)
        QgsApplication.taskManager().addTask(task)

    def remove_dependencies(self):
        """Menu action: delete the dependencies folder (after a confirmation)."""
        from qgis.PyQt.QtWidgets import QMessageBox

        from .algorithms.compat import MSG_INFO, MSG_SUCCESS, qt_enum
        from .algorithms.install_dependencies import deps_folder
        from .engine import installer
        tr = self._tr
        folder = deps_folder()
        if not folder.exists():
            QMessageBox.information(self.iface.mainWindow(), "FuseDiff", tr(
                "No dependencies are installed in {0}.").format(folder))
            return
        yes = qt_enum(QMessageBox, "StandardButton", "Yes")
        no = qt_enum(QMessageBox, "StandardButton", "No")
        if QMessageBox.question(self.iface.mainWindow(), "FuseDiff", tr(
                "Delete {0} (PyTorch and what FuseDiff installed with it)? The diffusion "
                "algorithms then ask for the install again; the classical ones keep working."
                ).format(folder), yes | no, no) != yes:
            return
        pending = installer.remove(folder)
        self._message(pending or tr("Removed {0}. Restart QGIS to unload PyTorch if it was "
                                    "loaded.").format(folder), MSG_INFO if pending else MSG_SUCCESS)

    def unload(self):
        for action in self.actions:
            if self.iface is not None:
                self.iface.removePluginMenu(MENU, action)
        self.actions = []
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
