"""One OpenBLAS thread while a PyTorch algorithm runs inside QGIS.

QGIS on Debian/Ubuntu links GDAL against OpenBLAS (through armadillo), so OpenBLAS's BLAS
symbols are in the process's global scope before PyTorch is imported, and PyTorch's own BLAS
calls (the networks' pointwise convolutions and linear layers) end up in OpenBLAS. OpenBLAS then
runs each call on its own pool of one thread per core, on top of PyTorch's threads and FuseDiff's
parallel network windows; the pool's spinning threads took a 4000 x 4000 KSDiff run from 14.1 s
to 16.7 s of wall time (24 -> 30 CPU-s, 2 cores, with OpenBLAS preloaded into a plain Python the
way QGIS loads it); with one OpenBLAS thread it ran in 13.4 s. Outside QGIS (plain Python) the
libraries are loaded privately and nothing changes.

Linux only (loaded libraries are found in /proc/self/maps); elsewhere a no-op.
"""
from __future__ import annotations

import ctypes
from typing import Callable


def _loaded_openblas() -> list:
    """ctypes handles of the OpenBLAS libraries mapped into this process (Linux; else [])."""
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as f:
            paths = {line.split()[-1] for line in f if "openblas" in line.rsplit("/", 1)[-1].lower()}
    except OSError:
        return []
    libs = []
    for path in sorted(paths):
        try:
            lib = ctypes.CDLL(path)
            lib.openblas_get_num_threads.restype = ctypes.c_int
            lib.openblas_set_num_threads.argtypes = [ctypes.c_int]
        except (OSError, AttributeError):
            continue
        libs.append(lib)
    return libs


def single_threaded_openblas() -> Callable[[], None]:
    """Set every loaded OpenBLAS to one thread; returns a function that restores the previous
    thread counts (call it when the algorithm ends)."""
    saved = []
    for lib in _loaded_openblas():
        try:
            n = int(lib.openblas_get_num_threads())
            lib.openblas_set_num_threads(1)
        except Exception:  # an OpenBLAS without these entry points: leave it
            continue
        saved.append((lib, n))

    def restore() -> None:
        for lib, n in saved:
            lib.openblas_set_num_threads(max(1, n))
    return restore
