"""`pip install .` into a fresh venv without system site packages (no QGIS, no Debian numpy), then
`fusediff run ksdiff` on a real Landsat-7 pair, and a one-band MS refused cleanly. Slow (torch is
installed from the local wheel cache, numpy/rasterio from the package index): run with -m slow."""
from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from conftest import ROOT


@pytest.mark.slow
def test_fresh_venv_pip_install_and_run(tmp_path):
    import numpy as np
    import rasterio

    import scenes
    from test_tiling import landsat_pair
    ms, pan = landsat_pair(tmp_path, size=256)
    with rasterio.open(ms) as ds:  # a one-band MS for the refusal
        one = scenes.write(tmp_path / "ms1.tif", ds.read(1)[None].astype(np.float32), ds.transform)
    venv = tmp_path / "venv"
    started = time.perf_counter()
    subprocess.run(["/usr/bin/python3", "-m", "venv", str(venv)], check=True, timeout=300)
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env["OMP_NUM_THREADS"] = "2"
    install = subprocess.run([str(venv / "bin" / "pip"), "install", str(ROOT)], capture_output=True, text=True,
                             env=env, timeout=3000)
    assert install.returncode == 0, install.stdout[-3000:] + install.stderr[-3000:]
    installed = time.perf_counter() - started
    fusediff = str(venv / "bin" / "fusediff")
    probe = subprocess.run([str(venv / "bin" / "python"), "-c", "import numpy, fusediff, sys; "
                            "print(numpy.__version__, fusediff.__file__, 'qgis' in sys.modules)"],
                           capture_output=True, text=True, env=env, cwd=tmp_path, timeout=300)
    assert probe.returncode == 0 and str(venv) in probe.stdout, probe.stdout + probe.stderr
    out = tmp_path / "ksdiff.tif"
    t0 = time.perf_counter()
    ok = subprocess.run([fusediff, "run", "ksdiff", f"--PAN={pan}", f"--MS={ms}", f"--OUTPUT={out}"],
                        capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    ran = time.perf_counter() - t0
    assert ok.returncode == 0, ok.stderr[-3000:]
    with rasterio.open(out) as ds:
        assert ds.count == 4 and (ds.width, ds.height) == (256, 256) and np.isfinite(ds.read()).all()
    bad_out = tmp_path / "bad.tif"
    bad = subprocess.run([fusediff, "run", "ksdiff", f"--PAN={pan}", f"--MS={one}", f"--OUTPUT={bad_out}"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=600)
    assert bad.returncode != 0 and "Traceback" not in bad.stderr, bad.stderr
    assert bad.stderr.strip().splitlines()[-1].startswith("Error: ") and not bad_out.exists()
    print(f"fresh venv: numpy {probe.stdout.split()[0]}; create + pip install {installed:.0f} s; "
          f"fusediff run ksdiff (256 x 256 Landsat-7) {ran:.1f} s; one-band MS: {bad.stderr.strip().splitlines()[-1]}",
          file=sys.stderr)
