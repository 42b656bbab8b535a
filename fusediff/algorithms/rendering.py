"""Outputs open in QGIS the way a user expects: a true-colour picture and a telling layer name.

After an algorithm ran, every raster output QGIS will load gets a post-processor that (in QGIS's
main thread, when the layer is added) sets a multiband-colour renderer on the red, green and blue
bands chosen from the band names / wavelengths (`rasters.render.rgb_bands`: Landsat B2..B5 -> red
= band 3, green = 2, blue = 1), each stretched to the 2-98 % range of its valid pixels (nodata left
out); a raster without a true-colour triple keeps QGIS's default rendering. The layer is named
after the algorithm and its spectral input ('KSDiff – LC08_..._low'), instead of "Fused raster".
"""
from __future__ import annotations


from qgis.core import (QgsColorRampShader, QgsContrastEnhancement, QgsMultiBandColorRenderer,
                       QgsProcessingLayerPostProcessorInterface, QgsRasterLayer, QgsRasterShader,
                       QgsSingleBandPseudoColorRenderer, QgsStyle)

#: the post-processors in use: QGIS holds them by a plain pointer, Python must keep them alive
_KEEP = []

#: the input whose name the output layer carries, per algorithm (the spectral input first)
INPUT_FOR_NAME = ("MS", "HSI", "B20M", "REFERENCE", "PRODUCT", "FUSED")
SHORT_NAMES = {"classical": None, "ksdiff": "KSDiff", "respandiff": "ResPanDiff", "dmzs": "DM-ZS",
               "sdp": "SDP", "argsdiff": "ARGS-Diff", "prepare_product": "Product",
               "simulate": "Simulated", "sentinel2": "Sentinel-2"}


def style_raster_layer(layer: QgsRasterLayer) -> bool:
    """Set a true-colour renderer stretched on the valid pixels; False when not applicable."""
    from ..rasters import read_info
    from ..rasters.render import rgb_bands, stretch
    if layer is None or not layer.isValid() or layer.bandCount() < 3:
        return False
    path = layer.source().split("|")[0]
    try:
        info = read_info(path)
        rgb = rgb_bands(info.descriptions, info.wavelengths)
        if rgb is None:
            return False
        limits = stretch(path, list(rgb))
    except Exception:  # styling must never fail a finished run
        return False
    renderer = QgsMultiBandColorRenderer(layer.dataProvider(), *rgb)
    enhancements = []
    for band, (lo, hi) in zip(rgb, limits):
        ce = QgsContrastEnhancement(layer.dataProvider().dataType(band))
        ce.setContrastEnhancementAlgorithm(QgsContrastEnhancement.StretchToMinimumMaximum, True)
        ce.setMinimumValue(lo)
        ce.setMaximumValue(hi)
        enhancements.append(ce)
    renderer.setRedContrastEnhancement(enhancements[0])
    renderer.setGreenContrastEnhancement(enhancements[1])
    renderer.setBlueContrastEnhancement(enhancements[2])
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return True


def style_uncertainty_layer(layer: QgsRasterLayer, band: int = 1) -> bool:
    """A single-band pseudocolour rendering of a sigma raster (band 1, 'Viridis' ramp from 0 to the
    98th percentile of its valid pixels): dark where the output can be trusted, bright where not.
    False when not applicable."""
    from ..rasters.render import stretch
    if layer is None or not layer.isValid():
        return False
    try:
        _lo, hi = stretch(layer.source().split("|")[0], [band])[0]
    except Exception:  # styling must never fail a finished run
        return False
    ramp = QgsStyle.defaultStyle().colorRamp("Viridis")
    shader_fn = QgsColorRampShader(0.0, float(hi), ramp)
    shader_fn.classifyColorRamp(5, band)
    shader = QgsRasterShader()
    shader.setRasterShaderFunction(shader_fn)
    renderer = QgsSingleBandPseudoColorRenderer(layer.dataProvider(), band, shader)
    renderer.setClassificationMin(0.0)
    renderer.setClassificationMax(float(hi))
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return True


class FusedLayerStyler(QgsProcessingLayerPostProcessorInterface):
    """Renames the loaded output layer and gives it a true-colour rendering (a pseudocolour one for
    an uncertainty raster)."""

    def __init__(self, name: str = "", uncertainty: bool = False):
        super().__init__()
        self.name = name
        self.uncertainty = uncertainty

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802 (QGIS API)
        if isinstance(layer, QgsRasterLayer):
            if self.name:
                layer.setName(self.name)
            if self.uncertainty:
                style_uncertainty_layer(layer)
            else:
                style_raster_layer(layer)


def layer_name(spec, values: dict, output_name: str) -> str:
    """'<method> – <input stem>' (classical: the METHOD's short id; several outputs: + output)."""
    from ..rasters.render import layer_name as compose
    method = SHORT_NAMES.get(spec.name, spec.display_name)
    if spec.name == "classical":
        from ..engine.algorithms.classical import METHODS
        try:
            method = {"brovey": "Brovey", "gsa": "GSA", "mtfglphpm": "MTF-GLP-HPM", "cnmf": "CNMF"}[
                METHODS[int(values.get("METHOD", 1))]]
        except (KeyError, IndexError, ValueError, TypeError):
            method = "Classical"
    source = next((values[k] for k in INPUT_FOR_NAME if isinstance(values.get(k), str)), "")
    outs = [p for p in spec.params if p.kind == "raster_out"]
    if len(outs) > 1:
        method = f"{method} {output_name.replace('OUTPUT_', '').lower()}"
    return compose(method, source)


def style_outputs(spec, values: dict, results: dict, context) -> None:
    """Attach a `FusedLayerStyler` to every raster output that QGIS will load."""
    for p in spec.params:
        if p.kind != "raster_out":
            continue
        path = results.get(p.name) or values.get(p.name)
        if not isinstance(path, str) or not path or not context.willLoadLayerOnCompletion(path):
            continue
        details = context.layerToLoadOnCompletionDetails(path)
        details.name = layer_name(spec, values, p.name)
        details.forceName = True
        styler = FusedLayerStyler(details.name, uncertainty=p.name == "UNCERTAINTY")
        _KEEP.append(styler)
        del _KEEP[:-64]
        details.setPostProcessor(styler)


