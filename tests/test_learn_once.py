"""Self-learning methods (SDP, ARGS-Diff, DM-ZS) on a multi-tile scene: they learn once from
windows sampled across the scene, then solve tile by tile; the output is georeferenced,
finite and has no seams. Also the pooling helpers of models/scene.py."""
from __future__ import annotations

import numpy as np
import pytest
import torch

import scenes
from fusediff.models import scene

# ---------------------------------------------------------------------------
# models/scene.py
# ---------------------------------------------------------------------------


def _window(seed, C=5, c=2, h=10, r=2, invalid=None):
    g = torch.Generator().manual_seed(seed)
    low = torch.rand(C, h, h, generator=g)
    high = torch.rand(c, r * h, r * h, generator=g)
    lv = None
    if invalid is not None:
        lv = np.ones((h, h), bool)
        lv[invalid] = False
    return low.numpy(), high.numpy(), lv


def test_lr_spectra_pools_valid_pixels_and_thins():
    a = _window(0)
    b = _window(1, invalid=(slice(0, 2), slice(None)))
    windows = scene.as_windows([a, b])
    assert windows[0].low_valid is None  # an all-valid window keeps no mask
    s = scene.lr_spectra(windows)
    assert s.shape == (100 + 80, 5)
    assert torch.equal(s[:100], torch.from_numpy(a[0]).reshape(5, -1).T)
    assert torch.equal(s[100:], torch.from_numpy(b[0])[:, 2:].reshape(5, -1).T)
    thin = scene.lr_spectra(windows, max_spectra=50)
    assert thin.shape[0] <= 50 and torch.equal(thin[0], s[0])


def test_estimation_pair_one_window_is_itself_and_mosaic_masks_seams():
    a = _window(0)
    high, low, valid = scene.estimation_pair(scene.as_windows([a]), 2, margin=2)
    assert valid is None and np.array_equal(low, a[0]) and np.array_equal(high, a[1])
    wins = scene.as_windows([_window(i, invalid=(4, 5) if i == 1 else None) for i in range(3)])
    high, low, valid = scene.estimation_pair(wins, 2, margin=2)
    # 3 windows -> 2 x 2 cells of 10 LR (20 HR) pixels, the fourth empty
    assert low.shape == (5, 20, 20) and high.shape == (2, 40, 40)
    assert np.array_equal(low[:, :10, 10:], wins[1].low[0].numpy())
    assert np.array_equal(high[:, :20, 20:], wins[1].high[0].numpy())
    assert not valid[:, 8:12].any() and not valid[8:12].any()   # margins around the cells' edges
    assert valid[2:8, 2:8].all() and not valid[10:, 10:].any()  # inner part valid; the empty cell not
    assert not valid[4, 15] and valid[4, 14]                     # window 1's nodata pixel (4, 5) stays out


# ---------------------------------------------------------------------------
# through the engine: learn once, tiles without seams
# ---------------------------------------------------------------------------

FAST = {
    "sdp": dict(LAYERS=1, TRAIN_ITERS=20, BATCH_SIZE=32, STEPS=3, INNER_STEPS=1, SEED=0, DEVICE=1),
    "argsdiff": dict(UNET_WIDTH=8, UNET_LEVELS=2, SPATIAL_ITERS=20, SPATIAL_BATCH=2, PATCH=16,
                     SPECTRAL_ITERS=20, SPECTRAL_BATCH=4, STEPS=4, SEED=0, DEVICE=1),
    "dmzs": {"STEPS": 3, "GUIDE_ITERS": 12, "GUIDE_WIDTH": 8, "GUIDE_LAYERS": 2, "NSSD_FIRST_ITERS": 20,
             "NSSD_ITERS": 1, "NSSD_FINAL_ITERS": 5, "REFINE_ITERS": 30, "RANK": 3, "NSSD_WIDTH": 8,
             "DEVICE": 1, "SEED": 0},
}
SIZE, RATIO, TILE, OVERLAP, PAD = 96, 4, 32, 8, 8


def _inputs(method, folder):
    """(params, high raster path, reference cube): a 96 x 96 high-res scene at ratio 4."""
    if method == "dmzs":
        from test_dmzs import _tiny_prior_file
        hsi, pan, _ref, cube = scenes.pansharpening_pair(folder, ratio=RATIO, size=SIZE, seed=2, bands=6)
        return dict(FAST[method], HSI=hsi, PAN=pan, PRIOR=2, PRIOR_FILE=_tiny_prior_file(folder)), pan, cube
    from test_hsimsi_algorithms import _pair
    hsi, msi, cube, srf = _pair(folder, ratio=RATIO, size=SIZE)
    return dict(FAST[method], HSI=hsi, MSI=msi), msi, cube


@pytest.mark.parametrize("method", ["sdp", "argsdiff", "dmzs"])
def test_multi_tile_learns_once_without_seams(tmp_path, monkeypatch, method):
    """Through the engine (no QGIS): the registry entry's tiling, one torch thread from the context."""
    import dataclasses
    import importlib

    import rasterio

    from fusediff.engine import scene as base
    from fusediff.engine.context import RunContext
    from fusediff.engine.methods import METHODS
    from fusediff.engine.run import run_algorithm
    from fusediff.engine.tiling import Tiling
    from fusediff.rasters import tile_grid

    module = importlib.import_module(f"fusediff.models.{method}")
    calls = {"learn": [], "tiles": 0}
    learn, fuse_tile = module.learn, module.fuse_tile

    def counting_learn(samples, *args, **kwargs):
        calls["learn"].append(len(samples))
        return learn(samples, *args, **kwargs)

    def counting_tile(*args, **kwargs):
        calls["tiles"] += 1
        return fuse_tile(*args, **kwargs)

    monkeypatch.setattr(module, "learn", counting_learn)
    monkeypatch.setattr(module, "fuse_tile", counting_tile)
    # learn from 2 x 2 windows of 64 px sampled across the scene (as a large scene would)
    monkeypatch.setattr(base, "SAMPLE_FULL_PIXELS", 100)
    monkeypatch.setattr(base, "SAMPLE_WINDOW", 64)
    monkeypatch.setattr(base, "SAMPLE_GRID", 2)
    params, high, cube = _inputs(method, tmp_path)

    def run(tile, name):
        monkeypatch.setitem(METHODS, method, dataclasses.replace(METHODS[method], tiling=Tiling(tile, OVERLAP, PAD)))
        out = tmp_path / name
        # one torch thread: these tensors are tiny, and a loaded machine makes more threads much slower
        run_algorithm(method, dict(params, OUTPUT=str(out)), RunContext(threads=1))
        with rasterio.open(out) as dst, rasterio.open(high) as src:
            assert dst.shape == src.shape and dst.count == cube.shape[0]
            assert dst.transform == src.transform and dst.crs == src.crs
            return dst.read().astype(np.float64)

    tiled = run(TILE, "tiled.tif")
    tiles = tile_grid(SIZE, SIZE, TILE, OVERLAP, RATIO)
    assert len(tiles) > 4
    assert calls == {"learn": [4], "tiles": len(tiles)}  # learned once from the 4 windows
    one = run(4096, "one.tif")
    assert calls == {"learn": [4, 4], "tiles": len(tiles) + 1}
    assert np.isfinite(tiled).all() and abs(tiled.mean() / cube.mean() - 1) < 0.3
    # the same learned model per tile: tiling changes the result only a little
    assert np.abs(tiled - one).mean() < 0.1 * np.abs(one).mean()

    # no seams: the tiled-minus-untiled difference jumps no more across tile edges than inside tiles
    edges = sorted({t.col_off for t in tiles if t.col_off > 0})
    gaps = np.array(edges) - 1
    inside = np.setdiff1d(np.arange(SIZE - 1), np.concatenate([gaps - 1, gaps, gaps + 1]))
    step = np.abs(np.diff(tiled - one, axis=2)).mean(axis=(0, 1))
    print(method, "step of the difference at tile edges", step[gaps].mean(), "inside", step[inside].mean())
    assert step[gaps].mean() <= 1.25 * step[inside].mean()
