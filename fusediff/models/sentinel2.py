"""Sentinel-2: sharpen the 20 m (and 60 m) bands with the 10 m bands (torch + numpy only).

Inputs (DESIGN.md conventions): ``high`` (1, c, H, W) the 10 m bands (B2, B3, B4, B8), ``low``
(1, C, h, w) the coarser bands (B5, B6, B7, B8A, B11, B12 at 20 m; or B1, B9 at 60 m) with
H = r h, W = r w and low pixel i centred on high pixel r i (grid convention; the raster layer's
alignment produces it). Values scaled to [0, 1]. Output (1, C, H, W) on the inputs' device.

There is no PAN and the 10 m bands do not overlap the 20 m bands spectrally, so every method here
first builds, per coarse band, a *synthetic PAN* from the 10 m bands.

METHOD 0 `regression_injection` (regression + high-pass injection, MTF-GLP style):
    for each coarse band b, least squares (with intercept) of Y_b on the 10 m bands degraded to
    the coarse grid, XL = tau(X) (MTF-matched Gaussian, gain 0.3 at the coarse Nyquist, decimate
    from index 0): P_b = X w_b + c_b. Then
        Z_b = up(Y_b) + g_b (P_b - up(tau(P_b)))
    with up the project's cubic interpolation (phase 0). The injection gain g_b is fitted one
    level down: the least-squares gain of the band's own detail (Y_b - up(tau(Y_b))) on the
    synthetic PAN's detail at the coarse level, so bands poorly explained by the 10 m bands
    (SWIR) get less detail. Weights and gains are scene-level (`fit_regression`), so tiles of
    one scene use the same ones.

METHOD 1 (learned, default) `learn` + `fuse_tile`:
    a small residual CNN trained on the scene itself by Wald's protocol: both inputs degraded
    once more by tau (10 m -> 20 m, 20 m -> 40 m), the network learns to recover the real coarse
    bands from (degraded 10 m bands, METHOD 0 on the degraded pair, the cubic-upsampled coarse
    bands) and predicts a residual on top of METHOD 0 (its last layer starts at zero, so it
    starts as METHOD 0 and a short training suffices). Loss: L1 with each band weighted by the
    inverse of its mean (as ERGAS weighs bands) + 0.3 x the mean spectral angle (so dark pixels,
    where METHOD 0's injection turns spectra most, count). Inference averages the identity and
    its mirror (a 2-transform dihedral ensemble). Applied at the input level (apply at 10 m).
    Learn once per scene on windows sampled from it, then fuse tiles; the state is picklable
    (tensors on the CPU, numbers).
"""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import dihedral, kernels, operators
from .progress import ProgressFn, null_progress, scoped
from .scene import Window, as_windows
from .tiled import tiled_apply

METHODS = (0, 1)


@dataclass
class Sentinel2Config:
    """Settings of the Sentinel-2 sharpening (defaults: the learned method, METHOD 1).

    gain: MTF gain at the coarse Nyquist of the degradation used to fit the regression and to
    train (Sentinel-2: about 0.3). fit_gains: METHOD 0's injection gains fitted one level down
    (False: 1). width/blocks: the CNN (conv 3x3, ``blocks`` residual blocks of ``width``
    channels). iters/batch/patch/lr: training (patch in pixels of the training level's target).
    ensemble: flips/rotations averaged at inference (1..8). tile/overlap: the network's own
    tiles inside `fuse_tile` (bounds the memory of one call).
    cubic_input: the network also sees the cubic-upsampled coarse bands (the spectra without
    injected detail). relative_l1: the training's L1 error weighs each band by the inverse of its
    mean (as ERGAS does) instead of equally. sam_weight: weight of the mean spectral angle
    (radians) added to the training loss (dark pixels, where the L1 error is small but the angle
    can be large, then count).
    """

    method: int = 1
    gain: float = 0.3
    fit_gains: bool = True
    width: int = 32
    blocks: int = 2
    iters: int = 1200
    batch: int = 8
    patch: int = 48
    lr: float = 2e-3
    seed: int = 0
    ensemble: int = 2
    tile: int = 512
    overlap: int = 16
    cubic_input: bool = True
    sam_weight: float = 0.3
    relative_l1: bool = True


# --------------------------------------------------------------------------
# degradation and METHOD 0
# --------------------------------------------------------------------------

def degrade(x: torch.Tensor, ratio: int, gain: float = 0.3) -> torch.Tensor:
    """tau(x): MTF-matched Gaussian (``gain`` at the coarse Nyquist), decimate by ``ratio`` from index 0."""
    return operators.downsample(x, kernels.mtf_psf(int(ratio), float(gain)), int(ratio))


def _up(y: torch.Tensor, ratio: int) -> torch.Tensor:
    return operators.upsample(y, int(ratio), 0.0, "cubic")


def _detail(x: torch.Tensor, ratio: int, gain: float) -> torch.Tensor:
    """x - up(tau(x)): the high-pass part of x at the ratio (x's size a multiple of it)."""
    return x - _up(degrade(x, ratio, gain), ratio)


def _crop_multiple(x: torch.Tensor, m: int) -> torch.Tensor:
    h, w = x.shape[-2:]
    return x[..., :h - h % m, :w - w % m]


def fit_regression(windows, ratio: int, gain: float = 0.3, fit_gains: bool = True) -> dict:
    """Scene-level METHOD 0 parameters from windows [(low, high[, low_valid]), ...].

    Returns {"weights": (C, c + 1) float64 (last column: intercept), "gains": (C,) float64}.
    weights: least squares of each low band on tau(high) over the valid low pixels. gains: the
    least-squares gain of the band's detail on its synthetic PAN's detail, both at the low
    level (1 where the windows are too small to degrade once more, or ``fit_gains`` False).
    """
    # small normal equations in float64 on the CPU (float64 is kept off devices that lack it)
    wins = [Window(w.low.detach().cpu().double(), w.high.detach().cpu().double(),
                   None if w.low_valid is None else w.low_valid.cpu()) for w in as_windows(windows)]
    r = int(ratio)
    ata = None
    atb = None
    for w in wins:
        xl = degrade(w.high, r, gain)[..., :w.low.shape[-2], :w.low.shape[-1]]
        y = w.low
        c, C = xl.shape[1], y.shape[1]
        a = torch.cat([xl[0].reshape(c, -1), torch.ones_like(xl[0, :1].reshape(1, -1))], 0)
        b = y[0].reshape(C, -1)
        if w.low_valid is not None:
            m = w.low_valid.reshape(-1)
            a, b = a[:, m], b[:, m]
        ata = a @ a.T if ata is None else ata + a @ a.T
        atb = b @ a.T if atb is None else atb + b @ a.T
    reg = 1e-9 * torch.trace(ata) / ata.shape[0]
    eye = torch.eye(ata.shape[0], dtype=ata.dtype, device=ata.device)
    weights = torch.linalg.solve(ata + reg * eye, atb.T).T
    gains = torch.ones(weights.shape[0], dtype=torch.float64, device=weights.device)
    if fit_gains:
        num = torch.zeros_like(gains)
        den = torch.zeros_like(gains)
        for w in wins:
            y = _crop_multiple(w.low, r)
            if min(y.shape[-2:]) < 2 * r:
                continue
            xl = degrade(w.high, r, gain)[..., :y.shape[-2], :y.shape[-1]]
            p = _synthetic(xl, weights)
            dy, dp = _detail(y, r, gain), _detail(p, r, gain)
            if w.low_valid is not None:
                m = w.low_valid[:y.shape[-2], :y.shape[-1]].to(dy.dtype)
                dy, dp = dy * m, dp * m
            num += (dy * dp).sum(dim=(0, 2, 3))
            den += (dp * dp).sum(dim=(0, 2, 3))
        ok = den > 0
        gains[ok] = (num[ok] / den[ok]).clamp(0.0, 2.0)
    return {"weights": weights.cpu().numpy(), "gains": gains.cpu().numpy()}


def _synthetic(x: torch.Tensor, weights) -> torch.Tensor:
    """Per-band synthetic PANs (1, C, H, W) = weights[:, :c] @ x + weights[:, c]."""
    w = operators.as_tensor_like(weights, x)
    c = x.shape[1]
    return torch.einsum("oc,bchw->bohw", w[:, :c], x) + w[:, c].reshape(1, -1, 1, 1)


def regression_injection(low: torch.Tensor, high: torch.Tensor, ratio: int, params: dict | None = None,
                         gain: float = 0.3, fit_gains: bool = True) -> torch.Tensor:
    """METHOD 0: low (1, C, h, w), high (1, c, r h, r w) -> (1, C, r h, r w).

    params: `fit_regression`'s result (scene-level; fitted on this pair when None).
    Z_b = up(Y_b) + g_b * (sum_k w_bk D_k), D = high - up(tau(high)) (the intercept has no detail).
    """
    r = int(ratio)
    _check(low, high, r)
    if params is None:
        params = fit_regression([(low, high)], r, gain, fit_gains)
    d = _detail(high, r, gain)
    w = operators.as_tensor_like(params["weights"], high)
    g = operators.as_tensor_like(params["gains"], high)
    inj = torch.einsum("oc,bchw->bohw", w[:, :high.shape[1]] * g[:, None], d)
    return _up(low, r) + inj


def _check(low: torch.Tensor, high: torch.Tensor, ratio: int) -> None:
    if low.dim() != 4 or high.dim() != 4:
        raise ValueError("inputs must be (B, C, H, W) tensors")
    if high.shape[-2] != ratio * low.shape[-2] or high.shape[-1] != ratio * low.shape[-1]:
        raise ValueError(f"high {tuple(high.shape[-2:])} is not {ratio} x low {tuple(low.shape[-2:])}")


# --------------------------------------------------------------------------
# METHOD 1: the learned residual network
# --------------------------------------------------------------------------

class _Block(nn.Module):
    def __init__(self, width: int):
        super().__init__()
        self.c1 = nn.Conv2d(width, width, 3, padding=1, padding_mode="replicate")
        self.c2 = nn.Conv2d(width, width, 3, padding=1, padding_mode="replicate")

    def forward(self, x):
        return x + self.c2(F.relu(self.c1(x)))


class ResidualNet(nn.Module):
    """[high, base(, up(low))] (normalised) -> residual on base: conv, ``blocks`` residual blocks, conv
    (zero init). c_extra: channels of the optional extra input (the cubic-upsampled coarse bands)."""

    def __init__(self, c_high: int, c_low: int, width: int = 32, blocks: int = 2, c_extra: int = 0):
        super().__init__()
        self.head = nn.Conv2d(c_high + c_low + c_extra, width, 3, padding=1, padding_mode="replicate")
        self.body = nn.Sequential(*[_Block(width) for _ in range(blocks)])
        self.tail = nn.Conv2d(width, c_low, 3, padding=1, padding_mode="replicate")
        nn.init.zeros_(self.tail.weight)
        nn.init.zeros_(self.tail.bias)

    def forward(self, x):
        return self.tail(F.relu(self.body(F.relu(self.head(x)))))


def _net_input(high: torch.Tensor, base: torch.Tensor, norm: dict, up: torch.Tensor | None = None) -> torch.Tensor:
    x = torch.cat([high, base] if up is None else [high, base, up], 1)
    mean = operators.as_tensor_like(norm["mean"], x).reshape(1, -1, 1, 1)
    std = operators.as_tensor_like(norm["std"], x).reshape(1, -1, 1, 1)
    return (x - mean) / std


def _predict(net: nn.Module, high: torch.Tensor, base: torch.Tensor, norm: dict,
             up: torch.Tensor | None = None) -> torch.Tensor:
    scale = float(norm["out_scale"])
    return base + scale * net(_net_input(high, base, norm, up))


def _spectral_angle(pred: torch.Tensor, target: torch.Tensor) -> torch.Tensor:
    """Mean angle (radians) between the spectra (B, C, H, W) of pred and target."""
    dot = (pred * target).sum(1)
    den = pred.norm(dim=1) * target.norm(dim=1) + 1e-12
    return torch.acos((dot / den).clamp(-1 + 1e-6, 1 - 1e-6)).mean()


def _training_pairs(wins, r: int, config: Sentinel2Config) -> list:
    """[(high', base', target, valid or None)] one level down, per window big enough."""
    pairs = []
    for w in wins:
        y = _crop_multiple(w.low, r)
        if min(y.shape[-2:]) < 4 * r:
            continue
        x = w.high[..., :r * y.shape[-2], :r * y.shape[-1]]
        x1 = degrade(x, r, config.gain)
        y1 = degrade(y, r, config.gain)
        lv = None if w.low_valid is None else w.low_valid[:y.shape[-2], :y.shape[-1]]
        pairs.append((x1, y1, y, lv))
    if not pairs:
        raise ValueError("the scene is too small to learn from (fewer than 4 x ratio low pixels a side)")
    return pairs


def learn(windows, ratio: int, config: Sentinel2Config = Sentinel2Config(), progress: ProgressFn | None = None,
          device=None) -> dict:
    """Learn the scene-level state once: windows [(low (1, C, h, w), high (1, c, r h, r w)[, low_valid]), ...]
    (the whole pair or windows sampled across a scene), in [0, 1].

    Returns a picklable dict: {"ratio", "config", "regression" (METHOD 0 at the input level),
    and for METHOD 1: "net" (state_dict on the CPU), "norm", "arch", "loss" (first/last
    running training loss), "seconds"}.
    """
    progress = progress or null_progress
    t0 = time.time()
    r = int(ratio)
    wins = as_windows(windows, device)
    dev = wins[0].low.device
    state = {"ratio": r, "config": asdict(config),
             "regression": fit_regression(wins, r, config.gain, config.fit_gains)}
    if int(config.method) == 0:
        progress(1.0, "regression fitted")
        state["seconds"] = time.time() - t0
        return state
    if int(config.method) not in METHODS:
        raise ValueError(f"Unknown METHOD {config.method}; choose 0 (regression + injection) or 1 (learned).")
    pairs = _training_pairs(wins, r, config)
    reg1 = fit_regression([(y1, x1, None if lv is None else _low_valid_down(lv, r)) for x1, y1, _, lv in pairs],
                          r, config.gain, config.fit_gains)
    cub = bool(config.cubic_input)
    data = []
    for x1, y1, y, lv in pairs:
        base1 = regression_injection(y1, x1, r, reg1, config.gain)
        # the extra input: up(y1) (empty when not used, so the sampling below is uniform)
        data.append((x1, base1, y, lv, _up(y1, r) if cub else base1[:, :0]))
    # per-channel normalisation of the network's input; residual scale from the training error
    feats = torch.cat([torch.cat([x1, b1, u1], 1).reshape(x1.shape[1] + b1.shape[1] + u1.shape[1], -1)
                       for x1, b1, _, _, u1 in data], 1)
    res = torch.cat([(y - b1).reshape(y.shape[1], -1) for _, b1, y, _, _ in data], 1)
    yflat = torch.cat([y.reshape(y.shape[1], -1) for _, _, y, _, _ in data], 1)
    norm = {"mean": feats.mean(1).cpu().numpy(), "std": (feats.std(1) + 1e-6).cpu().numpy(),
            "out_scale": float(res.std().clamp_min(1e-6))}
    # the L1 term relative to each band's mean (as ERGAS weighs bands), scaled so that it equals
    # the plain L1 when the bands' means are equal
    band_w = yflat.abs().mean(1).clamp_min(1e-6)
    band_w = (band_w.mean() / band_w).reshape(1, -1, 1, 1)
    c_high, c_low = data[0][0].shape[1], data[0][1].shape[1]
    c_extra = data[0][4].shape[1]
    gen = torch.Generator().manual_seed(int(config.seed))
    torch.manual_seed(int(config.seed))  # conv initialisation
    net = ResidualNet(c_high, c_low, config.width, config.blocks, c_extra).to(dev)
    opt = torch.optim.Adam(net.parameters(), lr=config.lr)
    p = int(config.patch)
    sizes = [(d[2].shape[-2], d[2].shape[-1]) for d in data]
    weights = np.array([max(hh - p + 1, 1) * max(ww - p + 1, 1) for hh, ww in sizes], dtype=np.float64)
    cum = np.cumsum(weights / weights.sum())
    first = last = None
    n = int(config.iters)
    report = scoped(progress, 0.0, 1.0, "training: ")
    t_report = time.time()
    for it in range(n):
        lr = config.lr * 0.5 * (1 + math.cos(math.pi * it / max(n, 1)))
        for g_ in opt.param_groups:
            g_["lr"] = lr
        xs, bs, ys, us = [], [], [], []
        tries = 0
        while len(xs) < config.batch:
            u = torch.rand(3, generator=gen, device="cpu").tolist()
            k = int(np.searchsorted(cum, u[0], side="right").clip(0, len(data) - 1))
            x1, b1, y, lv, u1 = data[k]
            hh, ww = y.shape[-2:]
            ph, pw = min(p, hh), min(p, ww)
            i0 = int(u[1] * (hh - ph + 1))
            j0 = int(u[2] * (ww - pw + 1))
            tries += 1
            if lv is not None and not bool(lv[i0:i0 + ph, j0:j0 + pw].all()) and tries < 50 * config.batch:
                continue
            t = int(torch.randint(8, (1,), generator=gen, device="cpu"))
            sl = (..., slice(i0, i0 + ph), slice(j0, j0 + pw))
            xs.append(dihedral.transform(x1[sl], t))
            bs.append(dihedral.transform(b1[sl], t))
            ys.append(dihedral.transform(y[sl], t))
            us.append(dihedral.transform(u1[sl], t))
        xb, bb, yb = torch.cat(xs), torch.cat(bs), torch.cat(ys)
        pred = _predict(net, xb, bb, norm, torch.cat(us) if cub else None)
        loss = (band_w * (pred - yb).abs()).mean() if config.relative_l1 else F.l1_loss(pred, yb)
        if config.sam_weight > 0:
            loss = loss + config.sam_weight * _spectral_angle(pred, yb)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        v = float(loss.detach())
        first = v if first is None else first
        last = v if last is None else 0.98 * last + 0.02 * v
        if time.time() - t_report > 1.0 or it == n - 1:
            report((it + 1) / n, f"iteration {it + 1}/{n}, loss {last:.5f}")
            t_report = time.time()
    net.eval()
    state.update({"net": {k: v.detach().cpu() for k, v in net.state_dict().items()}, "norm": norm,
                  "arch": {"c_high": c_high, "c_low": c_low, "width": config.width, "blocks": config.blocks,
                           "c_extra": c_extra},
                  "loss": (first, last), "seconds": time.time() - t0})
    return state


def _low_valid_down(lv: torch.Tensor, r: int) -> torch.Tensor:
    """Validity one level down: a coarse pixel is valid when its r x r block is."""
    h, w = lv.shape[0] // r, lv.shape[1] // r
    return lv[:h * r, :w * r].reshape(h, r, w, r).all(3).all(1)


def _network(state: dict, device) -> nn.Module:
    a = state["arch"]
    net = ResidualNet(a["c_high"], a["c_low"], a["width"], a["blocks"], a.get("c_extra", 0))
    net.load_state_dict(state["net"])
    return net.to(device).eval()


def _network_inputs(state: dict, low: torch.Tensor, high: torch.Tensor, base: torch.Tensor) -> list:
    """[high, base] and, for a network that takes it, the cubic-upsampled low bands (all on the high grid)."""
    if state["arch"].get("c_extra", 0):
        return [high, base, _up(low, int(state["ratio"]))]
    return [high, base]


def fuse_tile(state: dict, low: torch.Tensor, high: torch.Tensor, progress: ProgressFn | None = None,
              net: nn.Module | None = None) -> torch.Tensor:
    """Sharpen one tile with a `learn`ed state: low (1, C, h, w), high (1, c, r h, r w) in [0, 1]
    -> (1, C, r h, r w) clamped at 0, on the inputs' device. Deterministic."""
    progress = progress or null_progress
    r = int(state["ratio"])
    cfg = Sentinel2Config(**state["config"])
    _check(low, high, r)
    with torch.no_grad():
        base = regression_injection(low, high, r, state["regression"], cfg.gain)
        if "net" not in state:
            progress(1.0, "tile fused")
            return base.clamp_min(0.0)
        return _network_pass(state, low, high, base, net,
                             lambda predict, ts: dihedral.self_ensemble(predict, ts, cfg.ensemble), progress)


def _network_pass(state: dict, low, high, base, net, combine, progress) -> torch.Tensor:
    """The learned residual over METHOD 0's ``base`` (1, C, r h, r w), in the network's own tiles:
    ``combine(predict, inputs)`` runs ``predict`` (the network on one set of inputs) on the tile's
    inputs (the plain output, a flip/rotation ensemble, or one transform). Clamped at 0."""
    cfg = Sentinel2Config(**state["config"])
    net = net if net is not None else _network(state, high.device)
    norm = state["norm"]

    def fn(*ts):
        return combine(lambda *tt: _predict(net, *tt[:2], norm, *tt[2:]), ts)

    out = tiled_apply(fn, _network_inputs(state, low, high, base), base.shape[1], cfg.tile, cfg.overlap,
                      progress=lambda f: progress(f, "network"), workers=1)
    return out.clamp_min(0.0)


def fuse(low: torch.Tensor, high: torch.Tensor, ratio: int, config: Sentinel2Config = Sentinel2Config(),
         progress: ProgressFn | None = None) -> torch.Tensor:
    """Learn on this pair, then fuse it: (1, C, h, w), (1, c, r h, r w) -> (1, C, r h, r w)."""
    state = learn([(low, high)], ratio, config, scoped(progress, 0.0, 0.9))
    return fuse_tile(state, low, high, scoped(progress, 0.9, 1.0))


# --------------------------------------------------------------------------
# uncertainty (the UNCERTAINTY output; sources and calibration in uncertainty.CALIBRATION)
# --------------------------------------------------------------------------

def fuse_sample(state: dict, low: torch.Tensor, high: torch.Tensor, index: int, base: torch.Tensor | None = None,
                net: nn.Module | None = None, progress: ProgressFn | None = None) -> torch.Tensor:
    """One sample for the uncertainty output: the learned network run once on the ``index``-th
    (0..7, `dihedral.ENSEMBLE_ORDER`) flip/rotation of the inputs, transformed back, clamped at 0;
    (1, C, r h, r w). Index 0 with ``ensemble`` 1 is `fuse_tile`. ``base``: METHOD 0 of this
    pair when already computed. A METHOD 0 state (no network) gives METHOD 0 for every index."""
    progress = progress or null_progress
    r = int(state["ratio"])
    cfg = Sentinel2Config(**state["config"])
    _check(low, high, r)
    with torch.no_grad():
        base = base if base is not None else regression_injection(low, high, r, state["regression"], cfg.gain)
        if "net" not in state:
            return base.clamp_min(0.0)
        k = dihedral.ENSEMBLE_ORDER[int(index) % 8]
        return _network_pass(state, low, high, base, net,
                             lambda predict, ts: dihedral.inverse(predict(*[dihedral.transform(t, k) for t in ts]), k),
                             progress)


def fuse_tile_sigma(state: dict, low: torch.Tensor, high: torch.Tensor, calibration: dict, k: int | None = None,
                    progress: ProgressFn | None = None) -> tuple[torch.Tensor, torch.Tensor]:
    """(fused, sigma) of one tile, both (1, C, r h, r w) on the inputs' device, sigma float32 in the
    inputs' units. fused is `fuse_tile`'s output. The samples (``calibration``: an
    `uncertainty.CALIBRATION` entry; K = ``k`` or its "samples"):

    - learned state (source 'output+regression'): the output (and, for K > 1, the network on K - 1
      more flips/rotations, `fuse_sample`) plus METHOD 0 as a cross-method sample;
    - METHOD 0 state (source 'regression+cubic'): METHOD 0 and the cubic-upsampled input (any K).

    The spread is made `uncertainty.local` over the calibration's window and scaled by its factor.
    Memory: two images beside the inputs (running spread), not K.
    """
    from . import uncertainty
    progress = progress or null_progress
    r = int(state["ratio"])
    cfg = Sentinel2Config(**state["config"])
    _check(low, high, r)
    window = int(calibration.get("window", 1))
    factor, power = float(calibration["factor"]), float(calibration.get("power", 1.0))
    with torch.no_grad():
        base = regression_injection(low, high, r, state["regression"], cfg.gain)
        if "net" not in state:
            fused = base.clamp_min(0.0)
            sigma = uncertainty.sample_sigma(lambda i: fused, 1, reference=_up(low, r), window=window,
                                             factor=factor, power=power)
            progress(1.0, "tile fused")
            return fused, sigma
        k = max(1, int(k or calibration["samples"]))
        net = _network(state, high.device)
        fused = fuse_tile(state, low, high, scoped(progress, 0.0, 1.0 / k), net=net)
        if cfg.ensemble == 1 or k == 1:  # sample 0 is the output itself (K = 1: the output and METHOD 0)
            first = fused
        else:
            first = fuse_sample(state, low, high, 0, base, net)

        def sample(i):
            if i == 0:
                return first
            return fuse_sample(state, low, high, i, base, net, scoped(progress, i / k, (i + 1) / k))

        sigma = uncertainty.sample_sigma(sample, k, reference=base.clamp_min(0.0), window=window, factor=factor,
                                         power=power)
    return fused, sigma
