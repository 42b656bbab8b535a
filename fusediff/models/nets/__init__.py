"""Neural networks and blocks shared by the diffusion methods."""
