#!/usr/bin/env python3
"""`make translations`: extract FuseDiff's user-visible strings into i18n/*.ts and compile .qm.

Debian's Qt 5 lupdate does not read Python and pylupdate5 is not always installed, so the
strings are found with Python's ``ast``:

- literal first arguments of ``tr(...)``, ``self.tr(...)`` and
  ``QCoreApplication.translate("FuseDiff", ...)`` in engine/, algorithms/, provider/ and plugin.py
  (the engine's ``tr`` is Qt's once the plugin is loaded);
- the algorithm specs' strings, which the QGIS adapter translates: ``Param(name, kind, label,
  help=..., file_filter=...)`` labels, help and file filters, ``AlgorithmSpec(display_name=...,
  group=...)``, module-level ``HELP`` texts, ``*_LABELS`` tuples (enum choices), ``*_HELP`` and ``*_MESSAGE``
  constants and the labels of ``METRICS`` (assess), and the ``help`` sentences of
  ``models.config.param`` (parameters derived from config dataclasses: `engine.params.config_params`).

Every .ts file keeps the translations it has; new strings are added as unfinished,
strings no longer in the code are marked obsolete. `--fill MODULE` sets translations from a
Python module's ``TRANSLATIONS = {lang: {source: text}}``. Then lrelease compiles each .ts
into the .qm that `plugin.FuseDiffPlugin` loads for the user's locale. `--check` fails when a
.ts file lacks a finished translation of a current string.

Usage: python3 scripts/i18n.py [--fill i18n/translations.py] [--check] [--no-compile]
"""
from __future__ import annotations

import argparse
import ast
import importlib.util
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CONTEXT = "FuseDiff"
LANGUAGES = ("de", "zh_CN")
SOURCES = ("engine", "algorithms", "provider", "plugin.py")
CONFIG_SOURCES = ("models",)
CONST_SUFFIXES = ("_LABELS", "_HELP", "_MESSAGE")


def _strings_in(node) -> list:
    """String constants directly in a literal (str, or tuple/list of str)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return [node.value]
    if isinstance(node, (ast.Tuple, ast.List)):
        return [s for elt in node.elts for s in _strings_in(elt)]
    return []


def _is_tr_call(node: ast.Call) -> tuple:
    """(is a translation call, index of the text argument)."""
    f = node.func
    if isinstance(f, ast.Name) and f.id == "tr":
        return True, 0
    if isinstance(f, ast.Attribute) and f.attr == "tr":
        return True, 0
    if isinstance(f, ast.Attribute) and f.attr == "translate" and node.args and \
            isinstance(node.args[0], ast.Constant) and node.args[0].value == CONTEXT:
        return True, 1
    return False, 0


def _spec_strings(node: ast.Call) -> list:
    """Literal strings of a ``Param(...)`` (label: third argument; help, file_filter), an
    ``AlgorithmSpec(...)`` (display_name, group) or a spec factory call (display name, steps label)."""
    f = node.func
    name = f.id if isinstance(f, ast.Name) else (f.attr if isinstance(f, ast.Attribute) else "")
    out = []
    if name == "Param":
        if len(node.args) > 2:
            out += _strings_in(node.args[2])
        if len(node.args) > 3:
            out += _strings_in(node.args[3])
        out += [s for kw in node.keywords if kw.arg in ("label", "help", "file_filter") for s in _strings_in(kw.value)]
    elif name == "AlgorithmSpec":
        out += [s for kw in node.keywords if kw.arg in ("display_name", "group") for s in _strings_in(kw.value)]
    elif name in ("net_spec", "hsi_msi_spec"):  # (name, display name, anchor, help, config[, steps label, ...])
        out += [s for i in (1, 5) if len(node.args) > i for s in _strings_in(node.args[i])]
    return [s for s in out if s]


def extract_file(path: Path) -> tuple:
    """(strings, warnings) of one Python file (see module doc)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    found, warnings = [], []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            ok, i = _is_tr_call(node)
            if ok and len(node.args) > i:
                arg = node.args[i]
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    found.append(arg.value)
                elif isinstance(arg, ast.JoinedStr):
                    warnings.append(f"{path.name}:{node.lineno}: f-string passed to tr() cannot be translated")
            found += _spec_strings(node)
        elif isinstance(node, ast.ClassDef):
            for stmt in node.body:
                if isinstance(stmt, ast.Assign) and any(
                        isinstance(t, ast.Name) and t.id in ("DISPLAY_NAME", "GROUP", "STEPS_LABEL") for t in stmt.targets):
                    found += [s for s in _strings_in(stmt.value) if s]
    for stmt in tree.body:  # module-level constants translated through a variable
        if isinstance(stmt, ast.Assign):
            names = [t.id for t in stmt.targets if isinstance(t, ast.Name)]
            if any(n.endswith(CONST_SUFFIXES) or n == "HELP" for n in names):
                if isinstance(stmt.value, ast.Constant):
                    found += _strings_in(stmt.value)
                elif isinstance(stmt.value, (ast.Tuple, ast.List)):
                    found += _strings_in(stmt.value)
                elif isinstance(stmt.value, ast.BinOp) or isinstance(stmt.value, ast.JoinedStr):
                    pass
            if "METRICS" in names and isinstance(stmt.value, (ast.Tuple, ast.List)):
                for elt in stmt.value.elts:  # (name, key, label, better)
                    if isinstance(elt, ast.Tuple) and len(elt.elts) >= 3:
                        found += _strings_in(elt.elts[2])
    return found, warnings


def extract_config_help(path: Path) -> list:
    """help sentences of ``param(default, help, ...)`` calls (config dataclasses)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    out = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "param":
            if len(node.args) > 1:
                out += _strings_in(node.args[1])
            out += [s for kw in node.keywords if kw.arg == "help" for s in _strings_in(kw.value)]
    return out


def python_files(roots) -> list:
    files = []
    for r in roots:
        p = ROOT / "fusediff" / r
        files += sorted(p.rglob("*.py")) if p.is_dir() else [p]
    return [f for f in files if "__pycache__" not in f.parts]


def extract() -> tuple:
    """All source strings in a stable order (first occurrence), and warnings."""
    seen, order, warnings = set(), [], []
    for f in python_files(SOURCES):
        strings, w = extract_file(f)
        warnings += w
        for s in strings:
            if s not in seen:
                seen.add(s)
                order.append(s)
    for f in python_files(CONFIG_SOURCES):
        for s in extract_config_help(f):
            if s not in seen:
                seen.add(s)
                order.append(s)
    return order, warnings


def read_ts(path: Path) -> dict:
    """{source: (translation, finished)} of a .ts file ({} when absent)."""
    if not path.exists():
        return {}
    out = {}
    for msg in ET.parse(path).getroot().iter("message"):
        src = msg.findtext("source") or ""
        tr_el = msg.find("translation")
        text = (tr_el.text or "") if tr_el is not None else ""
        finished = tr_el is not None and tr_el.get("type") not in ("unfinished", "obsolete", "vanished")
        out[src] = (text, finished and bool(text))
    return out


def write_ts(path: Path, lang: str, sources: list, existing: dict) -> tuple:
    """Write a .ts file; returns (finished, unfinished) counts."""
    ts = ET.Element("TS", version="2.1", language=lang)
    ctx = ET.SubElement(ts, "context")
    ET.SubElement(ctx, "name").text = CONTEXT
    done = 0
    for s in sources:
        msg = ET.SubElement(ctx, "message")
        ET.SubElement(msg, "source").text = s
        text, finished = existing.get(s, ("", False))
        t = ET.SubElement(msg, "translation")
        t.text = text
        if finished:
            done += 1
        else:
            t.set("type", "unfinished")
    for s, (text, _f) in existing.items():  # keep vanished strings' work, marked obsolete
        if s not in sources and text:
            msg = ET.SubElement(ctx, "message")
            ET.SubElement(msg, "source").text = s
            t = ET.SubElement(msg, "translation", type="vanished")
            t.text = text
    ET.indent(ts)
    path.parent.mkdir(exist_ok=True)
    with open(path, "wb") as fh:
        fh.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        fh.write(ET.tostring(ts, encoding="utf-8"))
        fh.write(b"\n")
    return done, len(sources) - done


def lrelease_binary() -> str | None:
    for c in ("lrelease", "/usr/lib/qt5/bin/lrelease", "/usr/lib/x86_64-linux-gnu/qt5/bin/lrelease"):
        found = shutil.which(c) or (c if Path(c).is_file() else None)
        if found:
            return found
    return None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--fill", help="Python file with TRANSLATIONS = {lang: {source: text}}")
    ap.add_argument("--check", action="store_true", help="fail when a string is untranslated")
    ap.add_argument("--no-compile", action="store_true", help="do not run lrelease")
    args = ap.parse_args(argv)
    sources, warnings = extract()
    for w in warnings:
        print("warning:", w, file=sys.stderr)
    fill = {}
    if args.fill:
        spec = importlib.util.spec_from_file_location("fusediff_translations", args.fill)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        fill = module.TRANSLATIONS
    missing_total = 0
    for lang in LANGUAGES:
        ts_path = ROOT / "fusediff" / "i18n" / f"fusediff_{lang}.ts"
        existing = read_ts(ts_path)
        for s, text in fill.get(lang, {}).items():
            if text:
                existing[s] = (text, True)
        done, missing = write_ts(ts_path, lang, sources, existing)
        missing_total += missing
        print(f"{ts_path.relative_to(ROOT)}: {done} translated, {missing} unfinished")
        if args.check and missing:
            untranslated = [s for s in sources if not existing.get(s, ("", False))[1]]
            for s in untranslated[:20]:
                print(f"  untranslated ({lang}): {s[:100]!r}", file=sys.stderr)
    if not args.no_compile:
        binary = lrelease_binary()
        if binary is None:
            print("lrelease not found: install qttools5-dev-tools", file=sys.stderr)
            return 1
        for lang in LANGUAGES:
            ts_path = ROOT / "fusediff" / "i18n" / f"fusediff_{lang}.ts"
            subprocess.run([binary, "-silent", str(ts_path), "-qm", str(ts_path.with_suffix(".qm"))], check=True)
    return 1 if args.check and missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
