"""Which benchmark rows go through the product path (`bench.product`: the case's arrays written
as GeoTIFFs on the grid convention, fused by the engine, the output read back).

`product_runner(protocol, method)` gives ``fn(case, seed) -> (C, H, W)`` for the MP, HM and HP
rows of the methods the product has (the classical ones, ResPanDiff, KSDiff, SDP, ARGS-Diff,
DM-ZS and their ablation rows that are parameters), else None (the row stays on arrays).
"""
from __future__ import annotations


import numpy as np

#: Protocols whose rows go through the engine.
PRODUCT_PROTOCOLS = ("MP", "HM", "HP")
#: Scene adaptation of the pansharpeners on a sensor without bundled weights (as bench/method_*.py).
ADAPT_ITERS_NEW_SENSOR = 1500

#: runner name -> (algorithm, parameters)
ENGINE_METHODS = {
    "brovey": ("classical", {"METHOD": "brovey"}),
    "gsa": ("classical", {"METHOD": "gsa"}),
    "mtfglphpm": ("classical", {"METHOD": "mtfglphpm"}),
    "cnmf": ("classical", {"METHOD": "cnmf"}),
    "respandiff": ("respandiff", {}),
    "respandiff-adapt": ("respandiff", {"ADAPT_ITERS": 1000}),
    "respandiff-nocons": ("respandiff", {"CONSISTENCY": 0}),
    "ksdiff": ("ksdiff", {}),
    "ksdiff-adapt": ("ksdiff", {"ADAPT_ITERS": 1000}),
    "ksdiff-nocons": ("ksdiff", {"CONSISTENCY": 0}),
    "sdp": ("sdp", {}),
    "sdp-paper": ("sdp", {"PRESET": "paper"}),
    "argsdiff": ("argsdiff", {}),
    "argsdiff-noargm": ("argsdiff", {"ARGM": False}),
    "dmzs": ("dmzs", {}),
}


def product_runner(protocol: str, method: str):
    """The engine runner of a row, or None when the row has no product equivalent."""
    if protocol not in PRODUCT_PROTOCOLS or method not in ENGINE_METHODS:
        return None
    algorithm, params = ENGINE_METHODS[method]

    def run(case: dict, seed: int) -> np.ndarray:
        from bench.product import fuse
        from fusediff.engine.registry import get_spec
        high_name, low_name = get_spec(algorithm).pair
        values = dict(params)
        if algorithm in ("respandiff", "ksdiff") and np.asarray(case["low"]).shape[0] != 4 \
                and "ADAPT_ITERS" not in values:
            values["ADAPT_ITERS"] = ADAPT_ITERS_NEW_SENSOR  # no bundled weights for this band count
            if algorithm == "respandiff":
                values.update(ADAPT_LR=2e-3, ADAPT_PATCH=48)
        if algorithm != "classical":
            values.update(SEED=seed, DEVICE="cpu")
        values["RATIO"] = int(case["ratio"])
        return fuse(algorithm, case["high"], case["low"], int(case["ratio"]), values, high_name=high_name,
                    low_name=low_name, phase=float(case.get("phase", 0.0)))
    return run
