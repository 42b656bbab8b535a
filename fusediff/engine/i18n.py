"""Translation hook of the engine: `tr(text)` is the identity until a front end installs a
translator (the QGIS plugin installs Qt's, so its users keep their language in log lines and
error sentences). scripts/i18n.py extracts the literal first argument of every ``tr(...)`` call."""
from __future__ import annotations

from typing import Callable

_translator: Callable[[str], str] = lambda text: text


def tr(text: str) -> str:
    """``text`` in the user's language when a translator is installed, else unchanged."""
    return _translator(text)


def set_translator(function: Callable[[str], str] | None) -> None:
    """Install ``function(text) -> translated text`` (None: no translation)."""
    global _translator
    _translator = function or (lambda text: text)
