"""FuseDiff Processing algorithms: QGIS adapters generated from the engine's algorithm specs.

`algorithm_classes()` lists what the provider registers: one `base.SpecAlgorithm` subclass per
`fusediff.engine.registry` spec. Specs import no torch, so every algorithm is listed even where
PyTorch is missing or broken (a torch algorithm then says how to install it when it runs).
"""
from __future__ import annotations

#: Why an algorithm could not be loaded: {name: message}.
LOAD_ERRORS: dict = {}


def _log(message: str) -> None:
    try:
        from qgis.core import QgsMessageLog

        from .compat import MSG_WARNING
        QgsMessageLog.logMessage(message, "FuseDiff", MSG_WARNING)
    except Exception:
        pass


def algorithm_classes() -> list:
    """Algorithm classes to register, in toolbox order (one per importable spec)."""
    import importlib

    from ..engine.registry import ALGORITHM_NAMES
    from .base import algorithm_class
    LOAD_ERRORS.clear()
    classes = []
    for name in ALGORITHM_NAMES:
        try:
            module = importlib.import_module(f"..engine.algorithms.{name}", __name__)
        except ModuleNotFoundError as exc:
            if exc.name == f"fusediff.engine.algorithms.{name}":
                continue  # not shipped
            LOAD_ERRORS[name] = str(exc)
            _log(f"FuseDiff: algorithm '{name}' not loaded: {exc}")
            continue
        except Exception as exc:  # noqa: BLE001 (a spec that fails to build must not stop the others)
            LOAD_ERRORS[name] = str(exc)
            _log(f"FuseDiff: algorithm '{name}' not loaded: {exc}")
            continue
        classes.append(algorithm_class(module.SPEC))
    return classes
