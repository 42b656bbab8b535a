"""ARGS-Diff: networks learn to denoise, guidance fits the data, cancel, seeds (fast, synthetic scene)."""
import dataclasses

import numpy as np
import pytest
import torch

from fusediff.models import argsdiff, diffusion, kernels, operators
from fusediff.models.nets.spectral_fc import SpectralFC
from fusediff.models.nets.unet import UNet
from fusediff.models.progress import Cancelled


def _scene(C=24, H=32, ratio=4, seed=0):
    """A smooth synthetic HSI (3 endmembers, blob abundances) and its LR-HSI / MSI pair."""
    g = torch.Generator().manual_seed(seed)
    wl = torch.linspace(0, 1, C)
    ends = torch.stack([0.2 + 0.6 * wl, 0.8 - 0.5 * wl, 0.4 + 0.3 * torch.sin(6 * wl)])  # (3, C)
    yy, xx = torch.meshgrid(torch.arange(H, dtype=torch.float32), torch.arange(H, dtype=torch.float32),
                            indexing="ij")
    maps = []
    for _ in range(3):
        cy, cx = torch.rand(2, generator=g) * H
        maps.append(torch.exp(-((yy - cy) ** 2 + (xx - cx) ** 2) / (2 * (H / 4) ** 2))
                    + 0.2 * torch.sin(xx * (0.3 + torch.rand(1, generator=g))) ** 2)
    ab = torch.stack(maps)
    ab = ab / ab.sum(0, keepdim=True)
    gt = torch.einsum("khw,kc->chw", ab, ends)[None]
    srf = np.zeros((3, C))
    for i in range(3):
        srf[i, i * C // 3:(i + 1) * C // 3] = 1.0
    srf /= srf.sum(1, keepdims=True)
    psf = kernels.gauss9_psf(ratio)
    hsi, msi = operators.simulate_pair(gt.double(), ratio, psf, srf)
    return gt.float(), hsi.float(), msi.float(), srf, psf


def _tiny(**kw):
    base = dict(unet_width=8, unet_levels=2, spatial_iters=60, spatial_batch=4, patch=16,
                fc_hidden=(32, 64, 32), spectral_iters=60, spectral_batch=8, steps=12, seed=0)
    base.update(kw)
    return argsdiff.ARGSDiffConfig(**base)


def _denoise_mse(net, x0, sched, t, seed):
    g = torch.Generator().manual_seed(seed)
    noise = torch.randn(x0.shape, generator=g)
    tt = torch.full((x0.shape[0],), t, dtype=torch.long)
    xt = diffusion.q_sample(sched, x0, tt, noise)
    with torch.no_grad():
        x0_hat = diffusion.x0_from_eps(sched, xt, tt, net(xt, tt)).clamp(-1, 1)
    return float(((x0_hat - x0) ** 2).mean())


def test_networks_shapes_any_size():
    net = UNet(5, 3, width=8, mults=(1, 2, 2), blocks=1)
    out = net(torch.randn(2, 5, 23, 17), torch.tensor([3, 700]))
    assert out.shape == (2, 3, 23, 17)
    fc = SpectralFC(30, (16, 16))
    assert fc(torch.randn(2, 4, 30), torch.tensor([1, 2])).shape == (2, 4, 30)


def test_trained_networks_denoise_held_out_samples():
    torch.manual_seed(0)
    gt, hsi, msi, srf, psf = _scene(H=48)
    cfg = _tiny(spatial_iters=150, spectral_iters=300, unet_width=12, patch=16)
    sched = diffusion.make_schedule(cfg.schedule, cfg.train_steps)
    g = torch.Generator().manual_seed(0)
    # spatial: train on the left 32 columns, test on held-out patches from the right
    train_msi, test_msi = msi[..., :32], msi[..., 32:]
    spa = UNet(cfg.rank, cfg.rank, cfg.unet_width, (1, 2), 1)
    spa_untrained = UNet(cfg.rank, cfg.rank, cfg.unet_width, (1, 2), 1)
    spa_untrained.load_state_dict(spa.state_dict())
    argsdiff.train_network(spa, lambda: argsdiff._spatial_batch(train_msi, cfg, g), cfg.spatial_iters,
                           cfg.spatial_lr, sched, g, lambda f, m: None, "spatial")
    held = argsdiff._spatial_batch(test_msi, dataclasses.replace(cfg, spatial_batch=8), torch.Generator().manual_seed(5))
    # spectral: train on half of the LR pixels, test on the other half
    spectra = hsi[0].reshape(hsi.shape[1], -1).T
    spe = SpectralFC(hsi.shape[1], cfg.fc_hidden)
    spe_untrained = SpectralFC(hsi.shape[1], cfg.fc_hidden)
    spe_untrained.load_state_dict(spe.state_dict())
    argsdiff.train_network(spe, lambda: argsdiff._spectral_batch(spectra[::2], cfg, g), cfg.spectral_iters,
                           cfg.spectral_lr, sched, g, lambda f, m: None, "spectral")
    held_e = argsdiff._spectral_batch(spectra[1::2], cfg, torch.Generator().manual_seed(6))
    # noise levels sqrt(1 - abar) of 0.3 and 0.6: where the sampler uses the networks
    for t in (argsdiff.start_timestep(sched, 0.3), argsdiff.start_timestep(sched, 0.6)):
        assert _denoise_mse(spa, held, sched, t, 1) < 0.5 * _denoise_mse(spa_untrained, held, sched, t, 1)
        assert _denoise_mse(spe, held_e, sched, t, 2) < 0.5 * _denoise_mse(spe_untrained, held_e, sched, t, 2)


# the paper's sampler: from pure noise, exp schedule, constant guidance steps 0.05
FROM_NOISE = dict(init="noise", start=1.0, schedule="exp", rho1=0.05, rho2=0.05, steps=20)


def test_guidance_lowers_data_fit_from_noise_and_beats_unguided():
    gt, hsi, msi, srf, psf = _scene()
    z, info = argsdiff.fuse(hsi, msi, srf, psf, 4, _tiny(**FROM_NOISE, guidance="direct"), device="cpu")
    assert z.shape == gt.shape and float(z.min()) >= 0 and float(z.max()) <= 1
    fit = info["fit_loss"]
    assert fit[-1] < 0.3 * fit[0]
    _, info0 = argsdiff.fuse(hsi, msi, srf, psf, 4, _tiny(**FROM_NOISE, guidance="none", argm=False), device="cpu")
    assert fit[-1] < 0.5 * info0["fit_loss"][-1]


def test_default_starts_from_the_subspace_estimate_and_keeps_it():
    # the default reverse process starts from SDP's subspace estimate (factored as a x_3 e) and
    # refines it over a few low-noise steps: a user gets an image near that estimate's quality
    gt, hsi, msi, srf, psf = _scene()
    z, info = argsdiff.fuse(hsi, msi, srf, psf, 4, _tiny(), device="cpu")
    power = float(gt.pow(2).mean())
    init_err = float(((info["init_fused"] - gt) ** 2).mean()) / power
    err = float(((z - gt) ** 2).mean()) / power
    assert init_err < 1e-4
    assert err < 3e-4
    assert info["config"]["rank"] >= argsdiff.ARGSDiffConfig().rank


@pytest.mark.parametrize("guidance", ["network", "spectral"])
def test_guidance_through_networks_lowers_fit(guidance):
    # weaker bound: gradients through the networks vanish where the clamped x0 estimate saturates
    gt, hsi, msi, srf, psf = _scene()
    _, info = argsdiff.fuse(hsi, msi, srf, psf, 4, _tiny(**FROM_NOISE, guidance=guidance), device="cpu")
    assert info["fit_loss"][-1] < 0.8 * info["fit_loss"][0]


def test_cancel_stops_quickly():
    gt, hsi, msi, srf, psf = _scene()
    calls = []

    def progress(fraction, message):
        calls.append(fraction)
        if "sampling" in message:
            raise Cancelled()

    with pytest.raises(Cancelled):
        argsdiff.fuse(hsi, msi, srf, psf, 4, _tiny(), progress=progress, device="cpu")
    # it stopped at the first sampling report, after training reported progress
    assert len(calls) > 5 and max(calls) <= 1.0


def test_seed_repeatable_and_different_seeds_differ():
    gt, hsi, msi, srf, psf = _scene()
    cfg = _tiny(steps=8, spatial_iters=20, spectral_iters=20)
    a, _ = argsdiff.fuse(hsi, msi, srf, psf, 4, cfg, device="cpu")
    b, _ = argsdiff.fuse(hsi, msi, srf, psf, 4, cfg, device="cpu")
    c, _ = argsdiff.fuse(hsi, msi, srf, psf, 4, dataclasses.replace(cfg, seed=1), device="cpu")
    assert torch.equal(a, b)
    assert not torch.equal(a, c)


def test_blind_operators_when_not_given():
    gt, hsi, msi, srf, psf = _scene()
    z, info = argsdiff.fuse(hsi, msi, None, None, 4, _tiny(steps=6, spatial_iters=10, spectral_iters=10),
                            device="cpu")
    assert info["psf_estimated"] and info["srf_estimated"]
    assert info["srf"].shape == (3, hsi.shape[1]) and abs(info["psf"].sum() - 1) < 1e-4
    assert z.shape == gt.shape


def test_presets():
    from fusediff.models.config import with_preset
    paper = with_preset(argsdiff.ARGSDiffConfig, "paper")
    assert paper.steps == 500 and paper.guidance == "network" and paper.rank == 8
    assert argsdiff.ARGSDiffConfig().rank == 8
