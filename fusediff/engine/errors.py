"""The errors every front end shows to a user as one sentence (QGIS: QgsProcessingException;
CLI: stderr and a non-zero exit; batch: that row's error), and the mapping onto them."""
from __future__ import annotations

import re
from contextlib import contextmanager

from ..models.progress import Cancelled

__all__ = ["UserError", "Cancelled", "user_errors", "gpu_error_message", "CANCELLED_MESSAGE"]

CANCELLED_MESSAGE = "Cancelled by the user; no output was written."


class UserError(Exception):
    """Something the user can fix (bad input, missing dependency, out of memory); ``str(exc)``
    is one sentence saying what is wrong and what to do. Nothing has been written."""


@contextmanager
def user_errors():
    """Turn the errors a user can act on into `UserError` (Cancelled passes through unchanged).

    RasterError and ValueError already carry a sentence; MemoryError suggests a smaller area;
    a GPU error (any RuntimeError from CUDA/MPS) says which device failed. Anything else is a bug
    and propagates with its traceback.
    """
    from ..rasters.errors import RasterError
    from .i18n import tr
    try:
        yield
    except (UserError, Cancelled):
        raise
    except (RasterError, ValueError) as exc:
        raise UserError(str(exc)) from exc
    except MemoryError as exc:
        raise UserError(tr("Not enough memory for these inputs. Clip the rasters to a smaller area "
                           "and run again.")) from exc
    except RuntimeError as exc:
        message = gpu_error_message(exc)
        if message is None:
            raise
        raise UserError(message) from exc


_GPU_ERROR = re.compile(r"cuda|cudnn|cublas|cufft|cusolver|nccl|\bmps\b|\bmetal\b|device-side|hip error|"
                        r"out of memory", re.IGNORECASE)
_MPS = re.compile(r"\bmps\b|\bmetal\b", re.IGNORECASE)


def _gpu_name(kind: str) -> str:
    if kind == "mps":
        return "the Apple GPU (MPS)"
    try:
        import torch
        if torch.cuda.is_available():
            return f"the CUDA GPU ({torch.cuda.get_device_name()})"
    except Exception:  # noqa: BLE001 - a broken driver is what is being reported
        pass
    return "the CUDA GPU"


def gpu_error_message(exc: BaseException) -> str | None:
    """One sentence for a RuntimeError raised by PyTorch on a GPU (CUDA, cuDNN, cuBLAS, Apple MPS,
    a device-side assert, GPU memory), naming the device and suggesting DEVICE=cpu; None when the
    error does not come from a GPU (a bug: it keeps its traceback)."""
    text = str(exc).strip()
    low = text.lower()
    if not _GPU_ERROR.search(text):
        return None
    kind = "mps" if _MPS.search(text) and "cuda" not in low else "cuda"
    first = text.splitlines()[0].rstrip(". ") if text else type(exc).__name__
    if len(first) > 200:
        first = first[:197] + "..."
    if "out of memory" in low:
        return (f"{_gpu_name(kind)} ran out of memory ({first}); run again with DEVICE=cpu, or clip the "
                f"rasters to a smaller area.")
    return (f"PyTorch failed on {_gpu_name(kind)} ({first}); run again with DEVICE=cpu, or update the GPU "
            f"driver and PyTorch.")
