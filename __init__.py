"""FuseDiff QGIS plugin: diffusion-model image fusion as Processing algorithms.

QGIS imports this package (the repository root) and calls `classFactory`.
Nothing heavy is imported here, so the plugin loads fast and loads even
where PyTorch is missing.
"""


def classFactory(iface):  # noqa: N802 (QGIS API name)
    """QGIS entry point: the plugin instance. ``iface`` is None under
    qgis_process and in tests; the plugin then only provides Processing."""
    from .plugin import FuseDiffPlugin
    return FuseDiffPlugin(iface)
