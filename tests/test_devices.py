"""Devices and a missing/broken PyTorch: DEVICE auto/cpu/cuda, the device and thread log,
the provider loading when `import torch` raises OSError, and the install/repair message."""
from __future__ import annotations

import subprocess
import sys

import pytest

import scenes
from conftest import ROOT

BROKEN_TORCH = (
    "import sys; sys.path.insert(0, %r)\n"
    "import builtins; real = builtins.__import__\n"
    "def guard(name, *a, **k):\n"
    "    if name == 'torch' or name.startswith('torch.'):\n"
    "        raise OSError('libtorch_cpu.so: cannot open shared object file')\n"
    "    return real(name, *a, **k)\n"
    "builtins.__import__ = guard\n"
)


def test_provider_loads_with_torch_raising_oserror():
    """A torch whose import raises OSError (broken install): every algorithm module still loads."""
    code = BROKEN_TORCH % str(ROOT / ".plugins") + (
        "from fusediff.algorithms import algorithm_classes, LOAD_ERRORS\n"
        "names = sorted(c.NAME for c in algorithm_classes())\n"
        "print(names, LOAD_ERRORS)\n"
        "assert {'classical', 'simulate', 'assess', 'respandiff'} <= set(names), names\n"
        "import os; os.environ.setdefault('QT_QPA_PLATFORM', 'offscreen')\n"
        "from qgis.core import QgsApplication\n"
        "QgsApplication.setPrefixPath('/usr', True)\n"
        "app = QgsApplication([], False); app.initQgis()\n"
        "from fusediff.provider.provider import FuseDiffProvider\n"
        "provider = FuseDiffProvider()\n"
        "assert QgsApplication.processingRegistry().addProvider(provider)\n"
        "ids = sorted(a.id() for a in provider.algorithms())\n"
        "print(ids)\n"
        "assert {'fusediff:classical', 'fusediff:simulate', 'fusediff:assess', 'fusediff:respandiff'} <= set(ids), ids\n"
        "assert provider.algorithm('classical').parameterDefinition('PAN') is not None\n")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr


@pytest.mark.usefixtures("qgis_app")
def test_broken_torch_message_and_classical_still_works(tmp_path, monkeypatch):
    import builtins

    import processing
    from qgis.core import QgsProcessingException
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64)
    real = builtins.__import__

    def guard(name, *args, **kw):
        if name == "torch" or name.startswith("torch."):
            raise OSError("libtorch_cpu.so: cannot open shared object file")
        return real(name, *args, **kw)

    monkeypatch.setattr(builtins, "__import__", guard)
    out = tmp_path / "rpd.tif"
    with pytest.raises(QgsProcessingException) as info:
        processing.run("fusediff:respandiff", {"MS": ms, "PAN": pan, "OUTPUT": str(out)})
    msg = str(info.value)
    assert "cannot be loaded" in msg and "pip install --force-reinstall torch" in msg
    assert "OSError" in msg and not out.exists()
    processing.run("fusediff:classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / "g.tif")})
    assert (tmp_path / "g.tif").exists()


@pytest.mark.usefixtures("qgis_app")
def test_device_and_threads_are_logged(tmp_path):
    import processing
    from qgis.core import QgsProcessingFeedback
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64)
    logs = []

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802
            logs.append(info)
            super().pushInfo(info)

    processing.run("fusediff:respandiff", {"MS": ms, "PAN": pan, "DEVICE": 1, "STEPS": 2,
                                           "OUTPUT": str(tmp_path / "o.tif")}, feedback=Feedback())
    assert any(line.startswith("Device: cpu; CPU threads: ") for line in logs), logs


@pytest.mark.usefixtures("qgis_app")
def test_cuda_requested_without_gpu(tmp_path):
    import processing
    import torch
    from qgis.core import QgsProcessingException
    if torch.cuda.is_available():
        pytest.skip("a CUDA GPU is present")
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=64)
    with pytest.raises(QgsProcessingException, match="sees no CUDA GPU"):
        processing.run("fusediff:respandiff", {"MS": ms, "PAN": pan, "DEVICE": 2,
                                               "OUTPUT": str(tmp_path / "o.tif")})
    assert not (tmp_path / "o.tif").exists()


def test_select_device_auto_order(monkeypatch):
    import torch

    from fusediff.models.device import select_device
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert select_device("auto").type == "cuda"
    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    mps = getattr(torch.backends, "mps", None)
    if mps is not None:
        monkeypatch.setattr(mps, "is_available", lambda: True)
        assert select_device("auto").type == "mps"
        monkeypatch.setattr(mps, "is_available", lambda: False)
    assert select_device("auto").type == "cpu"
    assert select_device("cpu").type == "cpu"


def test_every_diffusion_algorithm_logs_device_and_threads():
    """Each torch algorithm picks its device through engine.algorithms.common.torch_device (which
    logs 'Device: ...; CPU threads: ...' and applies RunContext.threads)."""
    import inspect

    from fusediff.engine.algorithms import hsimsi, pansharpen
    from fusediff.engine.registry import algorithm_specs
    shared = {"run_net": inspect.getsource(pansharpen.run_net), "run_hsi_msi": inspect.getsource(hsimsi.run_hsi_msi)}
    checked = 0
    for spec in algorithm_specs().values():
        if "torch" not in spec.needs or spec.name == "simulate":  # simulate runs on the CPU only
            continue
        run = spec.run_function()
        source = inspect.getsource(getattr(run, "func", run))  # a functools.partial of a shared body
        body = next((text for name, text in shared.items() if f"{name}(" in source), source)
        assert "torch_device(" in body, f"fusediff:{spec.name} does not call torch_device"
        checked += 1
    assert checked >= 5

