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


# --------------------------------------------------------------------------
# tiles, and one scene split over the workers of a Dask cluster
# --------------------------------------------------------------------------

#: A 192 x 192 scene at ratio 2 in 3 rows of 3 tiles of 76 px blended over 16 px (KSDiff's own
#: tiling would fuse it as one tile); K = 2 samples keep the runs at about a second each.
SMALL_TILES = (96, 16, 32)
SCENE = 192


@pytest.fixture(scope="module")
def scene192(tmp_path_factory):
    from scenes import pansharpening_pair
    folder = tmp_path_factory.mktemp("unc_scene")
    ms, pan, _ref, cube = pansharpening_pair(folder, ratio=2, size=SCENE)
    return {"MS": str(ms), "PAN": str(pan), "UNCERTAINTY_SAMPLES": 2}


@pytest.fixture
def small_tiles(monkeypatch):
    import dataclasses

    from fusediff.engine import methods
    from fusediff.engine.tiling import Tiling
    monkeypatch.setitem(methods.METHODS, "ksdiff",
                        dataclasses.replace(methods.METHODS["ksdiff"], tiling=Tiling(*SMALL_TILES)))


@pytest.fixture(scope="module")
def dask_cluster():
    """2 single-threaded workers as threads of this process (no process start-up to pay)."""
    import logging
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False, dashboard_address=":0",
                                  silence_logs=logging.ERROR) as c:
        yield c


def _ksdiff(folder, name, scene, **extra):
    """Run KSDiff with the UNCERTAINTY output: (fused, sigma) arrays as read back, plus the result."""
    import fusediff
    out, sig = folder / f"{name}.tif", folder / f"{name}_sigma.tif"
    res = fusediff.run("ksdiff", threads=1, OUTPUT=str(out), UNCERTAINTY=str(sig), **scene, **extra)
    return _read(out), _read(sig), res


def _hidden(folder):
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def test_tiled_sigma_has_no_seams(tmp_path, scene192, monkeypatch):
    """The sigma of 9 blended tiles is the one-tile sigma up to the tiles' context: median relative
    difference 0.05 % (measured), and no more different along the tile overlaps than elsewhere."""
    import dataclasses

    from fusediff.engine import methods
    from fusediff.engine.scene import scene_tiles
    from fusediff.engine.tiling import Tiling
    _, whole, _ = _ksdiff(tmp_path, "whole", scene192)
    monkeypatch.setitem(methods.METHODS, "ksdiff",
                        dataclasses.replace(methods.METHODS["ksdiff"], tiling=Tiling(*SMALL_TILES)))
    _, tiled, _ = _ksdiff(tmp_path, "tiled", scene192)
    whole, tiled = whole[0].astype(np.float64), tiled[0].astype(np.float64)
    assert whole.shape == tiled.shape == (4, SCENE, SCENE) and whole.min() > 0

    class Plan:  # the tile grid of the run above (the aligned grid is the whole scene)
        height = width = SCENE
        ratio = 2
    tiles = scene_tiles(Plan, *SMALL_TILES[:2])
    starts = sorted({t.row_off for t in tiles})
    assert len(tiles) == 9 and starts == sorted({t.col_off for t in tiles})
    overlap = np.zeros((SCENE, SCENE), bool)  # where two tiles are blended
    for s in starts[1:]:
        overlap[s:s + SMALL_TILES[1]] = True
        overlap[:, s:s + SMALL_TILES[1]] = True
    rel = np.abs(tiled - whole) / whole
    # measured: median 0.05 %, 90th percentile 0.8 % (a tile sees 32 px of context, the whole
    # scene all of it: the network's receptive field and the MTF-GLP-HPM sample differ slightly)
    assert np.median(rel) < 0.005 and np.percentile(rel, 90) < 0.03
    # a seam would make sigma in the blended strips systematically larger or smaller than without
    # tiles; measured: mean ratio 1.0005 there, 0.9994 elsewhere
    in_overlap = tiled[:, overlap].mean() / whole[:, overlap].mean()
    elsewhere = tiled[:, ~overlap].mean() / whole[:, ~overlap].mean()
    assert abs(in_overlap - 1) < 0.01 and abs(elsewhere - 1) < 0.01 and abs(in_overlap - elsewhere) < 0.005
    assert np.median(rel[:, overlap]) < 2 * np.median(rel[:, ~overlap]) + 1e-4


def test_uncertainty_on_a_dask_cluster_equals_one_machine(tmp_path, scene192, small_tiles, dask_cluster,
                                                          monkeypatch):
    """`run --scheduler` with UNCERTAINTY: rows of tiles fused with their sigma on 2 workers and
    assembled here give the single-machine OUTPUT and UNCERTAINTY (Float32, same grid and band
    names) up to the order of float32 additions; nothing is left next to the outputs."""
    from fusediff.engine import distributed_scene as ds
    local, local_sigma, _ = _ksdiff(tmp_path, "local", scene192)
    runs = []
    real = ds.fuse_on_cluster
    monkeypatch.setattr(ds, "fuse_on_cluster", lambda *a, **k: runs.append(real(*a, **k)) or runs[-1])
    split, split_sigma, res = _ksdiff(tmp_path, "split", scene192, scheduler=dask_cluster.scheduler_address)
    assert res["UNCERTAINTY"] == str(tmp_path / "split_sigma.tif")
    assert runs and runs[0]["rows"] == 3 and runs[0]["UNCERTAINTY"] == res["UNCERTAINTY"]
    for (a, dtype_a, ta), (b, dtype_b, tb) in ((local, split), (local_sigma, split_sigma)):
        assert dtype_a == dtype_b == "float32" and ta == tb and a.shape == b.shape == (4, SCENE, SCENE)
        assert np.allclose(b, a, rtol=1e-5, atol=1e-6 * np.abs(a).max()), np.abs(b - a).max()
    assert split_sigma[0].min() > 0
    rasterio = pytest.importorskip("rasterio")
    with rasterio.open(tmp_path / "local_sigma.tif") as a, rasterio.open(tmp_path / "split_sigma.tif") as b:
        assert a.crs == b.crs and a.descriptions == b.descriptions and a.nodata == b.nodata
    assert _hidden(tmp_path) == []


def test_uncertainty_on_a_dask_cluster_leaves_nothing_on_error(tmp_path, scene192, small_tiles, dask_cluster,
                                                               monkeypatch):
    """A row of tiles that fails on its worker, or a cancel after the first row: neither output is
    written, no row file is left; an uncertainty output the writer refuses fails before any row
    is fused."""
    from fusediff.engine import distributed_scene as ds
    real = ds.fuse_row_to_file

    def fails_on_the_last_row(job, tiles, *a, **k):
        if tiles[0].row_off > 100:
            raise OSError("disk full")
        return real(job, tiles, *a, **k)

    monkeypatch.setattr(ds, "fuse_row_to_file", fails_on_the_last_row)
    with pytest.raises(Exception, match="disk full"):
        _ksdiff(tmp_path, "split", scene192, scheduler=dask_cluster.scheduler_address)
    assert sorted(p.name for p in tmp_path.iterdir()) == []
    monkeypatch.setattr(ds, "fuse_row_to_file", real)
    # cancelled by the user once the first row is in: the same, and the run says so
    from fusediff.engine.context import RunContext
    from fusediff.engine.errors import Cancelled
    rows_in = []
    ctx = RunContext(threads=1, progress=lambda f, m: rows_in.append(m) if m.startswith("row of tiles") else None,
                     is_cancelled=lambda: bool(rows_in))
    with pytest.raises(Cancelled):
        ds.run_on_cluster("ksdiff", dict(scene192, OUTPUT=str(tmp_path / "c.tif"),
                                         UNCERTAINTY=str(tmp_path / "c_sigma.tif")), ctx,
                          scheduler=dask_cluster.scheduler_address, echo=lambda line: None)
    assert rows_in[0].startswith("row of tiles 1/3") and sorted(p.name for p in tmp_path.iterdir()) == []
    calls = []
    monkeypatch.setattr(ds, "fuse_row_to_file", lambda *a, **k: calls.append(a) or real(*a, **k))
    import fusediff
    with pytest.raises(Exception, match="never overwritten"):  # the writers refuse one path for both
        fusediff.run("ksdiff", threads=1, OUTPUT=str(tmp_path / "out.tif"), UNCERTAINTY=str(tmp_path / "out.tif"),
                     scheduler=dask_cluster.scheduler_address, **scene192)
    assert calls == [] and sorted(p.name for p in tmp_path.iterdir()) == []


def test_batch_writes_the_uncertainty_of_every_scene(tmp_path, scene192, dask_cluster):
    """`fusediff batch` with an UNCERTAINTY column: each scene's sigma (Float32 even with a uint16
    OUTPUT) equals a single run's, gets its sidecar, and a re-run skips the scene until its
    uncertainty file is gone."""
    import fusediff
    small = tmp_path / "small"
    small.mkdir()
    from scenes import pansharpening_pair
    ms2, pan2, _ref, _cube = pansharpening_pair(small, ratio=2, size=64, seed=1)
    out = tmp_path / "out"
    out.mkdir()
    manifest = tmp_path / "scenes.csv"
    rows = [(scene192["MS"], scene192["PAN"], "a.tif", "a_sigma.tif"), (ms2, pan2, "b.tif", "b_sigma.tif")]
    manifest.write_text("MS,PAN,OUTPUT,UNCERTAINTY\n"
                        + "".join(f"{m},{p},out/{o},out/{s}\n" for m, p, o, s in rows))
    common = {"UNCERTAINTY_SAMPLES": 2, "OUTPUT_TYPE": 2}
    report = fusediff.batch("ksdiff", str(manifest), scheduler=dask_cluster.scheduler_address, progress=False,
                            **common)
    assert report["counts"] == {"done": 2, "skipped": 0, "failed": 0}, report
    for (m, p, o, s), entry in zip(rows, report["scenes"]):
        assert entry["outputs"] == [str(out / o), str(out / s)]
        assert (out / (s + ".fusediff.json")).is_file() and (out / (o + ".fusediff.json")).is_file()
        fused, ftype, ft = _read(out / o)
        sigma, stype, st = _read(out / s)
        assert ftype == "uint16" and stype == "float32" and ft == st and sigma.shape == fused.shape
        _, one, _ = _ksdiff(tmp_path, "one", {"MS": m, "PAN": p}, **common)
        assert np.allclose(sigma, one[0], rtol=1e-5, atol=1e-6 * one[0].max())
    assert _hidden(out) == []
    again = fusediff.batch("ksdiff", str(manifest), scheduler=dask_cluster.scheduler_address, progress=False,
                           **common)
    assert again["counts"] == {"done": 0, "skipped": 2, "failed": 0}
    (out / "b_sigma.tif").unlink()
    again = fusediff.batch("ksdiff", str(manifest), scheduler=dask_cluster.scheduler_address, progress=False,
                           **common)
    assert again["counts"] == {"done": 1, "skipped": 1, "failed": 0} and (out / "b_sigma.tif").is_file()


def test_sdp_uncertainty_on_a_dask_cluster(tmp_path, dask_cluster, monkeypatch, caplog):
    """SDP (a self-learning method: learns here, its sigma from |out - upsampled HSI| per tile) in
    2 rows of 2 tiles on the cluster: the single-machine OUTPUT and UNCERTAINTY; the warning about
    an uncalibrated sigma is logged here, where the user sees it (workers log nothing)."""
    import dataclasses
    import logging

    import fusediff
    from fusediff.engine import methods
    from fusediff.engine.tiling import Tiling
    from fusediff.models import uncertainty
    from test_hsimsi_algorithms import FAST, _pair
    monkeypatch.setitem(methods.METHODS, "sdp", dataclasses.replace(methods.METHODS["sdp"], tiling=Tiling(20, 8, 8)))
    real = uncertainty.calibration_for
    monkeypatch.setattr(uncertainty, "calibration_for", lambda *a, **k: dict(real(*a, **k), calibrated=False))
    hsi, msi, _cube, srf = _pair(tmp_path)
    np.savetxt(tmp_path / "srf.csv", srf, delimiter=",")
    params = dict(FAST["sdp"], HSI=str(hsi), MSI=str(msi), SRF=str(tmp_path / "srf.csv"), threads=1)
    fusediff.run("sdp", OUTPUT=str(tmp_path / "local.tif"), UNCERTAINTY=str(tmp_path / "local_sigma.tif"), **params)
    caplog.clear()
    with caplog.at_level(logging.INFO, logger="fusediff"):
        fusediff.run("sdp", OUTPUT=str(tmp_path / "split.tif"), UNCERTAINTY=str(tmp_path / "split_sigma.tif"),
                     scheduler=dask_cluster.scheduler_address, **params)
    log = caplog.text
    assert "4 tiles in 2 row(s) on the Dask cluster" in log and "uncertainty of SDP is not calibrated" in log
    for name in ("", "_sigma"):
        a, dtype_a, ta = _read(tmp_path / f"local{name}.tif")
        b, dtype_b, tb = _read(tmp_path / f"split{name}.tif")
        assert dtype_a == dtype_b == "float32" and ta == tb and a.shape == b.shape == (12, 32, 32)
        assert np.allclose(b, a, rtol=1e-5, atol=1e-6 * np.abs(a).max()), np.abs(b - a).max()
    assert _hidden(tmp_path) == []


def test_uncertainty_carries_the_inputs_scale_but_no_offset(tmp_path):
    """Inputs stored as scaled integers (DN with a GDAL scale/offset, like Landsat Collection 2):
    sigma is in stored units like the output, so it carries the same scale (physical sigma =
    scale x stored sigma) and offset 0 (an offset does not apply to a spread)."""
    rasterio = pytest.importorskip("rasterio")
    import fusediff
    from scenes import pansharpening_pair
    ms, pan, _ref, _cube = pansharpening_pair(tmp_path, ratio=2, size=64)
    with rasterio.open(ms, "r+") as ds:
        ds.scales = [2.75e-5] * ds.count
        ds.offsets = [-0.2] * ds.count
        n = ds.count
    out, sig = tmp_path / "out.tif", tmp_path / "sigma.tif"
    fusediff.run("ksdiff", threads=1, MS=str(ms), PAN=str(pan), OUTPUT=str(out), UNCERTAINTY=str(sig),
                 UNCERTAINTY_SAMPLES=2)
    with rasterio.open(out) as o, rasterio.open(sig) as s:
        assert list(o.scales) == pytest.approx([2.75e-5] * n) and list(o.offsets) == pytest.approx([-0.2] * n)
        assert list(s.scales) == pytest.approx([2.75e-5] * n) and list(s.offsets) == [0.0] * n
        assert s.dtypes[0] == "float32" and float(s.read().max()) > 0
