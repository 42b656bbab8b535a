"""The machinery every algorithm shares: engine params/config, context, errors, scaling, srf
(QGIS-free), and the QGIS adapter's parameter and feedback mapping (marked qgis)."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from fusediff.models.config import param

@dataclasses.dataclass
class DemoConfig:
    steps: int = param(20, "Number of sampling steps", minimum=1, maximum=1000)
    lr: float = param(1e-3, "Learning rate", minimum=0.0)
    ema: bool = param(True, "Use an exponential moving average of the weights")
    schedule: str = param("cosine", "Noise schedule", choices=("linear", "cosine", "exp"))
    hidden: int = param(64, "Hidden width", expose=False)
    PRESETS = {"paper": {"steps": 500, "schedule": "linear"}}


def test_config_params_derived_from_dataclass():
    from fusediff.engine.params import config_params
    params = {p.name: p for p in config_params(DemoConfig)}
    steps = params["STEPS"]
    assert (steps.kind, steps.default, steps.minimum, steps.maximum) == ("int", 20, 1, 1000)
    assert steps.label == "Number of sampling steps" and steps.advanced
    assert params["LR"].kind == "float" and params["EMA"].kind == "bool"
    assert params["SCHEDULE"].choices == ("linear", "cosine", "exp") and params["SCHEDULE"].default == 1
    assert "HIDDEN" not in params  # not exposed
    assert params["PRESET"].choices == ("default", "paper")


@pytest.mark.qgis
@pytest.mark.usefixtures("qgis_app")
def test_qgis_parameters_from_params():
    """The QGIS adapter maps each Param kind onto its QgsProcessingParameter."""
    from qgis.core import (QgsProcessingParameterBoolean, QgsProcessingParameterDefinition,
                           QgsProcessingParameterEnum, QgsProcessingParameterNumber)

    from fusediff.algorithms.base import qgis_parameter
    from fusediff.engine.algorithms.common import device_param, ratio_param
    from fusediff.engine.params import config_params
    params = {p.name: qgis_parameter(p) for p in config_params(DemoConfig) + [ratio_param(), device_param()]}
    steps = params["STEPS"]
    assert isinstance(steps, QgsProcessingParameterNumber)
    assert steps.dataType() == QgsProcessingParameterNumber.Integer
    assert steps.defaultValue() == 20 and steps.minimum() == 1 and steps.maximum() == 1000
    assert steps.description() == "Number of sampling steps"
    assert steps.flags() & QgsProcessingParameterDefinition.FlagAdvanced
    assert params["LR"].dataType() == QgsProcessingParameterNumber.Double
    assert isinstance(params["EMA"], QgsProcessingParameterBoolean)
    schedule = params["SCHEDULE"]
    assert isinstance(schedule, QgsProcessingParameterEnum)
    assert schedule.options() == ["linear", "cosine", "exp"] and schedule.defaultValue() == 1
    assert "HIDDEN" not in params
    assert params["DEVICE"].options() == ["auto", "cpu", "cuda"]
    assert params["RATIO"].flags() & QgsProcessingParameterDefinition.FlagOptional


def test_config_from_values_keeps_preset_unless_set():
    from fusediff.engine.params import config_from_values
    cfg = config_from_values(DemoConfig, {"LR": 0.01, "EMA": False, "SCHEDULE": 2})
    assert (cfg.steps, cfg.lr, cfg.ema, cfg.schedule) == (20, 0.01, False, "exp")
    paper = config_from_values(DemoConfig, {"LR": 0.5, "PRESET": 1})
    assert (paper.steps, paper.schedule, paper.lr) == (500, "linear", 0.5)


def test_ratio_value():
    from fusediff.engine.scene import check_ratio
    assert check_ratio(None) is None
    assert check_ratio("4") == 4.0
    for bad in (1, 0.5, -2):
        with pytest.raises(ValueError, match="greater than 1"):
            check_ratio(bad)


def test_run_context_maps_and_cancels():
    from fusediff.engine.context import RunContext
    from fusediff.models.progress import Cancelled
    seen = []
    cancelled = [False]
    ctx = RunContext(progress=lambda f, m="": seen.append((f, m)), is_cancelled=lambda: cancelled[0])
    progress = ctx.scoped(0.5, 1.0)
    progress(0.5, "half")
    assert seen[-1] == (pytest.approx(0.75), "half")
    progress(2.0)  # clipped
    assert seen[-1][0] == pytest.approx(1.0)
    cancelled[0] = True
    with pytest.raises(Cancelled):
        progress(0.9, "more")
    RunContext().report(0.3, "no callbacks: nothing happens")


@pytest.mark.qgis
@pytest.mark.usefixtures("qgis_app")
def test_feedback_context_drives_feedback():
    from qgis.core import QgsProcessingFeedback

    from fusediff.algorithms.base import feedback_context
    from fusediff.models.progress import Cancelled
    feedback = QgsProcessingFeedback()
    ctx = feedback_context(feedback, threads=3)
    ctx.scoped(0.5, 1.0)(0.5, "half")
    assert feedback.progress() == pytest.approx(75.0) and ctx.threads == 3
    feedback.cancel()
    with pytest.raises(Cancelled):
        ctx.report(0.9, "more")


def test_user_errors_messages():
    from fusediff.engine.errors import UserError, user_errors
    from fusediff.models.progress import Cancelled
    from fusediff.rasters import RasterError
    for exc, text in ((RasterError("The raster 'x' does not exist."), "does not exist"),
                      (ValueError("Bad value."), "Bad value.")):
        with pytest.raises(UserError, match=text):
            with user_errors():
                raise exc
    with pytest.raises(Cancelled):  # a cancel passes through (each front end says it its way)
        with user_errors():
            raise Cancelled("stop")
    with pytest.raises(KeyError):  # bugs are not disguised as user errors
        with user_errors():
            raise KeyError("bug")


def test_scene_scale_robust_maximum():
    from fusediff.engine.scaling import SceneScale
    rng = np.random.default_rng(0)
    high = rng.uniform(0, 1000, (1, 100, 100)).astype(np.float32)
    high[0, 0, 0] = 1e9  # one outlier must not set the scale
    valid = np.ones((100, 100), bool)
    low = rng.uniform(0, 500, (3, 25, 25)).astype(np.float32)
    s = SceneScale.from_inputs([(high, valid), (low, None)])
    assert 950 < s.maximum < 1000
    np.testing.assert_allclose(s.inverse(s.forward(low)), low, rtol=1e-6)
    with pytest.raises(ValueError, match="no valid pixel"):
        SceneScale.from_inputs([(high, np.zeros((100, 100), bool))])
    with pytest.raises(ValueError, match="zero or negative"):
        SceneScale.from_inputs([(np.zeros((1, 4, 4)), None)])


def test_fill_invalid():
    from fusediff.engine.scaling import fill_invalid
    a = np.array([[[1.0, np.nan], [3.0, 100.0]]], np.float32)
    valid = np.array([[True, True], [True, False]])
    out = fill_invalid(a, valid)
    assert np.isfinite(out).all()
    assert out[0, 0, 1] == pytest.approx(2.0) and out[0, 1, 1] == pytest.approx(2.0)


def test_srf_csv_and_wavelengths(tmp_path):
    from fusediff.engine.srf import load_srf_csv, parse_wavelengths
    p = tmp_path / "srf.csv"
    p.write_text("name;b1;b2;b3\nPAN;1;1;2\n")
    np.testing.assert_allclose(load_srf_csv(str(p), 3), [[0.25, 0.25, 0.5]])
    p.write_text("0.5,0\n0.5,0\n0,1\n")  # one row per input band: transposed
    np.testing.assert_allclose(load_srf_csv(str(p), 3), [[0.5, 0.5, 0.0], [0, 0, 1]])
    p.write_text("1,-1,0\n")
    with pytest.raises(ValueError, match="negative"):
        load_srf_csv(str(p), 3)
    np.testing.assert_allclose(parse_wavelengths("0.45, 0.55, 650", 3), [450, 550, 650])
    np.testing.assert_allclose(parse_wavelengths("400:700", 4), [400, 500, 600, 700])
    with pytest.raises(ValueError, match="2 wavelengths"):
        parse_wavelengths("400,500", 3)
