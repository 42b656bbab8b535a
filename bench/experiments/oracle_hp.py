"""How far can PAN detail injection go on the HP cases, even with gains taken from the ground truth?

Usage (repository root):
    .venv/bin/python bench/experiments/oracle_hp.py [--out bench]

Issue 5 asks DM-ZS to beat the best classical method by 2 dB on HP Jasper and
Samson. This measures oracle versions of the pansharpening model

    X_b = up(Y)_b + g_b * (P - up(tau(P)))

(up: the project's cubic upsampling, tau: the true gauss9 blur + x4
decimation, P: the PAN) where the gains g_b are least-squares fits to the
ground truth's detail GT_b - up(Y)_b: one gain per band for the whole image,
or one per band in every B x B block. Each oracle image is then passed
through DM-ZS's own consistency step (`dmzs.refine`, mu 0.1, 200 iterations,
the true operators), which makes it reproduce both inputs. No method without
the ground truth can fit those gains, so these numbers bound what detail
injection plus back-projection can reach. Scores: `models.metrics` PSNR / SAM
on the interior (border 4). Writes oracle_hp.json and oracle_hp.md.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

BLOCKS = (0, 16, 8)  # 0: one gain per band for the whole image


def oracle_gains(up: np.ndarray, detail: np.ndarray, gt: np.ndarray, block: int) -> np.ndarray:
    """up (C, H, W) + g * detail (H, W) with g (C,) per block fitted to gt - up; block 0 = whole image."""
    out = up.copy()
    H, W = detail.shape
    step_y, step_x = (H, W) if block == 0 else (block, block)
    for i in range(0, H, step_y):
        for j in range(0, W, step_x):
            d = detail[i:i + step_y, j:j + step_x]
            r = gt[:, i:i + step_y, j:j + step_x] - up[:, i:i + step_y, j:j + step_x]
            g = (r * d).sum((1, 2)) / max(float((d * d).sum()), 1e-12)
            out[:, i:i + step_y, j:j + step_x] += g[:, None, None] * d
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "bench" / "experiments"))
    args = ap.parse_args()

    import torch

    from bench import datasets
    from fusediff.models import classical, dmzs, metrics, operators

    def score(x: np.ndarray, gt: np.ndarray) -> list[float]:
        x = np.clip(x, 0, 1)
        return [round(float(metrics.psnr(x, gt, border=4)), 2), round(float(metrics.sam(x, gt, border=4)), 2)]

    rows = {}
    for name in ("jasper", "samson"):
        case = datasets.hp_case(name)
        gt = case["gt"].astype(np.float64)
        hsi = torch.as_tensor(case["hsi"])[None]
        pan = torch.as_tensor(case["pan"])[None]
        op = dmzs.Degradation(case["psf"], case["srf"].reshape(1, -1), 4, 0, hsi)
        size = pan.shape[-2:]
        up = operators.upsample(hsi, 4)[0, :, :size[0], :size[1]].double().numpy()
        pan_low = operators.upsample(op.tau(pan), 4)[0, 0, :size[0], :size[1]].double().numpy()
        detail = case["pan"][0].astype(np.float64) - pan_low

        def refined(x: np.ndarray) -> np.ndarray:
            return dmzs.refine(torch.as_tensor(x, dtype=torch.float32)[None], hsi, pan, op, 0.1, 200)[0].numpy()

        hpm = classical.mtf_glp_hpm(case["pan"], case["hsi"], 4)
        row = {"bicubic": score(up, gt), "mtfglphpm": score(hpm, gt), "mtfglphpm+consistency": score(refined(hpm), gt)}
        for b in BLOCKS:
            x = oracle_gains(up, detail, gt, b)
            label = "oracle gains, whole image" if b == 0 else f"oracle gains, {b}x{b} blocks"
            row[label] = score(x, gt)
            row[label + " + consistency"] = score(refined(x), gt)
        rows[name] = row
        print(name, json.dumps(row), flush=True)
    data = {"date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "rows": rows}
    Path(args.out, "oracle_hp.json").write_text(json.dumps(data, indent=1) + "\n")
    lines = ["# HP: PAN detail injection with gains fitted to the ground truth", "",
             f"Written by `bench/experiments/oracle_hp.py` ({data['date']}); see its docstring for the method. "
             "PSNR dB / SAM deg against the reference (border 4); true PSF and PAN response.", "",
             "| image | " + " | ".join(rows) + " |", "|---|" + "---|" * len(rows)]
    for label in next(iter(rows.values())):
        lines.append(f"| {label} | " + " | ".join(f"{r[label][0]} / {r[label][1]}" for r in rows.values()) + " |")
    Path(args.out, "oracle_hp.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
