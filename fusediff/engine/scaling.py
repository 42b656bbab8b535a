"""Per-scene scaling of input values to the level a method was trained or tuned at.

Every front end scales a scene the same way: a robust maximum (a high
percentile of the valid values of both inputs) is found on a bounded sample,
the values are divided by it, and the fused result is multiplied back, so the
output keeps the input's radiometric scale. Nothing here imports QGIS or torch.
"""
from __future__ import annotations

import dataclasses
from typing import Optional

import numpy as np

#: Percentile of the valid input values used as the scene's robust maximum.
SCALE_PERCENTILE = 99.9
#: At most this many values are sampled to estimate the robust maximum.
SCALE_SAMPLES = 2_000_000
#: The value the robust maximum maps to unless a method asks for another (its ``input_level``:
#: where the 99.9th percentile of its training or tuning data sat). 1 is the historical
#: behaviour (and what weights trained by `fusediff:train` before model cards recorded a level
#: were trained at).
DEFAULT_LEVEL = 1.0


@dataclasses.dataclass
class SceneScale:
    """Per-scene scaling of the input values to the level a method expects.

    ``maximum``: the robust maximum (a high percentile of the valid input
    values, both inputs together); it maps to ``level`` (default 1: about
    [0, 1]). A method trained or tuned on data whose robust maximum sat at
    another value (e.g. Landsat-7 DN / 255: about 0.53) gets its scene
    scaled to that level, so it sees inputs as bright as in training, at any
    input scale (uint8/uint16 DN, reflectance 0-1 or x 10000). Values are
    divided, not shifted, so ratios between bands (which Brovey, HPM and the
    spectral responses rely on) are preserved.
    """

    maximum: float
    percentile: float = SCALE_PERCENTILE
    level: float = DEFAULT_LEVEL

    @property
    def divisor(self) -> float:
        """Input values are divided by this (maximum / level)."""
        return float(self.maximum) / float(self.level)

    def at_level(self, level: Optional[float]) -> "SceneScale":
        """The same robust maximum mapped to ``level`` (None: unchanged)."""
        if level is None:
            return self
        return dataclasses.replace(self, level=check_level(level))

    @classmethod
    def from_inputs(cls, arrays_and_masks, percentile: float = SCALE_PERCENTILE, *,
                    level: float = DEFAULT_LEVEL) -> "SceneScale":
        """Robust maximum of several (array (C, H, W), valid (H, W) or None) inputs,
        mapped to ``level``.

        Uses at most SCALE_SAMPLES regularly spaced valid values per input.
        Raises ValueError (a sentence for the user) when no valid value exists
        or the inputs are all zero or negative.
        """
        samples = []
        for array, valid in arrays_and_masks:
            a = np.asarray(array)
            v = a[:, valid] if valid is not None else a.reshape(a.shape[0], -1)
            v = v.ravel()
            v = v[np.isfinite(v)]
            if v.size > SCALE_SAMPLES:
                v = v[:: int(np.ceil(v.size / SCALE_SAMPLES))]
            samples.append(v)
        values = np.concatenate(samples) if samples else np.zeros(0)
        if values.size == 0:
            raise ValueError("The inputs have no valid pixel in their common area (all nodata). "
                             "Check the nodata value and the extents of the rasters.")
        top = float(np.percentile(values, percentile))
        if not np.isfinite(top) or top <= 0:
            top = float(values.max())
        if not np.isfinite(top) or top <= 0:
            raise ValueError("The input values are all zero or negative; there is nothing to fuse. "
                             "Check the input rasters.")
        return cls(maximum=top, percentile=percentile, level=check_level(level))

    def forward(self, array: np.ndarray) -> np.ndarray:
        """Input-scale values -> the method's scale (robust maximum at ``level``; float32)."""
        return (np.asarray(array, dtype=np.float32) / np.float32(self.divisor)).astype(np.float32, copy=False)

    def inverse(self, array: np.ndarray) -> np.ndarray:
        """Method-scale values -> the input's radiometric scale (float32)."""
        return (np.asarray(array, dtype=np.float32) * np.float32(self.divisor)).astype(np.float32, copy=False)


def check_level(level) -> float:
    """``level`` as a float; ValueError unless it is finite and positive."""
    value = float(level)
    if not np.isfinite(value) or value <= 0:
        raise ValueError(f"The input level must be a positive number, not {level!r}.")
    return value


def fill_invalid(array: np.ndarray, valid: Optional[np.ndarray]) -> np.ndarray:
    """Replace invalid pixels (valid False, or NaN/inf) by each band's mean of valid pixels.

    Processing needs finite numbers everywhere; these pixels are written as
    nodata at the end, and a band mean disturbs their neighbours least.
    """
    a = np.array(array, dtype=np.float32, copy=True)
    bad = ~np.isfinite(a)
    if valid is not None:
        bad |= ~np.asarray(valid, dtype=bool)[None]
    if bad.any():
        for b in range(a.shape[0]):
            good = ~bad[b]
            a[b][bad[b]] = float(a[b][good].mean()) if good.any() else 0.0
    return a
