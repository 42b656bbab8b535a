"""The QGIS-free engine: algorithm specs, the method registry and its protocols (learnt state
pickles), run_algorithm's checks, the Python API and the `fusediff` command. No QGIS here."""
from __future__ import annotations

import pickle
import subprocess
import sys

import numpy as np
import pytest

import scenes
from conftest import ROOT


def test_specs_have_unique_names_and_import_no_torch():
    code = ("import sys; sys.path.insert(0, %r)\n"
            "from fusediff.engine.registry import algorithm_specs\n"
            "specs = algorithm_specs()\n"
            "for s in specs.values():\n"
            "    names = [p.name for p in s.params]; assert len(names) == len(set(names)), s.name\n"
            "print(len(specs), 'torch' in sys.modules, 'qgis' in sys.modules)\n") % str(ROOT)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split() == ["12", "False", "False"]  # 11 + fusediff:batch


@pytest.mark.parametrize("alg", ["respandiff", "ksdiff"])
def test_every_user_settable_field_is_a_parameter(alg):
    """ResPanDiff/KSDiff's consistency, adaptation settings, ensemble and presets reach every front end."""
    from fusediff.engine.params import config_from_values, resolve
    from fusediff.engine.registry import get_spec
    from fusediff.models.config import exposed_fields
    spec = get_spec(alg)
    names = {p.name for p in spec.params}
    cls = {"respandiff": "ResPanDiffConfig", "ksdiff": "KSDiffConfig"}[alg]
    from fusediff.models import method_configs
    config_cls = getattr(method_configs, cls)
    assert {f.name.upper() for f in exposed_fields(config_cls)} <= names
    assert {"PRESET", "CONSISTENCY", "ADAPT_LR", "ADAPT_BATCH", "ADAPT_PATCH"} <= names
    assert alg != "ksdiff" or "ENSEMBLE" in names
    values = resolve(spec, {"MS": "m.tif", "PAN": "p.tif", "OUTPUT": "o.tif", "CONSISTENCY": "2",
                            "ADAPT_LR": "0.0005", "PRESET": "paper"})
    cfg = config_from_values(config_cls, values, skip=("steps", "adapt_iters", "seed"))
    assert cfg.consistency == 2 and cfg.adapt_lr == 0.0005
    assert cfg.adapt_batch == config_cls.PRESETS["paper"]["adapt_batch"]  # the preset's, not the default


def test_protocols_and_registry():
    from fusediff.engine.methods import METHODS, SelfLearningMethod, TrainedPansharpener
    for entry in METHODS.values():
        if entry.family == "trained":
            assert isinstance(entry.load(), TrainedPansharpener), entry.id
        elif entry.family == "self_learning":
            assert isinstance(entry.load(), SelfLearningMethod), entry.id
        assert entry.tiling.tile > 0 and len(entry.roles) == 2
    assert METHODS["ksdiff"].tiling.tile == 1440 and METHODS["classical"].tiling.tile == 1024


def _windows(bands_low, bands_high, size, ratio, seed=0):
    from fusediff.engine.scene import ScaledWindow
    cube = scenes.reference_cube(bands_low, size, seed=seed) / 2000.0
    low = scenes.degrade(cube, ratio).astype(np.float32)
    if bands_high == 1:
        high = cube.mean(axis=0, keepdims=True).astype(np.float32)
    else:
        srf = np.zeros((bands_high, bands_low))
        for i in range(bands_high):
            srf[i, i * bands_low // bands_high:(i + 1) * bands_low // bands_high] = 1.0
        high = np.einsum("oc,chw->ohw", srf / srf.sum(1, keepdims=True), cube).astype(np.float32)
    return ScaledWindow(high, low, np.ones(high.shape[1:], bool), np.ones(low.shape[1:], bool))


def _method(method_id, tmp_path):
    """A method object with tiny settings (as the algorithms build it)."""
    import test_dmzs
    import test_hsimsi_algorithms as hm
    import torch

    from fusediff.engine.methods import METHODS, SelfLearningSceneMethod, TrainedMethod
    from fusediff.engine.params import config_from_values, resolve
    from fusediff.engine.registry import get_spec
    entry = METHODS[method_id]
    device = torch.device("cpu")
    if entry.family == "trained":
        cfg = entry.config_class()(steps=2)
        return TrainedMethod(entry, cfg, device), _windows(4, 1, 32, 2)
    fast = {"dmzs": test_dmzs.FAST}.get(method_id) or hm.FAST[method_id]
    spec = get_spec(method_id)
    roles = {p.name: "x" for p in spec.params if p.kind in ("raster", "raster_out")}
    cfg = config_from_values(entry.config_class(), resolve(spec, dict(roles, **fast)))
    if method_id == "dmzs":
        return (SelfLearningSceneMethod(entry, cfg, device, prior=test_dmzs._tiny_prior_file(tmp_path)),
                _windows(6, 1, 32, 4))
    return SelfLearningSceneMethod(entry, cfg, device), _windows(12, 3, 32, 4)


@pytest.mark.parametrize("method_id", ["respandiff", "ksdiff", "sdp", "argsdiff", "dmzs"])
def test_learnt_state_pickles(tmp_path, method_id, one_thread):
    """The learnt state (and the method object) pickles; the unpickled copy fuses the same tile."""
    method, window = _method(method_id, tmp_path)
    method.prepare([window], 2 if method_id in ("respandiff", "ksdiff") else 4, lambda f, m="": None)
    ratio = 2 if method_id in ("respandiff", "ksdiff") else 4
    first = method.fuse_tile(window.high, window.low, ratio, lambda f, m="": None)
    copy = pickle.loads(pickle.dumps(method))
    assert copy.state is not None and copy.log is None
    pickle.loads(pickle.dumps(method.state))  # the state on its own (what a worker receives)
    again = copy.fuse_tile(window.high, window.low, ratio, lambda f, m="": None)
    np.testing.assert_allclose(again, first, rtol=1e-5, atol=1e-6)


# --------------------------------------------------------------------------
# run_algorithm, API and CLI
# --------------------------------------------------------------------------

@pytest.fixture
def pair(tmp_path):
    return scenes.pansharpening_pair(tmp_path, ratio=2, size=48, seed=3)


def test_run_algorithm_checks(tmp_path, pair, monkeypatch):
    from fusediff.engine.errors import UserError
    from fusediff.engine.run import run_algorithm
    ms, pan, _ref, _cube = pair
    with pytest.raises(UserError, match="is also an input"):
        run_algorithm("classical", {"MS": ms, "PAN": pan, "OUTPUT": pan})
    with pytest.raises(UserError, match="look swapped"):
        run_algorithm("classical", {"MS": pan, "PAN": ms, "OUTPUT": str(tmp_path / "s.tif")})
    with pytest.raises(UserError, match="has no parameter FOO"):
        run_algorithm("classical", {"MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "s.tif"), "FOO": 1})
    monkeypatch.setitem(sys.modules, "torch", None)  # `import torch` raises ImportError
    with pytest.raises(UserError, match="PyTorch.*not installed"):
        run_algorithm("ksdiff", {"MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "k.tif")})
    assert not (tmp_path / "s.tif").exists() and not (tmp_path / "k.tif").exists()


def test_api_progress_callback_and_same_result(tmp_path, pair):
    import rasterio

    import fusediff
    from fusediff.engine.run import run_algorithm
    ms, pan, _ref, _cube = pair
    seen = []
    out = fusediff.run("fusediff:classical", progress=lambda f, m="": seen.append((f, m)), METHOD="gsa",
                       MS=ms, PAN=pan, OUTPUT=str(tmp_path / "a.tif"))
    assert out == {"OUTPUT": str(tmp_path / "a.tif")}
    assert seen[0][0] == 0.0 and seen[-1] == (1.0, "Done")
    run_algorithm("classical", {"MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "b.tif")})
    with rasterio.open(tmp_path / "a.tif") as a, rasterio.open(tmp_path / "b.tif") as b:
        assert np.array_equal(a.read(), b.read())  # METHOD 'gsa' (text) == the default index 1


def _cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "fusediff", *args], capture_output=True, text=True,
                          timeout=300, cwd=cwd, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                     "OMP_NUM_THREADS": "1"})


def test_cli_list_help_run_and_error(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    listing = _cli("list")
    assert listing.returncode == 0 and "ksdiff" in listing.stdout and "classical" in listing.stdout
    helped = _cli("help", "ksdiff")
    assert helped.returncode == 0 and "--CONSISTENCY" in helped.stdout and "--PRESET" in helped.stdout
    out = tmp_path / "c.tif"
    ok = _cli("run", "classical", f"--MS={ms}", "--PAN", pan, f"--OUTPUT={out}", "--METHOD=2")
    assert ok.returncode == 0, ok.stderr
    assert f"OUTPUT: {out}" in ok.stdout and out.exists()
    assert "100.0% Done" in ok.stderr  # plain progress lines when not on a terminal
    bad = _cli("run", "classical", f"--MS={pan}", f"--PAN={pan}", f"--OUTPUT={tmp_path / 'bad.tif'}")
    assert bad.returncode == 1 and "Traceback" not in bad.stderr
    assert bad.stderr.strip().splitlines()[-1].startswith("Error: ") and not (tmp_path / "bad.tif").exists()
    assert _cli("run").returncode == 2 and _cli("nonsense").returncode == 2


def test_import_layers_contract():
    """The layer rules in pyproject.toml (import-linter): front ends -> engine -> rasters | models, and
    nothing below the QGIS adapters imports QGIS."""
    linter = ROOT / ".venv" / "bin" / "lint-imports"
    if not linter.exists():
        pytest.skip("import-linter is not installed (pip install import-linter==2.16)")
    proc = subprocess.run([str(linter)], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:]
    assert "0 broken" in proc.stdout


def test_ruff_finds_nothing():
    """The code style configured in pyproject.toml (ruff) holds for the package, tests, bench and scripts."""
    ruff = ROOT / ".venv" / "bin" / "ruff"
    if not ruff.exists():
        pytest.skip("ruff is not installed (pip install ruff==0.17.5)")
    proc = subprocess.run([str(ruff), "check", "."], capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert proc.returncode == 0, proc.stdout[-3000:]
