"""The chapter "One weight": the model ``y = w·x`` (no intercept), its parameters and its facts.

With a single weight every quantity is a curve over w, so the whole story fits in a few
functions. The solvers are the general ones, called with ``fit_intercept=False``.
"""

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_choice, check_int, check_real
from .losses import mse
from .penalties import PENALTIES
from .solvers import lasso, lasso_lambda_max, ridge

LAM = 0.5
"""The penalty strength λ the chapter uses, large enough that the L1 minimum is exactly 0."""

TRUE_W = 0.5
"""The weight the chapter's data are drawn from."""

N = 20
"""The number of points of the chapter's data."""

NOISE = 0.1
"""The standard deviation of the noise of the chapter's data."""

_SOLVERS = {"l1": lasso, "l2": ridge}


def data(
    n: int = N, *, w: float = TRUE_W, noise: float = NOISE, seed: int = 0
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Points from ``y = w·x + noise``, with ``x`` evenly spaced on [−1, 1].

    Parameters
    ----------
    n : int, default :data:`N`
        Number of points, at least 2.
    w : float, default :data:`TRUE_W`
        The true weight.
    noise : float, default :data:`NOISE`
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
    penalty = PENALTIES[check_choice(norm, "norm", tuple(PENALTIES))]
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


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "One weight" quotes, for its data and its λ.

    The number of points ``n``, the true weight ``true_w`` and the chapter's ``lam``; ``a`` and
    ``b``, the means of x² and of x·y (the MSE is ``a·w² − 2b·w + mean(y²)``); the exact
    minimizers ``w_ls`` (of the MSE), ``w_l1`` (of MSE + λ|w|, exactly 0.0 here) and ``w_l2``
    (of MSE + λw²); ``l2_kept_pct``, ``w_l2`` as a percentage of ``w_ls``; ``lam_zero``, the
    smallest λ at which the L1 minimizer is exactly 0; and ``slope_left`` and ``slope_right``,
    the slopes of MSE + λ|w| just left and right of w = 0.
    """

    n: int
    true_w: float
    lam: float
    a: float
    b: float
    w_ls: float
    w_l1: float
    w_l2: float
    l2_kept_pct: float
    lam_zero: float
    slope_left: float
    slope_right: float


@functools.cache
def facts() -> Facts:
    """The numbers of the chapter, computed by the exact solvers on :func:`data` at :data:`LAM`.

    Examples
    --------
    >>> f = facts()
    >>> f.w_l1, round(f.w_l2, 4), f.lam_zero < f.lam
    (0.0, 0.2009, True)
    """
    x, y = data()
    w_ls, w_l1, w_l2 = minimizer(x, y, 0.0, "l2"), minimizer(x, y, LAM, "l1"), minimizer(x, y, LAM, "l2")
    slope = float(mse_slope(x, y, 0.0))
    return Facts(
        n=x.size,
        true_w=TRUE_W,
        lam=LAM,
        a=float(np.mean(x**2)),
        b=float(np.mean(x * y)),
        w_ls=w_ls,
        w_l1=w_l1,
        w_l2=w_l2,
        l2_kept_pct=100.0 * w_l2 / w_ls,
        lam_zero=zero_threshold(x, y),
        slope_left=slope - LAM,
        slope_right=slope + LAM,
    )
