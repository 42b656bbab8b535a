"""QGIS-free definitions of the FuseDiff algorithms: one module each, with SPEC and its run function."""
