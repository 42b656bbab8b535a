"""The Python API: ``fusediff.run("ksdiff", PAN=..., MS=..., OUTPUT=...)``.

Parameter names and values are exactly those of ``processing.run("fusediff:ksdiff", {...})`` and
``qgis_process run fusediff:ksdiff`` (rasters as file paths, enums as indices or their text);
the result is the same outputs dict. No QGIS is needed.
"""
from __future__ import annotations

import logging
from typing import Callable, Optional, Union

__all__ = ["run", "batch"]

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
        scheduler: Optional[str] = None, **parameters) -> dict:
    """Run FuseDiff algorithm ``algorithm`` ('ksdiff' or 'fusediff:ksdiff') with ``parameters``.

    ``progress``: None (quiet), True (a tqdm progress bar with ETA on stderr) or a callable
    ``progress(fraction in [0, 1], message)``. ``threads``: torch CPU threads (0: all cores).
    Log lines go to the 'fusediff' logger. Returns the outputs dict (e.g. {'OUTPUT': path}).
    Raises `fusediff.engine.errors.UserError` (one sentence; nothing written) for inputs a user
    can fix. ``scheduler``: the address of a Dask scheduler ('tcp://host:8786'): the scene learns
    once here and its rows of tiles are fused on the cluster's workers (docs/clusters.md).
    """
    from .engine.context import RunContext
    from .engine.run import run_algorithm
    bar = _Bar(algorithm) if progress is True else None
    callback = bar or (progress if callable(progress) else None)
    ctx = RunContext(info=log.info, warning=log.warning, threads=int(threads or 0))
    if callback is not None:
        ctx.progress = callback
    try:
        if scheduler:
            from .engine.distributed_scene import run_on_cluster
            return run_on_cluster(algorithm, parameters, ctx, scheduler=scheduler, echo=log.info)
        return run_algorithm(algorithm, parameters, ctx)
    finally:
        if bar is not None:
            bar.close()


def batch(algorithm: str, manifest: str, scheduler: Optional[str] = None, workers: Optional[int] = None,
          threads_per_worker: Optional[int] = None, report: Optional[str] = None, progress: bool = True,
          retries: int = 2, **common) -> dict:
    """Run ``algorithm`` on every scene of the CSV ``manifest`` on a Dask cluster; returns the report.

    The manifest's header names parameters of the algorithm (e.g. ``MS,PAN,OUTPUT``); ``common``
    parameters (``STEPS=4``, ...) apply to every row. ``scheduler``: a scheduler's address, or
    None for a local cluster of ``workers`` processes x ``threads_per_worker`` threads. Scenes
    whose outputs are complete are skipped; a bad row fails alone. ``report``: the JSON report's
    path (default MANIFEST.report.json). The returned report has 'counts' ({'done', 'skipped',
    'failed'}) and 'scenes' (status, seconds, worker, error each). See docs/clusters.md.
    """
    from .engine.batch import batch as run_batch
    return run_batch(algorithm, manifest, scheduler=scheduler, workers=workers,
                     threads_per_worker=threads_per_worker, common=common, progress=progress,
                     report_path=report, retries=retries, echo=log.warning if not progress else None)

