"""FuseDiff raster layer: rasterio (or GDAL's own bindings, see `backend`) + NumPy (no QGIS, no torch).

- ``io``: read rasters (values, validity mask, metadata) and write float32
  GeoTIFFs atomically (temporary file + rename; nothing left on failure).
- ``align``: put a low-resolution raster on the grid of a high-resolution
  one by georeference, following the project's grid convention (low pixel i
  centred on high pixel ratio*i), whole scene or window by window.
- ``tiles``: tile windows with ratio-multiple origins, seam blending weights
  and a bounded-memory accumulator that blends tiles into an output.
- ``products``: sensor products (Landsat C2 MTL, Sentinel-2 SAFE, PRISMA HE5,
  EnMAP XML) read into band groups and written as reflectance VRTs.
- ``sensors``: real spectral responses (pyrsr tables) resampled to an HSI's
  bands; the PAN spectral-range warning. ``render``: true-colour band choice.
"""
from .errors import RasterError
from .io import (DEFAULT_NODATA, BackgroundWriter, GeoTiffWriter, RasterInfo, read,
                 read_info, stack_rasters, write_geotiff)
from .align import (AlignedPair, AlignmentPlan, align_pair, plan_alignment,
                    read_aligned_window)
from .tiles import EdgeExtendingSink, Tile, TileAccumulator, blend_weights, tile_grid

__all__ = [
    "RasterError", "RasterInfo", "read_info", "read", "GeoTiffWriter", "BackgroundWriter",
    "write_geotiff", "stack_rasters", "DEFAULT_NODATA", "AlignedPair", "AlignmentPlan",
    "align_pair", "plan_alignment", "read_aligned_window", "Tile",
    "tile_grid", "blend_weights", "TileAccumulator", "EdgeExtendingSink",
]
