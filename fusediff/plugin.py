"""The QGIS plugin object: registers the FuseDiff Processing provider.

QGIS calls `initProcessing()` (also under qgis_process, where there is no
GUI and ``iface`` is None) and `initGui()` in the desktop application.
"""
from __future__ import annotations

from pathlib import Path

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QSettings, QTranslator

PLUGIN_DIR = Path(__file__).resolve().parent


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

    def unload(self):
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None
