"""`RunContext`: how a front end talks to a running algorithm (progress, cancel, log, threads)."""
from __future__ import annotations

import dataclasses
from typing import Callable

from ..models.progress import Cancelled, ProgressFn, scoped


def _nothing(*_args) -> None:
    return None


@dataclasses.dataclass
class RunContext:
    """Callbacks and settings of one run.

    ``progress(fraction in [0, 1], message)`` drives the front end's bar; ``is_cancelled()`` is
    polled at every report; ``info``/``warning`` log one line each; ``threads``: torch CPU
    threads (0: all cores).
    """

    progress: ProgressFn = _nothing
    is_cancelled: Callable[[], bool] = lambda: False
    info: Callable[[str], None] = _nothing
    warning: Callable[[str], None] = _nothing
    threads: int = 0

    def check_cancel(self) -> None:
        """Raise `Cancelled` when the user has cancelled."""
        if self.is_cancelled():
            raise Cancelled("cancelled by the user")

    def report(self, fraction: float, message: str = "") -> None:
        """Report progress (fraction clipped to [0, 1]); raises `Cancelled` when cancelled."""
        self.check_cancel()
        self.progress(min(max(float(fraction), 0.0), 1.0), message)

    def scoped(self, start: float, end: float, prefix: str = "") -> ProgressFn:
        """A models-style ``progress(fraction, message)`` mapped onto [start, end] of the bar that
        raises `Cancelled` when the user cancels (so long work stops at its next report)."""
        return scoped(self.report, start, end, prefix)
