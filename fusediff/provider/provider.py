"""FuseDiffProvider: the Processing provider (id ``fusediff``).

Loads every algorithm of the engine's registry (`algorithms.algorithm_classes`); none imports
torch at registration, so all are listed even where PyTorch is missing. The CPU-threads setting
reaches the engine as `RunContext.threads`.
"""
from __future__ import annotations

import configparser
from pathlib import Path

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

PLUGIN_DIR = Path(__file__).resolve().parents[1]

#: Name of the provider setting holding the number of CPU threads (0 = all cores).
THREADS_SETTING = "FUSEDIFF_CPU_THREADS"


def plugin_version() -> str:
    """The ``version`` field of metadata.txt ('' if unreadable)."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
        return parser.get("general", "version")
    except (configparser.Error, OSError):
        return ""


def cpu_threads() -> int:
    """CPU threads chosen in the provider settings (0 = all cores).

    Read through Processing's settings when available (desktop and
    qgis_process); falls back to 0 elsewhere.
    """
    try:
        from processing.core.ProcessingConfig import ProcessingConfig
        value = ProcessingConfig.getSetting(THREADS_SETTING)
        return max(int(value or 0), 0)
    except Exception:  # Processing not initialised (plain scripts)
        return 0


class FuseDiffProvider(QgsProcessingProvider):
    """Registers FuseDiff's algorithms and its CPU-threads setting."""

    def id(self) -> str:  # noqa: A003 (QGIS API name)
        return "fusediff"

    def name(self) -> str:
        return "FuseDiff"

    def longName(self) -> str:  # noqa: N802
        version = plugin_version()
        return f"FuseDiff {version}" if version else "FuseDiff"

    def icon(self) -> QIcon:
        return QIcon(str(PLUGIN_DIR / "icon.svg"))

    def svgIconPath(self) -> str:  # noqa: N802
        return str(PLUGIN_DIR / "icon.svg")

    def tr(self, text: str) -> str:
        return QCoreApplication.translate("FuseDiff", text)

    def supportedOutputRasterLayerExtensions(self):  # noqa: N802 (QGIS API)
        """GeoTIFF for every output (the fusion writers refuse other names with a sentence), and
        VRT for prepare_product's pixel-free outputs."""
        return ["tif", "tiff", "vrt"]

    def defaultRasterFileExtension(self):  # noqa: N802 (QGIS API)
        return "tif"

    def load(self) -> bool:
        """Register the threads setting, then the algorithms."""
        try:
            from processing.core.ProcessingConfig import ProcessingConfig, Setting
            ProcessingConfig.settingIcons[self.name()] = self.icon()
            ProcessingConfig.addSetting(Setting(
                self.name(), THREADS_SETTING,
                self.tr("CPU threads for FuseDiff (0 = all cores)"), 0,
                valuetype=Setting.INT))
            ProcessingConfig.readSettings()
            self._setting_added = True
        except Exception:  # Processing plugin absent: run without the setting
            self._setting_added = False
        self.refreshAlgorithms()
        return True

    def unload(self) -> None:
        if getattr(self, "_setting_added", False):
            try:
                from processing.core.ProcessingConfig import ProcessingConfig
                ProcessingConfig.removeSetting(THREADS_SETTING)
            except Exception:
                pass

    def loadAlgorithms(self) -> None:  # noqa: N802
        """Register every algorithm whose parameters can be declared.

        An algorithm whose initAlgorithm fails (e.g. it imports a torch-only
        config class while PyTorch is missing or broken) is left out and
        logged, so the provider and the other algorithms still load.
        """
        from ..algorithms import LOAD_ERRORS, _log, algorithm_classes, base
        base.threads_setting = cpu_threads  # the engine gets the setting as RunContext.threads
        for cls in algorithm_classes():
            try:
                cls().initAlgorithm({})  # a throwaway instance: addAlgorithm does it again
            except Exception as exc:  # noqa: BLE001 (ImportError, OSError from a broken torch...)
                LOAD_ERRORS[cls.NAME] = str(exc)
                _log(f"FuseDiff: algorithm '{cls.NAME}' not loaded: {exc}")
                continue
            self.addAlgorithm(cls())
        # always listed: it installs what the others need (imports only QGIS and the stdlib)
        from ..algorithms.install_dependencies import InstallDependenciesAlgorithm
        self.addAlgorithm(InstallDependenciesAlgorithm())
