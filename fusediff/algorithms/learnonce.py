"""A self-learning method as `fuse_scene` runs it: learn once from the scene, solve per tile.

SDP, ARGS-Diff and DM-ZS split into ``learn(samples, ...)`` (what belongs to
the scene: blind operators, priors and networks trained on its pixels) and
``fuse_tile(learned, low, high, ...)`` (the per-tile solve). `LearnOnce`
calls the first once on windows sampled across the scene
(`base.scene_sample`; the whole scene when it is small) and the second on
every tile, and logs both.
"""
from __future__ import annotations

import time

import numpy as np

from .base import SceneMethod, tr


class LearnOnce(SceneMethod):
    """SceneMethod from ``learn(samples, ratio, progress) -> state`` and
    ``solve(state, high (Ch, h, w), low (C, h/r, w/r), ratio, progress) -> (C, h, w)``
    (arrays in the method's scale: the scene's robust maximum at ``level``, see
    `SceneMethod.input_level`). ``name``: the method's name in the log; ``feedback``:
    the Processing feedback (or None)."""

    def __init__(self, name: str, learn, solve, feedback=None, level=None):
        super().__init__(level=level)
        self.name = name
        self._learn = learn
        self._solve = solve
        self.feedback = feedback
        self.state = None
        self.learn_calls = 0

    def prepare(self, samples, ratio: int, progress) -> None:
        t0 = time.perf_counter()
        self.state = self._learn(samples, int(ratio), progress)
        self.learn_calls += 1
        self._log(tr("{0}: learned from {1} window(s) of the scene in {2:.1f} s.")
                  .format(self.name, len(samples), time.perf_counter() - t0))

    def fuse_tile(self, high, low, ratio: int, progress) -> np.ndarray:
        if self.state is None:
            raise RuntimeError("fuse_tile before prepare")
        t0 = time.perf_counter()
        out = self._solve(self.state, high, low, int(ratio), progress)
        self._log(tr("{0}: tile fused in {1:.1f} s.").format(self.name, time.perf_counter() - t0))
        return out

    def _log(self, line: str) -> None:
        if self.feedback is not None:
            self.feedback.pushInfo(line)
