"""Help: no algorithm links to a web page that does not exist; help texts name the runtime."""
from __future__ import annotations

import re

import pytest


pytestmark = pytest.mark.usefixtures("qgis_app")


def algorithms():
    from qgis.core import QgsApplication
    # the fusion/simulation/assessment algorithms (not the Setup group: install_dependencies)
    return [a for a in QgsApplication.processingRegistry().providerById("fusediff").algorithms()
            if a.groupId() != "setup"]


def test_no_help_url_to_an_invented_website():
    """The dialog's help is the documentation; no algorithm links to a site the project does not have."""
    assert [a.id() for a in algorithms() if a.helpUrl()] == []


def test_help_texts_state_runtime():
    for alg in algorithms():
        text = alg.shortHelpString()
        assert "Runtime" in text or "runtime" in text, alg.id()
        assert "OUTPUT" in text or "Report" in text or "report" in text, alg.id()


def test_help_texts_state_inputs_gpu_and_paper():
    """Each help says what inputs it expects (bands, ratio, units), the GPU runtime (or that no
    GPU is used) and the paper(s) it implements."""
    for alg in algorithms():
        text = alg.shortHelpString()
        assert "band" in text, alg.id()
        assert "ratio" in text.lower(), alg.id()
        assert "unit" in text, alg.id()
        assert "GPU" in text, alg.id()
        assert re.search(r"Reference(s)?: \w", text), alg.id()
        assert re.search(r"(19|20)\d\d", text), alg.id()  # a publication year
