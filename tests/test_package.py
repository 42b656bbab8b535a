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
