"""FuseDiff Processing algorithms (thin: parameters -> rasters -> models -> rasters).

`algorithm_classes()` lists what the provider registers. The classical,
simulate and assess algorithms import no torch at import time and are always
listed; the diffusion algorithms are imported defensively, so a missing or
broken PyTorch (or a module not written yet) never stops the provider from
loading.
"""
from __future__ import annotations

import importlib

from .assess import AssessAlgorithm
from .classical import ClassicalFusion
from .simulate import SimulateAlgorithm

#: (module, class) of the algorithms that need PyTorch, in toolbox order.
OPTIONAL_ALGORITHMS = (
    ("respandiff", "ResPanDiffAlgorithm"),
    ("ksdiff", "KSDiffAlgorithm"),
    ("dmzs", "DMZSAlgorithm"),
    ("sdp", "SDPAlgorithm"),
    ("argsdiff", "ARGSDiffAlgorithm"),
    ("train", "TrainAlgorithm"),
)

#: Why an optional algorithm could not be loaded: {module: message}.
LOAD_ERRORS: dict = {}


def _log(message: str) -> None:
    try:
        from qgis.core import QgsMessageLog

        from .compat import MSG_WARNING
        QgsMessageLog.logMessage(message, "FuseDiff", MSG_WARNING)
    except Exception:
        pass


def algorithm_classes() -> list:
    """Algorithm classes to register: the torch-free ones, then every importable optional one."""
    classes = [ClassicalFusion, SimulateAlgorithm, AssessAlgorithm]
    LOAD_ERRORS.clear()
    for module_name, class_name in OPTIONAL_ALGORITHMS:
        try:
            module = importlib.import_module(f".{module_name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__name__}.{module_name}":
                continue  # not written yet / not shipped
            LOAD_ERRORS[module_name] = str(exc)
            _log(f"FuseDiff: algorithm '{module_name}' not loaded: {exc}")
            continue
        except Exception as exc:  # e.g. a broken torch install raising OSError
            LOAD_ERRORS[module_name] = str(exc)
            _log(f"FuseDiff: algorithm '{module_name}' not loaded: {exc}")
            continue
        cls = getattr(module, class_name, None)
        if cls is not None:
            classes.append(cls)
    return classes
