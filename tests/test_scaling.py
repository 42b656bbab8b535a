"""Per-scene scaling to the level each method was trained or tuned at (issue 18).

Fast unit tests of `SceneScale`'s level and of where each method's level is
recorded (model cards, method_configs), and real-data tests (skipped without
../shared/data or $FUSEDIFF_DATA): one Landsat-7 test scene through the QGIS
algorithms scores as the array-level model does, and one scene given as uint8
DN, reflectance 0-1 and reflectance x 10000 gives the same scores for every
diffusion method, with the output in the input's scale.
"""
from __future__ import annotations

import json
import shutil

import numpy as np
import pytest

from fusediff.engine.scaling import DEFAULT_LEVEL, SceneScale

# ---------------------------------------------------------------------------
# SceneScale
# ---------------------------------------------------------------------------


def test_default_level_is_the_old_scaling():
    a = np.linspace(0, 2000, 4 * 50 * 50, dtype=np.float32).reshape(4, 50, 50)
    s = SceneScale.from_inputs([(a, None)])
    assert s.level == DEFAULT_LEVEL == 1.0
    assert s.divisor == pytest.approx(s.maximum)
    assert np.percentile(s.forward(a), 99.9) == pytest.approx(1.0, rel=1e-5)


def test_level_maps_the_robust_maximum_and_inverse_restores_the_scale():
    a = np.random.default_rng(0).uniform(0, 10000, (3, 40, 40)).astype(np.float32)
    s = SceneScale.from_inputs([(a, None)], level=0.5)
    assert s.divisor == pytest.approx(s.maximum / 0.5)
    assert np.percentile(s.forward(a), 99.9) == pytest.approx(0.5, rel=1e-5)
    np.testing.assert_allclose(s.inverse(s.forward(a)), a, rtol=1e-6)
    assert s.at_level(0.25).divisor == pytest.approx(s.maximum / 0.25)
    assert s.at_level(None) is s
    # the same scene in another unit reaches the method with the same values
    t = SceneScale.from_inputs([(a / 10000, None)], level=0.5)
    np.testing.assert_allclose(t.forward(a / 10000), s.forward(a), rtol=1e-5)


@pytest.mark.parametrize("bad", [0, -1, float("nan"), float("inf")])
def test_bad_level_is_refused(bad):
    with pytest.raises(ValueError):
        SceneScale.from_inputs([(np.ones((1, 4, 4)), None)], level=bad)


# ---------------------------------------------------------------------------
# where the levels are recorded
# ---------------------------------------------------------------------------

def test_bundled_cards_record_the_level_and_loading_reads_it():
    pytest.importorskip("torch")
    from fusediff.models import ksdiff, respandiff
    for mod in (respandiff, ksdiff):
        for ratio in (2, 4):
            card = json.loads(mod.bundled_weights(ratio).with_suffix(".json").read_text())
            level = card["input_scale"]["level"]
            assert card["input_scale"]["percentile"] == 99.9
            assert 0.4 < level < 0.7  # Landsat-7 DN / 255: the 99.9th percentile sits near 0.5
            assert mod.input_level(None, ratio) == level
            assert mod.input_level(f"landsat7-r{ratio}", ratio) == level
            assert mod.input_level(str(mod.bundled_weights(ratio)), ratio) == level
            _, meta = mod.load_weights(mod.bundled_weights(ratio))
            assert meta["input_scale"]["level"] == level
            assert mod.input_level((None, meta), ratio) == level


def test_weights_without_a_recorded_level_use_the_default(tmp_path):
    pytest.importorskip("torch")
    from fusediff.models import ksdiff
    from fusediff.models.trained_weights import DEFAULT_INPUT_LEVEL
    user = tmp_path / "mine.pt"
    shutil.copy(ksdiff.bundled_weights(4), user)  # no card beside it; its meta records no level
    assert ksdiff.input_level(str(user), 4) == DEFAULT_INPUT_LEVEL == 1.0
    card = tmp_path / "mine.json"
    card.write_text(json.dumps({"input_scale": {"percentile": 99.9, "level": 0.3}}))
    assert ksdiff.input_level(str(user), 4) == 0.3


def test_self_learning_methods_record_their_tuning_level():
    pytest.importorskip("torch")
    from fusediff.models import argsdiff, dmzs, method_configs, sdp
    hm = sorted(method_configs.HM_TUNING_LEVELS.values())
    hp = sorted(method_configs.HP_TUNING_LEVELS.values())
    assert sdp.input_level(sdp.SDPConfig()) == hm[1] == argsdiff.input_level(argsdiff.ARGSDiffConfig())
    assert dmzs.input_level(dmzs.DMZSConfig()) == hp[1]


def test_scene_method_level():
    from fusediff.engine.scene import SceneMethod
    assert SceneMethod(lambda *a: None).input_level(4, 4) == 1.0
    assert SceneMethod(lambda *a: None, level=0.6).input_level(4, 4) == 0.6
    assert SceneMethod(lambda *a: None, level=lambda r, b: 0.1 * r).input_level(4, 4) == pytest.approx(0.4)


@pytest.mark.parametrize("method", ["brovey", "gsa", "mtfglphpm", "cnmf"])
def test_classical_methods_are_scale_invariant(method):
    """The classical methods keep level 1: their result scales with the input (x 1e-2 and
    x 1e4 of a 0-1 scene; CNMF's multiplicative updates move it by about 0.1-0.3 % RMS,
    GSA's 1e-6 guards only matter below about 1e-3)."""
    from fusediff.models import classical
    from tests.scenes import degrade, reference_cube
    cube = reference_cube(4, 48, seed=1, peak=1.0)
    high = cube.mean(axis=0, keepdims=True) if method != "cnmf" else cube[[0, 1, 2]] * 0.9
    low = degrade(cube, 4)
    kw = {"seed": 0} if method == "cnmf" else {"phase": 0.0}
    base = classical.fuse(method, high, low, 4, **kw)
    for f in (1e-2, 1e4):
        out = classical.fuse(method, high * f, low * f, 4, **kw) / f
        rms = np.sqrt(np.mean((out - base) ** 2) / np.mean(base ** 2))
        assert rms < (5e-3 if method == "cnmf" else 1e-5), (f, rms)


# ---------------------------------------------------------------------------
# real data through the algorithms
# ---------------------------------------------------------------------------

def _datasets():
    from bench import datasets as D
    if not D.available() or not (D.DATA / "pansharpening" / "landsat7" / "31_ms.mat").exists():
        pytest.skip(f"shared data not available: {D.DATA}")
    return D


def _landsat_dn_case(ratio: int, crop: int | None = None):
    """Landsat-7 test scene 31 by the Wald protocol, inputs rounded to 8-bit DN (so uint8 DN,
    reflectance DN / 255 and reflectance x 10000 hold the same data)."""
    D = _datasets()
    c = D.landsat_wald("31", ratio)
    if crop:
        c = dict(c, gt=c["gt"][:, :crop, :crop], pan=c["pan"][:, :crop, :crop],
                 ms=c["ms"][:, :crop // ratio, :crop // ratio])
    c["pan"] = (np.rint(c["pan"] * 255) / 255).astype(np.float32)
    c["ms"] = (np.rint(c["ms"] * 255) / 255).astype(np.float32)
    return c


#: (factor, dtype) of the input scales: uint8 DN, reflectance 0-1, reflectance x 10000 (float32:
#: exactly the same data) and, for the pansharpening scene, x 10000 as uint16 (rounding moves
#: the darkest 8-bit values by up to 0.5 %: DM-ZS on the 48-px HSI crop with 30 guide
#: iterations moves about 2 % in ERGAS from that alone, so the self-learning methods are
#: compared on the same data)
SCALES = ((255.0, "uint8"), (1.0, "float32"), (10000.0, "float32"))
PAN_SCALES = SCALES + ((10000.0, "uint16"),)


def _through_product(alg, high, low, ratio, params, high_name, low_name, tmp_path, factor, dtype):
    """The pair as GeoTIFFs (grid convention) in one scale through fusediff:<alg>; output / factor."""
    import rasterio

    from bench.product import write_pair
    from tests.qgis_run import run
    folder = tmp_path / f"{alg}_{dtype}_{factor:g}"
    folder.mkdir()
    hp, lp = write_pair(folder, high, low, ratio, factor, dtype)
    out = str(folder / "out.tif")
    run(f"fusediff:{alg}", {high_name: hp, low_name: lp, "OUTPUT": out, **params})
    with rasterio.open(out) as ds:
        fused = ds.read().astype(np.float64)
    return fused, fused / factor


def _close(a: dict, b: dict, rel: float = 0.005):
    for k in a:
        assert a[k] == pytest.approx(b[k], rel=rel), (k, a, b)


def _pan_scores(x, gt, ratio):
    from fusediff.models import metrics
    x = np.asarray(x, np.float64)
    return {"sam": metrics.sam(x, gt, border=ratio), "ergas": metrics.ergas(x, gt, ratio, border=ratio)}


@pytest.mark.parametrize("method", ["ksdiff", "respandiff"])
def test_landsat_scene_through_the_algorithm_scores_as_the_array_model(qgis_app, one_thread, tmp_path, method):
    """Scene 31, ratio 4 (KSDiff whole; ResPanDiff on a 200 px crop, 5 steps): the product
    (GeoTIFFs, its own scaling at the card's level) within 0.5 % of the array-level model on the
    bench's DN / 255 scale."""
    import torch

    from fusediff.models import ksdiff as K
    from fusediff.models import respandiff as R
    mod, steps = (K, K.KSDiffConfig().steps) if method == "ksdiff" else (R, 5)
    c = _landsat_dn_case(4, None if method == "ksdiff" else 200)
    cfg = (K.KSDiffConfig if method == "ksdiff" else R.ResPanDiffConfig)(seed=0, steps=steps)
    ref = mod.fuse(torch.from_numpy(c["ms"])[None], torch.from_numpy(c["pan"])[None], 4, config=cfg)[0].numpy()
    _, prod = _through_product(method, c["pan"], c["ms"], 4, {"SEED": 0, "STEPS": steps}, "PAN", "MS",
                               tmp_path, 1.0, "float32")
    _close(_pan_scores(prod, c["gt"], 4), _pan_scores(ref, c["gt"], 4))


def _hsi_case(protocol: str):
    D = _datasets()
    c = D.hm_case("samson", 0) if protocol == "HM" else D.hp_case("samson")
    n = 48  # a small crop: the test is about scale, not quality
    high = (c["msi"] if protocol == "HM" else c["pan"])[:, :n, :n]
    # quantised to 8-bit DN of the reference maximum, so all three scales hold the same data
    q = lambda a: (np.rint(np.clip(a, 0, None) * 255) / 255).astype(np.float32)  # noqa: E731
    return q(high), q(c["hsi"][:, :n // 4, :n // 4]), c["gt"][:, :n, :n]


#: few iterations: the test checks the scale, not the quality
FAST = {
    "sdp": ("HM", "MSI", {"TRAIN_ITERS": 60, "BATCH_SIZE": 64, "STEPS": 3, "INNER_STEPS": 1}),
    "argsdiff": ("HM", "MSI", {"SPATIAL_ITERS": 20, "SPECTRAL_ITERS": 40, "STEPS": 3, "ESTIMATE_ITERS": 2}),
    "dmzs": ("HP", "PAN", {"GUIDE_ITERS": 30, "STEPS": 4, "GUIDANCE_INNER": 2, "NSSD_ITERS": 10,
                           "NSSD_FIRST_ITERS": 20, "NSSD_FINAL_ITERS": 30, "REFINE_ITERS": 20}),
}


def _fast_params(alg):
    """FAST's settings that this algorithm exposes (a renamed field is left at its default)."""
    from fusediff.models import method_configs
    cls = {"sdp": method_configs.SDPConfig, "argsdiff": method_configs.ARGSDiffConfig,
           "dmzs": method_configs.DMZSConfig}[alg]
    from fusediff.models.config import exposed_fields
    names = {f.name.upper() for f in exposed_fields(cls)}
    return {k: v for k, v in FAST[alg][2].items() if k in names}


@pytest.mark.parametrize("method", ["ksdiff", "respandiff", "sdp", "argsdiff", "dmzs"])
def test_same_scene_in_any_input_scale_gives_the_same_scores(qgis_app, one_thread, tmp_path, method):
    """uint8 DN, reflectance 0-1 and reflectance x 10000 (also as uint16 for the pansharpening
    scene): scores within 0.5 %, output in the input's scale (factor times the 0-1 run's)."""
    from fusediff.models import metrics
    if method in ("ksdiff", "respandiff"):
        c = _landsat_dn_case(4, 160)
        high, low, gt, ratio = c["pan"], c["ms"], c["gt"], 4
        params = {"SEED": 0, "STEPS": 4 if method == "ksdiff" else 3}
        names = ("PAN", "MS")
        score = lambda x: _pan_scores(x, gt, ratio)  # noqa: E731
    else:
        protocol, high_name, _ = FAST[method]
        high, low, gt = _hsi_case(protocol)
        ratio = 4
        params = {"SEED": 0, **_fast_params(method)}
        names = (high_name, "HSI")

        def score(x):
            m = metrics.reference_metrics(np.asarray(x, np.float32), gt, ratio)
            return {k: m[k] for k in ("psnr", "sam", "ergas")}
    runs = {}
    for factor, dtype in (PAN_SCALES if method in ("ksdiff", "respandiff") else SCALES):
        runs[(factor, dtype)] = _through_product(method, high, low, ratio, params, *names, tmp_path, factor, dtype)
    base_raw, base_unit = runs.pop((1.0, "float32"))
    base = score(base_unit)
    for (factor, dtype), (raw, unit) in runs.items():
        _close(score(unit), base)
        # the output is in the input's scale: its median is factor times the 0-1 run's
        assert np.median(raw) == pytest.approx(factor * np.median(base_raw), rel=0.02)
