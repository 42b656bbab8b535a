"""Noise schedules and DDPM/DDIM steps shared by every diffusion method.

A schedule is a `Schedule` holding float64 tensors betas, alphas and
alphas_cumprod (abar) of length T on the CPU; the step functions index them
with integer timesteps (0-based: t = 0 is the first noising step) and return
tensors on the data's device and dtype. Data x0 is typically in [-1, 1].
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import torch


@dataclass
class Schedule:
    """betas/alphas/abar: (T,) float64 tensors; abar decreases from ~1 to ~0."""
    betas: torch.Tensor
    alphas_cumprod: torch.Tensor

    @property
    def T(self) -> int:
        return int(self.betas.shape[0])

    @property
    def alphas(self) -> torch.Tensor:
        return 1.0 - self.betas

    def abar(self, t, like: torch.Tensor) -> torch.Tensor:
        """abar at timesteps t (int or (B,) long tensor), shaped to broadcast
        against ``like`` (B, ...) and on its device/dtype."""
        return _gather(self.alphas_cumprod, t, like)

    def abar_prev(self, t, like: torch.Tensor) -> torch.Tensor:
        """abar at t-1 (1.0 for t = 0)."""
        prev = torch.cat([torch.ones(1, dtype=torch.float64, device=self.alphas_cumprod.device),
                          self.alphas_cumprod[:-1]])
        return _gather(prev, t, like)


def _gather(v: torch.Tensor, t, like: torch.Tensor) -> torch.Tensor:
    if isinstance(t, int):
        out = v[t].reshape([1] * like.dim())
    else:
        t = torch.as_tensor(t, dtype=torch.long).cpu()
        out = v[t].reshape([-1] + [1] * (like.dim() - 1))
    return out.to(device=like.device, dtype=like.dtype)


def linear_schedule(T: int = 1000, beta_start: float = 1e-4, beta_end: float = 0.02) -> Schedule:
    """DDPM's linear beta schedule (Ho et al. 2020)."""
    betas = torch.linspace(beta_start, beta_end, T, dtype=torch.float64, device="cpu")
    return Schedule(betas, torch.cumprod(1.0 - betas, 0))


def cosine_schedule(T: int = 1000, s: float = 0.008, max_beta: float = 0.999) -> Schedule:
    """Nichol & Dhariwal's cosine schedule: abar(t) = f(t)/f(0), f = cos^2(((t/T+s)/(1+s)) pi/2)."""
    steps = torch.arange(T + 1, dtype=torch.float64, device="cpu") / T
    f = torch.cos((steps + s) / (1 + s) * math.pi / 2) ** 2
    abar = f / f[0]
    betas = (1 - abar[1:] / abar[:-1]).clamp(max=max_beta)
    return Schedule(betas, torch.cumprod(1.0 - betas, 0))


def exp_schedule(T: int = 1000, k: float = 10.0, abar_min: float = 1e-3) -> Schedule:
    """The "exp" schedule: 1 - abar grows like 1 - exp(-k s) (s = t/T in (0, 1]),
    rescaled so abar runs from 1 (s = 0) to ``abar_min`` (s = 1):

        abar(s) = 1 - (1 - abar_min) (1 - exp(-k s)) / (1 - exp(-k)).

    Noise rises quickly over the first timesteps and slowly near the end, so a
    strided sampler spends its steps where the signal is being formed.
    """
    s = torch.arange(1, T + 1, dtype=torch.float64, device="cpu") / T
    abar = 1 - (1 - abar_min) * (1 - torch.exp(-k * s)) / (1 - math.exp(-k))
    prev = torch.cat([torch.ones(1, dtype=torch.float64, device=abar.device), abar[:-1]])
    betas = (1 - abar / prev).clamp(1e-8, 0.999)
    return Schedule(betas, torch.cumprod(1.0 - betas, 0))


SCHEDULES = {"linear": linear_schedule, "cosine": cosine_schedule, "exp": exp_schedule}


def make_schedule(name: str, T: int = 1000) -> Schedule:
    """Schedule by name: 'linear', 'cosine' or 'exp'."""
    return SCHEDULES[name](T)


def q_sample(sched: Schedule, x0: torch.Tensor, t, noise: torch.Tensor) -> torch.Tensor:
    """x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) noise."""
    a = sched.abar(t, x0)
    return a.sqrt() * x0 + (1 - a).sqrt() * noise


def x0_from_eps(sched: Schedule, x_t: torch.Tensor, t, eps: torch.Tensor) -> torch.Tensor:
    """x0 = (x_t - sqrt(1 - abar_t) eps) / sqrt(abar_t)."""
    a = sched.abar(t, x_t)
    return (x_t - (1 - a).sqrt() * eps) / a.sqrt()


def eps_from_x0(sched: Schedule, x_t: torch.Tensor, t, x0: torch.Tensor) -> torch.Tensor:
    """eps = (x_t - sqrt(abar_t) x0) / sqrt(1 - abar_t)."""
    a = sched.abar(t, x_t)
    return (x_t - a.sqrt() * x0) / (1 - a).sqrt()


def posterior_mean_var(sched: Schedule, x0: torch.Tensor, x_t: torch.Tensor, t):
    """DDPM posterior q(x_{t-1} | x_t, x0): returns (mean, variance).

    mean = sqrt(abar_{t-1}) beta_t / (1-abar_t) x0 + sqrt(alpha_t) (1-abar_{t-1}) / (1-abar_t) x_t
    var  = beta_t (1 - abar_{t-1}) / (1 - abar_t)   (0 at t = 0)
    """
    a = sched.abar(t, x_t)
    ap = sched.abar_prev(t, x_t)
    beta = _gather(sched.betas, t, x_t)
    alpha = 1 - beta
    mean = ap.sqrt() * beta / (1 - a) * x0 + alpha.sqrt() * (1 - ap) / (1 - a) * x_t
    var = beta * (1 - ap) / (1 - a)
    return mean, var


def ddpm_step(sched: Schedule, x_t: torch.Tensor, t: int, x0: torch.Tensor,
              generator: torch.Generator | None = None) -> torch.Tensor:
    """Ancestral sample x_{t-1} ~ q(x_{t-1} | x_t, x0_hat) (no noise at t = 0)."""
    mean, var = posterior_mean_var(sched, x0, x_t, t)
    if t == 0:
        return mean
    return mean + var.sqrt() * randn_like(x_t, generator)


def ddim_step(sched: Schedule, x_t: torch.Tensor, t: int, t_prev: int, eps: torch.Tensor,
              eta: float = 0.0, generator: torch.Generator | None = None,
              x0: torch.Tensor | None = None) -> torch.Tensor:
    """DDIM update from timestep t to t_prev (t_prev < t; t_prev = -1 means x0).

    x_{prev} = sqrt(abar_prev) x0 + sqrt(1 - abar_prev - sigma^2) eps + sigma z,
    sigma = eta sqrt((1-abar_prev)/(1-abar_t)) sqrt(1 - abar_t/abar_prev).
    ``x0`` may be given (e.g. clamped); otherwise it is derived from eps.
    """
    a = sched.abar(t, x_t)
    ap = torch.ones_like(a) if t_prev < 0 else sched.abar(t_prev, x_t)
    if x0 is None:
        x0 = (x_t - (1 - a).sqrt() * eps) / a.sqrt()
    sigma = eta * ((1 - ap) / (1 - a)).sqrt() * (1 - a / ap).clamp(min=0).sqrt()
    out = ap.sqrt() * x0 + (1 - ap - sigma ** 2).clamp(min=0).sqrt() * eps
    if eta > 0 and t_prev >= 0:
        out = out + sigma * randn_like(x_t, generator)
    return out


def strided_timesteps(T: int, n_steps: int) -> list[int]:
    """n_steps descending timesteps spread evenly over [0, T-1], starting at T-1."""
    n_steps = max(1, min(n_steps, T))
    ts = torch.linspace(T - 1, 0, n_steps, device="cpu").round().long().tolist()
    out: list[int] = []
    for t in ts:
        if not out or t != out[-1]:
            out.append(int(t))
    return out


def randn_like(x: torch.Tensor, generator: torch.Generator | None = None) -> torch.Tensor:
    """Standard normal noise shaped like x; drawn on the generator's device, moved to x's."""
    dev = generator.device if generator is not None else x.device
    return torch.randn(x.shape, generator=generator, dtype=x.dtype, device=dev).to(x.device)


def timestep_embedding(t: torch.Tensor, dim: int, max_period: float = 10000.0) -> torch.Tensor:
    """Sinusoidal embedding of timesteps t (B,) (int or float) -> (B, dim) float32."""
    t = torch.as_tensor(t).float().reshape(-1)
    half = dim // 2
    freqs = torch.exp(-math.log(max_period) * torch.arange(half, dtype=torch.float32, device=t.device) / half)
    args = t[:, None] * freqs[None]
    emb = torch.cat([torch.cos(args), torch.sin(args)], dim=-1)
    if dim % 2:
        emb = torch.cat([emb, torch.zeros_like(emb[:, :1])], dim=-1)
    return emb


def ddpm_loss(model, sched: Schedule, x0: torch.Tensor, generator: torch.Generator | None = None,
              t: torch.Tensor | None = None) -> torch.Tensor:
    """eps-prediction MSE: E ||eps - model(x_t, t)||^2 with t ~ U{0..T-1}.

    ``model(x_t, t)`` takes x_t shaped like x0 and t a (B,) long tensor.
    """
    b = x0.shape[0]
    if t is None:
        dev = generator.device if generator is not None else x0.device
        t = torch.randint(0, sched.T, (b,), generator=generator, device=dev).to(x0.device)
    noise = randn_like(x0, generator)
    x_t = q_sample(sched, x0, t, noise)
    return torch.mean((model(x_t, t) - noise) ** 2)
