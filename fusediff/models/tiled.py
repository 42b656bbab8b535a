"""Apply an image-to-image network tile by tile with blended overlaps (torch).

Used by the supervised pansharpeners (ResPanDiff, KSDiff) so that a network
never sees more than ``tile`` x ``tile`` pixels at once, whatever the input
size; the algorithms' scene tiling (`engine.scene.fuse_scene`) sits above
this and bounds the memory of whole scenes.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from typing import Callable, Sequence

import torch

from ..numerics.tile_split import even_split


def tile_starts(n: int, tile: int, overlap: int, align: int = 8) -> tuple[list[int], int]:
    """(start offsets, window length) of the network's windows along one axis (`even_split`).
    Lengths are multiples of ``align`` so that, with an overlap that is one too, every window but
    the last sees the untiled pixel phases of a down-sampling network (PanNeXt-U's period is 4)."""
    return even_split(n, tile, overlap, align)


def blend_window(h: int, w: int, overlap: int, device=None, dtype=torch.float32) -> torch.Tensor:
    """(h, w) blending weights: linear ramps over ``overlap`` pixels at each edge, > 0 everywhere."""
    def ramp(n: int) -> torch.Tensor:
        r = torch.ones(n, dtype=dtype, device=device)
        k = min(overlap, n // 2)
        if k > 0:
            edge = (torch.arange(k, dtype=dtype, device=device) + 1) / (k + 1)
            r[:k] = edge
            r[-k:] = edge.flip(0)
        return r
    return ramp(h)[:, None] * ramp(w)[None, :]


def tiled_apply(fn: Callable[..., torch.Tensor], inputs: Sequence[torch.Tensor], out_channels: int,
                tile: int, overlap: int, progress: Callable[[float], None] | None = None,
                workers: int | None = None) -> torch.Tensor:
    """fn(*inputs) computed on overlapping tiles and blended.

    inputs: tensors (B, C_i, H, W) on one grid; fn maps tiles of them to
    (B, out_channels, h, w). Without tiling (H, W <= tile) it is fn(*inputs).
    ``progress(fraction)`` is called after each tile (may raise to cancel).
    ``workers``: tiles computed at once on a CPU, each with one torch thread
    (None: torch's thread count). Small convolutions scale poorly over
    intra-op threads (2 threads gave 1.5x on 2 cores), independent tiles
    scale almost perfectly; results equal the sequential ones up to float
    rounding.
    """
    x = inputs[0]
    h, w = x.shape[-2:]
    if h <= tile and w <= tile:
        out = fn(*inputs)
        if progress:
            progress(1.0)
        return out
    out = torch.zeros((x.shape[0], out_channels, h, w), dtype=x.dtype, device=x.device)
    wsum = torch.zeros((1, 1, h, w), dtype=x.dtype, device=x.device)
    ys, th = tile_starts(h, tile, overlap)
    xs, tw = tile_starts(w, tile, overlap)
    starts = [(y0, x0) for y0 in ys for x0 in xs]
    slices = [(..., slice(y0, y0 + th), slice(x0, x0 + tw)) for y0, x0 in starts]

    def add(i: int, p: torch.Tensor) -> None:
        sl = slices[i]
        win = blend_window(p.shape[-2], p.shape[-1], overlap, x.device, x.dtype)
        out[sl] += p * win
        wsum[sl] += win
        if progress:
            progress((i + 1) / len(starts))

    n = torch.get_num_threads() if workers is None else int(workers)
    n = min(n, len(starts)) if x.device.type == "cpu" else 1
    if n <= 1:
        for i, sl in enumerate(slices):
            add(i, fn(*(v[sl] for v in inputs)))
        return out / wsum
    # grad and inference modes are per thread: the workers take the caller's
    grad, inference = torch.is_grad_enabled(), torch.is_inference_mode_enabled()

    def one(sl):
        torch.set_num_threads(1)
        with torch.inference_mode(inference), torch.set_grad_enabled(grad):
            return fn(*(v[sl] for v in inputs))

    threads = torch.get_num_threads()
    pool = ThreadPoolExecutor(n)
    try:
        # submitted a few at a time so that finished tiles are blended (and freed) as they come
        pending = []
        for i, sl in enumerate(slices):
            pending.append(pool.submit(one, sl))
            if len(pending) > n:
                add(i - n, pending.pop(0).result())
        for k, fut in enumerate(pending):
            add(len(slices) - len(pending) + k, fut.result())
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        torch.set_num_threads(threads)
    return out / wsum
