"""Writing a small file atomically: nothing half-written is ever left at the destination."""
from __future__ import annotations

import os
import tempfile
from contextlib import contextmanager


@contextmanager
def atomic_open(path: str, mode: str = "w", prefix: str = ".", **open_kw):
    """Open a temporary file beside ``path`` (same file system), yield it, and rename it onto
    ``path`` when the block ends without error; on any error (or cancel) the temporary file is
    removed and ``path`` is left as it was. The file gets the permissions a plain ``open`` gives."""
    folder, name = os.path.split(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(prefix=f"{prefix}{name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, mode, **open_kw) as f:
            yield f
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.remove(tmp)
        except OSError:
            pass
        raise
