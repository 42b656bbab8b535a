"""KSDiff: Tucker kernel modulation, PLFE, the latent sampler, both training stages, weights I/O
and the fuse entry point (fast, tiny models)."""
import json

import numpy as np
import pytest
import torch

from fusediff.models import ksdiff as K
from fusediff.models.nets import ksdiff_net as N

pytestmark = pytest.mark.usefixtures("one_thread")


def _toy_triples(n=2, bands=4, size=32, ratio=4, seed=0):
    """(gt, lms, pan) triples of a smooth random scene with a sharp PAN-visible edge."""
    from fusediff.models import respandiff as R
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        base = torch.rand(1, bands, size // 4, size // 4, generator=torch.Generator().manual_seed(int(rng.integers(1e6))))
        hr = torch.nn.functional.interpolate(base, size=(size, size), mode="bilinear", align_corners=False)
        hr[..., : size // 2] *= 0.6
        pan = hr.mean(dim=1)
        out.append(R.triple_from_pair(pan.numpy(), hr[0, :, ::ratio, ::ratio].numpy(), ratio))
    return out


def test_tucker_matches_the_mode_products():
    g = torch.Generator().manual_seed(0)
    core = torch.randn(2, 4, 4, 2, 2, generator=g, dtype=torch.float64)
    us = [torch.randn(2, n, r, generator=g, dtype=torch.float64) for n, r in ((6, 4), (5, 4), (3, 2), (3, 2))]
    w = N.tucker(core, us)
    assert w.shape == (2, 6, 5, 3, 3)
    # reference: successive mode-n products with explicit loops over one sample
    b = 1
    ref = torch.zeros(6, 5, 3, 3, dtype=torch.float64)
    for i in range(6):
        for j in range(5):
            for k in range(3):
                for l in range(3):
                    ref[i, j, k, l] = torch.einsum("pqrs,p,q,r,s->", core[b], us[0][b, i], us[1][b, j],
                                                   us[2][b, k], us[3][b, l])
    assert torch.allclose(w[b], ref)


def test_modulator_starts_as_identity_and_has_gradients():
    mod = N.TuckerModulator(8, 6, 3, zdim=16, fdim=5)
    z = torch.randn(2, 8, 16)
    feats = torch.randn(2, 5, 20, 20)
    w = mod(z, feats)
    assert w.shape == (2, 8, 6, 3, 3)
    assert torch.allclose(w, torch.ones_like(w))  # zero-initialised core: plain kernels at the start
    with torch.no_grad():
        mod.core[-1].weight.normal_(0, 0.1)
    w = mod(z, feats)
    assert not torch.allclose(w[0], w[1])  # per-sample kernels
    w.pow(2).sum().backward()
    assert mod.core[0].weight.grad.abs().sum() > 0
    assert all(q.grad is not None and q.grad.abs().sum() > 0 for q in mod.queries)  # factor heads learn
    assert mod.backbone[0].weight.grad.abs().sum() > 0


def test_modulated_conv_equals_per_sample_convs():
    conv = N.ModulatedConv2d(3, 4, 3)
    x = torch.randn(2, 3, 9, 9)
    mod = 1 + 0.3 * torch.randn(2, 4, 3, 3, 3)
    out = conv(x, mod)
    for b in range(2):
        ref = torch.nn.functional.conv2d(x[b:b + 1], conv.conv.weight * mod[b], conv.conv.bias, padding=1)
        assert torch.allclose(out[b:b + 1], ref, atol=1e-5)


def test_pansharpener_and_encoders_shapes_any_size():
    net = N.PanNeXtU(4, width=8, zdim=16)
    plfe1, plfe2 = N.PLFE(4, 8, 16, guided=True), N.PLFE(4, 4, 16, guided=False)
    for h, w in ((32, 32), (30, 26)):
        pan, lms, gt = torch.rand(2, 1, h, w), torch.rand(2, 4, h, w), torch.rand(2, 4, h, w)
        z1, z2 = plfe1(pan, lms, gt), plfe2(pan, lms)
        assert z1.shape == z2.shape == (2, plfe1.tokens, 16)
        out = net(pan, lms, z2)
        assert out.shape == (2, 4, h, w)
        assert torch.allclose(out, lms)  # zero-initialised head: the untrained net returns the LMS
    with pytest.raises(ValueError, match="ground truth"):
        plfe1(pan, lms)


def test_latent_sampler_is_seeded_and_differentiable():
    model = K.KSDiffModel(4, width=8, zdim=16, plfe_width=8)
    pan, lms = torch.rand(1, 1, 16, 16), torch.rand(1, 4, 16, 16)
    z1 = model.sample_z(pan, lms, 3, torch.Generator().manual_seed(1))
    z2 = model.sample_z(pan, lms, 3, torch.Generator().manual_seed(1))
    assert torch.equal(z1, z2) and z1.shape == (1, model.plfe2.tokens, 16)
    z1.sum().backward()
    assert model.denoiser.out.weight.grad.abs().sum() > 0
    assert model.plfe2.to_z.weight.grad.abs().sum() > 0


def test_stage1_and_stage2_losses_fall():
    triples = _toy_triples()
    cfg = K.TrainConfig(iterations=60, iterations2=60, batch=4, patch=16, width=8, zdim=16, plfe_width=8,
                        lr=3e-3, lr2=2e-3, warmup=5, val_every=0, latent_steps=2)
    model, hist = K.train(None, 4, cfg, triples=triples)
    s1 = hist["stage1"]
    assert len(s1) == 60 and np.mean(s1[-10:]) < 0.9 * np.mean(s1[:10])
    l_diff = [d for d, _ in hist["stage2"]]
    assert len(l_diff) == 60 and np.mean(l_diff[-10:]) < 0.8 * np.mean(l_diff[:10])


def test_plain_ablation_has_no_latent_parts():
    triples = _toy_triples(1)
    cfg = K.TrainConfig(iterations=5, iterations2=5, batch=2, patch=16, width=8, modulate=False, val_every=0)
    model, hist = K.train(None, 4, cfg, triples=triples)
    assert not hasattr(model, "plfe2") and len(hist["stage2"]) == 0
    out = model(torch.rand(1, 1, 16, 16), torch.rand(1, 4, 16, 16))
    assert out.shape == (1, 4, 16, 16)


def test_weights_round_trip_and_mismatch_errors(tmp_path):
    model = K.KSDiffModel(3, width=8, zdim=16, plfe_width=8)
    with torch.no_grad():
        for p in model.parameters():
            p.add_(0.01 * torch.randn_like(p))
    path = K.save_weights(tmp_path / "w.pt", model, {"ratio": 4, "band_order": ["a", "b", "c"]})
    card = json.loads(path.with_suffix(".json").read_text())
    assert card["method"] == "KSDiff" and card["bands"] == 3 and card["ratio"] == 4
    assert card["inference_parameters"] < sum(card["parameters"].values())  # PLFE1 is training-only
    loaded, meta = K.load_weights(path, bands=3, ratio=4)
    pan, lms = torch.rand(1, 1, 16, 16), torch.rand(1, 3, 16, 16)
    a = model.eval()(pan, lms, 2, torch.Generator().manual_seed(0))
    b = loaded(pan, lms, 2, torch.Generator().manual_seed(0))
    assert torch.equal(a, b)
    with pytest.raises(ValueError, match="expect 3 MS bands"):
        K.load_weights(path, bands=4)
    with pytest.raises(ValueError, match="ratio of 4"):
        K.load_weights(path, ratio=2)
    bad = tmp_path / "bad.pt"
    torch.save({"format": "something else"}, bad)
    with pytest.raises(ValueError, match="not a KSDiff weights file"):
        K.load_weights(bad)


def test_fuse_tiles_adapts_and_checks_inputs():
    hr = torch.nn.functional.interpolate(torch.rand(1, 3, 12, 12, generator=torch.Generator().manual_seed(3)),
                                         size=(48, 48), mode="bilinear", align_corners=False)
    ms = hr[..., ::4, ::4].contiguous()
    pan_t = hr.mean(dim=1, keepdim=True)
    model = K.KSDiffModel(3, width=8, zdim=16, plfe_width=8).eval()
    whole = K.fuse(ms, pan_t, 4, weights=(model, {"bands": 3}), config=K.KSDiffConfig(steps=2, tile=512))
    tiled = K.fuse(ms, pan_t, 4, weights=(model, {"bands": 3}), config=K.KSDiffConfig(steps=2, tile=32, overlap=8))
    assert whole.shape == tiled.shape == (1, 3, 48, 48)
    # the untrained model returns the LMS whatever the code: tiling must not change it
    assert torch.allclose(whole, tiled, atol=1e-5)
    with pytest.raises(ValueError, match="not 4 times"):
        K.fuse(ms, pan_t[..., :40, :40], 4, weights=(model, {"bands": 3}))
    with pytest.raises(ValueError, match="expect 4 MS bands"):
        K.fuse(ms, pan_t, 4, weights=(model, {"bands": 4}))
    cfg = K.KSDiffConfig(steps=2, adapt_iters=6, adapt_batch=2, adapt_patch=8, width=8)
    out, info = K.fuse(ms, pan_t, 4, weights=(model, {"bands": 4}), config=cfg, return_info=True)
    assert info["fresh"] and info["adapted"] and out.shape == (1, 3, 48, 48) and torch.isfinite(out).all()


def test_model_fitted_from_scratch_refines_mtf_glp_hpm():
    """A new band count gets a fresh model whose input and residual base is MTF-GLP-HPM (the zero-
    initialised heads make an almost untrained one return that image), not the upsampled MS."""
    from fusediff.models import classical, operators
    hr = torch.nn.functional.interpolate(torch.rand(1, 5, 12, 12, generator=torch.Generator().manual_seed(4)),
                                         size=(48, 48), mode="bilinear", align_corners=False)
    hr[..., :, 20:] *= 0.5  # a sharp edge only the PAN resolves
    ms = hr[..., ::4, ::4].contiguous()
    pan = hr.mean(dim=1, keepdim=True)
    hpm = torch.from_numpy(classical.mtf_glp_hpm(pan[0].numpy(), ms[0].numpy(), 4))[None]
    lms = operators.upsample(ms, 4)
    # one iteration at a negligible rate: the fitted model is still its initial state
    cfg = K.KSDiffConfig(steps=2, adapt_iters=1, adapt_lr=1e-6, adapt_batch=1, adapt_patch=8, width=8)
    out, info = K.fuse(ms, pan, 4, config=cfg, return_info=True)
    assert info["fresh"]
    assert torch.allclose(out, hpm.clamp(min=0), atol=1e-3)
    assert (out - lms).abs().max() > 0.05  # the PAN's detail is in it
    out_lms = K.fuse(ms, pan, 4, config=K.KSDiffConfig(**{**cfg.__dict__, "fresh_base": "lms"}))
    assert torch.allclose(out_lms, lms.clamp(min=0), atol=1e-3)
    with pytest.raises(ValueError, match="Unknown base"):
        K.network_lms(ms, pan, 4, 0.0, "gsa")
    # a model fitted on the scene is averaged over the 8 flips/rotations by default; bundled ones not
    assert K.ensemble_size(cfg, {"fresh": True, "adapted": True}) == 8
    assert K.ensemble_size(cfg, {"fresh": False, "adapted": True}) == 8
    assert K.ensemble_size(cfg, {"fresh": False, "adapted": False}) == 1
    assert K.ensemble_size(K.KSDiffConfig(ensemble=2), {"fresh": True, "adapted": True}) == 2
