"""The errors every front end shows to a user as one sentence (QGIS: QgsProcessingException;
CLI: stderr and a non-zero exit; batch: that row's error), and the mapping onto them."""
from __future__ import annotations

from contextlib import contextmanager

from ..models.progress import Cancelled

__all__ = ["UserError", "Cancelled", "user_errors", "CANCELLED_MESSAGE"]

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
