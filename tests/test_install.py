"""Installing FuseDiff in a QGIS whose Python lacks rasterio and torch (issue 21).

Fast: the one-sentence dependency messages (an import hook hides or breaks modules in a child
Python), the GDAL raster backend standing in for rasterio (same pixels through
fusediff:classical), the dependencies folder on sys.path, the SOURCE / PyTorch-build logic and
the install itself with a fake pip. Slow (``-m slow``): the zip from ``make package`` in a fresh
profile under qgis_process with Debian's rasterio and the venv's torch hidden, the real
install_dependencies from a local wheel folder, then classical and ksdiff in a new qgis_process,
then removing the folder.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
import time
import zipfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[1]
SYSTEM_PYTHON = "/usr/bin/python3"
QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"

#: sitecustomize for a child Python: FD_HIDE modules raise ModuleNotFoundError unless found in
#: an FD_ALLOW folder; FD_BROKEN modules raise OSError (a broken binary install).
HIDER = textwrap.dedent('''
    import os, sys
    from importlib.machinery import PathFinder
    HIDE = set(filter(None, os.environ.get("FD_HIDE", "").split(",")))
    BROKEN = set(filter(None, os.environ.get("FD_BROKEN", "").split(",")))
    ALLOW = [p for p in os.environ.get("FD_ALLOW", "").split(os.pathsep) if p]

    class _Hider:
        @classmethod
        def find_spec(cls, name, path=None, target=None):
            top = name.split(".")[0]
            if top in BROKEN:
                raise OSError(f"lib{top}.so: cannot open shared object file (simulated)")
            if top not in HIDE or "." in name:
                return None
            spec = PathFinder.find_spec(name, [p for p in sys.path
                                               if any(p.startswith(a) for a in ALLOW)])
            if spec is None:
                raise ModuleNotFoundError(f"No module named '{name}'", name=name)
            return spec

    sys.meta_path.insert(0, _Hider)
''')


def hider(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "sitecustomize.py").write_text(HIDER)
    return folder


def child(code: str, tmp_path: Path, hide=(), broken=(), allow=(), python=sys.executable) -> str:
    env = dict(os.environ, FD_HIDE=",".join(hide), FD_BROKEN=",".join(broken),
               FD_ALLOW=os.pathsep.join(map(str, allow)),
               PYTHONPATH=os.pathsep.join([str(hider(tmp_path / "hide")), str(ROOT)]))
    out = subprocess.run([python, "-c", code], env=env, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stdout + out.stderr
    return out.stdout


def _one_sentence(text: str) -> bool:
    body = text.rstrip()
    return body.endswith(".") and ". " not in body[:-1].replace("e.g. ", "")


# ----------------------------------------------------------------------------------------------
# messages
# ----------------------------------------------------------------------------------------------

def test_missing_and_broken_give_one_sentence_with_the_one_step(tmp_path):
    code = ("import json; from fusediff.engine import dependencies as d\n"
            "print(json.dumps([d.missing(['torch', 'rasterio'], qgis=True), "
            "d.missing(['torch', 'rasterio'], qgis=False), d.missing(['dask'], qgis=True)]))")
    import json
    qgis, pip, dask = json.loads(child(code, tmp_path, hide=("torch", "rasterio", "osgeo", "dask")))
    assert len(qgis) == 2 and len(pip) == 2
    assert qgis[0].startswith("PyTorch (torch) is not installed for the Python that QGIS uses")
    assert qgis[1].startswith("rasterio is not installed")
    for sentence in qgis + dask:
        assert "fusediff:install_dependencies" in sentence and "Install dependencies" in sentence
        assert _one_sentence(sentence), sentence
    assert "'python -m pip install torch==2.13.0'" in pip[0] and _one_sentence(pip[0])

    broken = json.loads(child(code, tmp_path, broken=("torch",)))[0]
    assert len(broken) == 1
    assert broken[0].startswith("PyTorch (torch) is installed but cannot be loaded (OSError: libtorch.so")
    assert "restart QGIS" in broken[0] and _one_sentence(broken[0])


def test_check_raises_user_error(tmp_path):
    out = child("from fusediff.engine import dependencies as d\n"
                "from fusediff.engine.errors import UserError\n"
                "try:\n    d.check(['torch'], qgis=True)\nexcept UserError as e:\n    print('UE', e)\n",
                tmp_path, hide=("torch",))
    assert out.startswith("UE PyTorch (torch) is not installed")


def test_gdal_bindings_stand_in_for_rasterio(tmp_path):
    """A stock QGIS: no rasterio, no affine; the raster layer uses osgeo.gdal, nothing is missing."""
    out = child("from fusediff.engine import dependencies as d; from fusediff.rasters import backend\n"
                "from fusediff.rasters.transform import Affine\n"
                "print(d.missing(['rasterio']), backend.NAME, Affine.__module__)",
                tmp_path, hide=("rasterio", "affine"), python=SYSTEM_PYTHON)
    assert out.split() == ["[]", "gdal", "fusediff.rasters.transform"]


def test_provider_lists_every_algorithm_without_rasterio_and_torch(tmp_path):
    code = textwrap.dedent('''
        import sys
        from qgis.core import QgsApplication
        QgsApplication.setPrefixPath("/usr", True)
        app = QgsApplication([], False, sys.argv[1]); app.initQgis()
        sys.path.append("/usr/share/qgis/python/plugins")
        from processing.core.Processing import Processing; Processing.initialize()
        import fusediff
        plugin = fusediff.classFactory(None); plugin.initProcessing()
        print(" ".join(sorted(a.name() for a in plugin.provider.algorithms())))
        import processing
        from qgis.core import QgsProcessingException
        try:
            processing.run("fusediff:ksdiff", {"MS": "ms.tif", "PAN": "pan.tif", "OUTPUT": "o.tif"})
        except QgsProcessingException as exc:
            print("ERROR", exc)
    ''').replace("sys.argv[1]", repr(str(tmp_path / "profile")))
    env_code = "import os; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n" + code
    out = child(env_code, tmp_path, hide=("rasterio", "affine", "torch"), python=SYSTEM_PYTHON)
    lines = out.strip().splitlines()
    names = lines[-2].split()
    for alg in ("classical", "simulate", "assess", "ksdiff", "respandiff", "dmzs", "sdp",
                "argsdiff", "train", "install_dependencies"):
        assert alg in names
    assert lines[-1].startswith("ERROR PyTorch (torch) is not installed for the Python that QGIS uses")


# ----------------------------------------------------------------------------------------------
# the folder, the source, the build
# ----------------------------------------------------------------------------------------------

@pytest.fixture
def restore_sys_path():
    saved = list(sys.path)
    yield
    sys.path[:] = saved


def test_activate_puts_the_folder_first_and_honours_a_pending_removal(tmp_path, restore_sys_path):
    from fusediff.engine import installer
    folder = tmp_path / "profile" / "python" / installer.FOLDER_NAME
    assert installer.deps_folder(str(tmp_path / "profile")) == folder
    assert not installer.activate(folder)  # not there yet: still first on the path
    assert sys.path[0] == str(folder)
    (folder / "fd_fake_pkg").mkdir(parents=True)
    (folder / "fd_fake_pkg" / "__init__.py").write_text("VALUE = 42\n")
    assert installer.activate(folder)
    assert sys.path.count(str(folder)) == 1
    import fd_fake_pkg
    assert fd_fake_pkg.VALUE == 42
    del sys.modules["fd_fake_pkg"]
    assert installer.remove(folder) == "" and not folder.exists()
    folder.mkdir()
    (folder.parent / installer.REMOVE_MARKER).write_text("")
    installer.activate(folder)  # a removal left for the next start
    assert not folder.exists() and not (folder.parent / installer.REMOVE_MARKER).exists()


def test_deps_folder_environment_override(tmp_path, monkeypatch):
    from fusediff.engine import installer
    monkeypatch.setenv("FUSEDIFF_DEPS_DIR", str(tmp_path / "d"))
    assert installer.deps_folder(None) == tmp_path / "d"


def test_source_arguments_and_torch_build(tmp_path, monkeypatch):
    from fusediff.engine import installer
    from fusediff.engine.errors import UserError
    py = f"cp{sys.version_info[0]}{sys.version_info[1]}"
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    for local in ("+cpu", "+cu126", "+cu128"):
        (wheels / f"torch-2.13.0{local}-{py}-{py}-manylinux_2_28_x86_64.whl").write_bytes(b"")
    (wheels / f"torch-2.12.0+cu130-{py}-{py}-manylinux_2_28_x86_64.whl").write_bytes(b"")
    assert installer.source_args("") == []
    assert installer.source_args(str(wheels)) == ["--no-index", "--find-links", str(wheels)]
    assert installer.source_args("https://example.invalid/simple") == ["--index-url",
                                                                        "https://example.invalid/simple"]
    with pytest.raises(UserError, match="neither a folder of wheels nor an index URL"):
        installer.source_args(str(tmp_path / "nope"))
    assert installer.torch_builds(str(wheels)) == ["cpu", "cu126", "cu128"]
    assert installer.torch_requirement(str(wheels), "cuda")[0] == "torch==2.13.0+cu128"
    assert installer.torch_requirement(str(wheels), "cpu")[0] == "torch==2.13.0+cpu"
    monkeypatch.setattr(installer, "detect_device", lambda: ("cuda", "test"))
    assert installer.torch_requirement(str(wheels), "auto")[0] == "torch==2.13.0+cu128"
    monkeypatch.setattr(installer, "detect_device", lambda: ("cpu", "test"))
    assert installer.torch_requirement(str(wheels), "auto")[0] == "torch==2.13.0+cpu"
    assert installer.torch_requirement("", "auto")[0] == "torch==2.13.0"  # the index's default wheel
    cmd = installer.pip_command("/py", "/t", ["torch==2.13.0"], str(wheels))
    assert cmd[:6] == ["/py", "-m", "pip", "install", "--target", "/t"]
    assert "--no-index" in cmd and cmd[-1] == "torch==2.13.0"
    reqs, _ = installer.requirements(["torch", "dask", "distributed"], str(wheels), "cpu")
    assert reqs == ["torch==2.13.0+cpu", "dask==2026.8.0", "distributed==2026.8.0"]


def test_find_python_is_this_version():
    from fusediff.engine import installer
    exe = installer.find_python()
    assert installer._python_version(exe) == f"{sys.version_info[0]}.{sys.version_info[1]}|{sys.version}"


FAKE_PIP = textwrap.dedent('''\
    #!{python}
    """A fake QGIS python: '-m pip' is simulated (calls logged), '-c' runs for real."""
    import json, os, sys, time
    args = sys.argv[1:]
    with open(os.environ["FAKE_PIP_LOG"], "a") as fh:
        fh.write(json.dumps(args) + "\\n")
    if args[:1] == ["-c"]:
        os.execv({python!r}, [{python!r}] + args)
    assert args[:2] == ["-m", "pip"], args
    if args[2:3] == ["--version"]:
        print("pip 99.0 (fake)"); sys.exit(0)
    target = args[args.index("--target") + 1]
    reqs = [a for a in args if "==" in a]
    if "--dry-run" in args:
        report = args[args.index("--report") + 1]
        install = [{{"metadata": {{"name": r.split("==")[0], "version": r.split("==")[1]}}}} for r in reqs]
        install.append({{"metadata": {{"name": "numpy", "version": "2.9.0"}}}})
        install.append({{"metadata": {{"name": "fd-dep", "version": "1.0"}}}})
        json.dump({{"install": install}}, open(report, "w")); sys.exit(0)
    for r in reqs:
        print("Collecting " + r, flush=True)
        if os.environ.get("FAKE_PIP_SLOW"):
            time.sleep(30)
        name = r.split("==")[0].replace("-", "_")
        os.makedirs(os.path.join(target, name), exist_ok=True)
        open(os.path.join(target, name, "__init__.py"), "w").write("__version__ = 'fake'\\n")
    print("Successfully installed " + " ".join(reqs)); sys.exit(0)
''')


@pytest.fixture
def fake_python(tmp_path, monkeypatch):
    exe = tmp_path / "fakepython"
    exe.write_text(FAKE_PIP.format(python=sys.executable))
    exe.chmod(0o755)
    monkeypatch.setenv("FAKE_PIP_LOG", str(tmp_path / "pip.log"))
    return exe


def _pip_calls(tmp_path):
    import json
    return [json.loads(line) for line in (tmp_path / "pip.log").read_text().splitlines()]


def test_install_with_a_fake_pip_from_a_wheel_folder(tmp_path, fake_python, restore_sys_path):
    from fusediff.engine import installer
    wheels = tmp_path / "wheels"
    wheels.mkdir()
    folder = tmp_path / "profile" / "python" / installer.FOLDER_NAME
    (folder / "fd_old").mkdir(parents=True)  # an earlier install stays
    steps = []
    result = installer.install(folder, ["dask", "distributed"], source=str(wheels),
                               progress=lambda f, m: steps.append(f), log=lambda s: None,
                               python=str(fake_python))
    assert result["installed"] == ["dask==2026.8.0", "distributed==2026.8.0", "fd-dep==1.0"]
    assert result["skipped"] == ["numpy==2.9.0"]  # never NumPy: QGIS's is used
    assert sorted(p.name for p in folder.iterdir()) == ["dask", "distributed", "fd_dep", "fd_old"]
    assert steps == sorted(steps) and steps[-1] == 1.0
    calls = _pip_calls(tmp_path)
    real = [c for c in calls if "--target" in c and "--dry-run" not in c][0]
    assert real[real.index("--target") + 1] != str(folder)  # a staging folder, moved afterwards
    assert ["--no-index", "--find-links", str(wheels)] == real[real.index("--no-index"):real.index("--no-index") + 3]
    assert "--no-deps" in real and "numpy==2.9.0" not in real
    assert not [p for p in folder.parent.iterdir() if p.name.startswith(".")]  # staging removed
    assert sys.path[0] == str(folder)


def test_cancelled_install_leaves_the_folder_as_it_was(tmp_path, fake_python, monkeypatch):
    from fusediff.engine import installer
    from fusediff.engine.errors import Cancelled
    monkeypatch.setenv("FAKE_PIP_SLOW", "1")
    folder = tmp_path / "deps"
    calls = {"n": 0}

    def cancel_when_pip_installs():
        calls["n"] += 1
        if not (tmp_path / "pip.log").exists():
            return False
        return any("--dry-run" not in c and "--target" in c for c in _pip_calls(tmp_path))

    t0 = time.perf_counter()
    with pytest.raises(Cancelled):
        installer.install(folder, ["dask"], log=lambda s: None, python=str(fake_python),
                          is_cancelled=cancel_when_pip_installs)
    assert time.perf_counter() - t0 < 20
    assert not folder.exists() and not [p for p in tmp_path.iterdir() if p.name.startswith(".deps")]


def test_plan_installs_only_what_does_not_load(monkeypatch):
    from fusediff.engine import dependencies, installer
    states = {"torch": "missing", "rasterio": "ok", "dask": "broken", "distributed": "ok"}
    monkeypatch.setattr(dependencies, "status", lambda m: (states[m], ""))
    assert installer.plan(("torch", "rasterio")) == ["torch"]
    assert installer.plan(("torch", "rasterio"), dask=True) == ["torch", "dask"]
    assert installer.plan(("torch", "rasterio"), reinstall=True) == ["torch"]


# ----------------------------------------------------------------------------------------------
# the GDAL backend gives the pixels rasterio gives
# ----------------------------------------------------------------------------------------------

@pytest.mark.qgis
@pytest.mark.parametrize("shift", [0.0, 0.375])
def test_classical_same_pixels_with_both_raster_backends(tmp_path, qgis_app, shift):
    import rasterio
    from affine import Affine

    import scenes
    from fusediff.rasters import backend
    from qgis_run import run
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=3)
    if shift:  # MS centred on 4 x 4 PAN blocks: the sub-pixel filter path
        with rasterio.open(ms) as ds:
            a, t = ds.read(), ds.transform
        ms = tmp_path / "ms_shift.tif"
        scenes.write(ms, a, t * Affine.translation(shift, shift))
    out = {}
    previous = backend.NAME
    try:
        for name in ("rasterio", "gdal"):
            backend.use(name)
            path = tmp_path / f"gsa_{name}.tif"
            run("fusediff:classical", {"METHOD": 1, "MS": str(ms), "PAN": str(pan), "OUTPUT": str(path)})
            out[name] = path
    finally:
        backend.use(previous)
    with rasterio.open(out["rasterio"]) as a, rasterio.open(out["gdal"]) as b:
        assert a.crs == b.crs and a.transform == b.transform and a.nodata == b.nodata
        assert a.descriptions == b.descriptions and a.tags(1) == b.tags(1)
        assert np.array_equal(a.read(), b.read())


# ----------------------------------------------------------------------------------------------
# the real thing: zip -> fresh profile -> install_dependencies -> classical, ksdiff -> remove
# ----------------------------------------------------------------------------------------------

def _qgis_process(args, env, timeout=900):
    t0 = time.perf_counter()
    out = subprocess.run([QGIS_PROCESS_BIN, *args], env=env, capture_output=True, text=True,
                         timeout=timeout)
    return out.returncode, out.stdout + out.stderr, time.perf_counter() - t0


@pytest.mark.slow
@pytest.mark.qgis
def test_fresh_profile_install_then_run(tmp_path):
    """The bar of issue 21, end to end (a few minutes: unpacking PyTorch dominates)."""
    if not os.path.exists(QGIS_PROCESS_BIN):
        pytest.skip("qgis_process.bin is not installed")
    import scenes
    timings = {}
    t0 = time.perf_counter()
    proc = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    zip_path = ROOT / proc.stdout.strip().splitlines()[-1]
    plugins = tmp_path / "plugins"
    with zipfile.ZipFile(zip_path) as z:
        z.extractall(plugins)
    profile_root = tmp_path / "profile"
    deps = profile_root / "profiles" / "default" / "python" / f"fusediff-deps-py{sys.version_info[0]}{sys.version_info[1]}"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins),
               QGIS_CUSTOM_CONFIG_PATH=str(profile_root), GDAL_PAM_ENABLED="NO",
               XDG_RUNTIME_DIR=str(tmp_path / "runtime"),
               PYTHONPATH=str(hider(tmp_path / "hide")), FD_HIDE="rasterio,affine,torch",
               FD_ALLOW=str(deps))
    env.pop("FUSEDIFF_DEPS_DIR", None)
    (tmp_path / "runtime").mkdir(mode=0o700)
    rc, log, _ = _qgis_process(["plugins", "enable", "fusediff"], env, 300)
    assert rc == 0, log

    # 1. the provider lists every algorithm, install_dependencies included
    rc, log, _ = _qgis_process(["list"], env, 300)
    assert rc == 0, log
    for alg in ("classical", "simulate", "assess", "ksdiff", "respandiff", "dmzs", "sdp",
                "argsdiff", "train", "install_dependencies"):
        assert f"fusediff:{alg}" in log, alg

    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=5)
    # before: ksdiff says what is missing and the one step, in one sentence
    rc, log, _ = _qgis_process(["run", "fusediff:ksdiff", "--", f"MS={ms}", f"PAN={pan}",
                                f"OUTPUT={tmp_path / 'ks0.tif'}"], env)
    assert rc != 0 and "PyTorch (torch) is not installed for the Python that QGIS uses" in log, log[-3000:]

    # 2. a local wheel folder (pip's cache / local disk; torch 2.13.0 from /opt/wheels)
    wheels = tmp_path / "wheels"
    t1 = time.perf_counter()
    dl = subprocess.run([sys.executable, "-m", "pip", "download", "--only-binary", ":all:",
                         "--dest", str(wheels), "torch==2.13.0"], capture_output=True, text=True,
                        timeout=900)
    assert dl.returncode == 0, dl.stdout[-2000:] + dl.stderr[-2000:]
    timings["pip download"] = time.perf_counter() - t1

    # 3. install_dependencies from that folder
    rc, log, timings["install_dependencies"] = _qgis_process(
        ["run", "fusediff:install_dependencies", "--", f"SOURCE={wheels}"], env, 1200)
    assert rc == 0, log[-4000:]
    assert (deps / "torch").is_dir() and not (deps / "numpy").exists()
    assert "INSTALLED:" in log and "torch==2.13.0" in log
    # pip ran with QGIS's own interpreter (embedded, sys.executable is whatever python3 PATH finds)
    used = [line.split(": ", 1)[1].strip() for line in log.splitlines() if line.startswith("QGIS's Python: ")]
    assert used, log[-3000:]
    version = "import sys; print(sys.version)"
    assert (subprocess.run([used[0], "-c", version], capture_output=True, text=True).stdout
            == subprocess.run([SYSTEM_PYTHON, "-c", version], capture_output=True, text=True).stdout), used

    # 4. a NEW qgis_process runs classical (QGIS's GDAL, no rasterio) and ksdiff (torch from deps)
    rc, log, timings["classical"] = _qgis_process(
        ["run", "fusediff:classical", "--", "METHOD=1", f"MS={ms}", f"PAN={pan}",
         f"OUTPUT={tmp_path / 'gsa.tif'}"], env)
    assert rc == 0, log[-3000:]
    rc, log, timings["ksdiff"] = _qgis_process(
        ["run", "fusediff:ksdiff", "--", f"MS={ms}", f"PAN={pan}", f"OUTPUT={tmp_path / 'ks.tif'}"], env)
    assert rc == 0, log[-3000:]
    import rasterio
    for name in ("gsa.tif", "ks.tif"):
        with rasterio.open(tmp_path / name) as ds:
            assert (ds.count, ds.width, ds.height) == (4, 64, 64)
            assert np.isfinite(ds.read()).all()

    # 5. removing the folder brings back the one-sentence message
    shutil.rmtree(deps)
    rc, log, _ = _qgis_process(["run", "fusediff:ksdiff", "--", f"MS={ms}", f"PAN={pan}",
                                f"OUTPUT={tmp_path / 'ks2.tif'}"], env)
    assert rc != 0 and "PyTorch (torch) is not installed for the Python that QGIS uses" in log
    assert "fusediff:install_dependencies" in log
    timings["total"] = time.perf_counter() - t0
    shutil.rmtree(wheels, ignore_errors=True)  # 200 MB
    print("timings (s):", {k: round(v, 1) for k, v in timings.items()})


# ----------------------------------------------------------------------------------------------
# the plugin menu: install as a QgsTask, remove
# ----------------------------------------------------------------------------------------------

class _FakeIface:
    def __init__(self):
        self.menu, self.messages = [], []

    def mainWindow(self):  # noqa: N802 (QGIS API name)
        return None

    def addPluginToMenu(self, menu, action):  # noqa: N802
        self.menu.append((menu, action.text()))

    def removePluginMenu(self, menu, action):  # noqa: N802
        self.menu.remove((menu, action.text()))

    def messageBar(self):  # noqa: N802
        iface = self

        class Bar:
            def pushMessage(self, title, text, level=None, duration=None):  # noqa: N802
                iface.messages.append(text)
        return Bar()


@pytest.mark.qgis
def test_menu_actions_install_as_a_task_and_remove(tmp_path, qgis_app, fake_python, monkeypatch,
                                                   restore_sys_path):
    from qgis.core import QgsApplication
    from qgis.PyQt.QtWidgets import QMessageBox

    from fusediff.algorithms.compat import qt_enum
    from fusediff.engine import installer
    from fusediff.plugin import FuseDiffPlugin
    folder = tmp_path / "deps"
    monkeypatch.setenv("FUSEDIFF_DEPS_DIR", str(folder))
    monkeypatch.setenv("FUSEDIFF_PYTHON", str(fake_python))
    monkeypatch.setattr(installer, "plan", lambda *a, **k: ["dask"])
    answers = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    yes, no = qt_enum(QMessageBox, "StandardButton", "Yes"), qt_enum(QMessageBox, "StandardButton", "No")
    iface = _FakeIface()
    plugin = FuseDiffPlugin(iface)
    plugin.provider = qgis_app.plugin.provider  # already registered by the fixture
    plugin.initGui()
    assert [t for _m, t in iface.menu] == ["Install dependencies (PyTorch)…", "Remove installed dependencies…"]

    answers.append(no)
    plugin.install_dependencies()
    assert plugin._task is None and not folder.exists()

    answers.append(yes)
    plugin.install_dependencies()
    task = plugin._task[0]
    deadline = time.time() + 60
    while plugin._task is not None and time.time() < deadline:
        QgsApplication.processEvents()
        time.sleep(0.05)
    assert plugin._task is None, "the install task did not finish"
    assert task.progress() == 100
    assert (folder / "dask" / "__init__.py").is_file()
    assert iface.messages and iface.messages[-1].startswith("Dependencies installed into")

    answers.append(yes)
    plugin.remove_dependencies()
    assert not folder.exists() and iface.messages[-1].startswith("Removed")
    plugin.provider = None  # the fixture's provider stays registered
    plugin.unload()
    assert iface.menu == []
