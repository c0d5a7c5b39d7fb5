"""The one-weight model ``y = w·x`` (no intercept) of the chapter "One weight".

With a single weight every quantity is a curve over w, so the whole story fits in a few
functions. The solvers are the general ones, called with ``fit_intercept=False``.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_choice, check_int, check_real
from .losses import mse
from .penalties import L1, L2
from .solvers import lasso, lasso_lambda_max, ridge

LAM = 0.5
"""The penalty strength λ the chapter uses, large enough that the L1 minimum is exactly 0."""

TRUE_W = 0.5
"""The weight the chapter's data are drawn from."""

_PENALTIES = {"l1": L1, "l2": L2}
_SOLVERS = {"l1": lasso, "l2": ridge}


def data(
    n: int = 20, *, w: float = TRUE_W, noise: float = 0.1, seed: int = 0
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Points from ``y = w·x + noise``, with ``x`` evenly spaced on [−1, 1].

    Parameters
    ----------
    n : int, default 20
        Number of points, at least 2.
    w : float, default :data:`TRUE_W`
        The true weight.
    noise : float, default 0.1
        Standard deviation of the Gaussian noise added to ``y`` (0 for none).
    seed : int, default 0
        Seed of the random generator: the same arguments always give the same points.

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


def objective(x: ArrayLike, y: ArrayLike, w: ArrayLike, lam: float = 0.0, norm: str = "l1") -> NDArray[np.float64]:
    """``MSE(w) + lam·P(w)`` at every weight in ``w``, with ``P = |w|`` ("l1") or ``w²`` ("l2").

    Parameters
    ----------
    x, y : array_like, shape (n,)
        The data.
    w : array_like
        Weights at which to evaluate (any shape).
    lam : float, default 0.0
        Penalty strength λ ≥ 0; 0 gives the plain MSE.
    norm : {"l1", "l2"}, default "l1"
        Which penalty.

    Returns
    -------
    numpy.ndarray
        Same shape as ``w``.
    """
    X, y = _design(x, y)
    lam = check_real(lam, "lam", low=0.0)
    penalty = _PENALTIES[check_choice(norm, "norm", tuple(_PENALTIES))]
    w = as_float_array(w, "w")[..., None]
    return mse(X, y, w) + lam * penalty.value(w)


def mse_slope(x: ArrayLike, y: ArrayLike, w: ArrayLike) -> NDArray[np.float64]:
    """Derivative of the MSE at every weight in ``w``: ``2·(w·mean(x²) − mean(x·y))``."""
    X, y = _design(x, y)
    w = as_float_array(w, "w")
    return 2.0 * (w * np.mean(X[:, 0] ** 2) - np.mean(X[:, 0] * y))


def minimizer(x: ArrayLike, y: ArrayLike, lam: float, norm: str) -> float:
    """The exact minimizer of ``MSE(w) + lam·P(w)``; exactly ``0.0`` when L1 sets it to zero."""
    X, y = _design(x, y)
    solver = _SOLVERS[check_choice(norm, "norm", tuple(_SOLVERS))]
    return float(solver(X, y, lam, fit_intercept=False).coef[0])


def zero_threshold(x: ArrayLike, y: ArrayLike) -> float:
    """The smallest λ at which the L1 minimizer is exactly 0: ``2·|mean(x·y)|``."""
    X, y = _design(x, y)
    return lasso_lambda_max(X, y, fit_intercept=False)


def _design(x: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    x = as_float_array(x, "x", ndim=1)
    y = as_float_array(y, "y", ndim=1)
    if x.size != y.size:
        raise ValueError(f"x and y must have the same number of samples, got {x.size} and {y.size}")
    return x[:, None], y
