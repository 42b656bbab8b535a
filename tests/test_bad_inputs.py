"""Bad-input matrix (issue 8), completing tests/test_algorithms.py (which has: no overlap,
one-band MS, NaN everywhere, RATIO <= 1, unreadable file, missing file, output = MS, multi-band
PAN without PAN_BAND) and tests/test_respandiff_algorithms.py (weights for another band count).

Each row runs an algorithm through processing.run and through the `fusediff run` command and
checks the sentence the user sees (the command: exit status 1, the sentence on stderr, no
traceback) and that no output (nor a temporary file of it) is left; rows that must work check
the output.
"""
from __future__ import annotations

import os
from pathlib import Path

import numpy as np
import pytest
import rasterio
from affine import Affine

import scenes
import qgis_run

FRONT = {"name": "qgis"}


@pytest.fixture(autouse=True, params=[pytest.param("qgis", marks=pytest.mark.qgis), "cli"])
def front(request):
    """Every row through QGIS (processing.run) and through the `fusediff run` command."""
    if request.param == "qgis":
        request.getfixturevalue("qgis_app")
    FRONT["name"] = request.param
    yield request.param


def nothing_named(folder: Path, stem: str) -> bool:
    return not any(stem in p.name for p in folder.iterdir())


class Logged:
    """Collects the warnings a run logs (QGIS feedback warnings, or the command's 'Warning:' lines)."""

    def __init__(self):
        self.warnings = []


def cli(alg: str, params: dict) -> tuple:
    """(exit status, stderr) of ``fusediff run ALG --NAME=value ...`` (the console script's main)."""
    import contextlib
    import io

    from fusediff.cli import main
    args = ["run", alg.split(":")[-1]]
    for key, value in params.items():
        for v in (value if isinstance(value, (list, tuple)) else [value]):
            args.append(f"--{key}={v}")
    err, out = io.StringIO(), io.StringIO()
    with contextlib.redirect_stderr(err), contextlib.redirect_stdout(out):
        rc = main(args)
    return rc, err.getvalue()


def run(alg: str, params: dict, feedback=None) -> None:
    """Run a row that must work."""
    if FRONT["name"] == "qgis":
        from qgis.core import QgsProcessingFeedback

        class Feedback(QgsProcessingFeedback):
            def pushWarning(self, text):  # noqa: N802
                if feedback is not None:
                    feedback.warnings.append(text)
                super().pushWarning(text)

        qgis_run.run(alg, params, Feedback())
        return
    rc, err = cli(alg, params)
    assert rc == 0, err
    if feedback is not None:
        feedback.warnings += [line[len("Warning: "):] for line in err.splitlines() if line.startswith("Warning: ")]


def error(alg: str, params: dict) -> str:
    """The sentence the user sees for a row that must fail (the CLI: non-zero exit, no traceback)."""
    if FRONT["name"] == "qgis":
        return qgis_run.processing_error(alg, params)
    rc, err = cli(alg, params)
    assert rc == 1 and "Traceback" not in err, err
    last = err.strip().splitlines()[-1]
    assert last.startswith("Error: "), err
    return last


@pytest.fixture
def pair(tmp_path):
    return scenes.pansharpening_pair(tmp_path, ratio=4, size=64, seed=1)


def gsa(ms, pan, out, **extra):
    return {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(out), **extra}


# --- geometry ---------------------------------------------------------------------------------

def test_sliver_overlap_too_small(tmp_path, pair):
    """Overlap of 3 low-res pixels: refused with the size of the overlap."""
    ms, _pan, _ref, cube = pair
    th = scenes.high_transform()
    shifted = th * Affine.translation(64 - 12, 0)  # the PAN starts 12 px (3 MS px) before the MS ends
    pan = scenes.write(tmp_path / "pan_sliver.tif", cube.mean(axis=0), shifted)
    msg = error("fusediff:classical", gsa(ms, pan, tmp_path / "o_sliver.tif"))
    assert "overlap in only" in msg and "at least 8 x 8" in msg
    assert nothing_named(tmp_path, "o_sliver")


def test_sliver_overlap_smaller_than_a_tile_works(tmp_path, pair):
    """A 40-px-wide overlap (10 MS pixels, far less than a tile): fused over the overlap only."""
    ms, _pan, _ref, cube = pair
    shifted = scenes.high_transform() * Affine.translation(24, 0)
    pan = scenes.write(tmp_path / "pan_part.tif", cube.mean(axis=0), shifted)
    out = tmp_path / "o_part.tif"
    run("fusediff:classical", gsa(ms, pan, out))
    with rasterio.open(out) as ds:
        assert ds.height == 64 and 38 <= ds.width <= 40
        assert ds.transform.c == shifted.c  # starts at the PAN's first pixel inside the MS
        assert np.isfinite(ds.read()).all()


def test_different_crs_is_reprojected(tmp_path, pair):
    """MS in geographic coordinates, PAN in UTM: the MS is reprojected onto the PAN grid."""
    from rasterio.warp import Resampling, calculate_default_transform, reproject
    ms, pan, ref, _cube = pair
    with rasterio.open(ms) as ds:
        src, t, crs = ds.read(), ds.transform, ds.crs
    dt, dw, dh = calculate_default_transform(crs, "EPSG:4326", src.shape[2], src.shape[1],
                                             *rasterio.transform.array_bounds(src.shape[1], src.shape[2], t))
    geo = np.full((src.shape[0], dh, dw), np.nan, np.float32)
    reproject(src, geo, src_transform=t, src_crs=crs, dst_transform=dt, dst_crs="EPSG:4326",
              resampling=Resampling.bilinear, src_nodata=np.nan, dst_nodata=np.nan)
    ms_geo = scenes.write(tmp_path / "ms_4326.tif", geo, dt, crs="EPSG:4326")
    out = tmp_path / "o_crs.tif"
    run("fusediff:classical", gsa(ms_geo, pan, out))
    with rasterio.open(out) as ds, rasterio.open(ref) as r:
        assert ds.crs == r.crs
        fused = ds.read(masked=True)
        ref_a = r.read()
        # Inside (away from the reprojected edge) the result follows the reference.
        inner = (slice(None), slice(8, -8), slice(8, -8))
        sub = fused[inner]
        rel = np.abs(sub.filled(np.nan) - ref_a[:, 8:-8, 8:-8][:, :sub.shape[1], :sub.shape[2]])
        assert np.nanmean(rel) < 0.15 * ref_a.mean()


# --- bands and ratio --------------------------------------------------------------------------

def test_multiband_pan_with_pan_band(tmp_path, pair):
    ms, _pan, _ref, cube = pair
    pan3 = scenes.write(tmp_path / "pan3.tif", cube[:3], scenes.high_transform())
    msg = error("fusediff:classical", gsa(ms, pan3, tmp_path / "o_pan3.tif"))
    assert "3 bands" in msg and "Choose which band" in msg
    assert nothing_named(tmp_path, "o_pan3")
    run("fusediff:classical", gsa(ms, pan3, tmp_path / "o_pan3b.tif", PAN_BAND=3))
    assert (tmp_path / "o_pan3b.tif").exists()


def test_non_integer_ratio_parameter(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    msg = error("fusediff:classical", gsa(ms, pan, tmp_path / "o_r25.tif", RATIO=2.5))
    assert "whole number" in msg and "2.5" in msg
    assert nothing_named(tmp_path, "o_r25")


def test_non_integer_pixel_size_ratio_is_resampled(tmp_path, pair):
    """MS pixels 2.6 times the PAN's: resampled to ratio 3, with a warning saying so."""
    ms, pan, _ref, cube = pair
    with rasterio.open(ms) as ds:
        data = ds.read()
    t = scenes.high_transform() * Affine.scale(2.6)
    ms26 = scenes.write(tmp_path / "ms26.tif", data[:, :, :], t)
    feedback = Logged()
    run("fusediff:classical", gsa(ms26, pan, tmp_path / "o_r26.tif"), feedback=feedback)
    assert any("ratio of 2.6" in w and "whole ratio 3" in w for w in feedback.warnings), feedback.warnings
    assert (tmp_path / "o_r26.tif").exists()


# --- values -----------------------------------------------------------------------------------

def test_all_nodata_by_nodata_value(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    with rasterio.open(ms) as ds:
        zeros = scenes.write(tmp_path / "ms_nd.tif", np.zeros((4, ds.height, ds.width), np.float32),
                             ds.transform, nodata=0)
    msg = error("fusediff:classical", gsa(zeros, pan, tmp_path / "o_nd.tif"))
    assert "no pixel that is valid in both" in msg
    assert nothing_named(tmp_path, "o_nd")


def test_nan_and_inf_pixels_become_nodata(tmp_path, pair):
    ms, _pan, _ref, cube = pair
    p = cube.mean(axis=0)
    p[10, 10] = np.nan
    p[20, 30] = np.inf
    p[40, 5] = -np.inf
    pan = scenes.write(tmp_path / "pan_naninf.tif", p, scenes.high_transform())
    out = tmp_path / "o_naninf.tif"
    run("fusediff:classical", gsa(ms, pan, out))
    with rasterio.open(out) as ds:
        a = ds.read()
        valid = ds.read_masks(1) > 0
    for (r, c) in ((10, 10), (20, 30), (40, 5)):
        assert not valid[r, c]
    assert valid.sum() == valid.size - 3
    assert np.isfinite(a[:, valid]).all()


@pytest.mark.parametrize("dtype,peak", [("uint8", 255), ("uint16", 2047), ("int16", 10000)])
def test_integer_inputs(tmp_path, dtype, peak):
    """uint8, 11-bit uint16 and int16 reflectance: fused in the input's units."""
    cube = scenes.reference_cube(4, 64, seed=3, peak=peak)
    th = scenes.high_transform()
    ms = scenes.write(tmp_path / f"ms_{dtype}.tif", np.round(scenes.degrade(cube, 4)), scenes.low_transform(th, 4),
                      dtype=dtype)
    pan = scenes.write(tmp_path / f"pan_{dtype}.tif", np.round(cube.mean(axis=0)), th, dtype=dtype)
    out = tmp_path / f"o_{dtype}.tif"
    run("fusediff:classical", gsa(ms, pan, out))
    with rasterio.open(out) as ds:
        a = ds.read()
        assert ds.dtypes[0] == "float32"
    assert np.isfinite(a).all()
    assert 0.7 * cube.mean() < a.mean() < 1.3 * cube.mean()  # same units as the input
    assert np.abs(a - cube).mean() < 0.1 * cube.mean()


# --- files ------------------------------------------------------------------------------------

def test_truncated_geotiff(tmp_path, pair):
    ms, _pan, _ref, cube = pair
    good = scenes.write(tmp_path / "pan_full.tif", cube.mean(axis=0), scenes.high_transform())
    data = Path(good).read_bytes()
    cut = tmp_path / "pan_cut.tif"
    cut.write_bytes(data[: len(data) // 2])
    msg = error("fusediff:classical", gsa(ms, str(cut), tmp_path / "o_cut.tif"))
    assert "pan_cut.tif" in msg and ("truncated" in msg or "damaged" in msg)
    assert nothing_named(tmp_path, "o_cut")


def test_output_where_a_folder_is_a_file(tmp_path, pair):
    """Read-only destination. Tests run as root, for whom chmod does not block writes, so the
    'folder' is a regular file (no file can be created under it)."""
    ms, pan, _ref, _cube = pair
    blocker = tmp_path / "not_a_folder"
    blocker.write_text("x")
    out = blocker / "o_ro.tif"
    msg = error("fusediff:classical", gsa(ms, pan, out))
    assert "not_a_folder" in msg and ("does not exist" in msg or "Cannot create" in msg
                                      or "not writable" in msg)
    assert blocker.read_text() == "x"


@pytest.mark.skipif(not os.path.isdir("/proc/self"), reason="needs Linux /proc")
def test_output_in_unwritable_folder(pair):
    """A folder nobody can create files in, root included: /proc."""
    ms, pan, _ref, _cube = pair
    msg = error("fusediff:classical", gsa(ms, pan, Path("/proc/fusediff_out.tif")))
    assert "/proc" in msg and ("Cannot create a file" in msg or "not writable" in msg)
    assert not os.path.exists("/proc/fusediff_out.tif")


def test_output_equal_to_pan_is_refused(tmp_path, pair):
    ms, pan, _ref, _cube = pair
    before = Path(pan).read_bytes()
    msg = error("fusediff:classical", gsa(ms, pan, pan))
    assert "never overwritten" in msg
    assert Path(pan).read_bytes() == before
    assert not any(p.name.startswith(".pan.tif") for p in tmp_path.iterdir())


def test_weights_for_another_band_count(tmp_path, pair):
    """ResPanDiff's bundled 4-band weights with a 3-band MS: explained, nothing written."""
    pytest.importorskip("torch")
    from fusediff.models import respandiff as R
    if not R.bundled_weights(4).exists():
        pytest.skip("bundled weights not built")
    ms, pan, _ref, cube = pair
    with rasterio.open(ms) as ds:
        ms3 = scenes.write(tmp_path / "ms3.tif", ds.read()[:3], ds.transform)
    out = tmp_path / "o_w3.tif"
    msg = error("fusediff:respandiff", {"MS": ms3, "PAN": pan, "OUTPUT": str(out)})
    assert "4 MS bands" in msg and "ADAPT_ITERS" in msg
    assert nothing_named(tmp_path, "o_w3")


# --- inputs a new user mixes up -----------------------------------------------------------------

def test_swapped_inputs(tmp_path, pair):
    """The 4-band MS given as PAN and the one-band PAN as MS: the sentence says they look swapped."""
    ms, pan, _ref, _cube = pair
    msg = error("fusediff:classical", gsa(pan, ms, tmp_path / "o_swap.tif"))
    assert "look swapped" in msg and "exchange them" in msg
    assert nothing_named(tmp_path, "o_swap")


def test_one_band_ms(tmp_path, pair):
    """A one-band MS is refused with a sentence, and nothing is written."""
    ms, pan, _ref, cube = pair
    ms1 = scenes.write(tmp_path / "ms1.tif", scenes.degrade(cube, 4)[:1], scenes.low_transform(scenes.high_transform(), 4))
    msg = error("fusediff:ksdiff", {"MS": ms1, "PAN": pan, "OUTPUT": str(tmp_path / "o_ms1.tif")})
    assert "band" in msg
    assert nothing_named(tmp_path, "o_ms1")
