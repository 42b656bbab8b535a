"""SDP: a spectral diffusion prior for HSI-MSI fusion (Liu, Wu, Xiao, IEEE TGRS 2024).

Method:

1. Prior. A per-pixel DDPM over spectra (C bands, data mapped to [-1, 1])
   with an eps-predicting `SpectralMLP`, linear betas 1e-4..0.02, T = 1000,
   trained on the LR-HSI's own pixels (the scene itself; no external data).
2. Fusion as MAP. A free HR-HSI X (1, C, H, W) in [0, 1] is optimised with
   Adam on

       lambda ||Y - tau(X)||^2 + ||Z - R X||^2
         + gamma sum_pixels ||eps - eps_theta(sqrt(abar_t) x + sqrt(1-abar_t) eps, t)||^2

   (x = 2X - 1 per pixel), Y the LR-HSI, Z the HR-MSI, R the spectral
   response, tau = decimate(blur(., psf)); t runs from T down to 1 with K
   Adam steps per t; X is clamped to [0, 1] after each step.
3. PSF and SRF are estimated blindly from the two inputs (`estimation.py`)
   unless given.

What makes it practical on a CPU (each choice measured in
bench/experiments/ablation_sdp.md): X is warm-started from a subspace-constrained least
squares solution of the two data terms (X = E A, E from an SVD of the
LR-HSI, A by conjugate gradients); the t-loop is strided and starts below T
(a warm start carries the image; large t only pulls towards the mean
spectrum); the prior term is evaluated on a random pixel subset per step
(an unbiased estimate of the full sum); the prior is trained for few
iterations with a one-cycle learning-rate schedule.

Entry point: `fuse(hsi, msi, srf=None, psf=None, ratio=None, config, progress, device)`,
which is `learn` (PSF/SRF and the prior: once per scene, from windows sampled
across it) followed by `fuse_tile` (warm start and MAP solve: per tile).
"""
from __future__ import annotations

import copy
import dataclasses
import math
import time
from dataclasses import dataclass

import numpy as np
import torch

from . import denoise, diffusion, operators, scene
from .device import generator as make_generator
from .device import network_autocast, select_device, set_threads, to_float64
from .nets.spectral_mlp import SpectralMLP
from .progress import null_progress, scoped
from .method_configs import SDPConfig  # noqa: F401  (re-exported)




# ---------------------------------------------------------------------------
# prior
# ---------------------------------------------------------------------------

def make_net(n_bands: int, config: SDPConfig) -> SpectralMLP:
    """The spectral eps-denoiser for ``n_bands`` bands as configured."""
    return SpectralMLP(n_bands, width=config.width, layers=config.layers, temb_dim=64,
                       dropout=config.dropout)


def _lr_lambda(config: SDPConfig):
    n = max(config.train_iters, 1)
    if config.lr_schedule == "constant":
        return lambda i: 1.0
    if config.lr_schedule == "cosine":
        return lambda i: 0.5 * (1 + math.cos(math.pi * min(i, n) / n))
    if config.lr_schedule == "paper":
        # the public code's LambdaLR: 0.001 * max(1000 - i/10, 1) (relative to the base lr)
        return lambda i: 0.001 * max(1000.0 - i / 10.0, 1.0)
    if config.lr_schedule == "onecycle":
        warm = max(1, int(0.15 * n))
        # linear warm-up to the peak, then cosine decay to 1 % of it
        return lambda i: (i + 1) / warm if i < warm else \
            0.01 + 0.99 * 0.5 * (1 + math.cos(math.pi * min(i - warm, n - warm) / max(n - warm, 1)))
    raise ValueError(f"Unknown lr_schedule {config.lr_schedule!r}")


def train_prior(spectra: torch.Tensor, config: SDPConfig = SDPConfig(), progress=None,
                generator: torch.Generator | None = None) -> tuple[SpectralMLP, dict]:
    """Train the spectral DDPM on ``spectra`` (N, C) in [-1, 1].

    Returns the network (eval mode, frozen) and a dict with the final
    training losses. ``progress(fraction, message)`` may raise to cancel.
    """
    progress = progress or null_progress
    device = spectra.device
    n, c = spectra.shape
    if generator is None:
        generator = make_generator(config.seed, device)
    torch.manual_seed(config.seed)  # network initialisation and dropout
    net = make_net(c, config).to(device)
    sched = diffusion.linear_schedule(config.timesteps)
    opt = torch.optim.Adam(net.parameters(), lr=config.train_lr, weight_decay=config.weight_decay)
    lr_sched = torch.optim.lr_scheduler.LambdaLR(opt, _lr_lambda(config))
    ema = copy.deepcopy(net) if config.train_ema > 0 else None
    net.train()
    losses = []
    gdev = generator.device
    t0 = time.perf_counter()
    for it in range(config.train_iters):
        idx = torch.randint(0, n, (config.batch_size,), generator=generator, device=gdev).to(device)
        loss = diffusion.ddpm_loss(net, sched, spectra[idx], generator)
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()
        lr_sched.step()
        if ema is not None:
            with torch.no_grad():
                for pe, p in zip(ema.parameters(), net.parameters()):
                    pe.mul_(config.train_ema).add_(p.detach(), alpha=1 - config.train_ema)
        losses.append(float(loss.detach()))
        # every iteration (a few ms): cancel must be prompt
        progress((it + 1) / config.train_iters,
                 f"training the spectral prior: iteration {it + 1}/{config.train_iters}, "
                 f"loss {np.mean(losses[-50:]):.4f}")
    out = ema if ema is not None else net
    out.eval()
    for p in out.parameters():
        p.requires_grad_(False)
    tail = losses[-max(1, len(losses) // 10):]
    return out, {"train_loss": float(np.mean(tail)) if tail else float("nan"),
                 "train_seconds": time.perf_counter() - t0}


@torch.no_grad()
def eps_mse(net: SpectralMLP, spectra: torch.Tensor, timesteps: int = 1000, draws: int = 4,
            generator: torch.Generator | None = None) -> float:
    """Mean eps-prediction MSE of ``net`` on ``spectra`` (N, C) in [-1, 1] over
    random t and noise (``draws`` draws per spectrum): how well it denoises."""
    sched = diffusion.linear_schedule(timesteps)
    was = net.training
    net.eval()
    tot = 0.0
    for _ in range(draws):
        tot += float(diffusion.ddpm_loss(net, sched, spectra, generator))
    net.train(was)
    return tot / draws


# ---------------------------------------------------------------------------
# warm start
# ---------------------------------------------------------------------------

def spectral_regression(hsi: torch.Tensor, msi: torch.Tensor, psf, ratio: int, degree: int = 2,
                        ridge: float = 1e-4) -> torch.Tensor:
    """Predict each HR spectrum from its MSI pixel by a regression learned on the scene.

    The MSI degraded to the HSI grid, tau(Z) (c, h, w), and the LR-HSI Y
    (C, h, w) are co-located samples of (MSI pixel -> spectrum); a ridge
    least-squares fit of Y on polynomial features of tau(Z) (degree 1 or 2,
    with a constant) is applied to every HR MSI pixel. Using tau(Z) rather
    than R Y makes the map absorb SRF errors. hsi (1, C, h, w), msi
    (1, c, H, W) -> (1, C, H, W) (not clamped).
    """
    _, C, h, w = hsi.shape
    c = msi.shape[1]
    psf_t = operators.as_tensor_like(psf, msi)
    zl = to_float64(operators.downsample(msi, psf_t, ratio)[0, :, :h, :w].reshape(c, -1))
    F = _poly_features(zl, degree)
    Yp = to_float64(hsi[0].reshape(C, -1))
    G = F @ F.T
    G = G + ridge * torch.trace(G) / G.shape[0] * torch.eye(G.shape[0], dtype=G.dtype, device=G.device)
    Wt = torch.linalg.solve(G, F @ Yp.T)                          # (features, C)
    Fh = _poly_features(to_float64(msi[0].reshape(c, -1)), degree)
    return (Wt.T @ Fh).reshape(1, C, *msi.shape[-2:]).to(hsi.device, hsi.dtype)


def _poly_features(z: torch.Tensor, degree: int) -> torch.Tensor:
    """(c, N) -> (f, N): z, 1 and (degree 2) the products z_i z_j, i <= j."""
    f = [z, torch.ones_like(z[:1])]
    if degree >= 2:
        f += [z[i:i + 1] * z[j:j + 1] for i in range(z.shape[0]) for j in range(i, z.shape[0])]
    return torch.cat(f, 0)


def subspace_init(hsi: torch.Tensor, msi: torch.Tensor, psf, srf, ratio: int, rank: int = 10,
                  lam: float = 1.0, ridge: float = 1e-3, iters: int = 60, progress=None,
                  target: torch.Tensor | None = None, smooth: float = 0.0) -> torch.Tensor:
    """Subspace-constrained least squares estimate of the HR-HSI.

    X = E A with E (C, k) the leading left singular vectors of the LR-HSI's
    pixels; A (1, k, H, W) minimises

        lam ||E^T Y - tau(A)||^2 + ||Z - R E A||^2 + ridge' ||A - E^T T||^2 + smooth' ||grad A||^2

    (the first term equals ||Y - tau(E A)||^2 up to a constant since E is
    orthonormal), solved by conjugate gradients from the target's
    coefficients. T is ``target`` (1, C, H, W), or the cubic upsampling of
    the LR-HSI when None. ``ridge`` and ``smooth`` are relative to the mean
    diagonal of (R E)^T (R E): the ridge keeps the directions the MSI cannot
    see close to the target; the smoothness term (finite differences between
    neighbouring pixels) damps the MSI's noise, which the data term would
    otherwise copy into every band. hsi (1, C, h, w), msi (1, c, H, W) in
    [0, 1]; returns X (1, C, H, W) clamped to [0, 1].
    """
    progress = progress or null_progress
    _, C, h, w = hsi.shape
    H, W = msi.shape[-2:]
    Yp = hsi[0].reshape(C, -1)
    k = int(min(rank, C, Yp.shape[1]))
    U, _, _ = torch.linalg.svd(to_float64(Yp), full_matrices=False)
    E = U[:, :k].to(hsi.device, hsi.dtype)                                   # (C, k)
    R = operators.as_tensor_like(srf, hsi)                       # (c, C)
    RE = R @ E                                                   # (c, k)
    G = RE.T @ RE                                                # (k, k)
    mu = ridge * float(torch.diagonal(G).mean())
    nu = smooth * float(torch.diagonal(G).mean())
    Yc = torch.einsum("ck,bchw->bkhw", E, hsi)                   # LR coefficients
    if target is None:
        A0 = _fit_size(operators.upsample(Yc, ratio), H, W)
    else:
        A0 = torch.einsum("ck,bchw->bkhw", E, target)
    psf_t = operators.as_tensor_like(psf, hsi)

    def tau(a):
        return operators.downsample(a, psf_t, ratio)[..., :h, :w]

    _, tau_adj = torch.func.vjp(tau, torch.zeros_like(A0))

    def normal(a):
        out = lam * tau_adj(tau(a))[0] + torch.einsum("jk,bkhw->bjhw", G, a) + mu * a
        return out + nu * _grad_normal(a) if nu else out

    rhs = lam * tau_adj(Yc)[0] + torch.einsum("ck,bchw->bkhw", RE, msi) + mu * A0
    # conjugate gradients on the normal equations (symmetric positive definite)
    a = A0.clone()
    r = rhs - normal(a)
    p = r.clone()
    rs = torch.sum(r * r)
    rs0 = float(rs)
    for i in range(iters):
        Ap = normal(p)
        alpha = rs / torch.sum(p * Ap).clamp_min(1e-30)
        a = a + alpha * p
        r = r - alpha * Ap
        rs_new = torch.sum(r * r)
        if float(rs_new) < 1e-12 * max(rs0, 1e-30):
            break
        p = r + (rs_new / rs) * p
        rs = rs_new
        if i % 10 == 0:
            progress((i + 1) / iters, f"warm start: conjugate gradients {i + 1}/{iters}")
    X = torch.einsum("ck,bkhw->bchw", E, a)
    return X.clamp(0, 1)


def _grad_normal(a: torch.Tensor) -> torch.Tensor:
    """D^T D a for D the horizontal and vertical forward differences of a (..., H, W)."""
    gx = a[..., :, 1:] - a[..., :, :-1]
    gy = a[..., 1:, :] - a[..., :-1, :]
    out = torch.zeros_like(a)
    out[..., :, 1:] += gx
    out[..., :, :-1] -= gx
    out[..., 1:, :] += gy
    out[..., :-1, :] -= gy
    return out


def _cnmf_estimate(hsi, msi, psf, srf, ratio, seed: int, progress=None) -> torch.Tensor:
    """classical.cnmf with the given operators, as a (1, C, H, W) tensor like hsi, in [0, 1]."""
    from . import classical
    x = classical.cnmf(msi[0].detach().cpu().numpy(), hsi[0].detach().cpu().numpy(), ratio,
                       srf=np.asarray(srf), psf=np.asarray(psf), seed=seed, progress=progress)
    return torch.as_tensor(x, dtype=hsi.dtype, device=hsi.device)[None].clamp(0, 1)


def warm_target(hsi, msi, psf, srf, ratio, config: SDPConfig, progress=None) -> torch.Tensor | None:
    """What the warm start's ridge pulls towards (``config.init_target``): (1, C, H, W), or None for the
    cubic upsampling. 'blend' averages the spectral regression (sharp, but noisy spectra) and CNMF
    (clean endmember spectra, blurrier): on HM-Jasper their mean scores above either alone
    (bench/experiments/ablation_sdp.md)."""
    kind = config.init_target
    if kind == "cubic":
        return None
    parts = []
    if kind in ("regression", "blend"):
        parts.append(spectral_regression(hsi, msi, psf, ratio, config.regression_degree))
    if kind in ("cnmf", "blend"):
        parts.append(_cnmf_estimate(hsi, msi, psf, srf, ratio, config.seed, progress))
    if not parts:
        raise ValueError(f"Unknown init_target {kind!r}")
    return sum(parts) / len(parts)


def initial_estimate(hsi, msi, psf, srf, ratio, config: SDPConfig, progress=None,
                     rank: int | None = None) -> torch.Tensor:
    """The warm start selected by ``config.init`` (1, C, H, W) in [0, 1]. ``rank``: the subspace
    rank when ``config.subspace_rank`` is 0 (auto); None estimates it from ``hsi``."""
    H, W = msi.shape[-2:]
    if config.init == "subspace":
        target = warm_target(hsi, msi, psf, srf, ratio, config, scoped(progress, 0.0, 0.5))
        k = config.subspace_rank or rank or subspace_rank(hsi[0])
        return subspace_init(hsi, msi, psf, srf, ratio, k, config.init_lam,
                             config.init_ridge, config.cg_iters, scoped(progress, 0.5, 1.0), target,
                             config.init_smooth)
    if config.init == "cnmf":
        return _cnmf_estimate(hsi, msi, psf, srf, ratio, config.seed, progress)
    if config.init == "cubic":
        up = operators.upsample(hsi, ratio)
        return _fit_size(up, H, W).clamp(0, 1)
    if config.init == "ones":
        return torch.ones(1, hsi.shape[1], H, W, dtype=hsi.dtype, device=hsi.device)
    raise ValueError(f"Unknown init {config.init!r}")


def subspace_rank(cube: torch.Tensor, sigma=None) -> int:
    """The warm start's subspace rank for a LR-HSI cube (C, h, w) (or pooled pixels (C, 1, N)):
    `denoise.signal_subspace_rank` with the given per-band noise std (C,), or the one estimated
    by `denoise.band_regression_sigma`; at least 3, at most 30."""
    if sigma is None:
        sigma = denoise.band_regression_sigma(cube)
    return denoise.signal_subspace_rank(cube, torch.as_tensor(sigma), max_rank=30, min_rank=3)


def noise_and_rank(windows, ratio: int, config: SDPConfig) -> tuple[np.ndarray | None, np.ndarray | None, int]:
    """What SDP measures on the scene's windows before fusing: (MSI noise std (c,), HSI noise
    std (C,)) from `scene.noise_sigmas` (both None when ``config.denoise`` is off) and the warm
    start's subspace rank (``config.subspace_rank``, or `subspace_rank` of the pooled LR pixels)."""
    msi_sigma, hsi_sigma = scene.noise_sigmas(windows, ratio) if config.denoise else (None, None)
    rank = config.subspace_rank or subspace_rank(scene.pixel_image(windows)[0], hsi_sigma)
    return msi_sigma, hsi_sigma, rank


def _fit_size(x: torch.Tensor, H: int, W: int) -> torch.Tensor:
    x = x[..., :H, :W]
    if x.shape[-2:] != (H, W):
        x = torch.nn.functional.pad(x, (0, W - x.shape[-1], 0, H - x.shape[-2]), mode="replicate")
    return x


# ---------------------------------------------------------------------------
# MAP solve
# ---------------------------------------------------------------------------

def visited_timesteps(T: int, t_start: float, t_end: float, n: int) -> list[int]:
    """``n`` descending 0-based timesteps spread evenly from round(t_start*T)-1
    down to round(t_end*T) (duplicates removed)."""
    hi = max(0, min(T - 1, int(round(t_start * T)) - 1))
    lo = max(0, min(hi, int(round(t_end * T))))
    out: list[int] = []
    for t in torch.linspace(hi, lo, max(1, n), device="cpu").round().long().tolist():
        if not out or t != out[-1]:
            out.append(int(t))
    return out


def solve(hsi: torch.Tensor, msi: torch.Tensor, psf, srf, ratio: int, net: SpectralMLP, X0: torch.Tensor,
          config: SDPConfig = SDPConfig(), progress=None, generator: torch.Generator | None = None,
          reference: torch.Tensor | None = None) -> tuple[torch.Tensor, dict]:
    """MAP fusion with the spectral diffusion prior, from the start ``X0``.

    hsi (1, C, h, w), msi (1, c, H, W), X0 (1, C, H, W), all in [0, 1] on one
    device; psf (k, k); srf (c, C). Returns X (1, C, H, W) in [0, 1] and a
    dict with the objective's history (data term and total, per visited t).
    ``reference`` (optional, for experiments): records PSNR per visited t.
    """
    progress = progress or null_progress
    device = hsi.device
    if generator is None:
        generator = make_generator(config.seed, device)
    gdev = generator.device
    _, C, H, W = X0.shape
    npix = H * W
    psf_t = operators.as_tensor_like(psf, hsi)
    R = operators.as_tensor_like(srf, hsi)
    sched = diffusion.linear_schedule(config.timesteps)
    T = sched.T
    ts = visited_timesteps(T, config.t_start, config.t_end, config.steps)
    m = max(1, int(round(config.prior_fraction * npix)))
    if config.prior_pixels > 0:
        # the prior costs per evaluated pixel: uncapped, it dominated a large tile (276 s per 256-px tile)
        m = min(m, int(config.prior_pixels))

    X = torch.nn.Parameter(X0.detach().clone())
    opt = torch.optim.Adam([X], lr=config.solve_lr)
    Xema = X.detach().clone() if config.x_ema > 0 else None
    hist = {"t": [], "data": [], "total": [], "psnr": []}
    lr_h = hsi.shape[-2:]

    def data_term(x):
        low = operators.downsample(x, psf_t, ratio)[..., :lr_h[0], :lr_h[1]]
        return config.lam * torch.sum((low - hsi) ** 2) + torch.sum((operators.apply_srf(x, R) - msi) ** 2)

    for i, t in enumerate(ts):
        a = float(sched.alphas_cumprod[t])
        sa, sb = math.sqrt(a), math.sqrt(1 - a)
        with torch.no_grad():  # depends on t only
            tfeat = net.time_features(torch.tensor([t], device=device), 1, device, X0.dtype)
        dsum = tsum = 0.0
        for _ in range(config.inner_steps):
            opt.zero_grad(set_to_none=True)
            data = data_term(X)
            loss = data
            if config.gamma > 0:
                flat = X.view(C, npix)
                if m < npix:
                    idx = torch.randperm(npix, generator=generator, device=gdev)[:m].to(device)
                    spec = flat[:, idx].T
                else:
                    spec = flat.T
                x0 = 2 * spec - 1
                eps = diffusion.randn_like(x0, generator)
                xt = sa * x0 + sb * eps
                tf = tfeat  # (1, width): broadcast inside the net, projected once
                if config.prior_grad == "full":
                    with network_autocast(device):
                        pred = net(xt, None, tfeat=tf).to(xt.dtype)
                    prior = torch.sum((pred - eps) ** 2)
                else:
                    # score-distillation: d/dx ||eps - eps_theta||^2 without the
                    # denoiser's Jacobian, i.e. 2 (eps_theta - eps) * dxt/dx
                    with torch.no_grad(), network_autocast(device):
                        g = 2 * (net(xt, None, tfeat=tf).to(xt.dtype) - eps)
                    prior = torch.sum(g * xt)
                # rescale the subset's sum to estimate the sum over all pixels
                loss = loss + config.gamma * prior * (npix / x0.shape[0])
            loss.backward()
            opt.step()
            with torch.no_grad():
                X.clamp_(0, 1)
                if Xema is not None:
                    Xema.mul_(config.x_ema).add_(X.detach(), alpha=1 - config.x_ema)
            dsum += float(data.detach())
            tsum += float(loss.detach())
        hist["t"].append(t)
        hist["data"].append(dsum / config.inner_steps)
        hist["total"].append(tsum / config.inner_steps)
        if reference is not None:
            out = Xema if Xema is not None else X.detach()
            mse = torch.mean((out - reference) ** 2, dim=(-2, -1))
            hist["psnr"].append(float(torch.mean(-10 * torch.log10(mse.clamp_min(1e-12)))))
        progress((i + 1) / len(ts), f"fusion: timestep {t} ({i + 1}/{len(ts)})")
    out = Xema if Xema is not None else X.detach()
    return out.clamp(0, 1), hist


# ---------------------------------------------------------------------------
# entry point
# ---------------------------------------------------------------------------

def estimate_operators(windows, ratio: int, psf=None, srf=None, config: SDPConfig = SDPConfig(),
                       wavelengths=None, progress=None):
    """(psf (k,k), srf (c,C)) numpy float64: the given ones, or blind estimates
    (`estimation.estimate_psf_srf` for both, or the missing one given the other)
    from ``windows`` (list of `scene.Window`; several are pooled by
    `scene.estimation_pair`)."""
    from . import estimation

    if psf is not None and srf is not None:
        return np.asarray(psf, dtype=np.float64), np.asarray(srf, dtype=np.float64)
    k = estimation.default_psf_size(ratio) if psf is None else np.asarray(psf).shape[-1]
    high, low, valid = scene.estimation_pair(windows, ratio, scene.psf_margin(ratio, k))
    if psf is None and srf is None:
        return estimation.estimate_psf_srf(high, low, ratio, iterations=config.blind_iterations,
                                           psf_model=config.psf_model, wavelengths=wavelengths,
                                           sum_to_one=config.srf_sum_to_one, valid=valid, progress=progress)
    if srf is None:
        psf = np.asarray(psf, dtype=np.float64)
        return psf, estimation.estimate_srf(high, low, ratio, psf=psf, wavelengths=wavelengths,
                                            sum_to_one=config.srf_sum_to_one, valid=valid)
    srf = np.asarray(srf, dtype=np.float64)
    return estimation.estimate_psf(high, low, ratio, srf, model=config.psf_model, valid=valid), srf


@dataclass
class SDPScene:
    """What SDP learns once per scene (`learn`), used by every tile's solve (`fuse_tile`).

    psf (k, k) and srf (c, C) float64; net: the trained spectral prior
    (frozen); msi_sigma (c,) and hsi_sigma (C,): the inputs' estimated
    noise std, None when they are not denoised (``config.denoise`` off);
    rank: the warm start's subspace rank (config's, or estimated on the scene);
    rng: the random generator's state after learning (each tile's
    solve starts from it, so a one-tile scene gives exactly `fuse`'s result).
    """

    psf: np.ndarray
    srf: np.ndarray
    net: SpectralMLP
    ratio: int
    config: SDPConfig
    device: torch.device
    rng: torch.Tensor
    estimated: bool
    train_loss: float
    times: dict
    msi_sigma: np.ndarray | None = None
    hsi_sigma: np.ndarray | None = None
    rank: int | None = None


def _device(device, like: torch.Tensor) -> torch.device:
    if device is None:
        return like.device
    return device if isinstance(device, torch.device) else select_device(device)


def learn(samples, ratio: int, srf=None, psf=None, config: SDPConfig = SDPConfig(), progress=None,
          device=None, wavelengths=None) -> SDPScene:
    """The scene-level part of SDP: PSF/SRF (given or blind) and the spectral prior.

    samples: windows of the scene (see `scene.as_windows`: (low (C, h, w),
    high (c, r h, r w)) pairs or objects with low/high/low_valid, in [0, 1]),
    e.g. the whole scene, or windows sampled across a large one. The PSF/SRF
    are estimated on them (pooled), the prior is trained on their valid
    LR-HSI spectra. srf (c, C) / psf (k, k): None = estimate. device: as in
    `fuse`. ``progress(fraction, message)`` may raise to cancel.
    """
    progress = progress or null_progress
    if config.threads and config.threads > 0:
        set_threads(config.threads)
    first = scene.as_windows(samples[:1])[0]
    device = _device(device, first.low)
    windows = scene.as_windows(samples, device)
    C = windows[0].low.shape[1]
    c = windows[0].high.shape[1]
    ratio = int(ratio)
    gen = make_generator(config.seed, device)
    times = {}
    t0 = time.perf_counter()
    estimated = psf is None or srf is None
    progress(0.0, "estimating PSF and SRF" if estimated else "preparing")
    msi_sigma, hsi_sigma, rank = noise_and_rank(windows, ratio, config)
    # the operators are estimated on the same denoised inputs the fusion will use
    est_windows = scene.denoised(windows, msi_sigma, hsi_sigma) if config.denoise else windows
    psf_np, srf_np = estimate_operators(est_windows, ratio, psf, srf, config, wavelengths,
                                        scoped(progress, 0.0, 0.1, "PSF/SRF: "))
    if srf_np.shape != (c, C):
        raise ValueError(f"SRF must be ({c}, {C}); got {srf_np.shape}")
    times["estimate"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    spectra = scene.lr_spectra(windows) * 2 - 1
    net, tinfo = train_prior(spectra, config, scoped(progress, 0.1, 1.0), gen)
    times["train"] = time.perf_counter() - t0
    return SDPScene(psf=psf_np, srf=srf_np, net=net, ratio=ratio, config=config, device=device,
                    rng=scene.generator_state(gen), estimated=estimated, train_loss=tinfo["train_loss"],
                    times=times, msi_sigma=msi_sigma, hsi_sigma=hsi_sigma, rank=rank)


def fuse_tile(learned: SDPScene, hsi: torch.Tensor, msi: torch.Tensor, progress=None,
              reference: torch.Tensor | None = None):
    """The per-tile part of SDP: warm start and MAP solve with the learned operators and prior.

    hsi (1, C, h, w), msi (1, c, H, W) in [0, 1] (one tile or a whole scene).
    Returns (X (1, C, H, W) float32 in [0, 1] on hsi's device, info with the
    solve's timings and objective history).
    """
    progress = progress or null_progress
    cfg, device, ratio = learned.config, learned.device, learned.ratio
    out_device = hsi.device
    hsi = hsi.to(device=device, dtype=torch.float32)
    msi = msi.to(device=device, dtype=torch.float32)
    if learned.srf.shape != (msi.shape[1], hsi.shape[1]):
        raise ValueError(f"SRF must be ({msi.shape[1]}, {hsi.shape[1]}); got {learned.srf.shape}")
    gen = scene.restore_generator(learned.rng, device)
    times = {}
    t0 = time.perf_counter()
    if learned.msi_sigma is not None:
        [den] = scene.denoised([scene.Window(hsi, msi)], learned.msi_sigma, learned.hsi_sigma)
        hsi, msi = den.low, den.high
    X0 = initial_estimate(hsi, msi, learned.psf, learned.srf, ratio, cfg, scoped(progress, 0.0, 0.1),
                          learned.rank)
    times["init"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    ref = reference.to(device=device, dtype=torch.float32) if reference is not None else None
    X, hist = solve(hsi, msi, learned.psf, learned.srf, ratio, learned.net, X0, cfg,
                    scoped(progress, 0.1, 1.0), gen, ref)
    times["solve"] = time.perf_counter() - t0
    progress(1.0, "done")
    return X.to(out_device), {"times": times, "history": hist}


def fuse(hsi: torch.Tensor, msi: torch.Tensor, srf=None, psf=None, ratio: int | None = None,
         config: SDPConfig = SDPConfig(), progress=None, device=None, wavelengths=None,
         reference: torch.Tensor | None = None):
    """Fuse a LR-HSI and a HR-MSI with SDP (`learn` on the pair, then `fuse_tile` on it).

    hsi (1, C, h, w) and msi (1, c, H, W): float tensors in [0, 1] on the
    project's grid convention (LR pixel i centred on HR pixel r*i).
    srf (c, C) / psf (k, k): arrays or tensors; None = estimate blindly.
    ratio: integer (default H // h). device: torch.device or name
    ('auto'/'cpu'/'cuda'; default: the inputs' device). wavelengths:
    optional (C,) nm, helps the blind SRF estimate. reference: optional
    ground truth, only to record PSNR during the solve (experiments).

    Returns (X (1, C, H, W) float32 in [0, 1] on the inputs' device, info)
    where info holds timings (seconds per phase), the psf/srf used, whether
    they were estimated, the prior's training loss and the objective history.
    ``progress(fraction, message)`` may raise `progress.Cancelled` to stop.
    """
    progress = progress or null_progress
    t_all = time.perf_counter()
    if hsi.dim() != 4 or msi.dim() != 4 or hsi.shape[0] != 1 or msi.shape[0] != 1:
        raise ValueError("hsi and msi must be (1, C, h, w) and (1, c, H, W) tensors")
    if ratio is None:
        ratio = max(2, int(round(msi.shape[-2] / hsi.shape[-2])))
    device = _device(device, hsi)
    learned = learn([scene.Window(hsi.to(device), msi.to(device))], int(ratio), srf, psf, config,
                    scoped(progress, 0.0, 0.45), device, wavelengths)
    X, tinfo = fuse_tile(learned, hsi, msi, scoped(progress, 0.45, 1.0), reference)
    times = dict(learned.times, **tinfo["times"])
    times["total"] = time.perf_counter() - t_all
    info = {"times": times, "psf": learned.psf, "srf": learned.srf, "estimated": learned.estimated,
            "ratio": learned.ratio, "train_loss": learned.train_loss, "history": tinfo["history"],
            "device": str(device), "threads": torch.get_num_threads(), "config": dataclasses.asdict(config)}
    return X, info


def input_level(config=None) -> float:
    """The value the product maps a scene's robust maximum (99.9th percentile of both inputs,
    `fusediff.engine.scaling.SceneScale`) to for this method: where it sat on the simulations
    its constants were tuned on (`method_configs.SDP_INPUT_LEVEL`; the same for every config)."""
    from .method_configs import SDP_INPUT_LEVEL
    return float(SDP_INPUT_LEVEL)
