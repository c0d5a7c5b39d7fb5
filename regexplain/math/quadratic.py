"""Quadratic losses and their exact constrained and penalized minima, in any dimension.

A quadratic loss ``floor + (β − c)ᵀH(β − c)`` is what the MSE of a linear model looks like
as a function of its coefficients (a bowl with elliptical contours), so every hard- and
soft-constraint picture on the site is drawn from this class.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_choice, check_real
from .penalties import L1
from .solvers import Quadratic

NORMS = ("l1", "l2")
TOL = 1e-12
"""KKT tolerance of the iterative parts, relative to the loss's scale."""

_MAX_ITER = 200


class QuadraticLoss:
    """The loss ``floor + (β − center)ᵀ·hessian·(β − center)``.

    Parameters
    ----------
    hessian : array_like, shape (p, p)
        Symmetric positive definite matrix: the shape of the bowl. (It is half the Hessian
        of the loss in the calculus sense; the name follows the formula.)
    center : array_like, shape (p,)
        The unconstrained minimum.
    floor : float, default 0.0
        The loss at its minimum.

    Raises
    ------
    ValueError
        If ``hessian`` is not square, symmetric and positive definite, or the shapes differ.
    """

    def __init__(self, hessian: ArrayLike, center: ArrayLike, floor: float = 0.0) -> None:
        # Copies: the loss caches the eigen-decomposition, so later edits of the caller's
        # arrays must not reach it (and the caller's arrays stay writeable).
        hessian = as_float_array(hessian, "hessian", ndim=2).copy()
        center = np.atleast_1d(as_float_array(center, "center")).copy()
        if hessian.shape[0] != hessian.shape[1]:
            raise ValueError(f"hessian must be square, got shape {hessian.shape}")
        if center.shape != (hessian.shape[0],):
            raise ValueError(f"center must have shape ({hessian.shape[0]},) to match hessian, got {center.shape}")
        scale = np.abs(hessian).max()
        if not np.allclose(hessian, hessian.T, rtol=0.0, atol=1e-12 * scale):
            raise ValueError("hessian must be symmetric")
        eigenvalues, eigenvectors = np.linalg.eigh(hessian)
        if eigenvalues[0] <= 1e-12 * scale:
            raise ValueError(
                f"hessian must be positive definite (the loss a bowl with one minimum); "
                f"its smallest eigenvalue is {eigenvalues[0]:.3g}"
            )
        self.hessian = hessian
        self.center = center
        self.floor = check_real(floor, "floor")
        self._eigenvalues, self._eigenvectors = eigenvalues, eigenvectors
        self._quadratic = Quadratic(hessian, hessian @ center)
        for array in (self.hessian, self.center):
            array.flags.writeable = False

    def __repr__(self) -> str:
        return f"QuadraticLoss(hessian={self.hessian.tolist()}, center={self.center.tolist()}, floor={self.floor})"

    @property
    def p(self) -> int:
        """Number of coefficients."""
        return self.center.size

    def __call__(self, beta: ArrayLike) -> NDArray[np.float64]:
        """Loss of each coefficient vector in ``beta`` (shape ``(..., p)``)."""
        delta = self._points(beta) - self.center
        return self.floor + np.einsum("...i,ij,...j->...", delta, self.hessian, delta)

    def gradient(self, beta: ArrayLike) -> NDArray[np.float64]:
        """Gradient ``2·H(β − c)`` at each coefficient vector in ``beta``."""
        return 2.0 * (self._points(beta) - self.center) @ self.hessian

    def penalized_minimum(self, norm: str, lam: float) -> NDArray[np.float64]:
        """Exact minimizer of ``loss + lam·‖β‖₁`` (``"l1"``) or ``loss + lam·‖β‖₂²`` (``"l2"``).

        L2 in closed form, ``(H + λI)⁻¹Hc``; L1 by coordinate descent finished with an exact
        solve on the active set (zero coefficients are exactly 0.0).
        """
        norm = check_choice(norm, "norm", NORMS)
        lam = check_real(lam, "lam", low=0.0)
        if norm == "l2":
            return self._shrunk(lam)
        return self._quadratic.penalized(lam, L1, tol=TOL)[0]

    def constrained_minimum(self, norm: str, t: float) -> NDArray[np.float64]:
        """Exact minimizer of the loss subject to ``‖β‖₁ ≤ t`` (``"l1"``) or ``‖β‖₂ ≤ t`` (``"l2"``).

        ``t`` bounds the norm itself, so the diamond and the disc of the same ``t`` share their
        tips. The answer is the center when it is feasible; otherwise it lies on the boundary
        and equals a penalized minimum, at the λ returned by :meth:`lam_for_t`.
        """
        return self._constrained(norm, t)[0]

    def lam_for_t(self, norm: str, t: float) -> float:
        """The λ whose penalized minimum equals the constrained minimum for budget ``t``.

        0 when the center already satisfies the constraint.
        """
        return self._constrained(norm, t)[1]

    def t_for_lam(self, norm: str, lam: float) -> float:
        """The budget ``t`` whose constrained minimum equals the penalized minimum at ``lam``.

        That is the norm (L1 or L2, not squared) of the penalized minimum.
        """
        beta = self.penalized_minimum(norm, lam)
        return float(np.abs(beta).sum() if norm == "l1" else np.sqrt(beta @ beta))

    def _points(self, beta: ArrayLike) -> NDArray[np.float64]:
        beta = as_float_array(beta, "beta")
        if beta.shape[-1:] != (self.p,):
            raise ValueError(f"beta must end with an axis of length p={self.p}, got shape {beta.shape}")
        return beta

    def _shrunk(self, mu: float) -> NDArray[np.float64]:
        """``(H + μI)⁻¹Hc`` through the eigen-decomposition of H."""
        d = self._eigenvectors.T @ self.center
        return self._eigenvectors @ (self._eigenvalues * d / (self._eigenvalues + mu))

    def _constrained(self, norm: str, t: float) -> tuple[NDArray[np.float64], float]:
        norm = check_choice(norm, "norm", NORMS)
        t = check_real(t, "t", low=0.0, low_open=True)
        size = np.abs(self.center).sum() if norm == "l1" else np.linalg.norm(self.center)
        if size <= t:
            return self.center.copy(), 0.0
        return self._on_diamond(t) if norm == "l1" else self._on_sphere(t)

    def _on_sphere(self, t: float) -> tuple[NDArray[np.float64], float]:
        """Solve ``‖(H + μI)⁻¹Hc‖ = t`` for μ > 0 (the trust-region equation).

        Newton's method on ``1/‖β(μ)‖ − 1/t``, which is concave and increasing in μ, so the
        iterates rise monotonically to the root from μ = 0 (Moré & Sorensen, 1983).
        """
        lam_i, d = self._eigenvalues, self._eigenvectors.T @ self.center
        mu = 0.0
        for _ in range(_MAX_ITER):
            w = lam_i * d / (lam_i + mu)
            size = np.sqrt(w @ w)
            # d‖β‖/dμ = −Σ w_i² / (λ_i + μ) / ‖β‖
            slope = -(w**2 / (lam_i + mu)).sum() / size
            step = (1.0 / size - 1.0 / t) / (slope / size**2)
            mu_next = mu + step
            if not mu_next > mu or abs(size - t) <= 4 * np.finfo(float).eps * t:
                break
            mu = mu_next
        return self._eigenvectors @ (lam_i * d / (lam_i + mu)), float(mu)

    def _on_diamond(self, t: float) -> tuple[NDArray[np.float64], float]:
        """Find the λ at which the L1-penalized minimum has ``‖β‖₁ = t``.

        Along the lasso path the active set and signs are piecewise constant and, within a
        piece, ``β_A(λ) = H_AA⁻¹(q_A − (λ/2)s)`` is linear in λ, so ``‖β(λ)‖₁ = sᵀβ_A(λ)`` is
        too. Bisection on λ finds the piece; the linear equation then gives λ exactly, and
        the answer is accepted only if it satisfies the optimality conditions.
        """
        quadratic = self._quadratic
        low, high = 0.0, quadratic.lambda_max
        for _ in range(_MAX_ITER):
            lam = 0.5 * (low + high)
            beta = quadratic.penalized(lam, L1, tol=TOL)[0]
            active = np.flatnonzero(beta)
            if active.size:
                signs = np.sign(beta[active])
                block = self.hessian[np.ix_(active, active)]
                u = np.linalg.solve(block, quadratic.xty[active])
                v = np.linalg.solve(block, signs)
                lam_star = 2.0 * (signs @ u - t) / (signs @ v)
                if -1e-12 * quadratic.lambda_max < lam_star < 0.0:  # t at ‖c‖₁ up to rounding: λ = 0
                    lam_star = 0.0
                candidate = np.zeros(self.p)
                candidate[active] = u - 0.5 * lam_star * v
                if (
                    lam_star >= 0.0
                    and np.all(np.sign(candidate[active]) == signs)
                    and quadratic.kkt_residual(candidate, lam_star, L1) < TOL
                ):
                    return candidate, float(lam_star)
            if np.abs(beta).sum() > t:
                low = lam
            else:
                high = lam
        raise RuntimeError(f"no exact L1-constrained minimum found for t={t} in {_MAX_ITER} bisections")
