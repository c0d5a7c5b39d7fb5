"""L1, L2 and elastic-net logistic regression, each Newton step's subproblem solved exactly.

The objective is the mean log-loss plus the penalty, with the intercept β0 unpenalized:

    ``F(β0, β) = (1/n)·Σ [log(1 + e^{ηᵢ}) − yᵢηᵢ] + λ·(r‖β‖₁ + (1 − r)‖β‖₂²)``,  ``ηᵢ = β0 + xᵢ·β``.

It has no finite algorithm, so this is proximal Newton: at each step the log-loss is replaced by
its quadratic model (a weighted least-squares problem, weights ``pᵢ(1 − pᵢ)``), whose penalized
minimizer is found exactly on the one L1 path (:func:`regexplain.math.homotopy.penalized`);
a backtracking line search keeps every step downhill. Near the answer the steps are full and
the convergence quadratic, so the answer's zero coefficients are those of an exact subproblem:
exactly 0.0. It is returned only once its optimality conditions hold to
:data:`~regexplain.math.classification.LOGISTIC_TOL`.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import homotopy
from ._validate import check_l1_share, check_real, check_Xy
from .penalties import Penalty
from .solvers import LinearFit

LOGISTIC_TOL = 1e-9
"""Largest optimality residual of an answer, relative to the gradient's size at β = 0."""
_MAX_NEWTON = 100
_MAX_HALVINGS = 60


@dataclass(frozen=True)
class LogisticFit(LinearFit):
    """A fitted penalized logistic regression: a :class:`~regexplain.LinearFit` of the log-odds.

    ``predict`` gives the log-odds ``β0 + Xβ``; ``kkt_residual`` is relative to the gradient at
    β = 0; zero coefficients are exactly ``0.0``.

    Attributes
    ----------
    n_iter : int
        Newton steps taken.
    """

    n_iter: int = 0

    def predict_proba(self, X: ArrayLike) -> NDArray[np.float64]:
        """The probability that y = 1 for each row of X."""
        return _sigmoid(self.predict(X))


def logistic(
    X: ArrayLike, y: ArrayLike, lam: float, *, penalty: str = "l1", l1_ratio: float | None = None
) -> LogisticFit:
    """Penalized logistic regression: minimize the mean log-loss plus ``lam·P(β)``, the intercept unpenalized.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Labels, 0 or 1, both present.
    lam : float
        Penalty strength λ > 0 (without a penalty separable data have no minimizer).
    penalty : {"l1", "l2", "elastic_net"}, default "l1"
        ``‖β‖₁``, ``‖β‖₂²`` or ``r‖β‖₁ + (1 − r)‖β‖₂²``.
    l1_ratio : float, optional
        The elastic net's r in (0, 1); required for ``"elastic_net"`` and only there.

    Returns
    -------
    LogisticFit

    Raises
    ------
    ValueError
        If an argument is invalid, or the optimality conditions cannot be met to
        :data:`~regexplain.math.classification.LOGISTIC_TOL` within the Newton steps allowed
        (the message says how close).

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(200, 4))
    >>> y = (X @ [2.0, 0.0, -1.0, 0.0] + rng.logistic(size=200) > 0).astype(float)
    >>> fit = rx.logistic(X, y, 0.05)
    >>> fit.coef.round(3), fit.kkt_residual < 1e-9
    (array([ 1.173,  0.   , -0.701,  0.   ]), True)
    """
    X, y = check_Xy(X, y)
    if not np.all((y == 0.0) | (y == 1.0)):
        raise ValueError("y must hold labels 0 and 1 only")
    if y.min() == y.max():
        raise ValueError("y must hold both labels, 0 and 1: with one class the intercept has no finite optimum")
    lam = check_real(lam, "lam", low=0.0, low_open=True)
    return _newton(X, y, lam, check_l1_share(penalty, l1_ratio, "penalty"))


def _sigmoid(eta: NDArray[np.float64]) -> NDArray[np.float64]:
    return 0.5 * (1.0 + np.tanh(0.5 * eta))  # no overflow for large |η|


def _objective(X, y, lam, r, b0, beta) -> float:
    eta = b0 + X @ beta
    return float(np.mean(np.logaddexp(0.0, eta) - y * eta) + lam * (r * np.abs(beta).sum() + (1 - r) * beta @ beta))


def _residuals(X, y, lam, r, b0, beta) -> NDArray[np.float64]:
    """The optimality violations of the intercept and each coefficient, in the gradient's units."""
    error = _sigmoid(b0 + X @ beta) - y
    g = X.T @ error / y.size + 2.0 * lam * (1.0 - r) * beta
    coef = np.where(beta != 0.0, np.abs(g + lam * r * np.sign(beta)), np.maximum(np.abs(g) - lam * r, 0.0))
    return np.r_[abs(error.mean()), coef]


def _newton(X, y, lam, r) -> LogisticFit:
    n, p = X.shape
    mean = y.mean()
    b0, beta = float(np.log(mean / (1.0 - mean))), np.zeros(p)
    scale = float(np.abs(X.T @ (y - mean)).max()) / n or 1.0  # the gradient at β = 0
    value = _objective(X, y, lam, r, b0, beta)
    for step in range(1, _MAX_NEWTON + 1):
        eta = b0 + X @ beta
        prob = _sigmoid(eta)
        weights = np.maximum(prob * (1.0 - prob), 1e-12)
        z = eta + (y - prob) / weights
        # The quadratic model, (1/2n)·Σ wᵢ(zᵢ − b0 − xᵢ·b)², after the weighted centring that eliminates b0.
        x_mean, z_mean = weights @ X / weights.sum(), float(weights @ z / weights.sum())
        Xw = (X - x_mean) * np.sqrt(weights)[:, None]
        zw = (z - z_mean) * np.sqrt(weights)
        model = homotopy.Quadratic(Xw.T @ Xw / n, Xw.T @ zw / n)
        target = homotopy.penalized(model, 2.0 * lam * r, 2.0 * lam * (1.0 - r))
        target_b0 = z_mean - float(x_mean @ target)
        t = 1.0
        for _ in range(_MAX_HALVINGS):
            new_b0, new_beta = b0 + t * (target_b0 - b0), beta + t * (target - beta)
            new_value = _objective(X, y, lam, r, new_b0, new_beta)
            if new_value <= value:
                break
            t /= 2.0
        else:
            break
        b0, beta, value = new_b0, new_beta, new_value
        residual = float(_residuals(X, y, lam, r, b0, beta).max()) / scale
        if residual <= LOGISTIC_TOL:
            return LogisticFit(b0, beta, lam, Penalty(r), residual, step)
    residual = float(_residuals(X, y, lam, r, b0, beta).max()) / scale
    raise ValueError(
        f"logistic regression did not reach its optimality conditions: residual {residual:.2e} > "
        f"{LOGISTIC_TOL:g} after {step} Newton steps (near-separable data with a tiny λ?)"
    )
