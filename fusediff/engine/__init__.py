"""The QGIS-free FuseDiff engine: whole-scene fusion from file paths and plain values.

Used by every front end (QGIS algorithms, `fusediff.run`, the `fusediff` command, Dask
workers). Imports rasters and models, never QGIS.
"""
