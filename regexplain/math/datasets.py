"""Small, seeded data sets used by the chapters."""

import numpy as np
from numpy.typing import NDArray

from ._validate import check_int, check_real


def one_weight(
    n: int = 20, *, w: float = 0.5, noise: float = 0.1, seed: int = 0
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Points from ``y = w·x + noise``: a model with a single weight and no intercept.

    Parameters
    ----------
    n : int, default 20
        Number of points, at least 2. ``x`` is evenly spaced on [−1, 1].
    w : float, default 0.5
        The true weight.
    noise : float, default 0.1
        Standard deviation of the Gaussian noise added to ``y`` (0 for none).
    seed : int, default 0
        Seed of the random generator, so the same arguments give the same points.

    Returns
    -------
    x, y : numpy.ndarray, shape (n,)
    """
    n = check_int(n, "n", low=2)
    w = check_real(w, "w")
    noise = check_real(noise, "noise", low=0.0)
    seed = check_int(seed, "seed", low=0)
    x = np.linspace(-1.0, 1.0, n)
    y = w * x + noise * np.random.default_rng(seed).standard_normal(n)
    return x, y
