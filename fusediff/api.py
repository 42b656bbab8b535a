"""The Python API: ``fusediff.run("ksdiff", PAN=..., MS=..., OUTPUT=...)``.

Parameter names and values are exactly those of ``processing.run("fusediff:ksdiff", {...})`` and
``qgis_process run fusediff:ksdiff`` (rasters as file paths, enums as indices or their text);
the result is the same outputs dict. No QGIS is needed.
"""
from __future__ import annotations

import logging
from typing import Callable, Union

__all__ = ["run"]

log = logging.getLogger("fusediff")


class _Bar:
    """A tqdm progress bar (percent, with elapsed time and ETA) driven by progress(fraction, message)."""

    def __init__(self, title: str):
        import shutil

        from tqdm import tqdm  # a core dependency; imported here so `import fusediff` stays light
        # a terminal that reports a size of 0 x 0 (some pseudo-terminals) makes tqdm hide the bar
        size = shutil.get_terminal_size((100, 24))
        self.bar = tqdm(total=100, desc=title, unit="%", ncols=size.columns, nrows=size.lines,
                        bar_format="{desc}: {percentage:3.0f}%|{bar}| [{elapsed}<{remaining}]{postfix}")
        self.message = None

    def __call__(self, fraction: float, message: str = "") -> None:
        n = round(100.0 * fraction, 1)
        if n > self.bar.n:
            self.bar.update(n - self.bar.n)
        if message and message != self.message:
            self.message = message
            self.bar.set_postfix_str(message[:60], refresh=False)
        self.bar.refresh()

    def close(self) -> None:
        self.bar.close()


def run(algorithm: str, progress: Union[None, bool, Callable[[float, str], None]] = None, threads: int = 0,
        **parameters) -> dict:
    """Run FuseDiff algorithm ``algorithm`` ('ksdiff' or 'fusediff:ksdiff') with ``parameters``.

    ``progress``: None (quiet), True (a tqdm progress bar with ETA on stderr) or a callable
    ``progress(fraction in [0, 1], message)``. ``threads``: torch CPU threads (0: all cores).
    Log lines go to the 'fusediff' logger. Returns the outputs dict (e.g. {'OUTPUT': path}).
    Raises `fusediff.engine.errors.UserError` (one sentence; nothing written) for inputs a user
    can fix.
    """
    from .engine.context import RunContext
    from .engine.run import run_algorithm
    bar = _Bar(algorithm) if progress is True else None
    callback = bar or (progress if callable(progress) else None)
    ctx = RunContext(info=log.info, warning=log.warning, threads=int(threads or 0))
    if callback is not None:
        ctx.progress = callback
    try:
        return run_algorithm(algorithm, parameters, ctx)
    finally:
        if bar is not None:
            bar.close()

