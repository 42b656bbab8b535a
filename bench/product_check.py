"""Classical methods through the product against the arrays (issue 18's check that they are
scale-invariant), on the Landsat-7 Wald cases (scenes 31-39, ratios 2 and 4) and the HM cases.

Usage (repository root): .venv/bin/python bench/product_check.py [--parts landsat,hm]
Writes bench/results_product.json and bench/results_product.md. One process, one QGIS session
(`bench/product.py`); the classical methods run on one thread.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

LANDSAT_METHODS = ("brovey", "gsa", "mtfglphpm")
METHOD_INDEX = {"brovey": 0, "gsa": 1, "mtfglphpm": 2, "cnmf": 3}


def _mean(rows):
    return {k: float(np.mean([r[k] for r in rows])) for k in rows[0]}


def landsat() -> dict:
    from bench import datasets as D
    from bench import product as P
    from fusediff.models import classical, metrics
    out = {}
    for ratio in (2, 4):
        rows = {f"{m}-{path}": [] for m in LANDSAT_METHODS for path in ("product", "array")}
        for s in D.LANDSAT_TEST:
            c = D.landsat_wald(s, ratio)
            for m in LANDSAT_METHODS:
                prod = P.fuse("classical", c["pan"], c["ms"], ratio, {"METHOD": METHOD_INDEX[m]})
                arr = classical.fuse(m, c["pan"], c["ms"], ratio, phase=0.0)
                for path, x in (("product", prod), ("array", arr)):
                    r = metrics.reference_metrics(np.asarray(x, np.float32), c["gt"], ratio)
                    rows[f"{m}-{path}"].append({k: float(r[k]) for k in ("psnr", "sam", "ergas", "q2n")})
        out[f"MPW{ratio}"] = {k: _mean(v) for k, v in rows.items()}
        print(json.dumps({f"MPW{ratio}": out[f"MPW{ratio}"]}), flush=True)
    return out


def hm() -> dict:
    from bench import datasets as D
    from bench import product as P
    from fusediff.models import classical, metrics
    out = {}
    for name in ("jasper", "samson", "paris"):
        c = D.hm_case(name, 0)
        prod = P.fuse("classical", c["msi"], c["hsi"], 4, {"METHOD": METHOD_INDEX["cnmf"]}, high_name="PAN",
                      low_name="MS")
        arr = classical.fuse("cnmf", c["msi"], c["hsi"], 4, seed=0)
        for path, x in (("product", prod), ("array", arr)):
            r = metrics.reference_metrics(np.asarray(x, np.float32), c["gt"], 4)
            out[f"{name}/cnmf-{path}"] = {k: float(r[k]) for k in ("psnr", "sam", "ergas")}
        print(json.dumps({k: v for k, v in out.items() if k.startswith(name)}), flush=True)
    return {"HM": out}


def write(res: dict) -> None:
    path = HERE / "results_product.json"
    old = json.loads(path.read_text()) if path.exists() else {}
    old.update(res)
    path.write_text(json.dumps(old, indent=1) + "\n")
    lines = ["# Classical methods: through the product vs on the arrays", "",
             "Written by `bench/product_check.py`. Product: the case as GeoTIFFs (grid convention) through "
             "`fusediff:classical` in-process (`bench/product.py`), with the product's per-scene scaling; array: "
             "`models.classical.fuse` on the protocol's arrays. Reference metrics on the interior (border = "
             "ratio); Landsat-7: mean over test scenes 31–39 (Wald protocol); HM: seed 0.", ""]
    for proto in ("MPW2", "MPW4"):
        if proto in old:
            lines += [f"## {proto} (Landsat-7 31–39)", "", "| method | path | PSNR | SAM | ERGAS | Q4 |",
                      "|---|---|---|---|---|---|"]
            for k, v in old[proto].items():
                m, p = k.rsplit("-", 1)
                lines.append(f"| {m} | {p} | {v['psnr']:.3f} | {v['sam']:.4f} | {v['ergas']:.4f} | {v['q2n']:.4f} |")
            lines.append("")
    if "HM" in old:
        lines += ["## HM (seed 0)", "", "| dataset | method | path | PSNR | SAM | ERGAS |", "|---|---|---|---|---|---|"]
        for k, v in old["HM"].items():
            ds, mp = k.split("/")
            m, p = mp.rsplit("-", 1)
            lines.append(f"| {ds} | {m} | {p} | {v['psnr']:.3f} | {v['sam']:.4f} | {v['ergas']:.4f} |")
        lines.append("")
    (HERE / "results_product.md").write_text("\n".join(lines))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="landsat,hm")
    args = ap.parse_args()
    import torch
    torch.set_num_threads(1)
    res = {}
    parts = args.parts.split(",")
    if "landsat" in parts:
        res.update(landsat())
        write(res)
    if "hm" in parts:
        res.update(hm())
        write(res)


if __name__ == "__main__":
    main()
