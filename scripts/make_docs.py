#!/usr/bin/env python3
"""`make docs`: user pages generated from the same data as the QGIS help and `fusediff help`.

- docs/algorithms/<name>.md and docs/algorithms/README.md from the algorithm specs
  (fusediff.engine.registry): help text and the parameter table, written once in the code;
- docs/benchmarks.md from bench/results.json (current numbers only).

Run from the repository root with the project's venv: .venv/bin/python scripts/make_docs.py
(--check exits 1 when a generated page differs from the committed one).
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

KIND_NAMES = {"raster": "raster", "raster_out": "raster (output)", "file": "file", "file_out": "file (output)",
              "folder": "folder", "folder_out": "folder (output)", "enum": "choice", "bool": "yes/no",
              "int": "integer", "float": "number", "bands": "band list", "string": "text",
              "rasters": "rasters (several)"}


def html_to_markdown(text: str) -> str:
    """The small HTML subset of the help strings (<p>, <b>, <i>, <br>, <ul>/<li>, entities) -> Markdown."""
    t = text
    t = re.sub(r"</?p>", "\n\n", t)
    t = re.sub(r"<br\s*/?>", "\n", t)
    t = re.sub(r"</?b>", "**", t)
    t = re.sub(r"</?i>", "*", t)
    t = re.sub(r"<li>", "\n- ", t)
    t = re.sub(r"</li>|</?ul>", "", t)
    t = re.sub(r"<[^>]+>", "", t)
    t = html.unescape(t)
    t = re.sub(r"[ \t]+\n", "\n", t)
    return re.sub(r"\n{3,}", "\n\n", t).strip()


def _default(p) -> str:
    if p.default is None:
        return "" if p.optional or p.is_output else "(required)"
    if p.kind == "enum":
        return f"{p.default} ({p.choices[int(p.default)]})"
    if p.kind == "bool":
        return "yes" if p.default else "no"
    return f"{p.default:g}" if isinstance(p.default, float) else str(p.default)


def algorithm_page(spec) -> str:
    """Markdown page of one algorithm."""
    lines = [f"# {spec.display_name}", "", f"Id: `fusediff:{spec.name}` — group: {spec.group}.", "",
             html_to_markdown(spec.help), "", "## Run it", "",
             "```sh", f"fusediff run {spec.name} " + " ".join(
                 f"--{p.name}=..." for p in spec.params if not p.optional and p.default is None) + "",
             f"qgis_process run fusediff:{spec.name} -- " + " ".join(
                 f"{p.name}=..." for p in spec.params if not p.optional and p.default is None), "```", "",
             "```python", "import fusediff", f"fusediff.run(\"{spec.name}\", " + ", ".join(
                 f"{p.name}=..." for p in spec.params if not p.optional and p.default is None) + ")", "```", "",
             "## Parameters", "", "| name | kind | default | meaning |", "|---|---|---|---|"]
    for p in spec.params:
        meaning = (p.help or p.label).replace("|", "\\|").replace("\n", " ")
        if p.kind == "enum":
            meaning += " Choices: " + ", ".join(f"{i} {c}" for i, c in enumerate(p.choices)) + "."
        bounds = []
        if p.minimum is not None:
            bounds.append(f"min {p.minimum:g}")
        if p.maximum is not None:
            bounds.append(f"max {p.maximum:g}")
        if bounds:
            meaning += f" ({', '.join(bounds)})"
        flags = " (advanced)" if p.advanced else ""
        flags += " (optional)" if p.optional and not p.is_output else ""
        lines.append(f"| `{p.name}` | {KIND_NAMES[p.kind]}{flags} | {_default(p)} | {meaning} |")
    return "\n".join(lines) + "\n"


def algorithm_pages() -> dict:
    """{relative path: text} of the algorithm pages and their index."""
    from fusediff.engine.registry import algorithm_specs
    specs = algorithm_specs()
    pages = {f"algorithms/{name}.md": algorithm_page(spec) for name, spec in specs.items()}
    index = ["# Algorithms", "", "Generated from the algorithms' own declarations (the same text as the QGIS "
             "help and `fusediff help`).", "", "| id | name | group |", "|---|---|---|"]
    index += [f"| [`fusediff:{n}`]({n}.md) | {s.display_name} | {s.group} |" for n, s in specs.items()]
    pages["algorithms/README.md"] = "\n".join(index) + "\n"
    return pages


METRICS = {"HM": ("psnr", "sam", "ergas", "ssim"), "HP": ("psnr", "sam", "ergas", "ssim"),
           "MP": ("psnr", "sam", "ergas", "q2n"), "MPW2": ("psnr", "sam", "ergas", "q2n"),
           "MPW4": ("psnr", "sam", "ergas", "q2n"), "MPF": ("d_lambda", "d_s", "qnr", "hqnr"),
           "HMR": ("d_lambda", "d_s", "qnr"), "HPR": ("d_lambda", "d_s", "qnr"),
           "S2": ("psnr", "sam", "ergas")}
PROTOCOL_TITLES = {
    "HM": "HSI–MSI fusion (simulated, noisy; 3 seeds)", "HMR": "HSI–MSI fusion, real Hyperion + ALI (no reference)",
    "HP": "Hyperspectral pansharpening (simulated)", "HPR": "Hyperspectral pansharpening, real Hyperion + ALI pan",
    "MP": "Multispectral pansharpening, WorldView-3 / Pléiades reduced resolution",
    "MPW2": "Landsat-7, Wald's protocol, ratio 2 (mean over test scenes 31–39)",
    "MPW4": "Landsat-7, Wald's protocol, ratio 4 (mean over test scenes 31–39)",
    "MPF": "Landsat-7 full resolution (no reference; mean over scenes)",
    "S2": "Sentinel-2 20 m bands, Wald's protocol one level down"}


def benchmarks_page() -> str:
    """docs/benchmarks.md from bench/results.json: one table per protocol, means over seeds/scenes."""
    data = json.loads((ROOT / "bench" / "results.json").read_text())
    rows = data["rows"]
    groups: dict = {}
    for r in rows:
        if r.get("protocol") in ("MPW2", "MPW4", "MPF"):
            key = (r["protocol"], "scenes 31–39" if r["protocol"] != "MPF" else "scenes", r["method"])
        else:
            key = (r.get("protocol"), r.get("dataset"), r.get("method"))
        groups.setdefault(key, []).append(r)
    out = ["# Benchmarks", "",
           "Generated from `bench/results.json` (`make bench`; protocol in [benchmark-protocol.md]"
           "(benchmark-protocol.md)). Rows come from the product path (the algorithms on GeoTIFFs) unless "
           "labelled otherwise; values are means over seeds or scenes. Quality metrics on [0, 1] data over the "
           "interior; higher PSNR/SSIM/Q/QNR and lower SAM/ERGAS/D are better. \"(tuned on)\" marks a row on data "
           "that was used to choose the method's settings (not a held-out result); \"(array level)\" a row run on "
           "the arrays instead of through the product (ablations and studies).", ""]
    machine = data.get("machine")
    for proto in METRICS:
        keys = sorted(k for k in groups if k[0] == proto)
        if not keys:
            continue
        metrics = METRICS[proto]
        out += [f"## {PROTOCOL_TITLES.get(proto, proto)}", "",
                "| data | method | " + " | ".join(metrics) + " | wall s | n |",
                "|---|---|" + "---|" * len(metrics) + "---|---|"]
        for k in keys:
            rs = groups[k]
            vals = []
            for m in metrics:
                xs = [r[m] for r in rs if isinstance(r.get(m), (int, float))]
                vals.append(f"{sum(xs) / len(xs):.4g}" if xs else "")
            wall = [r["wall_s"] for r in rs if isinstance(r.get("wall_s"), (int, float))]
            label = k[2] + (" (tuned on)" if any(r.get("tuned_on") for r in rs) else "") + \
                (" (array level)" if any(r.get("array_level") for r in rs) else "")
            out.append(f"| {k[1]} | {label} | " + " | ".join(vals) +
                       f" | {sum(wall) / len(wall):.1f} | {len(rs)} |" if wall else
                       f"| {k[1]} | {label} | " + " | ".join(vals) + f" |  | {len(rs)} |")
        out.append("")
    if machine:
        out += [f"Machine: {machine if isinstance(machine, str) else json.dumps(machine)}", ""]
    return "\n".join(out)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="exit 1 when a page is out of date")
    args = parser.parse_args()
    pages = algorithm_pages()
    pages["benchmarks.md"] = benchmarks_page()
    stale = []
    for rel, text in pages.items():
        path = ROOT / "docs" / rel
        if path.is_file() and path.read_text() == text:
            continue
        stale.append(rel)
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text)
    if args.check and stale:
        print("Out of date (run make docs):", ", ".join(stale))
        return 1
    print(f"{len(pages)} pages" + (f", {len(stale)} written" if stale and not args.check else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
