"""algorithms/base.py and algorithms/srf.py: the machinery every algorithm shares."""
from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from fusediff.models.config import param

pytestmark = pytest.mark.usefixtures("qgis_app")


@dataclasses.dataclass
class DemoConfig:
    steps: int = param(20, "Number of sampling steps", minimum=1, maximum=1000)
    lr: float = param(1e-3, "Learning rate", minimum=0.0)
    ema: bool = param(True, "Use an exponential moving average of the weights")
    schedule: str = param("cosine", "Noise schedule", choices=("linear", "cosine", "exp"))
    hidden: int = param(64, "Hidden width", expose=False)
    PRESETS = {"paper": {"steps": 500, "schedule": "linear"}}


def make_algorithm():
    from fusediff.algorithms.base import FuseDiffAlgorithm

    class Demo(FuseDiffAlgorithm):
        NAME = "demo"
        DISPLAY_NAME = "Demo"

        def initAlgorithm(self, config=None):  # noqa: N802
            self.add_config_parameters(DemoConfig)
            self.add_ratio_parameter()
            self.add_device_parameter()
            self.add_seed_parameter()

        def shortHelpString(self):  # noqa: N802
            return "demo"

    alg = Demo()
    alg.initAlgorithm()
    return alg


def test_config_parameters_derived_from_dataclass():
    from qgis.core import (QgsProcessingParameterBoolean, QgsProcessingParameterDefinition,
                           QgsProcessingParameterEnum, QgsProcessingParameterNumber)
    alg = make_algorithm()
    steps = alg.parameterDefinition("STEPS")
    assert isinstance(steps, QgsProcessingParameterNumber)
    assert steps.dataType() == QgsProcessingParameterNumber.Integer
    assert steps.defaultValue() == 20 and steps.minimum() == 1 and steps.maximum() == 1000
    assert steps.description() == "Number of sampling steps"
    assert steps.flags() & QgsProcessingParameterDefinition.FlagAdvanced
    assert alg.parameterDefinition("LR").dataType() == QgsProcessingParameterNumber.Double
    assert isinstance(alg.parameterDefinition("EMA"), QgsProcessingParameterBoolean)
    schedule = alg.parameterDefinition("SCHEDULE")
    assert isinstance(schedule, QgsProcessingParameterEnum)
    assert schedule.options() == ["linear", "cosine", "exp"] and schedule.defaultValue() == 1
    assert alg.parameterDefinition("HIDDEN") is None  # not exposed
    assert alg.parameterDefinition("DEVICE").options() == ["auto", "cpu", "cuda"]
    assert alg.parameterDefinition("RATIO").flags() & QgsProcessingParameterDefinition.FlagOptional


def test_config_from_parameters_keeps_preset_unless_set():
    from qgis.core import QgsProcessingContext
    alg = make_algorithm()
    ctx = QgsProcessingContext()
    cfg = alg.config_from_parameters(DemoConfig, {"LR": 0.01, "EMA": False, "SCHEDULE": 2}, ctx)
    assert (cfg.steps, cfg.lr, cfg.ema, cfg.schedule) == (20, 0.01, False, "exp")
    paper = alg.config_from_parameters(DemoConfig, {"LR": 0.5}, ctx, preset="paper")
    assert (paper.steps, paper.schedule, paper.lr) == (500, "linear", 0.5)


def test_ratio_value():
    from qgis.core import QgsProcessingContext
    alg = make_algorithm()
    ctx = QgsProcessingContext()
    assert alg.ratio_value({}, ctx) is None
    assert alg.ratio_value({"RATIO": None}, ctx) is None
    assert alg.ratio_value({"RATIO": "4"}, ctx) == 4.0
    for bad in (1, 0.5, -2):
        with pytest.raises(ValueError, match="greater than 1"):
            alg.ratio_value({"RATIO": bad}, ctx)


def test_progress_adapter_maps_and_cancels():
    from qgis.core import QgsProcessingFeedback
    from fusediff.algorithms.base import progress_adapter
    from fusediff.models.progress import Cancelled
    feedback = QgsProcessingFeedback()
    progress = progress_adapter(feedback, 0.5, 1.0)
    progress(0.5, "half")
    assert feedback.progress() == pytest.approx(75.0)
    progress(2.0)  # clipped
    assert feedback.progress() == pytest.approx(100.0)
    feedback.cancel()
    with pytest.raises(Cancelled):
        progress(0.9, "more")
    progress_adapter(None)(0.3, "no feedback: nothing happens")


def test_user_errors_messages():
    from qgis.core import QgsProcessingException
    from fusediff.algorithms.base import user_errors
    from fusediff.models.progress import Cancelled
    from fusediff.rasters import RasterError
    for exc, text in ((RasterError("The raster 'x' does not exist."), "does not exist"),
                      (ValueError("Bad value."), "Bad value."),
                      (Cancelled("stop"), "Cancelled by the user")):
        with pytest.raises(QgsProcessingException, match=text):
            with user_errors():
                raise exc
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
    from fusediff.algorithms.srf import load_srf_csv, parse_wavelengths
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
