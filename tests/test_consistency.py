"""Back-projection of a sharpened image onto the MS it came from."""
import numpy as np
import pytest
import torch

from fusediff.models.classical import lowpass_decimate
from fusediff.models.consistency import back_project


def _pair(phase, ratio=4, seed=0):
    rng = np.random.default_rng(seed)
    gt = rng.random((3, 64, 64)).astype(np.float32)
    ms = lowpass_decimate(gt, ratio, 0.3, phase).astype(np.float32)
    # a "network output" whose colours are off at low frequencies but whose detail is the truth's
    fused = gt * np.array([1.1, 0.9, 1.0], np.float32)[:, None, None] + 0.05
    return torch.from_numpy(fused)[None], torch.from_numpy(ms)[None], gt


@pytest.mark.parametrize("phase", [0.0, 1.5])
def test_back_projection_restores_consistency_and_accuracy(phase):
    fused, ms, gt = _pair(phase)

    def inconsistency(x):
        return float(np.abs(lowpass_decimate(x[0].numpy(), 4, 0.3, phase) - ms[0].numpy()).mean())

    out = back_project(fused, ms, 4, 0.3, phase, iterations=3)
    assert out.shape == fused.shape and out.dtype == fused.dtype
    assert inconsistency(out) < 0.2 * inconsistency(fused)
    err = lambda x: float(np.abs(x[0].numpy() - gt).mean())  # noqa: E731
    assert err(out) < 0.6 * err(fused)


def test_zero_passes_is_the_identity():
    fused, ms, _ = _pair(0.0)
    assert back_project(fused, ms, 4, 0.3, 0.0, iterations=0) is fused


@pytest.mark.parametrize("phase,ratio", [(0.0, 2), (1.5, 4)])
def test_low_res_passes_equal_literal_passes_inside(phase, ratio):
    """The low-res formulation gives the literal X <- X + U(MS - D X) passes, border aside."""
    from fusediff.models import kernels
    fused, ms, _ = _pair(phase, ratio=ratio, seed=2)
    x, y = fused[0].numpy(), ms[0].numpy()
    for _ in range(3):
        d = y - lowpass_decimate(x, ratio, 0.3, phase)[:, :y.shape[-2], :y.shape[-1]]
        x = x + kernels.upsample_np(d, ratio, phase)[:, :x.shape[-2], :x.shape[-1]]
    out = back_project(fused, ms, ratio, 0.3, phase, iterations=3)[0].numpy()
    b = 12 * ratio
    np.testing.assert_allclose(out[:, b:-b, b:-b], x[:, b:-b, b:-b], atol=1e-5)


def test_automatic_passes_skip_adapted_models():
    from types import SimpleNamespace

    from fusediff.models.consistency import AUTO_PASSES, consistency_passes
    auto, off, two = (SimpleNamespace(consistency=n) for n in (-1, 0, 2))
    assert consistency_passes(auto, {"adapted": False}) == AUTO_PASSES > 0
    assert consistency_passes(auto, {"adapted": True}) == 0
    assert consistency_passes(off, {"adapted": False}) == 0
    assert consistency_passes(two, {"adapted": True}) == 2
