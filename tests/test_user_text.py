"""What a user reads speaks of the product, not of how it was developed: README.md, docs/, the
algorithms' help, the model cards and metadata.txt carry no development-history words, and every
backticked ALL-CAPS name in README.md and docs/ is a parameter of some algorithm (or a metric that
fusediff:assess returns, an environment variable, or a key of a satellite product's metadata)."""
from __future__ import annotations

import json
import re
from pathlib import Path


ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "fusediff"

#: Development-history words: sessions, issue numbers, the acceptance "bar", notebook-style notes.
HISTORY = re.compile(
    r"\bsession[- ]?\d+|\bsessions? \d|\bissue[- ]?#?\d+|\bissues? \d|\bthe (?:issue's |acceptance )?bar\b"
    r"|\blab notebook\b|\bTODO\b|\bFIXME\b|\bXXX\b|\bwhat made it faster\b",
    re.IGNORECASE)

#: Backticked ALL-CAPS names that are not parameters: environment variables and product-metadata keys.
ENV_PREFIXES = ("FUSEDIFF_", "QGIS_", "QT_", "GDAL_", "PROJ_", "OMP_", "CUDA_", "MKL_", "OPENBLAS_", "PYTORCH_",
                "TORCH_", "CPL_", "VSI_", "XDG_", "PIP_")
ENV_NAMES = {"PYTHONPATH", "PATH", "HOME", "LD_LIBRARY_PATH", "PYTHONHOME", "TMPDIR", "LANG", "LC_ALL",
             "HTTP_PROXY", "HTTPS_PROXY", "NO_PROXY", "EXTRA_PIP_PACKAGES"}  # the last: Dask's container images
PRODUCT_KEY = re.compile(
    r"^(?:REFLECTANCE|RADIANCE)_(?:MULT|ADD)_BAND_\w+$|^(?:BOA|RADIO)_ADD_OFFSET\w*$|^QUANTIFICATION_VALUE\w*$"
    r"|^[A-Z_]*(?:SUN|SOLAR)_[A-Z_]+$|^(?:K1|K2)_CONSTANT_BAND_\w+$|^DATE_ACQUIRED$|^SPACECRAFT_ID$"
    r"|^SENSOR_ID$|^PRODUCT_\w+$|^SCENE_\w+$|^MTL$|^SAFE$|^NODATA$|^GEOTIFF$|^UTM$|^WGS84$")
CAPS = re.compile(r"`([A-Z][A-Z0-9_]{2,})(?:=[^`]*)?`")


def _user_docs() -> list:
    return [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]


def _history_hits(text: str) -> list:
    return sorted({m.group(0) for m in HISTORY.finditer(re.sub(r"<[^>]+>", " ", text))})


def _specs():
    from fusediff.engine.registry import algorithm_specs
    specs = algorithm_specs()
    return list(specs.values()) if isinstance(specs, dict) else list(specs)


def _spec_texts():
    """(where, text) of every help string of every algorithm: its help, its parameters' labels and help."""
    for spec in _specs():
        yield f"{spec.name} help", spec.help
        for p in spec.params:
            yield f"{spec.name}.{p.name}", " ".join(filter(None, (p.label, p.help, *(p.choices or ()))))


def test_help_strings_have_no_development_history():
    hits = {where: _history_hits(text) for where, text in _spec_texts()}
    assert not {k: v for k, v in hits.items() if v}


def test_the_history_pattern_catches_what_it_should():
    for text in ("measured in session 8", "issue 4 asks for", "above the bar", "TODO: fix", "Issue #12"):
        assert _history_hits(text), text
    for text in ("a training session", "the scale bar", "sessions of QGIS", "the issue of noise"):
        assert not _history_hits(text), text


def test_readme_and_docs_have_no_development_history():
    hits = {str(p.relative_to(ROOT)): _history_hits(p.read_text(encoding="utf-8")) for p in _user_docs()
            if p.exists()}
    assert not {k: v for k, v in hits.items() if v}


def test_model_cards_and_metadata_have_no_development_history():
    hits = {}
    for card in sorted((PACKAGE / "models" / "weights").glob("*.json")):
        text = json.dumps(json.loads(card.read_text(encoding="utf-8")), ensure_ascii=False)
        hits[card.name] = _history_hits(text)
    hits["metadata.txt"] = _history_hits((PACKAGE / "metadata.txt").read_text(encoding="utf-8"))
    assert not {k: v for k, v in hits.items() if v}


def _known_names() -> set:
    """Names a user may meet in backticks: the algorithms' parameters and fusediff:assess's outputs
    (metric names)."""
    from fusediff.engine.algorithms import assess
    names = {p.name for spec in _specs() for p in spec.params}
    names |= {m[0] for m in assess.METRICS}
    return names


def _not_a_parameter(name: str, parameters: set) -> bool:
    return not (name in parameters or name in ENV_NAMES or name.startswith(ENV_PREFIXES)
                or PRODUCT_KEY.match(name))


def test_parameter_check_knows_the_parameters():
    parameters = _known_names()
    assert {"MS", "PAN", "HSI", "MSI", "OUTPUT", "ADAPT_ITERS", "SEED", "STEPS"} <= parameters
    assert not _not_a_parameter("FUSEDIFF_DATA", parameters)
    assert not _not_a_parameter("REFLECTANCE_MULT_BAND_4", parameters)
    assert _not_a_parameter("CONSISTENCY_PASSES", parameters)


def test_backticked_names_in_readme_and_docs_are_parameters():
    parameters = _known_names()
    unknown = {}
    for path in _user_docs():
        if not path.exists():
            continue
        names = {m.group(1) for m in CAPS.finditer(path.read_text(encoding="utf-8"))}
        bad = sorted(n for n in names if _not_a_parameter(n, parameters))
        if bad:
            unknown[str(path.relative_to(ROOT))] = bad
    assert not unknown


def test_model_cards_match_their_weights():
    """Each bundled weights file has a model card naming its sha256, size, training script and the
    commit that made it; the hash is the file's."""
    import hashlib
    import json
    weights = ROOT / "fusediff" / "models" / "weights"
    pts = sorted(weights.glob("*.pt"))
    assert pts
    for pt in pts:
        card = json.loads(pt.with_suffix(".json").read_text())
        assert card["sha256"] == hashlib.sha256(pt.read_bytes()).hexdigest(), pt.name
        assert card["size_bytes"] == pt.stat().st_size, pt.name
        assert (ROOT / card["training_script"]).is_file(), pt.name
        assert len(card["commit"]) >= 7, pt.name


def test_readme_is_short_and_links_the_docs():
    """README is for users: at most 200 lines and 16 KB, with the two commands and the docs linked."""
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 200 and len(text.encode()) <= 16 * 1024
    assert "make demo" in text and "make test" in text
    docs = sorted(p for p in (ROOT / "docs").glob("*.md"))
    assert len(docs) >= 4
    for link in ("docs/install.md", "docs/algorithms/", "docs/benchmarks.md", "CHANGELOG.md"):
        assert link in text, link
    for target in __import__("re").findall(r"\]\(([^)#]+)\)", text):
        if not target.startswith("http"):
            assert (ROOT / target).exists(), target
