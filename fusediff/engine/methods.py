"""The method registry: one entry per fusion method, and the two method families' protocols.

An entry names the method, its fusion problem, its input roles, its config dataclass (the
single source of defaults and presets; torch-free, in models.method_configs), its tiling and
the models module that implements it (loaded on use, so listing methods imports no torch).

Two families, written as protocols that the models modules satisfy:

- `TrainedPansharpener` (ResPanDiff, KSDiff): ``prepare`` once per scene (load and adapt the
  weights, fix the scene's code), then ``fuse_prepared`` per tile;
- `SelfLearningMethod` (SDP, ARGS-Diff, DM-ZS): ``learn`` once per scene (operators, priors and
  networks trained on the scene), then ``fuse_tile`` per tile.

`TrainedMethod` and `SelfLearningSceneMethod` run them inside `engine.scene.fuse_scene`. Their
learnt ``state`` pickles (weights, tensors, small dataclasses), so a scene can learn on one
machine and fuse its tiles on others.
"""
from __future__ import annotations

import dataclasses
import importlib
from typing import Any, Optional, Protocol, Sequence, runtime_checkable

import numpy as np

from .i18n import tr
from .scene import BoundLearnOnce
from .tiling import CLASSICAL, DIFFUSION, TILE_OVERLAP, Tiling


@runtime_checkable
class TrainedPansharpener(Protocol):
    """A pansharpener with trained weights (a models module: respandiff, ksdiff)."""

    def prepare(self, windows: Sequence, ratio: int, weights=None, config=None, progress=None,
                device="cpu", phase: float = 0.0) -> dict:
        """Once per scene: windows [(ms (1, C, h, w), pan (1, 1, rh, rw))] in [0, 1] -> state."""

    def fuse_prepared(self, state: dict, ms, pan, ratio: int, config=None, progress=None,
                      phase: float = 0.0):
        """One tile with a prepared state: ms (1, C, h, w), pan (1, 1, rh, rw) -> (1, C, rh, rw)."""


@runtime_checkable
class SelfLearningMethod(Protocol):
    """A method that learns from the scene itself (a models module: sdp, argsdiff, dmzs)."""

    def learn(self, samples: Sequence, ratio: int, srf=None, psf=None, config=None, progress=None,
              device=None) -> Any:
        """Once per scene: windows (low, high, low_valid) in [0, 1] -> learnt state."""

    def fuse_tile(self, learned: Any, low, high, progress=None) -> tuple:
        """One tile: low (1, C, h, w), high (1, c, rh, rw) -> (fused (1, C, rh, rw), info)."""


@dataclasses.dataclass(frozen=True)
class MethodEntry:
    """One method. ``roles``: (high, low) parameter names of its inputs; ``config``:
    'ClassName' in models.method_configs (None: no config); ``module``: the models module
    implementing ``family`` ('trained', 'self_learning' or 'classical'); ``tiling``: its tiles."""

    id: str
    name: str
    problem: str
    family: str
    roles: tuple
    module: str
    config: Optional[str] = None
    tiling: Tiling = CLASSICAL

    def config_class(self):
        """The config dataclass (torch-free import), or None."""
        if self.config is None:
            return None
        from ..models import method_configs
        return getattr(method_configs, self.config)

    def load(self):
        """The models module (imports torch for the diffusion methods)."""
        return importlib.import_module(f"..models.{self.module}", __package__)


#: KSDiff's network runs with the scene's fixed kernels on windows of at most 1024 px (about
#: 0.3 GB each): a tile of up to 1440 px plus 32 px of context on each side is 2 x 2 windows,
#: which `models.tiled.tiled_apply` computes in parallel (one per CPU thread). Tiles of up to
#: 1952 px were as fast on a 4000-px scene but took the 12000-px scene to 2.73 GB peak memory.
KSDIFF_TILING = Tiling(1440, TILE_OVERLAP, DIFFUSION.pad)

METHODS = {e.id: e for e in (
    MethodEntry("classical", "Classical", "pansharpening", "classical", ("PAN", "MS"), "classical"),
    MethodEntry("respandiff", "ResPanDiff", "pansharpening", "trained", ("PAN", "MS"), "respandiff",
                "ResPanDiffConfig", DIFFUSION),
    MethodEntry("ksdiff", "KSDiff", "pansharpening", "trained", ("PAN", "MS"), "ksdiff", "KSDiffConfig",
                KSDIFF_TILING),
    MethodEntry("dmzs", "DM-ZS", "hyperspectral_pansharpening", "self_learning", ("PAN", "HSI"), "dmzs",
                "DMZSConfig", DIFFUSION),
    MethodEntry("sdp", "SDP", "hsi_msi_fusion", "self_learning", ("MSI", "HSI"), "sdp", "SDPConfig", DIFFUSION),
    MethodEntry("argsdiff", "ARGS-Diff", "hsi_msi_fusion", "self_learning", ("MSI", "HSI"), "argsdiff",
                "ARGSDiffConfig", DIFFUSION),
)}


def method(method_id: str) -> MethodEntry:
    """The registry entry of ``method_id``."""
    return METHODS[method_id]


def _tensor(array):
    import torch
    return torch.from_numpy(np.ascontiguousarray(array))[None]


class _Logged(BoundLearnOnce):
    """A registry method in fuse_scene: learn/solve are its methods (it pickles without its log)."""

    def __init__(self, entry: MethodEntry, config, device, log=None):
        super().__init__(entry.name, log)
        self.entry_id = entry.id
        self.config = config
        self.device = device

    @property
    def module(self):
        return METHODS[self.entry_id].load()


class TrainedMethod(_Logged):
    """A `TrainedPansharpener` in fuse_scene: ``weights`` None (the bundled weights for the ratio),
    a bundled name or a file path."""

    def __init__(self, entry: MethodEntry, config, device, weights=None, log=None, uncertainty_samples: int = 0):
        super().__init__(entry, config, device, log)
        self.weights = weights
        #: K samples of the UNCERTAINTY output (0: not requested, no cost)
        self.uncertainty_samples = int(uncertainty_samples or 0)

    def learn(self, samples, ratio, progress):
        # once per scene: load the weights, adapt them (ADAPT_ITERS) on windows sampled across
        # the scene, and (KSDiff) fix the scene's latent code and kernels
        windows = [(_tensor(s.low), _tensor(s.high)) for s in samples]
        state = self.module.prepare(windows, ratio, weights=self.weights, config=self.config, progress=progress,
                                    device=self.device, phase=0.0)
        meta = state.get("meta") or {}
        if state.get("fresh"):
            self._log(tr("No weights fit {0} bands: a model was fitted on this scene.").format(windows[0][0].shape[1]))
        elif meta.get("data"):
            self._log(tr("Weights trained on: {0}").format(meta["data"]))
        return state

    def input_level(self, ratio: int, bands: int) -> float:
        """The level the weights were trained at (their model card; 1 when it records none)."""
        return float(self.module.input_level(self.weights, ratio))

    def solve(self, state, high, low, ratio, progress):
        out = self.module.fuse_prepared(state, _tensor(low), _tensor(high), ratio, config=self.config,
                                        progress=progress, phase=0.0)
        return out[0].cpu().numpy()

    def calibration(self, state, ratio: int) -> dict:
        """The uncertainty calibration of these weights (their model card), with a warning when
        they have none (other weights, a scene-adapted or fitted model)."""
        from pathlib import Path

        from ..models import uncertainty
        card = None
        if not (state.get("adapted") or state.get("fresh")):
            w = self.weights
            card = (self.module.bundled_weights(w if w else int(ratio))
                    if w is None or not Path(str(w)).suffix else Path(str(w)))
        cal = uncertainty.calibration_for(self.entry_id, card)
        if not cal["calibrated"] and not getattr(self, "_warned_uncalibrated", False):
            self._warned_uncalibrated = True
            self._log(tr("Warning: the uncertainty is not calibrated for these weights or this adapted model; "
                         "its scale (factor {0:g}, from the bundled ratio-2 weights) is a guess.").format(
                             float(cal["factor"])))
        return cal

    def solve_sigma(self, state, high, low, ratio, progress):
        # K samples on the prepared state (sample 0 is the ordinary output), plus MTF-GLP-HPM
        from ..models import uncertainty
        from ..models.progress import scoped
        ms, pan = _tensor(low), _tensor(high)
        cal = self.calibration(state, ratio)
        k = self.uncertainty_samples or int(cal["samples"])
        main = self.module.fuse_prepared(state, ms, pan, ratio, config=self.config,
                                         progress=scoped(progress, 0.0, 1.0 / k), phase=0.0)

        def sample(i):
            if i == 0:
                return main
            return self.module.fuse_sample(state, ms, pan, ratio, i, config=self.config,
                                           progress=scoped(progress, i / k, (i + 1) / k), phase=0.0)
        sigma = uncertainty.network_sigma(sample, ms.to(main.device), pan.to(main.device), ratio, 0.0, cal, k,
                                          gains=getattr(self.config, "adapt_gains", "0.3"))
        return main[0].cpu().numpy(), sigma[0].cpu().numpy()


class SelfLearningSceneMethod(_Logged):
    """A `SelfLearningMethod` in fuse_scene. ``srf_path``: a spectral response CSV (one row per
    band of the high-resolution raster), or None (estimated); ``learn_options``: further keyword
    arguments of ``learn`` (DM-ZS: prior)."""

    def __init__(self, entry: MethodEntry, config, device, srf_path=None, log=None, srf=None,
                 **learn_options):
        super().__init__(entry, config, device, log)
        self.srf_path = srf_path
        self.srf = srf  # a (n_high, n_low) matrix (a sensor's response), used instead of srf_path
        self.learn_options = learn_options

    def learn(self, samples, ratio, progress):
        from .srf import load_srf_for
        srf = self.srf if self.srf is not None else load_srf_for(
            self.srf_path, samples[0].low.shape[0], samples[0].high.shape[0])
        return self.module.learn(samples, ratio, srf=srf, config=self.config, progress=progress,
                                 device=self.device, **self.learn_options)

    def input_level(self, ratio: int, bands: int) -> float:
        """The level the method's constants were tuned at (`models.<method>.input_level`)."""
        return float(self.module.input_level(self.config))

    def solve(self, state, high, low, ratio, progress):
        out, _info = self.module.fuse_tile(state, _tensor(low), _tensor(high), progress=progress)
        return out[0].cpu().numpy()

    def calibration(self, state, ratio: int) -> dict:
        """The method's uncertainty calibration (`models.uncertainty.calibration_for`), with a
        warning (once) when it has none."""
        from ..models import uncertainty
        cal = uncertainty.calibration_for(self.entry_id)
        if not cal["calibrated"] and not getattr(self, "_warned_uncalibrated", False):
            self._warned_uncalibrated = True
            self._log(tr("Warning: the uncertainty of {0} is not calibrated; its scale is a guess.").format(self.name))
        return cal

    def solve_sigma(self, state, high, low, ratio, progress):
        # one run plus a free cross-method sample, the cubic-upsampled LR input: seeds barely move
        # these methods' outputs (bench/uncertainty.md); sigma = factor * local |out - upsampled|
        # (* sqrt(brightness) where the calibration says so)
        import torch

        from ..models import operators, uncertainty
        out, _info = self.module.fuse_tile(state, _tensor(low), _tensor(high), progress=progress)
        out = out[0].detach().cpu().to(torch.float32)
        up = operators.upsample(_tensor(low).to(torch.float32), int(ratio), 0.0)[0]
        up = up[:, :out.shape[1], :out.shape[2]]
        cal = self.calibration(state, ratio)
        spread = uncertainty.local((out - up).abs(), int(cal["window"]))
        if cal.get("brightness"):
            # the model's scale puts the scene's robust maximum at its input level
            spread = uncertainty.brightness_weighted(spread, out, self.input_level(int(ratio), out.shape[0]))
        sigma = uncertainty.apply_calibration(spread, float(cal["factor"]), float(cal.get("power", 1.0)))
        return out.numpy(), sigma.to(torch.float32).numpy()
