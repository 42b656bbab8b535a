"""Write the small benchmark cases that bench/gpu_check.py needs, as .npz, into .gpu_data/ (ignored).

Usage (repository root, where ../shared/data exists):
    .venv/bin/python bench/gpu_data.py [--out .gpu_data]

The GPU machine has no QGIS/GDAL/rasterio and no ../shared/data: only the repository and carried
folders travel (64 MiB at most), so the cases are built here from BENCHMARK.md's protocols
(bench/datasets.py) and carried as plain arrays (about 10 MB compressed):

- ``landsat7_31_r4.npz``: Landsat-7 scene 31 (a test scene), Wald protocol at ratio 4, full 400 x 400
  reference (gt (4, 400, 400), ms (4, 100, 100), pan (1, 400, 400), phase 0): the trained
  pansharpeners' agreement case (a 256 x 256 crop) and the source of KSDiff's 4000 x 4000 input.
- ``landsat7_31_r2.npz``: the same scene at ratio 2, a 256 x 256 crop.
- ``paris.npz``: the Paris Hyperion cube (128 bands, 72 x 72): HM case (seed 0: hsi, msi, IKONOS-like
  srf) and HP case (hp_hsi, hp_pan, hp_srf), psf: the self-learning methods' agreement case.
- ``jasper96.npz``: the Jasper Ridge 96 x 96 x 198 crop, its wavelengths and the HM/HP responses:
  gpu_check mirrors it 5 x 5 into the 480 x 480 x 198 scene of bench/scale_hsi.py.
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

DEFAULT_OUT = ROOT / ".gpu_data"
FILES = ("landsat7_31_r4.npz", "landsat7_31_r2.npz", "paris.npz", "jasper96.npz")


def _f32(d: dict) -> dict:
    return {k: (np.asarray(v, dtype=np.float32) if isinstance(v, np.ndarray) and v.dtype.kind == "f" else v)
            for k, v in d.items()}


def _find_data() -> None:
    """../shared/data beside the checkout (or beside its parent, for a worktree under /work/wt/)."""
    if "FUSEDIFF_DATA" in os.environ:
        return
    for base in (ROOT.parent, ROOT.parent.parent):
        if (base / "shared" / "data" / "hsi").is_dir():
            os.environ["FUSEDIFF_DATA"] = str(base / "shared" / "data")
            return


def write(out: Path = DEFAULT_OUT) -> list[Path]:
    _find_data()
    from bench import datasets as D
    from fusediff.models import operators
    if not D.available():
        raise SystemExit(f"{D.DATA} is not there: the benchmark data are needed to write the GPU cases")
    out.mkdir(parents=True, exist_ok=True)
    written = []

    c = D.landsat_wald("31", 4)
    written.append(out / FILES[0])
    np.savez_compressed(written[-1], **_f32({"gt": c["gt"], "ms": c["ms"], "pan": c["pan"]}),
                        ratio=4, phase=0.0, name="landsat7-31 (Wald, ratio 4)")
    c = D.landsat_wald("31", 2)
    written.append(out / FILES[1])
    np.savez_compressed(written[-1], **_f32({"gt": c["gt"][:, :256, :256], "ms": c["ms"][:, :128, :128],
                                             "pan": c["pan"][:, :256, :256]}),
                        ratio=2, phase=0.0, name="landsat7-31 (Wald, ratio 2, 256 x 256 crop)")

    hm, hp = D.hm_case("paris", 0), D.hp_case("paris")
    written.append(out / FILES[2])
    np.savez_compressed(written[-1], **_f32({"gt": hm["gt"], "hsi": hm["hsi"], "msi": hm["msi"],
                                             "hp_hsi": hp["hsi"], "hp_pan": hp["pan"]}),
                        srf=np.asarray(hm["srf"], np.float64), hp_srf=np.asarray(hp["srf"], np.float64),
                        psf=np.asarray(hm["psf"], np.float64), ratio=4, wavelengths=hm["wavelengths"],
                        name="paris (HM seed 0 / HP)")

    cube, wl = D.load_cube("jasper")
    written.append(out / FILES[3])
    np.savez_compressed(written[-1], gt=cube[:, :96, :96].astype(np.float32), wavelengths=wl,
                        srf=operators.ikonos_like_srf(wl, D.ikonos_table()), hp_srf=operators.pan_srf(wl),
                        name="jasper 96 x 96 x 198 crop")
    return written


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--out", default=str(DEFAULT_OUT))
    args = ap.parse_args()
    paths = write(Path(args.out))
    total = sum(p.stat().st_size for p in paths)
    for p in paths:
        print(f"{p}  {p.stat().st_size / 1e6:.2f} MB")
    print(f"total {total / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
