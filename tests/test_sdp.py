"""SDP (spectral diffusion prior) on small synthetic scenes: the prior learns,
the fusion objective decreases, progress/cancel, seeds, shapes and devices."""
import dataclasses

import numpy as np
import pytest
import torch

from fusediff.models import kernels, operators, sdp
from fusediff.models.nets.spectral_mlp import SpectralMLP
from fusediff.models.progress import Cancelled

C, H, RATIO = 16, 24, 4


def _scene(seed: int = 0, n_end: int = 3):
    """Linear mixture of smooth endmember spectra with smooth abundances: (1, C, H, H) in [0, 1]."""
    g = np.random.default_rng(seed)
    wl = np.linspace(0, 1, C)
    ends = np.stack([0.2 + 0.6 * np.exp(-((wl - c) / 0.35) ** 2) for c in g.uniform(0, 1, n_end)])
    ab = kernels.blur_np(g.random((n_end, H, H)), kernels.gaussian_psf(7, 1.5)) + 0.05
    ab /= ab.sum(0, keepdims=True)
    x = np.einsum("kc,khw->chw", ends, ab)
    return torch.as_tensor(x, dtype=torch.float32)[None]


def _pair(seed: int = 0):
    x = _scene(seed)
    srf = operators.ikonos_like_srf(np.linspace(450, 900, C))
    psf = kernels.gauss9_psf(RATIO)
    hsi, msi = operators.simulate_pair(x, RATIO, psf, srf)
    return x, hsi.float(), msi.float(), psf, srf


TINY = sdp.SDPConfig(layers=2, width=64, train_iters=60, batch_size=64, steps=4, inner_steps=2,
                     threads=1)


def test_spectral_mlp_shapes_and_zero_init():
    net = SpectralMLP(C, width=32, layers=3, cond_dim=4)
    x = torch.randn(10, C)
    out = net(x, torch.arange(10), cond=torch.randn(10, 4))
    assert out.shape == (10, C)
    # zero output layer: the untrained net predicts 0 (eps-MSE 1 on unit noise)
    assert torch.count_nonzero(out) == 0
    with pytest.raises(ValueError):
        SpectralMLP(C, layers=0)


def test_prior_denoises_held_out_pixels():
    x = _scene(1)[0].reshape(C, -1).T * 2 - 1            # (576, C) spectra in [-1, 1]
    perm = torch.randperm(x.shape[0], generator=torch.Generator().manual_seed(0))
    train, held = x[perm[:400]], x[perm[400:]]
    cfg = dataclasses.replace(TINY, train_iters=300, width=128, train_lr=3e-3)
    untrained = sdp.make_net(C, cfg)
    g = lambda: torch.Generator().manual_seed(5)
    before = sdp.eps_mse(untrained, held, draws=8, generator=g())
    net, info = sdp.train_prior(train, cfg, generator=torch.Generator().manual_seed(0))
    after = sdp.eps_mse(net, held, draws=8, generator=g())
    assert before > 0.9
    assert after < 0.5 * before, (before, after)
    assert not any(p.requires_grad for p in net.parameters())


def test_objective_decreases_from_ones():
    x, hsi, msi, psf, srf = _pair()
    net = sdp.make_net(C, TINY).eval()
    cfg = dataclasses.replace(TINY, init="ones", steps=10, inner_steps=3, solve_lr=2e-2, x_ema=0.0)
    X0 = sdp.initial_estimate(hsi, msi, psf, srf, RATIO, cfg)
    X, hist = sdp.solve(hsi, msi, psf, srf, RATIO, net, X0, cfg, generator=torch.Generator().manual_seed(0))
    assert hist["data"][-1] < 0.2 * hist["data"][0]
    assert hist["total"][-1] < hist["total"][0]
    assert float(X.min()) >= 0 and float(X.max()) <= 1


def test_prior_is_evaluated_on_at_most_prior_pixels():
    # a large tile costs the prior's capped pixel count per step, not a fraction of the tile
    x, hsi, msi, psf, srf = _pair()
    net = sdp.make_net(C, TINY).eval()
    rows = []
    forward = net.forward
    net.forward = lambda xt, *a, **k: rows.append(xt.shape[0]) or forward(xt, *a, **k)
    X0 = sdp.initial_estimate(hsi, msi, psf, srf, RATIO, TINY)
    for cap, expected in ((100, 100), (0, round(0.25 * H * H))):
        rows.clear()
        cfg = dataclasses.replace(TINY, prior_fraction=0.25, prior_pixels=cap)
        sdp.solve(hsi, msi, psf, srf, RATIO, net, X0, cfg, generator=torch.Generator().manual_seed(0))
        assert rows and set(rows) == {expected}


def test_warm_start_beats_cubic():
    x, hsi, msi, psf, srf = _pair(2)
    cfg = dataclasses.replace(TINY, subspace_rank=4)
    warm = sdp.initial_estimate(hsi, msi, psf, srf, RATIO, cfg)
    cubic = sdp.initial_estimate(hsi, msi, psf, srf, RATIO, dataclasses.replace(cfg, init="cubic"))
    err = lambda y: float(torch.mean((y - x)[..., 4:-4, 4:-4] ** 2))
    assert err(warm) < 0.5 * err(cubic)


def test_fuse_shapes_info_and_progress():
    x, hsi, msi, psf, srf = _pair()
    calls = []
    X, info = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=TINY, progress=lambda f, m: calls.append(f),
                       device="cpu")
    assert X.shape == x.shape and X.dtype == torch.float32 and X.device == hsi.device
    assert float(X.min()) >= 0 and float(X.max()) <= 1
    assert info["ratio"] == RATIO and not info["estimated"]
    assert set(info["times"]) >= {"estimate", "train", "init", "solve", "total"}
    assert len(calls) >= TINY.train_iters and calls[-1] == 1.0
    assert all(0 <= f <= 1 for f in calls) and all(b >= a - 1e-9 for a, b in zip(calls, calls[1:]))


def test_blind_estimation_path():
    x, hsi, msi, psf, srf = _pair()
    X, info = sdp.fuse(hsi, msi, config=dataclasses.replace(TINY, blind_iterations=1))
    assert info["estimated"]
    assert info["srf"].shape == (msi.shape[1], C)
    assert abs(info["psf"].sum() - 1) < 1e-6
    assert X.shape == x.shape


@pytest.mark.parametrize("stop_at", [0.0, 0.3, 0.8])
def test_cancel_stops(stop_at):
    x, hsi, msi, psf, srf = _pair()
    seen = []

    def progress(f, m):
        seen.append(f)
        if f > stop_at:
            raise Cancelled()

    with pytest.raises(Cancelled):
        sdp.fuse(hsi, msi, srf=srf, psf=psf, config=TINY, progress=progress)
    assert max(seen) < 1.0


def test_seed_repeatable():
    x, hsi, msi, psf, srf = _pair()
    a, _ = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=TINY)
    b, _ = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=TINY)
    c, _ = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=dataclasses.replace(TINY, seed=1))
    assert torch.equal(a, b)
    assert not torch.equal(a, c)


def test_presets_and_bad_input():
    from fusediff.models.config import with_preset
    paper = with_preset(sdp.SDPConfig, "paper")
    assert paper.train_iters == 30000 and paper.steps == 1000 and paper.inner_steps == 3
    assert paper.lam == 0.1 and paper.gamma == 1e-3 and paper.t_start == 1.0
    assert sdp.visited_timesteps(1000, 1.0, 0.0, 1000) == list(range(999, -1, -1))
    x, hsi, msi, psf, srf = _pair()
    with pytest.raises(ValueError):
        sdp.fuse(hsi[0], msi, srf=srf, psf=psf, config=TINY)
    with pytest.raises(ValueError):
        sdp.fuse(hsi, msi, srf=srf[:, :5], psf=psf, config=TINY)


def test_smoothness_operator_is_gradient_of_squared_differences():
    a = torch.rand(1, 3, 9, 7, dtype=torch.float64, requires_grad=True)
    energy = 0.5 * ((a[..., :, 1:] - a[..., :, :-1]) ** 2).sum() + 0.5 * ((a[..., 1:, :] - a[..., :-1, :]) ** 2).sum()
    energy.backward()
    assert torch.allclose(sdp._grad_normal(a.detach()), a.grad)


def test_blend_target_averages_regression_and_cnmf():
    x, hsi, msi, psf, srf = _pair(2)
    cfg = dataclasses.replace(TINY, subspace_rank=4)
    parts = [sdp.warm_target(hsi, msi, psf, srf, RATIO, dataclasses.replace(cfg, init_target=k))
             for k in ("regression", "cnmf", "blend")]
    assert torch.allclose(parts[2], 0.5 * (parts[0] + parts[1]))
    assert sdp.warm_target(hsi, msi, psf, srf, RATIO, dataclasses.replace(cfg, init_target="cubic")) is None


def test_denoising_helps_with_noisy_inputs_and_rank_is_estimated():
    x = _scene(3)
    srf = operators.ikonos_like_srf(np.linspace(450, 900, C))
    psf = kernels.gauss9_psf(RATIO)
    hsi, msi = operators.simulate_pair(x.double(), RATIO, psf, srf, snr_lr=30.0, snr_hr=30.0,
                                       generator=torch.Generator().manual_seed(0))
    hsi, msi = hsi.float(), msi.float()
    err = lambda y: float(torch.mean((y - x)[..., 4:-4, 4:-4] ** 2))
    on, _ = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=TINY)
    off, _ = sdp.fuse(hsi, msi, srf=srf, psf=psf, config=dataclasses.replace(TINY, denoise=False))
    assert err(on) < 0.9 * err(off), (err(on), err(off))
    learned = sdp.learn([(hsi[0], msi[0])], RATIO, srf, psf, TINY)
    assert learned.msi_sigma.shape == (4,) and learned.hsi_sigma.shape == (C,)
    assert 3 <= learned.rank <= 6          # three endmembers (rank 3) plus what the noise lets through
    assert sdp.learn([(hsi[0], msi[0])], RATIO, srf, psf, dataclasses.replace(TINY, subspace_rank=5)).rank == 5
