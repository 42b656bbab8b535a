"""algorithms/blas_threads.py: OpenBLAS's pool is set to one thread and restored."""
import numpy as np
import pytest

from fusediff.algorithms import blas_threads


def test_single_threaded_openblas_sets_and_restores():
    np.dot(np.ones((64, 64)), np.ones((64, 64)))  # numpy's BLAS is loaded
    libs = blas_threads._loaded_openblas()
    if not libs:
        pytest.skip("no OpenBLAS in this process (not Linux, or numpy built on another BLAS)")
    original = [lib.openblas_get_num_threads() for lib in libs]
    for lib in libs:
        lib.openblas_set_num_threads(2)  # as QGIS has it on a 2-core machine
    before = [lib.openblas_get_num_threads() for lib in libs]
    restore = blas_threads.single_threaded_openblas()
    try:
        assert all(lib.openblas_get_num_threads() == 1 for lib in libs)
        a = np.random.default_rng(0).random((200, 200))
        assert np.allclose(a @ np.eye(200), a)  # still computes
    finally:
        restore()
    assert [lib.openblas_get_num_threads() for lib in libs] == before
    for lib, n in zip(libs, original):
        lib.openblas_set_num_threads(n)
