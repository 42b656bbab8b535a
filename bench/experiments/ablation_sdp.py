"""SDP ablation on HM-Jasper (seed 0): the effect of each CPU-speed choice.

Usage (repository root): .venv/bin/python bench/experiments/ablation_sdp.py [--threads 2] [--cases jasper,samson,paris]
[--only 18 19 ...] [--out bench/experiments/ablation_sdp.md]

Each row changes one thing from the `SDPConfig` it names (true PSF/SRF are
passed so that the rows isolate the choice; the blind default is the
benchmark's `sdp` row). Priors are trained once per training setting and
reused by the rows that share it; a row's time is its prior's training time
plus warm start plus solve, as wall and CPU seconds (the machine may be
shared: the 1-minute load average is recorded per row). Scores: interior
(border 4) PSNR / SAM / ERGAS from models.metrics.
"""
from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import torch  # noqa: E402

from bench.datasets import hm_case  # noqa: E402
from fusediff.models import metrics, scene, sdp  # noqa: E402

#: The defaults before session 6 (2026-11-22), which rows 0-17 were measured with: raw inputs (no
#: denoising), subspace rank 10, ridge 0.1, solve lr 1e-4.
SESSION5 = dict(denoise=False, subspace_rank=10, init_ridge=0.1, solve_lr=1e-4)
#: The warm start of rows 2-12 (measured first, 2026-11-21): ridge to the spectral regression alone,
#: no smoothness term. Rows 13-17 use the session-5 default warm start.
REGRESSION_ONLY = dict(SESSION5, init_target="regression", init_smooth=0.0)

ROWS = [
    ("cubic upsampling (no fusion)", dict(init="cubic", gamma=0.0, steps=0)),
    ("warm start only: subspace LS rank 4, ridge to cubic", dict(init_target="cubic", subspace_rank=4,
                                                                 init_ridge=1e-3, init_smooth=0.0, steps=0)),
    ("warm start only: subspace LS rank 10, ridge to spectral regression", dict(REGRESSION_ONLY, steps=0)),
    ("warm start of row 2 + 20 x 3 prior-MAP steps, t 300->100", dict(REGRESSION_ONLY)),
    ("row 3, gamma = 0 (same Adam steps, no prior)", dict(REGRESSION_ONLY, gamma=0.0)),
    ("row 3, solve lr 1e-3 (paper's)", dict(REGRESSION_ONLY, solve_lr=1e-3)),
    ("row 3, prior on all pixels (fraction 1.0)", dict(REGRESSION_ONLY, prior_fraction=1.0)),
    ("row 3, SDS prior gradient (no denoiser Jacobian)", dict(REGRESSION_ONLY, prior_grad="sds")),
    ("row 3, t from T (1000->100)", dict(REGRESSION_ONLY, t_start=1.0)),
    ("row 3, X from ones (paper's init), lr 1e-2", dict(init="ones", solve_lr=1e-2)),
    ("row 3, prior 100 iterations", dict(REGRESSION_ONLY, train_iters=100)),
    ("row 3, prior 1600 iterations", dict(REGRESSION_ONLY, train_iters=1600)),
    ("row 3, prior 400 its constant lr", dict(REGRESSION_ONLY, lr_schedule="constant")),
    ("warm start only: ridge to CNMF", dict(SESSION5, init_target="cnmf", init_smooth=0.0, steps=0)),
    ("warm start only: ridge to the mean of regression and CNMF", dict(SESSION5, init_smooth=0.0, steps=0)),
    ("warm start only: row 14 + smoothness 0.003 (session-5 warm start)", dict(SESSION5, steps=0)),
    ("session-5 default (row 15 + 20 x 3 prior-MAP steps, t 300->100)", dict(SESSION5)),
    ("session-5 default, gamma = 0 (same Adam steps, no prior)", dict(SESSION5, gamma=0.0)),
    # session 6: noise suppression and the choices retuned with it
    ("row 16 + Wiener denoising of both inputs", dict(SESSION5, denoise=True)),
    ("row 18 + ridge 0.3", dict(SESSION5, denoise=True, init_ridge=0.3)),
    ("row 19 + subspace rank estimated from the noise level", dict(SESSION5, denoise=True, init_ridge=0.3,
                                                                  subspace_rank=0)),
    ("row 20 + solve lr 3e-5 (current default)", dict()),
    ("current default, warm start only", dict(steps=0)),
    ("current default, gamma = 0 (same Adam steps, no prior)", dict(gamma=0.0)),
    ("current default, no denoising", dict(denoise=False)),
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--out", default=str(ROOT / "bench" / "experiments" / "ablation_sdp.md"))
    ap.add_argument("--only", type=int, nargs="*")
    ap.add_argument("--cases", default="jasper", help="comma-separated HM cases (jasper, samson, paris)")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    lines = []
    for name in args.cases.split(","):
        lines += _case_rows(name, args.only)
    head = ["| # | case | choice | PSNR | SAM | ERGAS | wall s | CPU s | prior eps-MSE (GT pixels) | load |",
            "|---|---|---|---|---|---|---|---|---|---|"]
    Path(args.out + ".rows").write_text("\n".join(head + lines) + "\n")


def _inputs(hsi, msi, cfg):
    """What `sdp.learn` / `sdp.fuse_tile` hand the warm start: the (denoised) inputs and the rank."""
    windows = [scene.Window(hsi, msi)]
    msi_sigma, hsi_sigma, rank = sdp.noise_and_rank(windows, 4, cfg)
    if msi_sigma is not None:
        [w] = scene.denoised(windows, msi_sigma, hsi_sigma)
        hsi, msi = w.low, w.high
    return hsi, msi, rank


def _case_rows(name: str, only) -> list[str]:
    case = hm_case(name, 0)
    hsi_raw = torch.as_tensor(case["hsi"])[None]
    msi_raw = torch.as_tensor(case["msi"])[None]
    gt_spectra = torch.as_tensor(case["gt"]).reshape(case["gt"].shape[0], -1).T * 2 - 1
    spectra = hsi_raw[0].reshape(hsi_raw.shape[1], -1).T * 2 - 1
    priors = {}
    lines = []
    for i, (label, over) in enumerate(ROWS):
        if only and i not in only:
            continue
        cfg = dataclasses.replace(sdp.SDPConfig(), **over)
        key = (cfg.layers, cfg.train_iters, cfg.lr_schedule, cfg.train_lr)
        if key not in priors:
            w0, c0 = time.perf_counter(), time.process_time()
            net, _ = sdp.train_prior(spectra, cfg, generator=torch.Generator().manual_seed(cfg.seed))
            held = sdp.eps_mse(net, gt_spectra[::5], generator=torch.Generator().manual_seed(1))
            priors[key] = (net, time.perf_counter() - w0, time.process_time() - c0, held)
        net, tw, tc, held = priors[key]
        w0, c0 = time.perf_counter(), time.process_time()
        hsi, msi, rank = _inputs(hsi_raw, msi_raw, cfg)
        X = sdp.initial_estimate(hsi, msi, case["psf"], case["srf"], 4, cfg, rank=rank)
        if cfg.steps > 0:
            X, _ = sdp.solve(hsi, msi, case["psf"], case["srf"], 4, net, X, cfg,
                             generator=torch.Generator().manual_seed(cfg.seed))
        fw, fc = time.perf_counter() - w0, time.process_time() - c0
        uses_prior = cfg.steps > 0 and cfg.gamma > 0
        m = metrics.reference_metrics(X[0].numpy(), case["gt"], 4)
        row = (f"| {i} | {name} | {label} | {m['psnr']:.2f} | {m['sam']:.2f} | {m['ergas']:.2f} | "
               f"{(tw if uses_prior else 0) + fw:.1f} | {(tc if uses_prior else 0) + fc:.1f} | "
               f"{held if uses_prior else float('nan'):.4f} | {os.getloadavg()[0]:.1f} |")
        print(row, flush=True)
        lines.append(row)
    return lines


if __name__ == "__main__":
    main()
