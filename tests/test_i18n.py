"""Translations: complete .ts files with compiled .qm, loaded by locale; every string through tr()."""
from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET

import pytest

from conftest import ROOT

LANGS = ("de", "zh_CN")


def test_ts_files_complete_and_compiled():
    """scripts/i18n.py --check: every tr() string of the code has a finished translation."""
    for lang in LANGS:
        assert (ROOT / "fusediff" / "i18n" / f"fusediff_{lang}.qm").is_file()
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    sources, warnings = i18n.extract()
    assert not warnings, warnings  # e.g. an f-string passed to tr()
    assert len(sources) > 100
    for lang in LANGS:
        done = i18n.read_ts(ROOT / "fusediff" / "i18n" / f"fusediff_{lang}.ts")
        missing = [s for s in sources if not done.get(s, ("", False))[1]]
        assert not missing, f"{lang}: {len(missing)} untranslated, e.g. {missing[:3]}"
        # placeholders survive translation
        for s in sources:
            for k in range(8):
                if "{%d" % k in s:
                    assert "{%d" % k in done[s][0], (lang, s)


def test_qm_compiled_from_current_ts(tmp_path):
    """The shipped .qm is what lrelease makes of the shipped .ts (run make translations)."""
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import i18n
    finally:
        sys.path.pop(0)
    binary = i18n.lrelease_binary()
    if binary is None:
        pytest.skip("lrelease (qttools5-dev-tools) is not installed")
    for lang in LANGS:
        ts = ROOT / "fusediff" / "i18n" / f"fusediff_{lang}.ts"
        ET.parse(ts)  # well-formed
        qm = tmp_path / f"{lang}.qm"
        subprocess.run([binary, "-silent", str(ts), "-qm", str(qm)], check=True)
        assert qm.read_bytes() == ts.with_suffix(".qm").read_bytes(), f"{lang}: run make translations"


@pytest.mark.parametrize("locale,expected", [("de", "Klassische Fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)"),
                                             ("zh_CN", "经典融合（Brovey、GSA、MTF-GLP-HPM、CNMF）")])
def test_locale_switch_changes_display_name(qgis_app, locale, expected):
    """Setting QGIS's user locale and reloading the plugin translates the algorithms."""
    from qgis.core import QgsApplication
    from qgis.PyQt.QtCore import QSettings
    registry = QgsApplication.processingRegistry()
    english = "Classical fusion (Brovey, GSA, MTF-GLP-HPM, CNMF)"
    settings = QSettings()
    old = settings.value("locale/userLocale", "")
    plugin = qgis_app.plugin
    try:
        settings.setValue("locale/userLocale", "en_US")
        plugin.unload()
        plugin.initProcessing()
        assert registry.algorithmById("fusediff:classical").displayName() == english
        settings.setValue("locale/userLocale", locale)
        plugin.unload()
        plugin.initProcessing()
        alg = registry.algorithmById("fusediff:classical")
        assert alg.displayName() == expected
        assert alg.createInstance().displayName() == expected
    finally:
        settings.setValue("locale/userLocale", old)
        plugin.unload()
        plugin.initProcessing()
