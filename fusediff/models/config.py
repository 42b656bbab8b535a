"""Helpers for method config dataclasses.

Each method has one dataclass holding its defaults (CPU-fast) and a `paper`
preset. Fields carry metadata so the algorithm layer can derive its QGIS
parameters from the dataclass: a default is written once.
"""
from __future__ import annotations

import dataclasses
from typing import Any


def param(default: Any, help: str, minimum: float | None = None, maximum: float | None = None,
          choices: tuple | None = None, expose: bool = True) -> Any:
    """A dataclass field with user-facing metadata.

    ``help``: one sentence shown as the parameter's description. ``minimum``/
    ``maximum``: numeric bounds. ``choices``: allowed string values.
    ``expose``: whether the algorithm shows it as an (advanced) parameter.
    """
    return dataclasses.field(default=default, metadata={
        "help": help, "minimum": minimum, "maximum": maximum, "choices": choices, "expose": expose})


def exposed_fields(cls) -> list[dataclasses.Field]:
    """Fields of a config dataclass that the algorithm layer shows to users."""
    return [f for f in dataclasses.fields(cls) if f.metadata.get("expose", False)]


def with_preset(cls, preset: str = "default", **overrides):
    """An instance of config ``cls`` for ``preset`` ('default' or a name in
    cls.PRESETS, a dict of field overrides), then ``overrides`` applied."""
    values = {}
    if preset != "default":
        presets = getattr(cls, "PRESETS", {})
        if preset not in presets:
            raise ValueError(f"Unknown preset {preset!r}; known: default, {', '.join(presets)}")
        values.update(presets[preset])
    values.update({k: v for k, v in overrides.items() if v is not None})
    return cls(**values)
