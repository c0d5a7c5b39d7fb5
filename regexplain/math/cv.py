"""Choosing λ by K-fold cross-validation, with every fit exact.

Each fold's lasso is one exact path (:func:`~regexplain.lasso_path`), read off at every λ of
the grid, so the validation errors are those of the exact minimizers, not of iterates.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_int, check_Xy
from .solvers import lasso_lambda_max, lasso_path

GRID_SIZE = 100
"""The number of λ in the default grid, log-spaced from λ_max down (as in glmnet and scikit-learn)."""
GRID_DEPTH = 1e-3
"""The smallest λ of the default grid, as a fraction of λ_max."""


def fold_labels(n: int, k: int, seed: int = 0) -> NDArray[np.intp]:
    """The fold (0 to k − 1) of each of ``n`` rows: a seeded shuffle dealt out in turn (sizes differ by at most 1).

    Examples
    --------
    >>> fold_labels(7, 3, seed=0)
    array([2, 1, 0, 0, 2, 0, 1])
    """
    n = check_int(n, "n", low=1)
    k = check_int(k, "folds", low=2)
    if k > n:
        raise ValueError(f"folds must be at most the number of samples, {n}, got {k}")
    seed = check_int(seed, "seed", low=0)
    return np.random.default_rng(seed).permutation(n) % k


@dataclass(frozen=True, eq=False)
class LassoCV:
    """The result of :func:`lasso_cv`.

    Attributes
    ----------
    lams : numpy.ndarray
        The penalty strengths λ, decreasing.
    mean : numpy.ndarray
        The validation MSE at each λ, the mean over the folds of each fold's MSE.
    se : numpy.ndarray
        Its standard error: the folds' standard deviation (ddof = 1) over √K.
    lam_min : float
        The λ of the smallest mean (the largest such λ if several tie).
    lam_1se : float
        The largest λ whose mean is within one standard error (at ``lam_min``) of the minimum.
    folds : numpy.ndarray
        The fold of each row, 0 to K − 1.
    fold_mse : numpy.ndarray
        Shape ``(K, len(lams))``: each fold's validation MSE at each λ.
    """

    lams: NDArray[np.float64]
    mean: NDArray[np.float64]
    se: NDArray[np.float64]
    lam_min: float
    lam_1se: float
    folds: NDArray[np.intp]
    fold_mse: NDArray[np.float64]


def lasso_cv(X: ArrayLike, y: ArrayLike, lams: ArrayLike | None = None, *, folds: int = 5, seed: int = 0) -> LassoCV:
    """K-fold cross-validation of the lasso ``(1/n)‖y − β0 − Xβ‖² + λ‖β‖₁`` over a grid of λ.

    Parameters
    ----------
    X, y
        As in :func:`~regexplain.lasso`.
    lams : array_like, optional
        The λ to try, each ≥ 0 (any order; the result is decreasing). By default
        :data:`~regexplain.math.cv.GRID_SIZE` values log-spaced from :func:`~regexplain.lasso_lambda_max` of the
        whole data down to :data:`~regexplain.math.cv.GRID_DEPTH` times it.
    folds : int, default 5
        The number of folds K, from 2 to n_samples.
    seed : int, default 0
        Seed of the assignment of rows to folds (:func:`~regexplain.math.cv.fold_labels`).

    Returns
    -------
    LassoCV
        ``lams``, ``mean``, ``se``, ``lam_min``, ``lam_1se``, ``folds`` and ``fold_mse``.

    Raises
    ------
    ValueError
        If the data are invalid, ``lams`` is empty or holds a negative or non-finite value,
        or ``folds`` is not between 2 and n_samples.

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(60, 5))
    >>> y = X @ [3.0, 0.0, 0.0, -2.0, 0.0] + rng.normal(size=60)
    >>> cv = rx.lasso_cv(X, y, folds=5)
    >>> cv.lam_1se >= cv.lam_min, cv.mean.shape, np.bincount(cv.folds).tolist()
    (True, (100,), [12, 12, 12, 12, 12])
    """
    X, y = check_Xy(X, y)
    labels = fold_labels(y.size, folds, seed)
    if lams is None:
        top = lasso_lambda_max(X, y)
        grid = top * np.geomspace(1.0, GRID_DEPTH, GRID_SIZE) if top > 0 else np.zeros(1)
    else:
        grid = as_float_array(lams, "lams", ndim=1)
        if np.any(grid < 0.0):
            raise ValueError(f"lams must all be >= 0, got {grid.min()}")
    grid = np.unique(grid)[::-1]
    fold_mse = np.empty((folds, grid.size))
    for fold in range(folds):
        train, test = labels != fold, labels == fold
        path = lasso_path(X[train], y[train])
        for i, lam in enumerate(grid):
            fold_mse[fold, i] = np.mean((path.at(float(lam)).predict(X[test]) - y[test]) ** 2)
    mean = fold_mse.mean(axis=0)
    se = fold_mse.std(axis=0, ddof=1) / np.sqrt(folds)
    best = int(np.argmin(mean))
    within = np.flatnonzero(mean <= mean[best] + se[best])
    for array in (grid, mean, se, labels, fold_mse):
        array.flags.writeable = False
    return LassoCV(grid, mean, se, float(grid[best]), float(grid[within.min()]), labels, fold_mse)
