"""The product path for benchmark rows: a case written as georeferenced GeoTIFFs, fused by
the FuseDiff engine (`fusediff.engine.run.run_algorithm`: the code behind QGIS, `fusediff run`
and `fusediff.run`, which give the same pixels), read back.

The low-resolution input follows the grid convention of BENCHMARK.md (pixel i centred on
high-res pixel ratio*i: origin shifted by -(ratio-1)/2 high-res pixels), which is how every
case here is simulated (decimation from index 0), so the product aligns it without
resampling. The product scales the scene itself (`fusediff.engine.scaling.SceneScale`, at
the level each method records), so ``factor`` (the inputs are multiplied by it before they
are written; the output is divided by it) and ``dtype`` let a row check that a scene gives
the same result in any radiometric scale (uint8 DN, reflectance 0-1, x 10000).

Torch runs on the threads of $FUSEDIFF_THREADS (default 1). Needs no QGIS.
"""
from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
CRS = "EPSG:32633"
ORIGIN = (500000.0, 4200000.0)


def _transforms(ratio: int, phase: float = 0.0, pixel: float = 2.0):
    """High-res and low-res geotransforms: low pixel i centred on high pixel ratio*i + phase
    (phase 0: the grid convention; 1.5: MS pixels centred on 4 x 4 PAN blocks)."""
    from affine import Affine
    high = Affine(pixel, 0.0, ORIGIN[0], 0.0, -pixel, ORIGIN[1])
    s = float(phase) - (ratio - 1) / 2.0
    return high, high * Affine.translation(s, s) * Affine.scale(ratio)


def _write(path, array, transform, dtype) -> str:
    import rasterio
    a = np.asarray(array)
    if np.dtype(dtype).kind in "ui":
        info = np.iinfo(dtype)
        a = np.clip(np.rint(a), info.min, info.max)
    with rasterio.open(path, "w", driver="GTiff", width=a.shape[2], height=a.shape[1], count=a.shape[0],
                       dtype=dtype, crs=CRS, transform=transform) as ds:
        ds.write(a.astype(dtype))
    return str(path)


def write_pair(folder, high: np.ndarray, low: np.ndarray, ratio: int, factor: float = 1.0,
               dtype: str = "float32", phase: float = 0.0) -> tuple[str, str]:
    """high (Ch, H, W) and low (C, H/r, W/r) times ``factor`` as GeoTIFFs of ``dtype`` (integers
    are rounded), low pixel i centred on high pixel ratio*i + phase. Returns (high_path, low_path)."""
    th, tl = _transforms(int(ratio), phase)
    folder = Path(folder)
    return (_write(folder / "high.tif", np.asarray(high, np.float64) * factor, th, dtype),
            _write(folder / "low.tif", np.asarray(low, np.float64) * factor, tl, dtype))


def run(alg: str, params: dict, log: list | None = None) -> dict:
    """``fusediff:<alg>`` through the engine in this process; ``log`` collects its info lines."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from fusediff.engine.context import RunContext
    from fusediff.engine.run import run_algorithm
    ctx = RunContext(info=log.append if log is not None else (lambda _line: None),
                     threads=int(os.environ.get("FUSEDIFF_THREADS", "1")))
    return run_algorithm(alg.split(":", 1)[-1], params, ctx)


def fuse(alg: str, high: np.ndarray, low: np.ndarray, ratio: int, params: dict | None = None,
         high_name: str = "PAN", low_name: str = "MS", factor: float = 1.0, dtype: str = "float32",
         log: list | None = None, phase: float = 0.0) -> np.ndarray:
    """Fuse a (high, low) pair through ``fusediff:<alg>`` on GeoTIFFs; returns the output
    divided by ``factor`` (float32, (C, H, W))."""
    import rasterio
    with tempfile.TemporaryDirectory(prefix="fusediff_product_") as tmp:
        hp, lp = write_pair(tmp, high, low, ratio, factor, dtype, phase)
        out = str(Path(tmp) / "out.tif")
        run(f"fusediff:{alg}", {high_name: hp, low_name: lp, "OUTPUT": out, **(params or {})}, log)
        with rasterio.open(out) as ds:
            return (ds.read().astype(np.float64) / factor).astype(np.float32)


def case_runner(alg: str, high_name: str = "PAN", low_name: str = "MS", prepare=None, **fixed):
    """A bench runner ``(case, seed) -> fused`` fusing the case's high/low (at its phase) through
    the product (``fixed``: extra algorithm parameters; SEED from the row; ``prepare(case) ->
    case``: e.g. the real same-grid pair degraded as the array-level runner does)."""
    def runner(case: dict, seed: int) -> np.ndarray:
        if prepare is not None:
            case = prepare(case)
        high = case.get("high", case.get("msi", case.get("pan")))
        low = case.get("low", case.get("hsi", case.get("ms")))
        return fuse(alg, high, low, int(case["ratio"]), {"SEED": int(seed), **fixed},
                    high_name=high_name, low_name=low_name, phase=float(case.get("phase", 0.0)))
    return runner
