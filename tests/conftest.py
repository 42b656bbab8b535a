"""Test setup: make the repository importable as the package ``fusediff``.

The repository root is the plugin folder; tests import it the way QGIS does,
as ``fusediff``, through a symlink in ``.plugins/`` (also used as
QGIS_PLUGINPATH by the qgis_process tests).
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".plugins"
SHARED_DATA = (ROOT.parent / "shared" / "data").resolve()


def _ensure_plugin_link() -> None:
    PLUGINS.mkdir(exist_ok=True)
    link = PLUGINS / "fusediff"
    if not link.exists():
        try:
            link.symlink_to(ROOT, target_is_directory=True)
        except FileExistsError:
            pass


_ensure_plugin_link()
if str(PLUGINS) not in sys.path:
    sys.path.insert(0, str(PLUGINS))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def shared_data(*parts) -> Path:
    """Path under ../shared/data; skips the test when it is absent."""
    p = SHARED_DATA.joinpath(*parts)
    if not p.exists():
        pytest.skip(f"shared data not available: {p}")
    return p


@pytest.fixture
def data_path():
    return shared_data
