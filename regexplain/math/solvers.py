"""Exact solvers for penalized least squares, and the exact lasso and elastic-net paths.

Every solver minimizes ``(1/n)‖y − β0 − Xβ‖² + lam·P(β)`` with the intercept β0 unpenalized.
Eliminating β0 (it is ``mean(y) − mean(X)·β`` at the optimum) leaves the centred problem
``(1/n)‖yc − Xc·β‖² + lam·P(β)`` on the sufficient statistics ``G = XcᵀXc/n`` and
``q = Xcᵀyc/n``: ridge in closed form, everything with an L1 part on the one exact path of
:mod:`regexplain.math.homotopy`.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import homotopy
from ._validate import as_float_array, check_real, check_Xy
from .homotopy import Piece, Quadratic, RatioPiece
from .penalties import L2, Penalty


@dataclass(frozen=True)
class LinearFit:
    """A fitted penalized linear model.

    Attributes
    ----------
    intercept : float
        The unpenalized intercept β0.
    coef : numpy.ndarray
        The coefficients β, one per feature. A coefficient that is zero at the optimum is exactly ``0.0``.
    lam : float
        The penalty strength λ.
    penalty : Penalty
        The penalty P that was used.
    kkt_residual : float
        Largest violation of the optimality conditions, relative to the data scale
        (λ_max); below :data:`~regexplain.math.homotopy.KKT_TOL` for every returned fit.
    """

    intercept: float
    coef: NDArray[np.float64]
    lam: float
    penalty: Penalty
    kkt_residual: float

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """Predictions ``β0 + Xβ`` for the rows of ``X``."""
        X = as_float_array(X, "X", ndim=2)
        if X.shape[1] != self.coef.size:
            raise ValueError(f"X must have {self.coef.size} columns, got {X.shape[1]}")
        return self.intercept + X @ self.coef


_RIDGE_SOLVE = 1e-10  # λ relative to the mean eigenvalue of G above which ridge is one linear solve


def _centre(X: ArrayLike, y: ArrayLike, fit_intercept: bool):
    """Validated, centred data ``(Xc, yc)`` and the means (zeros without an intercept)."""
    X, y = check_Xy(X, y)
    if not isinstance(fit_intercept, bool):
        raise TypeError(f"fit_intercept must be True or False, got {fit_intercept!r}")
    x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
    y_mean = float(y.mean()) if fit_intercept else 0.0
    Xc, yc = X - x_mean, y - y_mean
    if fit_intercept:  # a constant column (or y) centres to exactly 0, not to a rounding residue
        Xc[:, np.ptp(X, axis=0) == 0.0] = 0.0
        yc *= np.ptp(y) != 0.0
    return Xc, yc, x_mean, y_mean


@dataclass(frozen=True, eq=False)
class _Problem(Quadratic):
    """The MSE of centred data as a :class:`~regexplain.math.homotopy.Quadratic`, plus the means to recover β0."""

    x_mean: NDArray[np.float64]
    y_mean: float

    @classmethod
    def from_data(cls, X: ArrayLike, y: ArrayLike, fit_intercept: bool) -> "_Problem":
        return cls.from_centred(*_centre(X, y, fit_intercept))

    @classmethod
    def from_centred(cls, Xc: NDArray[np.float64], yc: NDArray[np.float64], x_mean, y_mean: float) -> "_Problem":
        n = Xc.shape[0]
        return cls(Xc.T @ Xc / n, Xc.T @ yc / n, x_mean, y_mean)

    def fit(self, beta: NDArray[np.float64], lam: float, penalty: Penalty) -> LinearFit:
        r = penalty.l1_ratio
        return LinearFit(
            intercept=self.y_mean - float(self.x_mean @ beta),
            coef=beta,
            lam=lam,
            penalty=penalty,
            kkt_residual=self.kkt_residual(beta, lam * r, lam * (1.0 - r)),
        )


def sufficient_statistics(X: ArrayLike, y: ArrayLike, *, fit_intercept: bool = True) -> Quadratic:
    """The MSE of centred data as a :class:`~regexplain.math.homotopy.Quadratic`: ``G = XcᵀXc/n``, ``q = Xcᵀyc/n``.

    Every penalized least-squares problem of this module is a function of these alone (and of
    the means, for the intercept).

    Examples
    --------
    >>> import numpy as np
    >>> stats = sufficient_statistics(np.array([[0.0], [1.0], [2.0]]), np.array([1.0, 3.0, 5.0]))
    >>> stats.gram, stats.xty
    (array([[0.66666667]]), array([1.33333333]))
    """
    return _Problem.from_data(X, y, fit_intercept)


def ridge(X: ArrayLike, y: ArrayLike, lam: float, *, fit_intercept: bool = True) -> LinearFit:
    """Ridge regression: minimize ``(1/n)‖y − β0 − Xβ‖² + lam·‖β‖₂²`` in closed form.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets.
    lam : float
        Penalty strength λ ≥ 0. With λ = 0 and a rank-deficient ``X`` the answer is the
        least-squares solution of least norm (the limit as λ → 0).
    fit_intercept : bool, default True
        Fit an unpenalized intercept; if False, β0 = 0.

    Returns
    -------
    LinearFit
        ``β = (XcᵀXc + nλI)⁻¹ Xcᵀyc``: one linear solve, in the dual form
        ``Xcᵀ(XcXcᵀ + nλI)⁻¹yc`` when there are more features than samples; for λ within
        about 1e-10 of 0 (relative to the data's scale), from the eigen-decomposition of XcᵀXc.

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> rx.ridge(X, X @ [2.0, -0.1], lam=0.5).coef.round(4)
    array([ 1.    , -0.0273])
    """
    lam = check_real(lam, "lam", low=0.0)
    Xc, yc, x_mean, y_mean = _centre(X, y, fit_intercept)
    problem = _Problem.from_centred(Xc, yc, x_mean, y_mean)
    n, p = Xc.shape
    if lam > _RIDGE_SOLVE * max(np.trace(problem.gram) / p, np.finfo(float).tiny):
        # Well conditioned: one linear solve, in the smaller of the primal (p × p) and dual (n × n) forms.
        if p <= n:
            beta = np.linalg.solve(problem.gram + lam * np.eye(p), problem.xty)
        else:
            beta = Xc.T @ np.linalg.solve(Xc @ Xc.T / n + lam * np.eye(n), yc / n)
        return problem.fit(beta, lam, L2)
    # λ near 0: G = V diag(s) Vᵀ gives β = V diag(1/(s + λ)) Vᵀq, directions of G's null space left out.
    eigenvalues, vectors = np.linalg.eigh(problem.gram)
    rank_tol = eigenvalues.max() * eigenvalues.size * np.finfo(float).eps
    denominators = eigenvalues + lam
    inverse = np.where(denominators > rank_tol, 1.0 / np.maximum(denominators, rank_tol), 0.0)
    beta = vectors @ (inverse * (vectors.T @ problem.xty))
    return problem.fit(beta, lam, L2)


def elastic_net(X: ArrayLike, y: ArrayLike, lam: float, l1_ratio: float, *, fit_intercept: bool = True) -> LinearFit:
    """Elastic net: minimize ``(1/n)‖y − β0 − Xβ‖² + lam·(r‖β‖₁ + (1 − r)‖β‖₂²)``, r = ``l1_ratio``, exactly.

    With the L2 part ``lam(1 − r)`` held fixed, the minimizer is piecewise linear in the L1
    strength; the exact homotopy (:func:`regexplain.math.homotopy.penalized`) follows it from
    β = 0 down to ``lam·r``, a finite number of linear solves, and the answer is returned
    only once its optimality (KKT) residual is below :data:`~regexplain.math.homotopy.KKT_TOL`.
    Coefficients outside the active set are exactly ``0.0``. ``l1_ratio = 0`` is ridge's closed form.

    Parameters
    ----------
    X, y, fit_intercept
        As in :func:`ridge`.
    lam : float
        Penalty strength λ ≥ 0.
    l1_ratio : float
        Share r of the L1 part, in [0, 1].

    Returns
    -------
    LinearFit

    Raises
    ------
    ValueError
        If an argument is out of range, or the answer cannot be certified (a degenerate design:
        nearly collinear columns that no exact active set separates; the message says which).

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> fit = rx.elastic_net(X, X @ [2.0, 0.0], lam=0.5, l1_ratio=0.5)
    >>> fit.coef.round(4), fit.coef[1] == 0.0
    (array([1.1667, 0.    ]), np.True_)
    """
    lam = check_real(lam, "lam", low=0.0)
    penalty = Penalty(l1_ratio)
    if penalty.l1_ratio == 0.0:
        return ridge(X, y, lam, fit_intercept=fit_intercept)
    problem = _Problem.from_data(X, y, fit_intercept)
    r = penalty.l1_ratio
    return problem.fit(homotopy.penalized(problem, lam * r, lam * (1.0 - r)), lam, penalty)


def lasso(X: ArrayLike, y: ArrayLike, lam: float, *, fit_intercept: bool = True) -> LinearFit:
    """Lasso: minimize ``(1/n)‖y − β0 − Xβ‖² + lam·‖β‖₁`` exactly.

    :func:`elastic_net` with ``l1_ratio=1``: the exact homotopy, certified by its KKT
    conditions. Every coefficient is exactly ``0.0`` when ``lam >= lasso_lambda_max(X, y)``.
    With ``lam = 0`` and more features than samples it returns the least-squares end of the
    lasso path (a least-squares solution with at most n − 1 non-zero coefficients).

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> y = X @ [2.0, -0.1]
    >>> rx.lasso(X, y, lam=0.0).coef.round(10)
    array([ 2. , -0.1])
    >>> rx.lasso(X, y, lam=0.5).coef
    array([1.5, 0. ])
    """
    return elastic_net(X, y, lam, 1.0, fit_intercept=fit_intercept)


def lasso_lambda_max(X: ArrayLike, y: ArrayLike, *, fit_intercept: bool = True) -> float:
    """The smallest λ at which every lasso coefficient is exactly 0: ``(2/n)·‖Xcᵀyc‖∞``.

    At β = 0 the MSE has gradient ``−(2/n)Xcᵀyc``; the L1 penalty can hold every coefficient
    at 0 exactly when λ is at least the largest entry of that gradient in size.
    """
    return _Problem.from_data(X, y, fit_intercept).lambda_max


@dataclass(frozen=True, eq=False)
class LassoPath:
    """The exact path of lasso (or elastic-net) minimizers over every λ, from :func:`lasso_path`.

    Attributes
    ----------
    lams : numpy.ndarray
        Shape ``(m,)``: the breakpoints, decreasing: λ_max (every coefficient 0 from there up), each λ at
        which a variable joins or leaves the active set or changes sign, and 0, the
        least-squares end.
    coefs : numpy.ndarray
        Shape ``(m, n_features)``: the minimizer at each breakpoint; coefficients outside the
        active set are exactly 0.0.
    intercepts : numpy.ndarray
        Shape ``(m,)``: the unpenalized intercept at each breakpoint.
    l1_ratio : float
        The penalty's L1 share r (1 for the lasso).
    """

    lams: NDArray[np.float64]
    coefs: NDArray[np.float64]
    intercepts: NDArray[np.float64]
    l1_ratio: float
    _problem: _Problem
    _pieces: tuple[Piece | RatioPiece, ...]

    def at(self, lam: float) -> LinearFit:
        """The exact minimizer at any ``lam ≥ 0``, read off the path.

        For the lasso each piece is linear in λ, so this is linear interpolation between the
        two breakpoints around ``lam``; for r < 1 it is the piece's rational formula. Either
        way the answer is certified by its KKT conditions.
        """
        lam = check_real(lam, "lam", low=0.0)
        r = self.l1_ratio
        beta = homotopy.piece_at(self._pieces, lam).at(lam)
        homotopy.certify(self._problem, beta, lam * r, lam * (1.0 - r))
        return self._problem.fit(beta, lam, Penalty(r))


def lasso_path(X: ArrayLike, y: ArrayLike, *, l1_ratio: float = 1.0, fit_intercept: bool = True) -> LassoPath:
    """The exact path of ``(1/n)‖y − β0 − Xβ‖² + λ·(r‖β‖₁ + (1 − r)‖β‖₂²)`` over all λ ≥ 0.

    For the lasso (r = 1) the minimizer is piecewise linear in λ and the homotopy finds every
    breakpoint exactly (the LARS-lasso algorithm of Efron, Hastie, Johnstone and Tibshirani,
    2004, on the sufficient statistics). For 0 < r < 1 the L2 part grows with λ too, each
    piece is a rational function of λ, and its end is located to the last bit.

    Parameters
    ----------
    X, y, fit_intercept
        As in :func:`ridge`.
    l1_ratio : float, default 1.0
        Share r of the L1 part, in (0, 1] (at r = 0, ridge, no coefficient is ever 0: use :func:`ridge`).

    Returns
    -------
    LassoPath
        Its breakpoints ``lams``, the exact minimizers there (``coefs``, ``intercepts``) and
        :meth:`LassoPath.at` for any λ.

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> path = rx.lasso_path(X, X @ [2.0, -0.1])
    >>> path.lams.round(4)
    array([2.    , 0.0375, 0.    ])
    >>> path.coefs.round(4)
    array([[ 0.    ,  0.    ],
           [ 1.9625,  0.    ],
           [ 2.    , -0.1   ]])
    >>> path.at(1.0).coef
    array([1., 0.])
    """
    r = check_real(l1_ratio, "l1_ratio", low=0.0, high=1.0, low_open=True)
    problem = _Problem.from_data(X, y, fit_intercept)
    walk = homotopy.pieces(problem) if r == 1.0 else homotopy.ratio_pieces(problem, r)
    path = tuple(walk)
    lams = np.unique([piece.high for piece in path] + [path[-1].low])[::-1]
    coefs = np.array([homotopy.piece_at(path, lam).at(lam) for lam in lams])
    intercepts = problem.y_mean - coefs @ problem.x_mean
    for array in (lams, coefs, intercepts):
        array.flags.writeable = False
    return LassoPath(lams, coefs, intercepts, r, problem, path)
