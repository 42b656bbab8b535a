"""ARGS-Diff: self-learning HSI-MSI fusion with an adaptive-residual-guided subspace diffusion model.

Zhu, Wang, Xu, Wu, Wei, "Self-Learning Hyperspectral and Multispectral Image
Fusion via Adaptive Residual Guided Subspace Diffusion Model", CVPR 2025.

Model. The high-resolution HSI is Z = A x_3 E: coefficients A (d, H, W) and a
spectral basis E (d, C), d = 8. Both live in [-1, 1] inside the diffusion
models and map to the data range as in the authors' sampler:

    Z[c, h, w] = sum_k a[k, h, w] e[k, c],   a = (A + 1) / 2,  e = (E + 1) / 2,

i.e. a non-negative mixture of d spectra shaped like LR-HSI pixel spectra
(data range [0, 1]) with non-negative, MSI-like coefficient maps.

Two small diffusion models are trained on the scene itself (DDPM, T = 1000,
eps-prediction, MSE, data in [-1, 1]):
- the spectral net c_zeta (`nets.spectral_fc.SpectralFC`) on (d, C) samples of
  random LR-HSI pixel spectra (the rows of a sample are denoised as a batch);
- the spatial net s_theta (`nets.unet.UNet`, d channels) on HR-MSI patches
  whose d channels are MSI bands drawn with replacement.

Sampling (Algorithm 1): A_T, E_T ~ N(0, I); per DDIM step both nets give
A0_hat, E0_hat (clamped to [-1, 1]); the data-fit loss

    L = ||H(Z0) - X|| + lambda1 ||Z0 x_3 R - Y||,   Z0 = a0 x_3 e0,

(X: LR-HSI, Y: HR-MSI, H = blur with the PSF + decimation, R: the SRF; norms,
not squared norms, as in the authors' code) is differentiated w.r.t. A_t, E_t
(through the networks, or only w.r.t. A0_hat, E0_hat -- see ``guidance``); the
gradients are normalised Adam-style and subtracted from the DDIM update with
steps rho1, rho2; then ARGM takes one plain gradient step on (A_{t-1},
E_{t-1}) on the same loss with steps rho/argm_ratio.

CPU default (measured in bench/experiments/ablation_argsdiff.md): both inputs are
Wiener-denoised and the reverse process starts from SDP's subspace
least-squares estimate (`sdp.initial_estimate`, one implementation shared by
both methods), factored as a x_3 e (`factor_estimate`: e = d LR-HSI pixel
spectra spanning the estimate's subspace, d at least the scene's signal rank;
each A channel mapped to [-1, 1] by its own range through `CoeffMap`). The
estimate is taken as the sample at noise level ``start`` = 0.02 (its own error
plays the part of the noise; no fresh noise is added), the networks are
trained only up to that timestep, and a few DDIM steps with guidance w.r.t.
the denoised estimates (Adam-normalised steps rho = 0.03 scaled by the noise
level) and ARGM refine it.
The `paper` preset restores the paper's sampler and network sizes. Measured
caveat: with networks trained for seconds the diffusion stage does not
improve on its starting estimate (HM Jasper 37.87 -> 37.79 dB): at the noise
levels where it could refine a 38 dB estimate the CPU-trained denoisers are
not accurate enough, and from higher levels they lose several dB.

Cheap evaluation of L: H and R are linear and act on other axes than the
subspace product, so H(Z0) = H(a0) x_3 e0 and Z0 x_3 R = a0 x_3 (R e0^T)^T:
the blur runs on d channels (8 or the scene's rank), not C, and Z is never formed while sampling.

Entry point: `fuse(hsi, msi, srf=None, psf=None, ratio=None, config, progress,
device)`; PSF/SRF not given are estimated blindly (`estimation.estimate_psf_srf`).
It is `learn` (PSF/SRF and both networks: once per scene, from windows
sampled across it) followed by `fuse_tile` (start estimate and guided
sampling: per tile).
"""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass, replace

import numpy as np
import torch

from . import diffusion, dihedral, operators, scene, sdp
from .device import generator as make_generator
from .device import network_autocast, select_device, to_float64
from .nets.spectral_fc import SpectralFC
from .nets.unet import UNet
from .progress import Cancelled, null_progress, scoped  # noqa: F401  (Cancelled re-exported for callers)
from .method_configs import ARGSDiffConfig, GUIDANCE  # noqa: F401  (re-exported)





# --------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------

def _spatial_batch(msi, cfg: ARGSDiffConfig, g: torch.Generator) -> torch.Tensor:
    """(B, d, P, P) patches of the HR-MSI (1, c, H, W) in [-1, 1]: random crops, flips/rotations,
    and d bands drawn with replacement per patch. ``msi`` may be a list of such images (windows
    of a scene): each patch then comes from a window drawn at random."""
    if isinstance(msi, (list, tuple)):
        if len(msi) > 1:
            return _spatial_batch_windows(msi, cfg, g)
        msi = msi[0]
    _, c, h, w = msi.shape
    p = min(cfg.patch, h, w)
    b = cfg.spatial_batch
    ys = torch.randint(0, h - p + 1, (b,), generator=g, device="cpu").tolist()
    xs = torch.randint(0, w - p + 1, (b,), generator=g, device="cpu").tolist()
    bands = torch.randint(0, c, (b, cfg.rank), generator=g, device="cpu")
    flips = torch.randint(0, 8, (b,), generator=g, device="cpu").tolist()
    out = []
    for i in range(b):
        out.append(dihedral.transform(msi[0, bands[i].to(msi.device), ys[i]:ys[i] + p, xs[i]:xs[i] + p], flips[i]))
    return torch.stack(out) * 2 - 1


def _spatial_batch_windows(windows, cfg: ARGSDiffConfig, g: torch.Generator) -> torch.Tensor:
    """`_spatial_batch` over several (1, c, H_i, W_i) windows: window, crop, bands and flip drawn per patch."""
    c = windows[0].shape[1]
    p = min([cfg.patch] + [min(w.shape[-2:]) for w in windows])
    b = cfg.spatial_batch
    which = torch.randint(0, len(windows), (b,), generator=g, device="cpu").tolist()
    u = torch.rand(b, 2, generator=g, dtype=torch.float64, device="cpu")
    bands = torch.randint(0, c, (b, cfg.rank), generator=g, device="cpu")
    flips = torch.randint(0, 8, (b,), generator=g, device="cpu").tolist()
    out = []
    for i in range(b):
        win = windows[which[i]]
        h, w = win.shape[-2:]
        y0 = min(int(u[i, 0] * (h - p + 1)), h - p)
        x0 = min(int(u[i, 1] * (w - p + 1)), w - p)
        out.append(dihedral.transform(win[0, bands[i].to(win.device), y0:y0 + p, x0:x0 + p], flips[i]))
    return torch.stack(out) * 2 - 1


def _spectral_batch(spectra: torch.Tensor, cfg: ARGSDiffConfig, g: torch.Generator) -> torch.Tensor:
    """(B, d, C) samples of d random LR-HSI pixel spectra (spectra: (N, C) in [0, 1]) in [-1, 1]."""
    idx = torch.randint(0, spectra.shape[0], (cfg.spectral_batch * cfg.rank,), generator=g, device="cpu")
    return spectra[idx.to(spectra.device)].reshape(cfg.spectral_batch, cfg.rank, -1) * 2 - 1


def train_network(net: torch.nn.Module, sample_batch, iters: int, lr: float, sched: diffusion.Schedule,
                  g: torch.Generator, progress, label: str, t_max: int | None = None) -> list[float]:
    """DDPM eps-prediction training of ``net`` on batches from ``sample_batch()`` (x0 in [-1, 1]).

    Timesteps are drawn uniformly from {0, ..., t_max} (default T - 1): a
    sampler that starts from a noised estimate at t_s never needs the
    network above t_s, so training only there spends the iterations where
    they are used.
    Adam with a cosine-decayed learning rate (short CPU trainings end in a
    low-noise regime of the optimiser). Returns the loss per iteration.
    Reports ``progress`` about every 1% and may be cancelled through it.
    """
    net.train()
    opt = torch.optim.Adam(net.parameters(), lr=lr)
    losses = []
    every = max(1, iters // 100)
    top = sched.T - 1 if t_max is None else int(t_max)
    for it in range(iters):
        for grp in opt.param_groups:
            grp["lr"] = lr * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * it / max(1, iters))))
        x0 = sample_batch()
        t = torch.randint(0, top + 1, (x0.shape[0],), generator=g, device="cpu").to(x0.device)
        loss = diffusion.ddpm_loss(net, sched, x0, generator=g, t=t)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        losses.append(float(loss.detach()))
        if it % every == 0 or it == iters - 1:
            progress((it + 1) / iters, f"{label}: iteration {it + 1}/{iters}, loss {loss.item():.4f}")
    net.eval()
    for p in net.parameters():
        p.requires_grad_(False)
    return losses


# --------------------------------------------------------------------------
# sampling
# --------------------------------------------------------------------------

class CoeffMap:
    """Maps the coefficient maps A in [-1, 1] (1, d, H, W) to the data range: a = lo + (A + 1) / 2 * span.

    lo, span: (d,) per channel. The paper's mapping is lo = 0, span = 1; with
    the data initialisation each channel gets the range of its initial
    estimate (plus a margin), so the diffusion model sees every channel
    spread over [-1, 1] as the MSI bands it was trained on.
    """

    def __init__(self, lo: torch.Tensor, span: torch.Tensor):
        self.lo = lo.reshape(1, -1, 1, 1)
        self.span = span.reshape(1, -1, 1, 1)

    def __call__(self, A: torch.Tensor) -> torch.Tensor:
        return self.lo + (A + 1) / 2 * self.span

    def inverse(self, a: torch.Tensor) -> torch.Tensor:
        return 2 * (a - self.lo) / self.span - 1


class DataFit:
    """The guidance loss L(A, E) for A (1, d, H, W), E (1, d, C) in [-1, 1].

    L = ||H(a) x_3 e - X|| + lambda1 ||a x_3 (e R^T) - Y||  with a = amap(A), e = (E + 1) / 2
    (H commutes with the subspace product, so it blurs d channels only).
    """

    def __init__(self, hsi: torch.Tensor, msi: torch.Tensor, srf: torch.Tensor, psf: torch.Tensor,
                 ratio: int, lambda1: float, amap: CoeffMap):
        self.hsi, self.msi, self.srf, self.psf = hsi, msi, srf, psf
        self.ratio, self.lambda1, self.amap = ratio, lambda1, amap
        self.h, self.w = hsi.shape[-2:]

    def residuals(self, A: torch.Tensor, E: torch.Tensor):
        a = self.amap(A)
        e = (E + 1) / 2
        la = operators.downsample(a, self.psf, self.ratio)[..., :self.h, :self.w]
        x_hat = torch.einsum("bkhw,bkc->bchw", la, e)
        y_hat = torch.einsum("bkhw,bkc->bchw", a, e @ self.srf.T)
        return x_hat - self.hsi[..., :la.shape[-2], :la.shape[-1]], y_hat - self.msi

    def __call__(self, A: torch.Tensor, E: torch.Tensor) -> torch.Tensor:
        rx, ry = self.residuals(A, E)
        return rx.norm() + self.lambda1 * ry.norm()


def _spa(M: torch.Tensor, d: int) -> list[int]:
    """Successive projection algorithm: indices of d columns of M (C, N) spanning it (purest pixels)."""
    R = M.clone()
    idx = []
    for _ in range(d):
        j = int((R * R).sum(0).argmax())
        idx.append(j)
        u = R[:, j:j + 1] / R[:, j].norm().clamp_min(1e-12)
        R = R - u @ (u.T @ R)
    return idx


def data_init(hsi: torch.Tensor, msi: torch.Tensor, srf: torch.Tensor, ratio: int, d: int, ridge: float):
    """A subspace estimate of the fused image from the inputs (no training): (a (1, d, H, W), e (1, d, C)).

    e: d LR-HSI pixel spectra picked by SPA (data range, like the spectral
    network's training samples). a: per HR pixel, the ridge solution of
    a^T (e R^T) = MSI pulled (weight ``ridge``, relative to the MSI term)
    towards the cubic-interpolated least-squares LR coefficients: the MSI
    decides the c directions it observes, the LR-HSI the d - c others.
    """
    C, h, w = hsi.shape[1:]
    H, W = msi.shape[-2:]
    M = to_float64(hsi[0].reshape(C, -1))  # on the CPU for Apple MPS
    e = M[:, _spa(M, d)].T.clamp(0, 1)                                    # (d, C)
    G = e @ e.T
    eye = torch.eye(d, dtype=G.dtype, device=G.device)
    a_lr = torch.linalg.solve(G + 1e-6 * G.trace() / d * eye, e @ M).reshape(1, d, h, w)
    up = operators.upsample(a_lr, ratio, 0.0, "cubic")[..., :H, :W]
    Mm = e @ srf.to(e.device, e.dtype).T                                              # (d, c)
    K = Mm @ Mm.T
    mu = ridge * K.trace() / d
    yv = to_float64(msi[0].reshape(msi.shape[1], -1))
    a = torch.linalg.solve(K + mu * eye, Mm @ yv + mu * up.reshape(d, -1))
    return a.reshape(1, d, H, W).to(hsi.device, torch.float32), e[None].to(hsi.device, torch.float32)


def factor_estimate(X: torch.Tensor, low: torch.Tensor, d: int) -> tuple[torch.Tensor, torch.Tensor]:
    """An HR-HSI estimate X (1, C, H, W) written as a x_3 e: (a (1, d, H, W), e (1, d, C)), e in [0, 1].

    The rows of e are d LR-HSI pixel spectra (``low`` (1, C, h, w)) projected
    onto the leading d-dimensional subspace of X's pixels and picked by SPA,
    so they look like the spectra the spectral network was trained on and
    still span X's subspace; a is the minimum-norm least-squares fit of X on
    them (bounded coefficients when X has rank < d and some rows are
    redundant). When X has rank <= d (a subspace estimate) the product
    reproduces X.
    """
    C, H, W = X.shape[1:]
    M = to_float64(X[0].reshape(C, -1))
    U = torch.linalg.svd(M, full_matrices=False)[0][:, :d]
    P = U @ (U.T @ to_float64(low[0].reshape(C, -1)))
    e = P[:, _spa(P, d)].T.clamp(0, 1)                                     # (d, C)
    a = (torch.linalg.pinv(e.T, rtol=1e-6) @ M).reshape(1, d, H, W)
    return a.to(X.device, X.dtype), e[None].to(X.device, X.dtype)


class _Adam:
    """Adam-style normalisation of successive guidance gradients (Eqs. 13-15)."""

    def __init__(self, beta1=0.9, beta2=0.999, eps=1e-8):
        self.b1, self.b2, self.eps = beta1, beta2, eps
        self.m = self.v = None
        self.k = 0

    def __call__(self, g: torch.Tensor) -> torch.Tensor:
        if self.m is None:
            self.m, self.v = torch.zeros_like(g), torch.zeros_like(g)
        self.k += 1
        self.m = self.b1 * self.m + (1 - self.b1) * g
        self.v = self.b2 * self.v + (1 - self.b2) * g * g
        m_hat = self.m / (1 - self.b1 ** self.k)
        v_hat = self.v / (1 - self.b2 ** self.k)
        return m_hat / (v_hat.sqrt() + self.eps)


def start_timestep(sched: diffusion.Schedule, start: float) -> int:
    """First timestep whose noise level sqrt(1 - abar_t) reaches ``start`` (T - 1 for start >= 1)."""
    if start >= 1:
        return sched.T - 1
    noise_level = (1 - sched.alphas_cumprod).sqrt()
    t = int(torch.searchsorted(noise_level, torch.tensor(float(start), dtype=torch.float64,
                                                         device=noise_level.device)))
    return min(t, sched.T - 1)


def sample(spatial: torch.nn.Module, spectral: torch.nn.Module, fit: DataFit, shape_a, shape_e,
           cfg: ARGSDiffConfig, sched: diffusion.Schedule, g: torch.Generator, progress,
           device: torch.device, init: tuple[torch.Tensor, torch.Tensor] | None = None,
           start: float = 1.0) -> tuple[torch.Tensor, torch.Tensor, list[float]]:
    """Algorithm 1: guided DDIM sampling of (A, E).

    Starts from A_T, E_T ~ N(0, I) (``init`` None), or from ``init`` = (A0,
    E0) in [-1, 1] noised to the first timestep t_s whose noise level
    sqrt(1 - abar) reaches ``start`` (SDEdit-style: the reverse process then
    only has to refine an estimate). ``cfg.steps`` DDIM steps spread over [0, t_s]. Returns A0 (1, d, H, W) and E0 (1, d, C)
    in [-1, 1] and the data-fit loss at each step (at the step's A0_hat, E0_hat).
    """
    A = torch.randn(shape_a, generator=g, device="cpu").to(device)  # CPU generator: same noise on every device
    E = torch.randn(shape_e, generator=g, device="cpu").to(device)
    t_s = start_timestep(sched, start)
    if init is not None:
        if not cfg.start_noise:
            # the estimate's own error plays the part of the noise at t_s
            A, E = torch.zeros_like(A), torch.zeros_like(E)
        A = diffusion.q_sample(sched, init[0].to(device), t_s, A)
        E = diffusion.q_sample(sched, init[1].to(device), t_s, E)
    ts = [int(t) for t in diffusion.strided_timesteps(t_s + 1, cfg.steps)]
    pairs = list(zip(ts, ts[1:] + [-1]))
    adam_a, adam_e = _Adam(), _Adam()
    through_spa = cfg.guidance == "network"
    through_spe = cfg.guidance in ("network", "spectral")
    losses = []
    for i, (t, t_next) in enumerate(pairs):
        tt = torch.full((1,), t, dtype=torch.long, device=device)
        A.requires_grad_(through_spa)
        E.requires_grad_(through_spe)
        with torch.set_grad_enabled(through_spa or through_spe):
            with network_autocast(device):
                eps_a = spatial(A, tt).to(A.dtype)
                eps_e = spectral(E, tt).to(E.dtype)
            a0 = diffusion.x0_from_eps(sched, A, t, eps_a).clamp(-1, 1)
            e0 = diffusion.x0_from_eps(sched, E, t, eps_e).clamp(-1, 1)
        if t_next < 0:
            A, E = a0.detach(), e0.detach()
            losses.append(float(fit(A, E)))
            break
        # eps re-derived from the clamped x0 (so the DDIM step is consistent with it)
        eps_a = diffusion.eps_from_x0(sched, A, t, a0)
        eps_e = diffusion.eps_from_x0(sched, E, t, e0)
        a_prev = diffusion.ddim_step(sched, A, t, t_next, eps_a, eta=cfg.eta, generator=g, x0=a0).detach()
        e_prev = diffusion.ddim_step(sched, E, t, t_next, eps_e, eta=cfg.eta, generator=g, x0=e0).detach()
        if cfg.guidance != "none":
            # gradient w.r.t. x_t through the networks (posterior-sampling style) where asked,
            # else w.r.t. the denoised estimate itself (the network Jacobian taken as identity;
            # its scale is irrelevant after the Adam normalisation)
            if not through_spa:
                a0 = a0.detach().requires_grad_(True)
            if not through_spe:
                e0 = e0.detach().requires_grad_(True)
            loss = fit(a0, e0)
            ga, ge = torch.autograd.grad(loss, [A if through_spa else a0, E if through_spe else e0])
            k = 1.0
            if cfg.rho_decay:
                k = float((1 - sched.alphas_cumprod[t_next]).sqrt())
            a_prev = a_prev - k * cfg.rho1 * adam_a(ga)
            e_prev = e_prev - k * cfg.rho2 * adam_e(ge)
            losses.append(float(loss.detach()))
        else:
            with torch.no_grad():
                losses.append(float(fit(a0, e0)))
        if cfg.argm:
            for _ in range(cfg.argm_iters):
                a_prev, e_prev = _argm(fit, a_prev, e_prev, cfg)
        A, E = a_prev.detach(), e_prev.detach()
        progress((i + 1) / len(pairs), f"sampling step {i + 1}/{len(pairs)}, data fit {losses[-1]:.4f}")
    return A, E, losses


def _argm(fit: DataFit, A: torch.Tensor, E: torch.Tensor, cfg: ARGSDiffConfig):
    """Adaptive residual guided module: one gradient step on the residual loss at (A_{t-1}, E_{t-1})."""
    A = A.detach().requires_grad_(True)
    E = E.detach().requires_grad_(True)
    ga, ge = torch.autograd.grad(fit(A, E), [A, E])
    return (A - cfg.rho1 / cfg.argm_ratio * ga).detach(), (E - cfg.rho2 / cfg.argm_ratio * ge).detach()


def compose(A: torch.Tensor, E: torch.Tensor, amap: CoeffMap | None = None) -> torch.Tensor:
    """Z = a x_3 e with a = amap(A) (1, d, H, W) (default (A+1)/2), e = (E+1)/2 (1, d, C)
    -> (1, C, H, W), clamped to [0, 1]."""
    a = amap(A) if amap is not None else (A + 1) / 2
    return torch.einsum("bkhw,bkc->bchw", a, (E + 1) / 2).clamp(0, 1)


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------

def _as_batch(x, name: str) -> torch.Tensor:
    t = torch.as_tensor(np.asarray(x) if not isinstance(x, torch.Tensor) else x).float()
    if t.dim() == 3:
        t = t[None]
    if t.dim() != 4 or t.shape[0] != 1:
        raise ValueError(f"{name} must be (C, H, W) or (1, C, H, W); got {tuple(t.shape)}")
    return t


@dataclass
class ARGSDiffScene:
    """What ARGS-Diff learns once per scene (`learn`), used by every tile's sampling (`fuse_tile`).

    psf (k, k) and srf (c, C) float32 tensors on the device; the trained
    spectral and spatial networks (frozen); the noise schedule; rng: the
    random generator's state after training (each tile's sampling starts
    from it, so a one-tile scene gives exactly `fuse`'s result); info:
    whether the operators were estimated, training losses, timings,
    parameter counts; msi_sigma (c,) / hsi_sigma (C,): the inputs' noise std
    with which every tile is Wiener-filtered (None: no denoising); rank: the
    scene's signal-subspace rank (SDP's warm start uses it); config.rank is
    the subspace dimension d actually used.
    """

    psf: torch.Tensor
    srf: torch.Tensor
    spectral: torch.nn.Module
    spatial: torch.nn.Module
    sched: diffusion.Schedule
    t_max: int
    ratio: int
    config: ARGSDiffConfig
    device: torch.device
    rng: torch.Tensor
    info: dict
    msi_sigma: np.ndarray | None = None
    hsi_sigma: np.ndarray | None = None
    rank: int = 0


def _warm_config(cfg: ARGSDiffConfig) -> sdp.SDPConfig:
    """The settings of SDP's denoising, operator estimation and subspace warm start, which ARGS-Diff
    shares (one implementation of each), with ARGS-Diff's seed and denoising switch."""
    return replace(sdp.SDPConfig(), seed=cfg.seed, denoise=cfg.denoise, blind_iterations=cfg.estimate_iters)


def learn(samples, ratio: int, srf=None, psf=None, config: ARGSDiffConfig | None = None, progress=None,
          device=None) -> ARGSDiffScene:
    """The scene-level part of ARGS-Diff: PSF/SRF (given or blind) and both diffusion networks.

    samples: windows of the scene (see `scene.as_windows`: (low (C, h, w),
    high (c, r h, r w)) pairs or objects with low/high/low_valid, in [0, 1]),
    e.g. the whole scene or windows sampled across a large one: the PSF/SRF
    are estimated on them (pooled), the spectral network is trained on their
    valid LR-HSI spectra, the spatial one on patches of their MSI.
    With ``config.denoise`` both inputs' noise levels are measured and the
    networks and operators see the Wiener-filtered inputs (as in SDP); with
    ``init='subspace'`` the subspace dimension d is at least the scene's
    signal-subspace rank, so the factored warm start loses nothing.
    ``progress(fraction, message)`` may raise `Cancelled`.
    """
    cfg = config or ARGSDiffConfig()
    progress = progress or null_progress
    dev = device if isinstance(device, torch.device) else select_device(device or "auto")
    if cfg.threads:
        torch.set_num_threads(int(cfg.threads))
    ratio = int(ratio)
    if ratio < 2:
        raise ValueError(f"ratio must be an integer >= 2; got {ratio}")
    windows = scene.as_windows(samples, torch.device("cpu"))
    C, c = windows[0].low.shape[1], windows[0].high.shape[1]
    info = {"time": {}}

    # --- noise, subspace rank and operators (blind estimation of whatever is not given)
    t0 = time.perf_counter()
    wcfg = _warm_config(cfg)
    msi_sigma, hsi_sigma, rank = sdp.noise_and_rank(windows, ratio, wcfg)
    if cfg.denoise:
        windows = scene.denoised(windows, msi_sigma, hsi_sigma)
    info["psf_estimated"], info["srf_estimated"] = psf is None, srf is None
    psf, srf = sdp.estimate_operators(windows, ratio, psf, srf, wcfg,
                                      progress=scoped(progress, 0.0, 0.03, "PSF/SRF: "))
    srf_t = torch.as_tensor(np.asarray(srf), dtype=torch.float32)
    psf_t = torch.as_tensor(np.asarray(psf), dtype=torch.float32)
    if srf_t.shape != (c, C):
        raise ValueError(f"srf must be (MSI bands, HSI bands) = {(c, C)}; got {tuple(srf_t.shape)}")
    info["time"]["estimation"] = time.perf_counter() - t0

    g = make_generator(cfg.seed)  # CPU generator: same numbers on every device
    torch.manual_seed(cfg.seed)  # network initialisation
    windows = [scene.Window(w.low.to(dev), w.high.to(dev), w.low_valid) for w in windows]
    sched = diffusion.make_schedule(cfg.schedule, cfg.train_steps)
    if cfg.init == "subspace" and rank > cfg.rank:
        cfg = replace(cfg, rank=rank)
    d = cfg.rank
    t_max = start_timestep(sched, cfg.start) if cfg.init != "noise" else sched.T - 1

    # --- spectral network on LR-HSI pixel spectra
    t0 = time.perf_counter()
    spectral = SpectralFC(C, tuple(cfg.fc_hidden)).to(dev)
    spectra = scene.lr_spectra(windows)
    info["spectral_loss"] = train_network(
        spectral, lambda: _spectral_batch(spectra, cfg, g), cfg.spectral_iters, cfg.spectral_lr, sched, g,
        scoped(progress, 0.03, 0.2, "spectral network: "), "training", t_max)
    info["time"]["train_spectral"] = time.perf_counter() - t0

    # --- spatial network on HR-MSI patches
    t0 = time.perf_counter()
    mults = tuple(min(2 ** i, 4) for i in range(cfg.unet_levels))
    spatial = UNet(d, d, cfg.unet_width, mults, cfg.unet_blocks).to(dev)
    y_train = [w.high for w in windows]
    if cfg.band_norm:
        # per-band stretch: a dim band (e.g. blue) would otherwise teach the prior "images near -1"
        lo_b = torch.stack([y.amin(dim=(0, 2, 3), keepdim=True) for y in y_train]).amin(0)
        hi_b = torch.stack([y.amax(dim=(0, 2, 3), keepdim=True) for y in y_train]).amax(0)
        y_train = [(y - lo_b) / (hi_b - lo_b).clamp_min(1e-6) for y in y_train]
    info["spatial_loss"] = train_network(
        spatial, lambda: _spatial_batch(y_train, cfg, g), cfg.spatial_iters, cfg.spatial_lr, sched, g,
        scoped(progress, 0.2, 1.0, "spatial network: "), "training", t_max)
    info["time"]["train_spatial"] = time.perf_counter() - t0
    info["parameters"] = {"spatial": sum(p.numel() for p in spatial.parameters()),
                          "spectral": sum(p.numel() for p in spectral.parameters())}
    info["t_start"] = t_max
    return ARGSDiffScene(psf=psf_t.to(dev), srf=srf_t.to(dev), spectral=spectral, spatial=spatial, sched=sched,
                         t_max=t_max, ratio=ratio, config=cfg, device=dev, rng=scene.generator_state(g),
                         info=info, msi_sigma=msi_sigma if cfg.denoise else None,
                         hsi_sigma=hsi_sigma if cfg.denoise else None, rank=rank)


def fuse_tile(learned: ARGSDiffScene, hsi, msi, progress=None):
    """The per-tile part of ARGS-Diff: data-driven start and guided sampling with the learned networks.

    hsi (1, C, h, w) or (C, h, w), msi (1, c, H, W) in [0, 1] (one tile or a
    whole scene). Returns (fused (1, C, H, W) float32 CPU tensor in [0, 1],
    info with timings, data-fit losses, the start estimate and A, E).
    """
    cfg, dev, ratio = learned.config, learned.device, learned.ratio
    progress = progress or null_progress
    x = _as_batch(hsi, "hsi").to(dev)
    y = _as_batch(msi, "msi").to(dev)
    if learned.srf.shape != (y.shape[1], x.shape[1]):
        raise ValueError(f"srf must be (MSI bands, HSI bands) = {(y.shape[1], x.shape[1])}; "
                         f"got {tuple(learned.srf.shape)}")
    g = scene.restore_generator(learned.rng, "cpu")
    C, d = x.shape[1], cfg.rank
    info = {"time": {}}

    # --- starting point and coefficient mapping
    t0 = time.perf_counter()
    if learned.msi_sigma is not None:
        [den] = scene.denoised([scene.Window(x, y)], learned.msi_sigma, learned.hsi_sigma)
        x, y = den.low, den.high
    init = None
    if cfg.init in ("data", "subspace"):
        if cfg.init == "subspace":
            X0 = sdp.initial_estimate(x, y, learned.psf.cpu().double().numpy(), learned.srf.cpu().double().numpy(),
                                      ratio, _warm_config(cfg), scoped(progress, 0.0, 0.1, "warm start: "),
                                      learned.rank)
            a_init, e_init = factor_estimate(X0, x, d)
        else:
            a_init, e_init = data_init(x, y, learned.srf, ratio, d, cfg.init_ridge)
        lo = a_init.amin(dim=(0, 2, 3))
        hi = a_init.amax(dim=(0, 2, 3))
        margin = 0.1 * (hi - lo).clamp_min(1e-3)
        amap = CoeffMap(lo - margin, hi - lo + 2 * margin)
        init = (amap.inverse(a_init), 2 * e_init - 1)
        info["init_fused"] = compose(init[0], init[1], amap).cpu()
    else:
        amap = CoeffMap(torch.zeros(d, device=dev), torch.ones(d, device=dev))
    info["time"]["init"] = time.perf_counter() - t0

    # --- guided sampling
    t0 = time.perf_counter()
    fit = DataFit(x, y, learned.srf, learned.psf, ratio, cfg.lambda1, amap)
    A, E, losses = sample(learned.spatial, learned.spectral, fit, (1, d) + tuple(y.shape[-2:]), (1, d, C), cfg,
                          learned.sched, g, scoped(progress, 0.1, 1.0), dev, init,
                          cfg.start if init is not None else 1.0)
    info["time"]["sampling"] = time.perf_counter() - t0
    info["fit_loss"] = losses
    info["A"], info["E"] = A.cpu(), E.cpu()
    with torch.no_grad():
        z = compose(A, E, amap).float().cpu()
    progress(1.0, "done")
    return z, info


def fuse(hsi, msi, srf=None, psf=None, ratio: int | None = None, config: ARGSDiffConfig | None = None,
         progress=None, device=None):
    """Fuse a low-res HSI and a high-res MSI with ARGS-Diff (`learn` on the pair, then `fuse_tile`).

    hsi: (1, C, h, w) or (C, h, w) in [0, 1]; msi: (1, c, H, W) in [0, 1] on
    the grid convention of BENCHMARK.md (LR pixel i centred on HR pixel r*i).
    srf: (c, C) spectral response or None (estimated); psf: (k, k) or None
    (estimated); ratio: integer (default H // h). ``progress(fraction, msg)``
    may raise `Cancelled`. ``device``: torch.device, a name or None (auto).

    Returns (fused (1, C, H, W) float32 CPU tensor in [0, 1], info dict (psf, srf, whether each was
    estimated, timings in seconds, parameter counts, training and data-fit
    loss curves, config).
    """
    cfg = config or ARGSDiffConfig()
    progress = progress or null_progress
    t_start = time.perf_counter()
    x = _as_batch(hsi, "hsi")
    y = _as_batch(msi, "msi")
    ratio = int(ratio or round(y.shape[-1] / x.shape[-1]))
    learned = learn([scene.Window(x, y)], ratio, srf, psf, cfg, scoped(progress, 0.0, 0.7), device)
    z, tinfo = fuse_tile(learned, x, y, scoped(progress, 0.7, 1.0))
    info = {"config": asdict(learned.config), "ratio": ratio}
    info.update(learned.info)
    info.update({k: v for k, v in tinfo.items() if k != "time"})
    info["time"] = dict(learned.info["time"], **tinfo["time"])
    info["psf"], info["srf"] = learned.psf.cpu().numpy(), learned.srf.cpu().numpy()
    info["time"]["total"] = time.perf_counter() - t_start
    return z, info


def input_level(config=None) -> float:
    """The value the product maps a scene's robust maximum (99.9th percentile of both inputs,
    `fusediff.engine.scaling.SceneScale`) to for this method: where it sat on the simulations
    its constants were tuned on (`method_configs.ARGSDIFF_INPUT_LEVEL`; the same for every config)."""
    from .method_configs import ARGSDIFF_INPUT_LEVEL
    return float(ARGSDIFF_INPUT_LEVEL)
