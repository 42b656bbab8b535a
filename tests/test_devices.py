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
    assert "cannot be loaded" in msg and "fusediff:install_dependencies" in msg and "REINSTALL" in msg
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


# --------------------------------------------------------------------------------------------------
# The GPU path. The CPU-side device guard over every method is tests/test_device_guard.py;
# these check the pieces around it, and run the methods on a real CUDA / MPS device where there is one.
# --------------------------------------------------------------------------------------------------
FACTORIES = {"eye", "zeros", "ones", "full", "empty", "arange", "linspace", "logspace", "rand", "randn", "randint",
             "randperm", "normal", "scalar_tensor"}


def test_every_factory_in_models_names_its_device():
    """Static companion of the runtime guard (it also sees code paths the small runs do not take):
    every torch.<factory>(...) call in fusediff/models states device=..., except inside an
    nn.Module's __init__ (module state moves with module.to(device))."""
    import ast

    models = ROOT / "fusediff" / "models"
    missing = []
    for path in sorted(models.rglob("*.py")):
        tree = ast.parse(path.read_text())
        for func in [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]:
            if func.name == "__init__":
                continue
            for node in ast.walk(func):
                if (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in FACTORIES
                        and isinstance(node.func.value, ast.Name) and node.func.value.id == "torch"
                        and not any(k.arg == "device" for k in node.keywords)):
                    missing.append(f"{path.relative_to(ROOT)}:{node.lineno} torch.{node.func.attr}")
    assert not missing, "factories without device=: " + ", ".join(sorted(set(missing)))
    source = (models / "dmzs.py").read_text()
    assert "torch.eye(3, dtype=s.dtype))" not in source  # the old DM-ZS line


def test_float64_device_keeps_float64_off_mps():
    import torch

    from fusediff.models import device as D
    cpu, cuda, mps = torch.device("cpu"), torch.device("cuda"), torch.device("mps")
    assert D.float64_device(cpu) is cpu and D.float64_device(cuda) is cuda
    assert D.float64_device(mps) == torch.device("cpu") and D.float64_device("mps") == torch.device("cpu")
    x = torch.rand(3, 4)
    y = D.to_float64(x)
    assert y.dtype == torch.float64 and torch.equal(y, x.double())  # the CPU: exactly .double()


def test_mixed_precision_is_off_on_the_cpu_and_validated():
    import warnings

    import torch

    from fusediff.models import device as D
    previous = D.set_mixed_precision("fp16")
    try:
        with D.network_autocast(torch.device("cpu")):
            assert not torch.is_autocast_enabled("cpu")
            assert (torch.rand(4, 4) @ torch.rand(4, 4)).dtype == torch.float32
        with warnings.catch_warnings():  # torch warns that CUDA is missing when there is none
            warnings.simplefilter("ignore")
            assert isinstance(D.network_autocast("cuda"), torch.autocast)
    finally:
        D.set_mixed_precision(previous)
    assert D.set_mixed_precision(previous) == previous
    with pytest.raises(ValueError):
        D.set_mixed_precision("int8")


@pytest.mark.parametrize("text, device_words", [
    ("CUDA error: device-side assert triggered\nCUDA kernel errors might be asynchronously reported", "CUDA GPU"),
    ("cuDNN error: CUDNN_STATUS_NOT_SUPPORTED. This error may appear if you passed in a non-contiguous input.",
     "CUDA GPU"),
    ("Expected all tensors to be on the same device, but found at least two devices, cuda:0 and cpu!", "CUDA GPU"),
    ("MPS backend out of memory (MPS allocated: 8.00 GB, other allocations: 1.2 GB)", "Apple GPU (MPS)"),
    ("Cannot convert a MPS Tensor to float64 dtype as the MPS framework doesn't support float64.", "Apple GPU (MPS)"),
    ("CUDA out of memory. Tried to allocate 2.00 GiB (GPU 0; 7.79 GiB total capacity)", "CUDA GPU"),
])
def test_gpu_errors_become_one_sentence(text, device_words):
    from fusediff.engine.errors import UserError, user_errors
    with pytest.raises(UserError) as info:
        with user_errors():
            raise RuntimeError(text)
    msg = str(info.value)
    assert device_words in msg and "DEVICE=cpu" in msg
    assert "\n" not in msg and msg.endswith(".") and msg.count(". ") <= 1, msg
    assert isinstance(info.value.__cause__, RuntimeError)


def test_other_runtime_errors_keep_their_traceback():
    from fusediff.engine.errors import user_errors
    for text in ("shape '[2, 3]' is invalid for input of size 7", "pickle dumps failed"):
        with pytest.raises(RuntimeError, match="invalid|pickle"):
            with user_errors():
                raise RuntimeError(text)


def _gpu_runs(dev):
    """Every diffusion method on small inputs on ``dev`` and on the CPU, CPU generators on both."""
    import test_device_guard as T
    import torch
    out = {}
    for name, (make, run) in T.METHODS.items():
        inputs = make()
        out[name] = (run(*inputs, device=torch.device(dev)), run(*inputs, device=torch.device("cpu")))
    return out


def _available(kind: str) -> bool:
    import torch
    if kind == "cuda":
        return torch.cuda.is_available()
    mps = getattr(torch.backends, "mps", None)
    return bool(mps is not None and mps.is_available())


@pytest.mark.parametrize("kind", ["cuda", "mps"])
def test_methods_run_on_the_gpu_and_agree_with_the_cpu(kind, monkeypatch):
    """On a machine with the GPU: every method's learn/prepare + fuse on it, finite, on the CPU when
    returned, and (trained pansharpeners, same CPU noise) close to the CPU result."""
    if not _available(kind):
        pytest.skip(f"no {kind} device")
    import numpy as np
    import torch

    from fusediff.models import device as D
    from fusediff.models import metrics
    monkeypatch.setattr(D, "generator", lambda seed, device=None: torch.Generator().manual_seed(int(seed)))
    for mod in ("respandiff", "ksdiff", "sdp", "argsdiff", "dmzs"):
        module = __import__(f"fusediff.models.{mod}", fromlist=["x"])
        monkeypatch.setattr(module, "make_generator", D.generator)
    for name, (gpu, cpu) in _gpu_runs(kind).items():
        g, c = gpu.detach().float().cpu().numpy()[0], cpu.detach().float().numpy()[0]
        assert g.shape == c.shape and np.isfinite(g).all(), name
        if name in ("respandiff", "ksdiff"):
            assert metrics.psnr(np.clip(g, 0, 1), np.clip(c, 0, 1)) >= 50.0, name
