"""Input levels (issue 18): where the 99.9th percentile of both inputs (the product's robust
maximum, `fusediff.engine.scaling.SceneScale`) sits on the data each method was trained or tuned on.

- Landsat-7 Wald cases (bench.datasets.landsat_wald: DN / 255) at ratios 2 and 4: training scenes
  01-30 (median, mean, range; recorded in the ResPanDiff/KSDiff model cards as input_scale.level)
  and the test scenes 31-39 (for information);
- HM and HP simulations (reference scaled by its maximum, seed 0) of Jasper, Samson, Paris
  (recorded in fusediff/models/method_configs.py: HM_TUNING_LEVELS, HP_TUNING_LEVELS).

Usage (repository root): .venv/bin/python bench/experiments/levels.py   (prints JSON; $FUSEDIFF_DATA for the data)
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))


def main() -> None:
    from bench import datasets as D
    from fusediff.engine.scaling import SceneScale

    def level(*arrays) -> float:
        return SceneScale.from_inputs([(a, None) for a in arrays]).maximum

    out = {}
    for r in (2, 4):
        v = [level(c["pan"], c["ms"]) for c in (D.landsat_wald(s, r) for s in D.LANDSAT_TRAIN + D.LANDSAT_TEST)]
        train = np.array(v[:30])
        out[f"landsat_r{r}"] = {"train_median": float(np.median(train)), "train_mean": float(train.mean()),
                                "train_min": float(train.min()), "train_max": float(train.max()),
                                "test": [round(x, 4) for x in v[30:]]}
    for name in ("jasper", "samson", "paris"):
        c = D.hm_case(name, 0)
        out[f"HM_{name}"] = level(c["msi"], c["hsi"])
        c = D.hp_case(name)
        out[f"HP_{name}"] = level(c["pan"], c["hsi"])
    print(json.dumps(out, indent=1))


if __name__ == "__main__":
    main()
