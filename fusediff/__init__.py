"""FuseDiff: diffusion-model image fusion for remote sensing.

One package serves every front end: ``fusediff.run(...)`` in Python, the
``fusediff`` command, Dask clusters, and QGIS, which imports this folder as a
plugin and calls `classFactory`. Nothing heavy is imported here, so the
plugin loads fast and loads even where PyTorch is missing.
"""

__version__ = "0.2.0"


def __getattr__(name):
    """``fusediff.run`` is imported on first use, so ``import fusediff`` stays light (no torch, no
    rasterio: QGIS imports this package at start-up)."""
    if name == "run":
        from .api import run
        return run
    raise AttributeError(f"module 'fusediff' has no attribute {name!r}")


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """QGIS entry point: the plugin instance. ``iface`` is None under
    qgis_process and in tests; the plugin then only provides Processing."""
    from .plugin import FuseDiffPlugin, activate_dependencies
    activate_dependencies()  # the profile's fusediff-deps folder first on sys.path (before torch)
    return FuseDiffPlugin(iface)
