"""Test setup: the package ``fusediff`` importable from the repository root.

The plugin folder is ``fusediff/``; ``.plugins/fusediff`` links to it so that
``.plugins`` can serve as QGIS_PLUGINPATH for the qgis_process tests.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / ".plugins"
# FUSEDIFF_SHARED_DATA: the shared data elsewhere (e.g. from a git worktree of the repository)
SHARED_DATA = Path(os.environ.get("FUSEDIFF_SHARED_DATA") or (ROOT.parent / "shared" / "data")).resolve()


def _ensure_plugin_link() -> None:
    PLUGINS.mkdir(exist_ok=True)
    link = PLUGINS / "fusediff"
    if not link.exists():
        try:
            link.symlink_to(ROOT / "fusediff", target_is_directory=True)
        except FileExistsError:
            pass


_ensure_plugin_link()
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
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


# ---------------------------------------------------------------------------
# QGIS / Processing fixtures (QGIS integration tests; owner: QGIS side).
# Session-scoped: one QgsApplication for the whole run, with a throwaway
# profile, Processing initialised and the FuseDiff provider registered the
# way QGIS does it (classFactory(None).initProcessing()).
# ---------------------------------------------------------------------------
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"


class _QgisSession:
    """What the `qgis_app` fixture yields: the application and the plugin instance."""

    def __init__(self, app, plugin):
        self.app = app
        self.plugin = plugin


@pytest.fixture(scope="session")
def qgis_app(tmp_path_factory):
    """A QgsApplication (no GUI) with Processing and the FuseDiff provider."""
    from qgis.core import QgsApplication

    profile = tmp_path_factory.mktemp("qgis_profile")
    QgsApplication.setPrefixPath("/usr", True)
    app = QgsApplication([], False, str(profile))
    app.initQgis()
    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.append(QGIS_PYTHON_PLUGINS)
    from processing.core.Processing import Processing
    Processing.initialize()
    import fusediff
    plugin = fusediff.classFactory(None)
    plugin.initProcessing()
    yield _QgisSession(app, plugin)
    plugin.unload()
    # No exitQgis(): tearing QGIS down at interpreter exit is known to crash in some builds.
# --- end of QGIS fixtures ---------------------------------------------------


@pytest.fixture
def one_thread():
    """torch on one thread for the test (several tests run model code; CI has 2 cores)."""
    import torch
    n = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(n)
