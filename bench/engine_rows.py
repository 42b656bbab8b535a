"""Benchmark rows through the product path: the case's arrays written as GeoTIFFs on
BENCHMARK.md's grid convention, fused by the engine (`fusediff.engine.run.run_algorithm`, the
code behind QGIS, `fusediff run` and `fusediff.run`), the output read back.

`product_runner(protocol, method)` gives ``fn(case, seed) -> (C, H, W)`` for the MP, HM and HP
rows of the methods the product has (the classical ones, ResPanDiff, KSDiff, SDP, ARGS-Diff,
DM-ZS and their ablation rows that are parameters), else None (the row stays on arrays).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import numpy as np

#: Protocols whose rows go through the engine.
PRODUCT_PROTOCOLS = ("MP", "HM", "HP")
#: Scene adaptation of the pansharpeners on a sensor without bundled weights (as bench/method_*.py).
ADAPT_ITERS_NEW_SENSOR = 1500

#: runner name -> (algorithm, parameters)
ENGINE_METHODS = {
    "brovey": ("classical", {"METHOD": "brovey"}),
    "gsa": ("classical", {"METHOD": "gsa"}),
    "mtfglphpm": ("classical", {"METHOD": "mtfglphpm"}),
    "cnmf": ("classical", {"METHOD": "cnmf"}),
    "respandiff": ("respandiff", {}),
    "respandiff-adapt": ("respandiff", {"ADAPT_ITERS": 1000}),
    "respandiff-nocons": ("respandiff", {"CONSISTENCY": 0}),
    "ksdiff": ("ksdiff", {}),
    "ksdiff-adapt": ("ksdiff", {"ADAPT_ITERS": 1000}),
    "ksdiff-nocons": ("ksdiff", {"CONSISTENCY": 0}),
    "sdp": ("sdp", {}),
    "sdp-paper": ("sdp", {"PRESET": "paper"}),
    "argsdiff": ("argsdiff", {}),
    "argsdiff-noargm": ("argsdiff", {"ARGM": False}),
    "dmzs": ("dmzs", {}),
}


def write_pair(case: dict, folder: Path) -> tuple:
    """(high path, low path): the case's high and low arrays as GeoTIFFs on the grid convention
    (low pixel i centred on high pixel ratio*i + phase; 1 m high-res pixels, UTM 33N)."""
    import rasterio
    from affine import Affine
    r = int(case["ratio"])
    phase = float(case.get("phase", 0.0))
    high_t = Affine(1.0, 0.0, 500000.0, 0.0, -1.0, 4200000.0)
    shift = phase - (r - 1) / 2.0
    low_t = high_t * Affine.translation(shift, shift) * Affine.scale(r)
    paths = []
    for name, array, transform in (("high", case["high"], high_t), ("low", case["low"], low_t)):
        a = np.asarray(array, np.float32)
        path = folder / f"{name}.tif"
        with rasterio.open(path, "w", driver="GTiff", width=a.shape[2], height=a.shape[1], count=a.shape[0],
                           dtype="float32", crs="EPSG:32633", transform=transform) as ds:
            ds.write(a)
        paths.append(str(path))
    return tuple(paths)


def product_runner(protocol: str, method: str):
    """The engine runner of a row, or None when the row has no product equivalent."""
    if protocol not in PRODUCT_PROTOCOLS or method not in ENGINE_METHODS:
        return None
    algorithm, params = ENGINE_METHODS[method]

    def run(case: dict, seed: int) -> np.ndarray:
        import rasterio

        from fusediff.engine.context import RunContext
        from fusediff.engine.registry import get_spec
        from fusediff.engine.run import run_algorithm
        high_name, low_name = get_spec(algorithm).pair
        values = dict(params)
        if algorithm in ("respandiff", "ksdiff") and np.asarray(case["low"]).shape[0] != 4 \
                and "ADAPT_ITERS" not in values:
            values["ADAPT_ITERS"] = ADAPT_ITERS_NEW_SENSOR  # no bundled weights for this band count
            if algorithm == "respandiff":
                values.update(ADAPT_LR=2e-3, ADAPT_PATCH=48)
        if algorithm != "classical":
            values.update(SEED=seed, DEVICE="cpu")
        with tempfile.TemporaryDirectory(prefix="fusediff-bench-") as tmp:
            high, low = write_pair(case, Path(tmp))
            out = Path(tmp) / "fused.tif"
            threads = int(os.environ.get("FUSEDIFF_THREADS", 0))
            run_algorithm(algorithm, {**values, high_name: high, low_name: low, "RATIO": int(case["ratio"]),
                                      "OUTPUT": str(out)}, RunContext(threads=threads))
            with rasterio.open(out) as ds:
                return ds.read().astype(np.float32)
    return run
