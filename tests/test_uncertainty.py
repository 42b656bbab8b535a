"""Uncertainty outputs (models/uncertainty.py): spread, calibration, judging, and KSDiff's
calibrated sigma on one real Landsat-7 scene (skipped without the shared data)."""
import numpy as np
import pytest
import torch

from fusediff.models import uncertainty as U


@pytest.fixture(autouse=True)
def _one_thread():
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)


def test_spread_zero_where_samples_agree_and_hand_computed():
    # 3 samples of a (1, 1, 3) image: pixel 0 agrees, pixel 1 is {0, 0, 3}, pixel 2 is {1, 2, 3}
    s = torch.tensor([[[[1.0, 0.0, 1.0]]], [[[1.0, 0.0, 2.0]]], [[[1.0, 3.0, 3.0]]]])
    out = U.spread(s)
    assert out.shape == (1, 1, 3)
    assert out[0, 0, 0] == 0
    assert out[0, 0, 1].item() == pytest.approx(np.sqrt(2.0))          # mean 1: (1 + 1 + 4) / 3
    assert out[0, 0, 2].item() == pytest.approx(np.sqrt(2.0 / 3.0))    # mean 2: (1 + 0 + 1) / 3
    # doubling the spread of the samples doubles sigma; numpy in, numpy out
    assert np.allclose(U.spread((2 * s).numpy()), 2 * out.numpy())
    # the running form (used on scenes) agrees, and so does sample_sigma with factor 1
    assert torch.allclose(U.sample_sigma(lambda i: s[i], 3), out.float())
    assert torch.allclose(U.sample_sigma(lambda i: s[i], 3, factor=2.5), 2.5 * out.float())


def test_local_spread_is_a_root_mean_square_over_the_window():
    s = torch.zeros(1, 5, 5)
    s[0, 2, 2] = 3.0
    out = U.local(s, 3)
    assert out[0, 2, 2].item() == pytest.approx(1.0)       # sqrt(9 / 9)
    assert out[0, 1, 1].item() == pytest.approx(1.0)
    assert out[0, 0, 0].item() == 0.0
    assert torch.equal(U.local(s, 1), s)
    const = torch.full((2, 4, 4), 0.7)
    assert torch.allclose(U.local(const, 3), const)


def test_calibration_recovers_a_known_scale():
    rng = np.random.default_rng(0)
    s = rng.uniform(0.01, 0.1, 200_000)
    err = 3.0 * s * rng.standard_normal(s.size)
    fit = U.calibrate(s, np.abs(err))
    assert fit["factor"] == pytest.approx(3.0, rel=0.02)
    j = U.judge(U.apply_calibration(s, fit["factor"])[None, None], err[None, None], np.zeros((1, 1, s.size)))
    assert j["coverage"] == pytest.approx(0.90, abs=0.005)
    # the sigma-vs-error rank correlation of a perfect sigma is well above 0 but below 1
    assert 0.2 < U.spearman(s, np.abs(err)) < 0.8


def test_spearman_ranks():
    a = np.arange(10.0)
    assert U.spearman(a, a ** 3) == pytest.approx(1.0)
    assert U.spearman(a, -a) == pytest.approx(-1.0)
    assert U.spearman(np.ones(5), a[:5]) == 0.0


def test_calibration_from_the_model_card():
    from fusediff.models import ksdiff
    cal = U.calibration_for("ksdiff", ksdiff.bundled_weights(2))
    assert cal["calibrated"] and cal["factor"] == pytest.approx(5.06) and cal["samples"] == 8
    assert U.calibration_for("ksdiff", ksdiff.bundled_weights(4))["factor"] == pytest.approx(5.77)
    assert not U.calibration_for("ksdiff", "/nonexistent/mine.pt")["calibrated"]


def test_ksdiff_sigma_covers_a_real_landsat_scene():
    bench_datasets = pytest.importorskip("bench.datasets")
    if not bench_datasets.available():
        pytest.skip("shared data not available")
    from fusediff.models import ksdiff
    c = bench_datasets.landsat_wald("31", 2)
    ms, pan = torch.as_tensor(c["ms"])[None], torch.as_tensor(c["pan"])[None]
    cfg = ksdiff.KSDiffConfig()
    state = ksdiff.prepare([(ms, pan)], 2, "landsat7-r2", cfg)
    fused = ksdiff.fuse_prepared(state, ms, pan, 2, cfg)
    cal = U.calibration_for("ksdiff", ksdiff.bundled_weights(2))
    sigma = U.network_sigma(lambda i: ksdiff.fuse_sample(state, ms, pan, 2, i, cfg), ms, pan, 2, 0.0, cal)
    assert sigma.shape == fused.shape and sigma.dtype == torch.float32
    j = U.judge(sigma[0], fused[0], c["gt"], border=2)
    # measured on this scene (bench/uncertainty.md): coverage 0.953, Spearman 0.482
    assert 0.92 <= j["coverage"] <= 0.98
    assert j["spearman"] > 0.44


def _read(path):
    rasterio = pytest.importorskip("rasterio")
    with rasterio.open(path) as ds:
        return ds.read(), ds.dtypes[0], ds.transform


@pytest.mark.parametrize("name,samples", [("ksdiff", 3), ("respandiff", 2)])
def test_engine_uncertainty_output(tmp_path, name, samples):
    """UNCERTAINTY: Float32, the output's grid and bands, >= 0, larger where the fusion is unsure;
    the main output is the same with or without it."""
    import fusediff
    from scenes import pansharpening_pair
    ms, pan, _ref, cube = pansharpening_pair(tmp_path, ratio=2, size=64)
    plain, both, sig = tmp_path / "plain.tif", tmp_path / "both.tif", tmp_path / "sigma.tif"
    extra = {"STEPS": 2} if name == "respandiff" else {}
    fusediff.run(name, MS=str(ms), PAN=str(pan), OUTPUT=str(plain), **extra)
    res = fusediff.run(name, MS=str(ms), PAN=str(pan), OUTPUT=str(both), UNCERTAINTY=str(sig),
                       UNCERTAINTY_SAMPLES=samples, **extra)
    assert res["UNCERTAINTY"] == str(sig)
    a, _, ta = _read(plain)
    b, _, _ = _read(both)
    s, dtype, ts = _read(sig)
    assert np.allclose(a, b, rtol=1e-5, atol=1e-3 * float(np.abs(a).max()))
    assert dtype == "float32" and s.shape == a.shape and ts == ta
    assert np.isfinite(s).all() and (s >= 0).all() and s.max() > 0
    # in the output's units: a fraction of the values' scale, not of [0, 1]
    assert 1e-4 * cube.mean() < s.mean() < cube.mean()


def test_engine_uncertainty_output_hsi_msi(tmp_path):
    """SDP's UNCERTAINTY (|out - upsampled HSI|, calibrated): Float32, the output's grid, >= 0,
    and the main output unchanged by asking for it."""
    import fusediff
    from test_hsimsi_algorithms import FAST, _pair
    hsi, msi, cube, srf = _pair(tmp_path)
    srf_csv = tmp_path / "srf.csv"
    np.savetxt(srf_csv, srf, delimiter=",")
    plain, both, sig = tmp_path / "plain.tif", tmp_path / "both.tif", tmp_path / "sigma.tif"
    params = dict(FAST["sdp"], HSI=str(hsi), MSI=str(msi), SRF=str(srf_csv))
    fusediff.run("sdp", OUTPUT=str(plain), **params)
    res = fusediff.run("sdp", OUTPUT=str(both), UNCERTAINTY=str(sig), **params)
    assert res["UNCERTAINTY"] == str(sig)
    a, _, ta = _read(plain)
    b, _, _ = _read(both)
    s, dtype, ts = _read(sig)
    assert np.array_equal(a, b)
    assert dtype == "float32" and s.shape == a.shape and ts == ta
    assert np.isfinite(s).all() and (s >= 0).all() and 0 < s.mean() < cube.mean()


def test_uncertainty_layer_opens_with_a_pseudocolour_style(qgis_app, tmp_path):
    """An UNCERTAINTY raster loads in QGIS as a single-band pseudocolour layer from 0 to its 98th
    percentile (dark: trusted, bright: not)."""
    import rasterio
    from qgis.core import QgsRasterLayer

    from fusediff.algorithms.rendering import style_uncertainty_layer
    sigma = np.abs(np.random.default_rng(0).normal(size=(3, 40, 40))).astype(np.float32)
    path = tmp_path / "sigma.tif"
    with rasterio.open(path, "w", driver="GTiff", width=40, height=40, count=3, dtype="float32") as ds:
        ds.write(sigma)
    layer = QgsRasterLayer(str(path), "sigma")
    assert style_uncertainty_layer(layer)
    renderer = layer.renderer()
    assert renderer.type() == "singlebandpseudocolor"
    assert renderer.classificationMin() == 0.0
    assert abs(renderer.classificationMax() - np.percentile(sigma[0], 98)) < 0.05
