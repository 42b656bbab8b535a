"""Tests of models/classical.py: synthetic unit tests and the issue's real-data bars."""
import subprocess
import sys

import numpy as np
import pytest

from conftest import PLUGINS, shared_data
from fusediff.models import classical as cl
from fusediff.models import kernels, metrics


def _smooth_ms(c=4, h=16, w=16, seed=0):
    """Smooth positive (c, h, w) image: a few low-frequency cosines per band."""
    rng = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w] / max(h, w)
    bands = []
    for _ in range(c):
        a, b, p = rng.uniform(0.3, 1.2, 3)
        bands.append(0.45 + 0.15 * np.cos(2 * np.pi * (a * yy + b * xx) * 0.5 + p))
    return np.stack(bands).astype(np.float32)


def _textured_scene(c=4, H=64, W=64, seed=0):
    """(c, H, W) scene with shared texture and band-dependent mixing, in [0, 1]."""
    rng = np.random.default_rng(seed)
    tex = kernels.blur_np(rng.random((3, H, W)), kernels.gaussian_psf(5, 1.0))
    mix = rng.uniform(0.2, 1.0, (c, 3))
    x = np.tensordot(mix, tex, axes=1)
    x = (x - x.min()) / (x.max() - x.min())
    return (0.1 + 0.8 * x).astype(np.float32)


@pytest.mark.parametrize("method", cl.METHODS)
@pytest.mark.parametrize("bands", [4, 30])
def test_shapes_and_dtype(method, bands):
    gt = _textured_scene(bands, 48, 48)
    ms = cl.degrade(gt, 3)
    if method == "cnmf":
        srf = np.full((1, bands), 1.0 / bands)
        out = cl.fuse(method, gt.mean(0, keepdims=True), ms, 3, srf=srf)
    else:
        out = cl.fuse(method, gt.mean(0, keepdims=True), ms, 3)
    assert out.shape == gt.shape and out.dtype == np.float32
    assert np.isfinite(out).all()


def test_methods_order_matches_qgis_enum():
    assert cl.METHODS == ("brovey", "gsa", "mtfglphpm", "cnmf")


@pytest.mark.parametrize("method", ["brovey", "gsa", "mtfglphpm"])
def test_pan_equal_to_intensity_reproduces_smooth_ms(method):
    ms = _smooth_ms()
    up = cl.upsample_baseline(ms, 4, method=cl.PANSHARP_INTERP)
    pan = up.mean(axis=0, keepdims=True)
    out = cl.fuse(method, pan, ms, 4)
    # no detail to inject: the result is the interpolated MS (interior: the
    # low-pass of the PAN meets the symmetric edges differently than the MS)
    assert np.abs(out - up)[:, 4:-4, 4:-4].max() < 5e-3


@pytest.mark.parametrize("method", ["gsa", "mtfglphpm"])
def test_injection_preserves_ms_at_low_resolution(method):
    gt = _textured_scene(4, 96, 96, seed=1)
    ms = cl.degrade(gt, 4)
    pan = gt.mean(axis=0, keepdims=True)
    out = cl.fuse(method, pan, ms, 4)
    up = cl.upsample_baseline(ms, 4, method=cl.PANSHARP_INTERP)
    b = 4
    detail = np.sqrt(((out - up)[:, b:-b, b:-b] ** 2).mean())
    back = cl.degrade(out, 4)
    lr_err = np.sqrt(((back - ms)[:, 1:-1, 1:-1] ** 2).mean())
    assert detail > 0.01            # something was injected
    assert lr_err < 0.1 * detail    # ... without changing the low-resolution content
    assert metrics.psnr(out, gt, border=b) > metrics.psnr(up, gt, border=b) + 3


def test_lowpass_decimate_matches_blur_then_decimate():
    x = _textured_scene(2, 40, 40)
    for phase, start in ((0.0, 0), (1.0, 1)):
        ref = kernels.blur_np(x, kernels.mtf_psf(4, 0.3, size=27))[:, start::4, start::4]
        got = cl.lowpass_decimate(x, 4, 0.3, phase)
        assert np.abs(got - ref)[:, 2:-2, 2:-2].max() < 1e-4
    # fractional phase: the same as a phase-0 blur by the shifted kernel
    k = cl._psf_at_phase(None, 4, 1.5)
    ref = kernels.blur_np(x, k)[:, ::4, ::4]
    got = cl.lowpass_decimate(x, 4, 0.3, 1.5)
    assert np.abs(got - ref)[:, 2:-2, 2:-2].max() < 1e-3


def test_wrong_phase_is_worse():
    gt = _textured_scene(4, 96, 96, seed=2)
    ms = cl.degrade(gt, 4, phase=1.5)   # LR pixels centred on the 4x4 blocks
    pan = gt.mean(axis=0, keepdims=True)
    for fn, margin in ((cl.mtf_glp_hpm, 3.0), (cl.gsa, 0.5), (cl.upsample_baseline, 0.5)):
        args = (ms, 4) if fn is cl.upsample_baseline else (pan, ms, 4)
        good = metrics.psnr(fn(*args, phase=1.5), gt, border=4)
        bad = metrics.psnr(fn(*args, phase=0.0), gt, border=4)
        assert good > bad + margin, fn.__name__


def _mixed_scene(seed=0, n=48, bands=40, m=4):
    """Linear mixture of m smooth spectra with blocky-smooth abundances."""
    rng = np.random.default_rng(seed)
    wl = np.linspace(0, 1, bands)
    E = np.stack([0.2 + 0.6 * np.abs(np.sin(3 * wl * (i + 1) + i)) for i in range(m)], 1)
    A = kernels.blur_np(rng.random((m, n, n)) ** 4, kernels.gaussian_psf(3, 0.7))
    A /= A.sum(axis=0, keepdims=True)
    return np.tensordot(E, A, axes=1).astype(np.float32)


def test_cnmf_synthetic_beats_bicubic_and_is_deterministic():
    gt = _mixed_scene()
    psf = kernels.gauss9_psf(4)
    hsi = cl.degrade(gt, 4, psf)
    srf = np.zeros((3, gt.shape[0]))
    for i, (a, b) in enumerate(((0, 14), (12, 28), (26, 40))):
        srf[i, a:b] = 1.0 / (b - a)
    msi = np.tensordot(srf, gt, axes=1)
    out = cl.cnmf(msi, hsi, 4, srf=srf, psf=psf)
    up = cl.upsample_baseline(hsi, 4)
    assert metrics.psnr(out, gt, border=4) > metrics.psnr(up, gt, border=4) + 5
    assert np.array_equal(out, cl.cnmf(msi, hsi, 4, srf=srf, psf=psf))
    # estimated spectral response (srf=None) still beats interpolation clearly
    est = cl.cnmf(msi, hsi, 4, psf=psf)
    assert metrics.psnr(est, gt, border=4) > metrics.psnr(up, gt, border=4) + 3


def test_progress_and_cancel():
    gt = _mixed_scene(n=32, bands=12)
    hsi = cl.degrade(gt, 4)
    msi = gt.mean(0, keepdims=True)
    seen = []
    cl.cnmf(msi, hsi, 4, srf=np.full((1, 12), 1 / 12), progress=lambda f, m: seen.append(f))
    assert seen and seen[-1] == 1.0 and all(0 <= f <= 1 for f in seen)

    class Stop(Exception):
        pass

    def cancel(f, m):
        if f > 0.1:
            raise Stop()
    with pytest.raises(Stop):
        cl.cnmf(msi, hsi, 4, srf=np.full((1, 12), 1 / 12), progress=cancel)


@pytest.mark.parametrize("bad", ["ratio", "size", "nan", "pan", "method", "srf"])
def test_bad_input(bad):
    ms = _smooth_ms(4, 8, 8)
    pan = np.ones((1, 32, 32), np.float32) * 0.5
    with pytest.raises(ValueError) as e:
        if bad == "ratio":
            cl.gsa(pan, ms, 1)
        elif bad == "size":
            cl.brovey(pan[:, :30], ms, 4)
        elif bad == "nan":
            ms[0, 0, 0] = np.nan
            cl.mtf_glp_hpm(pan, ms, 4)
        elif bad == "pan":
            cl.gsa(np.ones((2, 32, 32), np.float32), ms, 4)
        elif bad == "method":
            cl.fuse("ihs", pan, ms, 4)
        else:
            cl.cnmf(pan, ms, 4, srf=np.ones((2, 4)))
    assert str(e.value)


def test_works_without_torch():
    code = ("import sys; sys.modules['torch'] = None; sys.path.insert(0, %r)\n"
            "import numpy as np\n"
            "from fusediff.models import classical as cl\n"
            "ms = np.random.default_rng(0).random((4, 8, 8)).astype('float32')\n"
            "pan = np.random.default_rng(1).random((1, 32, 32)).astype('float32')\n"
            "for m in cl.METHODS: assert cl.fuse(m, pan, ms, 4).shape == (4, 32, 32)\n"
            "assert 'torch' not in [k for k, v in sys.modules.items() if v is not None]\n" % str(PLUGINS))
    subprocess.run([sys.executable, "-c", code], check=True)


# --------------------------------------------------------------------------
# real data: the bars of issue 2 (skip without ../shared/data)
# --------------------------------------------------------------------------

def _mp(name):
    shared_data("pansharpening", f"{name}_reduced_256.mat")
    from bench import datasets
    return datasets.mp_reduced(name)


def test_wv3_bars():
    c = _mp("wv3")
    args = (c["pan"], c["ms"], c["ratio"])
    g = metrics.reference_metrics(cl.gsa(*args, phase=c["phase"]), c["gt"], 4)
    assert g["psnr"] >= 32.0 and g["sam"] <= 5.81 and g["ergas"] <= 5.43 and g["q2n"] >= 0.81, g
    h = metrics.reference_metrics(cl.mtf_glp_hpm(*args, phase=c["phase"], gains="worldview3"), c["gt"], 4)
    assert h["sam"] <= 5.70 and h["ergas"] <= 6.90 and h["q2n"] >= 0.78, h
    n = cl.cnmf(*args, phase=c["phase"])  # PAN as a one-band MSI, SRF estimated
    assert metrics.psnr(n, c["gt"], border=4) >= 32.2
    b = metrics.psnr(cl.upsample_baseline(c["ms"], 4, c["phase"]), c["gt"], border=4)
    assert metrics.psnr(cl.brovey(*args, phase=c["phase"]), c["gt"], border=4) > b + 1


def test_pleiades_gsa_bars():
    c = _mp("pleiades")
    out = cl.gsa(c["pan"], c["ms"], c["ratio"], phase=c["phase"])
    r = {k: f(out, c["gt"], **kw) for k, f, kw in (
        ("psnr", metrics.psnr, {"border": 4}), ("sam", metrics.sam, {"border": 4}),
        ("ergas", metrics.ergas, {"ratio": 4, "border": 4}))}
    assert r["psnr"] >= 34.4 and r["sam"] <= 3.77 and r["ergas"] <= 2.73, r


@pytest.mark.parametrize("seed", [0, 1, 2, 3, 4])
def test_cnmf_jasper_beats_bicubic_by_3db(seed):
    shared_data("hsi", "jasper_ridge_r198.mat")
    pytest.importorskip("torch")  # the protocol's simulation uses the torch operators
    from bench import datasets
    c = datasets.hm_case("jasper", seed)
    out = cl.cnmf(c["msi"], c["hsi"], c["ratio"], srf=c["srf"], psf=c["psf"], seed=seed)
    bic = metrics.psnr(cl.upsample_baseline(c["hsi"], 4), c["gt"], border=4)
    assert metrics.psnr(out, c["gt"], border=4) >= bic + 3.0


def test_hpm_stays_bounded_on_a_dark_uncorrelated_band():
    # HSI-like input: one dark band (water vapour) unrelated to the PAN; the
    # mean/std equalisation alone would drive the HPM denominator to ~0
    gt = _textured_scene(6, 64, 64, seed=3)
    rng = np.random.default_rng(3)
    noise = kernels.blur_np(rng.random((64, 64)), kernels.gaussian_psf(7, 2.0))
    noise = (noise - noise.min()) / (noise.max() - noise.min())
    gt[5] = 0.002 + 0.03 * noise ** 3   # std comparable to the mean
    ms = cl.degrade(gt, 4)
    pan = gt[:5].mean(axis=0, keepdims=True)
    out = cl.mtf_glp_hpm(pan, ms, 4)
    assert np.isfinite(out).all()
    assert np.abs(out[5]).max() < 3 * ms[5].max()
    assert metrics.ergas(out, gt, 4, border=4) < metrics.ergas(cl.upsample_baseline(ms, 4), gt, 4, border=4)
