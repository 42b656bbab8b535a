"""Helpers that tests/test_batch.py sends to Dask workers (tests/ is on their PYTHONPATH)."""
from __future__ import annotations

import time


def slow_run(name, values, ctx):
    """The engine's run_algorithm, waiting 0.3 s at each progress report between the start of the
    tiles and the end of writing (while the output's temporary file exists), so that a test can
    kill a worker while it writes."""
    from fusediff.engine.run import run_algorithm
    report = ctx.progress

    def slow(fraction, message=""):
        if 0.05 <= fraction < 0.99:
            time.sleep(0.3)
        return report(fraction, message)

    ctx.progress = slow
    return run_algorithm(name, values, ctx)
