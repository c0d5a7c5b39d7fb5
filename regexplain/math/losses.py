"""The data term: mean squared error of a linear model."""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_real, check_Xy


def mse(X: ArrayLike, y: ArrayLike, coef: ArrayLike, intercept: float = 0.0) -> NDArray[np.float64]:
    """Mean squared error ``(1/n)‖y − β0 − Xβ‖²`` for one or many coefficient vectors.

    Parameters
    ----------
    X, y : array_like
        The design matrix, shape ``(n_samples, n_features)``, and the targets, shape ``(n_samples,)``.
    coef : array_like, shape (..., n_features)
        Coefficient vectors β; any leading axes (a grid of candidates, say) are kept.
    intercept : float, default 0.0
        The intercept β0, shared by all coefficient vectors.

    Returns
    -------
    numpy.ndarray
        The MSE of each coefficient vector, shape ``coef.shape[:-1]``.
    """
    X, y = check_Xy(X, y)
    coef = as_float_array(coef, "coef")
    if coef.ndim == 0 or coef.shape[-1] != X.shape[1]:
        raise ValueError(f"coef must end with an axis of length n_features={X.shape[1]}, got shape {coef.shape}")
    intercept = check_real(intercept, "intercept")
    residuals = y - intercept - coef @ X.T
    return np.mean(residuals**2, axis=-1)
