"""The CPU-side device guard (tests/device_guard.py) over every diffusion method's learn/prepare and
fuse on small inputs, for a CUDA and an Apple MPS target; and proof that it catches the old DM-ZS
``torch.eye(3, dtype=s.dtype)`` line (no GPU needed)."""
from __future__ import annotations

import dataclasses
import textwrap

import numpy as np
import pytest
import torch

from device_guard import DeviceGuard
from fusediff.models import argsdiff, dmzs, kernels, ksdiff, operators, respandiff, sdp

TARGETS = ("cuda", "mps")


def _hsi_scene(C=12, H=32, ratio=4, high_bands=3, seed=0):
    """A small smooth HSI cube, its LR-HSI and a `high_bands`-band high-resolution image."""
    g = torch.Generator().manual_seed(seed)
    ab = torch.rand(1, 3, H // 4, H // 4, generator=g)
    ab = torch.nn.functional.interpolate(ab, size=(H, H), mode="bilinear", align_corners=False)
    spectra = torch.rand(C, 3, generator=g) * 0.8 + 0.1
    x = torch.einsum("ck,bkhw->bchw", spectra, ab).double() / 1.2
    srf = np.zeros((high_bands, C))
    for i in range(high_bands):
        srf[i, i * C // high_bands:(i + 1) * C // high_bands] = 1.0
    srf /= srf.sum(1, keepdims=True)
    psf = kernels.gauss9_psf(ratio)
    hsi, high = operators.simulate_pair(x, ratio, psf, srf)
    return hsi.float(), high.float(), srf, psf


def _pan_pair(bands=4, H=32, ratio=4, seed=0):
    hsi, pan, _, _ = _hsi_scene(C=bands, H=H, ratio=ratio, high_bands=1, seed=seed)
    return hsi, pan


def run_respandiff(ms, pan, device="cpu"):
    cfg = respandiff.ResPanDiffConfig(steps=2, adapt_iters=2, adapt_batch=1, adapt_patch=16, consistency=1)
    state = respandiff.prepare([(ms, pan)], 4, None, cfg, device=device)
    return respandiff.fuse_prepared(state, ms, pan, 4, cfg)


def run_ksdiff(ms, pan, device="cpu"):
    cfg = ksdiff.KSDiffConfig(steps=2, adapt_iters=2, adapt_batch=1, adapt_patch=16, consistency=1)
    state = ksdiff.prepare([(ms, pan)], 4, None, cfg, device=device)
    return ksdiff.fuse_prepared(state, ms, pan, 4, cfg)


SDP_TINY = sdp.SDPConfig(layers=2, width=32, train_iters=4, batch_size=16, steps=2, inner_steps=1, threads=1)


def run_sdp(hsi, msi, srf, psf, device="cpu"):
    learned = sdp.learn([(hsi[0], msi[0])], 4, srf, psf, SDP_TINY, device=device)
    return sdp.fuse_tile(learned, hsi, msi)[0]


def run_sdp_blind(hsi, msi, srf, psf, device="cpu"):
    """SDP with the PSF/SRF estimated (blind), through its `fuse` entry point."""
    return sdp.fuse(hsi, msi, config=dataclasses.replace(SDP_TINY, blind_iterations=1), device=device)[0]


def run_argsdiff(hsi, msi, srf, psf, device="cpu"):
    cfg = argsdiff.ARGSDiffConfig(unet_width=8, unet_levels=2, spatial_iters=2, spatial_batch=2, patch=16,
                                  fc_hidden=(16, 16), spectral_iters=2, spectral_batch=4, steps=3, seed=0)
    learned = argsdiff.learn([(hsi[0], msi[0])], 4, srf, psf, cfg, device=device)
    return argsdiff.fuse_tile(learned, hsi, msi)[0]


def _tiny_prior():
    from fusediff.models.nets.sr3_unet import SR3Config, SR3UNet
    torch.manual_seed(0)
    return SR3UNet(SR3Config(inner_channel=8, norm_groups=4, channel_mults=(1, 2), attn_res=(), res_blocks=1,
                             image_size=32)).eval().requires_grad_(False)


def run_dmzs(hsi, pan, srf, psf, prior, device="cpu"):
    cfg = dmzs.DMZSConfig(steps=3, guide_iters=3, guide_width=8, guide_layers=3, nssd_first_iters=3,
                          nssd_final_iters=2, rank=3, nssd_width=8, nssd_start=0.5)
    learned = dmzs.learn([(hsi, pan)], 4, srf=srf, psf=psf, prior=prior, config=cfg, device=device)
    return dmzs.fuse_tile(learned, hsi, pan)[0]


# method -> (its inputs, made outside the guard; the run)
METHODS = {
    "respandiff": (lambda: _pan_pair(), run_respandiff),
    "ksdiff": (lambda: _pan_pair(), run_ksdiff),
    "sdp": (lambda: _hsi_scene(), run_sdp),
    "sdp_blind": (lambda: _hsi_scene(), run_sdp_blind),
    "argsdiff": (lambda: _hsi_scene(), run_argsdiff),
    "dmzs": (lambda: _hsi_scene(C=8, high_bands=1) + (_tiny_prior(),), run_dmzs),
}


def guarded(method: str, target: str) -> tuple[torch.Tensor, DeviceGuard]:
    make, run = METHODS[method]
    inputs = make()
    with DeviceGuard(target) as guard:
        out = run(*inputs)
    return out, guard


@pytest.mark.parametrize("target", TARGETS)
@pytest.mark.parametrize("method", sorted(METHODS))
def test_method_creates_every_tensor_on_its_inputs_device(method, target):
    out, guard = guarded(method, target)
    assert torch.isfinite(out).all()
    assert not guard.violations, f"{method} on {target}:\n{guard.report()}"


# --- the guard itself -------------------------------------------------------------------------
def test_guard_catches_the_old_dmzs_eye_line(monkeypatch):
    """The old `FixedMap.__init__` line `torch.eye(3, dtype=s.dtype)` (no device) is reported as
    no-device at dmzs.py; the fixed line is not."""
    import inspect

    source = inspect.getsource(dmzs.FixedMap.__init__)
    fixed = "torch.eye(3, dtype=s.dtype, device=s.device)"
    assert fixed in source, "the guard test expects the fixed FixedMap line; update it with the code"
    old_source = source.replace(fixed, "torch.eye(3, dtype=s.dtype)")
    namespace = dict(vars(dmzs))
    code = compile("\n" * (inspect.getsourcelines(dmzs.FixedMap.__init__)[1] - 1)
                   + textwrap.dedent(old_source), dmzs.__file__, "exec")  # same file:line as the old code
    exec(code, namespace)
    monkeypatch.setattr(dmzs.FixedMap, "__init__", namespace["__init__"])
    _, guard = guarded("dmzs", "cuda")
    kinds = {(kind, site.split(":")[0]) for kind, site in guard.violations}
    assert ("no-device", "models/dmzs.py") in kinds, guard.report()


def test_guard_reports_mixed_devices_numpy_and_float64_on_mps():
    from fusediff.models.device import float64_device

    def sloppy(x):
        y = x + torch.from_numpy(np.ones(x.shape, dtype=np.float32))   # host tensor never moved
        return y.numpy(), x.double().sum()                              # numpy of device; f64 on mps

    def careful(x):
        y = x + torch.from_numpy(np.ones(x.shape, dtype=np.float32)).to(x.device)
        s = x.to(float64_device(x.device), torch.float64).sum().to(x.device, torch.float32)
        return y.cpu().numpy(), s

    x = torch.rand(2, 3)
    # the guard attributes to fusediff/models files only: run the functions as if defined there
    for fn in (sloppy, careful):
        fn.__code__ = fn.__code__.replace(co_filename=operators.__file__)
    with DeviceGuard("mps") as guard:
        sloppy(x)
    assert {kind for kind, _ in guard.violations} == {"mixed", "numpy", "float64"}, guard.report()
    with DeviceGuard("mps") as guard:
        careful(x)
    assert not guard.violations, guard.report()
    with DeviceGuard("cuda") as guard:
        sloppy(x)
    assert {kind for kind, _ in guard.violations} == {"mixed", "numpy"}, guard.report()
