"""Tests for models/metrics.py: hand-computed values, invariants, independent
re-computations (brute-force SSIM windows, Hamilton quaternions for Q4),
monotonic behaviour under degradation, border handling, no-reference metrics.
"""
import math

import numpy as np
import pytest

from fusediff.models import kernels
from fusediff.models import metrics as M


def _smooth_random(shape, seed=0, sigma=1.5):
    """Textured test image in roughly [0.1, 0.9] (C, H, W)."""
    rng = np.random.default_rng(seed)
    a = rng.random(shape)
    a = kernels.blur_np(a, kernels.gaussian_psf(7, sigma))
    a = (a - a.min()) / (a.max() - a.min())
    return 0.1 + 0.8 * a


# --------------------------------------------------------------------------
# hand-computed values
# --------------------------------------------------------------------------

def test_psnr_rmse_constant_offset():
    ref = _smooth_random((2, 20, 20))
    x = ref.copy()
    x[0] += 0.1   # MSE 1e-2 -> 20 dB
    x[1] -= 0.01  # MSE 1e-4 -> 40 dB
    assert M.psnr(x, ref) == pytest.approx(30.0, abs=1e-9)
    assert M.rmse(x, ref) == pytest.approx(math.sqrt((0.01 + 0.0001) / 2), rel=1e-12)
    # peak scales PSNR by 20 log10(peak)
    assert M.psnr(x, ref, peak=2.0) == pytest.approx(30.0 + 20 * math.log10(2.0), abs=1e-9)


def test_sam_known_angles():
    ref = np.zeros((3, 2, 2))
    x = np.zeros((3, 2, 2))
    ref[:, 0, 0], x[:, 0, 0] = (1, 1, 0), (1, 0, 0)      # 45 deg
    ref[:, 0, 1], x[:, 0, 1] = (0, 1, 0), (0, 0, 2)      # 90 deg
    ref[:, 1, 0], x[:, 1, 0] = (1, 2, 3), (2, 4, 6)      # 0 deg (scaled)
    ref[:, 1, 1], x[:, 1, 1] = (0, 0, 0), (1, 2, 3)      # zero norm: skipped
    assert M.sam(x, ref) == pytest.approx((45 + 90 + 0) / 3, abs=1e-9)
    # symmetric in its arguments
    assert M.sam(ref, x) == pytest.approx(M.sam(x, ref), abs=1e-12)
    # all pixels skipped -> NaN
    assert math.isnan(M.sam(np.zeros((3, 2, 2)), ref))


def test_ergas_known_scaling():
    ref = np.stack([np.full((8, 8), 0.2), np.full((8, 8), 0.5), np.full((8, 8), 0.9)])
    # 10 % relative error in every band -> 100/ratio * 0.1
    assert M.ergas(1.1 * ref, ref, ratio=4) == pytest.approx(2.5, rel=1e-12)
    assert M.ergas(0.9 * ref, ref, ratio=2) == pytest.approx(5.0, rel=1e-12)
    # non-constant bands: RMSE_b^2 / mean_b^2 = 0.01 * E[r^2] / E[r]^2
    r2 = _smooth_random((2, 16, 16), seed=3)
    expect = 100 / 4 * math.sqrt(np.mean([0.01 * np.mean(b ** 2) / np.mean(b) ** 2 for b in r2]))
    assert M.ergas(1.1 * r2, r2, ratio=4) == pytest.approx(expect, rel=1e-12)


def test_ssim_constant_images():
    a, b = 0.3, 0.5
    x = np.full((1, 16, 16), a)
    y = np.full((1, 16, 16), b)
    c1 = (0.01 * 1.0) ** 2
    expect = (2 * a * b + c1) / (a * a + b * b + c1)  # the (co)variance term is C2/C2 = 1
    assert M.ssim(x, y) == pytest.approx(expect, rel=1e-12)


def _ssim_bruteforce(x, y, data_range=1.0):
    """SSIM averaged over every 11x11 window position, one window at a time."""
    k = np.arange(11) - 5.0
    g = np.exp(-k ** 2 / (2 * 1.5 ** 2))
    w = np.outer(g, g)
    w /= w.sum()
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    vals = []
    for band in range(x.shape[0]):
        s = []
        for i in range(x.shape[1] - 10):
            for j in range(x.shape[2] - 10):
                px = x[band, i:i + 11, j:j + 11]
                py = y[band, i:i + 11, j:j + 11]
                mx, my = np.sum(w * px), np.sum(w * py)
                vx = np.sum(w * (px - mx) ** 2)
                vy = np.sum(w * (py - my) ** 2)
                cxy = np.sum(w * (px - mx) * (py - my))
                s.append((2 * mx * my + c1) * (2 * cxy + c2) / ((mx ** 2 + my ** 2 + c1) * (vx + vy + c2)))
        vals.append(np.mean(s))
    return float(np.mean(vals))


def test_ssim_matches_bruteforce_windows():
    ref = _smooth_random((2, 15, 17), seed=1)
    rng = np.random.default_rng(2)
    x = np.clip(ref + 0.05 * rng.standard_normal(ref.shape), 0, 1)
    assert M.ssim(x, ref) == pytest.approx(_ssim_bruteforce(x, ref), abs=1e-12)
    assert M.ssim(x, ref, data_range=2.0) == pytest.approx(_ssim_bruteforce(x, ref, 2.0), abs=1e-12)


def test_ssim_matches_skimage_if_available():
    metrics = pytest.importorskip("skimage.metrics")
    ref = _smooth_random((3, 40, 36), seed=4)
    rng = np.random.default_rng(5)
    x = np.clip(ref + 0.05 * rng.standard_normal(ref.shape), 0, 1)
    sk = np.mean([metrics.structural_similarity(x[b], ref[b], gaussian_weights=True, sigma=1.5,
                                                use_sample_covariance=False, data_range=1.0)
                  for b in range(3)])
    assert M.ssim(x, ref) == pytest.approx(sk, abs=1e-10)


def test_uiqi_hand_value_and_degenerate_cases():
    a = np.array([1.0, 2.0, 3.0, 4.0])
    # mu 2.5/5, var 1.25/5, cov 2.5: correlation 1, contrast 0.8, luminance 0.8
    assert M.uiqi(a, 2 * a) == pytest.approx(0.64, rel=1e-12)
    assert M.uiqi(a, a) == pytest.approx(1.0)
    assert M.uiqi(np.full(4, 2.0), np.full(4, 2.0)) == 1.0
    assert M.uiqi(np.full(4, 1.0), np.full(4, 3.0)) == pytest.approx(2 * 3 / 10)
    assert M.uiqi(np.zeros(4), np.zeros(4)) == 1.0


# --------------------------------------------------------------------------
# invariants, monotonicity, border
# --------------------------------------------------------------------------

def test_identical_images():
    ref = _smooth_random((8, 48, 48), seed=6)
    m = M.reference_metrics(ref, ref, ratio=4)
    assert set(m) == {"psnr", "ssim", "sam", "ergas", "rmse", "q2n", "scc"}
    assert m["psnr"] == math.inf
    assert m["ssim"] == pytest.approx(1.0, abs=1e-12)
    assert m["sam"] == pytest.approx(0.0, abs=1e-5)
    assert m["ergas"] == 0.0 and m["rmse"] == 0.0
    assert m["q2n"] == pytest.approx(1.0, abs=1e-9)
    assert m["scc"] == pytest.approx(1.0, abs=1e-12)
    for c in (1, 3, 4, 5):  # padding to powers of two keeps Q = 1
        assert M.q2n(ref[:c], ref[:c], block=16, shift=16) == pytest.approx(1.0, abs=1e-9)


def test_monotonic_under_degradation():
    ref = _smooth_random((4, 64, 64), seed=7)
    noise = np.random.default_rng(8).standard_normal(ref.shape)
    res = [M.reference_metrics(ref + s * noise, ref, ratio=4) for s in (0.005, 0.02, 0.05, 0.15)]
    for worse, better in zip(res[1:], res[:-1]):
        for key in ("psnr", "ssim", "q2n", "scc"):
            assert worse[key] < better[key], key
        for key in ("sam", "ergas", "rmse"):
            assert worse[key] > better[key], key
    # blurring too: Q and SCC fall as the blur widens
    blurred = [kernels.blur_np(ref, kernels.gaussian_psf(9, s)) for s in (0.5, 1.0, 2.0)]
    q = [M.q2n(b, ref, border=4) for b in blurred]
    c = [M.scc(b, ref, border=4) for b in blurred]
    assert q[0] > q[1] > q[2] and c[0] > c[1] > c[2]


def test_border_handling():
    ref = _smooth_random((4, 40, 40), seed=9)
    x = ref.copy()
    x[:, :4, :] += 0.3
    x[:, :, -4:] -= 0.2  # only a 4-pixel frame differs
    assert math.isfinite(M.psnr(x, ref))
    assert M.psnr(x, ref, border=4) == math.inf
    assert M.ssim(x, ref, border=4) == pytest.approx(1.0)
    assert M.q2n(x, ref, border=4) == pytest.approx(1.0)
    assert M.sam(x, ref, border=4) == pytest.approx(0.0, abs=1e-5)
    m = M.reference_metrics(x, ref, ratio=4)  # border defaults to ratio
    assert m["rmse"] == 0.0 and m["ergas"] == 0.0
    assert M.reference_metrics(x, ref, ratio=4, border=0)["rmse"] > 0
    with pytest.raises(ValueError):
        M.psnr(x, ref, border=20)
    with pytest.raises(ValueError):
        M.psnr(x[:3], ref)


def test_scc_invariants():
    ref = _smooth_random((3, 32, 32), seed=10)
    assert M.scc(2.0 * ref + 0.1, ref) == pytest.approx(1.0, abs=1e-12)  # Laplacian drops offsets
    assert M.scc(1.0 - ref, ref) == pytest.approx(-1.0, abs=1e-12)
    assert math.isnan(M.scc(np.full((1, 8, 8), 0.5), np.full((1, 8, 8), 0.5)))


# --------------------------------------------------------------------------
# Q2n against independent quaternion arithmetic
# --------------------------------------------------------------------------

def _hamilton(p, q):
    a1, b1, c1, d1 = p
    a2, b2, c2, d2 = q
    return np.stack([a1 * a2 - b1 * b2 - c1 * c2 - d1 * d2,
                     a1 * b2 + b1 * a2 + c1 * d2 - d1 * c2,
                     a1 * c2 - b1 * d2 + c1 * a2 + d1 * b2,
                     a1 * d2 + b1 * c2 - c1 * b2 + d1 * a2])


def _qconj(q):
    return q * np.array([1.0, -1.0, -1.0, -1.0]).reshape((4,) + (1,) * (q.ndim - 1))


def _q4_one_block(x, ref):
    """Q4 of one 4-band block with Hamilton quaternions (Alparone et al. 2004),
    on the data normalised as the toolbox does (reference block's per-band
    mean and sample std, (v - mean)/std + 1)."""
    s = ref.mean(axis=(1, 2), keepdims=True)
    t = ref.std(axis=(1, 2), ddof=1, keepdims=True)
    z1 = ((ref - s) / t + 1).reshape(4, -1)
    z2 = ((x - s) / t + 1).reshape(4, -1)
    n = z1.shape[1]
    m1, m2 = z1.mean(axis=1), z2.mean(axis=1)
    var1 = np.sum((z1 - m1[:, None]) ** 2) / (n - 1)
    var2 = np.sum((z2 - m2[:, None]) ** 2) / (n - 1)
    cov = (_hamilton(z1, _qconj(z2)).sum(axis=1) - n * _hamilton(m1, _qconj(m2))) / (n - 1)
    mod_cov = np.linalg.norm(cov)
    n1, n2 = np.linalg.norm(m1), np.linalg.norm(m2)
    return (mod_cov / math.sqrt(var1 * var2)) * (2 * math.sqrt(var1 * var2) / (var1 + var2)) \
        * (2 * n1 * n2 / (n1 ** 2 + n2 ** 2))


def test_hypercomplex_product_conventions():
    rng = np.random.default_rng(11)
    p, q = rng.standard_normal((2, 4, 6))
    h = _hamilton(p, q)
    got = M.hypercomplex_mult(p, q)
    # the toolbox's recursion: Hamilton's product with the k component negated
    np.testing.assert_allclose(got[:3], h[:3], atol=1e-12)
    np.testing.assert_allclose(got[3], -h[3], atol=1e-12)
    p2, q2 = rng.standard_normal((2, 2, 5))
    np.testing.assert_allclose(M.hypercomplex_mult(p2, q2)[0] + 1j * M.hypercomplex_mult(p2, q2)[1],
                               (p2[0] + 1j * p2[1]) * (q2[0] + 1j * q2[1]), atol=1e-12)
    # octonions form a composition algebra: |pq| = |p||q|
    p8, q8 = rng.standard_normal((2, 8, 7))
    np.testing.assert_allclose(np.linalg.norm(M.hypercomplex_mult(p8, q8), axis=0),
                               np.linalg.norm(p8, axis=0) * np.linalg.norm(q8, axis=0), rtol=1e-12)


def test_q4_matches_quaternion_implementation():
    ref = _smooth_random((4, 32, 32), seed=12)
    rng = np.random.default_rng(13)
    x = 0.9 * ref + 0.03 + 0.04 * rng.standard_normal(ref.shape)
    x[2] = 0.7 * x[2] + 0.2 * ref[0]  # some spectral distortion
    one = M.q2n(x[:, :16, :16], ref[:, :16, :16], block=16, shift=16)
    assert one == pytest.approx(_q4_one_block(x[:, :16, :16], ref[:, :16, :16]), abs=1e-12)
    # four blocks: mean of the blocks' values
    expect = np.mean([_q4_one_block(x[:, i:i + 16, j:j + 16], ref[:, i:i + 16, j:j + 16])
                      for i in (0, 16) for j in (0, 16)])
    assert M.q2n(x, ref, block=16, shift=16) == pytest.approx(expect, abs=1e-12)
    # overlapping blocks (shift < block): blocks start every 8 px, the last
    # ones run past the edge into the mirrored extension
    xp = np.pad(x, ((0, 0), (0, 8), (0, 8)), mode="symmetric")
    rp = np.pad(ref, ((0, 0), (0, 8), (0, 8)), mode="symmetric")
    expect = np.mean([_q4_one_block(xp[:, i:i + 16, j:j + 16], rp[:, i:i + 16, j:j + 16])
                      for i in range(0, 32, 8) for j in range(0, 32, 8)])
    assert M.q2n(x, ref, block=16, shift=8) == pytest.approx(expect, abs=1e-12)


def test_q4_constant_bias_closed_form():
    ref = _smooth_random((4, 16, 16), seed=14)
    bias = np.array([0.05, -0.02, 0.1, 0.0])
    x = ref + bias[:, None, None]
    t = ref.std(axis=(1, 2), ddof=1)
    m1 = np.ones(4)             # normalised reference means
    m2 = 1 + bias / t           # normalised fused means
    expect = 2 * np.linalg.norm(m1) * np.linalg.norm(m2) / (m1 @ m1 + m2 @ m2)
    assert M.q2n(x, ref, block=16, shift=16) == pytest.approx(expect, abs=1e-12)
    assert expect < 1


def test_q2n_single_band_is_uiqi_of_normalised_block():
    ref = _smooth_random((1, 16, 16), seed=15)
    x = 0.8 * ref + 0.1 + 0.02 * np.random.default_rng(16).standard_normal(ref.shape)
    s, t = ref.mean(), ref.std(ddof=1)
    expect = abs(float(M.uiqi(((ref - s) / t + 1).ravel(), ((x - s) / t + 1).ravel())))
    assert M.q2n(x, ref, block=16, shift=16) == pytest.approx(expect, abs=1e-12)


def test_q2n_mirror_padding_for_partial_blocks():
    ref = _smooth_random((4, 20, 24), seed=17)
    x = ref + 0.03 * np.random.default_rng(18).standard_normal(ref.shape)
    xp = np.pad(x, ((0, 0), (0, 12), (0, 8)), mode="symmetric")
    rp = np.pad(ref, ((0, 0), (0, 12), (0, 8)), mode="symmetric")
    expect = np.mean([_q4_one_block(xp[:, i:i + 16, j:j + 16], rp[:, i:i + 16, j:j + 16])
                      for i in (0, 16) for j in (0, 16)])
    assert M.q2n(x, ref, block=16, shift=16) == pytest.approx(expect, abs=1e-12)


# --------------------------------------------------------------------------
# no-reference metrics
# --------------------------------------------------------------------------

def test_lowpass_decimate_follows_kernels_and_grid():
    x = _smooth_random((3, 24, 24), seed=19)
    gains = [0.3, 0.25, 0.35]
    ref = kernels.decimate_np(kernels.blur_np(x, kernels.mtf_psfs(4, gains)), 4)
    np.testing.assert_allclose(M._lowpass_decimate(x, 4, gains, phase=0.0), ref, atol=1e-12)
    # integer phase: same filter, sampling starts at that pixel
    blurred = kernels.blur_np(x, kernels.mtf_psfs(3, gains))
    np.testing.assert_allclose(M._lowpass_decimate(x, 3, gains, phase=1.0), blurred[:, 1::3, 1::3], atol=1e-12)
    # half-pixel phase: a linear ramp is sampled at ratio*i + phase (away from the edges)
    ramp = np.tile(np.arange(32.0), (1, 32, 1))
    low = M._lowpass_decimate(ramp, 4, 0.3, phase=1.5)
    np.testing.assert_allclose(low[0, 2, 2:5], 4 * np.arange(2, 5) + 1.5, atol=1e-9)


def test_noref_perfect_cases():
    ratio = 4
    ms = _smooth_random((4, 16, 16), seed=20)
    pan_lr = ms.mean(axis=0)
    # piecewise-constant images: UIQI over r*b blocks equals UIQI over b blocks
    fused = np.kron(ms, np.ones((1, ratio, ratio)))
    pan = np.kron(pan_lr, np.ones((ratio, ratio)))
    assert M.d_lambda(fused, ms) == pytest.approx(0.0, abs=1e-12)
    assert M.d_s(fused, ms, pan, ratio, pan_filter="average") == pytest.approx(0.0, abs=1e-12)
    assert M.qnr(fused, ms, pan, ratio, pan_filter="average") == pytest.approx(1.0, abs=1e-12)
    # Khan: an MS that is exactly the MTF-filtered, decimated fused image
    hr = _smooth_random((4, 64, 64), seed=21)
    gains = [0.3, 0.28, 0.32, 0.25]
    ms2 = kernels.decimate_np(kernels.blur_np(hr, kernels.mtf_psfs(ratio, gains)), ratio)
    pan2 = hr.mean(axis=0)
    assert M.d_lambda_khan(hr, ms2, ratio, gains) == pytest.approx(0.0, abs=1e-9)
    m = M.noref_metrics(hr, ms2, pan2, ratio, gains=gains)
    assert set(m) == {"d_lambda", "d_s", "qnr", "hqnr", "d_lambda_khan"}
    assert m["hqnr"] == pytest.approx(1.0 - m["d_s"], abs=1e-9)
    assert m["qnr"] == pytest.approx((1 - m["d_lambda"]) * (1 - m["d_s"]), abs=1e-12)
    assert m["hqnr"] == pytest.approx(M.hqnr(hr, ms2, pan2, ratio, gains=gains), abs=1e-12)


def test_noref_detect_distortions():
    ratio = 4
    hr = _smooth_random((4, 64, 64), seed=22)
    ms = kernels.decimate_np(kernels.blur_np(hr, kernels.mtf_psfs(ratio, 0.3)), ratio)
    pan = hr.mean(axis=0)
    good = M.noref_metrics(hr, ms, pan, ratio)
    # spectral distortion: bands mixed -> D_lambda and Khan's D_lambda grow
    mixed = hr.copy()
    mixed[0] = 0.5 * hr[0] + 0.5 * hr[3]
    mixed[1] = hr[1][::-1]
    bad = M.noref_metrics(mixed, ms, pan, ratio)
    assert bad["d_lambda"] > good["d_lambda"] + 0.01
    assert bad["d_lambda_khan"] > good["d_lambda_khan"] + 0.05
    assert bad["qnr"] < good["qnr"] and bad["hqnr"] < good["hqnr"]
    # spatial distortion: details that do not follow the PAN -> D_s grows
    ds_good = M.d_s(hr, ms, pan, ratio)
    rng = np.random.default_rng(23)
    assert M.d_s(hr + 0.1 * rng.standard_normal(hr.shape), ms, pan, ratio) > ds_good + 0.05
    assert M.d_s(np.roll(hr, 3, axis=2), ms, pan, ratio) > ds_good + 0.05  # misregistered
    for v in good.values():
        assert 0.0 <= v <= 1.0


def test_noref_bad_shapes():
    ms = np.zeros((4, 8, 8))
    with pytest.raises(ValueError):
        M.d_lambda(np.zeros((4, 30, 32)), ms)  # not ratio * h
    with pytest.raises(ValueError):
        M.d_lambda(np.zeros((3, 32, 32)), ms)  # band count
    with pytest.raises(ValueError):
        M.d_s(np.zeros((4, 32, 32)), ms, np.zeros((2, 32, 32)), 4)  # two-band PAN
