"""Settings dataclasses that QGIS algorithms read at registration, without torch: the
hyperspectral methods' (SDP, ARGS-Diff, DM-ZS) and the pansharpening networks' training settings.

Their QGIS algorithms turn the exposed fields into parameters when QGIS registers them, at
start-up: importing them from the model modules loaded PyTorch then (1.1-1.3 s and hundreds of
MB on every QGIS start, whether or not FuseDiff was used). The model modules re-export them.
"""
from __future__ import annotations

from dataclasses import dataclass

from .config import param

# --------------------------------------------------------------------------
# input levels: where the product puts a scene's robust maximum for each method
# --------------------------------------------------------------------------
#: The 99.9th percentile of both inputs (fusediff.engine.scaling.SceneScale) of the simulations
#: the self-learning methods' constants (learning rates, ridge weights, noise thresholds, ...)
#: were tuned on, with the reference scaled by its maximum as in bench.datasets (seed 0; measured
#: by bench/experiments/levels.py). HM: Gaussian blur x4 + IKONOS-like MSI, SNR 35 dB; HP: PAN = band mean.
HM_TUNING_LEVELS = {"jasper": 0.6195, "samson": 0.7919, "paris": 0.6675}
HP_TUNING_LEVELS = {"jasper": 0.6211, "samson": 0.7858, "paris": 0.6014}
#: SDP and ARGS-Diff were tuned on the HM simulations, DM-ZS on the HP ones: the product maps each
#: scene's robust maximum to the median of those levels, so any input scale (DN, reflectance
#: 0-1 or x 10000) reaches the method as bright as its tuning data.
SDP_INPUT_LEVEL = 0.6675
ARGSDIFF_INPUT_LEVEL = 0.6675
DMZS_INPUT_LEVEL = 0.6211

@dataclass
class SDPConfig:
    """SDP settings. Defaults: CPU-fast (measured, see bench/experiments/ablation_sdp.md);
    `PRESETS['paper']`: the paper's settings."""

    # --- spectral prior (network and its training)
    layers: int = param(3, "Hidden layers of the spectral denoiser MLP (width 512 each).", 1, 12)
    width: int = param(512, "Width of the denoiser's hidden layers.", 16, 4096, expose=False)
    dropout: float = param(0.001, "Dropout in the denoiser while training.", 0.0, 0.5, expose=False)
    train_iters: int = param(400, "Training iterations of the spectral prior.", 1, 1_000_000)
    batch_size: int = param(256, "Spectra per training batch.", 8, 65536)
    train_lr: float = param(2e-3, "Peak learning rate of the prior's training.", 1e-6, 1.0)
    lr_schedule: str = param("onecycle", "Learning-rate schedule of the prior's training.",
                             choices=("onecycle", "cosine", "constant", "paper"), expose=False)
    weight_decay: float = param(1e-6, "Adam weight decay of the prior's training.", 0.0, 1.0, expose=False)
    train_ema: float = param(0.0, "EMA decay of the prior's weights (0: off).", 0.0, 0.99999, expose=False)
    timesteps: int = param(1000, "Diffusion timesteps T of the prior.", 10, 10000, expose=False)
    # --- MAP solve
    steps: int = param(20, "Timesteps visited by the fusion (strided from t_start down to 1).", 1, 10000)
    inner_steps: int = param(3, "Adam steps per timestep (K).", 1, 100)
    t_start: float = param(0.3, "Largest timestep visited, as a fraction of T (1: start from pure noise).",
                           0.0, 1.0)
    t_end: float = param(0.1, "Smallest timestep visited, as a fraction of T (0: down to t = 1).", 0.0, 1.0)
    solve_lr: float = param(3e-5, "Adam learning rate on the fused image.", 1e-6, 1.0)
    lam: float = param(0.1, "Weight lambda of the LR-HSI data term.", 0.0, 1e6)
    gamma: float = param(3e-3, "Weight gamma of the spectral diffusion prior term.", 0.0, 1e6)
    prior_fraction: float = param(0.25, "Fraction of pixels on which the prior is evaluated per step.",
                                  0.001, 1.0)
    prior_pixels: int = param(4096, "Most pixels on which the prior is evaluated per step, whatever the "
                                    "tile size (0: no limit).", 0, 100_000_000)
    prior_grad: str = param("full", "Prior gradient: 'full' backpropagates through the denoiser; "
                            "'sds' skips its Jacobian (faster).", choices=("full", "sds"), expose=False)
    x_ema: float = param(0.9, "EMA decay of the fused image over the Adam steps (0: off).", 0.0, 0.9999,
                         expose=False)
    denoise: bool = param(True, "Suppress both inputs' sensor noise before fusing (Wiener filters with noise levels "
                          "estimated from the inputs); turn off for noise-free inputs.")
    # --- warm start
    init: str = param("subspace", "Initial fused image: subspace least squares, cubic upsampling, or ones "
                      "(the paper).", choices=("subspace", "cnmf", "cubic", "ones"))
    subspace_rank: int = param(0, "Rank of the spectral subspace of the warm start (0: estimated from the HSI "
                               "and its noise level).", 0, 64)
    init_lam: float = param(1.0, "Weight of the LR-HSI term in the warm start's least squares.", 0.0, 1e6,
                            expose=False)
    init_target: str = param("blend", "What the warm start's ridge pulls towards: the mean of a spectral "
                             "regression of the MSI learned on the scene and a CNMF fusion ('blend'), one of "
                             "them alone, or the cubic upsampling of the LR-HSI.",
                             choices=("blend", "regression", "cnmf", "cubic"), expose=False)
    regression_degree: int = param(2, "Polynomial degree of the spectral regression (1 or 2).", 1, 2,
                                   expose=False)
    init_ridge: float = param(0.3, "Ridge weight (towards the target) of the warm start, relative.",
                              0.0, 1e3, expose=False)
    init_smooth: float = param(0.003, "Weight of the warm start's spatial smoothness term (squared gradients "
                               "of the subspace coefficients), relative.", 0.0, 1e3, expose=False)
    cg_iters: int = param(60, "Conjugate-gradient iterations of the warm start.", 1, 10000, expose=False)
    # --- operators
    blind_iterations: int = param(4, "Alternations of the blind PSF/SRF estimation.", 1, 50, expose=False)
    srf_sum_to_one: bool = param(False, "Blind SRF rows sum to 1 (off: free gains, for sensors in different "
                                 "radiometric units).", expose=False)
    psf_model: str = param("free", "PSF model of the blind estimation.", choices=("free", "gaussian"),
                           expose=False)
    # --- runtime
    threads: int = param(0, "Torch CPU threads (0: all cores).", 0, 256, expose=False)
    seed: int = param(0, "Random seed (makes runs repeatable).", 0, 2**31 - 1, expose=False)

    PRESETS = {
        # The paper's schedule as in Liu et al.'s public code: 5 layers, 30k training iterations with
        # its slowly decaying schedule and EMA 0.999; all 1000 timesteps x 3 Adam steps, lambda 0.1,
        # gamma 1e-3, EMA 0.9 on X. Kept from our defaults so it runs in minutes on 2 CPU cores and
        # gains from our estimation (bench/experiments/ablation_sdp.md): batch 64 at peak lr 2e-3 (the code: 512
        # at 1e-2; 2 h instead of 14 min), the prior on 5 % of the pixels per step (the code: all;
        # 45 min instead of 3), and the denoised warm start solved at lr 3e-5 (the code: X = 1 at lr
        # 1e-3, 30.9 dB on HM-Jasper here).
        "paper": dict(layers=5, train_iters=30000, batch_size=64, train_lr=2e-3, lr_schedule="paper",
                      train_ema=0.999, steps=1000, inner_steps=3, t_start=1.0, solve_lr=3e-5,
                      t_end=0.0, lam=0.1, gamma=1e-3, prior_fraction=0.05, prior_pixels=0, prior_grad="full",
                      x_ema=0.9),
    }


GUIDANCE = ("network", "spectral", "direct", "none")


@dataclass
class ARGSDiffConfig:
    """ARGS-Diff settings; defaults are the CPU-fast preset (see bench/experiments/ablation_argsdiff.md)."""
    rank: int = param(8, "Subspace dimension d (coefficient maps and basis spectra).", 1, 64)
    # spatial network (U-Net) and its training
    unet_width: int = param(16, "U-Net channels at full resolution.", 4, 256)
    unet_levels: int = param(2, "U-Net resolution levels (each halves the size; channel multiplier 2 after the first).", 1, 5)
    unet_blocks: int = param(1, "Residual blocks per U-Net level.", 1, 4)
    spatial_iters: int = param(300, "Training iterations of the spatial network.", 0, 100000)
    spatial_batch: int = param(8, "Patches per training batch of the spatial network.", 1, 256)
    patch: int = param(32, "Training patch size (HR-MSI pixels).", 8, 256)
    spatial_lr: float = param(2e-3, "Adam learning rate of the spatial network.", 1e-6, 1.0)
    band_norm: bool = param(True, "Stretch each MSI band to [-1, 1] for training the spatial network "
                            "(the paper maps [0, 1] data to [-1, 1]).")
    # spectral network (MLP) and its training
    fc_hidden: tuple = param((256, 512, 256), "Hidden layer widths of the spectral network.", expose=False)
    spectral_iters: int = param(300, "Training iterations of the spectral network.", 0, 100000)
    spectral_batch: int = param(32, "(d, C) samples per training batch of the spectral network.", 1, 1024)
    spectral_lr: float = param(1e-2, "Adam learning rate of the spectral network.", 1e-6, 1.0)
    # initialisation (CPU practicality; the paper starts from pure noise)
    init: str = param("subspace", "Start of the reverse process: 'noise' (A_T, E_T ~ N(0, I), as in the paper), "
                      "'subspace' (SDP's subspace least-squares estimate, factored) or 'data' (a quick SPA/ridge "
                      "subspace estimate), taken as the sample at noise level start.",
                      choices=("subspace", "data", "noise"))
    denoise: bool = param(True, "Suppress both inputs' sensor noise before fusing (Wiener filters with noise levels "
                          "estimated from the inputs); turn off for noise-free inputs.")
    start: float = param(0.02, "With init='subspace' or 'data': noise level sqrt(1 - abar_t) the reverse process "
                         "starts from (1: pure noise).", 0.001, 1.0)
    start_noise: bool = param(False, "With init='subspace' or 'data': add fresh noise to the estimate at the start "
                              "level (off: the estimate's own error is taken as that noise).", expose=False)
    init_ridge: float = param(0.05, "With init='data': weight (relative) pulling the high-res coefficients "
                              "towards the interpolated low-res ones where the MSI does not determine them.",
                              1e-6, 10.0)
    # diffusion and sampling
    train_steps: int = param(1000, "Diffusion timesteps T used in training.", 10, 4000, expose=False)
    schedule: str = param("linear", "Noise schedule.", choices=("exp", "linear", "cosine"))
    steps: int = param(30, "DDIM sampling steps.", 2, 1000)
    eta: float = param(0.0, "DDIM eta (0: deterministic updates).", 0.0, 1.0)
    guidance: str = param("direct", "Where guidance gradients are taken: through both networks, through the "
                          "spectral one only, w.r.t. the denoised estimates only (no network Jacobian), or none.",
                          choices=GUIDANCE)
    rho1: float = param(0.03, "Guidance step on the coefficient maps A.", 0.0, 10.0)
    rho2: float = param(0.03, "Guidance step on the spectral basis E.", 0.0, 10.0)
    rho_decay: bool = param(True, "Scale the guidance steps by the noise level sqrt(1 - abar) of the step's target "
                            "(the paper keeps them constant), so they vanish as the estimate becomes clean.")
    lambda1: float = param(1.0, "Weight of the HR-MSI term in the data-fit loss.", 0.0, 100.0)
    argm: bool = param(True, "Adaptive residual guided module (one extra gradient step per sampling step).")
    argm_ratio: float = param(10.0, "ARGM step = guidance step / this ratio.", 1e-3, 1e6)
    argm_iters: int = param(1, "ARGM gradient steps per sampling step (paper: 1).", 1, 100)
    # PSF/SRF estimation when not given
    estimate_iters: int = param(4, "Alternations of the blind PSF/SRF estimation (when they are not given).", 1, 50)
    seed: int = param(0, "Random seed (training and sampling).", expose=False)
    threads: int = param(0, "Torch CPU threads (0: leave as set).", 0, 256, expose=False)

    PRESETS = {
        # paper settings: 500 exp-schedule DDIM steps, guidance through both networks,
        # a wider/deeper U-Net and the training length the paper reports (30k steps)
        "paper": {"init": "noise", "start": 1.0, "denoise": False, "band_norm": False, "rho_decay": False, "schedule": "exp", "unet_width": 64, "unet_levels": 3, "unet_blocks": 2, "spatial_iters": 30000,
                  "spatial_batch": 16, "patch": 64, "spatial_lr": 1e-4, "spectral_iters": 30000,
                  "spectral_lr": 1e-4, "steps": 500, "guidance": "network", "rho1": 0.05, "rho2": 0.05},
    }


@dataclass
class DMZSConfig:
    """DM-ZS settings; defaults are CPU-fast, PRESETS['paper'] follows the paper."""
    prior: str = param("bundled", "Diffusion prior: 'bundled', 'scene' (trained on this scene) or a checkpoint file.",
                       expose=False)
    steps: int = param(20, "Sampling steps (strided over the 1000-step exp schedule).", 2, 1000)
    guidance_scale: float = param(1.0, "Strength of the likelihood guidance (lambda; 0: unguided sampling).", 0.0, 100.0)
    grad_through_prior: bool = param(False, "Guidance gradient w.r.t. A_t through the prior (DPS; slower) "
                                     "instead of gradient steps on the predicted clean image.")
    guidance_lr: float = param(0.1, "Step size (Adam) of the gradient steps on the predicted clean image.",
                               0.0, 10.0)
    guidance_inner: int = param(5, "Gradient steps on the predicted clean image per sampling step.", 1, 1000)
    eta: float = param(1.0, "DDIM eta (1: ancestral sampling, 0: deterministic).", 0.0, 1.0)
    use_guide: bool = param(True, "Use the zero-shot guidance network f_psi (lambda1 term).")
    lambda1: float = param(0.1, "Weight of the f_psi term of the guidance.", 0.0, 100.0)
    lambda2: float = param(1.0, "Weight of the PAN term of the NSSD loss.", 0.0, 100.0)
    guide_iters: int = param(2000, "Training iterations of f_psi (reduced scale).", 0, 100000)
    guide_width: int = param(32, "Channels of f_psi's hidden layers.", 8, 512)
    guide_layers: int = param(3, "Convolution layers of f_psi.", 2, 16)
    guide_rank: int = param(0, "f_psi works in the LR-HSI's leading k spectral directions (0: all bands).",
                            0, 1000)
    guide_augment: bool = param(True, "Train f_psi on the 8 flips/rotations of the pair.")
    guide_lr: float = param(1e-3, "Adam learning rate of f_psi (decayed by 0.8 every 1000 iterations).", 1e-6, 1.0)
    guide_deg_weight: float = param(0.1, "Weight of f_psi's spatial/spectral degradation L1 terms.", 0.0, 10.0)
    use_nssd: bool = param(True, "Map the detail image to the HSI with the NSSD (else the fixed E).")
    rank: int = param(20, "NSSD rank r (spatial maps / spectral factors).", 1, 256)
    nssd_width: int = param(24, "Channels of the NSSD spatial U-Net.", 4, 256)
    nssd_lr: float = param(1e-3, "Adam learning rate of the NSSD.", 1e-6, 1.0)
    # 800 / 600 instead of 300 / 100: a better-fitted NSSD (HP Samson: M(A) 31.8 -> 35.3 dB, output
    # 38.96 -> 39.71; Jasper 30.46 -> 30.62; 2000 final iterations gave only 40.07 / 30.63 at twice the time)
    nssd_first_iters: int = param(800, "NSSD iterations of its first fit.", 1, 100000)
    nssd_iters: int = param(30, "NSSD iterations at each later update.", 0, 100000)
    nssd_start: float = param(0.5, "Fraction of the sampling steps after which the NSSD replaces E.", 0.0, 1.0)
    nssd_every: int = param(4, "Refit the NSSD every this many steps once it is active.", 1, 1000)
    nssd_final_iters: int = param(600, "NSSD iterations on the final detail image.", 0, 100000)
    nssd_guide_weight: float = param(0.1, "Weight of the f_psi term in the NSSD loss (0: the paper's Eq. 14).",
                                     0.0, 100.0)
    refine_iters: int = param(200, "Iterations of the final consistency step (0: none).", 0, 100000)
    refine_mu: float = param(0.1, "Weight keeping the consistency step close to M(A).", 0.0, 100.0)
    refine_guide_weight: float = param(0.5, "Weight of f_psi's image in the consistency step's anchor "
                                       "(the rest: M(A)).", 0.0, 1.0)
    scene_prior_iters: int = param(300, "Training iterations of a 'scene' prior.", 10, 100000)
    srf_sum_to_one: bool = param(False, "Constrain an estimated PAN response to sum to one (same radiometric scale).")
    seed: int = param(0, "Random seed.", expose=False)
    device: str = param("auto", "auto, cpu or cuda.", expose=False)

    PRESETS = {
        "paper": {"steps": 100, "grad_through_prior": True, "guidance_scale": 10.0, "guide_iters": 2000, "guide_width": 128, "guide_layers": 5,
                  "rank": 20, "nssd_width": 32, "nssd_first_iters": 1000, "nssd_iters": 100,
                  "nssd_final_iters": 500, "nssd_guide_weight": 0.0, "nssd_every": 10,
                  "guide_rank": 0, "guide_augment": False, "refine_iters": 0},
    }


@dataclass
class ResPanDiffTrainConfig:
    """Training settings (defaults: a short CPU run; `paper`: the paper's optimiser)."""
    iterations: int = param(2000, "Training iterations.", 1, 10 ** 7)
    batch: int = param(8, "Patches per iteration.", 1, 1024)
    patch: int = param(64, "Patch size in PAN pixels (a multiple of the ratio).", 8, 1024)
    lr: float = param(1e-3, "Peak learning rate (AdamW; cosine decay to lr/100).", 1e-7, 1.0)
    weight_decay: float = param(1e-4, "AdamW weight decay.", 0.0, 1.0, expose=False)
    gamma: float = param(1e4, "Weight of the boundary penalty.", 0.0, 1e8, expose=False)
    grad_clip: float = param(1.0, "Gradient-norm clip (0 = none).", 0.0, 1e6, expose=False)
    warmup: int = param(100, "Linear learning-rate warm-up iterations.", 0, 10 ** 6, expose=False)
    width: int = param(32, "Network width (half/quarter resolution).", 8, 256)
    width0: int = param(16, "Network width at full resolution.", 4, 256)
    max_seconds: float = param(0.0, "Wall-clock budget in seconds (0 = none): training stops at whichever of "
                                    "ITERATIONS or this comes first; the learning-rate decay follows the "
                                    "further-advanced of the two.", 0.0, 1e8, expose=False)
    val_every: int = param(500, "Validate (and checkpoint) every this many iterations (0 = only at the end).",
                           0, 10 ** 6)
    val_steps: int = param(15, "Sampling steps used for validation.", 1, 15, expose=False)
    gains: str = param("0.3", "MS MTF gain(s) for Wald degradation of raster pairs (number, list or sensor).",
                       expose=False)
    pan_gain: float = param(0.15, "PAN MTF gain for Wald degradation of raster pairs.", 0.01, 0.99, expose=False)
    seed: int = param(0, "Random seed.", 0, 2 ** 31 - 1)

    PRESETS = {"paper": {"lr": 1e-4, "batch": 32, "patch": 64, "iterations": 150000, "warmup": 0,
                         "width": 64, "width0": 32, "grad_clip": 0.0}}


@dataclass
class KSDiffTrainConfig:
    """Two-stage training settings (defaults: a short CPU run)."""
    iterations: int = param(3000, "Stage 1 iterations (PLFE1 + kernel generators + pansharpener, L1).", 0, 10 ** 7)
    iterations2: int = param(1500, "Stage 2 iterations (latent DDPM + PLFE2, jointly with the pansharpener).",
                             0, 10 ** 7)
    batch: int = param(8, "Patches per iteration.", 1, 1024)
    patch: int = param(64, "Patch size in PAN pixels.", 8, 1024)
    lr: float = param(1e-3, "Stage 1 peak learning rate (AdamW; cosine decay to lr/100).", 1e-7, 1.0)
    lr2: float = param(5e-4, "Stage 2 peak learning rate.", 1e-7, 1.0, expose=False)
    weight_decay: float = param(1e-4, "AdamW weight decay.", 0.0, 1.0, expose=False)
    grad_clip: float = param(1.0, "Gradient-norm clip (0 = none).", 0.0, 1e6, expose=False)
    warmup: int = param(100, "Linear learning-rate warm-up iterations (each stage).", 0, 10 ** 6, expose=False)
    width: int = param(24, "Pansharpener width.", 8, 256)
    zdim: int = param(32, "Latent code width C_z (tokens x C_z).", 4, 512, expose=False)
    plfe_width: int = param(32, "PLFE1 width (PLFE2 is half of it).", 8, 512, expose=False)
    latent_steps: int = param(4, "DDIM steps of the latent sampler in stage 2 and validation.", 1, 50,
                              expose=False)
    modulate: bool = param(True, "Kernel modulation with the latent code (False: the plain PanNeXt-U "
                                 "ablation; stage 2 is skipped).", expose=False)
    generator: str = param("tucker", "Kernel generator: 'tucker' or 'mlp' (ablation).", expose=False)
    max_seconds: float = param(0.0, "Wall-clock budget in seconds for both stages (0 = none), split in "
                                    "proportion to their iterations.", 0.0, 1e8, expose=False)
    val_every: int = param(500, "Validate (and checkpoint) every this many iterations (0 = at stage ends).",
                           0, 10 ** 6)
    gains: str = param("0.3", "MS MTF gain(s) for Wald degradation of raster pairs (number, list or sensor).",
                       expose=False)
    pan_gain: float = param(0.15, "PAN MTF gain for Wald degradation of raster pairs.", 0.01, 0.99, expose=False)
    seed: int = param(0, "Random seed.", 0, 2 ** 31 - 1)

    PRESETS = {"paper": {"lr": 2e-4, "lr2": 2e-4, "batch": 32, "patch": 64, "iterations": 300000,
                         "iterations2": 300000, "warmup": 0, "grad_clip": 0.0}}


@dataclass
class SceneAdaptationConfig:
    """Settings the trained pansharpeners (ResPanDiff, KSDiff) share: the consistency passes and
    scene adaptation (fitting the weights on the input pair degraded once more)."""
    consistency: int = param(-1, "Consistency passes after sharpening: the result, low-passed with the MS "
                                 "MTF and sampled at the MS pixels, is pulled back to the MS by back-projection "
                                 "(-1 = automatic: 3 passes with the weights as trained, none after scene "
                                 "adaptation, where they measured worse; 0 = off).", -1, 20)
    adapt_iters: int = param(0, "Scene adaptation: training iterations on the input pair degraded once more "
                                "(0 = use the weights as they are).", 0, 100000)
    adapt_lr: float = param(1e-3, "Learning rate of scene adaptation (AdamW).", 1e-6, 1e-1)
    adapt_batch: int = param(8, "Patches per adaptation iteration.", 1, 256)
    adapt_patch: int = param(32, "Adaptation patch size (PAN pixels of the degraded pair).", 8, 512)
    adapt_gains: str = param("0.3", "MS MTF gain(s) at Nyquist for the adaptation's degradation and the "
                                    "consistency passes: a number, "
                                    "comma-separated per-band numbers, or a sensor name (e.g. worldview3).",
                             expose=False)
    # 0.3 like the MS (not a PAN-specific 0.15): measured better for ResPanDiff on reduced WorldView-3
    # fitted from scratch (ERGAS 4.95 / 4.90 over two seeds vs 5.28) and Pleiades fine-tuned (2.08 vs 2.22)
    pan_gain: float = param(0.3, "PAN MTF gain at Nyquist for the adaptation's degradation.", 0.01, 0.99,
                            expose=False)


@dataclass
class ResPanDiffConfig(SceneAdaptationConfig):
    """Inference and scene-adaptation settings (defaults: fast on a CPU)."""
    steps: int = param(15, "Sampling steps (the chain has T = 15; fewer steps skip along it).", 1, 15)
    width: int = param(32, "Network width (half/quarter resolution) for a model fitted from scratch.", 8, 256,
                       expose=False)
    width0: int = param(16, "Network width at full resolution for a model fitted from scratch.", 4, 256,
                        expose=False)
    tile: int = param(512, "Tile size (PAN pixels) for large images; tiles overlap by `overlap`.", 64, 8192,
                      expose=False)
    overlap: int = param(32, "Tile overlap in PAN pixels.", 0, 512, expose=False)
    seed: int = param(0, "Random seed (noise and adaptation patches).", 0, 2 ** 31 - 1)

    PRESETS = {"paper": {"steps": 15, "consistency": 0, "adapt_lr": 1e-4, "adapt_batch": 32, "adapt_patch": 64,
                         "width": 64, "width0": 32}}


@dataclass
class KSDiffConfig(SceneAdaptationConfig):
    """Inference and scene-adaptation settings (defaults: fast on a CPU)."""
    steps: int = param(4, "DDIM steps of the latent sampler (the image network runs once).", 1, 50)
    ensemble: int = param(-1, "Self-ensemble: the network runs on the first N of the 8 flips/rotations of "
                              "the image and the results are averaged (N times the network's time; -1 = "
                              "automatic: 8 after scene adaptation, whose few training patches leave the "
                              "model noisy, 1 otherwise).", -1, 8)
    width: int = param(24, "Pansharpener width for a model fitted from scratch.", 8, 256, expose=False)
    # a few thousand patches of one small scene are too little to learn pansharpening from an
    # upsampled MS; refining a classical fusion (the network's residual starts at zero) is what
    # such a model can learn: reduced WorldView-3, seed 0, SAM / ERGAS 4.93 / 4.92 vs 5.48 / 5.15
    # with the upsampled MS (MTF-GLP-HPM alone: 5.24 / 5.01)
    fresh_base: str = param("mtfglphpm", "Image a model fitted from scratch refines (its LMS input and the base "
                                         "of its residual): 'mtfglphpm' or 'lms' (the upsampled MS).",
                            expose=False)
    tile: int = param(1024, "Tile size (PAN pixels) of the network inside one image or scene tile.", 64, 8192,
                      expose=False)
    overlap: int = param(32, "Tile overlap in PAN pixels.", 0, 512, expose=False)
    seed: int = param(0, "Random seed (latent noise and adaptation patches).", 0, 2 ** 31 - 1)

    PRESETS = {"paper": {"steps": 4, "consistency": 0, "adapt_lr": 2e-4, "adapt_batch": 32, "adapt_patch": 64}}
