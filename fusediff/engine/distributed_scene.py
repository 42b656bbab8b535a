"""One large scene over the workers of a Dask cluster (``fusediff run ... --scheduler ADDRESS``).

The single-machine run (`engine.scene.fuse_scene`) plans the alignment, learns the scene scale
and the method's state once on windows sampled across the scene, then fuses overlapping tiles in row-major order and blends them with
raised-cosine weights (`rasters.TileAccumulator`) into one GeoTIFF. Here the same steps are split:

1. on the client: plan, sample, scale, ``method.prepare`` (learn once) -- `engine.scene.fuse_scene`
   itself, which inside `on_cluster` hands its tile pass to `fuse_tiles_on_cluster`;
2. the prepared method (its learnt state) is scattered to every worker once;
3. one task per row of tiles: each reads its padded tiles from the input files, fuses them,
   and accumulates ``sum(weight * tile)`` and ``sum(weight)`` for its rows (the same weights
   and validity handling as `TileAccumulator.add`), written as one ``.npy`` file in a hidden
   temporary folder next to the output (the workers must see the inputs' and the output's file
   system: a shared disk on a cluster);
4. on the client: the row files are added in order into one accumulator and written as one
   GeoTIFF (atomic, `rasters.GeoTiffWriter`), normalised by the weight sum -- the blending of a
   single-machine run (only the order of float32 additions in the overlap of two tile rows
   differs), then the temporary folder is removed.

Workers need fusediff (with torch for the diffusion methods) and dask/distributed installed.
"""
from __future__ import annotations

import contextlib
import contextvars
import copy
import dataclasses
import os
import shutil
import sys
import tempfile
import time
from typing import Optional

import numpy as np

from .errors import UserError
from .scaling import SceneScale


@dataclasses.dataclass
class PreparedScene:
    """Everything the tile rows need: the alignment plan, the scene scale, the prepared method
    (learnt state inside), the tiling and the output's band metadata."""

    plan: object
    scale: SceneScale
    method: object
    tile: int
    overlap: int
    pad: int
    descriptions: Optional[list] = None
    wavelengths: Optional[list] = None
    protect: tuple = ()
    writer_options: dict = dataclasses.field(default_factory=dict)  # GeoTiffWriter's (COG, metadata...)

    @property
    def bands(self) -> int:
        return len(self.plan.low_bands)

    def tiles(self) -> list:
        from ..rasters import tile_grid
        r = self.plan.ratio
        size = max(self.tile, 2 * r * max(1, -(-self.overlap // r)) + r)
        return tile_grid(self.plan.height, self.plan.width, size, self.overlap, r)

    def tile_rows(self) -> list:
        """Tiles grouped by row (lists of Tile, rows in order; tiles of a row share row_off)."""
        rows = {}
        for t in self.tiles():
            rows.setdefault(t.row_off, []).append(t)
        return [rows[k] for k in sorted(rows)]


def _nothing(*_a):
    return None


def fuse_row(job: PreparedScene, tiles: list, method=None) -> tuple:
    """Fuse one row of tiles: (row_off, acc (C, h, W) = sum of weight * tile, wsum (h, W)), float32.

    The weights and the handling of invalid pixels are those of `TileAccumulator.add`.
    ``method``: the prepared method (default job.method; the scattered copy on a worker).
    """
    from ..rasters import blend_weights, read_aligned_window
    method = job.method if method is None else method
    plan, scale, r = job.plan, job.scale, job.plan.ratio
    row_off = tiles[0].row_off
    h = max(t.height for t in tiles)
    acc = np.zeros((job.bands, h, plan.width), np.float32)
    wsum = np.zeros((h, plan.width), np.float32)
    for t in tiles:
        win = read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=job.pad)
        rs, cs = win.core
        valid = win.valid[rs, cs]
        if not valid.any():
            fused = np.zeros((job.bands, t.height, t.width), np.float32)
        else:
            fused = np.asarray(method.fuse_tile(scale.forward(win.high), scale.forward(win.low), r, _nothing))
            if fused.ndim != 3 or fused.shape[1:] != win.high.shape[1:] or fused.shape[0] != job.bands:
                raise RuntimeError(f"fusion returned shape {fused.shape}, expected ({job.bands}, "
                                   f"{win.high.shape[1]}, {win.high.shape[2]})")
            fused = np.asarray(scale.inverse(fused[:, rs, cs]), np.float32)
        wts = blend_weights(t.height, t.width, job.overlap)
        invalid = None if valid.all() else ~valid
        if invalid is not None:
            wts[invalid] = 0.0
        dst = acc[:, :t.height, t.col_off:t.col_off + t.width]
        term = np.empty((t.height, t.width), np.float32)
        for b in range(job.bands):
            np.multiply(fused[b], wts, out=term)
            if invalid is not None:
                term[invalid] = 0.0
            dst[b] += term
        wsum[:t.height, t.col_off:t.col_off + t.width] += wts
        del win, fused
    return row_off, acc, wsum


def fuse_row_to_file(job: PreparedScene, tiles: list, folder: str, method=None, threads: int = 0) -> str:
    """`fuse_row` on a worker, saved as ``folder/row_<row_off>.npy`` ((C + 1, h, W): the weighted
    sums, then the weight sum), written to a temporary name and renamed. Returns the path."""
    if threads <= 0:
        from .batch import _worker_info
        threads = _worker_info()[1]
    from .batch import _set_threads
    _set_threads(threads, "torch" in sys.modules)  # the learnt state, unpickled, imported torch
    row_off, acc, wsum = fuse_row(job, tiles, method)
    path = os.path.join(folder, f"row_{row_off:08d}.npy")
    from .files import atomic_open
    with atomic_open(path, "wb", prefix=".row.") as f:
        np.save(f, np.concatenate([acc, wsum[None]], axis=0))
    return path


def _accumulator_class():
    from ..rasters import TileAccumulator

    class RowAccumulator(TileAccumulator):
        """A TileAccumulator that also takes rows of already weighted sums (`add_weighted`)."""

        def add_weighted(self, acc, wsum, row_off: int) -> None:
            h = acc.shape[1]
            if row_off < self.top:
                raise ValueError("rows must be added in order")
            flush_to = (row_off // self.block_rows) * self.block_rows
            if flush_to > self.top:
                self._flush(flush_to)
            self._ensure(row_off + h)
            r = row_off - self.top
            self.acc[:, r:r + h] += acc
            self.wsum[r:r + h] += wsum

    return RowAccumulator


def write_rows(job: PreparedScene, rows, out_path: str) -> str:
    """Blend rows ``[(row_off, acc, wsum), ...]`` (in row order) into the GeoTIFF ``out_path``."""
    from ..rasters import BackgroundWriter, EdgeExtendingSink, GeoTiffWriter
    plan = job.plan
    with GeoTiffWriter(out_path, plan.out_width, plan.out_height, job.bands, plan.crs, plan.transform,
                       descriptions=job.descriptions, wavelengths=job.wavelengths, protect=job.protect,
                       threads=os.cpu_count() or 1, **job.writer_options) as writer, \
            BackgroundWriter(writer) as background:
        sink = EdgeExtendingSink(background, plan.height, plan.width, plan.extra_rows, plan.extra_cols)
        acc = _accumulator_class()(sink, job.bands, plan.height, plan.width, job.overlap)
        for row_off, a, w in rows:
            acc.add_weighted(a, w, row_off)
        acc.finish()
    return out_path


def shippable(method):
    """A shallow copy of ``method`` without what only makes sense in this process (log callbacks,
    QGIS feedback), ready to be pickled to the workers."""
    m = copy.copy(method)
    for attr in ("log", "feedback"):
        if getattr(m, attr, None) is not None:
            setattr(m, attr, None)
    return m


def fuse_on_cluster(job: PreparedScene, out_path: str, client, progress: bool = True,
                    retries: int = 2, echo=print, resources=None, report=None) -> dict:
    """Fuse the rows of ``job`` on the workers of ``client`` and write ``out_path``.

    The prepared method is scattered once (broadcast to every worker); each row task writes its
    file into a hidden folder next to the output (removed at the end, also on failure).
    ``report(fraction, message)``: optional progress of the rows (a RunContext's ``report``: it
    raises Cancelled on cancel, which cancels the rows not finished).
    Returns {'OUTPUT': out_path, 'rows': n, 'seconds': ..., 'workers': [...]}.
    """
    from distributed import as_completed
    out_path = os.path.abspath(out_path)
    folder, name = os.path.split(out_path)
    if not os.path.isdir(folder):
        raise UserError(f"The output folder '{folder}' does not exist. Create it or choose another output path.")
    t0 = time.perf_counter()
    rows = job.tile_rows()
    from .batch import clean_stale_temporaries
    clean_stale_temporaries([out_path])  # of an earlier run of this output that was killed
    tmpdir = tempfile.mkdtemp(prefix=f".{name}.", suffix=".rows", dir=folder)
    try:
        method_future = client.scatter(shippable(job.method), broadcast=True, hash=False)
        light = dataclasses.replace(job, method=None)
        futures = {client.submit(fuse_row_to_file, light, tiles, tmpdir, method_future, pure=False,
                                 retries=retries, resources=resources): i for i, tiles in enumerate(rows)}
        bar = None
        if progress:
            try:
                from tqdm import tqdm
                import sys
                bar = tqdm(total=len(rows), unit="row", desc="tile rows", file=sys.stderr)
            except ImportError:
                bar = None
        paths = [None] * len(rows)
        who = set()
        try:
            for k, fut in enumerate(as_completed(list(futures), loop=client.loop), 1):  # see batch._collect
                paths[futures[fut]] = fut.result()
                if bar is not None:
                    bar.update(1)
                if report is not None:
                    report(k / len(rows), f"row of tiles {k}/{len(rows)}")
        except BaseException:
            for fut in futures:
                fut.cancel()
            raise
        finally:
            if bar is not None:
                bar.close()
        try:
            who = {ts for ts in client.who_has(list(futures)).values() for ts in ts}
        except Exception:  # noqa: BLE001
            who = set()
        for fut in futures:
            fut.release()

        def load():
            for p in paths:
                data = np.load(p, mmap_mode="r")
                row_off = int(os.path.basename(p)[4:12])
                yield row_off, np.asarray(data[:-1]), np.asarray(data[-1])

        write_rows(job, load(), out_path)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    return {"OUTPUT": out_path, "rows": len(rows), "seconds": round(time.perf_counter() - t0, 3),
            "workers": sorted(who)}


# --------------------------------------------------------------------------
# `fusediff run ... --scheduler`: the engine's fuse_scene hands its tile pass to the cluster
# --------------------------------------------------------------------------

@dataclasses.dataclass
class ClusterTarget:
    """Where `engine.scene.fuse_scene` sends its tiles while `on_cluster` is active."""

    client: object
    progress: bool = False
    retries: int = 2
    resources: Optional[dict] = None
    runs: list = dataclasses.field(default_factory=list)


_ACTIVE: contextvars.ContextVar = contextvars.ContextVar("fusediff_cluster", default=None)


def active_cluster() -> Optional[ClusterTarget]:
    """The ClusterTarget of the enclosing `on_cluster` block, or None (tiles run here)."""
    return _ACTIVE.get()


@contextlib.contextmanager
def on_cluster(client, progress: bool = False, retries: int = 2, resources=None):
    """Inside this block, every scene fused by `engine.scene.fuse_scene` learns here and fuses
    its rows of tiles on ``client``'s workers (`fuse_tiles_on_cluster`). Yields the target
    (its ``runs``: one info dict per scene)."""
    target = ClusterTarget(client, progress, retries, resources)
    token = _ACTIVE.set(target)
    try:
        yield target
    finally:
        _ACTIVE.reset(token)


def fuse_tiles_on_cluster(target: ClusterTarget, plan, method, scale, tile_size, overlap, pad, out_path,
                          protect, desc, wl, ctx, start, writer_options=None, unc_path=None) -> None:
    """The cluster counterpart of `engine.scene._fuse_tiles` (same arguments, plus the target):
    the tile plan, weights and output (with its writer options) are the same; rows of tiles run on
    the workers. The per-band uncertainty output is not computed on a cluster yet (UserError)."""
    if unc_path:
        raise UserError("The uncertainty output is not available when a scene is split over a Dask cluster "
                        "(--scheduler) yet; run without --scheduler, or without the uncertainty output.")
    job = PreparedScene(plan, scale, method, int(tile_size), int(overlap), int(pad), desc, wl,
                        protect=tuple(protect), writer_options=dict(writer_options or {}))
    n = len(job.tile_rows())
    ctx.info(f"Fusing {len(job.tiles())} tiles in {n} row(s) on the Dask cluster "
             f"({len(target.client.scheduler_info().get('workers', {}))} worker(s)).")

    def report(fraction, message=""):
        ctx.report(start + (0.95 - start) * fraction, message)

    info = fuse_on_cluster(job, out_path, target.client, progress=target.progress, retries=target.retries,
                           resources=target.resources, report=report)
    target.runs.append(info)


def run_on_cluster(name: str, values: dict, ctx=None, scheduler: Optional[str] = None,
                   workers: Optional[int] = None, threads_per_worker: Optional[int] = None,
                   progress: bool = False, echo=print) -> dict:
    """`run.run_algorithm` with the scene's rows of tiles on a Dask cluster (``scheduler``'s, or
    a LocalCluster of ``workers`` x ``threads_per_worker``): learn once here, send the learnt
    state to the workers once, rows of tiles there, one GeoTIFF assembled here."""
    from .batch import _benefits_from_gpu, cluster_has_gpus, connect
    from .context import RunContext
    from .registry import get_spec
    from .run import run_algorithm
    ctx = ctx or RunContext()
    spec = get_spec(name)
    client, cluster = connect(scheduler, workers, threads_per_worker, echo=echo)
    try:
        resources = {"GPU": 1} if _benefits_from_gpu(spec) and cluster_has_gpus(client) else None
        with on_cluster(client, progress=progress, resources=resources):
            return run_algorithm(name, values, ctx)
    finally:
        try:
            client.close()
        finally:
            if cluster is not None:
                cluster.close()
