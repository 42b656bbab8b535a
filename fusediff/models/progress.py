"""Progress reporting and cancellation for long work inside models/.

A method receives ``progress(fraction, message)``; the algorithm layer's
adapter raises `Cancelled` from it when the user cancels, so a method stops
at its next report. Methods report often (at least every second or two).
"""
from __future__ import annotations

from typing import Callable, Optional

ProgressFn = Callable[[float, str], None]


class Cancelled(Exception):
    """Raised through a progress callback when the user cancels."""


def null_progress(fraction: float, message: str = "") -> None:
    """A progress callback that does nothing."""


def scoped(progress: Optional[ProgressFn], start: float, end: float, prefix: str = "") -> ProgressFn:
    """A callback mapping [0, 1] onto [start, end] of ``progress``.

    Lets a phase (training, sampling, one tile) report its own fraction while
    the user sees one bar for the whole run. ``prefix`` is put before messages.
    """
    base = progress or null_progress

    def report(fraction: float, message: str = "") -> None:
        f = min(max(float(fraction), 0.0), 1.0)
        base(start + (end - start) * f, f"{prefix}{message}" if prefix else message)

    return report
