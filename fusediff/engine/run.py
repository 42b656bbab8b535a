"""`run_algorithm`: run one FuseDiff algorithm from plain values, as every front end does.

Values have the names and value forms of ``qgis_process run fusediff:ALG`` (Python values or
command-line strings); they are checked and completed with defaults (`params.resolve`), the
packages the algorithm needs are checked, outputs that would overwrite an input and inputs that
look swapped are refused, and every error a user can fix arrives as one `UserError` sentence.
"""
from __future__ import annotations

import os
import time
from typing import Optional

from .context import RunContext
from .errors import UserError, user_errors
from .i18n import tr
from .params import INPUT_KINDS, resolve
from .registry import get_spec

def check_needs(spec) -> None:
    """UserError with one sentence per package ``spec.needs`` that is missing or broken, saying how
    to install it in one step (`dependencies.check`)."""
    from .dependencies import check
    check(spec.needs)


def check_outputs(spec, values: dict) -> None:
    """UserError when an output path is also an input path (inputs are never overwritten)."""
    from .algorithms.common import same_file
    inputs = []
    for p in spec.params:
        if p.kind in INPUT_KINDS and values.get(p.name):
            v = values[p.name]
            inputs += v if isinstance(v, list) else [v]
    for p in spec.outputs:
        out = values.get(p.name)
        if out and any(same_file(out, i) for i in inputs):
            raise UserError(tr("The output {0} '{1}' is also an input; inputs are never overwritten. "
                               "Choose another output path.").format(p.name, out))
        if out and p.kind == "raster_out":
            allowed = (".tif", ".tiff") + ((f".{p.extension}",) if p.extension else ())
            if os.path.splitext(str(out))[1].lower() not in allowed:
                raise UserError(tr("The output {0} '{1}' has an extension FuseDiff does not write: give it a name ending in "
                                   "{2}.")
                                .format(p.name, out, " or ".join(allowed)))


def check_not_swapped(spec, values: dict) -> None:
    """UserError when the high-resolution input of a fusion looks like the low-resolution one:
    coarser pixels than the other input (same CRS), or several bands against a one-band 'low'."""
    if len(spec.pair) != 2:
        return
    high_name, low_name = spec.pair
    high_path, low_path = values.get(high_name), values.get(low_name)
    if not high_path or not low_path:
        return
    from ..rasters import RasterError, read_info
    try:
        high, low = read_info(high_path), read_info(low_path)
    except RasterError:
        return  # the run itself says what is wrong with the file
    same_units = (high.crs is None and low.crs is None) or (high.crs is not None and high.crs == low.crs)
    coarser = same_units and min(high.res) > 1.5 * max(low.res)
    more_bands = high.count > 1 and low.count == 1
    if coarser or more_bands:
        raise UserError(tr(
            "The inputs look swapped: {0} ('{1}') has {2} band(s) of {3:g} x {4:g} pixels and {5} ('{6}') "
            "{7} band(s) of {8:g} x {9:g}, but {0} must be the high-resolution raster (smaller pixels) and "
            "{5} the low-resolution spectral one; exchange them.").format(
                high_name, high_path, high.count, *high.res, low_name, low_path, low.count, *low.res))


def run_algorithm(name: str, values: dict, ctx: Optional[RunContext] = None) -> dict:
    """Run algorithm ``name`` ('ksdiff' or 'fusediff:ksdiff') with ``values``; returns its outputs dict.

    Raises `UserError` (one sentence; nothing written) for anything the user can fix and
    `Cancelled` when ``ctx`` reports a cancel. torch (when the algorithm uses it) runs on
    ``ctx.threads`` CPU threads (0: all cores).
    """
    ctx = ctx or RunContext()
    started = time.perf_counter()
    with user_errors():
        spec = get_spec(name)
        resolved = resolve(spec, values)
        check_needs(spec)
        check_outputs(spec, resolved)
        check_not_swapped(spec, resolved)
        results = spec.run_function()(resolved, ctx)
    ctx.info(tr("Finished in {0:.1f} s.").format(time.perf_counter() - started))
    return results
