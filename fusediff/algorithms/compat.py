"""QGIS 3.22 ... 3.40 and Qt6 / QGIS 4: the enum values FuseDiff uses, in one place.

QGIS 3.36 moved Processing's enums into scoped enums of ``Qgis`` (``Qgis.ProcessingNumberParameterType
.Integer`` for ``QgsProcessingParameterNumber.Integer``...), and PyQt6 (QGIS 4) only knows scoped
names (``QgsTask.Flag.CanCancel``, ``QMessageBox.StandardButton.Yes``). Each value here is the
scoped one where this QGIS has it and the old one otherwise, so the same code runs on 3.22 (tested
here), 3.28-3.40 LTR and QGIS 4 (names checked against the 3.40 and 4.0 API docs, not run).
Use these constants instead of spelling enum values in algorithm code.
"""
from __future__ import annotations

from qgis.core import (Qgis, QgsProcessing, QgsProcessingParameterDefinition,
                       QgsProcessingParameterFile, QgsProcessingParameterNumber, QgsTask)


def scoped(owner, scope: str, name: str, legacy_owner=None, legacy_name: str = ""):
    """``owner.scope.name`` when it exists (QGIS >= 3.36 / Qt6), else
    ``legacy_owner.legacy_name`` (defaults: ``owner`` and ``name``)."""
    enum = getattr(owner, scope, None)
    value = getattr(enum, name, None) if enum is not None else None
    if value is not None:
        return value
    return getattr(legacy_owner if legacy_owner is not None else owner, legacy_name or name)


#: QgsProcessingParameterNumber types
NUMBER_INTEGER = scoped(Qgis, "ProcessingNumberParameterType", "Integer", QgsProcessingParameterNumber)
NUMBER_DOUBLE = scoped(Qgis, "ProcessingNumberParameterType", "Double", QgsProcessingParameterNumber)
#: QgsProcessingParameterDefinition flags
FLAG_ADVANCED = scoped(Qgis, "ProcessingParameterFlag", "Advanced", QgsProcessingParameterDefinition,
                       "FlagAdvanced")
#: QgsProcessingParameterFile behaviours
FILE_FILE = scoped(Qgis, "ProcessingFileParameterBehavior", "File", QgsProcessingParameterFile)
FILE_FOLDER = scoped(Qgis, "ProcessingFileParameterBehavior", "Folder", QgsProcessingParameterFile)
#: layer types of multiple-layer parameters
TYPE_RASTER = scoped(Qgis, "ProcessingSourceType", "Raster", QgsProcessing, "TypeRaster")
#: message levels (QgsMessageLog, message bar)
MSG_INFO = scoped(Qgis, "MessageLevel", "Info")
MSG_WARNING = scoped(Qgis, "MessageLevel", "Warning")
MSG_CRITICAL = scoped(Qgis, "MessageLevel", "Critical")
MSG_SUCCESS = scoped(Qgis, "MessageLevel", "Success")
#: QgsTask flags
TASK_CAN_CANCEL = scoped(QgsTask, "Flag", "CanCancel")


def qt_enum(owner, scope: str, name: str):
    """A Qt enum value by its scoped name (PyQt6) or its unscoped one (PyQt5), e.g.
    ``qt_enum(QMessageBox, "StandardButton", "Yes")``."""
    return scoped(owner, scope, name)
