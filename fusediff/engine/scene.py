"""Whole-scene fusion from file paths, QGIS-free: the pipeline every fusion algorithm shares.

    plan_alignment (no pixels) -> scene_sample (bounded windows) -> SceneScale (per scene)
    -> method.prepare (learn once) -> tiles: read with context, fuse, crop, blend
    -> GeoTiffWriter (block by block, atomic: a failure or cancel leaves no file)

A method is a `SceneMethod` (or a plain per-tile function); its tiling comes from its
registry entry (`engine.methods`). Progress, cancel, log lines and threads come from a
`RunContext`. A CUDA out-of-memory error in learning or in the tiles halves the tile (and
the learning windows) and restarts once.
"""
from __future__ import annotations

import dataclasses
import os
import time
from typing import Optional

import numpy as np

from .context import RunContext
from .i18n import tr
from .scaling import SceneScale
from .tiling import CLASSICAL, EtaClock, Tiling, run_with_oom_retry

#: Resampling of the low-resolution raster when its grid is not already the aligned one
#: (rasters.align_pair; a pair that follows the grid convention is copied, not resampled).
#: Lanczos keeps more of the MS's detail than cubic: GSA on GeoTIFFs from wv3_reduced_256.mat
#: (MS pixels centred on 4x4 blocks, so shifted by 1.5 PAN pixels) gives PSNR 32.31 / SAM 5.74 /
#: ERGAS 5.29 / Q8 0.871 with lanczos against 32.11 / 5.95 / 5.42 / 0.864 with cubic
#: (pleiades: 36.31 / 3.31 / 2.33 against 35.77 / 3.59 / 2.48).
LOW_RES_RESAMPLING = "lanczos"
#: A scene with at most this many high-res pixels is sampled whole for the scale and `prepare`.
SAMPLE_FULL_PIXELS = 2048 * 2048
#: Otherwise SAMPLE_GRID x SAMPLE_GRID windows of SAMPLE_WINDOW pixels, spread over the scene.
SAMPLE_GRID = 6
SAMPLE_WINDOW = 512


@dataclasses.dataclass
class ScaledWindow:
    """One sample window in [0, 1] scale: high (Ch, h, w), low (C, h/r, w/r), valid (h, w),
    low_valid (h/r, w/r)."""

    high: np.ndarray
    low: np.ndarray
    valid: np.ndarray
    low_valid: np.ndarray


class SceneMethod:
    """A fusion method as `fuse_scene` runs it: learn once, then solve per tile.

    Self-learning and trained methods override `prepare`, which gets windows sampled across
    the whole scene (a list of `ScaledWindow`; the whole scene when it is small) before any
    tile is fused; `fuse_tile` then runs on every tile. Classical methods just give a
    function: ``SceneMethod(fuse)``, or pass the function itself to fuse_scene.
    tile_size/overlap/pad (high-res pixels; None: the tiling passed to fuse_scene) let a
    method ask for other tiles.
    """

    tile_size: Optional[int] = None
    overlap: Optional[int] = None
    pad: Optional[int] = None

    def __init__(self, fuse_tile=None, prepare=None, tile_size=None, overlap=None, pad=None, level=None):
        self._fuse = fuse_tile
        self._prepare = prepare
        self._level = level
        if tile_size is not None:
            self.tile_size = tile_size
        if overlap is not None:
            self.overlap = overlap
        if pad is not None:
            self.pad = pad

    def input_level(self, ratio: int, bands: int) -> float:
        """The value the scene's robust maximum maps to for this method (`SceneScale.level`): the
        ``level`` given to the constructor (a number, or a function (ratio, low-res band count) ->
        number), else 1. Methods with trained weights or tuned constants override it."""
        from .scaling import DEFAULT_LEVEL
        level = self._level(ratio, bands) if callable(self._level) else self._level
        return DEFAULT_LEVEL if level is None else float(level)

    @property
    def learns(self) -> bool:
        """True when `prepare` does work (the progress bar then reserves 5-25 % for it)."""
        return self._prepare is not None or type(self).prepare is not SceneMethod.prepare

    def prepare(self, samples, ratio: int, progress) -> None:
        """Learn from ``samples`` (list of ScaledWindow) once, before the tiles. Default: nothing."""
        if self._prepare is not None:
            self._prepare(samples, ratio, progress)

    def fuse_tile(self, high, low, ratio: int, progress) -> np.ndarray:
        """Fuse one padded tile: high (Ch, h, w), low (C, h/r, w/r) in [0, 1] -> (C, h, w)."""
        if self._fuse is None:
            raise NotImplementedError
        return self._fuse(high, low, ratio, progress)


class LearnOnce(SceneMethod):
    """SceneMethod from ``learn(samples, ratio, progress) -> state`` and
    ``solve(state, high (Ch, h, w), low (C, h/r, w/r), ratio, progress) -> (C, h, w)``
    (arrays in [0, 1]). ``name``: the method's name in the log; ``log``: a callable taking
    one line (e.g. RunContext.info), or None. ``state`` is what learning produced (picklable:
    it can be sent to other workers, which then only call `fuse_tile`)."""

    def __init__(self, name: str, learn, solve, log=None):
        super().__init__()
        self.name = name
        self._learn = learn
        self._solve = solve
        self.log = log
        self.state = None
        self.learn_calls = 0

    def prepare(self, samples, ratio: int, progress) -> None:
        t0 = time.perf_counter()
        self.state = self._learn(samples, int(ratio), progress)
        self.learn_calls += 1
        self._log(tr("{0}: learned from {1} window(s) of the scene in {2:.1f} s.")
                  .format(self.name, len(samples), time.perf_counter() - t0))

    def fuse_tile(self, high, low, ratio: int, progress) -> np.ndarray:
        if self.state is None:
            raise RuntimeError("fuse_tile before prepare")
        t0 = time.perf_counter()
        out = self._solve(self.state, high, low, int(ratio), progress)
        self._log(tr("{0}: tile fused in {1:.1f} s.").format(self.name, time.perf_counter() - t0))
        return out

    def fuse_tile_sigma(self, high, low, ratio: int, progress):
        """(fused, sigma) of one tile (both (C, h, w), [0, 1] scale): the subclass's
        ``solve_sigma(state, high, low, ratio, progress)``; methods without it have no
        uncertainty output."""
        solve_sigma = getattr(self, "solve_sigma", None)
        if solve_sigma is None:
            raise ValueError(tr("{0} has no uncertainty output.").format(self.name))
        if self.state is None:
            raise RuntimeError("fuse_tile before prepare")
        t0 = time.perf_counter()
        out = solve_sigma(self.state, high, low, int(ratio), progress)
        self._log(tr("{0}: tile and its uncertainty fused in {1:.1f} s.").format(self.name, time.perf_counter() - t0))
        return out

    def _log(self, line: str) -> None:
        if self.log is not None:
            self.log(line)


class BoundLearnOnce(LearnOnce):
    """A LearnOnce whose ``learn`` and ``solve`` are its own methods, so it pickles without its
    log callable (a Dask worker gets the learnt state, and logs nothing)."""

    def __init__(self, name: str, log=None):
        super().__init__(name, self.learn, self.solve, log)

    def learn(self, samples, ratio, progress):
        raise NotImplementedError

    def solve(self, state, high, low, ratio, progress):
        raise NotImplementedError

    def __getstate__(self):
        state = dict(self.__dict__)
        for key in ("log", "_learn", "_solve"):
            state.pop(key, None)
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self.log, self._learn, self._solve = None, self.learn, self.solve


def scene_sample(plan) -> list:
    """Windows of the aligned scene for the scale and `SceneMethod.prepare` (bounded memory).

    The whole grid when it has at most SAMPLE_FULL_PIXELS pixels (so small
    scenes are treated exactly as a whole), else SAMPLE_GRID x SAMPLE_GRID
    windows of SAMPLE_WINDOW pixels (origins multiples of the ratio) spread
    evenly over it. Returns a list of rasters.AlignedPair (input scale).
    """
    from ..rasters import read_aligned_window
    r = plan.ratio
    if plan.height * plan.width <= SAMPLE_FULL_PIXELS:
        return [read_aligned_window(plan, 0, 0, plan.height, plan.width)]

    def starts(n):
        size = min(n, max(r, (SAMPLE_WINDOW // r) * r))
        k = SAMPLE_GRID if n > size else 1
        pos = np.linspace(0, n - size, k)
        return sorted({int(p // r) * r for p in pos}), size

    rows, hh = starts(plan.height)
    cols, ww = starts(plan.width)
    return [read_aligned_window(plan, r0, c0, hh, ww) for r0 in rows for c0 in cols]


def _fewer_windows(samples: list, ratio: int) -> list:
    """Half the learning data after a GPU out-of-memory error: every other window, or the one
    window's top-left quarter (origin kept, sizes multiples of the ratio)."""
    if len(samples) > 1:
        return samples[::2]
    s = samples[0]
    h, w = s.low.shape[1:]
    lh, lw = max(1, h // 2), max(1, w // 2)
    return [ScaledWindow(s.high[:, :lh * ratio, :lw * ratio], s.low[:, :lh, :lw], s.valid[:lh * ratio, :lw * ratio],
                         s.low_valid[:lh, :lw] if s.low_valid is not None else None)]


def band_metadata(info, bands=None):
    """(descriptions, wavelengths) of the chosen bands of a raster, or None for each.

    ``info``: a rasters.RasterInfo (or None); ``bands``: 1-based band numbers
    (None: all). Descriptions are kept only when some band has one;
    wavelengths only when some band's is known.
    """
    if info is None:
        return None, None
    desc = list(getattr(info, "descriptions", None) or [])
    wl = list(getattr(info, "wavelengths", None) or [])
    idx = [b - 1 for b in bands] if bands else list(range(int(info.count)))
    desc = [desc[i] for i in idx] if len(desc) == info.count else []
    wl = [wl[i] for i in idx] if len(wl) == info.count else []
    return (desc if any(desc) else None), (wl if any(w is not None for w in wl) else None)


def check_ratio(value) -> Optional[float]:
    """A RATIO value (None: from the pixel sizes); ValueError (for the user) unless > 1."""
    if value is None:
        return None
    value = float(value)
    if not np.isfinite(value) or value <= 1.0:
        raise ValueError(tr(
            "The resolution ratio must be greater than 1 (got {0}): it is the low-resolution "
            "pixel size divided by the high-resolution one. Leave RATIO empty to take it from "
            "the rasters.").format(f"{value:g}"))
    return value


def read_pair(high_path: str, low_path: str, ctx: Optional[RunContext] = None, ratio=None,
              high_bands=None, low_bands=None, **align_options):
    """The whole aligned pair in memory (rasters.align_pair, LOW_RES_RESAMPLING), logged on ``ctx``.

    For algorithms that need whole images (assess, train); fusion goes through `fuse_scene`.
    """
    from ..rasters import align_pair
    ctx = ctx or RunContext()
    align_options.setdefault("resampling", LOW_RES_RESAMPLING)
    pair = align_pair(high_path, low_path, ratio=check_ratio(ratio), high_bands=high_bands,
                      low_bands=low_bands, **align_options)
    ch, hh, wh = pair.high.shape
    cl, hl, wl = pair.low.shape
    ctx.info(tr("Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} "
                "band(s) of {4} x {5} px, ratio {6}, {7} nodata pixel(s).").format(
                    ch, wh, hh, cl, wl, hl, pair.ratio, int((~pair.valid).sum())))
    _warn_ratio(pair.plan, ctx)
    return pair


def _warn_ratio(plan, ctx: RunContext) -> None:
    if plan is not None and not plan.ratio_exact:
        ctx.warning(tr("The pixel sizes give a ratio of {0:.3f}; the low-resolution raster was resampled "
                       "to the whole ratio {1}.").format(0.5 * sum(plan.ratio_measured), plan.ratio))


def fuse_scene(high_path: str, low_path: str, out_path: str, method, ctx: Optional[RunContext] = None,
               ratio=None, high_bands=None, low_bands=None, tiling: Optional[Tiling] = None,
               output: Optional[dict] = None, uncertainty_path: Optional[str] = None,
               **align_options) -> dict:
    """Fuse a whole scene tile by tile into ``out_path``; returns {'OUTPUT': out_path}.

    Plans the alignment of ``low_path`` onto ``high_path``'s grid (no pixels read;
    ``ratio`` None: from the pixel sizes), computes the per-scene scale from a bounded
    sample of windows (`scene_sample`; the whole scene when it is small), lets the method
    learn once from those windows, then fuses the high-res grid in overlapping tiles
    (``tiling``, overridden by the method's own tile_size/overlap/pad; a small scene is one
    tile, so its result does not depend on tiling): each tile is read with ``pad`` pixels of
    context, fused, cropped to its core and blended into the output with raised-cosine
    weights over the overlap, which is written block by block (atomic). The output covers
    every pixel of the high raster inside the low raster's extent. Memory: one tile row of
    the output plus one padded tile.

    ``output``: GeoTiffWriter output options (output_type, cog, compression; see
    `algorithms.common.output_options`); the spectral input's type, nodata, FWHM and scale/offset
    are carried to the writer (`output_metadata`).

    ``method``: a `SceneMethod`, or a callable ``fuse(high01 (Ch, h, w), low01 (C, h/r, w/r),
    ratio, progress) -> (C, h, w)`` in [0, 1] scale. ``align_options`` go to
    rasters.plan_alignment (min_low_bands, require_single_high, resampling). On a CUDA
    out-of-memory error (learning or tiles) the tile size and the learning windows are halved
    and the run restarted once. ``uncertainty_path``: also write the per-band sigma (Float32, in
    the output's units, same grid, tiles and blending; returned as 'UNCERTAINTY'); the method
    must have ``fuse_tile_sigma(high, low, ratio, progress) -> (fused, sigma)``. Progress: 0-5 % reading, 5-25 % learning (when the method
    learns), then the tiles with their number and an ETA; raises Cancelled on cancel.
    """
    from ..rasters import plan_alignment
    ctx = ctx or RunContext()
    method = method if isinstance(method, SceneMethod) else SceneMethod(method)
    ctx.report(0.0, tr("Reading and aligning the inputs"))
    align_options.setdefault("resampling", LOW_RES_RESAMPLING)
    align_options.pop("fill", None)
    plan = plan_alignment(high_path, low_path, ratio=check_ratio(ratio), high_bands=high_bands,
                          low_bands=low_bands, **align_options)
    ctx.info(tr("Aligned inputs: high resolution {0} band(s) of {1} x {2} px, low resolution {3} "
                "band(s) of {4} x {5} px, ratio {6}.").format(
                    len(plan.high_bands), plan.out_width, plan.out_height, len(plan.low_bands),
                    plan.low_width, plan.low_height, plan.ratio))
    _warn_ratio(plan, ctx)
    samples = scene_sample(plan)
    if not any(s.valid.any() for s in samples):
        raise ValueError(tr(
            "The rasters have no pixel that is valid in both (all nodata, NaN or infinite in "
            "the overlap). Check the inputs' nodata values."))
    level = method.input_level(plan.ratio, len(plan.low_bands))
    scale = SceneScale.from_inputs([(s.high, s.valid) for s in samples]
                                   + [(s.low, s.low_valid) for s in samples], level=level)
    ctx.info(tr("Scene scale: values divided by {0:g} (the {1:g}th percentile of the "
                "valid input values, {2:g}, maps to {3:g}: the level the method was "
                "trained or tuned at).").format(scale.divisor, scale.percentile,
                                                 scale.maximum, scale.level))
    ctx.check_cancel()
    tiling = tiling or CLASSICAL
    tile = method.tile_size or tiling.tile
    overlap = method.overlap if method.overlap is not None else tiling.overlap
    pad = method.pad if method.pad is not None else tiling.pad
    scaled = [ScaledWindow(scale.forward(s.high), scale.forward(s.low), s.valid, s.low_valid)
              for s in samples]
    del samples
    start = 0.25 if method.learns else 0.05
    desc, wl = band_metadata(plan.low_info, low_bands or getattr(plan, "low_bands", None))
    writer_options = output_metadata(plan.low_info, low_bands or getattr(plan, "low_bands", None), output)
    learned = []

    def attempt(tile_size):
        # learning is inside the retried run: a GPU out-of-memory error there retries on half the windows
        if not learned:
            windows = scaled if tile_size == tile else _fewer_windows(scaled, plan.ratio)
            method.prepare(windows, plan.ratio, ctx.scoped(0.05, start))
            learned.append(True)
        # inside `distributed_scene.on_cluster` (fusediff run --scheduler) rows of tiles run on the
        # cluster's workers: same tile plan, weights and output
        from .distributed_scene import active_cluster, fuse_tiles_on_cluster
        cluster = active_cluster()
        from ..rasters.backend import bounded_gdal_cache
        with bounded_gdal_cache():
            if cluster is not None:
                fuse_tiles_on_cluster(cluster, plan, method, scale, tile_size, overlap, pad, out_path,
                                      (low_path, high_path), desc, wl, ctx, start, writer_options,
                                      uncertainty_path)
            else:
                _fuse_tiles(plan, method, scale, tile_size, overlap, pad, out_path, (low_path, high_path),
                            desc, wl, ctx, start, writer_options, uncertainty_path)

    run_with_oom_retry(attempt, tile, log=ctx.warning)
    ctx.info(tr("Wrote {0}").format(out_path))
    ctx.report(1.0, tr("Done"))
    if uncertainty_path:
        ctx.info(tr("Wrote {0}").format(uncertainty_path))
        return {"OUTPUT": out_path, "UNCERTAINTY": uncertainty_path}
    return {"OUTPUT": out_path}


def output_metadata(info, bands=None, output: Optional[dict] = None) -> dict:
    """GeoTiffWriter keywords for a fused output: ``output`` (output_type, cog, compression) plus
    the spectral input's stored type, FWHM and scale/offset of the chosen bands, and its nodata
    value when the output keeps the input's type. Empty for the default float32 output of an
    input without FWHM or scale/offset (the writer's defaults)."""
    opts = dict(output or {})
    if info is None:
        return opts
    idx = [b - 1 for b in bands] if bands else list(range(int(info.count)))

    def pick(values):
        values = list(values or [])
        return [values[i] for i in idx] if len(values) == info.count else None
    fw = pick(getattr(info, "fwhms", None))
    if fw and any(f is not None for f in fw):
        opts["fwhm"] = fw
    scales, offsets = pick(getattr(info, "scales", None)), pick(getattr(info, "offsets", None))
    if scales and offsets and (any(s != 1.0 for s in scales) or any(o != 0.0 for o in offsets)):
        opts["scales"], opts["offsets"] = scales, offsets
    if opts.get("output_type"):
        opts["input_dtype"] = info.dtype
        if opts["output_type"] == 1 and info.nodata is not None:
            opts["nodata"] = info.nodata
    return opts


def scene_tiles(plan, tile_size: int, overlap: int) -> list:
    """The tiles of a tiled pass over the aligned grid (rasters.tile_grid, row-major): ``tile_size``
    (high-res pixels), raised to at least two overlaps plus one low-res pixel."""
    from ..rasters import tile_grid
    r = plan.ratio
    size = max(int(tile_size), 2 * r * max(1, -(-int(overlap) // r)) + r)
    return tile_grid(plan.height, plan.width, size, int(overlap), r)


def fuse_window(method, scale, win, ratio: int, bands: int, progress, sigma: bool = False) -> tuple:
    """Fuse one padded window (rasters.read_aligned_window) -> (fused, sigma, valid) on its core.

    fused and sigma: (bands, h, w) float32 in the input's units (sigma None unless ``sigma``: then
    the method's ``fuse_tile_sigma``); valid: (h, w) bool. A core without a valid pixel is not
    fused (zeros). RuntimeError when the method returns another shape. The tile step of both the
    single-machine pass and a row of tiles on a Dask worker (`distributed_scene.fuse_row`).
    """
    rs, cs = win.core
    valid = win.valid[rs, cs]
    if not valid.any():
        zeros = np.zeros((bands,) + valid.shape, np.float32)
        return zeros, (zeros if sigma else None), valid
    high, low = scale.forward(win.high), scale.forward(win.low)
    if sigma:
        fused, unc = method.fuse_tile_sigma(high, low, ratio, progress)
    else:
        fused, unc = method.fuse_tile(high, low, ratio, progress), None
    expected = (bands,) + tuple(win.high.shape[1:])
    out = []
    for a in (fused, unc):
        if a is None:
            out.append(None)
            continue
        a = np.asarray(a)
        if a.shape != expected:
            raise RuntimeError(f"fusion returned shape {a.shape}, expected {expected}")
        out.append(scale.inverse(a[:, rs, cs]))
    return out[0], out[1], valid


def open_outputs(stack, plan, bands: int, out_path: str, desc, wl, protect, threads: int,
                 writer_options=None, unc_path=None) -> tuple:
    """Open the fused output (and the uncertainty) on the ExitStack ``stack`` -> (sink, unc_sink):
    `rasters.EdgeExtendingSink` over a `BackgroundWriter` over an atomic `GeoTiffWriter` on the
    plan's grid (unc_sink None without ``unc_path``). The uncertainty is Float32 whatever
    ``writer_options`` say, with the output's band names, wavelengths, FWHM and the input's scale
    (offset 0), and never replaces the output or an input."""
    from ..rasters import BackgroundWriter, EdgeExtendingSink, GeoTiffWriter

    def sink(path, **options):
        writer = stack.enter_context(GeoTiffWriter(path, plan.out_width, plan.out_height, bands, plan.crs,
                                                   plan.transform, descriptions=desc, wavelengths=wl,
                                                   threads=threads, **options))
        return EdgeExtendingSink(stack.enter_context(BackgroundWriter(writer)), plan.height, plan.width,
                                 plan.extra_rows, plan.extra_cols)
    options = writer_options or {}
    main = sink(out_path, protect=tuple(protect), **options)
    unc = sink(unc_path, protect=tuple(protect) + (out_path,), **uncertainty_options(options)) if unc_path else None
    return main, unc


def uncertainty_options(writer_options: Optional[dict]) -> dict:
    """GeoTiffWriter keywords of the UNCERTAINTY raster from the output's (`output_metadata`):
    Float32 always, the FWHM, and the input's scale with offset 0 -- sigma is a difference of
    values in the input's stored units, so it carries the scale (QGIS and GDAL then show it in the
    output's physical units) but no offset."""
    options = writer_options or {}
    out = {"fwhm": options["fwhm"]} if options.get("fwhm") else {}
    if options.get("scales"):
        out["scales"] = list(options["scales"])
        out["offsets"] = [0.0] * len(options["scales"])
    return out


def _fuse_tiles(plan, method, scale, tile_size, overlap, pad, out_path, protect, desc, wl, ctx, start,
                writer_options=None, unc_path=None) -> None:
    """One tiled pass over the aligned grid into ``out_path`` (and the sigma into ``unc_path``
    when given, blended like the output: a weighted mean of the tiles' sigma; see `fuse_scene`)."""
    import contextlib
    from concurrent.futures import ThreadPoolExecutor

    from ..rasters import TileAccumulator, read_aligned_window
    r = plan.ratio
    tiles = scene_tiles(plan, tile_size, overlap)
    n_out = len(plan.low_bands)
    if len(tiles) > 1:
        # the grid's tiles are equal-sized and at most tile_size: report the size they have
        ctx.info(tr("Processing {0} tiles of {1} x {1} px (overlap {2} px).")
                 .format(len(tiles), max(tiles[0].height, tiles[0].width), overlap))
    eta = EtaClock(len(tiles))

    def bar(fraction, message=""):
        ctx.report(start + (0.95 - start) * fraction, message)

    def read_tile(t):
        return read_aligned_window(plan, t.row_off, t.col_off, t.height, t.width, pad=pad)

    # the next tile is read, and finished rows are compressed and written, on worker threads
    # while a tile is fused (I/O was a third of a 4000 x 4000 KSDiff run)
    with contextlib.ExitStack() as stack, \
            ThreadPoolExecutor(1, thread_name_prefix="fusediff-read") as reader:
        sink, unc_sink = open_outputs(stack, plan, n_out, out_path, desc, wl, protect,
                                      ctx.threads or os.cpu_count() or 1, writer_options, unc_path)
        acc = TileAccumulator(sink, n_out, plan.height, plan.width, overlap)
        unc_acc = TileAccumulator(unc_sink, n_out, plan.height, plan.width, overlap) if unc_sink else None
        pending = reader.submit(read_tile, tiles[0])
        for i, t in enumerate(tiles):
            label = eta.label(i)
            bar(i / len(tiles), label)
            win = pending.result()
            pending = reader.submit(read_tile, tiles[i + 1]) if i + 1 < len(tiles) else None
            f0 = start + (0.95 - start) * i / len(tiles)
            f1 = start + (0.95 - start) * (i + 1) / len(tiles)
            fused, sigma, valid = fuse_window(method, scale, win, r, n_out,
                                              ctx.scoped(f0, f1, f"{label}: " if label else ""),
                                              sigma=unc_acc is not None)
            acc.add(fused, t.row_off, t.col_off, valid=valid)
            if unc_acc is not None:
                unc_acc.add(sigma, t.row_off, t.col_off, valid=valid)
            del win, fused, sigma
            eta.done(i + 1)
        ctx.check_cancel()
        bar(1.0, tr("Writing the output"))
        acc.finish()
        if unc_acc is not None:
            unc_acc.finish()
