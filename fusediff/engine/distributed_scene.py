"""One large scene over the workers of a Dask cluster (``fusediff run ... --scheduler ADDRESS``).

The single-machine run (`engine.scene.fuse_scene`) plans the alignment, learns the scene scale
and the method's state once on windows sampled across the scene, then fuses overlapping tiles in row-major order and blends them with
raised-cosine weights (`rasters.TileAccumulator`) into one GeoTIFF. Here the same steps are split:

1. on the client: plan, sample, scale, ``method.prepare`` (learn once) -- `engine.scene.fuse_scene`
   itself, which inside `on_cluster` hands its tile pass to `fuse_tiles_on_cluster`;
2. the prepared method (its learnt state) is scattered to every worker once;
3. one task per row of tiles: each reads its padded tiles from the input files, fuses them
   (`engine.scene.fuse_window`, the tile step of a single-machine run), and accumulates
   ``sum(weight * tile)`` and ``sum(weight)`` for its rows (`TileAccumulator.add`: the same
   weights and validity handling), written as one ``.npy`` file in a hidden temporary folder next
   to the output (the workers must see the inputs' and the output's file system: a shared disk on
   a cluster); with the uncertainty output, each tile's sigma comes from the same call
   (``fuse_tile_sigma``) and ``sum(weight * sigma)`` goes to a second file per row;
4. on the client: the row files are added in order into one accumulator and written as one
   GeoTIFF (atomic, `rasters.GeoTiffWriter`), normalised by the weight sum -- the blending of a
   single-machine run (only the order of float32 additions in the overlap of two tile rows
   differs) -- and so is the sigma (a weighted mean of the tiles' sigma, as on one machine) into
   the Float32 uncertainty GeoTIFF; then the temporary folder is removed.

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
    (learnt state inside), the tiling, the output's band metadata and whether the per-band
    uncertainty (sigma) is computed too."""

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
    sigma: bool = False

    @property
    def bands(self) -> int:
        return len(self.plan.low_bands)

    def tiles(self) -> list:
        from .scene import scene_tiles
        return scene_tiles(self.plan, self.tile, self.overlap)

    def tile_rows(self) -> list:
        """Tiles grouped by row (lists of Tile, rows in order; tiles of a row share row_off)."""
        rows = {}
        for t in self.tiles():
            rows.setdefault(t.row_off, []).append(t)
        return [rows[k] for k in sorted(rows)]


def _nothing(*_a):
    return None


def fuse_row(job: PreparedScene, tiles: list, method=None) -> tuple:
    """Fuse one row of tiles: (row_off, acc (C, h, W) = sum of weight * tile, wsum (h, W),
    sigma_acc (C, h, W) = sum of weight * the tiles' sigma, or None unless ``job.sigma``), float32.

    Each tile is fused by `engine.scene.fuse_window` and added by `TileAccumulator.add` (the
    weights and invalid-pixel handling of a single-machine run; sigma blended like the output).
    ``method``: the prepared method (default job.method; the scattered copy on a worker).
    """
    from ..rasters import read_aligned_window
    from .scene import fuse_window
    method = job.method if method is None else method
    plan, r = job.plan, job.plan.ratio
    h = max(t.height for t in tiles)
    # the row's own accumulators: every tile at row 0 of them, never flushed (block_rows 1 keeps
    # the buffers at h + 1 rows); their buffers are the row's weighted sums
    acc = _row_accumulator(job.bands, h, plan.width, job.overlap)
    unc = _row_accumulator(job.bands, h, plan.width, job.overlap) if job.sigma else None
    for t in tiles:
        win = read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=job.pad)
        fused, sigma, valid = fuse_window(method, job.scale, win, r, job.bands, _nothing, sigma=job.sigma)
        acc.add(fused, 0, t.col_off, valid=valid)
        if unc is not None:
            unc.add(sigma, 0, t.col_off, valid=valid)
        del win, fused, sigma
    return (tiles[0].row_off, acc.acc[:, :acc.rows], acc.wsum[:acc.rows],
            None if unc is None else unc.acc[:, :unc.rows])


def _row_accumulator(bands: int, height: int, width: int, overlap: int):
    from ..rasters import TileAccumulator
    return TileAccumulator(None, bands, height, width, overlap, block_rows=1)


def sigma_file(row_file: str) -> str:
    """The sigma sums saved next to the row file ``row_<row_off>.npy``: ``row_<row_off>.sigma.npy``."""
    return row_file[:-len(".npy")] + ".sigma.npy"


def fuse_row_to_file(job: PreparedScene, tiles: list, folder: str, method=None, threads: int = 0) -> str:
    """`fuse_row` on a worker, saved as ``folder/row_<row_off>.npy`` ((C + 1, h, W): the weighted
    sums, then the weight sum) and, with ``job.sigma``, the weighted sums of sigma (C, h, W) in
    `sigma_file` of it; each written to a temporary name and renamed. Returns the row file's path."""
    if threads <= 0:
        from .batch import _worker_info
        threads = _worker_info()[1]
    from .batch import _set_threads
    _set_threads(threads, "torch" in sys.modules)  # the learnt state, unpickled, imported torch
    row_off, acc, wsum, sigma = fuse_row(job, tiles, method)
    path = os.path.join(folder, f"row_{row_off:08d}.npy")
    from .files import atomic_open
    if sigma is not None:  # first, so that a row file is never there without its sigma
        with atomic_open(sigma_file(path), "wb", prefix=".row.") as f:
            np.save(f, sigma)
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


def write_rows(job: PreparedScene, rows, out_path: str, unc_path: Optional[str] = None) -> str:
    """Blend rows ``[(row_off, acc, wsum, sigma_acc), ...]`` (in row order; sigma_acc None without
    ``unc_path``) into the GeoTIFF ``out_path`` and the sigma into ``unc_path`` (Float32)."""
    from .scene import open_outputs
    plan = job.plan
    with contextlib.ExitStack() as stack:
        sink, unc_sink = open_outputs(stack, plan, job.bands, out_path, job.descriptions, job.wavelengths,
                                      job.protect, os.cpu_count() or 1, job.writer_options, unc_path)
        row_acc = _accumulator_class()
        acc = row_acc(sink, job.bands, plan.height, plan.width, job.overlap)
        unc = row_acc(unc_sink, job.bands, plan.height, plan.width, job.overlap) if unc_sink else None
        for row_off, a, w, s in rows:
            acc.add_weighted(a, w, row_off)
            if unc is not None:
                unc.add_weighted(s, w, row_off)  # the same weights as the output's
        acc.finish()
        if unc is not None:
            unc.finish()
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
                    retries: int = 2, echo=print, resources=None, report=None,
                    unc_path: Optional[str] = None) -> dict:
    """Fuse the rows of ``job`` on the workers of ``client`` and write ``out_path`` (and, when
    ``unc_path`` is given, the per-band sigma there: ``job.sigma`` must be set).

    The outputs are opened first (atomic GeoTIFF writers: nothing is left of them on an error or
    cancel); the prepared method is scattered once (broadcast to every worker); each row task
    writes its file(s) into a hidden folder next to the output (removed at the end, also on failure).
    ``report(fraction, message)``: optional progress of the rows (a RunContext's ``report``: it
    raises Cancelled on cancel, which cancels the rows not finished).
    Returns {'OUTPUT': out_path, 'rows': n, 'seconds': ..., 'workers': [...]} (and 'UNCERTAINTY').
    """
    from distributed import as_completed
    if bool(unc_path) != bool(job.sigma):
        raise ValueError("unc_path is given exactly when job.sigma is set")
    out_path = os.path.abspath(out_path)
    unc_path = os.path.abspath(unc_path) if unc_path else None
    folder, name = os.path.split(out_path)
    if not os.path.isdir(folder):
        raise UserError(f"The output folder '{folder}' does not exist. Create it or choose another output path.")
    t0 = time.perf_counter()
    rows = job.tile_rows()
    from .batch import clean_stale_temporaries
    clean_stale_temporaries([out_path] + ([unc_path] if unc_path else []))  # of a killed earlier run
    tmpdir = tempfile.mkdtemp(prefix=f".{name}.", suffix=".rows", dir=folder)
    who = set()

    def fused_rows():
        # runs inside write_rows, after the outputs are opened (a bad output path fails before
        # any work; an error or cancel here leaves no output)
        method_future = client.scatter(shippable(job.method), broadcast=True, hash=False)
        light = dataclasses.replace(job, method=None)
        futures = {client.submit(fuse_row_to_file, light, tiles, tmpdir, method_future, pure=False,
                                 retries=retries, resources=resources): i for i, tiles in enumerate(rows)}
        bar = None
        if progress:
            try:
                from tqdm import tqdm
                bar = tqdm(total=len(rows), unit="row", desc="tile rows", file=sys.stderr)
            except ImportError:
                bar = None
        paths = [None] * len(rows)
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
            who.update(ts for ts in client.who_has(list(futures)).values() for ts in ts)
        except Exception:  # noqa: BLE001
            pass
        for fut in futures:
            fut.release()
        for p in paths:
            data = np.load(p, mmap_mode="r")
            row_off = int(os.path.basename(p)[4:12])
            sigma = np.load(sigma_file(p), mmap_mode="r") if unc_path else None
            yield (row_off, np.asarray(data[:-1]), np.asarray(data[-1]),
                   None if sigma is None else np.asarray(sigma))

    try:
        write_rows(job, fused_rows(), out_path, unc_path)
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)
    info = {"OUTPUT": out_path, "rows": len(rows), "seconds": round(time.perf_counter() - t0, 3),
            "workers": sorted(who)}
    if unc_path:
        info["UNCERTAINTY"] = unc_path
    return info


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
    the tile plan, weights and outputs (with the output's writer options; the uncertainty, when
    ``unc_path`` is given, Float32 and blended like the output) are the same; rows of tiles run on
    the workers."""
    job = PreparedScene(plan, scale, method, int(tile_size), int(overlap), int(pad), desc, wl,
                        protect=tuple(protect), writer_options=dict(writer_options or {}), sigma=bool(unc_path))
    n = len(job.tile_rows())
    ctx.info(f"Fusing {len(job.tiles())} tiles in {n} row(s) on the Dask cluster "
             f"({len(target.client.scheduler_info().get('workers', {}))} worker(s)).")
    calibration = getattr(method, "calibration", None)
    if unc_path and callable(calibration):
        # its warning about an uncalibrated sigma is logged here: the workers log nothing
        calibration(method.state, plan.ratio)

    def report(fraction, message=""):
        ctx.report(start + (0.95 - start) * fraction, message)

    info = fuse_on_cluster(job, out_path, target.client, progress=target.progress, retries=target.retries,
                           resources=target.resources, report=report, unc_path=unc_path)
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
