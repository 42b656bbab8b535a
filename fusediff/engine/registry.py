"""The algorithm registry: every FuseDiff algorithm's `AlgorithmSpec`, in toolbox order.

Each algorithm lives in ``fusediff.engine.algorithms.<name>`` as a module-level ``SPEC`` (which
imports no torch) and a run function named by the spec. The QGIS provider, the CLI and the Python
API all list and run algorithms from here.
"""
from __future__ import annotations

import importlib

from .params import AlgorithmSpec

#: Algorithm ids in toolbox order (modules under fusediff.engine.algorithms).
ALGORITHM_NAMES = (
    "prepare_product", "classical", "simulate", "assess",
    "respandiff", "ksdiff", "dmzs", "sdp", "argsdiff", "sentinel2", "train", "batch",
)


def algorithm_specs() -> dict:
    """{name: AlgorithmSpec} of every algorithm whose module is present, in toolbox order."""
    specs = {}
    for name in ALGORITHM_NAMES:
        try:
            module = importlib.import_module(f".algorithms.{name}", __package__)
        except ModuleNotFoundError as exc:
            if exc.name == f"{__package__}.algorithms.{name}":
                continue  # not shipped
            raise
        specs[name] = module.SPEC
    return specs


def get_spec(name: str) -> AlgorithmSpec:
    """The spec of algorithm ``name`` ('ksdiff' or 'fusediff:ksdiff'); UserError when unknown."""
    from .errors import UserError
    key = name.split(":", 1)[1] if name.startswith("fusediff:") else name
    specs = algorithm_specs()
    if key not in specs:
        raise UserError(f"Unknown algorithm '{name}'; the algorithms are {', '.join(specs)}.")
    return specs[key]
