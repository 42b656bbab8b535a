"""models.tiled.tiled_apply: blended tiles, and tiles computed in parallel worker threads."""
from __future__ import annotations

import pytest
import torch

from fusediff.models.tiled import tiled_apply


def _net():
    torch.manual_seed(0)
    return torch.nn.Sequential(torch.nn.Conv2d(3, 8, 3, padding=1), torch.nn.GELU(),
                               torch.nn.Conv2d(8, 2, 3, padding=1)).eval()


def test_parallel_tiles_equal_sequential_and_keep_no_grad():
    net = _net()
    x = torch.rand(1, 3, 70, 90)
    with torch.no_grad():
        whole = net(x)
        seq = tiled_apply(net, (x,), 2, 32, 8, workers=1)
        par = tiled_apply(net, (x,), 2, 32, 8, workers=2)
    assert not par.requires_grad
    assert torch.allclose(seq, par, atol=1e-6)
    # interior of the image: tiling reproduces the whole-image result away from tile seams' context loss
    assert torch.allclose(whole[..., 8:-8, 8:-8], par[..., 8:-8, 8:-8], atol=0.05)


def test_parallel_tiles_report_progress_and_cancel():
    net = _net()
    x = torch.rand(1, 3, 96, 96)
    seen = []

    def progress(f):
        seen.append(f)
        if len(seen) == 3:
            raise RuntimeError("cancelled")

    threads = torch.get_num_threads()
    with torch.no_grad(), pytest.raises(RuntimeError, match="cancelled"):
        tiled_apply(net, (x,), 2, 32, 8, progress, workers=2)
    assert seen == sorted(seen) and len(seen) == 3
    assert torch.get_num_threads() == threads


@pytest.mark.parametrize("n,tile,overlap", [(1420, 1024, 32), (4000, 1024, 32), (2000, 512, 32), (100, 64, 8)])
def test_tile_starts_equal_aligned_and_covering(n, tile, overlap):
    from fusediff.models.tiled import tile_starts
    starts, size = tile_starts(n, tile, overlap)
    assert size <= tile and starts[0] == 0 and starts[-1] + size == n
    assert all(b - a <= size - overlap for a, b in zip(starts, starts[1:]))  # overlap at least `overlap`
    assert all(s % 8 == 0 for s in starts[:-1]) and size % 8 == 0
    # fewest tiles: one fewer could not cover n with that overlap
    assert len(starts) == 1 or (len(starts) - 2) * (tile - overlap) + tile < n
