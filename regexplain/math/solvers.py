"""Exact solvers for penalized least squares.

Every solver minimizes ``(1/n)‖y − β0 − Xβ‖² + lam·P(β)`` with the intercept β0 unpenalized.
Eliminating β0 (it is ``mean(y) − mean(X)·β`` at the optimum) leaves the centred problem
``(1/n)‖yc − Xc·β‖² + lam·P(β)``, which is what the functions below solve.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_real, check_Xy
from .penalties import L1, L2, Penalty

KKT_TOL = 1e-10
"""Largest optimality (KKT) residual the iterative solvers accept, relative to the data scale."""

_MAX_SWEEPS = 100_000
_MAX_PIECES = 20  # homotopy pieces allowed per coefficient before giving up


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
        (λ_max); below :data:`~regexplain.math.solvers.KKT_TOL` for every returned fit.
    n_sweeps : int
        Coordinate-descent sweeps used (0 when a closed form or the exact homotopy answered).
    """

    intercept: float
    coef: NDArray[np.float64]
    lam: float
    penalty: Penalty
    kkt_residual: float
    n_sweeps: int

    def predict(self, X: ArrayLike) -> NDArray[np.float64]:
        """Predictions ``β0 + Xβ`` for the rows of ``X``."""
        X = as_float_array(X, "X", ndim=2)
        if X.shape[1] != self.coef.size:
            raise ValueError(f"X must have {self.coef.size} columns, got {X.shape[1]}")
        return self.intercept + X @ self.coef


@dataclass(frozen=True)
class Quadratic:
    """The quadratic ``β·Gβ − 2q·β`` (plus a constant), and exact penalized minimization of it.

    The MSE on centred data is this with ``G = XcᵀXc/n`` and ``q = Xcᵀyc/n``; a quadratic loss
    ``(β − c)ᵀH(β − c)`` is this with ``G = H`` and ``q = Hc``.
    """

    gram: NDArray[np.float64]
    xty: NDArray[np.float64]

    def smooth_gradient(self, beta: NDArray[np.float64], lam: float, penalty: Penalty) -> NDArray[np.float64]:
        """Gradient of the quadratic plus the L2 part of the penalty."""
        return 2.0 * (self.gram @ beta - self.xty) + 2.0 * lam * (1.0 - penalty.l1_ratio) * beta

    def kkt_residual(self, beta: NDArray[np.float64], lam: float, penalty: Penalty) -> float:
        """Largest violation of ``0 ∈ ∇smooth + lam·r·∂‖β‖₁``, relative to the data scale."""
        g = self.smooth_gradient(beta, lam, penalty)
        l1 = lam * penalty.l1_ratio
        violation = np.where(beta != 0.0, np.abs(g + l1 * np.sign(beta)), np.maximum(np.abs(g) - l1, 0.0))
        # Relative to λ_max, the size of the gradient at β = 0, so the test does not depend on
        # the units of the data. (λ_max = 0 only when β = 0 is the answer.)
        return float(violation.max()) / (self.lambda_max or 1.0)

    @property
    def lambda_max(self) -> float:
        """The smallest L1 strength at which β = 0 is optimal."""
        return float(2.0 * np.abs(self.xty).max())

    def penalized(self, lam: float, penalty: Penalty, tol: float = KKT_TOL) -> tuple[NDArray[np.float64], int]:
        """Exact minimizer of the quadratic + ``lam·P(β)``, and the coordinate-descent sweeps it took.

        First the exact homotopy (:meth:`homotopy`, 0 sweeps); if it cannot finish (a singular
        active set) or rounding spoils its answer, cyclic coordinate descent started from that
        answer, which after every sweep solves the optimality
        equations exactly on the current signs (:meth:`polish`). Either answer is returned only
        once its KKT residual is below ``tol``. Coefficients outside the active set are exactly 0.0.
        """
        beta = self.homotopy(lam, penalty)
        if beta is not None and self.kkt_residual(beta, lam, penalty) < tol:
            return beta, 0
        # Rounding in a nearly singular active block: finish from the homotopy's answer.
        return self._coordinate_descent(lam, penalty, tol, start=beta)

    def homotopy(self, lam: float, penalty: Penalty) -> NDArray[np.float64] | None:
        """Follow the exact piecewise-linear path of minimizers from β = 0 down to ``lam``.

        The L2 part is fixed at its final strength and folded into the quadratic; the L1
        strength μ then falls from λ_max. Between events the active set A and signs s are
        constant and ``β_A(μ) = G_AA⁻¹(q_A − (μ/2)s)``; an event is an inactive coefficient
        whose correlation reaches ±μ (it joins) or an active one that reaches 0 (it leaves).
        The number of pieces is finite, so the answer is exact up to rounding. Returns None
        when an active block is singular (then coordinate descent takes over).
        """
        gram = self.gram + lam * (1.0 - penalty.l1_ratio) * np.eye(self.xty.size)
        xty, target = self.xty, lam * penalty.l1_ratio
        beta = np.zeros(xty.size)
        mu = self.lambda_max
        if target >= mu:
            return beta
        active = [int(np.argmax(np.abs(xty)))]
        signs = [float(np.sign(xty[active[0]]))]
        for _ in range(_MAX_PIECES * max(1, xty.size)):
            block = gram[np.ix_(active, active)]
            try:
                u = np.linalg.solve(block, xty[active])
                v = np.linalg.solve(block, np.array(signs))
            except np.linalg.LinAlgError:
                return None
            mu_next, event = _next_event(gram, xty, active, u, v, mu)
            if mu_next <= target:
                beta[active] = u - 0.5 * target * v
                return beta
            mu = mu_next
            kind, index, sign = event
            if kind == "join":
                active.append(index)
                signs.append(sign)
            else:
                del active[index], signs[index]
                if not active:
                    return None
        return None

    def _coordinate_descent(
        self, lam: float, penalty: Penalty, tol: float, start: NDArray[np.float64] | None = None
    ) -> tuple[NDArray[np.float64], int]:
        gram, xty = self.gram, self.xty
        beta = np.zeros(xty.size) if start is None else start.copy()
        l2 = lam * (1.0 - penalty.l1_ratio)
        diagonal = np.diag(gram)
        for sweep in range(1, _MAX_SWEEPS + 1):
            for j in range(xty.size):
                curvature = diagonal[j] + l2
                if curvature == 0.0:  # a constant column with no L2 part: the loss ignores β_j
                    beta[j] = 0.0
                    continue
                # Correlation with the partial residual, leaving out coordinate j's own part.
                c = xty[j] - gram[j] @ beta + diagonal[j] * beta[j]
                beta[j] = L1.prox(c, lam * penalty.l1_ratio / 2.0)[()] / curvature
            for candidate in (self.polish(beta, lam, penalty), beta):
                if candidate is not None and self.kkt_residual(candidate, lam, penalty) < tol:
                    return candidate, sweep
        raise RuntimeError(f"coordinate descent did not reach KKT residual {tol} in {_MAX_SWEEPS} sweeps")

    def polish(self, beta: NDArray[np.float64], lam: float, penalty: Penalty) -> NDArray[np.float64] | None:
        """Solve the optimality equations exactly on the active set and signs of ``beta``.

        On the support A with signs s the conditions are linear:
        ``(G_AA + lam(1−r)·I)·β_A = q_A − (lam·r/2)·s``. Returns None if that system is
        singular or its solution changes a sign (the active set is not final yet).
        """
        active = np.flatnonzero(beta)
        polished = np.zeros_like(beta)
        if active.size == 0:
            return polished
        signs = np.sign(beta[active])
        system = self.gram[np.ix_(active, active)] + lam * (1.0 - penalty.l1_ratio) * np.eye(active.size)
        rhs = self.xty[active] - lam * penalty.l1_ratio / 2.0 * signs
        try:
            solution = np.linalg.solve(system, rhs)
        except np.linalg.LinAlgError:
            return None
        if np.any(np.sign(solution) != signs):
            return None
        polished[active] = solution
        return polished


def _next_event(
    gram: NDArray[np.float64], xty: NDArray[np.float64], active: list[int], u, v, mu: float
) -> tuple[float, tuple[str, int, float]]:
    """The largest μ' < μ at which the active set changes along ``β_A = u − (μ'/2)v``, and how."""
    best, event = 0.0, ("leave", 0, 0.0)
    below = mu * (1.0 - 1e-12)  # an event at the current μ has already happened
    # Leaving: an active coefficient crosses 0 at μ' = 2u_i / v_i.
    with np.errstate(divide="ignore", invalid="ignore"):
        crossing = np.where(v != 0.0, 2.0 * u / v, 0.0)
    for i, candidate in enumerate(crossing):
        if best < candidate < below:
            best, event = candidate, ("leave", i, 0.0)
    # Joining: inactive correlation c_j(μ') = a_j + μ'·b_j reaches ±μ'.
    inactive = np.setdiff1d(np.arange(xty.size), active)
    a = 2.0 * (xty[inactive] - gram[np.ix_(inactive, active)] @ u)
    b = gram[np.ix_(inactive, active)] @ v
    for sign in (1.0, -1.0):
        with np.errstate(divide="ignore", invalid="ignore"):
            reach = sign * a / (1.0 - sign * b)
        for j, candidate in zip(inactive, reach, strict=True):
            if best < candidate < below:
                best, event = candidate, ("join", int(j), sign)
    return float(best), event


@dataclass(frozen=True)
class _Problem(Quadratic):
    """The MSE of centred data as a :class:`Quadratic`, plus the means to recover β0."""

    x_mean: NDArray[np.float64]
    y_mean: float

    @classmethod
    def from_data(cls, X: ArrayLike, y: ArrayLike, fit_intercept: bool) -> "_Problem":
        X, y = check_Xy(X, y)
        if not isinstance(fit_intercept, bool):
            raise TypeError(f"fit_intercept must be True or False, got {fit_intercept!r}")
        x_mean = X.mean(axis=0) if fit_intercept else np.zeros(X.shape[1])
        y_mean = float(y.mean()) if fit_intercept else 0.0
        Xc, yc = X - x_mean, y - y_mean
        n = X.shape[0]
        return cls(Xc.T @ Xc / n, Xc.T @ yc / n, x_mean, y_mean)

    def fit(self, beta: NDArray[np.float64], lam: float, penalty: Penalty, n_sweeps: int) -> LinearFit:
        return LinearFit(
            intercept=self.y_mean - float(self.x_mean @ beta),
            coef=beta,
            lam=lam,
            penalty=penalty,
            kkt_residual=self.kkt_residual(beta, lam, penalty),
            n_sweeps=n_sweeps,
        )


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
        ``β = (XcᵀXc + nλI)⁻¹ Xcᵀyc``, computed stably from the eigen-decomposition of XcᵀXc.
    """
    lam = check_real(lam, "lam", low=0.0)
    problem = _Problem.from_data(X, y, fit_intercept)
    # Eigen-decomposition of G = XcᵀXc/n gives β = V diag(1/(s + λ)) Vᵀ q.
    eigenvalues, vectors = np.linalg.eigh(problem.gram)
    rank_tol = eigenvalues.max() * eigenvalues.size * np.finfo(float).eps
    denominators = eigenvalues + lam
    inverse = np.where(denominators > rank_tol, 1.0 / np.maximum(denominators, rank_tol), 0.0)
    beta = vectors @ (inverse * (vectors.T @ problem.xty))
    return problem.fit(beta, lam, L2, n_sweeps=0)


def elastic_net(X: ArrayLike, y: ArrayLike, lam: float, l1_ratio: float, *, fit_intercept: bool = True) -> LinearFit:
    """Elastic net: minimize ``(1/n)‖y − β0 − Xβ‖² + lam·(r‖β‖₁ + (1 − r)‖β‖₂²)``, r = ``l1_ratio``.

    Solved by cyclic coordinate descent; after every sweep the signs found so far are used to
    solve the remaining linear system exactly, and the answer is accepted only when its
    optimality (KKT) residual is below :data:`~regexplain.math.solvers.KKT_TOL`. Coefficients outside the active set
    are exactly ``0.0``.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets.
    lam : float
        Penalty strength λ ≥ 0.
    l1_ratio : float
        Share r of the L1 part, in [0, 1].
    fit_intercept : bool, default True
        Fit an unpenalized intercept; if False, β0 = 0.

    Returns
    -------
    LinearFit

    Raises
    ------
    RuntimeError
        If the optimality conditions are not met within the sweep budget (not seen in practice).
    """
    lam = check_real(lam, "lam", low=0.0)
    penalty = Penalty(l1_ratio)
    problem = _Problem.from_data(X, y, fit_intercept)
    return _coordinate_descent(problem, lam, penalty)


def lasso(X: ArrayLike, y: ArrayLike, lam: float, *, fit_intercept: bool = True) -> LinearFit:
    """Lasso: minimize ``(1/n)‖y − β0 − Xβ‖² + lam·‖β‖₁`` exactly.

    Same method and guarantees as :func:`elastic_net` with ``l1_ratio=1``.
    Every coefficient is exactly ``0.0`` when ``lam >= lasso_lambda_max(X, y)``.
    """
    lam = check_real(lam, "lam", low=0.0)
    problem = _Problem.from_data(X, y, fit_intercept)
    return _coordinate_descent(problem, lam, L1)


def lasso_lambda_max(X: ArrayLike, y: ArrayLike, *, fit_intercept: bool = True) -> float:
    """The smallest λ at which every lasso coefficient is exactly 0: ``(2/n)·‖Xcᵀyc‖∞``.

    At β = 0 the MSE has gradient ``−(2/n)Xcᵀyc``; the L1 penalty can hold every coefficient
    at 0 exactly when λ is at least the largest entry of that gradient in size.
    """
    return _Problem.from_data(X, y, fit_intercept).lambda_max


def _coordinate_descent(problem: _Problem, lam: float, penalty: Penalty) -> LinearFit:
    beta, sweeps = problem.penalized(lam, penalty)
    return problem.fit(beta, lam, penalty, sweeps)
