"""The affine pixel-to-map transform type used by `fusediff.rasters` (``Affine``).

The `affine` package (a pure-Python dependency of rasterio) when it is importable; otherwise a
small compatible class, so the raster layer works in a stock QGIS whose Python has neither
rasterio nor affine (the GDAL backend, see `fusediff.rasters.backend`). Only what FuseDiff uses
is implemented: the six coefficients a..f, ``identity``, ``translation``, ``scale``,
``from_gdal``/``to_gdal``, composition (``*``), application to ``(x, y)`` (numbers or NumPy
arrays), inversion (``~``) and ``almost_equals``.
"""
from __future__ import annotations

__all__ = ["Affine", "LiteAffine"]


class LiteAffine(tuple):
    """Row-major 3 x 3 affine matrix (a, b, c, d, e, f, 0, 0, 1), like ``affine.Affine``."""

    def __new__(cls, a, b, c, d, e, f, g=0.0, h=0.0, i=1.0):
        return tuple.__new__(cls, (float(a), float(b), float(c), float(d), float(e), float(f),
                                   0.0, 0.0, 1.0))

    a = property(lambda self: self[0])
    b = property(lambda self: self[1])
    c = property(lambda self: self[2])
    d = property(lambda self: self[3])
    e = property(lambda self: self[4])
    f = property(lambda self: self[5])
    g = property(lambda self: self[6])
    h = property(lambda self: self[7])
    i = property(lambda self: self[8])

    @classmethod
    def identity(cls):
        return cls(1.0, 0.0, 0.0, 0.0, 1.0, 0.0)

    @classmethod
    def translation(cls, xoff, yoff):
        return cls(1.0, 0.0, xoff, 0.0, 1.0, yoff)

    @classmethod
    def scale(cls, *scaling):
        sx = scaling[0]
        sy = scaling[1] if len(scaling) > 1 else sx
        return cls(sx, 0.0, 0.0, 0.0, sy, 0.0)

    @classmethod
    def from_gdal(cls, c, a, b, f, d, e):
        return cls(a, b, c, d, e, f)

    def to_gdal(self):
        return (self.c, self.a, self.b, self.f, self.d, self.e)

    @property
    def determinant(self):
        return self.a * self.e - self.b * self.d

    def __mul__(self, other):
        sa, sb, sc, sd, se, sf = self[:6]
        if isinstance(other, LiteAffine):
            oa, ob, oc, od, oe, of = other[:6]
            return LiteAffine(sa * oa + sb * od, sa * ob + sb * oe, sa * oc + sb * of + sc,
                              sd * oa + se * od, sd * ob + se * oe, sd * oc + se * of + sf)
        try:
            x, y = other
        except (TypeError, ValueError):
            return NotImplemented
        return (x * sa + y * sb + sc, x * sd + y * se + sf)

    def __invert__(self):
        det = self.determinant
        if det == 0:
            raise ZeroDivisionError("the transform is degenerate and cannot be inverted")
        ra, rb = self.e / det, -self.b / det
        rd, re = -self.d / det, self.a / det
        return LiteAffine(ra, rb, -self.c * ra - self.f * rb, rd, re, -self.c * rd - self.f * re)

    def almost_equals(self, other, precision: float = 1e-5) -> bool:
        return all(abs(x - y) < precision for x, y in zip(self, other))

    def __repr__(self):
        return "Affine(%r, %r, %r,\n       %r, %r, %r)" % tuple(self[:6])


try:
    from affine import Affine
except ImportError:  # a stock QGIS: no rasterio, no affine
    Affine = LiteAffine
