"""Running FuseDiff algorithms through processing.run in tests (the qgis_app fixture must be active)."""
from __future__ import annotations

import pytest
import rasterio


def run(alg: str, params: dict, feedback=None) -> dict:
    """processing.run with a fresh context; returns the result dict."""
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback
    return processing.run(alg, params, feedback=feedback or QgsProcessingFeedback(),
                          context=QgsProcessingContext())


def processing_error(alg: str, params: dict, feedback=None) -> str:
    """The message of the QgsProcessingException the run must raise."""
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException) as info:
        run(alg, params, feedback)
    return str(info.value)


def read_on_pan_grid(out, pan, bands: int):
    """Assert ``out`` is a float32 GeoTIFF of ``bands`` bands on the PAN's grid (CRS,
    transform, size); returns its pixels (bands, H, W)."""
    with rasterio.open(out) as ds, rasterio.open(pan) as p:
        assert ds.crs == p.crs
        assert ds.transform.almost_equals(p.transform)
        assert (ds.width, ds.height, ds.count) == (p.width, p.height, bands)
        assert ds.dtypes[0] == "float32"
        return ds.read()
