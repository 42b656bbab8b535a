"""ResPanDiff: residual chain, loss, training, weights I/O and the fuse entry point (fast)."""
import json
import math

import numpy as np
import pytest
import torch

from fusediff.models import respandiff as R
from fusediff.models.nets.respandiff_net import ResPanDiffNet, haar

pytestmark = pytest.mark.usefixtures("one_thread")


def _toy_pair(bands=4, size=32, ratio=4, seed=0):
    """A smooth random scene: pan (1, H, W), ms (C, H/r, W/r) in [0, 1]."""
    g = torch.Generator().manual_seed(seed)
    base = torch.rand(1, bands, size // 4, size // 4, generator=g)
    hr = torch.nn.functional.interpolate(base, size=(size, size), mode="bilinear", align_corners=False)
    pan = hr.mean(dim=1, keepdim=True)
    ms = R.operators.downsample(hr, R.kernels.mtf_psf(ratio, 0.3), ratio)
    return pan[0].numpy(), ms[0].numpy(), hr[0].numpy()


def test_schedule_ends_and_steps():
    s = R.ResidualSchedule(T=15)
    assert float(s.abar[0]) == 0.0 and float(s.abar[-1]) == 1.0
    assert torch.all(s.alpha[1:] > 0)
    assert math.isclose(float(s.alpha[1:].sum()), 1.0, abs_tol=1e-12)
    assert s.timesteps(15) == list(range(15, 0, -1))
    assert s.timesteps(5)[0] == 15 and s.timesteps(5)[-1] == 1


def test_posterior_matches_gaussian_conditioning():
    """q(e_{t-1} | e_t, e0) from the chain's joint Gaussian equals the closed form.

    Given e0, the chain is e_t = e_{t-1} - alpha_t e0 + kappa sqrt(alpha_t) z, so
    (e_{t-1}, e_t) is jointly Gaussian with means m_s = (1 - abar_s) e0,
    var(e_s) = kappa^2 abar_s, cov(e_{t-1}, e_t) = kappa^2 abar_{t-1}. Conditioning
    gives the mean and variance that `posterior` must return.
    """
    kappa = 1.3
    s = R.ResidualSchedule(T=15, kappa=kappa)
    e0 = torch.tensor([0.2, -0.5, 1.1], dtype=torch.float64)
    e_t = torch.tensor([0.7, 0.1, -2.0], dtype=torch.float64)
    for t in (1, 2, 7, 15):
        ap, at = float(s.abar[t - 1]), float(s.abar[t])
        m_prev, m_t = (1 - ap) * e0, (1 - at) * e0
        var_prev, var_t, cov = kappa ** 2 * ap, kappa ** 2 * at, kappa ** 2 * ap
        mean_ref = m_prev + cov / var_t * (e_t - m_t)
        var_ref = var_prev - cov ** 2 / var_t
        mean, var = s.posterior(e_t, e0, t)
        assert torch.allclose(mean, mean_ref, atol=1e-12)
        assert math.isclose(float(var), var_ref, abs_tol=1e-12)
        # and the stated form
        alpha = float(s.alpha[t])
        assert torch.allclose(mean, ap / at * e_t + alpha / at * e0, atol=1e-12)
        assert math.isclose(float(var), kappa ** 2 * ap / at * alpha, abs_tol=1e-12)
    # the last step returns e0 exactly
    mean, var = s.posterior(e_t, e0, 1)
    assert torch.allclose(mean, e0) and float(var) == 0.0


def test_q_sample_marginal_moments():
    s = R.ResidualSchedule()
    e0 = torch.full((200000,), 0.4, dtype=torch.float64)
    g = torch.Generator().manual_seed(0)
    t = 6
    e_t = s.q_sample(e0, t, torch.randn(e0.shape, generator=g, dtype=torch.float64))
    assert abs(float(e_t.mean()) - (1 - float(s.abar[t])) * 0.4) < 0.01
    assert abs(float(e_t.var()) - float(s.abar[t])) < 0.01


def test_res_loss_continuous_and_smooth_at_one():
    h = torch.tensor([1 - 1e-7, 1 + 1e-7], dtype=torch.float64, requires_grad=True)
    v = R.res_loss(h)
    assert abs(float((v[0] - v[1]).detach())) < 1e-6
    v.sum().backward()
    assert abs(float(h.grad[0] - h.grad[1])) < 1e-5
    assert float(R.res_loss(torch.zeros(1))) == 0.0


def test_haar_is_orthonormal():
    x = torch.randn(2, 3, 8, 6)
    y = haar(x)
    assert y.shape == (2, 12, 4, 3)
    assert torch.allclose((y ** 2).sum(), (x ** 2).sum(), rtol=1e-5)


def test_training_loss_falls():
    """A few dozen AdamW steps on a tiny net lower the loss on a fixed batch (fixed t and noise)."""
    pan, ms, _ = _toy_pair(bands=3, size=32, ratio=2)
    trip = R.triple_from_pair(pan, ms, 2)
    sched = R.ResidualSchedule()
    sampler = R.PatchSampler([trip], patch=16, batch=8, seed=1)
    batch = sampler()

    def fixed_loss(net):
        with torch.no_grad():
            return float(R.training_loss(net, sched, *batch, generator=torch.Generator().manual_seed(5))[1])

    torch.manual_seed(0)
    net = ResPanDiffNet(3, width=8, width0=4)
    for p in net.parameters():  # leave the zero-initialised start: make the net's output depend on its input
        if p.dim() > 1:
            torch.nn.init.normal_(p, std=0.1)
    before = fixed_loss(net)
    cfg = R.TrainConfig(iterations=30, batch=4, patch=16, lr=3e-3, warmup=0, val_every=0, seed=0)
    net, hist = R.train(None, 2, cfg, weights=net, triples=[trip])
    after = fixed_loss(net)
    assert len(hist["loss"]) == 30
    assert after < 0.7 * before, (before, after)


def test_weights_round_trip_and_card(tmp_path):
    net = ResPanDiffNet(4, width=8, width0=4)
    for p in net.parameters():
        torch.nn.init.normal_(p, std=0.05)
    path = R.save_weights(tmp_path / "w.pt", net, {"ratio": 4, "band_order": R.BAND_ORDER, "iterations": 3,
                                                   "validation": {"sam": 1.0}})
    card = json.loads(path.with_suffix(".json").read_text())
    assert card["bands"] == 4 and card["ratio"] == 4 and card["iterations"] == 3
    net2, meta = R.load_weights(path, bands=4, ratio=4)
    x = torch.rand(1, 4, 16, 16)
    p = torch.rand(1, 1, 16, 16)
    with torch.no_grad():
        assert torch.equal(net.eval()(x, p, x, torch.tensor([5])), net2(x, p, x, torch.tensor([5])))
    assert meta["band_order"] == R.BAND_ORDER


def test_mismatched_weights_give_plain_errors(tmp_path):
    path = R.save_weights(tmp_path / "w.pt", ResPanDiffNet(4, width=8, width0=4), {"ratio": 4})
    with pytest.raises(ValueError, match="expect 4 MS bands but the input has 8"):
        R.load_weights(path, bands=8)
    with pytest.raises(ValueError, match="ratio of 4 but the input's ratio is 2"):
        R.load_weights(path, bands=4, ratio=2)
    ms = torch.rand(1, 8, 8, 8)
    pan = torch.rand(1, 1, 32, 32)
    with pytest.raises(ValueError, match="MS_BANDS"):
        R.fuse(ms, pan, 4, weights=path)
    bad = tmp_path / "bad.pt"
    bad.write_bytes(b"not a weights file")
    with pytest.raises(ValueError, match="could not be read"):
        R.load_weights(bad)


def test_fuse_shapes_steps_and_seed(tmp_path):
    net = ResPanDiffNet(4, width=8, width0=4)
    pan, ms, _ = _toy_pair(bands=4, size=36, ratio=4)  # 36: not a multiple of the U-Net's 4
    ms_t, pan_t = torch.from_numpy(ms)[None], torch.from_numpy(pan)[None]
    calls = []
    out = R.fuse(ms_t, pan_t, 4, weights=(net, {"bands": 4, "ratio": 4}),
                 config=R.ResPanDiffConfig(steps=15, consistency=0), progress=lambda f, m: calls.append(f))
    assert out.shape == (1, 4, 36, 36) and torch.isfinite(out).all()
    assert len(calls) >= 15
    # the untrained net predicts e0 = 0: the result is the upsampled MS
    lms = R.operators.upsample(ms_t, 4)
    assert torch.allclose(out, lms.clamp(min=0), atol=1e-6)
    # the consistency passes pull it towards an image whose low-pass gives back the MS
    cons = R.fuse(ms_t, pan_t, 4, weights=(net, {}), config=R.ResPanDiffConfig(steps=15, consistency=3))
    from fusediff.models.classical import lowpass_decimate

    def gap(x):
        return float(np.abs(lowpass_decimate(x[0].numpy(), 4, 0.3) - ms).mean())

    assert gap(cons) < 0.5 * gap(out)
    out5 = R.fuse(ms_t, pan_t, 4, weights=(net, {}), config=R.ResPanDiffConfig(steps=5))
    assert out5.shape == out.shape
    # tiled sampling agrees with whole-image sampling away from tile seams' blending
    tiled = R.fuse(ms_t, pan_t, 4, weights=(net, {}), config=R.ResPanDiffConfig(tile=24, overlap=8, consistency=0))
    assert torch.allclose(tiled, out, atol=1e-5)
    # the sampler draws noise: with a net that predicts something, the same seed repeats the
    # result exactly and another seed changes it
    torch.manual_seed(0)
    with torch.no_grad():
        for p in net.parameters():
            p.normal_(0.0, 0.05)

    def sample(seed):
        return R.fuse(ms_t, pan_t, 4, weights=(net, {}), config=R.ResPanDiffConfig(steps=3, consistency=0, seed=seed))

    a = sample(0)
    assert not torch.allclose(a, lms.clamp(min=0), atol=1e-4)
    assert torch.equal(a, sample(0))
    assert not torch.allclose(a, sample(1), atol=1e-6)


def test_cancel_stops_fuse():
    net = ResPanDiffNet(4, width=8, width0=4)
    pan, ms, _ = _toy_pair()

    def cancel(f, m):
        raise R.Cancelled()

    with pytest.raises(R.Cancelled):
        R.fuse(torch.from_numpy(ms)[None], torch.from_numpy(pan)[None], 4, weights=(net, {}), progress=cancel)


def test_adaptation_fits_a_new_band_count():
    """8-band input with 4-band weights: adaptation fits a fresh net and gives an 8-band result."""
    pan, ms, gt = _toy_pair(bands=8, size=64, ratio=4, seed=3)
    cfg = R.ResPanDiffConfig(adapt_iters=30, adapt_batch=4, adapt_patch=16, adapt_lr=3e-3, width=8, width0=4)
    small = ResPanDiffNet(4, width=8, width0=4)
    out, info = R.fuse(torch.from_numpy(ms)[None], torch.from_numpy(pan)[None], 4,
                       weights=(small, {"bands": 4, "ratio": 4}), config=cfg, return_info=True)
    assert out.shape == (1, 8, 64, 64) and info["adapted"] and info["fresh"]


def test_wald_degrade_phase_zero_matches_operators():
    pan, ms, _ = _toy_pair(bands=3, size=32, ratio=2)
    pl, ml = R.wald_degrade(pan, ms, 2, 0.3, 0.15, 0.0)
    assert pl.shape == (1, 16, 16) and ml.shape == (3, 8, 8)
    ref = R.kernels.decimate_np(R.kernels.blur_np(ms, R.kernels.mtf_psf(2, 0.3)), 2)
    assert np.allclose(ml, ref, atol=1e-5)
