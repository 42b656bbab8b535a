"""Noise estimation and Wiener filters of models/denoise.py on synthetic images with known noise."""
import math

import pytest
import torch

from fusediff.models import denoise


def _scene(c=4, size=96, seed=0):
    """A textured multiband image in [0.1, 0.7]: shared smooth structure plus band-specific shading."""
    g = torch.Generator().manual_seed(seed)
    base = torch.randn(1, 1, size, size, generator=g, dtype=torch.float64)
    k = torch.exp(-torch.arange(-6, 7, dtype=torch.float64) ** 2 / (2 * 2.0 ** 2))
    k = (k[:, None] * k[None, :] / k.sum() ** 2)[None, None]
    smooth = torch.nn.functional.conv2d(torch.nn.functional.pad(base, (6,) * 4, mode="reflect"), k)[0, 0]
    smooth = (smooth - smooth.min()) / (smooth.max() - smooth.min())
    yy, xx = torch.meshgrid(torch.linspace(0, 1, size, dtype=torch.float64),
                            torch.linspace(0, 1, size, dtype=torch.float64), indexing="ij")
    bands = [0.1 + 0.4 * smooth * (0.6 + 0.1 * b) + 0.1 * (xx if b % 2 else yy) for b in range(c)]
    return torch.stack(bands)


def _psnr(a, b):
    return float(-10 * torch.log10(torch.mean((a - b) ** 2)))


SIGMA = torch.tensor([0.004, 0.006, 0.008, 0.012], dtype=torch.float64)


def _noisy(seed=1):
    clean = _scene()
    g = torch.Generator().manual_seed(seed)
    return clean, clean + SIGMA[:, None, None] * torch.randn(clean.shape, generator=g, dtype=torch.float64)


def test_noise_sigma_recovers_known_noise():
    _, noisy = _noisy()
    est = denoise.noise_sigma(noisy)
    assert est.shape == (4,)
    assert torch.all((est / SIGMA - 1).abs() < 0.2), est


def test_noise_sigma_ignores_invalid_fill():
    _, noisy = _noisy()
    filled = noisy.clone()
    filled[:, :20, :] = 0.0                       # nodata border: perfectly flat
    valid = torch.ones(filled.shape[-2:], dtype=torch.bool)
    valid[:20, :] = False
    est = denoise.noise_sigma(filled, valid)
    assert torch.all((est / SIGMA - 1).abs() < 0.25), est


def test_wiener_removes_noise_and_keeps_clean_images():
    clean, noisy = _noisy()
    out = denoise.wiener_multiband(noisy, SIGMA)
    assert out.shape == noisy.shape and out.dtype == noisy.dtype
    assert _psnr(out, clean) > _psnr(noisy, clean) + 3.0
    # the image mean passes unchanged; zero noise leaves the image as it is
    assert torch.allclose(out.mean((1, 2)), noisy.mean((1, 2)), atol=1e-9)
    assert torch.allclose(denoise.wiener_multiband(noisy, torch.zeros(4)), noisy)


def test_wiener_diagonal_covariance_equals_std_vector():
    _, noisy = _noisy()
    a = denoise.wiener_multiband(noisy, SIGMA)
    b = denoise.wiener_multiband(noisy, torch.diag(SIGMA ** 2))
    assert torch.allclose(a, b, atol=1e-10)
    with pytest.raises(ValueError):
        denoise.wiener_multiband(noisy, SIGMA[:3])


def test_band_regression_sigma_and_subspace_wiener_on_a_low_rank_cube():
    g = torch.Generator().manual_seed(3)
    C, h = 60, 24
    wl = torch.linspace(0, 1, C, dtype=torch.float64)
    spectra = torch.stack([0.2 + 0.3 * torch.sin(math.pi * (k + 1) * wl / 2) ** 2 for k in range(3)])  # (3, C)
    ab = torch.softmax(3 * _scene(3, h, seed=4).reshape(3, -1) * 4, 0)                           # (3, N)
    clean = (spectra.T @ ab).reshape(C, h, h)
    sigma = torch.full((C,), 0.005, dtype=torch.float64)
    noisy = clean + sigma[:, None, None] * torch.randn(clean.shape, generator=g, dtype=torch.float64)
    est = denoise.band_regression_sigma(noisy)
    assert est.shape == (C,)
    assert 0.8 < float(est.median() / 0.005) < 1.4
    out = denoise.subspace_wiener(noisy[None], est, rank=6)
    assert out.shape == (1, C, h, h)
    assert _psnr(out[0], clean) > _psnr(noisy, clean) + 0.5


def test_zero_noise_leaves_cubes_unchanged_and_two_band_scenes_work():
    from fusediff.models import scene
    cube = _scene(6, 16)[None]
    assert torch.equal(denoise.subspace_wiener(cube, torch.zeros(6)), cube)
    assert torch.equal(denoise.wiener_multiband(cube[0], torch.zeros(6, 6)), cube[0])
    # a 2-band low-resolution input: no spectral noise estimate, nothing removed, no error
    low = _scene(2, 8)[None].float()
    high = _scene(3, 32)[None].float()
    hs, ls = scene.noise_sigmas([scene.Window(low, high)], 4)
    assert hs.shape == (3,) and ls.tolist() == [0.0, 0.0]
    [w] = scene.denoised([scene.Window(low, high)], hs, ls)
    assert torch.equal(w.low, low) and w.high.shape == high.shape
