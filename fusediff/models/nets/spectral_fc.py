"""Fully connected diffusion denoiser over spectra (ARGS-Diff's spectral network c_zeta).

Each row of the input is one spectrum (C values); rows are denoised
independently but in one batch (ARGS-Diff denoises the d rows of its basis E
jointly this way). The timestep is embedded sinusoidally, passed through a
small MLP and concatenated to the spectrum at the input and added to every
hidden layer (so the noise level conditions each layer, not just the first).
"""
from __future__ import annotations

from typing import Sequence

import torch
import torch.nn as nn
import torch.nn.functional as F

from ..diffusion import timestep_embedding


class SpectralFC(nn.Module):
    """eps-prediction MLP: forward(x (N, C), t (N,) or scalar) -> (N, C).

    ``hidden``: widths of the hidden layers (paper: 256/512/256);
    ``temb_dim``: size of the timestep embedding. A leading batch axis
    (B, N, C) is accepted and kept.
    """

    def __init__(self, channels: int, hidden: Sequence[int] = (256, 512, 256), temb_dim: int = 64):
        super().__init__()
        self.channels = channels
        self.temb_dim = temb_dim
        self.temb = nn.Sequential(nn.Linear(temb_dim, temb_dim), nn.SiLU(), nn.Linear(temb_dim, temb_dim))
        dims = [channels + temb_dim] + list(hidden)
        self.layers = nn.ModuleList(nn.Linear(a, b) for a, b in zip(dims[:-1], dims[1:]))
        self.embs = nn.ModuleList(nn.Linear(temb_dim, b) for b in hidden)
        self.out = nn.Linear(dims[-1], channels)
        # zero output layer: the untrained net predicts eps = 0 (a neutral start)
        nn.init.zeros_(self.out.weight)
        nn.init.zeros_(self.out.bias)

    def forward(self, x: torch.Tensor, t) -> torch.Tensor:
        shape = x.shape
        x2 = x.reshape(-1, shape[-1])
        n = x2.shape[0]
        t = torch.as_tensor(t, device=x.device).reshape(-1)
        if t.numel() != n:
            # one timestep per leading batch item (or a scalar): repeat over its rows
            t = t.repeat_interleave(n // t.numel())
        temb = self.temb(timestep_embedding(t, self.temb_dim).to(x.dtype))
        h = torch.cat([x2, temb], dim=1)
        for lin, emb in zip(self.layers, self.embs):
            h = F.silu(lin(h) + emb(temb))
        return self.out(h).reshape(shape)
