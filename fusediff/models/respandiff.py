"""ResPanDiff: diffusion pansharpening by inferring the residual (Cao, Deng & Deng,
arXiv 2501.05091), with training, bundled weights and scene adaptation.

The residual Markov chain
-------------------------
e0 = HRMS - LMS (LMS = the MS upsampled to the PAN grid). With
abar_t = 1 - f(t)/f(0), f(t) = cos(((t/T + s)/(1 + s)) pi/2) (abar_0 = 0,
abar_T = 1) and alpha_t = abar_t - abar_{t-1}:

    q(e_t | e0)            = N((1 - abar_t) e0, kappa^2 abar_t I)
    q(e_{t-1} | e_t, e0)   = N((abar_{t-1}/abar_t) e_t + (alpha_t/abar_t) e0,
                               kappa^2 (abar_{t-1}/abar_t) alpha_t I)

T = 15, kappa = 1. The network f_theta(LMS + e_t, (PAN, LMS), t) predicts e0;
sampling starts from e_T ~ N(0, kappa^2 I) and draws e_{t-1} from the
posterior with e0_hat; HRMS = LMS + e_0. Fewer STEPS than T use the same
posterior between non-adjacent steps s < t (alpha_t -> abar_t - abar_s).

Loss: L_res(h) (|h| + 1 - exp(-|h|) below 1, (|h| + a)^2 + b above) on
h = e0 - e0_hat, plus gamma * mean(relu(e0_hat - max e0) + relu(min e0 - e0_hat))
(per sample), AdamW.

Images are float32 tensors (B, C, H, W) scaled to [0, 1]; PAN is (B, 1, H, W).
Weights files are dicts (arch, state_dict, meta) read with
``torch.load(weights_only=True)``; each has a JSON model card beside it.
"""
from __future__ import annotations

import copy
import dataclasses
import math
import time
from pathlib import Path
from typing import Callable, Iterable, Sequence

import numpy as np
import torch
import torch.nn.functional as F

from . import kernels, operators
from .method_configs import ResPanDiffConfig  # noqa: F401 (torch-free, re-exported)
from .consistency import back_project, consistency_passes
from .device import generator as make_generator
from .device import network_autocast, select_device
from .nets.respandiff_net import ResPanDiffNet
from .progress import Cancelled, ProgressFn, null_progress, scoped
from .tiled import tiled_apply
from .trained_weights import WeightsKind
from .method_configs import ResPanDiffTrainConfig as TrainConfig  # noqa: F401  (re-exported)

__all__ = ["ResPanDiffConfig", "TrainConfig", "ResidualSchedule", "fuse", "prepare", "fuse_prepared", "train", "adapt", "sample",
           "res_loss", "training_loss", "save_weights", "load_weights", "bundled_weights", "BUNDLED",
           "WEIGHTS_DIR", "Cancelled"]

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
#: Bundled weights: name -> file in models/weights (each with a .json model card).
BUNDLED = {"landsat7-r2": "respandiff_landsat7_r2.pt", "landsat7-r4": "respandiff_landsat7_r4.pt"}
FORMAT = "fusediff-respandiff-1"
BAND_ORDER = ["Blue", "Green", "Red", "NIR"]


# --------------------------------------------------------------------------
# configuration
# --------------------------------------------------------------------------





# --------------------------------------------------------------------------
# the residual chain
# --------------------------------------------------------------------------

class ResidualSchedule:
    """abar_t (t = 0..T; abar_0 = 0, abar_T = 1) and alpha_t of the residual chain, float64 on the CPU."""

    def __init__(self, T: int = 15, kappa: float = 1.0, s: float = 0.008):
        self.T, self.kappa, self.s = int(T), float(kappa), float(s)
        t = torch.arange(self.T + 1, dtype=torch.float64, device="cpu")
        f = torch.cos(((t / self.T + s) / (1 + s)) * math.pi / 2)
        abar = 1 - f / f[0]
        abar[0], abar[-1] = 0.0, 1.0  # exact ends (cos(pi/2) is ~6e-17 in floating point)
        self.abar = abar
        self.alpha = torch.cat([torch.zeros(1, dtype=torch.float64, device="cpu"), abar[1:] - abar[:-1]])

    def _at(self, v: torch.Tensor, t, like: torch.Tensor) -> torch.Tensor:
        if isinstance(t, int):
            out = v[t].reshape([1] * like.dim())
        else:
            t = torch.as_tensor(t, dtype=torch.long).cpu()
            out = v[t].reshape([-1] + [1] * (like.dim() - 1))
        return out.to(device=like.device, dtype=like.dtype)

    def q_sample(self, e0: torch.Tensor, t, noise: torch.Tensor) -> torch.Tensor:
        """e_t = (1 - abar_t) e0 + kappa sqrt(abar_t) noise; t int or (B,) in 1..T."""
        a = self._at(self.abar, t, e0)
        return (1 - a) * e0 + self.kappa * a.sqrt() * noise

    def posterior(self, e_t: torch.Tensor, e0: torch.Tensor, t: int, s: int | None = None):
        """Mean and variance of q(e_s | e_t, e0), 0 <= s < t (default s = t - 1).

        mean = (abar_s/abar_t) e_t + ((abar_t - abar_s)/abar_t) e0,
        var = kappa^2 abar_s (abar_t - abar_s) / abar_t (a 0-dim tensor; 0 at s = 0).
        """
        s = t - 1 if s is None else s
        if not 0 <= s < t <= self.T:
            raise ValueError(f"need 0 <= s < t <= T, got s={s}, t={t}")
        at, as_ = float(self.abar[t]), float(self.abar[s])
        mean = (as_ / at) * e_t + ((at - as_) / at) * e0
        var = self.kappa ** 2 * as_ * (at - as_) / at
        return mean, torch.tensor(var, dtype=e_t.dtype, device=e_t.device)

    def timesteps(self, steps: int) -> list[int]:
        """Descending timesteps T = t_0 > ... > t_{n-1} >= 1 for ``steps`` sampling steps."""
        steps = max(1, min(int(steps), self.T))
        ts = np.unique(np.round(np.linspace(self.T, 1, steps)).astype(int))[::-1]
        return [int(t) for t in ts]


# --------------------------------------------------------------------------
# loss
# --------------------------------------------------------------------------

_A = 1 / (2 * math.e) - 0.5
_B = 7 / 4 - 3 / (2 * math.e) - 1 / (4 * math.e ** 2)


def res_loss(h: torch.Tensor) -> torch.Tensor:
    """Elementwise L_res(h): |h| + 1 - exp(-|h|) for |h| < 1, (|h| + a)^2 + b otherwise
    (a = 1/(2e) - 1/2, b = 7/4 - 3/(2e) - 1/(4e^2): continuous with its derivative at 1)."""
    a = h.abs()
    return torch.where(a < 1, a + 1 - torch.exp(-a), (a + _A) ** 2 + _B)


def training_loss(net, sched: ResidualSchedule, gt: torch.Tensor, lms: torch.Tensor, pan: torch.Tensor,
                  gamma: float = 1e4, generator: torch.Generator | None = None):
    """Loss of one batch: mean L_res(e0 - e0_hat) + gamma * boundary penalty.

    gt, lms (B, C, H, W), pan (B, 1, H, W); t ~ U{1..T}. Returns (loss, L_res, penalty).
    """
    e0 = gt - lms
    b = gt.shape[0]
    gdev = generator.device if generator is not None else gt.device
    t = torch.randint(1, sched.T + 1, (b,), generator=generator, device=gdev).to(gt.device)
    noise = torch.randn(gt.shape, generator=generator, device=gdev, dtype=gt.dtype).to(gt.device)
    e_t = sched.q_sample(e0, t, noise)
    e0_hat = net(lms + e_t, pan, lms, t)
    lres = res_loss(e0 - e0_hat).mean()
    mx = e0.amax(dim=(1, 2, 3), keepdim=True)
    mn = e0.amin(dim=(1, 2, 3), keepdim=True)
    pen = (F.relu(e0_hat - mx) + F.relu(mn - e0_hat)).mean()
    return lres + gamma * pen, lres.detach(), pen.detach()


# --------------------------------------------------------------------------
# sampling
# --------------------------------------------------------------------------

def _predict(net, x: torch.Tensor, pan: torch.Tensor, lms: torch.Tensor, t: int, tile: int,
             overlap: int) -> torch.Tensor:
    """net(x, pan, lms, t), tile by tile (blended) when the image exceeds ``tile``."""
    tt = torch.full((x.shape[0],), t, device=x.device, dtype=torch.long)

    def forward(xv, pv, lv):
        with network_autocast(xv.device):
            return net(xv, pv, lv, tt).to(xv.dtype)
    return tiled_apply(forward, (x, pan, lms), x.shape[1], tile, overlap)


@torch.no_grad()
def sample(net, lms: torch.Tensor, pan: torch.Tensor, sched: ResidualSchedule, steps: int = 15,
           generator: torch.Generator | None = None, progress: ProgressFn | None = None,
           tile: int = 512, overlap: int = 32) -> torch.Tensor:
    """Reverse residual chain: e_T ~ N(0, kappa^2), posterior steps with e0_hat; returns LMS + e_0.

    lms (B, C, H, W), pan (B, 1, H, W) on the net's device. ``progress`` is
    called once per step (may raise Cancelled).
    """
    progress = progress or null_progress
    gdev = generator.device if generator is not None else lms.device
    e = sched.kappa * torch.randn(lms.shape, generator=generator, device=gdev, dtype=lms.dtype).to(lms.device)
    ts = sched.timesteps(steps)
    for i, t in enumerate(ts):
        progress(i / len(ts), f"sampling step {i + 1}/{len(ts)}")
        e0_hat = _predict(net, lms + e, pan, lms, t, tile, overlap)
        s = ts[i + 1] if i + 1 < len(ts) else 0
        mean, var = sched.posterior(e, e0_hat, t, s)
        if s > 0:
            z = torch.randn(lms.shape, generator=generator, device=gdev, dtype=lms.dtype).to(lms.device)
            e = mean + var.sqrt() * z
        else:
            e = mean
    progress(1.0, "sampling done")
    return lms + e


# --------------------------------------------------------------------------
# data: Wald-degraded triples (gt, lms, pan) and random patches
# --------------------------------------------------------------------------

def wald_degrade(pan: np.ndarray, ms: np.ndarray, ratio: int, gains=0.3, pan_gain: float = 0.15,
                 phase: float = 0.0) -> tuple[np.ndarray, np.ndarray]:
    """Wald's protocol: degrade a full-resolution pair by ``ratio`` once more.

    pan (1, H, W), ms (C, H/r, W/r) float arrays -> (pan_low (1, H/r, W/r),
    ms_low (C, H/r^2, W/r^2)), both MTF-matched Gaussian blur + sampling at the
    low-res pixel centres (phase 0: indices 0, r, 2r...; other phases: the
    classical module's exact fractional-phase sampler).
    """
    g = kernels.resolve_gains(gains, ms.shape[0])
    if abs(phase) < 1e-9:
        ms_t = torch.as_tensor(np.asarray(ms, dtype=np.float64))[None]
        pan_t = torch.as_tensor(np.asarray(pan, dtype=np.float64))[None]
        ms_low, pan_low = operators.simulate_mtf(ms_t, ratio, g, pan=pan_t, pan_gain=pan_gain)
        return pan_low[0].numpy().astype(np.float32), ms_low[0].numpy().astype(np.float32)
    from .classical import lowpass_decimate  # NumPy, exact for fractional phases
    return (lowpass_decimate(pan, ratio, pan_gain, phase).astype(np.float32),
            lowpass_decimate(ms, ratio, g, phase).astype(np.float32))


def _lms(ms: np.ndarray, ratio: int, phase: float) -> np.ndarray:
    return kernels.upsample_np(np.asarray(ms, dtype=np.float32), ratio, phase).astype(np.float32)


def triple_from_pair(pan: np.ndarray, ms: np.ndarray, ratio: int, gains=0.3, pan_gain: float = 0.15,
                     phase: float = 0.0, base: Callable | None = None) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(gt, lms, pan) training triple from a full-resolution pair by Wald's protocol.

    gt = ms (C, h, w); pan_low (1, h, w); lms = ms_low upsampled back (C, h, w),
    or ``base(pan_low, ms_low)`` (C, h, w) when given (e.g. a classical fusion
    of the degraded pair that a network then refines).
    """
    pan = np.asarray(pan, dtype=np.float32)
    ms = np.asarray(ms, dtype=np.float32)
    if pan.ndim == 2:
        pan = pan[None]
    if pan.shape[-2] != ratio * ms.shape[-2] or pan.shape[-1] != ratio * ms.shape[-1]:
        raise ValueError(f"The PAN ({pan.shape[-2]}x{pan.shape[-1]}) is not {ratio} times the MS "
                         f"({ms.shape[-2]}x{ms.shape[-1]}).")
    pan_low, ms_low = wald_degrade(pan, ms, ratio, gains, pan_gain, phase)
    lms = _lms(ms_low, ratio, phase) if base is None else np.asarray(base(pan_low, ms_low), np.float32)
    h, w = ms.shape[-2:]
    return ms, lms[:, :h, :w], pan_low[:, :h, :w]


def triple_from_case(case: dict) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """(gt, lms, pan) from a simulated case dict (gt, ms, pan, ratio[, phase, lms])."""
    lms = case.get("lms")
    if lms is None:
        lms = _lms(case["ms"], int(case["ratio"]), float(case.get("phase", 0.0)))
    return (np.asarray(case["gt"], np.float32), np.asarray(lms, np.float32),
            np.asarray(case["pan"], np.float32).reshape((1,) + np.shape(case["gt"])[-2:]))


def triples_from_h5(path, max_value: float | None = None, limit: int | None = None):
    """PanCollection-style HDF5 (datasets gt, ms, lms, pan: (N, C, H, W)) -> list of triples.

    Values are divided by ``max_value`` (default: 2047 for 11-bit data, 1023
    for 10-bit, 255 for 8-bit, 1 when already in [0, 1], guessed from gt).
    Needs h5py.
    """
    try:
        import h5py
    except ImportError as e:  # pragma: no cover - depends on the install
        raise RuntimeError("Reading HDF5 training data needs the h5py package (pip install h5py).") from e
    with h5py.File(str(path), "r") as f:
        for key in ("gt", "lms", "pan"):
            if key not in f:
                raise ValueError(f"{path} has no '{key}' dataset; expected PanCollection keys gt, ms, lms, pan.")
        n = f["gt"].shape[0] if limit is None else min(limit, f["gt"].shape[0])
        gt = np.asarray(f["gt"][:n], dtype=np.float32)
        lms = np.asarray(f["lms"][:n], dtype=np.float32)
        pan = np.asarray(f["pan"][:n], dtype=np.float32)
    if max_value is None:
        m = float(gt.max())
        max_value = 2047.0 if m > 1023 else 1023.0 if m > 255 else 255.0 if m > 1.5 else 1.0
    if pan.ndim == 3:
        pan = pan[:, None]
    return [(gt[i] / max_value, lms[i] / max_value, pan[i] / max_value) for i in range(n)]


def build_triples(data: Iterable, ratio: int, gains=0.3, pan_gain: float = 0.15, phase: float = 0.0) -> list:
    """Training triples from a mix of sources.

    Each item: a (pan (1|H, W), ms (C, h, w)) full-resolution pair (Wald-degraded
    here at ``ratio``), a case dict with gt/ms/pan (already simulated), or a
    path to a PanCollection HDF5 file.
    """
    out = []
    for item in data:
        if isinstance(item, (str, Path)):
            out.extend(triples_from_h5(item))
        elif isinstance(item, dict):
            out.append(triple_from_case(item))
        else:
            pan, ms = item
            out.append(triple_from_pair(pan, ms, ratio, gains, pan_gain, phase))
    if not out:
        raise ValueError("No training data was given.")
    bands = {t[0].shape[0] for t in out}
    if len(bands) != 1:
        raise ValueError(f"Training images have different band counts: {sorted(bands)}.")
    return out


class PatchSampler:
    """Random (gt, lms, pan) patches with random flips and 90-degree rotations.

    triples: list of (gt (C,H,W), lms (C,H,W), pan (1,H,W)) arrays. Images
    smaller than ``patch`` are used whole (patch shrinks to the smallest one).
    """

    def __init__(self, triples: list, patch: int, batch: int, seed: int = 0):
        self.data = [np.concatenate([g, l, p], axis=0).astype(np.float32) for g, l, p in triples]
        self.bands = triples[0][0].shape[0]
        smallest = min(min(d.shape[-2:]) for d in self.data)
        self.patch = int(min(patch, smallest))
        self.batch = int(batch)
        self.rng = np.random.default_rng(seed)
        # sample images in proportion to their area (every pixel equally likely)
        area = np.array([d.shape[-2] * d.shape[-1] for d in self.data], dtype=np.float64)
        self.p = area / area.sum()

    def __call__(self, device=None):
        c, ps = self.bands, self.patch
        out = np.empty((self.batch, 2 * c + 1, ps, ps), dtype=np.float32)
        for i in range(self.batch):
            d = self.data[self.rng.choice(len(self.data), p=self.p)]
            y = self.rng.integers(0, d.shape[-2] - ps + 1)
            x = self.rng.integers(0, d.shape[-1] - ps + 1)
            a = d[:, y:y + ps, x:x + ps]
            if self.rng.random() < 0.5:
                a = a[:, :, ::-1]
            a = np.rot90(a, self.rng.integers(4), axes=(1, 2))
            out[i] = a
        t = torch.from_numpy(out).to(device) if device is not None else torch.from_numpy(out)
        return t[:, :c], t[:, c:2 * c], t[:, 2 * c:]


# --------------------------------------------------------------------------
# weights and model cards
# --------------------------------------------------------------------------

WEIGHTS = WeightsKind("ResPanDiff", FORMAT, BUNDLED, WEIGHTS_DIR, build=lambda arch: ResPanDiffNet(**arch))


def bundled_weights(name_or_ratio) -> Path:
    """Path of a bundled weights file, by name ('landsat7-r2') or ratio (2 or 4)."""
    return WEIGHTS.bundled_path(name_or_ratio)


def save_weights(path, net: ResPanDiffNet, meta: dict) -> Path:
    """Write the weights and a JSON model card ``<path>.json`` (`WeightsKind.save`).

    meta: bands, band_order, ratio, data, iterations, validation (dict), ...
    Returns the weights path.
    """
    return WEIGHTS.save(path, net, meta)


def input_level(weights=None, ratio: int = 4) -> float:
    """The value the product maps a scene's robust maximum (99.9th percentile of both inputs)
    to for ``weights`` (None: the bundled ones for ``ratio``; a bundled name, a path, a model or
    (model, meta)): the model card's ``input_scale.level``, measured on the training scenes as
    the bench scaled them; 1 (`trained_weights.DEFAULT_INPUT_LEVEL`) when the card records none."""
    return WEIGHTS.input_level(weights, ratio)


def load_weights(path, bands: int | None = None, ratio: int | None = None,
                 device=None) -> tuple[ResPanDiffNet, dict]:
    """Read a weights file -> (net in eval mode, meta); ValueError on a file that is not
    ResPanDiff weights or whose bands/ratio differ from ``bands``/``ratio``."""
    return WEIGHTS.load(path, bands, ratio, device)


# --------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------

def _lr_at(it: int, total: int, lr: float, warmup: int, time_frac: float = 0.0) -> float:
    if warmup and it < warmup:
        return lr * (it + 1) / warmup
    frac = max((it - warmup) / max(1, total - warmup), time_frac)
    return lr * (0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(frac, 1.0))))


def validate(net, cases: Sequence[tuple], sched: ResidualSchedule, steps: int = 15, seed: int = 0,
             device=None) -> dict:
    """Mean SAM (deg), ERGAS and Q2n over validation triples (gt, lms, pan, ratio).

    Border of ``ratio`` pixels left out (BENCHMARK.md).
    """
    from . import metrics
    device = device or next(net.parameters()).device
    net.eval()
    vals = {"sam": [], "ergas": [], "q2n": []}
    for gt, lms, pan, ratio in cases:
        g = make_generator(seed, device)
        out = sample(net, torch.as_tensor(lms)[None].to(device), torch.as_tensor(pan)[None].to(device),
                     sched, steps, g)
        x = out[0].clamp(0, 1).cpu().numpy().astype(np.float64)
        vals["sam"].append(metrics.sam(x, gt, border=ratio))
        vals["ergas"].append(metrics.ergas(x, gt, ratio, border=ratio))
        vals["q2n"].append(metrics.q2n(x, gt, border=ratio))
    return {k: float(np.mean(v)) for k, v in vals.items()}


def train(data, ratio: int, config: TrainConfig = TrainConfig(), weights=None, val=None,
          progress: ProgressFn | None = None, device="cpu", out_path=None, meta: dict | None = None,
          log: Callable[[str], None] | None = None, sched: ResidualSchedule | None = None,
          triples: list | None = None):
    """Train (or resume) a ResPanDiff network.

    data: see `build_triples` (pairs, case dicts, HDF5 paths); or pass ready
    ``triples``. weights: None (new net), a path, or a ResPanDiffNet to
    continue training. val: list of (gt, lms, pan) triples (or case dicts)
    for validation every ``config.val_every`` iterations. When ``out_path``
    is given the best (by validation ERGAS; the last when no validation)
    weights are written there with a model card, at every validation.
    Returns (net, history) with history = {'loss': [...], 'val': [(it, metrics), ...], 'best': ...}.
    """
    progress = progress or null_progress
    log = log or (lambda m: None)
    dev = select_device(device) if isinstance(device, str) else device
    sched = sched or ResidualSchedule()
    torch.manual_seed(config.seed)
    if triples is None:
        triples = build_triples(data, ratio, config.gains, config.pan_gain)
    bands = triples[0][0].shape[0]
    prev_iters = 0
    base_meta = {}
    if isinstance(weights, (str, Path)):
        net, base_meta = load_weights(weights, bands=bands)
        prev_iters = int(base_meta.get("iterations", 0))
    elif weights is not None:
        net = weights
    else:
        net = ResPanDiffNet(bands, width=config.width, width0=config.width0)
    net.to(dev).train()
    val_cases = []
    for v in (val or []):
        g, l, p = triple_from_case(v) if isinstance(v, dict) else v
        val_cases.append((g, l, p, ratio))
    sampler = PatchSampler(triples, config.patch, config.batch, config.seed)
    gen = make_generator(config.seed + 1, dev)
    opt = torch.optim.AdamW(net.parameters(), lr=config.lr, weight_decay=config.weight_decay)
    history = {"loss": [], "val": [], "best": None}
    best_score, best_state = math.inf, None
    meta = {**base_meta, **(meta or {})}
    t0 = time.time()
    run_loss = 0.0

    def checkpoint(it_done: int):
        nonlocal best_score, best_state
        res = None
        if val_cases:
            res = validate(net, val_cases, sched, config.val_steps, config.seed, dev)
            history["val"].append((it_done, res))
            log(f"iter {it_done}: validation SAM {res['sam']:.3f} ERGAS {res['ergas']:.3f} Q {res['q2n']:.4f}")
            net.train()
        score = res["ergas"] if res else -it_done
        if score < best_score:
            best_score = score
            best_state = copy.deepcopy(net.state_dict())
            history["best"] = {"iteration": prev_iters + it_done, "validation": res}
            if out_path is not None:
                m = {**meta, "bands": bands, "ratio": int(ratio), "iterations": prev_iters + it_done,
                     "validation": res, "train_seconds": round(time.time() - t0, 1),
                     "train_config": dataclasses.asdict(config)}
                save_weights(out_path, net, m)

    done = 0
    for it in range(config.iterations):
        tfrac = (time.time() - t0) / config.max_seconds if config.max_seconds > 0 else 0.0
        if tfrac >= 1.0:
            log(f"time budget reached after {it} iterations")
            break
        for group in opt.param_groups:
            group["lr"] = _lr_at(it, config.iterations, config.lr, config.warmup, tfrac)
        gt, lms, pan = sampler(dev)
        loss, lres, pen = training_loss(net, sched, gt, lms, pan, config.gamma, gen)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        if config.grad_clip > 0:
            torch.nn.utils.clip_grad_norm_(net.parameters(), config.grad_clip)
        opt.step()
        done = it + 1
        history["loss"].append(float(loss.detach()))
        run_loss += float(lres)
        if (it + 1) % 50 == 0:
            log(f"iter {it + 1}/{config.iterations} L_res {run_loss / 50:.5f} penalty {float(pen):.2e} "
                f"lr {opt.param_groups[0]['lr']:.2e} {time.time() - t0:.0f}s")
            run_loss = 0.0
        progress(max((it + 1) / config.iterations, tfrac), f"training iteration {it + 1}/{config.iterations}")
        if config.val_every and (it + 1) % config.val_every == 0 and it + 1 < config.iterations:
            checkpoint(it + 1)
    checkpoint(done)
    if best_state is not None:
        net.load_state_dict(best_state)
    net.eval()
    return net, history


# --------------------------------------------------------------------------
# scene adaptation and the entry point
# --------------------------------------------------------------------------

def _window_triples(windows, ratio: int, gains, pan_gain: float, phase: float, base: Callable | None = None) -> list:
    """Wald triples (gt, lms, pan) from scene windows [(ms (1, C, h, w), pan (1, 1, H, W)), ...],
    each cropped to a whole number of low-res pixels first (``base``: as `triple_from_pair`)."""
    out = []
    for ms, pan in windows:
        ms = ms[0].detach().cpu().numpy()
        pan = pan[0].detach().cpu().numpy()
        h = min(ms.shape[-2], pan.shape[-2] // ratio)
        w = min(ms.shape[-1], pan.shape[-1] // ratio)
        if min(h, w) < 2 * ratio:
            continue  # too small to degrade once more
        out.append(triple_from_pair(pan[:, :h * ratio, :w * ratio], ms[:, :h, :w], ratio, gains, pan_gain, phase,
                                    base))
    if not out:
        raise ValueError("The scene is too small for scene adaptation (it needs at least "
                         f"{2 * ratio * ratio} x {2 * ratio * ratio} PAN pixels).")
    return out


def adapt(net: ResPanDiffNet, windows, ratio: int, config: ResPanDiffConfig, phase: float = 0.0,
          progress: ProgressFn | None = None, sched: ResidualSchedule | None = None):
    """Fit ``net`` (in place) on the scene degraded once more by Wald's protocol.

    windows: [(ms (1, C, h, w), pan (1, 1, H, W)), ...] (the whole pair, or
    windows sampled across a large scene). Runs ``config.adapt_iters`` AdamW
    iterations on random patches of (gt = ms, lms = upsampled degraded ms,
    pan = degraded pan). Returns the net (eval mode).
    """
    sched = sched or ResidualSchedule()
    triples = _window_triples(windows, ratio, config.adapt_gains, config.pan_gain, phase)
    tc = TrainConfig(iterations=config.adapt_iters, batch=config.adapt_batch, patch=config.adapt_patch,
                     lr=config.adapt_lr, warmup=min(50, config.adapt_iters // 10), val_every=0,
                     seed=config.seed)
    dev = next(net.parameters()).device
    net, _ = train(None, ratio, tc, weights=net, progress=progress, device=dev, sched=sched, triples=triples)
    return net


def _fresh(bands: int, config: ResPanDiffConfig, device):
    return ResPanDiffNet(bands, config.width, config.width0).to(device), {"bands": bands}, True


def _resolve_net(weights, bands: int, ratio: int, config: ResPanDiffConfig, device):
    """(net, meta, fresh) for ``weights``: None (bundled for the ratio), a bundled name, a path,
    a ResPanDiffNet or (net, meta).

    Without adaptation a band-count or ratio mismatch is a ValueError. With
    adaptation (config.adapt_iters > 0) a band mismatch gives a fresh network
    (fitted from scratch: ``fresh`` True) and a ratio mismatch is fine-tuned away.
    (Carrying the 4-band weights over to 8 bands, each new band copying an
    evenly spread old one, then fine-tuning measured worse on WorldView-3:
    SAM 5.18 / ERGAS 5.88 after 1000 iterations against 4.94 / 5.31 from scratch.)
    """
    return WEIGHTS.resolve(weights, bands, ratio, config.adapt_iters > 0, device,
                           lambda net, meta: _fresh(bands, config, device), len(BAND_ORDER))


def _check_pair(ms: torch.Tensor, pan: torch.Tensor, ratio: int) -> None:
    if ms.dim() != 4 or pan.dim() != 4 or pan.shape[1] != 1:
        raise ValueError("fuse expects ms (1, C, h, w) and pan (1, 1, H, W) tensors.")
    if pan.shape[-2] != ratio * ms.shape[-2] or pan.shape[-1] != ratio * ms.shape[-1]:
        raise ValueError(f"The PAN ({pan.shape[-2]}x{pan.shape[-1]}) is not {ratio} times the MS "
                         f"({ms.shape[-2]}x{ms.shape[-1]}).")


def prepare(windows, ratio: int, weights=None, config: ResPanDiffConfig = ResPanDiffConfig(),
            progress: ProgressFn | None = None, device="cpu", phase: float = 0.0) -> dict:
    """The scene-level part of `fuse`, done once per scene: resolve (load) the weights and, with
    ``config.adapt_iters`` > 0, fit them on the scene degraded once more.

    windows: [(ms (1, C, h, w), pan (1, 1, H, W)), ...] in [0, 1]: the whole
    pair, or windows sampled across a large scene (`engine.scene.scene_sample`).
    Returns a state for `fuse_prepared`: {net, meta, fresh, adapted, device, seconds}.
    """
    progress = progress or null_progress
    dev = select_device(device) if isinstance(device, str) else device
    ratio = int(ratio)
    t0 = time.time()
    bands = windows[0][0].shape[1]
    net, meta, fresh = _resolve_net(weights, bands, ratio, config, dev)
    adapted = False
    if config.adapt_iters > 0:
        net = copy.deepcopy(net)  # never change the caller's (or the cached bundled) model
        wins = [(m.to(dev, torch.float32), p.to(dev, torch.float32)) for m, p in windows]
        adapt(net, wins, ratio, config, phase, scoped(progress, 0.0, 1.0, "adaptation: "))
        adapted = True
    net.eval()
    return {"net": net, "meta": meta, "fresh": fresh, "adapted": adapted, "device": dev,
            "seconds": time.time() - t0}


def fuse_prepared(state: dict, ms: torch.Tensor, pan: torch.Tensor, ratio: int,
                  config: ResPanDiffConfig = ResPanDiffConfig(), progress: ProgressFn | None = None,
                  phase: float = 0.0) -> torch.Tensor:
    """Sample one image (or tile) with a `prepare`d model: ms (1, C, h, w), pan (1, 1, r h, r w)
    in [0, 1] -> (1, C, r h, r w), clamped at 0. ``config``: steps, seed, tile, overlap."""
    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    dev = state["device"]
    ms = ms.to(dev, torch.float32)
    pan = pan.to(dev, torch.float32)
    lms = operators.upsample(ms, ratio, phase)
    g = make_generator(config.seed, dev)
    out = sample(state["net"], lms, pan, ResidualSchedule(), config.steps, g, progress, config.tile,
                 config.overlap)
    out = back_project(out, ms, ratio, config.adapt_gains, phase, consistency_passes(config, state))
    return out.clamp(min=0)



def fuse_sample(state: dict, ms: torch.Tensor, pan: torch.Tensor, ratio: int, index: int,
                config: ResPanDiffConfig = ResPanDiffConfig(), progress: ProgressFn | None = None,
                phase: float = 0.0) -> torch.Tensor:
    """One sample for the uncertainty output (`uncertainty.py`, source 'dihedral'): `fuse_prepared`
    on the ``index``-th (0..7, `dihedral.ENSEMBLE_ORDER`) flip/rotation of the upsampled MS and the
    PAN with seed ``config.seed + index``, transformed back, then the same consistency passes.
    Index 0 is `fuse_prepared`. The prepared state (weights, adaptation) is shared."""
    from . import dihedral

    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    k = dihedral.ENSEMBLE_ORDER[int(index) % 8]
    dev = state["device"]
    ms = ms.to(dev, torch.float32)
    pan = pan.to(dev, torch.float32)
    lms = operators.upsample(ms, ratio, phase)
    g = make_generator(int(config.seed) + int(index), dev)
    out = sample(state["net"], dihedral.transform(lms, k), dihedral.transform(pan, k), ResidualSchedule(),
                 config.steps, g, progress, config.tile, config.overlap)
    out = back_project(dihedral.inverse(out, k), ms, ratio, config.adapt_gains, phase,
                       consistency_passes(config, state))
    return out.clamp(min=0)

def fuse(ms: torch.Tensor, pan: torch.Tensor, ratio: int, weights=None, config: ResPanDiffConfig = ResPanDiffConfig(),
         progress: ProgressFn | None = None, device="cpu", phase: float = 0.0, return_info: bool = False):
    """Pansharpen ``ms`` (1, C, h, w) with ``pan`` (1, 1, H = ratio*h, W = ratio*w) -> (1, C, H, W).

    Values scaled to [0, 1] by the caller; the result is clamped at 0 (not
    above, so a scene's own scaling survives). ``weights``: None (bundled
    Landsat-7 weights for ``ratio``), a bundled name ('landsat7-r4'), a
    weights path, a ResPanDiffNet, or (net, meta). LMS =
    operators.upsample(ms, ratio, phase) (``phase``: high-res coordinate of
    low-res pixel 0's centre). With ``config.adapt_iters`` > 0 the model is
    first fitted on this pair degraded once more (from scratch when the
    weights' band count differs). Raises ValueError for band/ratio mismatch
    without adaptation, Cancelled when ``progress`` raises it.
    With ``return_info`` returns (fused, info dict: meta, adapted, fresh, seconds).
    = `prepare` on the whole pair + `fuse_prepared`.
    """
    progress = progress or null_progress
    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    t0 = time.time()
    split = 0.8 if config.adapt_iters > 0 else 0.0
    state = prepare([(ms, pan)], ratio, weights, config, scoped(progress, 0.0, split), device, phase)
    out = fuse_prepared(state, ms, pan, ratio, config, scoped(progress, split, 1.0), phase)
    if return_info:
        return out, {"meta": state["meta"], "adapted": state["adapted"], "fresh": state["fresh"],
                     "seconds": time.time() - t0}
    return out
