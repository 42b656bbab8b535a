"""Help: every algorithm's helpUrl points at a README section; help texts name the runtime."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT

pytestmark = pytest.mark.usefixtures("qgis_app")


def readme_slugs() -> set:
    """GitHub anchors of the README's headings."""
    slugs = set()
    for line in (ROOT / "README.md").read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            title = line.lstrip("#").strip().lower()
            slugs.add(re.sub(r"\s", "-", re.sub(r"[^\w\- ]", "", title)))
    return slugs


def algorithms():
    from qgis.core import QgsApplication
    # the fusion/simulation/assessment algorithms (not the Setup group: install_dependencies)
    return [a for a in QgsApplication.processingRegistry().providerById("fusediff").algorithms()
            if a.groupId() != "setup"]


def test_help_urls_point_at_readme_sections():
    slugs = readme_slugs()
    assert "classical-fusion-fusediffclassical" in slugs
    bad = [(a.id(), a.helpUrl().split("#", 1)[1]) for a in algorithms()
           if a.helpUrl().split("#", 1)[1] not in slugs]
    assert not bad, bad


def test_help_texts_state_runtime():
    for alg in algorithms():
        text = alg.shortHelpString()
        assert "Runtime" in text or "runtime" in text, alg.id()
        assert "OUTPUT" in text or "Report" in text or "report" in text, alg.id()


def test_help_texts_state_inputs_gpu_and_paper():
    """issue 8: each help says what inputs it expects (bands, ratio, units), the GPU runtime (or that no
    GPU is used) and the paper(s) it implements."""
    for alg in algorithms():
        text = alg.shortHelpString()
        assert "band" in text, alg.id()
        assert "ratio" in text.lower(), alg.id()
        assert "unit" in text, alg.id()
        assert "GPU" in text, alg.id()
        assert re.search(r"Reference(s)?: \w", text), alg.id()
        assert re.search(r"(19|20)\d\d", text), alg.id()  # a publication year
