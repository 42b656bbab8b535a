"""A small QGIS-free stand-in for `fusediff.engine.run.run_algorithm` ('classical' GSA / Brovey /
MTF-GLP-HPM through the tiled scene pipeline of engine/distributed_scene.py), used by
tests/test_batch.py where the engine's run_algorithm is not available. Importable by Dask workers
(tests/ on their PYTHONPATH)."""
from __future__ import annotations

import time

from fusediff.engine.params import AlgorithmSpec, Param, resolve

METHODS = ("brovey", "gsa", "mtfglphpm")

SPEC = AlgorithmSpec(
    name="classical", display_name="Classical fusion (test stand-in)", group="test", group_id="test",
    help="", run="batch_standin:run_values", needs=("rasterio",),
    params=(
        Param("METHOD", "enum", "Method", choices=METHODS, default=1),
        Param("MS", "raster", "Low-resolution spectral raster (MS / HSI)"),
        Param("PAN", "raster", "High-resolution raster (PAN)"),
        Param("RATIO", "int", "Ratio", optional=True, minimum=2),
        Param("TILE", "int", "Tile size (test)", default=1024, advanced=True),
        Param("SLEEP", "float", "Seconds to wait inside each tile (test)", default=0.0, advanced=True),
        Param("OUTPUT", "raster_out", "Fused raster"),
    ))


class Method:
    """SceneMethod-like: no learning, classical fusion per tile (optionally slowed down)."""

    learns = False
    tile_size = None
    overlap = None
    pad = None

    def __init__(self, name: str, sleep: float = 0.0):
        self.name, self.sleep = name, float(sleep)

    def prepare(self, samples, ratio, progress):
        return None

    def fuse_tile(self, high, low, ratio, progress):
        from fusediff.models import classical
        if self.sleep:
            time.sleep(self.sleep)
        return classical.fuse(self.name, high, low, ratio, phase=0.0)


def job_for(values: dict):
    """The PreparedScene of resolved values (as the engine would prepare it)."""
    from fusediff.engine.distributed_scene import prepare_scene
    method = Method(METHODS[int(values["METHOD"])], values.get("SLEEP") or 0.0)
    return prepare_scene(values["PAN"], values["MS"], method, (int(values["TILE"]), 32, 64),
                         ratio=values.get("RATIO"), min_low_bands=2, require_single_high=True)


def run_algorithm(name, given: dict, ctx) -> dict:
    """run_algorithm(name, values, ctx) for the stand-in spec."""
    from fusediff.engine.distributed_scene import fuse_local
    from fusediff.engine.errors import user_errors
    with user_errors():
        values = resolve(SPEC, given)
        fuse_local(job_for(values), values["OUTPUT"])
    return {"OUTPUT": values["OUTPUT"]}


def run_values(values, ctx):
    return run_algorithm("classical", values, ctx)


def slow_real_run(name, values, ctx):
    """The engine's run_algorithm, waiting 0.3 s at each progress report inside the tile loop
    (so that a test can kill a worker while it writes)."""
    from fusediff.engine.run import run_algorithm
    report = ctx.progress

    def slow(fraction, message=""):
        if 0.05 <= fraction < 0.99:
            time.sleep(0.3)
        return report(fraction, message)

    ctx.progress = slow
    return run_algorithm(name, values, ctx)
