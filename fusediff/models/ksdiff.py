"""KSDiff: kernel-space latent diffusion for fast pansharpening (Jin, Cao & Deng,
arXiv 2505.18991), with two-stage training, bundled weights and scene adaptation.

The method
----------
A pansharpener (PanNeXt-U) whose selected convolution kernels are modulated
per image, W1 = W0 * W, with W in Tucker form: the core G from a latent code
z, the factor matrices from the image's own features (`nets.ksdiff_net`).
z comes from a pyramid latent fusion encoder (PLFE):

- stage 1: PLFE1 sees PAN, LMS and the ground truth; PLFE1 + kernel
  generators + pansharpener are trained with L1 to the ground truth;
- stage 2: PLFE1 is frozen and gives the target code z0; a conditional latent
  DDPM (x0-parameterisation, L1) learns z0 from PLFE2(PAN, LMS), trained
  jointly with the pansharpener, which now receives the code that the
  sampler produces (DDIM from noise, ``latent_steps`` steps, gradients through
  the chain) with an L1 regression loss;
- inference: PLFE2 -> DDIM sampling of z (STEPS, default 4) -> kernel
  generators -> pansharpener. A single network pass per image: this is why
  KSDiff is much faster than pixel-space diffusion (ResPanDiff runs its
  U-Net 15 times).

Choices the paper leaves open (also in README and model cards): sizes
(width 24, z = 8 tokens x 32, Tucker ranks (4, 4, 2, 2), two modulated 3 x 3
convs: bottleneck and output head), W = 1 + Tucker with a zero-initialised
core layer (training starts from the plain PanNeXt-U), PLFE on the PAN grid
at 1/4 resolution with the LMS as its LRMS input, a linear beta schedule
(T = 1000, 1e-4..0.02) for the latent DDPM, AdamW with cosine decay.

Images: float32 tensors (B, C, H, W) scaled to [0, 1]; PAN (B, 1, H, W).
Weights files: dicts (format, arch, state_dict, meta) read with
``torch.load(weights_only=True)``, each with a JSON model card beside it.
"""
from __future__ import annotations

import copy
import dataclasses
import math
import time
from pathlib import Path
from typing import Callable, Sequence

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

from . import diffusion, dihedral, operators
from .method_configs import KSDiffConfig  # noqa: F401 (torch-free, re-exported)
from .consistency import back_project, consistency_passes
from .device import generator as make_generator
from .device import network_autocast, select_device
from .nets.ksdiff_net import PLFE, LatentDenoiser, PanNeXtU
from .progress import Cancelled, ProgressFn, null_progress, scoped
# the data pipeline, weights checks, learning-rate schedule and input check are ResPanDiff's
from .respandiff import (BAND_ORDER, PatchSampler, _check_pair, _lr_at, build_triples, triple_from_case)
from .tiled import tiled_apply
from .trained_weights import WeightsKind
from .method_configs import KSDiffTrainConfig as TrainConfig  # noqa: F401  (re-exported)

__all__ = ["KSDiffConfig", "TrainConfig", "KSDiffModel", "fuse", "prepare", "fuse_prepared", "train", "adapt", "save_weights",
           "load_weights", "bundled_weights", "BUNDLED", "WEIGHTS_DIR", "Cancelled"]

WEIGHTS_DIR = Path(__file__).resolve().parent / "weights"
#: Bundled weights: name -> file in models/weights (each with a .json model card).
BUNDLED = {"landsat7-r2": "ksdiff_landsat7_r2.pt", "landsat7-r4": "ksdiff_landsat7_r4.pt"}
FORMAT = "fusediff-ksdiff-1"


#: What the paper leaves open and this implementation chose (written into every model card).
CHOICES = {
    "pansharpener": "PanNeXt-U of width 24: 2x2 pixel-unshuffle in, ConvNeXt blocks (7x7 depthwise, LayerNorm, "
                    "2x MLP, layer scale 0.1) at 1/2 and 1/4 of the PAN grid, pixel-shuffle out, one full-resolution "
                    "3x3 fusion conv on (coarse residual, PAN, LMS); output = LMS + residual, zero-initialised heads",
    "modulated_kernels": "the 3x3 bottleneck conv (1/4 grid) and the 3x3 output head conv",
    "kernel_modulation": "W1 = W0 * (1 + G x1 U1 x2 U2 x3 U3 x4 U4), ranks (4, 4, 2, 2); core G = MLP(mean of z "
                         "over tokens), last layer zero-initialised; U_i = learned base factors + attention-head "
                         "output, columns scaled to unit RMS",
    "factor_heads": "features = pixel-unshuffled (PAN, LMS) average-pooled to 8x8 tokens -> 1x1 conv backbone; "
                    "one learned-query attention head per tensor mode",
    "plfe": "inputs on the PAN grid (LRMS branch = the LMS), pixel-unshuffle 2 + stride-2 stems, 2 strided "
            "stages with linear cross attention (softmax of Q over channels, of K over positions) and gated "
            "fusion, 2x2 pooled tokens per stage -> z of 8 tokens x 32, LayerNorm; PLFE1 width 32, PLFE2 16; "
            "PLFE2's guidance branch = 1x1 conv of its PAN and LRMS features",
    "latent_ddpm": "linear betas 1e-4..0.02, T = 1000, x0-parameterisation, L1; denoiser: residual MLP over "
                   "tokens with token-mean mixing (3 blocks, width 128); DDIM eta 0, 4 steps",
    "stage2": "PLFE1 frozen; loss = L1(denoiser(z_t, PLFE2, t), z0) + L1(pansharpener(z from the DDIM chain, "
              "backpropagated), GT); all but PLFE1 trained",
    "optimiser": "AdamW, weight decay 1e-4, cosine decay to lr/100 after 100 warm-up iterations, gradient clip 1",
    "inference": "one code and one set of kernels per image; for scenes tiled by the algorithm, per scene "
                 "(averaged over windows sampled across it), so tiles agree",
}


# --------------------------------------------------------------------------
# configuration
# --------------------------------------------------------------------------





# --------------------------------------------------------------------------
# the model
# --------------------------------------------------------------------------

def latent_schedule() -> diffusion.Schedule:
    """The latent DDPM's schedule: linear betas 1e-4..0.02, T = 1000."""
    return diffusion.linear_schedule(1000)


class KSDiffModel(nn.Module):
    """Pansharpener + PLFE1 (training only) + PLFE2 + latent denoiser.

    forward(pan (B,1,H,W), lms (B,C,H,W), steps, generator) -> HRMS (B,C,H,W):
    the inference path (PLFE2 -> DDIM sampling of z -> modulated
    pansharpener). Without modulation it is the plain PanNeXt-U.
    """

    def __init__(self, bands: int, width: int = 24, zdim: int = 32, plfe_width: int = 32,
                 ranks: tuple = (4, 4, 2, 2), modulate: bool = True, generator: str = "tucker",
                 factor_base: bool = True):
        super().__init__()
        self.bands, self.modulate = bands, modulate
        self._arch = {"bands": bands, "width": width, "zdim": zdim, "plfe_width": plfe_width,
                      "ranks": list(ranks), "modulate": modulate, "generator": generator,
                      "factor_base": factor_base}
        self.pansharpener = PanNeXtU(bands, width, zdim, tuple(ranks), modulate, generator=generator,
                                     factor_base=factor_base)
        if modulate:
            self.plfe1 = PLFE(bands, plfe_width, zdim, guided=True)
            self.plfe2 = PLFE(bands, max(4, plfe_width // 2), zdim, guided=False)
            self.denoiser = LatentDenoiser(zdim)
        self.sched = latent_schedule()

    def arch(self) -> dict:
        """Constructor arguments (stored with the weights)."""
        return dict(self._arch)

    def sample_z(self, pan: torch.Tensor, lms: torch.Tensor, steps: int = 4,
                 generator: torch.Generator | None = None) -> torch.Tensor:
        """z0 by DDIM (eta 0, x0-parameterisation) from z_T ~ N(0, I), conditioned on PLFE2(PAN, LMS).

        Differentiable (stage 2 trains through it). Returns (B, S, zdim).
        """
        cond = self.plfe2(pan, lms)
        z = diffusion.randn_like(cond, generator)
        ts = diffusion.strided_timesteps(self.sched.T, steps)
        for i, t in enumerate(ts):
            tt = torch.full((z.shape[0],), t, device=z.device, dtype=torch.long)
            z0 = self.denoiser(z, cond, tt)
            t_prev = ts[i + 1] if i + 1 < len(ts) else -1
            eps = diffusion.eps_from_x0(self.sched, z, t, z0)
            z = diffusion.ddim_step(self.sched, z, t, t_prev, eps, x0=z0)
        return z

    def forward(self, pan: torch.Tensor, lms: torch.Tensor, steps: int = 4,
                generator: torch.Generator | None = None) -> torch.Tensor:
        z = self.sample_z(pan, lms, steps, generator) if self.modulate else None
        return self.pansharpener(pan, lms, z)


# --------------------------------------------------------------------------
# weights and model cards
# --------------------------------------------------------------------------

def _build(arch: dict) -> "KSDiffModel":
    arch["ranks"] = tuple(arch.get("ranks", (4, 4, 2, 2)))
    arch.setdefault("factor_base", False)  # weights written before the learned base factors
    return KSDiffModel(**arch)


def _card_fields(model: "KSDiffModel") -> dict:
    parts = {name: int(sum(p.numel() for p in getattr(model, name).parameters()))
             for name in ("pansharpener", "plfe1", "plfe2", "denoiser") if hasattr(model, name)}
    return {"parameters": parts, "inference_parameters": sum(v for k, v in parts.items() if k != "plfe1")}


WEIGHTS = WeightsKind("KSDiff", FORMAT, BUNDLED, WEIGHTS_DIR, build=_build, card_fields=_card_fields,
                      card_tail={"choices": CHOICES})


def bundled_weights(name_or_ratio) -> Path:
    """Path of a bundled weights file, by name ('landsat7-r2') or ratio (2 or 4)."""
    return WEIGHTS.bundled_path(name_or_ratio)


def save_weights(path, model: KSDiffModel, meta: dict) -> Path:
    """Write the weights and a JSON model card beside them (`WeightsKind.save`; the card also
    lists the choices the paper leaves open). meta: bands, band_order, ratio, data, iterations,
    validation, ... Returns the path."""
    return WEIGHTS.save(path, model, meta)


def input_level(weights=None, ratio: int = 4) -> float:
    """The value the product maps a scene's robust maximum (99.9th percentile of both inputs)
    to for ``weights`` (None: the bundled ones for ``ratio``; a bundled name, a path, a model or
    (model, meta)): the model card's ``input_scale.level``, measured on the training scenes as
    the bench scaled them; 1 (`trained_weights.DEFAULT_INPUT_LEVEL`) when the card records none."""
    return WEIGHTS.input_level(weights, ratio)


def load_weights(path, bands: int | None = None, ratio: int | None = None,
                 device=None) -> tuple[KSDiffModel, dict]:
    """Read a KSDiff weights file -> (model in eval mode, meta); ValueError on a file that is not
    KSDiff weights or whose bands/ratio differ from ``bands``/``ratio``."""
    return WEIGHTS.load(path, bands, ratio, device)


# --------------------------------------------------------------------------
# training
# --------------------------------------------------------------------------

def stage1_loss(model: KSDiffModel, gt: torch.Tensor, lms: torch.Tensor, pan: torch.Tensor) -> torch.Tensor:
    """L1(pansharpener(PAN, LMS, PLFE1(PAN, LMS, GT)), GT) (plain PanNeXt-U without modulation)."""
    z = model.plfe1(pan, lms, gt) if model.modulate else None
    return F.l1_loss(model.pansharpener(pan, lms, z), gt)


def stage2_loss(model: KSDiffModel, gt: torch.Tensor, lms: torch.Tensor, pan: torch.Tensor, latent_steps: int,
                generator: torch.Generator | None = None) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
    """L_diff + L1 regression. Returns (total, L_diff, L1).

    L_diff = L1(denoiser(z_t, PLFE2, t), z0) with z0 = PLFE1(PAN, LMS, GT)
    (frozen) and t ~ U{0..T-1}; L1 = L1(pansharpener(PAN, LMS, z sampled by
    DDIM from noise in ``latent_steps`` steps), GT).
    """
    with torch.no_grad():
        z0 = model.plfe1(pan, lms, gt)
    cond = model.plfe2(pan, lms)
    b = gt.shape[0]
    gdev = generator.device if generator is not None else gt.device
    t = torch.randint(0, model.sched.T, (b,), generator=generator, device=gdev).to(gt.device)
    z_t = diffusion.q_sample(model.sched, z0, t, diffusion.randn_like(z0, generator))
    l_diff = F.l1_loss(model.denoiser(z_t, cond, t), z0)
    z_hat = model.sample_z(pan, lms, latent_steps, generator)
    l1 = F.l1_loss(model.pansharpener(pan, lms, z_hat), gt)
    return l_diff + l1, l_diff.detach(), l1.detach()


#: Windows per batch of the scene-code sampler (bounded memory: 36 windows of 512 px are ~0.4 GB).
SCENE_CODE_BATCH = 12

#: An image up to this many PAN pixels gives its code and kernels as a whole; a larger one
#: averages those of windows spread over it (as `engine.scene.scene_sample`).
WHOLE_IMAGE_PIXELS = 2048 * 2048


@torch.no_grad()
def scene_modulation(model: KSDiffModel, windows, steps: int = 4, generator: torch.Generator | None = None):
    """The kernel modulations of one scene, computed once: z sampled for each window
    [(pan (1,1,H,W), lms (1,C,H,W)), ...] and its modulations, averaged over the windows.

    Returns (bottleneck, head) modulations (1, cout, cin, 3, 3), or None for the plain model.
    Using them for every tile makes tiled and untiled results agree (the network is then one
    fixed convolutional net over the scene).
    """
    if not model.modulate:
        return None
    # windows of one size go through the sampler as one batch (the 36 windows of a large scene:
    # 1.0 s -> 0.4 s on 2 threads); each window's noise is its own
    groups: dict = {}
    for pan, lms in windows:
        groups.setdefault((tuple(pan.shape[1:]), tuple(lms.shape[1:])), []).append((pan, lms))
    acc, n = None, 0
    for group in groups.values():
        for i in range(0, len(group), SCENE_CODE_BATCH):
            part = group[i:i + SCENE_CODE_BATCH]
            pan = torch.cat([p for p, _ in part])
            lms = torch.cat([l for _, l in part])
            z = model.sample_z(pan, lms, steps, generator)
            mm, mh = model.pansharpener.modulations(pan, lms, z)
            sums = (mm.sum(dim=0, keepdim=True), mh.sum(dim=0, keepdim=True))
            acc = sums if acc is None else (acc[0] + sums[0], acc[1] + sums[1])
            n += pan.shape[0]
    return acc[0] / n, acc[1] / n


def _image_windows(pan: torch.Tensor, lms: torch.Tensor, tile: int) -> list:
    """The whole image, or up to 6 x 6 windows of ``tile`` pixels spread over a large one."""
    h, w = lms.shape[-2:]
    if h * w <= WHOLE_IMAGE_PIXELS:
        return [(pan, lms)]
    ys = sorted({int(v) for v in np.linspace(0, max(0, h - tile), min(6, max(1, h // tile)))})
    xs = sorted({int(v) for v in np.linspace(0, max(0, w - tile), min(6, max(1, w // tile)))})
    return [(pan[..., y:y + tile, x:x + tile], lms[..., y:y + tile, x:x + tile]) for y in ys for x in xs]


@torch.no_grad()
def predict(model: KSDiffModel, lms: torch.Tensor, pan: torch.Tensor, steps: int = 4,
            generator: torch.Generator | None = None, tile: int = 512, overlap: int = 32,
            progress: Callable[[float], None] | None = None, mods=None, ensemble: int = 1) -> torch.Tensor:
    """The inference path on (1, C, H, W) LMS and (1, 1, H, W) PAN, tile by tile beyond ``tile``.

    ``mods``: the scene's kernel modulations (`scene_modulation`); by default
    computed once from this image (one code per image, as in the paper), so
    every tile uses the same kernels. ``ensemble``: average the network over
    this many flips/rotations of each window (`dihedral.self_ensemble`).
    """
    if mods is None and model.modulate:
        mods = scene_modulation(model, _image_windows(pan, lms, tile), steps, generator)
    layout = torch.contiguous_format
    if lms.device.type == "cpu":
        # oneDNN's CPU convolutions (the 7 x 7 depthwise ones above all) are faster on channels-last
        # tensors: a 768-px window 0.34 -> 0.25 s on one thread, same values up to rounding
        layout = torch.channels_last
        model.pansharpener.to(memory_format=layout)

    def net(p, l):
        p, l = p.contiguous(memory_format=layout), l.contiguous(memory_format=layout)
        with network_autocast(l.device):
            out = dihedral.self_ensemble(lambda pp, ll: model.pansharpener(pp, ll, mods=mods), (p, l), ensemble)
        return out.to(l.dtype)
    return tiled_apply(net, (pan, lms), lms.shape[1], tile, overlap, progress).contiguous()


def ensemble_size(config: "KSDiffConfig", state: dict) -> int:
    """The self-ensemble size for a run: ``config.ensemble`` when >= 1; automatic (-1): 8 when the
    model was fitted on the scene (``state['adapted']``: reduced Pleiades fine-tuned, SAM / ERGAS
    2.74 / 2.16 vs 2.88 / 2.26 without; reduced WorldView-3 fitted from scratch, 4.85 / 4.90 vs
    4.90 / 4.92), else 1 (the bundled weights: 8 times the time for a small gain)."""
    n = int(getattr(config, "ensemble", -1))
    if n >= 1:
        return n
    return 8 if state.get("adapted") else 1


def validate(model: KSDiffModel, cases: Sequence[tuple], steps: int = 4, seed: int = 0, oracle: bool = False,
             device=None) -> dict:
    """Mean SAM (deg), ERGAS and Q2n over (gt, lms, pan, ratio) triples (border = ratio left out).

    ``oracle``: use PLFE1's code from the ground truth (stage 1 progress) instead of the sampler.
    """
    from . import metrics
    device = device or next(model.parameters()).device
    model.eval()
    vals = {"sam": [], "ergas": [], "q2n": []}
    with torch.no_grad():
        for gt, lms, pan, ratio in cases:
            l = torch.as_tensor(lms)[None].to(device)
            p = torch.as_tensor(pan)[None].to(device)
            if oracle and model.modulate:
                g = torch.as_tensor(gt)[None].to(device)
                out = model.pansharpener(p, l, model.plfe1(p, l, g))
            else:
                out = predict(model, l, p, steps, make_generator(seed, device))
            x = out[0].clamp(0, 1).cpu().numpy().astype(np.float64)
            vals["sam"].append(metrics.sam(x, gt, border=ratio))
            vals["ergas"].append(metrics.ergas(x, gt, ratio, border=ratio))
            vals["q2n"].append(metrics.q2n(x, gt, border=ratio))
    return {k: float(np.mean(v)) for k, v in vals.items()}


def train(data, ratio: int, config: TrainConfig = TrainConfig(), weights=None, val=None,
          progress: ProgressFn | None = None, device="cpu", out_path=None, meta: dict | None = None,
          log: Callable[[str], None] | None = None, triples: list | None = None):
    """Train (or resume) KSDiff: stage 1 then stage 2.

    data: as `respandiff.build_triples` (raster pairs, case dicts, HDF5 paths),
    or ready ``triples`` (gt, lms, pan). weights: None (new model), a path or
    a KSDiffModel to continue. val: (gt, lms, pan) triples or case dicts,
    validated every ``config.val_every`` iterations; with ``out_path`` the best
    stage-2 weights by validation ERGAS (the plain ablation: stage 1) are
    written there with a model card. Returns (model, history) with history =
    {'stage1': [losses], 'stage2': [(L_diff, L1)], 'val': [(stage, it, metrics)], 'best': ...}.
    """
    progress = progress or null_progress
    log = log or (lambda m: None)
    dev = select_device(device) if isinstance(device, str) else device
    torch.manual_seed(config.seed)
    if triples is None:
        triples = build_triples(data, ratio, config.gains, config.pan_gain)
    bands = triples[0][0].shape[0]
    base_meta, done1, done2 = {}, 0, 0
    if isinstance(weights, (str, Path)):
        model, base_meta = load_weights(weights, bands=bands)
        done1 = int(base_meta.get("iterations_stage1", 0))
        done2 = int(base_meta.get("iterations_stage2", 0))
    elif weights is not None:
        model = weights
    else:
        model = KSDiffModel(bands, config.width, config.zdim, config.plfe_width, modulate=config.modulate,
                            generator=config.generator)
    model.to(dev).train()
    val_cases = [(*(triple_from_case(v) if isinstance(v, dict) else v), ratio) for v in (val or [])]
    sampler = PatchSampler(triples, config.patch, config.batch, config.seed)
    gen = make_generator(config.seed + 1, dev)
    n1 = config.iterations
    n2 = config.iterations2 if model.modulate else 0
    total = max(1, n1 + n2)
    history = {"stage1": [], "stage2": [], "val": [], "best": None}
    meta = {**base_meta, **(meta or {})}
    best = {"score": math.inf}
    t_start = time.time()

    def checkpoint(stage: int, it: int, n_done1: int, n_done2: int):
        res = None
        if val_cases:
            res = validate(model, val_cases, config.latent_steps, config.seed, oracle=(stage == 1), device=dev)
            history["val"].append((stage, it, res))
            log(f"stage {stage} iter {it}: validation SAM {res['sam']:.3f} ERGAS {res['ergas']:.3f} "
                f"Q {res['q2n']:.4f}" + (" (code from the ground truth)" if stage == 1 and model.modulate else ""))
            model.train()
        final_stage = 2 if model.modulate and n2 > 0 else 1
        if stage != final_stage:
            return
        score = res["ergas"] if res else -it
        if score < best["score"]:
            best.update(score=score, state=copy.deepcopy(model.state_dict()))
            history["best"] = {"stage": stage, "iteration": it, "validation": res}
            if out_path is not None:
                m = {**meta, "bands": bands, "ratio": int(ratio), "iterations_stage1": n_done1,
                     "iterations_stage2": n_done2, "validation": res,
                     "train_seconds": round(time.time() - t_start, 1), "train_config": dataclasses.asdict(config)}
                save_weights(out_path, model, m)

    def run_stage(stage: int, n: int, params, lr: float, offset: int, budget: float):
        nonlocal done1, done2
        opt = torch.optim.AdamW(params, lr=lr, weight_decay=config.weight_decay)
        t0 = time.time()
        run = 0.0
        it_done = 0
        for it in range(n):
            tfrac = (time.time() - t0) / budget if budget > 0 else 0.0
            if tfrac >= 1.0:
                log(f"stage {stage}: time budget reached after {it} iterations")
                break
            for group in opt.param_groups:
                group["lr"] = _lr_at(it, n, lr, config.warmup, tfrac)
            gt, lms, pan = sampler(dev)
            if stage == 1:
                loss = stage1_loss(model, gt, lms, pan)
                history["stage1"].append(float(loss.detach()))
                run += float(loss.detach())
            else:
                loss, l_diff, l1 = stage2_loss(model, gt, lms, pan, config.latent_steps, gen)
                history["stage2"].append((float(l_diff), float(l1)))
                run += float(l1)
            opt.zero_grad(set_to_none=True)
            loss.backward()
            if config.grad_clip > 0:
                torch.nn.utils.clip_grad_norm_(params, config.grad_clip)
            opt.step()
            it_done = it + 1
            if stage == 1:
                done1 += 1
            else:
                done2 += 1
            if it_done % 50 == 0:
                log(f"stage {stage} iter {it_done}/{n} L1 {run / 50:.5f} lr {opt.param_groups[0]['lr']:.2e} "
                    f"{time.time() - t0:.0f}s")
                run = 0.0
            progress(max((offset + it_done) / total, 0.0), f"stage {stage}, iteration {it_done}/{n}")
            if config.val_every and it_done % config.val_every == 0 and it_done < n:
                checkpoint(stage, it_done, done1, done2)
        checkpoint(stage, it_done, done1, done2)
        return it_done

    budget = config.max_seconds
    if n1 > 0:
        params1 = [p for name, p in model.named_parameters()
                   if name.startswith("pansharpener") or name.startswith("plfe1")]
        run_stage(1, n1, params1, config.lr, 0, budget * n1 / total if budget else 0.0)
    if n2 > 0:
        for p in model.plfe1.parameters():
            p.requires_grad_(False)  # the target code z0 stays fixed in stage 2
        params2 = [p for name, p in model.named_parameters() if not name.startswith("plfe1")]
        try:
            run_stage(2, n2, params2, config.lr2, n1, budget * n2 / total if budget else 0.0)
        finally:
            for p in model.plfe1.parameters():
                p.requires_grad_(True)
    if "state" in best:
        model.load_state_dict(best["state"])
    model.eval()
    return model, history


# --------------------------------------------------------------------------
# scene adaptation and the entry point
# --------------------------------------------------------------------------

def adapt(model: KSDiffModel, windows, ratio: int, config: KSDiffConfig, phase: float = 0.0,
          progress: ProgressFn | None = None, fresh: bool = False) -> KSDiffModel:
    """Fit ``model`` (in place) on the scene degraded once more by Wald's protocol.

    windows: [(ms (1, C, h, w), pan (1, 1, H, W)), ...] (the whole pair, or
    windows sampled across a large scene). ``config.adapt_iters`` iterations
    split over the two stages (2/3 stage 1 for a fresh model, 1/2 when
    fine-tuning). A fresh model learns to refine ``config.fresh_base`` (`network_lms`).
    Returns the model (eval mode).
    """
    from .respandiff import _window_triples
    base = _base_fn(config.fresh_base if fresh else "lms", ratio, phase, config.adapt_gains)
    triples = _window_triples(windows, ratio, config.adapt_gains, config.pan_gain, phase, base)
    n = config.adapt_iters
    n1 = int(round(n * (2 / 3 if fresh else 1 / 2))) if model.modulate else n
    tc = TrainConfig(iterations=n1, iterations2=n - n1, batch=config.adapt_batch, patch=config.adapt_patch,
                     lr=config.adapt_lr, lr2=config.adapt_lr / 2, warmup=min(50, n // 10), val_every=0,
                     seed=config.seed)
    dev = next(model.parameters()).device
    model, _ = train(None, ratio, tc, weights=model, progress=progress, device=dev, triples=triples)
    return model


def _resolve_model(weights, bands: int, ratio: int, config: KSDiffConfig, device):
    """(model, meta, fresh) for ``weights``: None (bundled for the ratio), a bundled name, a path,
    a KSDiffModel or (model, meta). Mismatches: ValueError without adaptation; with it a band
    mismatch gives a fresh model (fitted from scratch) and a ratio mismatch is fine-tuned away."""
    def fresh(model, meta):
        return KSDiffModel(bands, config.width).to(device), {"bands": bands}, True

    return WEIGHTS.resolve(weights, bands, ratio, config.adapt_iters > 0, device, fresh, len(BAND_ORDER))


FRESH_BASES = ("mtfglphpm", "lms")


def _check_base(base: str) -> None:
    if base not in FRESH_BASES:
        raise ValueError(f"Unknown base {base!r}; choose one of {', '.join(FRESH_BASES)}.")


def network_lms(ms: torch.Tensor, pan: torch.Tensor, ratio: int, phase: float, base: str = "lms",
                gains="0.3") -> torch.Tensor:
    """The image the pansharpener refines: ms (1, C, h, w) and pan (1, 1, r h, r w) in [0, 1] ->
    (1, C, r h, r w) on ms's device. ``base`` 'lms': operators.upsample(ms); 'mtfglphpm': the
    classical MTF-GLP-HPM fusion with MS MTF ``gains`` (for models fitted from scratch)."""
    _check_base(base)
    if base == "lms":
        return operators.upsample(ms, ratio, phase)
    from . import classical
    fused = classical.mtf_glp_hpm(pan[0].detach().cpu().numpy(), ms[0].detach().cpu().numpy(), ratio, phase,
                                  gains=gains)
    return torch.from_numpy(fused)[None].to(ms.device, ms.dtype)


def _base_fn(base: str, ratio: int, phase: float, gains):
    """The base `network_lms` gives, on numpy (pan_low (1, H, W), ms_low (C, h, w)), for
    `respandiff.triple_from_pair`; None for 'lms' (its default, the upsampled MS)."""
    _check_base(base)
    if base == "lms":
        return None
    from . import classical
    return lambda pan_low, ms_low: classical.mtf_glp_hpm(pan_low, ms_low, ratio, phase, gains=gains)


def prepare(windows, ratio: int, weights=None, config: KSDiffConfig = KSDiffConfig(),
            progress: ProgressFn | None = None, device="cpu", phase: float = 0.0) -> dict:
    """The scene-level part of `fuse`, done once per scene: resolve (load) the weights, with
    ``config.adapt_iters`` > 0 fit them on the scene degraded once more, and compute the scene's
    latent code and kernel modulations.

    windows: [(ms (1, C, h, w), pan (1, 1, H, W)), ...] in [0, 1]: the whole
    pair, or windows sampled across a large scene (`engine.scene.scene_sample`).
    Returns a state for `fuse_prepared`: {model, meta, fresh, adapted, base, mods, device, seconds}
    (base: the image the network refines, see `network_lms`).
    """
    progress = progress or null_progress
    dev = select_device(device) if isinstance(device, str) else device
    ratio = int(ratio)
    t0 = time.time()
    model, meta, fresh = _resolve_model(weights, windows[0][0].shape[1], ratio, config, dev)
    wins = [(m.to(dev, torch.float32), p.to(dev, torch.float32)) for m, p in windows]
    adapted = False
    if config.adapt_iters > 0:
        model = copy.deepcopy(model)  # never change the caller's (or a cached bundled) model
        adapt(model, wins, ratio, config, phase, scoped(progress, 0.0, 0.95, "adaptation: "), fresh)
        adapted = True
    model.eval()
    base = config.fresh_base if fresh else "lms"
    g = make_generator(config.seed, dev)
    image_windows = []
    for m, p in wins:
        lms = network_lms(m, p[..., :m.shape[-2] * ratio, :m.shape[-1] * ratio], ratio, phase, base,
                          config.adapt_gains)
        image_windows.extend(_image_windows(p[..., :lms.shape[-2], :lms.shape[-1]], lms, config.tile))
    mods = scene_modulation(model, image_windows, config.steps, g)
    progress(1.0, "scene code sampled")
    return {"model": model, "meta": meta, "fresh": fresh, "adapted": adapted, "base": base, "mods": mods,
            "device": dev,
            "seconds": time.time() - t0}


def fuse_prepared(state: dict, ms: torch.Tensor, pan: torch.Tensor, ratio: int,
                  config: KSDiffConfig = KSDiffConfig(), progress: ProgressFn | None = None,
                  phase: float = 0.0) -> torch.Tensor:
    """Sharpen one image (or tile) with a `prepare`d state: ms (1, C, h, w), pan (1, 1, r h, r w)
    in [0, 1] -> (1, C, r h, r w), clamped at 0. Deterministic: the scene's kernels are fixed."""
    progress = progress or null_progress
    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    dev = state["device"]
    pan = pan.to(dev, torch.float32)
    lms = network_lms(ms.to(dev, torch.float32), pan, ratio, phase, state.get("base", "lms"), config.adapt_gains)
    out = predict(state["model"], lms, pan, config.steps, None, config.tile,
                  config.overlap, lambda f: progress(f, "sharpening"), mods=state["mods"],
                  ensemble=ensemble_size(config, state))
    out = back_project(out, ms, ratio, config.adapt_gains, phase, consistency_passes(config, state))
    return out.clamp(min=0)



def fuse_sample(state: dict, ms: torch.Tensor, pan: torch.Tensor, ratio: int, index: int,
                config: KSDiffConfig = KSDiffConfig(), progress: ProgressFn | None = None,
                phase: float = 0.0) -> torch.Tensor:
    """One sample for the uncertainty output (`uncertainty.py`, source 'dihedral'): `fuse_prepared`
    with the network run once on the ``index``-th (0..7, `dihedral.ENSEMBLE_ORDER`) flip/rotation
    of the upsampled MS and the PAN, transformed back, then the same consistency passes. Index 0
    is `fuse_prepared` without self-ensemble. The state (weights, scene code) is shared."""
    progress = progress or null_progress
    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    k = dihedral.ENSEMBLE_ORDER[int(index) % 8]
    dev = state["device"]
    pan = pan.to(dev, torch.float32)
    lms = network_lms(ms.to(dev, torch.float32), pan, ratio, phase, state.get("base", "lms"), config.adapt_gains)
    out = predict(state["model"], dihedral.transform(lms, k), dihedral.transform(pan, k), config.steps, None,
                  config.tile, config.overlap, lambda f: progress(f, "sharpening"), mods=state["mods"],
                  ensemble=1)
    out = back_project(dihedral.inverse(out, k), ms, ratio, config.adapt_gains, phase,
                       consistency_passes(config, state))
    return out.clamp(min=0)

def fuse(ms: torch.Tensor, pan: torch.Tensor, ratio: int, weights=None, config: KSDiffConfig = KSDiffConfig(),
         progress: ProgressFn | None = None, device="cpu", phase: float = 0.0, return_info: bool = False):
    """Pansharpen ``ms`` (1, C, h, w) with ``pan`` (1, 1, ratio*h, ratio*w) -> (1, C, H, W).

    Values scaled to [0, 1] by the caller; the result is clamped at 0.
    ``weights``: None (bundled Landsat-7 weights for the ratio), a bundled
    name, a path, a KSDiffModel or (model, meta). LMS =
    operators.upsample(ms, ratio, phase). With ``config.adapt_iters`` > 0 the
    model is first fitted on this pair degraded once more (from scratch when
    the band count differs from the weights'). Raises ValueError on
    band/ratio mismatch without adaptation, Cancelled when ``progress`` raises it.
    With ``return_info``: (fused, {meta, adapted, fresh, seconds}).
    = `prepare` on the whole pair + `fuse_prepared`.
    """
    progress = progress or null_progress
    ratio = int(ratio)
    _check_pair(ms, pan, ratio)
    t0 = time.time()
    split = 0.9 if config.adapt_iters > 0 else 0.1
    state = prepare([(ms, pan)], ratio, weights, config, scoped(progress, 0.0, split), device, phase)
    out = fuse_prepared(state, ms, pan, ratio, config, scoped(progress, split, 1.0), phase)
    if return_info:
        return out, {"meta": state["meta"], "adapted": state["adapted"], "fresh": state["fresh"],
                     "seconds": time.time() - t0}
    return out
