"""Merge rows measured through the product into bench/results.json.

Usage (repository root): .venv/bin/python bench/merge_product_rows.py OUT_DIR [OUT_DIR ...]
where each OUT_DIR holds a results.json written by `bench/run.py --out OUT_DIR` for product rows.
Earlier rows of respandiff, ksdiff, sdp, argsdiff and dmzs that were not measured through the
product (array-level runs of before) are kept, renamed ``<method>-array``; the new rows get
``path: product``; results.md is rewritten.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

PRODUCT = {"respandiff", "ksdiff", "sdp", "argsdiff", "dmzs"}


def main(dirs: list[str]) -> None:
    from bench import run as R
    res = HERE / "results.json"
    old = json.loads(res.read_text())["rows"]
    new = []
    for d in dirs:
        p = Path(d) / "results.json"
        if p.exists():
            new += [dict(r, path="product") for r in json.loads(p.read_text())["rows"] if "error" not in r]
    rows = [dict(r, method=r["method"] + "-array", path="array")
            if r["method"] in PRODUCT and r.get("path") != "product" else r for r in old]

    def key(r):
        return r["protocol"], r["dataset"], r["method"], r["seed"]
    done = {key(r) for r in new}
    rows = [r for r in rows if key(r) not in done] + new
    R.write_reports(rows, R.aggregate(rows), HERE)
    print(f"{len(rows)} rows; {len(new)} from the product")


if __name__ == "__main__":
    main(sys.argv[1:])
