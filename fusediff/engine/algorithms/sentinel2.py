"""`fusediff:sentinel2`: Sentinel-2's 20 m bands sharpened to 10 m with the 10 m bands
(models.sentinel2: METHOD 0 regression + high-pass injection, METHOD 1 learned on the scene)."""
from __future__ import annotations

from ..params import AlgorithmSpec, Param
from ..scene import BoundLearnOnce
from ..tiling import CLASSICAL
from .common import device_param, output_params, seed_param
from .pansharpen import uncertainty_params

#: METHOD enum order (models.sentinel2.METHODS).
METHODS = ("regression", "learned")
METHOD_LABELS = ("Regression + high-pass injection (fast)", "Learned on the scene (best quality)")

HELP = (
    "<p>Sharpens Sentinel-2's 20 m bands (B5, B6, B7, B8A, B11, B12) to 10 m with the 10 m bands "
    "(B2, B3, B4, B8). Any pair of rasters whose pixel sizes are 2:1 works (the ratio is taken "
    "from the pixel sizes; band names are not required); the inputs are aligned by georeference like every other algorithm.</p>"
    "<p><b>B10M</b>: the 10 m bands in one raster, in the order B2, B3, B4, B8. <b>B20M</b>: the "
    "20 m bands in one raster, in the order B5, B6, B7, B8A, B11, B12.</p>"
    "<p><b>METHOD</b>: <i>Regression + high-pass injection</i>: for every 20 m band, a synthetic "
    "band is made from the 10 m bands by least squares at 20 m, and its fine detail is added to "
    "the upsampled band with a gain fitted one level down (seconds). <i>Learned on the scene</i> "
    "(default): a small network is trained on the scene itself (both inputs degraded once more: "
    "10 m to 20 m and 20 m to 40 m, with Sentinel-2's blur) to recover the 20 m bands, on top of "
    "the regression result, then applied at 10 m. On the benchmark crop (Wald's protocol, "
    "scored against the real 20 m bands) it lowered SAM by 35 % and ERGAS by 31 % against the best "
    "of cubic upsampling and the regression method.</p>"
    "<p><b>OUTPUT</b>: GeoTIFF (float32 unless OUTPUT_TYPE says otherwise) with the 20 m bands on the 10 m grid, in B20M's order, "
    "then the 60 m bands when B60M is given, with their band names and radiometric unit. Nodata pixels of either input are written as nodata. "
    "Values may be L1C/L2A digital numbers or reflectances; the L2A offset (-1000 from baseline "
    "04.00) is not removed here: use the product reader's output or remove it first (the method is "
    "linear in an offset common to the bands, but the output keeps it).</p>"
    "<p>Runtime on a CPU: a full 10980 x 10980 tile (20 m bands) with the learned method took 7.5 "
    "minutes on 2 cores (15 CPU-minutes: about 2 minutes of training, then the tiles) with a peak "
    "of 2.3 GB of memory. On a GPU typically several times faster (an estimate; not measured "
    "here).</p>"
    "<p><b>B60M</b> (optional): the 60 m bands (B1, B9) in one raster, whose pixels must be 6 times "
    "the B10M ones; they are sharpened at ratio 6 by the same method, learned separately on them, "
    "and written after the 20 m bands (the product reader's 60 m output fits as it is). Nodata "
    "pixels of any input are written as nodata. On the benchmark crop (Wald's protocol at ratio 6) both "
    "methods lowered SAM and ERGAS about 3-fold against cubic upsampling; the learned method did not beat "
    "the regression there.</p>"
    "<p><b>UNCERTAINTY</b> (optional): a Float32 raster on the output's grid with, per pixel and band, a "
    "calibrated standard deviation in the output's units, from the difference between the learned "
    "method's output and the regression result (METHOD 0: between the regression result and cubic "
    "upsampling), calibrated on a Sentinel-2 crop by Wald's protocol so that about 90 % of true values "
    "lie within +-1.645 sigma (84 % on parts of the crop not used for calibration). Costs almost nothing; "
    "not written when empty.</p>"
    "<p>References: Wald, Ranchin, Mangolini, PE&amp;RS 1997 (Wald's protocol); Aiazzi et al., "
    "PE&amp;RS 2006 (MTF-GLP injection); Lanaras et al., ISPRS J. Photogramm. 2018 (DSen2, learned "
    "Sentinel-2 sharpening).</p>")

#: UNCERTAINTY_SAMPLES default (models.uncertainty.CALIBRATION["sentinel2"]["samples"]; a test checks)
UNCERTAINTY_SAMPLES = 1
UNCERTAINTY_SAMPLES_HELP = (
    "Samples drawn for the UNCERTAINTY output: the learned method's output and the regression + "
    "high-pass injection result, plus, for K above 1, the network on K - 1 flips/rotations of the "
    "inputs (with METHOD 0: that result and the cubic-upsampled bands, whatever K). The calibration "
    "was fitted with the default K of 1, which costs almost nothing beyond the sharpened raster.")

SPEC = AlgorithmSpec(
    name="sentinel2", display_name="Sentinel-2 20 m bands to 10 m",
    group="Sentinel-2", group_id="sentinel2", help=HELP,
    help_anchor="sentinel-2-20-m-bands-to-10-m-fusediffsentinel2", pair=("B10M", "B20M"),
    run=f"{__name__}:run", needs=("torch", "numpy", "rasterio"),
    params=(
        Param("B10M", "raster", "10 m bands (B2, B3, B4, B8)"),
        Param("B20M", "raster", "20 m bands (B5, B6, B7, B8A, B11, B12)"),
        Param("B60M", "raster", "60 m bands (B1, B9)", optional=True),
        Param("METHOD", "enum", "Method", choices=METHOD_LABELS, default=1, ids=METHODS),
        device_param(),
        seed_param(),
        *output_params(),
        Param("OUTPUT", "raster_out", "Sharpened 20 m bands (10 m grid)"),
        *uncertainty_params(UNCERTAINTY_SAMPLES, UNCERTAINTY_SAMPLES_HELP, samples_min=1),
    ))


class Sentinel2SceneMethod(BoundLearnOnce):
    """models.sentinel2 in fuse_scene: learn once from the scene's windows, then fuse tiles."""

    def __init__(self, config, device, log=None, uncertainty_samples: int = 0):
        super().__init__("Sentinel-2", log)
        self.config = config
        self.device = device
        #: K samples of the UNCERTAINTY output (0: not requested, no cost)
        self.uncertainty_samples = int(uncertainty_samples or 0)

    def learn(self, samples, ratio, progress):
        from ...models import sentinel2
        return sentinel2.learn(samples, ratio, self.config, progress=progress, device=self.device)

    def solve(self, state, high, low, ratio, progress):
        import numpy as np
        import torch

        from ...models import sentinel2

        def t(a):
            return torch.from_numpy(np.ascontiguousarray(a))[None].to(self.device, torch.float32)

        return sentinel2.fuse_tile(state, t(low), t(high), progress=progress)[0].cpu().numpy()

    def solve_sigma(self, state, high, low, ratio, progress):
        # the output (+ K - 1 flips/rotations) and METHOD 0 (METHOD 0: itself and cubic), calibrated
        import numpy as np
        import torch

        from ...models import sentinel2, uncertainty

        def t(a):
            return torch.from_numpy(np.ascontiguousarray(a))[None].to(self.device, torch.float32)

        cal = uncertainty.calibration_for("sentinel2" if "net" in state else "sentinel2-regression")
        fused, sigma = sentinel2.fuse_tile_sigma(state, t(low), t(high), cal, self.uncertainty_samples or None,
                                                 progress=progress)
        return fused[0].cpu().numpy(), sigma[0].cpu().numpy()


#: pixel-size ratio of B60M to B10M
RATIO_60M = 6
#: share of the progress bar of each pass when B60M is given (20 m pass, 60 m pass, stacking)
PASSES_60M = (0.0, 0.72, 0.93, 1.0)


def check_60m(b10m: str, b60m: str):
    """The alignment plan of B60M on B10M (rasters.plan_alignment); ValueError (for the user) unless
    B60M's pixels are 6 times B10M's."""
    from ...rasters import plan_alignment
    from ..i18n import tr
    from ..scene import LOW_RES_RESAMPLING
    plan = plan_alignment(b10m, b60m, resampling=LOW_RES_RESAMPLING)
    if plan.ratio != RATIO_60M or not plan.ratio_exact:
        raise ValueError(tr("The B60M raster's pixels are {0:.3g} times the B10M ones, but 6 is needed "
                            "(60 m bands with 10 m bands).").format(0.5 * sum(plan.ratio_measured)))
    return plan


def _scoped_context(ctx, start: float, end: float):
    """A copy of ``ctx`` whose progress bar runs over [start, end] of the caller's."""
    import dataclasses
    return dataclasses.replace(ctx, progress=lambda f, m="": ctx.progress(start + (end - start) * f, m))


def run(values: dict, ctx) -> dict:
    """Sharpen B20M (and B60M when given) with B10M (METHOD 0 or 1), tile by tile
    (`engine.scene.fuse_scene`); with B60M both are fused into temporary files in the output's
    folder and stacked (20 m bands, then 60 m bands) onto the 20 m result's grid."""
    from ...models.sentinel2 import Sentinel2Config
    from ..i18n import tr
    from ..scene import fuse_scene
    from .common import output_options, torch_device
    device = torch_device(values, ctx)
    method = int(values["METHOD"])
    ctx.info(tr("Method: {0}").format(METHOD_LABELS[method]))
    cfg = Sentinel2Config(method=method, seed=int(values.get("SEED") or 0))
    unc = values.get("UNCERTAINTY")
    k = int(values.get("UNCERTAINTY_SAMPLES") or 0) if unc else 0

    def scene_method():
        return Sentinel2SceneMethod(cfg, device, ctx.info, uncertainty_samples=k)

    if not values.get("B60M"):
        return fuse_scene(values["B10M"], values["B20M"], values["OUTPUT"], scene_method(), ctx, ratio=None,
                          tiling=CLASSICAL, min_low_bands=1, output=output_options(values), uncertainty_path=unc)
    return _run_with_60m(values, ctx, scene_method, unc)


def _run_with_60m(values: dict, ctx, scene_method, unc) -> dict:
    import os
    import tempfile

    from ...rasters import GeoTiffWriter, plan_alignment, stack_rasters
    from ..i18n import tr
    from ..scene import LOW_RES_RESAMPLING, band_metadata, fuse_scene, output_metadata, uncertainty_options
    from .common import output_options
    b10, b20, b60, out = values["B10M"], values["B20M"], values["B60M"], values["OUTPUT"]
    plan60 = check_60m(b10, b60)
    plan20 = plan_alignment(b10, b20, resampling=LOW_RES_RESAMPLING)
    protect = (b10, b20, b60)
    for path in (out, unc):  # the outputs' paths are checked before any work
        if path:
            GeoTiffWriter(path, 1, 1, 1, None, None, protect=protect)
    folder = os.path.dirname(os.path.abspath(out))
    p = PASSES_60M
    with tempfile.TemporaryDirectory(prefix=".fusediff-s2-", dir=folder) as tmp:
        parts, unc_parts = [], []
        for i, (low, plan, name) in enumerate(((b20, plan20, "20m"), (b60, plan60, "60m"))):
            ctx.info(tr("Sharpening the {0} bands.").format(name.replace("m", " m")))
            o = os.path.join(tmp, f"{name}.tif")
            u = os.path.join(tmp, f"{name}_sigma.tif") if unc else None
            fuse_scene(b10, low, o, scene_method(), _scoped_context(ctx, p[i], p[i + 1]), ratio=None,
                       tiling=CLASSICAL, min_low_bands=1, uncertainty_path=u)
            # the part's place on the 20 m result's grid (both are windows of B10M's grid)
            off = (int(plan.high_window.row_off - plan20.high_window.row_off),
                   int(plan.high_window.col_off - plan20.high_window.col_off))
            parts.append((o, *off))
            if u:
                unc_parts.append((u, *off))
        metas = [band_metadata(pl.low_info, pl.low_bands) for pl in (plan20, plan60)]
        counts = [len(pl.low_bands) for pl in (plan20, plan60)]
        desc = [d for (ds, _), n in zip(metas, counts) for d in (ds or [""] * n)]
        wl = [w for (_, ws), n in zip(metas, counts) for w in (ws or [None] * n)]
        desc = desc if any(desc) else None
        wl = wl if any(w is not None for w in wl) else None
        opts = _stacked_options([output_metadata(pl.low_info, pl.low_bands, output_options(values))
                                 for pl in (plan20, plan60)], counts)
        grid = dict(width=plan20.out_width, height=plan20.out_height, crs=plan20.crs, transform=plan20.transform,
                    descriptions=desc, wavelengths=wl, protect=protect,
                    threads=ctx.threads or os.cpu_count() or 1)
        ctx.report(p[2], tr("Writing the output"))
        stack_rasters(parts, out, **grid, **opts,
                      progress=lambda f: ctx.report(p[2] + (p[3] - p[2]) * f * (0.5 if unc else 1.0)))
        result = {"OUTPUT": out}
        if unc:
            stack_rasters(unc_parts, unc, **{**grid, "protect": protect + (out,)}, **uncertainty_options(opts),
                          progress=lambda f: ctx.report(p[2] + (p[3] - p[2]) * (0.5 + 0.5 * f)))
            result["UNCERTAINTY"] = unc
    for path in result.values():
        ctx.info(tr("Wrote {0}").format(path))
    ctx.report(1.0, tr("Done"))
    return result


def _stacked_options(options: list, counts: list) -> dict:
    """One GeoTiffWriter option set for bands stacked from several inputs (`scene.output_metadata`
    of each): per-band lists joined (defaults where an input has none), the rest from the first."""
    out = dict(options[0])
    for key, default in (("fwhm", None), ("scales", 1.0), ("offsets", 0.0)):
        if any(key in o for o in options):
            out[key] = [v for o, n in zip(options, counts) for v in (o.get(key) or [default] * n)]
    return out
