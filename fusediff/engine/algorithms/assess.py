"""`fusediff:assess`: quality of a fused raster, with or without a reference.

With REFERENCE: PSNR, SSIM, SAM, ERGAS, RMSE, Q2n, SCC (models.metrics.
reference_metrics) on both rasters scaled by the reference's maximum, as in
BENCHMARK.md. Without: D_lambda, D_s, QNR, HQNR at full resolution from the
fused raster, the low-resolution MS and the PAN (models.metrics.noref_metrics).
The values go to the log, to a report file (HTML or CSV) and to numeric
results. NumPy only (no torch).
"""
from __future__ import annotations

import csv
import html
import math
import os

import numpy as np

from ..i18n import tr
from ..params import AlgorithmSpec, Param
from .common import ratio_param, same_file

#: (output name, metrics key, label, better) for every metric the algorithm can return.
METRICS = (
    ("PSNR", "psnr", "PSNR (dB)", "higher"),
    ("SSIM", "ssim", "SSIM", "higher"),
    ("SAM", "sam", "SAM (degrees)", "lower"),
    ("ERGAS", "ergas", "ERGAS", "lower"),
    ("RMSE", "rmse", "RMSE (scaled to [0, 1])", "lower"),
    ("Q2N", "q2n", "Q2n", "higher"),
    ("SCC", "scc", "SCC", "higher"),
    ("D_LAMBDA", "d_lambda", "D_lambda", "lower"),
    ("D_S", "d_s", "D_s", "lower"),
    ("QNR", "qnr", "QNR", "higher"),
    ("HQNR", "hqnr", "HQNR", "higher"),
)


def grid_offset(inner, outer, tol: float = 1e-3):
    """(row, col) offset of raster grid ``inner`` inside grid ``outer``, or None.

    Both are rasters.RasterInfo-like (crs, transform, width, height). None
    when the grids differ in CRS or pixel size, are not aligned to whole
    pixels, or ``inner`` is not contained in ``outer``.
    """
    if (inner.crs or None) != (outer.crs or None):
        return None
    a, b = inner.transform, outer.transform
    if any(abs(x - y) > tol * max(abs(y), 1e-12) for x, y in ((a.a, b.a), (a.e, b.e))) or a.b or a.d:
        return None
    col = (a.c - b.c) / b.a
    row = (a.f - b.f) / b.e
    if abs(col - round(col)) > tol or abs(row - round(row)) > tol:
        return None
    row, col = int(round(row)), int(round(col))
    if row < 0 or col < 0 or row + inner.height > outer.height or col + inner.width > outer.width:
        return None
    return row, col


def write_report(path: str, title: str, rows: list, details: list) -> None:
    """Write ``rows`` [(label, value, better)] as CSV (path ends in .csv) or HTML, atomically."""
    folder = os.path.dirname(os.path.abspath(path)) or "."
    if not os.path.isdir(folder):
        raise ValueError(f"The report folder '{folder}' does not exist. Choose another path.")
    from ..files import atomic_open
    with atomic_open(path, "w", newline="", encoding="utf-8") as f:
        if path.lower().endswith(".csv"):
            w = csv.writer(f)
            w.writerow(["metric", "value", "better"])
            for label, value, better in rows:
                w.writerow([label, repr(float(value)), better])
        else:
            f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>"
                    f"{html.escape(title)}</title></head><body>\n<h1>{html.escape(title)}</h1>\n<ul>\n")
            for d in details:
                f.write(f"<li>{html.escape(d)}</li>\n")
            f.write("</ul>\n<table border=\"1\" cellpadding=\"4\">\n"
                    "<tr><th>metric</th><th>value</th><th>better</th></tr>\n")
            for label, value, better in rows:
                f.write(f"<tr><td>{html.escape(label)}</td><td>{float(value):.6g}</td>"
                        f"<td>{html.escape(better)}</td></tr>\n")
            f.write("</table>\n</body></html>\n")


HELP = (
    "<p>Measures the quality of a fused raster. FUSED, REFERENCE and MS have the same bands in the "
    "same order and one radiometric unit (any: DN, radiance, reflectance).</p>"
    "<p>With a <b>REFERENCE</b> (e.g. the input of Simulate a fusion pair): PSNR (dB), SSIM, SAM "
    "(degrees), ERGAS, RMSE, Q2n (Q4/Q8) and SCC, on both rasters divided by the reference's "
    "maximum, leaving out a border of RATIO pixels. FUSED and REFERENCE must be on the same grid. "
    "RATIO defaults to the pixel-size ratio of MS to FUSED when MS is given.</p>"
    "<p>Without a reference, from the low-resolution <b>MS</b> and the <b>PAN</b> that were fused: "
    "D_lambda, D_s, QNR and HQNR at full resolution (Alparone et al. 2008; Khan et al. 2009). FUSED "
    "must cover the PAN/MS overlap on the PAN grid.</p>"
    "<p>The values are printed to the log, written to OUTPUT_REPORT (HTML, or CSV when the file name "
    "ends in .csv) and returned as numeric outputs for the graphical modeler.</p>"
    "<p>Runtime: seconds on a CPU for a 2000 x 2000 raster; it always runs on the CPU (NumPy; no GPU "
    "is used).</p>"
    "<p>References: Wang, Bovik, Sheikh, Simoncelli, IEEE TIP 2004 (SSIM); Yuhas, Goetz, Boardman, "
    "JPL Airborne Geoscience Workshop 1992 (SAM); Wald 2002 (ERGAS); Garzelli &amp; Nencini, IEEE "
    "GRSL 2009 (Q2n); Zhou, Civco, Silander, IJRS 1998 (SCC); Alparone et al., PE&amp;RS 2008 "
    "(D_lambda, D_s, QNR); Khan, Alparone, Chanussot, IEEE TGRS 2009 (the MTF-based D_lambda of "
    "HQNR); Aiazzi et al., Proc. SPIE 2014 (HQNR); Vivone et al., IEEE TGRS 2015 (protocol).</p>")

SPEC = AlgorithmSpec(
    name="assess", display_name="Assess fusion quality", group="Simulation and assessment", group_id="evaluation",
    help=HELP, help_anchor="assess-fusion-quality-fusediffassess", run=f"{__name__}:run",
    needs=("numpy", "rasterio"),
    number_outputs=tuple((name, label) for name, _key, label, _better in METRICS),
    params=(
        Param("FUSED", "raster", "Fused raster"),
        Param("REFERENCE", "raster", "Reference raster (for reference-based metrics)", optional=True),
        Param("MS", "raster", "Low-resolution spectral raster that was fused (for no-reference metrics)",
              optional=True),
        Param("PAN", "raster", "High-resolution raster that was fused (for no-reference metrics)", optional=True),
        Param("MS_BANDS", "bands", "MS bands that were fused (empty: all)", parent="MS", optional=True,
              multiple=True, advanced=True,
              help="The bands of MS that the fusion used (its MS_BANDS), for the no-reference metrics."),
        ratio_param(),
        Param("OUTPUT_REPORT", "file_out", "Report", file_filter="HTML files (*.html);;CSV files (*.csv)"),
    ))


def run(values: dict, ctx) -> dict:
    """Measure FUSED's quality; returns the report path and one number per metric."""
    from ..scene import check_ratio
    fused_path, ref_path, ms_path, pan_path = (values.get(k) for k in ("FUSED", "REFERENCE", "MS", "PAN"))
    report = values["OUTPUT_REPORT"]
    for p in (fused_path, ref_path, ms_path, pan_path):
        if p and same_file(p, report):
            raise ValueError(tr("The report path '{0}' is one of the inputs; choose another path.")
                             .format(report))
    ratio = check_ratio(values.get("RATIO"))
    ctx.report(0.0, tr("Reading the rasters"))
    if ref_path:
        metric_values, details = _with_reference(fused_path, ref_path, ms_path, ratio, ctx)
        title = tr("FuseDiff quality report (reference-based)")
    elif ms_path and pan_path:
        metric_values, details = _without_reference(fused_path, ms_path, pan_path, ratio, ctx,
                                                    values.get("MS_BANDS"))
        title = tr("FuseDiff quality report (no reference)")
    else:
        raise ValueError(tr("Give a REFERENCE raster for reference-based metrics, or both MS and "
                            "PAN for no-reference metrics."))
    ctx.report(0.9, tr("Writing the report"))
    results, rows = {}, []
    for name, key, label, better in METRICS:
        if key in metric_values:
            v = float(metric_values[key])
            results[name] = v
            rows.append((label, v, better))
            ctx.info(f"{label}: {v:.6g}")
    write_report(report, title, rows, details)
    results["OUTPUT_REPORT"] = report
    ctx.report(1.0, tr("Done"))
    return results


# --- reference-based --------------------------------------------------
def _with_reference(fused_path, ref_path, ms_path, ratio, ctx):
    from ...models import metrics
    from ...rasters import read, read_info
    fused, fvalid, finfo = read(fused_path)
    ref, rvalid, rinfo = read(ref_path)
    if fused.shape[0] != ref.shape[0]:
        raise ValueError(tr("FUSED has {0} band(s) but REFERENCE has {1}; they must have the same "
                                 "bands.").format(fused.shape[0], ref.shape[0]))
    if fused.shape != ref.shape:
        # Compare on the common part when one grid holds the other (e.g. a fused output cropped to
        # the inputs' overlap); otherwise the rasters cannot be compared pixel by pixel.
        off = grid_offset(finfo, rinfo)
        if off is not None:
            r0, c0 = off
            sl = (slice(r0, r0 + fused.shape[1]), slice(c0, c0 + fused.shape[2]))
            ref, rvalid = ref[:, sl[0], sl[1]], rvalid[sl]
        else:
            off = grid_offset(rinfo, finfo)
            if off is None:
                raise ValueError(tr(
                    "FUSED ({0} x {1} px) and REFERENCE ({2} x {3} px) are not on the same pixel grid; "
                    "they must share CRS, pixel size and pixel alignment.").format(
                        fused.shape[2], fused.shape[1], ref.shape[2], ref.shape[1]))
            r0, c0 = off
            sl = (slice(r0, r0 + ref.shape[1]), slice(c0, c0 + ref.shape[2]))
            fused, fvalid = fused[:, sl[0], sl[1]], fvalid[sl]
    if ratio is None:
        if not ms_path:
            raise ValueError(tr("Set RATIO (the fusion's resolution ratio, used for ERGAS and the "
                                     "border), or give the MS raster to measure it."))
        ms_info = read_info(ms_path)
        ratio = ms_info.res[0] / finfo.res[0]
        ctx.info(tr("Ratio from the pixel sizes: {0:.3f}").format(ratio))
    ratio = int(round(ratio))
    valid = fvalid & rvalid
    if not valid.any():
        raise ValueError(tr("FUSED and REFERENCE have no pixel valid in both."))
    if not valid.all():
        # Metrics need full images: nodata pixels get the reference's value in both (no error
        # counted there) and the user is told how many were left out.
        ctx.warning(tr("{0} nodata pixel(s) are left out of the comparison.")
                             .format(int((~valid).sum())))
        ref = np.where(valid[None], ref, np.nan)
        fill = np.nanmean(ref.reshape(ref.shape[0], -1), axis=1)[:, None, None]
        ref = np.where(valid[None], ref, fill)
        fused = np.where(valid[None], fused, ref)
    top = float(ref.max())
    if not math.isfinite(top) or top <= 0:
        raise ValueError(tr("The reference's values are all zero or negative."))
    values = metrics.reference_metrics(fused / top, ref / top, ratio)
    details = [f"FUSED: {fused_path}", f"REFERENCE: {ref_path}", f"ratio: {ratio}",
               f"scale: divided by the reference maximum {top:g}",
               f"size: {fused.shape[0]} bands x {fused.shape[1]} x {fused.shape[2]} px"]
    return values, details

# --- no reference -------------------------------------------------------
def _without_reference(fused_path, ms_path, pan_path, ratio, ctx, ms_bands=None):
    from ...models import metrics
    from ...rasters import read
    from ..scaling import SceneScale, fill_invalid
    from ..scene import read_pair
    pair = read_pair(pan_path, ms_path, ctx, ratio=ratio, min_low_bands=2, low_bands=ms_bands or None)
    fused, fvalid, finfo = read(fused_path)
    grid = type("Grid", (), dict(crs=pair.crs, transform=pair.transform,
                                 height=pair.high.shape[1], width=pair.high.shape[2]))
    off = grid_offset(grid, finfo)
    if off is None:
        raise ValueError(tr("FUSED does not cover the PAN/MS overlap on the PAN's pixel grid; give "
                                 "the output of a fusion of these MS and PAN rasters."))
    r0, c0 = off
    h, w = grid.height, grid.width
    fused, fvalid = fused[:, r0:r0 + h, c0:c0 + w], fvalid[r0:r0 + h, c0:c0 + w]
    if fused.shape[0] != pair.low.shape[0]:
        raise ValueError(tr("FUSED has {0} band(s) but MS has {1}; they must have the same bands.")
                         .format(fused.shape[0], pair.low.shape[0]))
    if not fvalid.all():
        ctx.warning(tr("FUSED has {0} nodata pixel(s); they are filled with the band "
                       "means for the metrics.").format(int((~fvalid).sum())))
        fused = fill_invalid(fused, fvalid)
    scale = SceneScale.from_inputs([(pair.high, pair.valid), (pair.low, pair.low_valid)])
    values = metrics.noref_metrics(scale.forward(fused), scale.forward(pair.low),
                                   scale.forward(pair.high), pair.ratio)
    details = [f"FUSED: {fused_path}", f"MS: {ms_path}", f"PAN: {pan_path}", f"ratio: {pair.ratio}",
               f"scale: divided by {scale.maximum:g}"]
    return values, details
