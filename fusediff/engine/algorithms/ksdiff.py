"""`fusediff:ksdiff`: KSDiff pansharpening (kernel-space latent diffusion; bundled Landsat-7
weights, a weights file, or a model fitted on the scene itself). Body: `pansharpen`."""
from __future__ import annotations

import functools

from ...models.method_configs import KSDiffConfig
from .pansharpen import net_spec, run_net

HELP = (
    "<p>Sharpens a multispectral raster (MS) with a panchromatic raster (PAN) using KSDiff: a small "
    "latent diffusion model samples a code from the PAN and MS (a few DDIM steps on 256 numbers), "
    "the code generates per-image modulations of the pansharpener's convolution kernels (Tucker "
    "form), and the pansharpener (a ConvNeXt U-Net) then runs once. Much faster than pixel-space "
    "diffusion.</p><p>Inputs: a multispectral MS (the bundled weights need 4 bands) and a one-band "
    "PAN covering the same area, with PAN pixels 2 or 4 times smaller (the ratio comes from the "
    "pixel sizes; RATIO overrides it). Values may be in any radiometric unit (DN of any bit depth, "
    "radiance, reflectance; scaled internally).</p><p><b>WEIGHTS</b>: the bundled weights were "
    "trained on Landsat-7 (4 bands in the order Blue, Green, Red, NIR; ratio 2 and ratio 4). Choose "
    "and order the MS bands with <b>MS_BANDS</b> (e.g. 3,2,1,4 for a file storing Red, Green, Blue, "
    "NIR). <b>WEIGHTS_FILE</b> uses weights trained with <i>fusediff:train</i> (METHOD "
    "KSDiff).</p><p><b>ADAPT_ITERS</b> &gt; 0 first fits the model on the input pair degraded once "
    "more (Wald's protocol): use it for other sensors or band counts (e.g. 8-band WorldView-3; a "
    "model is then fitted from scratch and learns to refine an MTF-GLP-HPM fusion of the pair); an "
    "adapted model is averaged over the 8 flips and rotations of the image. Without it, a band count "
    "or ratio that differs from the weights' is an error.</p><p><b>OUTPUT</b>: float32 GeoTIFF with "
    "the MS bands on the PAN grid, in the MS's radiometric scale. Runtime on a CPU (measured on 2 "
    "cores): 0.06 s for 256 x 256 PAN pixels (about 30 times faster than ResPanDiff's 15 steps), "
    "about 1 megapixel of PAN per second on a 4000 x 4000 scene (1.4 at model level), plus the "
    "adaptation (0.1-0.3 s per iteration; an adapted model then sharpens 8 times slower); on a GPU "
    "several times faster (an estimate; not measured here).</p>"
    "<p>Where its quality comes from (the project's ablation on Landsat-7, ratios 2 and 4): the "
    'trained pansharpener network. The same network without the code that the diffusion model '
    'samples scores the same; the diffusion stage costs little, since the model runs once per '
    'image.</p>'
    "<p>Reference: Jin, Cao, Deng, Kernel "
    "Space Diffusion Model for Efficient Remote Sensing Pansharpening, arXiv 2505.18991 (2025).</p>")

SPEC = net_spec("ksdiff", "KSDiff pansharpening (kernel-space latent diffusion, fast)",
                "ksdiff-fusediffksdiff", HELP, KSDiffConfig, "Latent sampling steps (DDIM)", 4, 50)
#: run(values, ctx) -> outputs
run = functools.partial(run_net, "ksdiff")
