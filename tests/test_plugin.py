"""The plugin as QGIS loads it: classFactory(None), provider registration, metadata."""
from __future__ import annotations

import configparser
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXPECTED = {"fusediff:classical", "fusediff:simulate", "fusediff:assess"}


def test_metadata_has_required_fields():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "fusediff" / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    for key in ("name", "qgisMinimumVersion", "description", "about", "version", "author", "email",
                "hasProcessingProvider", "tags", "icon", "experimental"):
        assert general.get(key, "").strip(), key
    assert general["name"] == "FuseDiff"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / "fusediff" / general["icon"]).is_file()
    # no public repository or tracker exists yet: left out rather than invented (issue 21);
    # plugins.qgis.org asks for both before an upload
    assert "repository" not in general and "tracker" not in general and "homepage" not in general
    assert "GNU GENERAL PUBLIC LICENSE" in (ROOT / "fusediff" / "LICENSE").read_text()[:200]
    assert "Version 3" in (ROOT / "fusediff" / "LICENSE").read_text()[:200]


def test_provider_registered(qgis_app):
    from qgis.core import QgsApplication
    provider = QgsApplication.processingRegistry().providerById("fusediff")
    assert provider is not None
    assert provider.name() == "FuseDiff"
    import fusediff
    assert provider.longName() == f"FuseDiff {fusediff.__version__}"
    assert not provider.icon().isNull()
    ids = {a.id() for a in provider.algorithms()}
    assert EXPECTED <= ids
    for alg in provider.algorithms():
        assert alg.shortHelpString().strip()
        assert alg.helpUrl() == ""  # the dialog's help is the documentation: no invented web page
        assert alg.displayName() and alg.group()


def test_class_factory_none_register_unregister(qgis_app):
    """A second plugin instance from classFactory(None): unload the session's, register again."""
    from qgis.core import QgsApplication
    import fusediff
    registry = QgsApplication.processingRegistry()
    qgis_app.plugin.unload()
    assert registry.providerById("fusediff") is None
    plugin = fusediff.classFactory(None)
    assert plugin.iface is None
    plugin.initGui()  # calls initProcessing(); works without a GUI
    assert registry.providerById("fusediff") is not None
    assert registry.algorithmById("fusediff:classical") is not None
    plugin.unload()
    assert registry.providerById("fusediff") is None
    qgis_app.plugin.initProcessing()  # restore for the other tests
    assert registry.algorithmById("fusediff:simulate") is not None


def _run_fresh_python(code: str) -> str:
    """Run ``code`` (with %r standing for the plugin folder) in a new interpreter -> its stdout;
    fails the test on a non-zero exit (this session has long imported torch)."""
    import subprocess
    import sys
    proc = subprocess.run([sys.executable, "-c", code % str(ROOT / ".plugins")], capture_output=True, text=True,
                          timeout=120)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def test_classical_algorithms_import_no_torch():
    """The provider's algorithm modules must not import torch at import time."""
    _run_fresh_python(
        "import sys; sys.path.insert(0, %r); "
        "import builtins; real = builtins.__import__\n"
        "def guard(name, *a, **k):\n"
        "    if name == 'torch' or name.startswith('torch.'): raise ImportError('no torch here')\n"
        "    return real(name, *a, **k)\n"
        "builtins.__import__ = guard\n"
        "from fusediff.algorithms import algorithm_classes\n"
        "names = sorted(c.NAME for c in algorithm_classes())\n"
        "print(names)\n"
        "assert {'classical', 'simulate', 'assess'} <= set(names), names\n"
    )


def test_registering_the_algorithms_loads_no_torch():
    """QGIS builds every algorithm's parameters at start-up: that must not import PyTorch (it cost
    every QGIS start 1.3 s and hundreds of MB, FuseDiff used or not)."""
    out = _run_fresh_python(
        "import os, sys; sys.path.insert(0, %r); sys.path.insert(0, '/usr/share/qgis/python/plugins')\n"
        "os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from qgis.core import QgsApplication\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from fusediff.provider.provider import FuseDiffProvider\n"
        "p = FuseDiffProvider(); QgsApplication.processingRegistry().addProvider(p)\n"
        "names = {a.name() for a in p.algorithms()}\n"
        "assert {'ksdiff', 'respandiff', 'sdp', 'argsdiff', 'dmzs', 'train'} <= names, names\n"
        "params = sum(len(a.parameterDefinitions()) for a in p.algorithms()); assert params > 50\n"
        "print('torch' in sys.modules)\n"
    )
    assert out.strip().splitlines()[-1] == "False"


def test_simulate_without_torch_says_how_to_install(monkeypatch, qgis_app, tmp_path):
    """With torch unimportable, simulate fails with install instructions and writes nothing."""
    import sys
    import processing
    from qgis.core import QgsProcessingException
    import scenes
    _ms, _pan, ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=2, size=32)
    monkeypatch.setitem(sys.modules, "torch", None)  # makes `import torch` raise ImportError
    low, high = tmp_path / "l.tif", tmp_path / "h.tif"
    with pytest.raises(QgsProcessingException) as info:
        processing.run("fusediff:simulate", {"REFERENCE": ref, "RATIO": 2,
                                             "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)})
    assert "PyTorch (torch) is not installed" in str(info.value)
    assert "fusediff:install_dependencies" in str(info.value)
    assert not low.exists() and not high.exists()
