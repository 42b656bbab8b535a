"""Classical methods through the product against the arrays (issue 18's check that they are
scale-invariant), on the Landsat-7 Wald cases (scenes 31-39, ratios 2 and 4) and the HM cases.

Usage (repository root): .venv/bin/python bench/experiments/product_check.py [--parts landsat,hm]
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
             "Written by `bench/experiments/product_check.py`. Product: the case as GeoTIFFs (grid convention) through "
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
    lines += bars(old)
    (HERE / "results_product.md").write_text("\n".join(lines))


def bars(check: dict) -> list[str]:
    """Issue 18's bars from the product rows of bench/results.json and the classical rows above."""
    rows = json.loads((HERE / "results.json").read_text())["rows"]

    def mean(proto, method, datasets=None, seed=0):
        rs = [r for r in rows if r["protocol"] == proto and r["method"] == method and r["seed"] == seed
              and "error" not in r and (datasets is None or r["dataset"] in datasets)]
        return {k: float(np.mean([r[k] for r in rs])) for k in ("psnr", "sam", "ergas")} if rs else None

    out = ["## Bars (issue 18)", "", "Product rows of `bench/results.json` (seed 0); best classical = the lowest "
           "SAM and the lowest ERGAS among Brovey, GSA and MTF-GLP-HPM through the product.", "",
           "| protocol | method | PSNR | SAM | ERGAS | SAM vs best classical | ERGAS vs best classical |",
           "|---|---|---|---|---|---|---|"]
    for proto in ("MPW2", "MPW4"):
        if proto not in check:
            continue
        cls = {k.rsplit("-", 1)[0]: v for k, v in check[proto].items() if k.endswith("-product")}
        best_sam = min(cls.items(), key=lambda kv: kv[1]["sam"])
        best_ergas = min(cls.items(), key=lambda kv: kv[1]["ergas"])
        for m in ("ksdiff", "respandiff"):
            v = mean(proto, m)
            if v:
                out.append(f"| {proto} | {m} | {v['psnr']:.3f} | {v['sam']:.4f} | {v['ergas']:.4f} | "
                           f"{100 * (1 - v['sam'] / best_sam[1]['sam']):.1f} % below {best_sam[0]} "
                           f"({best_sam[1]['sam']:.4f}) | {100 * (1 - v['ergas'] / best_ergas[1]['ergas']):.1f} % "
                           f"below {best_ergas[0]} ({best_ergas[1]['ergas']:.4f}) |")
    out += ["", "| dataset | method | PSNR (product) | PSNR (array, seed 0) | product − array | product − CNMF |",
            "|---|---|---|---|---|---|"]
    for ds in ("jasper", "samson", "paris"):
        cnmf = check.get("HM", {}).get(f"{ds}/cnmf-product")
        for m in ("sdp", "argsdiff"):
            v, a = mean("HM", m, [ds]), mean("HM", m + "-array", [ds])
            if v and a:
                gap = f"{v['psnr'] - cnmf['psnr']:+.2f} dB" if cnmf else "–"
                out.append(f"| {ds} | {m} | {v['psnr']:.2f} | {a['psnr']:.2f} | {v['psnr'] - a['psnr']:+.2f} dB "
                           f"| {gap} |")
    hp = [(ds, mean("HP", "dmzs", [ds]), mean("HP", "dmzs-array", [ds]), mean("HP", "mtfglphpm", [ds]))
          for ds in ("jasper", "samson", "paris")]
    if any(v for _, v, _, _ in hp):
        out += ["", "| dataset (HP) | method | PSNR (product) | PSNR (array, seed 0) | product − array | "
                "product − MTF-GLP-HPM |", "|---|---|---|---|---|---|"]
        for ds, v, a, c in hp:
            if v and a and c:
                out.append(f"| {ds} | dmzs | {v['psnr']:.2f} | {a['psnr']:.2f} | {v['psnr'] - a['psnr']:+.2f} dB | "
                           f"{v['psnr'] - c['psnr']:+.2f} dB |")
        out += ["", "DM-ZS is not scale-free: its one level (the median of the HP simulations', 0.621) puts Samson "
                "(whose simulation sits at 0.786) at 0.79 of its tuning scale, and the array-level DM-ZS run "
                "with Samson's inputs x 0.7904 scores 40.95 dB (seed 0) against 41.56 dB at the simulation's "
                "scale: the product's 40.88 dB is that loss, not a product defect. Open: scale-free DM-ZS "
                "constants."]
    return out + [""]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--parts", default="landsat,hm", help="landsat,hm; 'none' only rewrites the report")
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
