"""FuseDiff models: fusion methods, operators, metrics (PyTorch + NumPy only).

Nothing here imports QGIS, rasterio or GDAL, and this package imports no
torch at import time: `kernels`, `metrics` and `classical` work without torch
so the classical algorithms keep working where torch is missing.
"""
