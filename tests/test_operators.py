"""Degradation operators: kernels (NumPy) and operators (torch) agree and
behave as BENCHMARK.md defines them."""
import math

import numpy as np
import pytest
import torch

from fusediff.models import kernels, operators


def test_gauss9_matches_benchmark_definition():
    k = kernels.gauss9_psf(4)
    assert k.shape == (9, 9)
    assert k.sum() == pytest.approx(1.0)
    sigma = math.sqrt(16 / (8 * math.log(2)))
    assert sigma == pytest.approx(1.699, abs=1e-3)
    # ratio of centre to a neighbour follows the Gaussian with that sigma
    assert k[4, 4] / k[4, 5] == pytest.approx(math.exp(1 / (2 * sigma ** 2)))


@pytest.mark.parametrize("ratio,gain", [(2, 0.3), (4, 0.3), (4, 0.15), (3, 0.25)])
def test_mtf_psf_has_requested_gain_at_nyquist(ratio, gain):
    k = kernels.mtf_psf(ratio, gain, size=61)
    row = k.sum(axis=0)  # 1-D profile of the separable kernel
    n = np.arange(row.size) - row.size // 2
    f = 1.0 / (2 * ratio)
    response = float(np.sum(row * np.cos(2 * np.pi * f * n)))
    assert response == pytest.approx(gain, abs=2e-3)


def test_sensor_gain_table_covers_usual_sensors():
    for s in ["WorldView-2", "worldview3", "QuickBird", "IKONOS", "GeoEye-1", "Pleiades", "Landsat7",
              "landsat8", "Sentinel2"]:
        g = kernels.sensor_gains(s, 4)
        assert g.shape == (4,) and np.all((g > 0) & (g < 1))
    with pytest.raises(ValueError):
        kernels.sensor_gains("nosuchsat", 4)


def test_blur_numpy_and_torch_agree_and_preserve_constants():
    rng = np.random.default_rng(0)
    x = rng.random((3, 17, 22))
    for k in (kernels.gauss9_psf(4), kernels.mtf_psfs(4, [0.2, 0.3, 0.35]), rng.random((5, 5))):
        k = k / k.sum(axis=(-2, -1), keepdims=True)
        a = kernels.blur_np(x, k)
        b = operators.blur(torch.tensor(x)[None], k)[0].numpy()
        np.testing.assert_allclose(a, b, atol=1e-12)
    c = np.full((2, 9, 9), 0.7)
    np.testing.assert_allclose(kernels.blur_np(c, kernels.gauss9_psf(4)), 0.7, atol=1e-12)


def test_symmetric_padding_repeats_the_edge():
    x = torch.arange(4.0).reshape(1, 1, 1, 4)
    p = operators.pad_symmetric(x, 0, 2)
    assert p.flatten().tolist() == [1, 0, 0, 1, 2, 3, 3, 2]
    # larger than the image still works (kernel wider than a tiny tile)
    p = operators.pad_symmetric(x, 0, 6)
    assert p.shape[-1] == 16


def test_symmetric_padding_gradient_and_vjp():
    # the padding has its own backward (edge strips folded back onto the image)
    x = torch.rand(1, 2, 9, 7, dtype=torch.float64, requires_grad=True)
    assert torch.autograd.gradcheck(lambda t: operators.pad_symmetric(t, 4, 3), (x,))
    g = torch.rand(1, 2, 17, 13, dtype=torch.float64)
    (ref,) = torch.autograd.grad(operators.pad_symmetric(x, 4, 3), x, g)
    _, vjp = torch.func.vjp(lambda t: operators.pad_symmetric(t, 4, 3), x.detach())
    np.testing.assert_allclose(vjp(g)[0].numpy(), ref.numpy(), atol=1e-14)


@pytest.mark.parametrize("shape,ratio,k", [((17, 22), 4, 9), ((30, 45), 3, 7), ((33, 33), 2, 5)])
def test_downsample_equals_blur_then_decimate(shape, ratio, k):
    # evaluated only at the kept pixels (strided), in torch and NumPy
    rng = np.random.default_rng(1)
    x = rng.random((3, *shape))
    for psf in (rng.random((k, k)), rng.random((3, k, k))):
        full = kernels.blur_np(x, psf)
        for start in range(ratio):
            torch_out = operators.downsample(torch.tensor(x)[None], psf, ratio, start)[0].numpy()
            np.testing.assert_allclose(torch_out, full[:, start::ratio, start::ratio], atol=1e-12)
            np.testing.assert_allclose(kernels.blur_decimate_np(x, psf, ratio, start),
                                       full[:, start::ratio, start::ratio], atol=1e-12)


def test_decimation_follows_the_grid_convention():
    x = torch.arange(64.0).reshape(1, 1, 8, 8)
    d = operators.decimate(x, 4)
    assert d.flatten().tolist() == [0, 4, 32, 36]


@pytest.mark.parametrize("phase", [0.0, 1.5])
@pytest.mark.parametrize("method", ["cubic", "lanczos3"])
def test_upsample_numpy_torch_agree_and_interpolate_ramps(phase, method):
    rng = np.random.default_rng(1)
    x = rng.random((2, 9, 11))
    a = kernels.upsample_np(x, 4, phase, method)
    b = operators.upsample(torch.tensor(x)[None], 4, phase, method)[0].numpy()
    assert a.shape == (2, 36, 44)
    np.testing.assert_allclose(a, b, atol=1e-12)
    # a linear ramp is reproduced (exactly by cubic) away from the edges, at the right phase
    h = np.arange(12, dtype=float)
    ramp = np.broadcast_to(h[:, None], (12, 12))[None]
    up = kernels.upsample_np(ramp, 4, phase, method)
    rows = (np.arange(48) - phase) / 4.0
    np.testing.assert_allclose(up[0, 12:36, 20], rows[12:36], atol=1e-9 if method == "cubic" else 0.02)


def test_upsample_is_differentiable():
    x = torch.rand(1, 2, 5, 5, requires_grad=True)
    operators.upsample(x, 2).sum().backward()
    assert x.grad is not None and torch.isfinite(x.grad).all()


@pytest.mark.parametrize("ratio,phase", [(2, 0.0), (2, 0.5), (3, 1.0), (4, 1.5)])
def test_upsample_in_place_path_equals_autograd_path(ratio, phase):
    x = torch.rand(1, 3, 7, 9, dtype=torch.float64, requires_grad=True)
    with_grad = operators.upsample(x, ratio, phase)
    with torch.no_grad():
        fast = operators.upsample(x, ratio, phase)
    assert with_grad.requires_grad and not fast.requires_grad
    assert torch.allclose(fast, with_grad, atol=1e-12)


def test_apply_srf_and_noise_snr():
    x = torch.rand(2, 5, 16, 16, dtype=torch.float64) + 0.5
    srf = torch.rand(3, 5, dtype=torch.float64)
    y = operators.apply_srf(x, srf)
    assert torch.allclose(y[0, :, 3, 4], srf @ x[0, :, 3, 4])
    g = torch.Generator().manual_seed(0)
    big = torch.rand(1, 3, 256, 256, dtype=torch.float64) + 0.5
    n = operators.noise_for_snr(big, 35.0, g)
    snr = 10 * torch.log10(big.pow(2).mean(dim=(-2, -1)) / n.pow(2).mean(dim=(-2, -1)))
    assert torch.allclose(snr, torch.full_like(snr, 35.0), atol=0.1)
    assert abs(float(n.mean())) < 1e-3 * float(n.std()) * 100


def test_simulate_pair_is_the_benchmark_hm_protocol():
    g = torch.Generator().manual_seed(3)
    ref = torch.rand(1, 10, 32, 32, dtype=torch.float64)
    wl = np.linspace(400, 900, 10)
    srf = operators.ikonos_like_srf(wl)
    assert np.allclose(srf.sum(axis=1), 1.0)
    lo, hi = operators.simulate_pair(ref, 4, kernels.gauss9_psf(4), srf)
    assert lo.shape == (1, 10, 8, 8) and hi.shape == (1, 4, 32, 32)
    expect = kernels.decimate_np(kernels.blur_np(ref[0].numpy(), kernels.gauss9_psf(4)), 4)
    np.testing.assert_allclose(lo[0].numpy(), expect, atol=1e-12)
    lo_n, hi_n = operators.simulate_pair(ref, 4, kernels.gauss9_psf(4), srf, 35, 35, g)
    assert not torch.allclose(lo_n, lo) and not torch.allclose(hi_n, hi)


def test_pan_srf_selects_450_900():
    wl = np.array([400, 450, 600, 900, 950.0])
    r = operators.pan_srf(wl)
    np.testing.assert_allclose(r, [[0, 1 / 3, 1 / 3, 1 / 3, 0]])


def test_simulate_mtf_uses_per_band_gains():
    ref = torch.rand(1, 4, 32, 32, dtype=torch.float64)
    lo, pan_lo = operators.simulate_mtf(ref, 2, [0.3, 0.3, 0.2, 0.2], pan=ref[:, :1], pan_gain=0.15)
    assert lo.shape == (1, 4, 16, 16) and pan_lo.shape == (1, 1, 16, 16)


def test_operators_run_on_any_device_and_dtype():
    dev = "cuda" if torch.cuda.is_available() else "cpu"
    x = torch.rand(1, 3, 16, 16, device=dev)
    y = operators.downsample(x, kernels.gauss9_psf(4), 4)
    assert y.device.type == dev and y.dtype == torch.float32 and y.shape == (1, 3, 4, 4)
