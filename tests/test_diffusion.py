"""Noise schedules and DDPM/DDIM steps."""
import math

import pytest
import torch

from fusediff.models import diffusion as D


@pytest.mark.parametrize("name", ["linear", "cosine", "exp"])
def test_schedules_decrease_from_one_to_near_zero(name):
    s = D.make_schedule(name, 1000)
    a = s.alphas_cumprod
    assert a.shape == (1000,)
    assert torch.all(a[1:] <= a[:-1])
    assert a[0] > 0.9 and a[-1] < 0.01
    assert torch.all((s.betas > 0) & (s.betas < 1))


def test_linear_schedule_values():
    s = D.linear_schedule(1000)
    assert float(s.betas[0]) == pytest.approx(1e-4)
    assert float(s.betas[-1]) == pytest.approx(0.02)
    assert float(s.alphas_cumprod[1]) == pytest.approx((1 - 1e-4) * (1 - float(s.betas[1])))


def test_exp_schedule_is_rescaled_to_1e3_and_follows_1_minus_exp():
    s = D.exp_schedule(1000, k=10.0, abar_min=1e-3)
    a = s.alphas_cumprod
    assert float(a[-1]) == pytest.approx(1e-3, rel=1e-6)
    t = 500
    expect = 1 - (1 - 1e-3) * (1 - math.exp(-10 * (t + 1) / 1000)) / (1 - math.exp(-10))
    assert float(a[t]) == pytest.approx(expect, rel=1e-6)


def test_forward_marginals_match_closed_form():
    torch.manual_seed(0)
    s = D.linear_schedule(1000)
    x0 = torch.full((20000, 1), 0.5, dtype=torch.float64)
    t = 300
    xt = D.q_sample(s, x0, t, torch.randn_like(x0))
    a = float(s.alphas_cumprod[t])
    assert float(xt.mean()) == pytest.approx(math.sqrt(a) * 0.5, abs=0.02)
    assert float(xt.var()) == pytest.approx(1 - a, rel=0.05)


def test_eps_x0_conversions_invert_each_other():
    s = D.cosine_schedule(100)
    x0, eps = torch.randn(4, 3, 5, 5, dtype=torch.float64), torch.randn(4, 3, 5, 5, dtype=torch.float64)
    t = torch.tensor([0, 10, 50, 99])
    xt = D.q_sample(s, x0, t, eps)
    assert torch.allclose(D.x0_from_eps(s, xt, t, eps), x0, atol=1e-4)
    assert torch.allclose(D.eps_from_x0(s, xt, t, x0), eps, atol=1e-3)


def test_ddim_with_true_noise_recovers_x0():
    s = D.exp_schedule(1000)
    x0, eps = torch.randn(2, 3, 8, 8, dtype=torch.float64), torch.randn(2, 3, 8, 8, dtype=torch.float64)
    ts = D.strided_timesteps(1000, 20)
    x = D.q_sample(s, x0, ts[0], eps)
    for t, tp in zip(ts, ts[1:] + [-1]):
        x = D.ddim_step(s, x, t, tp, eps, eta=0.0)
    assert torch.allclose(x, x0, atol=1e-8)


def test_ddpm_posterior_matches_bayes_rule():
    s = D.linear_schedule(50)
    x0, xt = torch.randn(3, 1, dtype=torch.float64), torch.randn(3, 1, dtype=torch.float64)
    t = 20
    mean, var = D.posterior_mean_var(s, x0, xt, t)
    # product of N(x_{t-1}; sqrt(ab_{t-1}) x0, 1-ab_{t-1}) and N(x_t; sqrt(a_t) x_{t-1}, b_t)
    ab_p = float(s.alphas_cumprod[t - 1])
    b = float(s.betas[t])
    prec = 1 / (1 - ab_p) + (1 - b) / b
    m = (math.sqrt(ab_p) * x0 / (1 - ab_p) + math.sqrt(1 - b) * xt / b) / prec
    assert torch.allclose(mean, m) and float(var.flatten()[0]) == pytest.approx(1 / prec)
    assert torch.allclose(D.ddpm_step(s, xt, 0, x0), D.posterior_mean_var(s, x0, xt, 0)[0])


def test_strided_timesteps():
    ts = D.strided_timesteps(1000, 10)
    assert ts[0] == 999 and ts[-1] == 0 and len(ts) == 10 and ts == sorted(ts, reverse=True)


def test_timestep_embedding_shape_and_distinctness():
    e = D.timestep_embedding(torch.tensor([0, 1, 500]), 64)
    assert e.shape == (3, 64)
    assert not torch.allclose(e[0], e[1])
    assert D.timestep_embedding(torch.tensor([3]), 7).shape == (1, 7)


def test_steps_keep_device_and_dtype():
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    s = D.linear_schedule(100)
    x = torch.randn(2, 3, 4, 4, device=dev)
    out = D.ddim_step(s, x, 50, 40, torch.randn_like(x), eta=1.0, generator=torch.Generator().manual_seed(0))
    assert out.device.type == dev and out.dtype == torch.float32


def test_ddpm_loss_is_small_for_the_oracle_denoiser():
    s = D.linear_schedule(100)
    x0 = torch.zeros(64, 8)
    # with x0 == 0, eps = x_t / sqrt(1 - abar_t) exactly
    oracle = lambda xt, t: xt / (1 - s.abar(t, xt)).sqrt()
    assert float(D.ddpm_loss(oracle, s, x0)) < 1e-10
    assert float(D.ddpm_loss(lambda xt, t: torch.zeros_like(xt), s, x0)) > 0.5
