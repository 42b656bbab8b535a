"""DM-ZS: hyperspectral pansharpening with a frozen 3-channel diffusion prior,
zero-shot guidance and neural spatial-spectral decomposition (NSSD).

Written from the description of Xiao et al. (CVPR), which extends PLRDiff
(Rui et al., 2024). Inputs: LR-HSI Y (1, C, h, w) and PAN P (1, 1, H, W) with
H = r h, W = r w, both scaled to about [0, 1]. Forward model (grid convention
of BENCHMARK.md, LR pixel i centred on HR pixel r i + phase):

    Y = tau(X) = decimate(blur(X, psf), r),   P = R X   (R: (1, C) PAN response)

Pipeline of `fuse`:
1. Operators: R (and the PSF when not given) are estimated blindly
   (models/estimation.py) unless given.
2. Zero-shot guidance f_psi(Y, P) (`GuideNet`): trained on the input pair at
   reduced scale (target Y; inputs tau(Y) and tau(P); the 8 flips/rotations),
   then applied at full scale: X_g = f_psi(Y, P). By default it predicts all
   bands and trains 2000 iterations, as in the paper (measured on HP, seed 0:
   Samson 39.63 -> 41.56 dB, Jasper and Paris unchanged within 0.1 dB against
   300 iterations in the LR-HSI's 4 leading spectral directions, the previous
   default; `guide_rank` > 0 restricts it to such a subspace).
3. A fixed PLRDiff-style mapping X = E a(A): three LR-HSI bands are selected
   (successive projections), E (C, 3) is their least-squares fit to all bands;
   a(A) = s (A + 1) / 2 undoes the [-1, 1] scaling of the prior's images.
4. Guided sampling of the frozen prior over strided steps of the exp schedule:
   A0_hat from the predicted noise; guidance loss
       L = ||tau(M(A0_hat)) - Y||^2 + ||R M(A0_hat) - P||^2 + lambda1 ||M(A0_hat) - X_g||^2
   (means over values). Two ways to apply it: `grad_through_prior` (the
   paper's: A_{t-1} = DDIM step - lambda grad_{A_t} sqrt(L), DPS-style,
   backpropagating through the prior; the paper preset) or, by default,
   `guidance_inner` Adam steps on A0_hat before the DDIM step (no
   backpropagation through the prior: cheaper on a CPU and strong enough
   with 10-20 steps).
   M is E until the NSSD has been fitted (after `nssd_start` of the steps),
   then the NSSD, refitted every `nssd_every` steps (alternation of Algorithm 1).
5. NSSD M(A) = C_theta1(A) x_3 D_theta2(Y): a small U-Net maps A to r
   spatial maps, fully connected layers with sigmoids map each band's
   flattened LR image to r spectral coefficients; fitted with loss (14)
   ||tau(M) - Y||^2 + lambda2 ||R M - P||^2 (+ `nssd_guide_weight` times the
   f_psi term, 0 in the paper preset). Output: X = M(A_0), followed by a short
   consistency step (`refine`, default on; not in the paper) that makes X
   reproduce Y and P through the forward model while staying near an anchor,
   by default 0.5 M(A_0) + 0.5 X_g (`refine_guide_weight`; measured on HP
   Jasper/Samson: 30.50/39.06 dB vs 30.33/36.82 with M(A_0) alone).

The ablations of the paper's Table 4 are config switches: `use_guide`
(lambda1 term and f_psi), `use_nssd` (keep E to the end).
"""
from __future__ import annotations

import math
import time
from dataclasses import asdict, dataclass

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import diffusion, dihedral, estimation, operators, scene
from .device import generator as make_generator
from .device import network_autocast, select_device, to_float64
from .progress import null_progress, scoped
from .method_configs import DMZSConfig  # noqa: F401  (re-exported)




# --------------------------------------------------------------------------
# operators
# --------------------------------------------------------------------------

class Degradation:
    """tau (blur + decimation from ``phase``) and the PAN response R, on one device."""

    def __init__(self, psf, srf, ratio: int, phase: int, like: torch.Tensor):
        self.psf = torch.as_tensor(np.asarray(psf), dtype=like.dtype, device=like.device)
        self.srf = torch.as_tensor(np.asarray(srf), dtype=like.dtype, device=like.device).reshape(1, -1)
        self.ratio, self.phase = int(ratio), int(phase)

    def tau(self, x: torch.Tensor) -> torch.Tensor:
        """(B, C, H, W) -> (B, C, ceil((H - phase)/r), ...)."""
        return operators.downsample(x, self.psf, self.ratio, self.phase)

    def pan(self, x: torch.Tensor) -> torch.Tensor:
        """(B, C, H, W) -> (B, 1, H, W)."""
        return operators.apply_srf(x, self.srf)


# --------------------------------------------------------------------------
# zero-shot guidance f_psi
# --------------------------------------------------------------------------

class GuideNet(nn.Module):
    """f_psi(Y, P): upsample Y by r, then 3x3 convs with the PAN concatenated before each, residual.

    forward(y_up (B, C, H, W) already upsampled, pan (B, 1, H, W)) -> (B, C, H, W).
    With ``basis`` (C, k) orthonormal (the LR-HSI's leading principal directions)
    the network sees the k coefficients of y_up and predicts a residual in that
    subspace: with a few hundred training pixels and 100-200 bands this is what
    keeps the zero-shot network from over-fitting the spectra (it only learns
    spatial detail of k images).
    """

    def __init__(self, bands: int, width: int = 64, layers: int = 4, basis: torch.Tensor | None = None):
        super().__init__()
        if basis is not None:
            self.register_buffer("basis", basis.detach().clone())
        else:
            self.basis = None
        k = bands if basis is None else basis.shape[1]
        chans = [k] + [width] * (layers - 1) + [k]
        self.convs = nn.ModuleList(nn.Conv2d(chans[i] + 1, chans[i + 1], 3, padding=1) for i in range(layers))
        # start as the identity (residual of an upsampled input): training refines from bicubic
        nn.init.zeros_(self.convs[-1].weight)
        nn.init.zeros_(self.convs[-1].bias)

    def forward(self, y_up: torch.Tensor, pan: torch.Tensor) -> torch.Tensor:
        h = y_up if self.basis is None else torch.einsum("ck,bchw->bkhw", self.basis, y_up)
        for i, conv in enumerate(self.convs):
            h = conv(torch.cat([h, pan], dim=1))
            if i < len(self.convs) - 1:
                h = F.leaky_relu(h, 0.2)
        if self.basis is not None:
            h = torch.einsum("ck,bkhw->bchw", self.basis, h)
        return y_up + h


def spectral_basis(hsi: torch.Tensor, k: int) -> torch.Tensor:
    """(C, k) orthonormal leading left singular vectors of the LR-HSI's bands (uncentred)."""
    Y = to_float64(hsi[0].reshape(hsi.shape[1], -1))
    U, _, _ = torch.linalg.svd(Y, full_matrices=False)
    return U[:, :min(k, U.shape[1])].to(hsi.device, hsi.dtype)


def _augment(it: int, *xs):
    """The it-th of the 8 flips/rotations of every (B, C, H, W) tensor in xs (same for all):
    it % 4 quarter turns, then a flip when (it // 4) is odd (= `dihedral.transform` with a flip
    first and the opposite turn)."""
    k, flip = it % 4, (it // 4) % 2
    return [dihedral.transform(x, 4 | (-k % 4) if flip else k) for x in xs]


def _up(y: torch.Tensor, ratio: int, phase: float, size) -> torch.Tensor:
    return operators.upsample(y, ratio, phase)[..., :size[0], :size[1]]


def train_guide(hsi, pan, op: Degradation, config: DMZSConfig,
                progress=None) -> tuple[GuideNet, dict]:
    """Train f_psi at reduced scale on the input pair ("invariance among scales").

    Inputs tau0(Y) (the LR-HSI degraded once more, decimated from 0 on its own
    grid) and tau(P) (the PAN degraded onto the LR-HSI grid); target Y. Loss:
    L1(out, Y) + w (L1(tau0(out), tau0(Y)) + L1(R out, tau(P))). Adam with lr
    decayed by 0.8 every 1000 iterations. hsi (1, C, h, w) and pan (1, 1, H, W),
    or lists of such windows of one scene (iteration i trains on window
    i mod n, with its (i div n)-th flip/rotation). Returns (net, info with
    losses and the reduced-scale PSNR of bicubic and of f_psi, averaged over
    the windows).
    """
    progress = progress or null_progress
    hsis = list(hsi) if isinstance(hsi, (list, tuple)) else [hsi]
    pans = list(pan) if isinstance(pan, (list, tuple)) else [pan]
    r = op.ratio
    lr_op = Degradation(op.psf, op.srf, r, 0, hsis[0])
    pairs = []
    for y, p in zip(hsis, pans):
        y_up = _up(lr_op.tau(y), r, 0.0, y.shape[-2:])
        pairs.append((y_up, op.tau(p)[..., :y.shape[-2], :y.shape[-1]], y))
    C = hsis[0].shape[1]
    pooled = hsis[0] if len(hsis) == 1 else torch.cat([y.reshape(1, C, 1, -1) for y in hsis], -1)
    basis = spectral_basis(pooled, config.guide_rank) if config.guide_rank > 0 else None
    net = GuideNet(C, config.guide_width, config.guide_layers, basis).to(hsis[0].device)
    opt = torch.optim.Adam(net.parameters(), lr=config.guide_lr)
    sched = torch.optim.lr_scheduler.StepLR(opt, 1000, 0.8)
    losses = []
    n = int(config.guide_iters)
    for it in range(n):
        y_up, p_lr, target = pairs[it % len(pairs)]
        # the 8 flips/rotations of each training pair (the degradations are isotropic)
        k = it // len(pairs)
        yu, pl, tgt = _augment(k, y_up, p_lr, target) if config.guide_augment else (y_up, p_lr, target)
        out = net(yu, pl)
        loss = (out - tgt).abs().mean()
        if config.guide_deg_weight > 0:
            loss = loss + config.guide_deg_weight * ((lr_op.tau(out) - lr_op.tau(tgt)).abs().mean()
                                                     + (op.pan(out) - pl).abs().mean())
        opt.zero_grad()
        loss.backward()
        opt.step()
        sched.step()
        losses.append(float(loss.detach()))
        if it % 10 == 0 or it == n - 1:
            progress((it + 1) / n, f"zero-shot guidance: iteration {it + 1}/{n}, L1 {losses[-1]:.4f}")
    with torch.no_grad():
        outs = [net(y_up, p_lr) for y_up, p_lr, _ in pairs]
    info = {"guide_losses": losses[:: max(1, n // 50)],
            "guide_reduced_psnr_bicubic": float(np.mean([_psnr(y_up, t) for y_up, _, t in pairs])),
            "guide_reduced_psnr": float(np.mean([_psnr(o, t) for o, (_, _, t) in zip(outs, pairs)]))}
    return net, info


def _psnr(x: torch.Tensor, ref: torch.Tensor) -> float:
    mse = torch.mean((x.clamp(0, 1) - ref) ** 2, dim=(0, 2, 3)).clamp_min(1e-12)
    return float(torch.mean(-10 * torch.log10(mse)))


# --------------------------------------------------------------------------
# the fixed map E and the NSSD
# --------------------------------------------------------------------------

def select_bands(hsi: torch.Tensor, k: int = 3) -> list[int]:
    """k band indices chosen by successive projections (the most linearly independent bands)."""
    Y = to_float64(hsi[0].reshape(hsi.shape[1], -1))
    resid = Y.clone()
    chosen = []
    for _ in range(k):
        i = int(torch.argmax((resid ** 2).sum(1)))
        chosen.append(i)
        v = resid[i] / resid[i].norm().clamp_min(1e-12)
        resid = resid - (resid @ v)[:, None] * v[None]
    return sorted(chosen)


class Factored:
    """An HSI X = U x_3 D kept as its factors: U (B, r, H, W) spatial maps, D (C, r) spectra.

    The data terms are linear in X, so tau(X) = tau(U) x_3 D and R X = U x_3 (R D):
    on r maps instead of C bands (C / r times less work; the NSSD fit and the
    guidance evaluate them on every step). `full` forms X.
    """

    def __init__(self, U: torch.Tensor, D: torch.Tensor):
        self.U, self.D = U, D

    def full(self) -> torch.Tensor:
        return torch.einsum("brhw,cr->bchw", self.U, self.D)


def _full(X) -> torch.Tensor:
    return X.full() if isinstance(X, Factored) else X


def _data_terms(X, hsi, pan, op: "Degradation", pan_weight: float, guide=None, guide_weight: float = 0.0):
    """mean (tau(X) - Y)^2 + pan_weight mean (R X - P)^2 + guide_weight mean (X - X_g)^2, for X a
    tensor (B, C, H, W) or `Factored` (then on the factors: the same value without forming X)."""
    if not isinstance(X, Factored):
        loss = torch.mean((op.tau(X) - hsi) ** 2) + pan_weight * torch.mean((op.pan(X) - pan) ** 2)
        if guide is not None and guide_weight > 0:
            loss = loss + guide_weight * torch.mean((X - guide) ** 2)
        return loss
    U, D = X.U, X.D
    low = torch.einsum("brhw,cr->bchw", op.tau(U), D)
    pan_x = torch.einsum("brhw,r->bhw", U, (op.srf @ D)[0])[:, None]
    loss = torch.mean((low - hsi) ** 2) + pan_weight * torch.mean((pan_x - pan) ** 2)
    if guide is not None and guide_weight > 0:
        # ||X - G||^2 = sum u'(D'D)u - 2 sum u'(D'g) + ||G||^2 per pixel (u, g: U's and G's columns)
        xx = torch.einsum("brhw,rs,bshw->", U, D.T @ D, U)
        xg = torch.sum(U * torch.einsum("cr,bchw->brhw", D, guide))
        gg = torch.sum(guide.detach() ** 2)
        loss = loss + guide_weight * (xx - 2 * xg + gg) / guide.numel()
    return loss


class FixedMap:
    """PLRDiff-style X = E a(A): a(A) = s (A + 1)/2, E (C, 3) least squares from 3 LR-HSI bands."""

    def __init__(self, hsi: torch.Tensor):
        self.bands = select_bands(hsi)
        sel = hsi[0, self.bands].reshape(3, -1)
        Y = hsi[0].reshape(hsi.shape[1], -1)
        # the prior saw images scaled by a robust maximum into [-1, 1]: same scaling here
        self.scale = float(torch.quantile(sel.flatten()[:: max(1, sel.numel() // 100000)], 0.995).clamp_min(1e-6))
        s = to_float64(sel)  # on the CPU for Apple MPS (no float64 there)
        self.E = (to_float64(Y) @ s.T @ torch.linalg.inv(s @ s.T + 1e-8 * torch.eye(3, dtype=s.dtype, device=s.device))
                  ).to(hsi.device, hsi.dtype)

    def to_detail(self, bands3: torch.Tensor) -> torch.Tensor:
        """(B, 3, H, W) selected-band values -> detail image A in [-1, 1] units."""
        return bands3 / self.scale * 2 - 1

    def __call__(self, A: torch.Tensor) -> Factored:
        """(B, 3, H, W) -> X = E a(A), as `Factored` (`.full()`: (B, C, H, W))."""
        return Factored((A + 1) / 2 * self.scale, self.E)


class SmallUNet(nn.Module):
    """C_theta1: (B, 3, H, W) -> (B, r, H, W); two levels with skip connections."""

    def __init__(self, cin: int, cout: int, width: int):
        super().__init__()
        w = width
        self.e1 = nn.Sequential(nn.Conv2d(cin, w, 3, padding=1), nn.LeakyReLU(0.2), nn.Conv2d(w, w, 3, padding=1),
                                nn.LeakyReLU(0.2))
        self.e2 = nn.Sequential(nn.Conv2d(w, 2 * w, 3, stride=2, padding=1), nn.LeakyReLU(0.2),
                                nn.Conv2d(2 * w, 2 * w, 3, padding=1), nn.LeakyReLU(0.2))
        self.d1 = nn.Sequential(nn.Conv2d(3 * w + cin, w, 3, padding=1), nn.LeakyReLU(0.2),
                                nn.Conv2d(w, cout, 3, padding=1))

    def forward(self, a: torch.Tensor) -> torch.Tensor:
        h, w = a.shape[-2:]
        x = F.pad(a, (0, w % 2, 0, h % 2), mode="replicate")
        f1 = self.e1(x)
        f2 = F.interpolate(self.e2(f1), size=f1.shape[-2:], mode="bilinear", align_corners=False)
        return self.d1(torch.cat([f1, f2, x], dim=1))[..., :h, :w]


class SpectralFactor(nn.Module):
    """D_theta2: each band's flattened LR image (h w) -> 256 -> 64 -> r, sigmoids."""

    def __init__(self, n_pix: int, rank: int):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(n_pix, 256), nn.Sigmoid(), nn.Linear(256, 64), nn.Sigmoid(),
                                 nn.Linear(64, rank), nn.Sigmoid())

    def forward(self, hsi: torch.Tensor) -> torch.Tensor:
        return self.net(hsi[0].reshape(hsi.shape[1], -1))     # (C, r)


class NSSD(nn.Module):
    """M(A) = C_theta1(A) x_3 D_theta2(Y): (B, 3, H, W) -> (B, C, H, W)."""

    def __init__(self, hsi: torch.Tensor, rank: int, width: int):
        super().__init__()
        self.register_buffer("hsi", hsi.detach().clone())
        self.spatial = SmallUNet(3, rank, width)
        self.spectral = SpectralFactor(hsi.shape[-2] * hsi.shape[-1], rank)

    def forward(self, A: torch.Tensor) -> Factored:
        """(B, 3, H, W) -> M(A) as `Factored` (`.full()`: (B, C, H, W))."""
        return Factored(self.spatial(A), self.spectral(self.hsi))


def nssd_loss(X, hsi, pan, op: Degradation, lambda2: float, guide=None, guide_weight: float = 0.0):
    """Eq. (14): mean ||tau(X) - Y||^2 + lambda2 mean ||R X - P||^2 (+ guide_weight mean ||X - X_g||^2)."""
    return _data_terms(X, hsi, pan, op, lambda2, guide, guide_weight)


def fit_nssd(model: NSSD, opt, A: torch.Tensor, hsi, pan, op, config: DMZSConfig, iters: int, guide=None,
             progress=None) -> list[float]:
    """``iters`` Adam steps of the NSSD on a fixed detail image A; returns the losses."""
    progress = progress or null_progress
    A = A.detach()
    losses = []
    for it in range(int(iters)):
        loss = nssd_loss(model(A), hsi, pan, op, config.lambda2, guide, config.nssd_guide_weight)
        opt.zero_grad()
        loss.backward()
        opt.step()
        losses.append(float(loss.detach()))
        if it % 10 == 0:
            progress((it + 1) / iters, f"NSSD: iteration {it + 1}/{iters}, loss {losses[-1]:.2e}")
    return losses


# --------------------------------------------------------------------------
# guided sampling
# --------------------------------------------------------------------------

def guidance_loss(X, hsi, pan, op: Degradation, guide=None, lambda1: float = 0.0) -> torch.Tensor:
    """||tau(X) - Y||^2 + ||R X - P||^2 + lambda1 ||X - X_g||^2 (means over values)."""
    return _data_terms(X, hsi, pan, op, 1.0, guide, lambda1)


def _eps(prior, A: torch.Tensor, gamma: float) -> torch.Tensor:
    m = getattr(prior, "pad_multiple", 1)
    h, w = A.shape[-2:]
    x = F.pad(A, (0, (-w) % m, 0, (-h) % m), mode="replicate")
    g = torch.full((A.shape[0],), float(gamma), dtype=A.dtype, device=A.device)
    with network_autocast(A.device):
        return prior(x, g)[..., :h, :w].to(A.dtype)


def guided_sample(prior, mapping, hsi, pan, op: Degradation, config: DMZSConfig, guide=None,
                  generator=None, progress=None, on_step=None, init=None):
    """Sample a detail image A (1, 3, H, W) in [-1, 1] with likelihood guidance.

    mapping(A) -> X (callable; may change between steps through ``on_step(i, A0_hat)``,
    which may return a new mapping). DDIM (eta = 1, ancestral) steps over
    strided exp-schedule timesteps; after each, A -= scale * grad sqrt(L) / sqrt(L)
    normalised per DPS (the gradient of the residual norm). Returns
    (A_0, history of guidance losses per step).
    """
    progress = progress or null_progress
    sched = diffusion.exp_schedule(1000)
    ts = diffusion.strided_timesteps(sched.T, config.steps)
    H, W = pan.shape[-2:]
    A = diffusion.randn_like(torch.empty(1, 3, H, W, device=pan.device, dtype=pan.dtype), generator)
    hist = []
    lam1 = config.lambda1 if (guide is not None and config.use_guide) else 0.0
    for i, t in enumerate(ts):
        t_prev = ts[i + 1] if i + 1 < len(ts) else -1
        abar = float(sched.alphas_cumprod[t])
        with torch.enable_grad():
            A_in = A.detach().requires_grad_(config.grad_through_prior)
            eps = _eps(prior, A_in, math.sqrt(abar))
            A0 = ((A_in - math.sqrt(1 - abar) * eps) / math.sqrt(abar)).clamp(-1, 1)
            if config.grad_through_prior:
                # DPS: gradient of the residual norm w.r.t. A_t, through the prior
                loss = guidance_loss(mapping(A0), hsi, pan, op, guide, lam1)
                grad = torch.autograd.grad(loss.sqrt(), A_in)[0]
                A0 = A0.detach()
            elif config.guidance_scale > 0:
                # gradient steps on the predicted clean image (no backpropagation through the
                # prior: cheap with a large prior on a CPU, and strong enough with few steps)
                A0 = A0.detach().requires_grad_(True)
                opt = torch.optim.Adam([A0], lr=config.guidance_lr * config.guidance_scale)
                for _ in range(max(1, config.guidance_inner)):
                    loss = guidance_loss(mapping(A0), hsi, pan, op, guide, lam1)
                    opt.zero_grad()
                    loss.backward()
                    opt.step()
                    with torch.no_grad():
                        A0.clamp_(-1, 1)
                A0 = A0.detach()
            else:
                A0 = A0.detach()
                loss = guidance_loss(mapping(A0), hsi, pan, op, guide, lam1)
        hist.append(float(loss.detach()))
        A = diffusion.ddim_step(sched, A.detach(), t, t_prev, eps.detach(), eta=config.eta, generator=generator,
                                x0=A0)
        if config.grad_through_prior and config.guidance_scale > 0:
            A = A - config.guidance_scale * grad * math.sqrt(grad[0, 0].numel())
        if on_step is not None:
            new = on_step(i, len(ts), A0.detach())
            if new is not None:
                mapping = new
        progress((i + 1) / len(ts), f"guided sampling: step {i + 1}/{len(ts)}, loss {hist[-1]:.2e}")
    return A.detach().clamp(-1, 1), mapping, hist


# --------------------------------------------------------------------------
# entry point
# --------------------------------------------------------------------------

def refine(X0: torch.Tensor, hsi, pan, op: Degradation, mu: float, iters: int, lr: float = 0.01,
           progress=None) -> torch.Tensor:
    """Consistency step: argmin_X ||tau(X) - Y||^2 + ||R X - P||^2 + mu ||X - X0||^2 (means), by Adam from X0.

    Makes the output reproduce both inputs through the forward model while
    keeping the structure of X0 (1, C, H, W). Returns a detached tensor.
    """
    progress = progress or null_progress
    X = X0.detach().clone().requires_grad_(True)
    opt = torch.optim.Adam([X], lr=lr)
    for it in range(int(iters)):
        with torch.enable_grad():
            loss = torch.mean((op.tau(X) - hsi) ** 2) + torch.mean((op.pan(X) - pan) ** 2) \
                + mu * torch.mean((X - X0) ** 2)
            opt.zero_grad()
            loss.backward()
        opt.step()
        if it % 20 == 0:
            progress((it + 1) / iters, f"consistency: iteration {it + 1}/{iters}")
    return X.detach()


def _as_batch(x, name: str, dims: int = 4) -> torch.Tensor:
    t = torch.as_tensor(np.asarray(x) if not isinstance(x, torch.Tensor) else x).float()
    while t.dim() < 4:
        t = t[None]
    if t.dim() != 4 or t.shape[0] != 1:
        raise ValueError(f"{name} must be shaped (1, C, H, W) or (C, H, W)")
    if not torch.isfinite(t).all():
        raise ValueError(f"{name} contains NaN or infinite values")
    return t


def estimate_operators(hsi, pan, ratio: int, phase: int, psf=None, sum_to_one: bool = False, progress=None):
    """(psf, srf (1, C)) with the missing ones estimated on the (phase-aligned) pair.

    hsi (1, C, h, w) and pan (1, 1, H, W), or ``hsi`` a list of `scene.Window`
    (pan then ignored) pooled by `scene.estimation_pair`.
    """
    windows = hsi if isinstance(hsi, (list, tuple)) else [scene.Window(hsi, pan)]
    # shift the PAN so that both grids share index 0
    windows = [scene.Window(w.low, w.high[..., phase:, phase:], w.low_valid) for w in windows]
    k = estimation.default_psf_size(ratio) if psf is None else np.asarray(psf).shape[-1]
    p_np, h_np, valid = scene.estimation_pair(windows, ratio, scene.psf_margin(ratio, k))
    if psf is None:
        psf, srf = estimation.estimate_psf_srf(p_np, h_np, ratio, sum_to_one=sum_to_one, valid=valid,
                                               progress=progress)
    else:
        srf = estimation.estimate_srf(p_np, h_np, ratio, psf=np.asarray(psf), sum_to_one=sum_to_one, valid=valid)
    return np.asarray(psf, dtype=np.float64), np.asarray(srf, dtype=np.float64).reshape(1, -1)


@dataclass
class DMZSScene:
    """What DM-ZS learns once per scene (`learn`), used by every tile's solve (`fuse_tile`).

    psf (k, k), srf (1, C) float64; guide: the zero-shot network f_psi (None
    when not used); emap: the fixed band mapping (`FixedMap`, from the
    scene's LR pixels); prior: the frozen diffusion prior; rng / cpu_rng:
    the sampling generator's and torch's global random state after learning
    (each tile starts from them, so a one-tile scene gives exactly `fuse`'s
    result); info and timings of the learning.
    """

    psf: np.ndarray
    srf: np.ndarray
    ratio: int
    phase: int
    guide: GuideNet | None
    emap: FixedMap
    prior: nn.Module
    config: DMZSConfig
    device: torch.device
    rng: torch.Tensor
    cpu_rng: torch.Tensor
    info: dict
    timings: dict


def learn(samples, ratio: int, srf=None, psf=None, prior=None, config: DMZSConfig | None = None,
          progress=None, device=None, phase: int = 0) -> DMZSScene:
    """The scene-level part of DM-ZS: PAN response (and PSF), f_psi, the band map E and the prior.

    samples: windows of the scene (see `scene.as_windows`: (hsi (C, h, w),
    pan (1, r h, r w)) pairs or objects with low/high/low_valid, in [0, 1]),
    e.g. the whole scene or windows sampled across a large one. The
    operators are estimated on them (pooled), f_psi is trained on all of
    them, E from their valid LR pixels, a 'scene' prior on their composites.
    Other arguments as in `fuse`. ``progress(fraction, message)`` may raise `Cancelled`.
    """
    from . import dmzs_prior

    config = config or DMZSConfig()
    progress = progress or null_progress
    t_start = time.time()
    dev = device if isinstance(device, torch.device) else select_device(device or config.device)
    ratio, phase = int(ratio), int(phase)
    if ratio < 2:
        raise ValueError("the resolution ratio must be an integer >= 2")
    windows = []
    for w in scene.as_windows(samples):
        hsi = _as_batch(w.low, "HSI").to(dev)
        pan = _as_batch(w.high, "PAN").to(dev)
        if pan.shape[1] != 1:
            raise ValueError("PAN must have one band")
        if hsi.shape[1] < 3:
            raise ValueError("the HSI needs at least 3 bands")
        H, W = ratio * hsi.shape[-2], ratio * hsi.shape[-1]
        if pan.shape[-2] < H or pan.shape[-1] < W:
            raise ValueError(f"PAN {tuple(pan.shape[-2:])} is smaller than ratio x HSI ({H}, {W})")
        windows.append(scene.Window(hsi, pan[..., :H, :W], w.low_valid))
    info: dict = {"ratio": ratio, "config": {k: v for k, v in asdict(config).items()}}
    gen = make_generator(config.seed, dev)
    torch.manual_seed(int(config.seed))

    # 1. operators
    progress(0.0, "estimating the PAN response")
    if srf is None:
        psf, srf = estimate_operators(windows, None, ratio, phase, psf, config.srf_sum_to_one)
        info["srf_estimated"] = True
    elif psf is None:
        psf = estimation.default_psf(ratio)
    psf = np.asarray(psf, dtype=np.float64)
    srf = np.asarray(srf, dtype=np.float64).reshape(1, -1)
    op = Degradation(psf, srf, ratio, phase, windows[0].low)
    timings = {"operators": time.time() - t_start}

    # 2. zero-shot guidance
    guide_net = None
    if config.use_guide and config.guide_iters > 0:
        guide_net, ginfo = train_guide([w.low for w in windows], [w.high for w in windows], op, config,
                                       scoped(progress, 0.02, 0.6))
        guide_net.eval().requires_grad_(False)
        info.update(ginfo)
        timings["guide"] = time.time() - t_start - sum(timings.values())
    # 3. prior
    prior = config.prior if prior is None else prior
    emap = FixedMap(scene.pixel_image(windows))
    info["selected_bands"] = emap.bands
    if isinstance(prior, nn.Module):
        net_prior = prior
    elif str(prior) == "scene":
        images = []
        for w in windows:
            guide = None
            if guide_net is not None:
                with torch.no_grad():
                    guide = guide_net(_up(w.low, ratio, float(phase), w.high.shape[-2:]), w.high)
            images += scene_composites(w.low, w.high, emap, ratio, phase, guide)
        net_prior, sl = dmzs_prior.train_prior(images, config.scene_prior_iters, seed=config.seed, device=dev,
                                               progress=scoped(progress, 0.6, 1.0, ""))
        info["scene_prior_loss"] = [float(np.mean(sl[:20])), float(np.mean(sl[-20:]))]
    else:
        net_prior, pinfo = dmzs_prior.load_prior(prior, dev)
        info["prior"] = pinfo
    net_prior.eval().requires_grad_(False)
    timings["prior"] = time.time() - t_start - sum(timings.values())
    progress(1.0, "learned")
    return DMZSScene(psf=psf, srf=srf, ratio=ratio, phase=phase, guide=guide_net, emap=emap, prior=net_prior,
                     config=config, device=dev, rng=scene.generator_state(gen), cpu_rng=torch.get_rng_state(),
                     info=info, timings=timings)


def fuse_tile(learned: DMZSScene, hsi, pan, progress=None):
    """The per-tile part of DM-ZS: f_psi's image, guided sampling with NSSD fits, consistency step.

    hsi (1, C, h, w) (or (C, h, w)) and pan (1, 1, H, W) in [0, 1] with
    H >= r h, W >= r w (cropped to r h, r w): one tile or a whole scene.
    Sets torch's global random state to the learned one (the NSSD's
    initialisation draws from it). Returns ((1, C, r h, r w) float32 CPU tensor, info).
    """
    config, dev, ratio, phase = learned.config, learned.device, learned.ratio, learned.phase
    progress = progress or null_progress
    t_start = time.time()
    hsi = _as_batch(hsi, "HSI").to(dev)
    pan = _as_batch(pan, "PAN").to(dev)
    if pan.shape[1] != 1:
        raise ValueError("PAN must have one band")
    if hsi.shape[1] != learned.srf.shape[1]:
        raise ValueError(f"the HSI has {hsi.shape[1]} bands, the learned PAN response {learned.srf.shape[1]}")
    h, w = hsi.shape[-2:]
    H, W = ratio * h, ratio * w
    if pan.shape[-2] < H or pan.shape[-1] < W:
        raise ValueError(f"PAN {tuple(pan.shape[-2:])} is smaller than ratio x HSI ({H}, {W})")
    pan = pan[..., :H, :W]
    op = Degradation(learned.psf, learned.srf, ratio, phase, hsi)
    gen = scene.restore_generator(learned.rng, dev)
    torch.set_rng_state(learned.cpu_rng)
    info: dict = {}
    guide = None
    if learned.guide is not None:
        with torch.no_grad():
            guide = learned.guide(_up(hsi, ratio, float(phase), (H, W)), pan)

    # 4-5. guided sampling alternating with NSSD fits
    nssd = NSSD(hsi, config.rank, config.nssd_width).to(dev) if config.use_nssd else None
    opt = torch.optim.Adam(nssd.parameters(), lr=config.nssd_lr) if nssd is not None else None
    state = {"active": False, "losses": []}
    first_step = int(round(config.nssd_start * config.steps))

    def on_step(i, n, A0):
        if nssd is None or i + 1 < first_step:
            return None
        if not state["active"]:
            iters = config.nssd_first_iters
        elif (i + 1 - first_step) % config.nssd_every == 0 and config.nssd_iters > 0:
            iters = config.nssd_iters
        else:
            return None
        # the fit reports (and can be cancelled) at the sampler's current fraction: the first one
        # runs for minutes on a large tile
        at = 0.9 * i / max(1, n)
        with torch.enable_grad():
            state["losses"] += fit_nssd(nssd, opt, A0, hsi, pan, op, config, iters, guide,
                                        lambda f, msg="": progress(at, msg))
        state["active"] = True
        return nssd

    A, mapping, hist = guided_sample(learned.prior, learned.emap, hsi, pan, op, config, guide, gen,
                                     scoped(progress, 0.0, 0.9), on_step)
    timings = {"sampling": time.time() - t_start}
    if nssd is not None:
        with torch.enable_grad():
            state["losses"] += fit_nssd(nssd, opt, A, hsi, pan, op, config, config.nssd_final_iters, guide,
                                        scoped(progress, 0.9, 0.98))
        mapping = nssd
    with torch.no_grad():
        X = _full(mapping(A))
    if config.refine_iters > 0:
        info["pre_refine"] = X.cpu()
        # anchor: M(A) blended with f_psi (measured: NSSD alone distorts the spectra here)
        wg = config.refine_guide_weight if guide is not None else 0.0
        X = refine((1 - wg) * X + wg * guide if wg > 0 else X, hsi, pan, op, config.refine_mu, config.refine_iters,
                   progress=scoped(progress, 0.98, 1.0))
    X = X.clamp_min(0)
    info.update({"guidance_loss": hist, "nssd_losses": state["losses"][:: max(1, len(state["losses"]) // 50)],
                 "seconds": time.time() - t_start, "device": str(dev), "timings": timings})
    if guide is not None:
        info["guide_image"] = guide.cpu()
    progress(1.0, "done")
    return X.float().cpu(), info


def fuse(hsi, pan, srf=None, psf=None, ratio: int | None = None, prior=None, config: DMZSConfig | None = None,
         progress=None, device=None, phase: int = 0):
    """DM-ZS pansharpening of an LR-HSI with a PAN (`learn` on the pair, then `fuse_tile` on it).

    hsi: (1, C, h, w) (or (C, h, w)) in [0, 1]; pan: (1, 1, H, W) in [0, 1] with
    H >= r h, W >= r w (cropped to r h, r w). srf: (1, C) PAN response (None:
    estimated); psf: (k, k) (None: estimated with the SRF when the SRF is
    estimated, else a Gaussian with FWHM = r). ratio: integer (None: H // h).
    prior: 'bundled', 'scene', a checkpoint path, or an already loaded network
    (None: config.prior). phase: integer offset of the LR grid (LR pixel i on
    HR pixel r i + phase). progress(fraction, message) may raise `Cancelled`.
    Returns ((1, C, H, W) float32 tensor on the CPU, info dict).
    """
    config = config or DMZSConfig()
    t_start = time.time()
    hsi = _as_batch(hsi, "HSI")
    pan = _as_batch(pan, "PAN")
    ratio = int(ratio or pan.shape[-2] // hsi.shape[-2])
    learned = learn([scene.Window(hsi, pan)], ratio, srf, psf, prior, config, scoped(progress, 0.0, 0.45),
                    device, phase)
    X, tinfo = fuse_tile(learned, hsi, pan, scoped(progress, 0.45, 1.0))
    info = dict(learned.info)
    info.update(tinfo)
    info["timings"] = dict(learned.timings, **tinfo["timings"])
    info["seconds"] = time.time() - t_start
    return X, info


def scene_composites(hsi, pan, emap: FixedMap, ratio: int, phase: int, guide=None) -> list[torch.Tensor]:
    """Training images for a 'scene' prior: PAN-sharpened composites of the 3 selected bands.

    The selected bands at PAN resolution (from f_psi when available, else
    upsampled and given the PAN's high-pass detail by a ratio modulation),
    scaled as the sampler's detail images into [-1, 1]. Returns [(3, H, W)].
    """
    H, W = pan.shape[-2:]
    with torch.no_grad():
        if guide is not None:
            sel = guide[:, emap.bands]
        else:
            up = _up(hsi[:, emap.bands], ratio, float(phase), (H, W))
            low = operators.upsample(operators.blur(pan, estimation.default_psf(ratio))[..., phase::ratio, phase::ratio],
                                     ratio, float(phase))[..., :H, :W]
            sel = up * pan / low.clamp_min(1e-3)
        A = emap.to_detail(sel).clamp(-1, 1)
    return [A[0].cpu()]


def input_level(config=None) -> float:
    """The value the product maps a scene's robust maximum (99.9th percentile of both inputs,
    `fusediff.engine.scaling.SceneScale`) to for this method: where it sat on the simulations
    its constants were tuned on (`method_configs.DMZS_INPUT_LEVEL`; the same for every config)."""
    from .method_configs import DMZS_INPUT_LEVEL
    return float(DMZS_INPUT_LEVEL)
