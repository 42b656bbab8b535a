"""`make package`: the plugin zip installs into a fresh profile and runs through qgis_process."""
from __future__ import annotations

import os
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
import rasterio

import scenes

ROOT = Path(__file__).resolve().parents[1]
QGIS_PROCESS_BIN = "/usr/bin/qgis_process.bin"


def test_package_installs_and_runs(tmp_path):
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    if not os.path.exists(QGIS_PROCESS_BIN):
        pytest.skip("qgis_process.bin is not installed")
    proc = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    zip_path = ROOT / proc.stdout.strip().splitlines()[-1]
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        assert all(n.startswith("fusediff/") for n in names)
        for required in ("fusediff/metadata.txt", "fusediff/LICENSE", "fusediff/__init__.py",
                         "fusediff/icon.svg", "fusediff/provider/provider.py"):
            assert required in names
        assert not any(n.startswith(("fusediff/tests/", "fusediff/.git", "fusediff/.venv")) for n in names)
        assert not any("__pycache__" in n or n.endswith(".pyc") for n in names)
        plugins = tmp_path / "plugins"
        z.extractall(plugins)

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QGIS_PLUGINPATH=str(plugins),
               QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"), GDAL_PAM_ENABLED="NO")
    env.pop("PYTHONPATH", None)  # the installed copy, not the repository, must be imported
    enable = subprocess.run([QGIS_PROCESS_BIN, "plugins", "enable", "fusediff"], env=env,
                            capture_output=True, text=True, timeout=300)
    assert enable.returncode == 0, enable.stdout + enable.stderr
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=2, size=32)
    out = tmp_path / "fused.tif"
    run = subprocess.run([QGIS_PROCESS_BIN, "run", "fusediff:classical", "--METHOD=1", f"--MS={ms}",
                          f"--PAN={pan}", f"--OUTPUT={out}"], env=env, capture_output=True, text=True,
                         timeout=300)
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    with rasterio.open(out) as ds:
        assert ds.count == 4 and (ds.width, ds.height) == (32, 32)


#: What plugins.qgis.org refuses inside a plugin zip: compiled code (weights are data).
BINARY_SUFFIXES = (".so", ".pyd", ".dll", ".dylib", ".exe", ".pyc", ".pyo", ".o", ".a", ".lib")
MAX_ZIP_BYTES = 25 * 1024 * 1024


def _make_package() -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.skip("needs a git checkout")
    proc = subprocess.run(["make", "--no-print-directory", "package"], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    return ROOT / proc.stdout.strip().splitlines()[-1]


def test_package_passes_the_plugin_site_checks(tmp_path):
    """metadata, LICENSE, size, no compiled binaries, bandit without high-severity findings."""
    import configparser
    zip_path = _make_package()
    with zipfile.ZipFile(zip_path) as z:
        names = z.namelist()
        z.extractall(tmp_path / "x")
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(tmp_path / "x" / "fusediff" / "metadata.txt", encoding="utf-8")
    meta = parser["general"]
    assert zip_path.name == f"fusediff-{meta['version']}.zip"
    assert zip_path.stat().st_size <= MAX_ZIP_BYTES
    assert "fusediff/LICENSE" in names and "fusediff/metadata.txt" in names
    assert not [n for n in names if n.lower().endswith(BINARY_SUFFIXES)]
    for key in ("name", "description", "about", "version", "qgisMinimumVersion", "author", "email",
                "changelog"):
        assert meta.get(key), key
    assert "PyTorch" in meta["about"] and "install_dependencies" in meta["about"]
    assert meta["version"] in meta["changelog"].split(":")[0]
    assert float(meta["qgisMaximumVersion"]) < 4  # QGIS 4 / Qt6 not declared: not run there
    # no invented addresses: tracker/repository/homepage only once they exist
    for key in ("tracker", "repository", "homepage"):
        assert key not in meta, f"{key} names an address that does not exist"
    bandit = ROOT / ".venv" / "bin" / "bandit"
    cmd = [str(bandit)] if bandit.exists() else ([shutil.which("bandit")] if shutil.which("bandit") else None)
    if cmd is None:
        pytest.skip("bandit is not installed")
    out = subprocess.run(cmd + ["-r", str(tmp_path / "x" / "fusediff"), "-lll", "-f", "json", "-q"],
                         capture_output=True, text=True, timeout=300)
    import json
    report = json.loads(out.stdout)
    high = [r for r in report["results"] if r["issue_severity"] == "HIGH"]
    assert not high, high
    assert report["metrics"]["_totals"]["loc"] > 1000  # it did scan the code
