"""One engine, three front ends: `qgis_process run fusediff:ALG`, `fusediff run ALG` and
`fusediff.run(ALG)` give the same pixels (max relative difference <= 1e-5) for every fusion
algorithm on the same small inputs (tiny settings, one torch thread everywhere). Measured (2-core VM,
load ~16): classical 0, ResPanDiff 3.0e-7, KSDiff 4.2e-7, DM-ZS 4.4e-7, SDP 1.2e-6, ARGS-Diff 1.3e-6;
the self-learning three are marked slow (run with -m slow)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import rasterio

import scenes
from conftest import ROOT

WRAPPER = ROOT / "scripts" / "qgis_process"


def cases(folder: Path) -> dict:
    """{algorithm: parameters} on small inputs (tiny diffusion settings)."""
    import test_dmzs
    import test_hsimsi_algorithms as hm
    ms, pan, _ref, _cube = scenes.pansharpening_pair(folder, ratio=2, size=64, seed=4)
    (folder / "d").mkdir()
    hsi6, pan6, _r, _c = scenes.pansharpening_pair(folder / "d", ratio=4, size=32, seed=2, bands=6)
    hsi, msi, _cube2, _srf = hm._pair(folder)
    return {
        "classical": {"METHOD": 2, "MS": ms, "PAN": pan},
        "respandiff": {"MS": ms, "PAN": pan, "STEPS": 2, "DEVICE": 1},
        "ksdiff": {"MS": ms, "PAN": pan, "DEVICE": 1},
        "dmzs": dict(test_dmzs.FAST, HSI=hsi6, PAN=pan6, PRIOR=2, PRIOR_FILE=test_dmzs._tiny_prior_file(folder)),
        "sdp": dict(hm.FAST["sdp"], HSI=hsi, MSI=msi),
        # few training iterations: inside QGIS, torch's BLAS calls go to the OpenBLAS that QGIS loads
        # (blas_threads.py), whose rounding differs; 20 iterations of training grow that to 1.4e-4
        # (plain Python runs match to 0), 2 keep it at float precision
        "argsdiff": dict(hm.FAST["argsdiff"], HSI=hsi, MSI=msi, SPATIAL_ITERS=2, SPECTRAL_ITERS=2),
    }


def _read(path) -> np.ndarray:
    with rasterio.open(path) as ds:
        return ds.read().astype(np.float64)


def _env(tmp_path) -> dict:
    env = dict(os.environ, OMP_NUM_THREADS="1", QGIS_CUSTOM_CONFIG_PATH=str(tmp_path / "profile"))
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


@pytest.fixture(scope="module")
def qgis_env(tmp_path_factory):
    """Environment of a qgis_process with the plugin enabled and FuseDiff's CPU threads set to 1."""
    if not any(Path(p).exists() for p in ("/usr/bin/qgis_process.bin", "/usr/bin/qgis_process")):
        pytest.skip("qgis_process is not installed")
    tmp_path = tmp_path_factory.mktemp("qgis_env")
    env = _env(tmp_path)
    # qgis_process takes the provider's thread setting; one thread in all three front ends
    subprocess.run([str(WRAPPER), "plugins", "enable", "fusediff"], env=env, capture_output=True, timeout=300)
    ini = tmp_path / "profile" / "profiles" / "default" / "QGIS" / "QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    with open(ini, "a", encoding="utf-8") as f:
        f.write("\n[Processing]\nConfiguration\\FUSEDIFF_CPU_THREADS=1\n")
    return env


@pytest.mark.qgis
@pytest.mark.parametrize("alg", ["classical", "respandiff", "ksdiff",
                                 # the self-learning ones train three times each (minutes): -m slow
                                 pytest.param("dmzs", marks=pytest.mark.slow),
                                 pytest.param("sdp", marks=pytest.mark.slow),
                                 pytest.param("argsdiff", marks=pytest.mark.slow)])
def test_same_pixels_from_every_front_end(tmp_path, qgis_env, alg):
    import fusediff
    env = qgis_env
    params = cases(tmp_path)[alg]
    args = [f"--{k}={v}" for k, v in params.items()]
    out_q, out_c, out_a = (tmp_path / f"{alg}_{w}.tif" for w in ("qgis", "cli", "api"))
    proc = subprocess.run([str(WRAPPER), "run", f"fusediff:{alg}", *args, f"--OUTPUT={out_q}"], env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    assert alg == "classical" or "CPU threads: 1." in proc.stdout, proc.stdout[-2000:]
    proc = subprocess.run([sys.executable, "-m", "fusediff", "run", alg, *args, f"--OUTPUT={out_c}",
                           "--threads=1"], env=env, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    fusediff.run(alg, OUTPUT=str(out_a), threads=1, **params)
    q, c, a = _read(out_q), _read(out_c), _read(out_a)
    scale = np.abs(q).max()
    worst = max(np.abs(c - q).max(), np.abs(a - q).max()) / scale
    print(f"{alg}: max relative difference to qgis_process {worst:.2e}")
    assert worst <= 1e-5
