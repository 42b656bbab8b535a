"""Tiled fusion in bounded memory (engine.scene.fuse_scene): tiled == untiled for local
methods, no seams, the output covers the whole high-res grid, scale from a bounded sample,
learn-once hook, ETA text, cancel mid-way, GPU out-of-memory retry (also while learning).
Runs without QGIS: through the engine (`run_algorithm`, `fuse_scene`) directly.
"""
from __future__ import annotations

import numpy as np
import pytest
import rasterio

import scenes
from fusediff.engine import scene as base
from fusediff.engine.context import RunContext
from fusediff.engine.errors import Cancelled
from fusediff.engine.run import run_algorithm


class Recorder(RunContext):
    """A RunContext that records progress texts and warnings, and can cancel on a text."""

    def __init__(self, cancel_at=None):
        super().__init__(threads=1)
        self.texts, self.warnings, self.cancelled = [], [], False
        self.warning = self.warnings.append
        self.is_cancelled = lambda: self.cancelled
        self.cancel_at = cancel_at

        def progress(fraction, message=""):
            if message and (not self.texts or self.texts[-1] != message):
                self.texts.append(message)
                if self.cancel_at and message.startswith(self.cancel_at):
                    self.cancelled = True
        self.progress = progress


def run(alg, params, ctx=None):
    """run_algorithm with a quiet one-thread context."""
    return run_algorithm(alg.split(":")[-1], params, ctx or Recorder())


def fuse(ms, pan, out, method, ctx=None):
    """fuse_scene of a test method (an MS of 2+ bands)."""
    return base.fuse_scene(pan, ms, str(out), method, ctx or Recorder(), min_low_bands=2)


def _read(path):
    with rasterio.open(path) as ds:
        return ds.read().astype(np.float64), ds.transform, (ds.height, ds.width)


@pytest.fixture
def big_pair(tmp_path):
    """A 192 x 192 PAN and 4-band 96 x 96 MS (ratio 2): many 64-px tiles."""
    return scenes.pansharpening_pair(tmp_path, ratio=2, size=192, seed=3)


def _tiles(monkeypatch, tile, overlap, pad, method="classical"):
    """Set a method's tiling in the method registry (where every front end takes it from)."""
    import dataclasses

    from fusediff.engine.methods import METHODS
    from fusediff.engine.tiling import Tiling
    monkeypatch.setitem(METHODS, method, dataclasses.replace(METHODS[method], tiling=Tiling(tile, overlap, pad)))


def _local_fusion(high, low, ratio, progress):
    """A purely local pansharpener (cubic upsampling + PAN high-pass): tiles must reproduce it."""
    from fusediff.models import kernels
    up = kernels.upsample_np(low, ratio, 0.0, "cubic")
    detail = high[0] - kernels.blur_np(high[:1].astype(np.float64), kernels.gauss9_psf(ratio))[0]
    return (up + detail[None]).astype(np.float32)


def test_tiled_equals_untiled_local_method(tmp_path, big_pair, monkeypatch):
    """Padded, blended tiles of a local method equal its one-tile result to float precision."""
    ms, pan, _ref, _cube = big_pair
    fuse(ms, pan, tmp_path / "one.tif", base.SceneMethod(_local_fusion))
    fuse(ms, pan, tmp_path / "tiled.tif", base.SceneMethod(_local_fusion, tile_size=64, overlap=16, pad=32))
    one, _, _ = _read(tmp_path / "one.tif")
    tiled, _, _ = _read(tmp_path / "tiled.tif")
    assert one.shape == tiled.shape == (4, 192, 192)
    assert np.allclose(tiled, one, rtol=1e-5, atol=1e-5 * one.max()), np.abs(tiled - one).max()


@pytest.mark.parametrize("method", [0, 1, 2])
def test_tiled_classical_close_to_untiled(tmp_path, big_pair, monkeypatch, method):
    """Brovey, GSA and MTF-GLP-HPM equalise the PAN / fit their gains on the pixels they get,
    so tiles make them locally adaptive: close to the one-tile result (relative RMS < 1%),
    not equal."""
    ms, pan, _ref, _cube = big_pair
    run("fusediff:classical", {"METHOD": method, "MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "one.tif")})
    _tiles(monkeypatch, 64, 16, 64)
    ctx = Recorder()
    run("fusediff:classical", {"METHOD": method, "MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "tiled.tif")}, ctx)
    texts = ctx.texts
    one, t1, _ = _read(tmp_path / "one.tif")
    tiled, t2, _ = _read(tmp_path / "tiled.tif")
    assert t1 == t2 and one.shape == tiled.shape
    rel = np.sqrt(np.mean((tiled - one) ** 2)) / np.sqrt(np.mean(one ** 2))
    print("tiled vs untiled, method", method, "relative RMS difference", rel)
    assert rel < 0.01
    # Progress text: tile count and, after the first tile, the time left.
    assert any(t.startswith("tile 1/16") for t in texts)
    assert any("left" in t and t.startswith("tile 16/16") for t in texts), texts[-5:]


def landsat_pair(folder, size=256, scene="01"):
    """Real Landsat-7 PAN (size x size, 15 m) and MS (B, G, R, NIR; 30 m) GeoTIFFs, MS pixels
    covering 2 x 2 PAN pixels (same origin). Skips without ../shared/data."""
    from scipy.io import loadmat
    from conftest import shared_data
    root = shared_data("pansharpening", "landsat7")
    pan = loadmat(root / f"{scene}_pan.mat")["cropped_gray"][:size, :size].astype(np.float32)
    ms = loadmat(root / f"{scene}_ms.mat")["cropped_im"][:size // 2, :size // 2, [2, 1, 0, 3]]
    th = scenes.high_transform(pixel=15.0)
    return (scenes.write(folder / "l7_ms.tif", np.transpose(ms, (2, 0, 1)).astype(np.float32),
                         th * rasterio.Affine.scale(2)),
            scenes.write(folder / "l7_pan.tif", pan, th))


@pytest.mark.parametrize("kind", ["gsa", "offset"])
def test_no_seams(tmp_path, monkeypatch, kind):
    """Tiles blend without seams: steps across tile edges are no larger than inside tiles.

    gsa: real GSA, whose gains are fitted per tile. offset: a local method plus a random
    constant per tile (like independent diffusion samples per tile), where a hard seam would
    jump by the whole offset. Real Landsat-7 data (detail everywhere)."""
    ms, pan = landsat_pair(tmp_path)
    rng = np.random.default_rng(0)

    def offset_fusion(high, low, ratio, progress):
        return _local_fusion(high, low, ratio, progress) + np.float32(rng.uniform(-0.05, 0.05))

    def fused(tile, out):
        if kind == "offset":
            fuse(ms, pan, out, base.SceneMethod(offset_fusion, tile_size=tile, overlap=16, pad=16))
        else:
            _tiles(monkeypatch, tile, 16, 16)
            run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(out)})

    out = tmp_path / "tiled.tif"
    fused(64, out)
    tiled, _, _ = _read(out)
    fused(4096, tmp_path / "one.tif")
    one, _, _ = _read(tmp_path / "one.tif")
    from fusediff.rasters import tile_grid
    tiles = tile_grid(256, 256, 64, 16, 2)
    # Tile edges (core boundaries) along x: where a seam without blending would be.
    edges = sorted({t.col_off for t in tiles if t.col_off > 0} | {t.col_off + t.width for t in tiles
                                                                   if t.col_off + t.width < 256})
    def steps(img):  # mean |difference| between horizontal neighbours, per column gap
        return np.abs(np.diff(img, axis=2)).mean(axis=(0, 1))

    gaps = np.array([e - 1 for e in edges])
    inside = np.setdiff1d(np.arange(255), np.concatenate([gaps - 1, gaps, gaps + 1]))
    s_tiled, s_one, s_err = steps(tiled), steps(one), steps(tiled - one)
    # Steps across tile edges, relative to the untiled image's steps there, are no larger than
    # inside tiles (per-tile gains make GSA's detail a little stronger everywhere, not at edges).
    ratio_seams = s_tiled[gaps].mean() / s_one[gaps].mean()
    ratio_inside = s_tiled[inside].mean() / s_one[inside].mean()
    # The change tiling makes jumps no more across a tile edge than between other neighbours.
    err_seams, err_inside = s_err[gaps].mean(), s_err[inside].mean()
    print("step ratio tiled/untiled at tile edges", ratio_seams, "inside", ratio_inside,
          "| step of the difference at edges", err_seams, "inside", err_inside)
    assert ratio_seams <= 1.01 * ratio_inside
    assert err_seams <= 1.1 * err_inside


def test_output_covers_whole_pan_grid(tmp_path):
    """A PAN whose size is not a multiple of the ratio: the output still has the PAN's size."""
    cube = scenes.reference_cube(4, 66, seed=5)
    th = scenes.high_transform()
    pan = scenes.write(tmp_path / "pan.tif", cube.mean(axis=0)[:65, :63], th)
    # MS covering the PAN entirely (33 x 32 low pixels of 2 PAN pixels).
    ms = scenes.write(tmp_path / "ms.tif", scenes.degrade(cube, 2)[:, :33, :32], scenes.low_transform(th, 2))
    out = tmp_path / "out.tif"
    run("fusediff:classical", {"METHOD": 2, "MS": ms, "PAN": pan, "OUTPUT": str(out)})
    fused, t, shape = _read(out)
    assert shape == (65, 63)
    assert t == th
    assert np.isfinite(fused).all() and (fused > -9000).all()
    # The extra row/column repeats its neighbour (nearest computed pixel).
    assert np.array_equal(fused[:, 64], fused[:, 63]) and np.array_equal(fused[:, :, 62], fused[:, :, 61])


def test_plan_extra_rows_and_sink(tmp_path):
    from fusediff.rasters import EdgeExtendingSink, plan_alignment
    cube = scenes.reference_cube(3, 70, seed=2)
    th = scenes.high_transform()
    pan = scenes.write(tmp_path / "pan.tif", cube.mean(axis=0)[:67, :70], th)
    ms = scenes.write(tmp_path / "ms.tif", scenes.degrade(cube, 4)[:, :17, :18], scenes.low_transform(th, 4))
    plan = plan_alignment(pan, ms)
    assert (plan.height, plan.width, plan.out_height, plan.out_width) == (64, 68, 67, 70)

    class Sink:
        def __init__(self):
            self.out = np.zeros((1, 67, 70))
            self.mask = np.zeros((67, 70), bool)

        def write(self, a, r, c, mask=None):
            self.out[:, r:r + a.shape[1], c:c + a.shape[2]] = a
            self.mask[r:r + a.shape[1], c:c + a.shape[2]] = mask

    sink = Sink()
    ext = EdgeExtendingSink(sink, 64, 68, 3, 2)
    data = np.arange(64 * 68, dtype=float).reshape(1, 64, 68)
    ext.write(data[:, :32], 0, 0, mask=np.ones((32, 68), bool))
    ext.write(data[:, 32:], 32, 0, mask=np.ones((32, 68), bool))
    assert sink.mask.all()
    assert np.array_equal(sink.out[0, 66, :68], data[0, 63]) and sink.out[0, 10, 69] == data[0, 10, 67]


def test_scene_sample_is_bounded(tmp_path, monkeypatch):
    from fusediff.engine.scaling import SceneScale
    from fusediff.rasters import plan_alignment
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=2, size=192, seed=1)
    plan = plan_alignment(pan, ms)
    whole = base.scene_sample(plan)
    assert len(whole) == 1 and whole[0].high.shape[1:] == (192, 192)
    monkeypatch.setattr(base, "SAMPLE_FULL_PIXELS", 100)
    monkeypatch.setattr(base, "SAMPLE_WINDOW", 32)
    monkeypatch.setattr(base, "SAMPLE_GRID", 3)
    windows = base.scene_sample(plan)
    assert len(windows) == 9 and all(w.high.shape[1:] == (32, 32) for w in windows)
    starts = sorted({w.grid_window[0] for w in windows})
    assert starts[0] == 0 and starts[-1] == 160  # spread over the whole scene
    s_whole = SceneScale.from_inputs([(w.high, w.valid) for w in whole])
    s_part = SceneScale.from_inputs([(w.high, w.valid) for w in windows])
    assert abs(s_part.maximum / s_whole.maximum - 1) < 0.1


def test_prepare_once_then_tiles(tmp_path, big_pair, monkeypatch):
    """A SceneMethod learns once from samples, then fuses each tile."""
    from fusediff.models import classical
    calls = {"prepare": 0, "tiles": 0}

    class Learner(base.SceneMethod):
        tile_size, overlap, pad = 64, 16, 32

        def prepare(self, samples, ratio, progress):
            calls["prepare"] += 1
            assert ratio == 2 and samples[0].high.max() <= 1.5
            progress(0.5, "learning")

        def fuse_tile(self, high, low, ratio, progress):
            calls["tiles"] += 1
            return classical.fuse("brovey", high, low, ratio)

    fuse(big_pair[0], big_pair[1], tmp_path / "l.tif", Learner())
    assert calls == {"prepare": 1, "tiles": 16}


def test_cancel_mid_way_leaves_no_output(tmp_path, big_pair, monkeypatch):
    ms, pan, _ref, _cube = big_pair
    _tiles(monkeypatch, 64, 16, 16)
    ctx = Recorder(cancel_at="tile 8/")  # half-way through the tiles
    seen = ctx.texts
    with pytest.raises(Cancelled):
        run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "c.tif")}, ctx)
    assert any(t.startswith("tile 8/") for t in seen)
    assert not any(p.name.startswith(("c.tif", ".c.tif")) for p in tmp_path.iterdir())


def test_eta_label():
    from fusediff.engine.tiling import EtaClock
    now = [0.0]
    eta = EtaClock(140, clock=lambda: now[0])
    assert eta.label(0) == "tile 1/140"
    now[0] = 12 * 1.5  # 12 tiles in 18 s: 128 left * 1.5 s = 192 s
    eta.done(12)
    assert eta.label(12) == "tile 13/140, ~3 min left"
    now[0] = 139 * 1.5
    eta.done(139)
    assert eta.label(139) == "tile 140/140, ~2 s left"
    assert EtaClock(1).label(0) == ""


class FakeOOM(RuntimeError):
    """Stands in for torch.cuda.OutOfMemoryError (same class name)."""


FakeOOM.__name__ = "OutOfMemoryError"


def test_oom_retry_halves_tile_once():
    from fusediff.engine.tiling import is_cuda_oom, run_with_oom_retry
    assert is_cuda_oom(FakeOOM("x")) and is_cuda_oom(RuntimeError("CUDA out of memory. Tried ..."))
    assert not is_cuda_oom(RuntimeError("shape mismatch")) and not is_cuda_oom(MemoryError())
    sizes, logs = [], []

    def run_once_oom(tile):
        sizes.append(tile)
        if len(sizes) == 1:
            raise FakeOOM("CUDA out of memory")
        return "ok"

    assert run_with_oom_retry(run_once_oom, 512, log=logs.append) == "ok"
    assert sizes == [512, 256] and "256" in logs[0]

    sizes.clear()

    def always_oom(tile):
        sizes.append(tile)
        raise FakeOOM("CUDA out of memory")

    with pytest.raises(ValueError, match="ran out of memory even with tiles of 256 px"):
        run_with_oom_retry(always_oom, 512)
    assert sizes == [512, 256]  # retried once, not more

    def other_error(tile):
        raise KeyError("bug")

    with pytest.raises(KeyError):
        run_with_oom_retry(other_error, 512)


def test_oom_in_fuse_scene_retries_with_half_tiles(tmp_path, big_pair, monkeypatch):
    """A GPU out-of-memory error on a tile of 128 px: the run restarts once with 64-px tiles,
    logs it, and writes a complete output."""
    sizes = []

    def fuse(high, low, ratio, progress):
        sizes.append(high.shape[1])
        # "does not fit": the 128-px run's tiles (192 px split into two of 104, 120 with context);
        # the 64-px run's (four of 60, at most 92 with context) fit
        if max(high.shape[1:]) > 100:
            raise FakeOOM("CUDA out of memory. Tried to allocate 2.00 GiB")
        return _local_fusion(high, low, ratio, progress)

    ctx = Recorder()
    warnings = ctx.warnings
    out = tmp_path / "oom.tif"
    globals()["fuse"](big_pair[0], big_pair[1], out, base.SceneMethod(fuse, tile_size=128, overlap=16, pad=16), ctx)
    assert any("retrying with tiles of 64 px" in w for w in warnings), warnings
    assert sizes[0] > 100 and max(sizes[1:]) <= 100
    fused, _, shape = _read(out)
    assert shape == (192, 192) and np.isfinite(fused).all()


# --------------------------------------------------------------------------
# a torch algorithm (KSDiff) through the same tiling
# --------------------------------------------------------------------------

@pytest.fixture
def ksdiff_local_weights(tmp_path):
    """A KSDiff weights file whose network does real work: random output head and fusion conv (the
    untrained net would just return the LMS) and random kernel-generator cores, so the latent code
    really modulates the kernels. The scene's code and kernels are computed once (from the whole
    scene when it is small), so every tile runs the same network."""
    import torch
    from fusediff.models import ksdiff as K
    torch.manual_seed(0)
    model = K.KSDiffModel(4)
    with torch.no_grad():
        for conv in (model.pansharpener.head.conv, model.pansharpener.fuse):
            conv.weight.normal_(0.0, 0.05)
        for mod in (model.pansharpener.mod_mid, model.pansharpener.mod_head):
            mod.core[-1].weight.normal_(0.0, 0.2)
    return K.save_weights(tmp_path / "ksdiff_local.pt", model,
                          {"ratio": 2, "band_order": ["Blue", "Green", "Red", "NIR"], "data": "test"})


def _ksdiff_tiles(monkeypatch, tile, overlap, pad):
    _tiles(monkeypatch, tile, overlap, pad, method="ksdiff")


def test_ksdiff_tiled_equals_untiled(tmp_path, big_pair, ksdiff_local_weights, monkeypatch):
    """fusediff:ksdiff in 16 tiles of 64 px (origins multiples of 4, the network's period; pad 64
    beyond its receptive field of about 50 px) equals the one-tile result to float precision."""
    ms, pan, _ref, _cube = big_pair
    params = {"MS": ms, "PAN": pan, "WEIGHTS_FILE": str(ksdiff_local_weights), "DEVICE": 1}
    run("fusediff:ksdiff", {**params, "OUTPUT": str(tmp_path / "one.tif")})
    _ksdiff_tiles(monkeypatch, 64, 16, 64)
    run("fusediff:ksdiff", {**params, "OUTPUT": str(tmp_path / "tiled.tif")})
    one, t1, _ = _read(tmp_path / "one.tif")
    tiled, t2, _ = _read(tmp_path / "tiled.tif")
    assert t1 == t2 and one.shape == tiled.shape == (4, 192, 192)
    ms_up = np.repeat(np.repeat(_read(ms)[0], 2, axis=1), 2, axis=2)
    # the network changes the LMS (the test would be empty if it returned it unchanged)
    assert np.abs(one - ms_up).mean() > 0.01 * ms_up.mean()
    assert np.allclose(tiled, one, rtol=1e-4, atol=1e-4 * one.max()), np.abs(tiled - one).max()


def test_ksdiff_cancel_mid_way_leaves_no_output(tmp_path, big_pair, ksdiff_local_weights, monkeypatch):
    """Cancelling fusediff:ksdiff half-way through its tiles stops it and leaves no file."""
    ms, pan, _ref, _cube = big_pair
    _ksdiff_tiles(monkeypatch, 64, 16, 16)
    ctx = Recorder(cancel_at="tile 8/")
    seen = ctx.texts
    with pytest.raises(Cancelled):
        run("fusediff:ksdiff", {"MS": ms, "PAN": pan, "WEIGHTS_FILE": str(ksdiff_local_weights), "DEVICE": 1,
                                "OUTPUT": str(tmp_path / "c.tif")}, ctx)
    assert any(t.startswith("tile 8/") for t in seen)
    assert not any(t.startswith("tile 9/") for t in seen)  # stopped at the cancel, not at the end
    assert not any(p.name.startswith(("c.tif", ".c.tif")) for p in tmp_path.iterdir())


def test_oom_while_learning_retries_on_fewer_windows(tmp_path, big_pair, monkeypatch):
    """A GPU out-of-memory error in `prepare` (learning) is retried once, on half the windows."""
    monkeypatch.setattr(base, "SAMPLE_FULL_PIXELS", 100)
    monkeypatch.setattr(base, "SAMPLE_WINDOW", 64)
    monkeypatch.setattr(base, "SAMPLE_GRID", 2)
    seen = []

    class Learner(base.SceneMethod):
        def prepare(self, samples, ratio, progress):
            seen.append(len(samples))
            if len(seen) == 1:
                raise FakeOOM("CUDA out of memory")

        def fuse_tile(self, high, low, ratio, progress):
            return _local_fusion(high, low, ratio, progress)

    ctx = Recorder()
    fuse(big_pair[0], big_pair[1], tmp_path / "l.tif", Learner(), ctx)
    assert seen == [4, 2] and any("retrying" in w for w in ctx.warnings)
    assert (tmp_path / "l.tif").exists()
