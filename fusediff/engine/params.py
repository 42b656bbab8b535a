"""Algorithm parameters written once: the QGIS dialog, `qgis_process`, `fusediff run` and
`fusediff.run` are all built from these declarations.

A `Param` declares one parameter (name, kind, label, help, default, bounds, choices); an
`AlgorithmSpec` lists an algorithm's parameters and names its run function. `resolve` turns the
values a user gave (Python values, or the strings of a command line, with exactly the names and
value forms of `qgis_process run fusediff:ALG`) into checked plain values with defaults filled.
"""
from __future__ import annotations

import dataclasses
import importlib
import math
from typing import Any, Callable, Optional, Sequence

from .errors import UserError

#: Input kinds (a path to an existing thing) and output kinds (a path to write).
INPUT_KINDS = ("raster", "rasters", "file", "folder")
OUTPUT_KINDS = ("raster_out", "file_out", "folder_out")
KINDS = INPUT_KINDS + OUTPUT_KINDS + ("enum", "bool", "int", "float", "bands", "string")


@dataclasses.dataclass(frozen=True)
class Param:
    """One parameter.

    kind: raster | rasters (several, a list of paths) | file | folder (inputs, paths) | raster_out | file_out | folder_out (outputs,
    paths) | enum (an index into ``choices``; the choice's text is accepted too) | bool | int |
    float | bands (1-based band numbers of raster ``parent``; a list when ``multiple``, else one
    int) | string.
    ``default`` None with ``optional`` True means "not given". ``advanced`` hides it under the
    dialog's advanced section. ``extension``: file filter of file/file_out ('pt', 'csv', ...);
    for raster_out, the extension a temporary output gets in QGIS (prepare_product: vrt);
    ``file_filter``: the dialog's filter text of a file_out ('PyTorch weights (*.pt)').
    ``ids``: short names of an enum's choices ('gsa'), accepted like the index and the label.
    """

    name: str
    kind: str
    label: str
    help: str = ""
    default: Any = None
    optional: bool = False
    advanced: bool = False
    choices: Sequence[str] = ()
    minimum: Optional[float] = None
    maximum: Optional[float] = None
    parent: Optional[str] = None
    extension: Optional[str] = None
    multiple: bool = False
    file_filter: str = ""
    ids: Sequence[str] = ()

    def __post_init__(self):
        if self.kind not in KINDS:
            raise ValueError(f"unknown parameter kind {self.kind!r}")

    @property
    def is_output(self) -> bool:
        return self.kind in OUTPUT_KINDS


@dataclasses.dataclass(frozen=True)
class AlgorithmSpec:
    """One algorithm: its id (``name``, used as ``fusediff:<name>``), names for people, help
    (HTML paragraphs, shown in the QGIS dialog and `fusediff help`), parameters, and the run
    function as 'module:function' (imported only when the algorithm runs, so listing algorithms
    imports no torch). ``needs``: importable modules the run requires ('torch', 'rasterio', ...).
    ``pair``: (high, low) input parameter names of a fusion algorithm (checked for swapped
    inputs). ``number_outputs``: (name, label) of numeric results (e.g. assess's metrics).
    """

    name: str
    display_name: str
    group: str
    group_id: str
    help: str
    params: Sequence[Param]
    run: str
    needs: Sequence[str] = ("rasterio",)
    help_anchor: str = ""  # kept for specs that name one; no web page is linked
    pair: Sequence[str] = ()
    number_outputs: Sequence[tuple] = ()

    def param(self, name: str) -> Param:
        for p in self.params:
            if p.name == name:
                return p
        raise KeyError(name)

    @property
    def outputs(self) -> list:
        return [p for p in self.params if p.is_output]

    def run_function(self) -> Callable:
        """The run function ``run(values: dict, ctx: RunContext) -> dict`` (imported now)."""
        module, _, func = self.run.partition(":")
        return getattr(importlib.import_module(module), func)


# --------------------------------------------------------------------------
# parameters derived from a config dataclass (models.config.param metadata)
# --------------------------------------------------------------------------

def config_params(config_cls, advanced: bool = True, skip: Sequence[str] = ()) -> list:
    """One Param per exposed field of ``config_cls`` (plus PRESET when it has presets).

    bool -> bool; int -> int; float -> float; str with choices -> enum. Name: the field name
    upper-cased; label and help: the field's help sentence; bounds from its metadata.
    """
    from ..models.config import exposed_fields
    out = []
    presets = list(getattr(config_cls, "PRESETS", {}))
    if presets:
        out.append(Param("PRESET", "enum", "Preset: 'default' is fast on a CPU; 'paper' follows the paper "
                         "(far slower). Advanced settings left at their defaults take the preset's values.",
                         choices=tuple(["default"] + presets), default=0))
    for f in exposed_fields(config_cls):
        if f.name in skip:
            continue
        meta = f.metadata
        label = meta.get("help") or f.name.replace("_", " ")
        default = f.default if f.default is not dataclasses.MISSING else None
        if meta.get("choices"):
            choices = tuple(meta["choices"])
            kind, default = "enum", (choices.index(default) if default in choices else 0)
        elif isinstance(default, bool):
            kind, choices = "bool", ()
        elif isinstance(default, int):
            kind, choices = "int", ()
        elif isinstance(default, float):
            kind, choices = "float", ()
        else:
            continue
        out.append(Param(f.name.upper(), kind, label, help=label, default=default, advanced=advanced,
                         choices=choices, minimum=meta.get("minimum"), maximum=meta.get("maximum")))
    return out


def config_from_values(config_cls, values: dict, skip: Sequence[str] = (), **fixed):
    """An instance of ``config_cls``: the PRESET's values, then the user's values.

    With a preset other than 'default', a value equal to the field's default keeps the preset's
    value (the dialog and qgis_process always pass every parameter, so "at the default" is how a
    user leaves a setting alone). ``fixed`` fields are set whatever the values say.
    """
    from ..models.config import exposed_fields, with_preset
    names = ["default"] + list(getattr(config_cls, "PRESETS", {}))
    preset = names[int(values.get("PRESET") or 0)] if len(names) > 1 else "default"
    overrides = {}
    for f in exposed_fields(config_cls):
        name = f.name.upper()
        if f.name in skip or values.get(name) is None:
            continue
        value = values[name]
        if f.metadata.get("choices"):
            value = list(f.metadata["choices"])[int(value)]
        if preset != "default" and value == f.default:
            continue
        overrides[f.name] = value
    overrides.update(fixed)
    return with_preset(config_cls, preset, **overrides)


# --------------------------------------------------------------------------
# values
# --------------------------------------------------------------------------

_TRUE = {"true", "1", "yes", "on"}
_FALSE = {"false", "0", "no", "off"}


def _fail(p: Param, why: str) -> UserError:
    return UserError(f"Incorrect value for {p.name} ({p.label.rstrip('.')}): {why}")


def coerce(p: Param, value: Any) -> Any:
    """One user value (a Python value or a command-line string) -> the plain value of kind p.kind.

    enum: int index (its choice's text accepted); bool: True/False ('true', '1', ...); int/float
    with bounds checked; bands: list of ints ('3,2,1' accepted); paths and strings: str.
    None or '' -> None.
    """
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if p.kind == "rasters":
        items = value if isinstance(value, (list, tuple)) else str(value).split(";")
        return [str(v).strip() for v in items if str(v).strip()] or None
    if p.kind in INPUT_KINDS + OUTPUT_KINDS + ("string",):
        return str(value)
    if p.kind == "bool":
        if isinstance(value, bool):
            return value
        text = str(value).strip().lower()
        if text in _TRUE:
            return True
        if text in _FALSE:
            return False
        raise _fail(p, f"'{value}' is not true or false.")
    if p.kind == "enum":
        text = str(value).strip()
        for names in (p.choices, p.ids):  # the label or the short name, any case
            lowered = [n.lower() for n in names]
            if text.lower() in lowered:
                return lowered.index(text.lower())
        try:
            index = int(float(text))
        except ValueError:
            raise _fail(p, f"'{value}' is none of {', '.join(f'{i} ({c})' for i, c in enumerate(p.choices))}.") from None
        if not 0 <= index < len(p.choices):
            raise _fail(p, f"{index} is none of {', '.join(f'{i} ({c})' for i, c in enumerate(p.choices))}.")
        return index
    if p.kind == "bands":
        items = value if isinstance(value, (list, tuple)) else str(value).replace(";", ",").split(",")
        try:
            bands = [int(str(b).strip()) for b in items if str(b).strip()]
        except ValueError:
            raise _fail(p, f"'{value}' is not a list of band numbers such as 3,2,1,4.") from None
        if any(b < 1 for b in bands):
            if not p.multiple and bands in ([0], [-1]):
                return None  # QGIS's "no band" of a single band parameter
            raise _fail(p, "band numbers start at 1.")
        if not p.multiple:
            if len(bands) > 1:
                raise _fail(p, f"'{value}' is more than one band number.")
            return bands[0] if bands else None
        return bands or None
    # numbers
    try:
        number = float(value)
    except (TypeError, ValueError):
        raise _fail(p, f"'{value}' is not a number.") from None
    if not math.isfinite(number):
        raise _fail(p, f"'{value}' is not a finite number.")
    if p.kind == "int":
        if number != int(number):
            raise _fail(p, f"'{value}' is not a whole number.")
        number = int(number)
    if p.minimum is not None and number < p.minimum:
        raise _fail(p, f"{value} is below the minimum {p.minimum:g}.")
    if p.maximum is not None and number > p.maximum:
        raise _fail(p, f"{value} is above the maximum {p.maximum:g}.")
    return number


def resolve(spec: AlgorithmSpec, given: dict) -> dict:
    """Checked values for every parameter of ``spec``: the given ones coerced, defaults for the
    rest. Unknown names and missing required inputs raise `UserError` with a sentence."""
    names = {p.name for p in spec.params}
    unknown = sorted(set(given) - names)
    if unknown:
        raise UserError(f"fusediff:{spec.name} has no parameter {', '.join(unknown)}; its parameters are "
                        f"{', '.join(p.name for p in spec.params)}.")
    values = {}
    for p in spec.params:
        value = coerce(p, given.get(p.name))
        if value is None:
            value = p.default
        if value is None and not p.optional and p.kind in INPUT_KINDS + OUTPUT_KINDS:
            raise UserError(f"The parameter {p.name} ({p.label.rstrip('.')}) is missing.")
        values[p.name] = value
    return values
