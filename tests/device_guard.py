"""A CPU-side guard for device mistakes in fusediff/models (no GPU needed).

The methods run on ordinary CPU tensors while a `TorchFunctionMode` pretends that their inputs live
on a GPU (``target`` 'cuda' or 'mps') and tracks, per tensor, whether it would be on that device
or on the host (the CPU). It records, attributed to the fusediff/models file:line responsible:

- ``no-device``: a factory (torch.eye/zeros/ones/full/arange/linspace/empty/rand*/tensor/as_tensor,
  ...) called from models/ without ``device=``: on a GPU it lands on the default device (the CPU)
  while the inputs are on the GPU (the old DM-ZS ``torch.eye(3, dtype=s.dtype)``). Host-side work
  states it: ``device="cpu"`` (or `fusediff.models.device.HOST`). Factories inside an
  ``nn.Module.__init__`` are exempt (the module's ``.to(device)`` moves its parameters and buffers).
- ``mixed``: an op combining a host tensor (not 0-dim: PyTorch lets 0-dim CPU tensors act as
  scalars) with a device tensor, e.g. a ``torch.from_numpy`` result never moved with ``.to(dev)``.
  Index tensors in ``x[idx]`` and ``copy_`` across devices are allowed, as on a real GPU.
- ``numpy``: ``.numpy()`` of a device tensor (a GPU tensor needs ``.cpu()`` first).
- ``float64``: (target 'mps' only) a float64 tensor on the device: Apple MPS has no float64; such
  work goes to `fusediff.models.device.float64_device(dev)` (the CPU on MPS).

Statuses: tensors the guard has not seen created (inputs, network parameters, loaded weights) are
on the device; a tensor is on the host when a models/ factory made it without a device or with the
CPU named explicitly ("cpu" or ``HOST``), by ``torch.from_numpy`` or ``torch.as_tensor(ndarray)``
(host, not reported: the ``mixed`` check catches a missing ``.to``), ``.cpu()``, ``.to("cpu")``, or
by an op whose tensor inputs are all on the host. ``x.device`` of a host tensor is handed out as a
distinct ``torch.device`` object that the guard remembers as the host; any other ``torch.device``
(e.g. the device a method selected, ``x.device`` of a device tensor) stands for the device. A move
that on the CPU returns the very same tensor (``.cpu()``, ``.to(dev)``) returns a clone instead, as
a real move between devices would. Only factories called directly from models/ code are judged
(torch's own internals, e.g. ``nn.Linear`` building its weights, are not). While the guard runs,
`fusediff.models.device.device_kind` reports the target, so code that branches on the device type
(`float64_device`) takes the GPU path.

Limits: generators are not tracked (a CUDA generator used for a CPU draw is not caught), and only
the code paths the small runs take are seen (tests/test_devices.py adds a static check that every
factory call in models/ names its device).

Usage::

    with DeviceGuard("mps") as guard:
        method(...)
    assert not guard.violations, guard.report()
"""
from __future__ import annotations

import os
import sys
import weakref

import torch
from torch.overrides import TorchFunctionMode
from torch.utils._pytree import tree_flatten

from fusediff.models import device as device_mod

MODELS_DIR = os.path.dirname(os.path.abspath(device_mod.__file__)) + os.sep
THIS_FILE = os.path.abspath(__file__)

FACTORIES = {
    torch.eye, torch.zeros, torch.ones, torch.full, torch.empty, torch.arange, torch.linspace,
    torch.logspace, torch.rand, torch.randn, torch.randint, torch.randperm, torch.normal,
    torch.tensor, torch.as_tensor, torch.scalar_tensor, torch.empty_strided,
    torch.tril_indices, torch.triu_indices, torch.hann_window,
}
_TO = torch.Tensor.to
_CPU = torch.Tensor.cpu
_CUDA = torch.Tensor.cuda
_NUMPY = torch.Tensor.numpy
_GETITEM = torch.Tensor.__getitem__
_SETITEM = torch.Tensor.__setitem__
_COPY = torch.Tensor.copy_
_DEEPCOPY = torch.Tensor.__deepcopy__
_DEVICE_GET = torch.Tensor.device.__get__
HOST, DEVICE = "host", "device"


def _is_host_device(dev, host_devices=()) -> bool:
    if dev is device_mod.HOST or id(dev) in host_devices:
        return True
    if isinstance(dev, str):
        return dev.split(":")[0] == "cpu"
    return False


def _is_device_arg(x) -> bool:
    return isinstance(x, (torch.device, str)) and not isinstance(x, torch.dtype)


def _caller():
    """The calling frame (outside this file) and, when it is code in fusediff/models, its
    'models/x.py:line' (None when torch itself or other code made the call)."""
    f = sys._getframe(2)
    while f is not None and os.path.abspath(f.f_code.co_filename) == THIS_FILE:
        f = f.f_back
    if f is None:
        return None, None
    fn = os.path.abspath(f.f_code.co_filename)
    if fn.startswith(MODELS_DIR):
        return f, f"models/{fn[len(MODELS_DIR):]}:{f.f_lineno}"
    return f, None


def _in_module_init(frame) -> bool:
    """Whether ``frame`` runs (within a few calls) inside an ``nn.Module.__init__``."""
    for _ in range(4):
        if frame is None:
            return False
        if frame.f_code.co_name == "__init__" and isinstance(frame.f_locals.get("self"), torch.nn.Module):
            return True
        frame = frame.f_back
    return False


def _models_site():
    """The innermost fusediff/models frame on the stack, as 'models/x.py:line' (or None)."""
    f = sys._getframe(2)
    while f is not None:
        fn = os.path.abspath(f.f_code.co_filename)
        if fn.startswith(MODELS_DIR):
            return f"models/{fn[len(MODELS_DIR):]}:{f.f_lineno}"
        f = f.f_back
    return None


class DeviceGuard(TorchFunctionMode):
    """See the module docstring. ``violations``: {(kind, 'models/file.py:line'): message}."""

    def __init__(self, target: str = "cuda"):
        super().__init__()
        if target not in ("cuda", "mps"):
            raise ValueError("target must be 'cuda' or 'mps'")
        self.target = target
        self.violations: dict[tuple[str, str], str] = {}
        self._host: dict[int, weakref.ref] = {}
        self._host_devices: dict[int, torch.device] = {}  # `x.device` of host tensors (kept alive)
        self._saved_pretend = None

    # --- statuses -----------------------------------------------------------------------------
    def status(self, t: torch.Tensor) -> str:
        ref = self._host.get(id(t))
        return HOST if ref is not None and ref() is t else DEVICE

    def _set(self, t, status: str) -> None:
        if not isinstance(t, torch.Tensor):
            return
        if status == HOST:
            self._host[id(t)] = weakref.ref(t)
        else:
            self._host.pop(id(t), None)

    def _record(self, kind: str, site: str | None, message: str) -> None:
        if site is not None:
            self.violations.setdefault((kind, site), message)

    def report(self) -> str:
        return "\n".join(f"{site}: [{kind}] {msg}" for (kind, site), msg in sorted(self.violations.items(),
                                                                                  key=lambda kv: kv[0][1]))

    # --- the mode -----------------------------------------------------------------------------
    def __enter__(self):
        self._saved_pretend = device_mod._PRETEND
        device_mod._PRETEND = self.target
        # torch.from_numpy bypasses torch-function modes: wrap it so that its results are host tensors
        real_from_numpy = self._real_from_numpy = torch.from_numpy

        def from_numpy(array):
            out = real_from_numpy(array)
            if _caller()[1] is not None:
                self._set(out, HOST)
            return out

        torch.from_numpy = from_numpy
        return super().__enter__()

    def __exit__(self, *exc):
        device_mod._PRETEND = self._saved_pretend
        torch.from_numpy = self._real_from_numpy
        return super().__exit__(*exc)

    def __torch_function__(self, func, types, args=(), kwargs=None):
        kwargs = kwargs or {}
        if func in FACTORIES:
            return self._factory(func, args, kwargs)
        out = func(*args, **kwargs)
        if func == _DEVICE_GET:
            if self.status(args[0]) == HOST:  # a distinct object, so that device=x.device means the host
                out = torch.device(out.type, out.index) if out.index is not None else torch.device(out.type)
                self._host_devices[id(out)] = out
            return out
        if func in (_TO, _CPU, _CUDA):
            status = self._to_status(args, kwargs) if func is _TO else (HOST if func is _CPU else DEVICE)
            if out is args[0] and self.status(out) != status:
                out = out.clone()  # on a GPU, a move between host and device makes a new tensor
            self._set_out(out, status)
        elif func is _NUMPY:
            if self.status(args[0]) == DEVICE:
                self._record("numpy", _models_site(), ".numpy() of a tensor on the device (needs .cpu() first)")
        elif getattr(func, "__name__", "") == "__set__" and len(args) == 2 and isinstance(args[1], torch.Tensor):
            self._set(args[0], self.status(args[1]))  # param.data = moved (nn.Module.to)
        elif func is _COPY:
            pass  # copy_ across devices is allowed; the destination keeps its device
        elif func is _DEEPCOPY:
            self._set(out, self.status(args[0]))  # (its memo holds unrelated tensors)
        else:
            if func is _GETITEM:
                checked = [args[0]]
            elif func is _SETITEM:
                checked = [args[0], args[2]] if len(args) > 2 else [args[0]]
            else:
                checked = tree_flatten((args, kwargs))[0]
            tensors = [t for t in checked if isinstance(t, torch.Tensor)]
            if tensors:
                statuses = [self.status(t) for t in tensors]
                if all(s == HOST for s in statuses):
                    self._set_out(out, HOST)
                else:
                    host_big = [t for t, s in zip(tensors, statuses) if s == HOST and t.dim() > 0]
                    if host_big:
                        name = getattr(func, "__name__", str(func))
                        self._record("mixed", _models_site(),
                                     f"{name} mixes a host tensor {tuple(host_big[0].shape)} with device tensors")
                    self._set_out(out, DEVICE)
                    if not any(t.dtype == torch.float64 for t, s in zip(tensors, statuses) if s == DEVICE):
                        self._check_float64(out, func)  # reported where float64 enters the device
        return out

    def _set_out(self, out, status: str) -> None:
        for t in tree_flatten(out)[0]:
            self._set(t, status)

    def _check_float64(self, out, func) -> None:
        if self.target != "mps":
            return
        for t in tree_flatten(out)[0]:
            if isinstance(t, torch.Tensor) and t.dtype == torch.float64 and self.status(t) == DEVICE:
                name = getattr(func, "__name__", str(func))
                self._record("float64", _models_site(), f"{name} gives a float64 tensor on the device (MPS has none)")
                return

    def _to_status(self, args, kwargs) -> str:
        self_t = args[0]
        for a in list(args[1:]) + [kwargs.get("device"), kwargs.get("other")]:
            if isinstance(a, torch.Tensor):
                return self.status(a)
            if a is not None and _is_device_arg(a):
                return HOST if _is_host_device(a, self._host_devices) else DEVICE
        return self.status(self_t)

    def _factory(self, func, args, kwargs):
        out = func(*args, **kwargs)
        frame, site = _caller()
        if site is None:
            return out  # not created by models/ code (torch internals, tests): untracked = device
        name = func.__name__
        data = args[0] if args else kwargs.get("data")
        dev = kwargs.get("device")
        if func in (torch.as_tensor, torch.tensor) and isinstance(data, torch.Tensor) and dev is None:
            status = self.status(data)  # a tensor stays where it is
        elif dev is None and type(data).__module__ == "numpy":
            status = HOST  # a NumPy array becomes a host tensor; the 'mixed' check catches a missing .to()
        elif dev is None:
            if _in_module_init(frame):
                status = DEVICE  # module state: moved by module.to(device)
            else:
                status = HOST
                self._record("no-device", site, f"torch.{name} without device= (lands on the default "
                                                 f"device, not the inputs' device)")
        else:
            status = HOST if _is_host_device(dev, self._host_devices) else DEVICE
        self._set_out(out, status)
        if status == DEVICE:
            self._check_float64(out, func)
        return out
