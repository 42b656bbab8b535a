"""Small pure NumPy / Python helpers shared by `rasters` and `models` (which never import
each other): the even tile split and Keys' cubic kernel. Nothing here imports torch, GDAL or QGIS."""
