"""A per-pixel (spectral) denoiser: an MLP over spectra with timestep conditioning.

Used by SDP as eps_theta(x_t, t) over spectra of C bands, and generic enough
for any method that denoises vectors (an optional condition vector is
concatenated to the input, e.g. a co-located MSI pixel).

Architecture (SDP, Liu et al. TGRS 2024): ``layers`` hidden layers of width
``width``; the input (noisy spectrum [+ condition]) is concatenated to every
hidden layer's output before the next layer (skip), so the spectrum's detail
is never lost in the bottleneck; each hidden layer is Linear -> LayerNorm ->
timestep modulation ``h * (1 + c) + c`` -> SiLU -> Dropout, where ``c`` is a
per-layer projection of an MLP on the sinusoidal embedding of t.
"""
from __future__ import annotations

import torch
from torch import nn

from ..diffusion import timestep_embedding


class SpectralMLP(nn.Module):
    """eps/x0 predictor for vectors.

    Args:
        n_in: length of the input vector x_t (e.g. C bands).
        n_out: length of the output (default n_in).
        width: hidden width (512 in SDP).
        layers: number of hidden layers (>= 1).
        temb_dim: sinusoidal embedding size (64 in SDP).
        cond_dim: length of an optional condition vector (0: none).
        dropout: dropout probability after each hidden layer.

    ``forward(x, t, cond=None)``: x (N, n_in) float, t (N,) or scalar timesteps
    (int or float), cond (N, cond_dim) or None -> (N, n_out).
    """

    def __init__(self, n_in: int, n_out: int | None = None, width: int = 512, layers: int = 4,
                 temb_dim: int = 64, cond_dim: int = 0, dropout: float = 0.0):
        super().__init__()
        if layers < 1:
            raise ValueError("layers must be >= 1")
        self.n_in, self.n_out = int(n_in), int(n_out or n_in)
        self.cond_dim, self.temb_dim = int(cond_dim), int(temb_dim)
        skip = self.n_in + self.cond_dim
        self.time_mlp = nn.Sequential(nn.Linear(temb_dim, width), nn.SiLU(), nn.Linear(width, width))
        self.linears = nn.ModuleList(
            [nn.Linear(skip if i == 0 else width + skip, width) for i in range(layers)])
        self.norms = nn.ModuleList([nn.LayerNorm(width) for _ in range(layers)])
        self.temb_proj = nn.ModuleList([nn.Linear(width, width) for _ in range(layers)])
        self.act = nn.SiLU()
        self.drop = nn.Dropout(dropout)
        self.out = nn.Linear(width + skip, self.n_out)
        self._init()

    def _init(self) -> None:
        # Xavier keeps activations O(1) through the skip-concatenated stack;
        # a zero output layer makes the untrained net predict 0 (MSE = 1 on
        # unit noise), a clean starting point for training.
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_normal_(m.weight)
                nn.init.zeros_(m.bias)
        nn.init.zeros_(self.out.weight)

    def time_features(self, t, n: int, device, dtype) -> torch.Tensor:
        """Timestep features (the time MLP's output): (len(t), width); a scalar
        t gives one row, which `forward` broadcasts over the batch."""
        t = torch.as_tensor(t, device=device).reshape(-1).float()
        emb = timestep_embedding(t, self.temb_dim).to(dtype)
        return self.time_mlp(emb)

    def forward(self, x: torch.Tensor, t, cond: torch.Tensor | None = None,
                tfeat: torch.Tensor | None = None) -> torch.Tensor:
        """x (N, n_in), t (N,) or scalar -> (N, n_out). ``tfeat``: precomputed
        `time_features`, (N, width) or (1, width) for one t shared by the batch."""
        inp = x if cond is None else torch.cat([x, cond], dim=1)
        if tfeat is None:
            tfeat = self.time_features(t, x.shape[0], x.device, x.dtype)
        # a single row of time features (one t for the batch) broadcasts: the
        # per-layer projections are then computed once, not per spectrum
        h = None
        for lin, norm, proj in zip(self.linears, self.norms, self.temb_proj):
            h = lin(inp if h is None else torch.cat([h, inp], dim=1))
            c = proj(tfeat)
            h = norm(h)
            h = h * (1 + c) + c
            h = self.drop(self.act(h))
        return self.out(torch.cat([h, inp], dim=1))
