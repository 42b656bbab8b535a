"""Weights files, model cards, bundled weights and their resolution, shared by the
supervised pansharpeners (ResPanDiff, KSDiff).

A weights file is a ``torch.save`` dict {format, arch, state_dict (float32),
meta}; the model card is the JSON file beside it (architecture, parameter
counts, size, and the meta: bands, band order, ratio, training data,
iterations, validation and test metrics).
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import torch

#: Where a weights file's card (or meta) keeps the input normalisation it was trained at:
#: ``"input_scale": {"percentile": 99.9, "level": L}``: the training data's robust maximum
#: (99.9th percentile of both inputs, per scene) sat at about L, so the product maps each
#: scene's robust maximum to L (`fusediff.engine.scaling.SceneScale`).
INPUT_SCALE_KEY = "input_scale"
#: Level of weights whose card and meta record none: 1, the scaling `fusediff:train` used
#: before cards recorded it (each training pair's robust maximum mapped to 1).
DEFAULT_INPUT_LEVEL = 1.0


def meta_input_level(meta: dict | None, default: float = DEFAULT_INPUT_LEVEL) -> float:
    """The level recorded in a card or meta (``input_scale.level``), else ``default``."""
    entry = (meta or {}).get(INPUT_SCALE_KEY) or {}
    try:
        level = float(entry.get("level")) if isinstance(entry, dict) and entry.get("level") is not None else None
    except (TypeError, ValueError):
        level = None
    return level if level is not None and level > 0 and level == level else float(default)


def read_card(path) -> dict:
    """The JSON model card beside a weights file (``<path>.json``); {} when absent or unreadable."""
    card = Path(path).with_suffix(".json")
    try:
        out = json.loads(card.read_text())
    except (OSError, ValueError):
        return {}
    return out if isinstance(out, dict) else {}


def check_compatible(meta: dict, bands: int | None, ratio: int | None, name: str = "The weights") -> None:
    """ValueError when the weights' band count or ratio (``meta``) differs from the input's."""
    wb, wr = meta.get("bands"), meta.get("ratio")
    if bands is not None and wb is not None and int(wb) != int(bands):
        order = meta.get("band_order")
        order_txt = f" ({', '.join(order)})" if order else ""
        raise ValueError(f"{name} expect {wb} MS bands{order_txt} but the input has {bands}; choose {wb} bands "
                         f"(MS_BANDS) or set ADAPT_ITERS > 0 to fit a model on this scene.")
    if ratio is not None and wr is not None and int(wr) != int(ratio):
        raise ValueError(f"{name} were trained for a resolution ratio of {wr} but the input's ratio is {ratio}; "
                         f"choose weights for ratio {ratio} or set ADAPT_ITERS > 0 to fine-tune on this scene.")


@dataclass(frozen=True)
class WeightsKind:
    """How one method stores its trained weights.

    build(arch dict) -> model (an nn.Module with ``arch()`` and ``bands``);
    card_fields(model) -> dict written into the card before the meta;
    card_tail: written after the meta (e.g. the choices the paper leaves open).
    """
    method: str
    fmt: str
    bundled: dict
    weights_dir: Path
    build: Callable[[dict], torch.nn.Module]
    card_fields: Callable[[torch.nn.Module], dict] = lambda m: {
        "parameters": int(sum(p.numel() for p in m.parameters()))}
    card_tail: dict = field(default_factory=dict)

    def bundled_path(self, name_or_ratio) -> Path:
        """Path of a bundled weights file, by name ('landsat7-r2') or ratio (2 or 4)."""
        name = f"landsat7-r{int(name_or_ratio)}" if not isinstance(name_or_ratio, str) else name_or_ratio
        if name not in self.bundled:
            raise ValueError(f"No bundled {self.method} weights named {name!r}; bundled: {', '.join(self.bundled)}.")
        return self.weights_dir / self.bundled[name]

    def save(self, path, model: torch.nn.Module, meta: dict) -> Path:
        """Write the weights atomically (never a half-written file) and the JSON model card
        ``<path>.json``. meta: bands, band_order, ratio, data, iterations, validation, ...
        Returns the weights path."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        state = {k: v.detach().to("cpu", torch.float32).clone() for k, v in model.state_dict().items()}
        meta = json.loads(json.dumps(dict(meta)))
        meta.setdefault("bands", model.bands)
        tmp = path.with_suffix(path.suffix + ".tmp")
        torch.save({"format": self.fmt, "arch": model.arch(), "state_dict": state, "meta": meta}, tmp)
        tmp.replace(path)
        card = {"method": self.method, "weights": path.name, "format": self.fmt, "architecture": model.arch(),
                **self.card_fields(model), "size_bytes": path.stat().st_size,
                **{k: v for k, v in meta.items() if k != "method"}, **self.card_tail}
        path.with_suffix(".json").write_text(json.dumps(card, indent=2) + "\n")
        return path

    def load(self, path, bands: int | None = None, ratio: int | None = None, device=None):
        """Read a weights file -> (model in eval mode, meta).

        ValueError with a plain sentence when the file is missing, is not this
        method's weights, or its bands/ratio differ from ``bands``/``ratio``.
        """
        path = Path(path)
        if not path.is_file():
            raise ValueError(f"The weights file {path} does not exist.")
        try:
            blob = torch.load(str(path), map_location="cpu", weights_only=True)
        except Exception as e:
            raise ValueError(f"{path.name} could not be read as a {self.method} weights file "
                             f"({e.__class__.__name__}).") from e
        if not isinstance(blob, dict) or blob.get("format") != self.fmt:
            raise ValueError(f"{path.name} is not a {self.method} weights file.")
        meta = dict(blob.get("meta", {}))
        if INPUT_SCALE_KEY not in meta:  # the card records the input level of the bundled weights
            card_scale = read_card(path).get(INPUT_SCALE_KEY)
            if card_scale:
                meta[INPUT_SCALE_KEY] = card_scale
        check_compatible(meta, bands, ratio, path.name)
        model = self.build(dict(blob["arch"]))
        try:
            model.load_state_dict(blob["state_dict"])
        except RuntimeError as e:
            raise ValueError(f"{path.name} does not match the {self.method} network it describes.") from e
        model.eval()
        if device is not None:
            model.to(device)
        return model, meta

    def weights_path(self, weights, ratio: int) -> Path | None:
        """The file ``weights`` (None, a bundled name or a path) names for ``ratio``, as `resolve`
        reads it (None without adaptation: the bundled weights for the ratio, else ratio 4's)."""
        if weights is None:
            return self.bundled_path(ratio if f"landsat7-r{int(ratio)}" in self.bundled else 4)
        if isinstance(weights, str) and weights in self.bundled:
            return self.bundled_path(weights)
        if isinstance(weights, (str, Path)):
            return Path(weights)
        return None

    def input_level(self, weights, ratio: int) -> float:
        """Level the scene's robust maximum maps to for ``weights`` (None: bundled for ``ratio``,
        a bundled name, a path, a model or (model, meta)): the card's (or meta's)
        ``input_scale.level``; DEFAULT_INPUT_LEVEL when neither records one (weights trained
        before cards did). Reads only the card (and the file's meta when the card lacks it)."""
        if isinstance(weights, torch.nn.Module):
            return DEFAULT_INPUT_LEVEL
        if isinstance(weights, tuple):
            return meta_input_level(weights[1] if len(weights) > 1 else {})
        path = self.weights_path(weights, ratio)
        if path is None:
            return DEFAULT_INPUT_LEVEL
        card = read_card(path)
        if INPUT_SCALE_KEY in card:
            return meta_input_level(card)
        if not path.is_file():
            return DEFAULT_INPUT_LEVEL
        try:
            blob = torch.load(str(path), map_location="cpu", weights_only=True)
        except Exception:  # noqa: BLE001 (an unreadable file fails later, with its own message)
            return DEFAULT_INPUT_LEVEL
        return meta_input_level(blob.get("meta") if isinstance(blob, dict) else None)

    def resolve(self, weights, bands: int, ratio: int, adapting: bool, device,
                other_bands: Callable[[torch.nn.Module, dict], tuple], band_count: int):
        """(model, meta, fresh) for ``weights``: None (bundled for the ratio), a bundled name, a
        path, a model or (model, meta).

        Without adaptation a band-count or ratio mismatch is a ValueError. With
        it a ratio mismatch is fine-tuned away and a band mismatch is handed to
        ``other_bands(model | None, meta)`` (None: the bundled weights, which
        have ``band_count`` bands, were not read), which returns the triple.
        """
        if isinstance(weights, torch.nn.Module):
            weights = (weights, {"bands": getattr(weights, "bands", bands)})
        if isinstance(weights, tuple):
            model, meta = weights
            if not adapting:
                check_compatible(meta, bands, ratio)
            elif int(meta.get("bands", bands)) != bands:
                return other_bands(model, meta)
            return model.to(device), meta, False
        if weights is None or (isinstance(weights, str) and weights in self.bundled):
            if weights is None and f"landsat7-r{ratio}" not in self.bundled:
                if not adapting:
                    raise ValueError(f"No bundled {self.method} weights for ratio {ratio}; bundled: "
                                     f"{', '.join(self.bundled)}. Give a weights file or set ADAPT_ITERS > 0.")
                weights = self.bundled_path(4)
            else:
                weights = self.bundled_path(ratio if weights is None else weights)
            if not Path(weights).is_file():
                if adapting and bands != band_count:
                    return other_bands(None, {})
                raise ValueError(f"The bundled weights {Path(weights).name} are missing from this installation.")
        if not adapting:
            model, meta = self.load(weights, bands=bands, ratio=ratio, device=device)
            return model, meta, False
        model, meta = self.load(weights, device=device)
        if int(meta.get("bands", bands)) != bands:
            return other_bands(model, meta)
        return model, meta, False
