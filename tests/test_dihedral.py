"""The shared flips/rotations (`models.dihedral`): inverses and the self-ensemble."""
import torch

from fusediff.models import dihedral


def test_transforms_are_the_8_distinct_symmetries_and_invert():
    x = torch.arange(2 * 3 * 4 * 5, dtype=torch.float32).reshape(2, 3, 4, 5)
    seen = set()
    for k in range(8):
        y = dihedral.transform(x, k)
        assert y.shape == ((2, 3, 5, 4) if k & 1 else (2, 3, 4, 5))
        assert torch.equal(dihedral.inverse(y, k), x)
        seen.add((tuple(y.shape), tuple(y.flatten().tolist())))
    assert len(seen) == 8


def test_self_ensemble_averages_a_non_equivariant_net_and_keeps_an_equivariant_one():
    g = torch.Generator().manual_seed(0)
    pan, lms = torch.rand(1, 1, 8, 8, generator=g), torch.rand(1, 2, 8, 8, generator=g)

    def pointwise(p, l):
        return l * 2 + p  # commutes with every flip/rotation

    assert torch.allclose(dihedral.self_ensemble(pointwise, (pan, lms), 8), pointwise(pan, lms))

    def shift_right(p, l):
        return torch.roll(l, 1, dims=-1)  # not equivariant: the ensemble mixes 4 directions

    one = dihedral.self_ensemble(shift_right, (pan, lms), 1)
    assert torch.equal(one, shift_right(pan, lms))
    four = dihedral.self_ensemble(shift_right, (pan, lms), 8)
    ref = sum(torch.roll(lms, s, dims=d) for s in (1, -1) for d in (-1, -2)) / 4
    assert torch.allclose(four, ref, atol=1e-6)
