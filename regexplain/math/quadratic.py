"""Quadratic losses and their exact constrained and penalized minima, in any dimension.

A quadratic loss ``floor + (β − c)ᵀH(β − c)`` is what the MSE of a linear model looks like
as a function of its coefficients (a bowl with elliptical contours), so every hard- and
soft-constraint picture on the site is drawn from this class.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import homotopy
from ._validate import as_float_array, check_real
from .regions import l1_share, size

_MAX_NEWTON = 100
_EPS = np.finfo(float).eps


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

    Examples
    --------
    A tilted bowl with its minimum at (5, 1.5): the L1 penalty puts its minimum on the β₁
    axis, the L2 penalty only shrinks it, and the diamond's optimum is a tip.

    >>> import regexplain as rx
    >>> loss = rx.QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 1.5])
    >>> loss([5.0, 1.5]), loss([0.0, 0.0])
    (np.float64(0.0), np.float64(71.375))
    >>> loss.penalized_minimum("l1", 10.0)
    array([3.4, 0. ])
    >>> loss.constrained_minimum("l1", 2.0)
    array([2., 0.])
    >>> round(loss.lam_for_t("l1", 2.0), 4)
    15.6

    An elastic net that is mostly L1 (r = 0.9) can zero β₂ too; its region shares the
    diamond's tips, and for t = 1 its optimum is the tip (1, 0).

    >>> loss.penalized_minimum("elastic_net", 15.0, l1_ratio=0.9).round(4)
    array([1.4429, 0.    ])
    >>> loss.constrained_minimum("elastic_net", 1.0, l1_ratio=0.9).round(12)
    array([1., 0.])
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
        self._quadratic = homotopy.Quadratic(hessian, hessian @ center)
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

    def penalized_minimum(self, norm: str, lam: float, l1_ratio: float | None = None) -> NDArray[np.float64]:
        """Exact minimizer of ``loss + lam·P(β)``, ``P = ‖β‖₁``, ``‖β‖₂²`` or ``r‖β‖₁ + (1 − r)‖β‖₂²``.

        L2 in closed form, ``(H + λI)⁻¹Hc``; L1 and the elastic net by the exact homotopy of
        :mod:`regexplain.math.homotopy` (the piecewise-linear path in the L1 strength, from
        λ_max down to ``lam·r``, with the ridge part ``lam·(1 − r)`` held fixed), certified by
        its KKT conditions; zero coefficients are exactly 0.0. At ``lam = 0`` the answer is the
        center itself.

        Parameters
        ----------
        norm : {"l1", "l2", "elastic_net"}
            The penalty.
        lam : float
            Its strength λ ≥ 0.
        l1_ratio : float, optional
            The elastic net's L1 share r, in the open interval (0, 1); required for
            ``"elastic_net"`` and only there.

        Returns
        -------
        numpy.ndarray
            The minimizer, shape ``(p,)``.

        Raises
        ------
        ValueError
            If an argument is out of range (the message names it).
        TypeError
            If ``lam`` or ``l1_ratio`` is not a real number.

        Examples
        --------
        >>> import regexplain as rx
        >>> loss = rx.QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 1.5])
        >>> loss.penalized_minimum("l1", 10.0)
        array([3.4, 0. ])
        >>> loss.penalized_minimum("l2", 10.0).round(4)
        array([0.9212, 0.6213])
        >>> loss.penalized_minimum("elastic_net", 4.0, l1_ratio=0.5).round(4)
        array([2.3169, 1.2771])
        """
        r = l1_share(norm, l1_ratio)
        lam = check_real(lam, "lam", low=0.0)
        if lam == 0.0:
            return self.center.copy()
        if r == 0.0:
            return self._shrunk(lam)
        return homotopy.penalized(self._quadratic, r * lam, (1.0 - r) * lam)

    def constrained_minimum(self, norm: str, t: float, l1_ratio: float | None = None) -> NDArray[np.float64]:
        """Exact minimizer of the loss subject to ``‖β‖₁ ≤ t``, ``‖β‖₂ ≤ t`` or the elastic net's ``size ≤ t``.

        ``t`` bounds the norm itself, so the diamond and the disc of the same ``t`` share their
        tips; the elastic-net region ``r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t²`` (its tip size,
        :func:`~regexplain.math.regions.size`, at most ``t``) shares them too. The answer is the
        center when it is feasible; otherwise it lies on the boundary and equals a penalized
        minimum, at the λ returned by :meth:`lam_for_t`: for L1 found on the exact L1 path (the
        piece whose norms bracket ``t``, then one linear equation), for L2 by Newton's method
        on the trust-region equation (:func:`~regexplain.math.quadratic.disc_minima`), for the
        elastic net on its exact path in λ (the piece whose sizes bracket ``t``, on which β is
        a rational function of λ, then a safeguarded Newton iteration to the last bits).

        Parameters
        ----------
        norm : {"l1", "l2", "elastic_net"}
            The region.
        t : float
            Its budget, ``t > 0``.
        l1_ratio : float, optional
            The elastic net's L1 share r, in the open interval (0, 1); required for
            ``"elastic_net"`` and only there.

        Returns
        -------
        numpy.ndarray
            The minimizer, shape ``(p,)``.

        Examples
        --------
        >>> import regexplain as rx
        >>> loss = rx.QuadraticLoss([[1.0, 0.0], [0.0, 1.0]], [3.0, 1.0])
        >>> loss.constrained_minimum("l1", 2.0)
        array([2., 0.])
        >>> loss.constrained_minimum("l2", 2.0).round(4)
        array([1.8974, 0.6325])
        >>> loss.constrained_minimum("elastic_net", 2.0, l1_ratio=0.5).round(4)
        array([1.8434, 0.5043])
        """
        return self._constrained(norm, t, l1_ratio)[0]

    def lam_for_t(self, norm: str, t: float, l1_ratio: float | None = None) -> float:
        """The λ whose penalized minimum equals the constrained minimum for budget ``t``.

        0 when the center already satisfies the constraint. For the elastic net this is the
        multiplier of ``r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t²``, the λ of the penalty
        ``λ(r‖β‖₁ + (1 − r)‖β‖₂²)``.

        Examples
        --------
        >>> import regexplain as rx
        >>> loss = rx.QuadraticLoss([[1.0, 0.0], [0.0, 1.0]], [3.0, 1.0])
        >>> loss.lam_for_t("l1", 2.0)
        2.0
        >>> lam = loss.lam_for_t("elastic_net", 2.0, l1_ratio=0.5)
        >>> round(lam, 6), round(loss.t_for_lam("elastic_net", lam, l1_ratio=0.5), 12)
        (0.987152, 2.0)
        """
        return self._constrained(norm, t, l1_ratio)[1]

    def t_for_lam(self, norm: str, lam: float, l1_ratio: float | None = None) -> float:
        """The budget ``t`` whose constrained minimum equals the penalized minimum at ``lam``.

        That is the size of the penalized minimum: its L1 norm, its L2 norm (not squared), or
        its elastic-net tip size (:func:`~regexplain.math.regions.size`).
        """
        return float(size(self.penalized_minimum(norm, lam, l1_ratio), norm, l1_ratio))

    def _points(self, beta: ArrayLike) -> NDArray[np.float64]:
        beta = as_float_array(beta, "beta")
        if beta.shape[-1:] != (self.p,):
            raise ValueError(f"beta must end with an axis of length p={self.p}, got shape {beta.shape}")
        return beta

    def _shrunk(self, mu: float) -> NDArray[np.float64]:
        """``(H + μI)⁻¹Hc`` through the eigen-decomposition of H."""
        d = self._eigenvectors.T @ self.center
        return self._eigenvectors @ (self._eigenvalues * d / (self._eigenvalues + mu))

    def _constrained(self, norm: str, t: float, l1_ratio: float | None) -> tuple[NDArray[np.float64], float]:
        r = l1_share(norm, l1_ratio)
        t = check_real(t, "t", low=0.0, low_open=True)
        if size(self.center, norm, l1_ratio) <= t:
            return self.center.copy(), 0.0
        if r == 1.0:
            return homotopy.on_diamond(self._quadratic, t)
        if r == 0.0:
            return self._on_sphere(t)
        return self._on_elastic_net_boundary(t, r)

    def _on_elastic_net_boundary(self, t: float, r: float) -> tuple[NDArray[np.float64], float]:
        """The minimizer on ``r‖β‖₁ + (1 − r)‖β‖₂² = r·t + (1 − r)·t²`` and its multiplier λ.

        The penalty of the penalized minimum grows continuously as λ falls, so the first piece
        of the exact elastic-net path whose low end reaches the level holds the answer; the
        penalized minimum at that λ, recomputed by the homotopy, is certified by its KKT
        conditions (and has its exact zeros).
        """
        level = r * t + (1.0 - r) * t * t
        for piece in homotopy.ratio_pieces(self._quadratic, r):
            if _piece_penalty(piece, piece.low)[0] >= level:
                break
        lam = _level_crossing(piece, level)
        return homotopy.penalized(self._quadratic, r * lam, (1.0 - r) * lam), lam

    def _on_sphere(self, t: float) -> tuple[NDArray[np.float64], float]:
        """The minimizer on the sphere ``‖β‖₂ = t`` and its multiplier μ (see :func:`disc_minima`)."""
        beta, mu = disc_minima(self._eigenvalues[None], self._eigenvectors[None], self.center[None], t)
        return beta[0], float(mu[0])


def _piece_penalty(piece: homotopy.RatioPiece, lam: float) -> tuple[float, float]:
    """The elastic-net penalty ``P = r‖β‖₁ + (1 − r)‖β‖₂²`` of the piece's minimizer at ``lam`` and ``dP/dλ``.

    In the eigenbasis of the active block, ``z = Vᵀβ_A = (Vᵀq − (λr/2)·Vᵀs)/(d + λ(1 − r))``;
    with the piece's signs ``‖β‖₁ = (Vᵀs)·z``, so ``P = r(Vᵀs)·z + (1 − r)‖z‖²`` and
    ``dP/dλ = −2Σ g²/(d + λ(1 − r))`` with ``g = (r/2)Vᵀs + (1 − r)z``: never positive.
    """
    r = piece.l1_ratio
    sigma = piece.sign_projections
    denominator = piece.eigenvalues + lam * (1.0 - r)
    z = (piece.projections - 0.5 * r * lam * sigma) / denominator
    g = 0.5 * r * sigma + (1.0 - r) * z
    return float(r * sigma @ z + (1.0 - r) * z @ z), float(-2.0 * np.sum(g * g / denominator))


def _level_crossing(piece: homotopy.RatioPiece, level: float) -> float:
    """The λ in ``[piece.low, piece.high]`` at which the piece's penalty equals ``level``.

    The penalty is smooth and decreasing on the piece, at least ``level`` at its low end and at
    most ``level`` at its high end. Newton's method from the secant point, kept inside the
    shrinking bracket by bisection, converges quadratically; it stops when the step or the
    residual is at the rounding level, or the bracket is two adjacent floats.
    """
    low, high = piece.low, piece.high
    excess_low = _piece_penalty(piece, low)[0] - level
    excess_high = _piece_penalty(piece, high)[0] - level
    if excess_low <= 0.0:
        return low
    if excess_high >= 0.0:
        return high
    lam = low + (high - low) * excess_low / (excess_low - excess_high)
    best, best_lam = np.inf, lam
    for _ in range(_MAX_NEWTON):
        value, slope = _piece_penalty(piece, lam)
        excess = value - level
        if abs(excess) < best:
            best, best_lam = abs(excess), lam
        if abs(excess) <= 2.0 * _EPS * level:
            break
        if excess > 0.0:
            low = lam
        else:
            high = lam
        step = lam - excess / slope if slope < 0.0 else np.nan
        if not low < step < high:
            step = 0.5 * (low + high)
            if not low < step < high:
                break
        converged = abs(step - lam) <= 2.0 * _EPS * lam
        lam = step
        if converged:
            value = _piece_penalty(piece, lam)[0]
            if abs(value - level) < best:
                best_lam = lam
            break
    return float(best_lam)


def disc_minima(
    eigenvalues: NDArray[np.float64], eigenvectors: NDArray[np.float64], centers: NDArray[np.float64], t: float
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The minimizers over the disc ``‖β‖₂ ≤ t`` of n quadratic losses at once, and their multipliers μ.

    For a loss ``(β − c)ᵀH(β − c)`` with ``H = V·diag(λ)·Vᵀ`` and ``w = λ·Vᵀc``, the minimizer is
    ``V·w/(λ + μ)`` at the μ ≥ 0 of the trust-region equation ``‖w/(λ + μ)‖ = t`` (0 when the
    center is inside). ``1/‖w/(λ + μ)‖`` is concave and increasing in μ, so Newton's method on
    it from μ = 0 rises monotonically to the root (Moré & Sorensen, 1983); all rows iterate
    together, and each stops when the norm is within a few ulps of ``t`` or the step stalls.

    Parameters
    ----------
    eigenvalues : ndarray, shape (n, p)
        The eigenvalues λ of each hessian, positive.
    eigenvectors : ndarray, shape (n, p, p)
        The eigenvectors V of each hessian, as columns.
    centers : ndarray, shape (n, p)
        The unconstrained minima c.
    t : float
        The radius of the disc.

    Returns
    -------
    minima : ndarray, shape (n, p)
        The constrained minimizers.
    multipliers : ndarray, shape (n,)
        Their multipliers μ.
    """
    weights = eigenvalues * np.einsum("nji,nj->ni", eigenvectors, centers)  # λ·Vᵀc
    mu = np.zeros(len(eigenvalues))
    running = (weights**2 / eigenvalues**2).sum(axis=1) > t * t  # centers outside the disc
    for _ in range(_MAX_NEWTON):
        lam, w, m = eigenvalues[running], weights[running], mu[running]
        beta = w / (lam + m[:, None])
        length = np.sqrt((beta**2).sum(axis=1))
        slope = -(beta**2 / (lam + m[:, None])).sum(axis=1) / length  # d‖β‖/dμ
        m_next = m + (1.0 / length - 1.0 / t) * length**2 / slope
        moving = (m_next > m) & (np.abs(length - t) > 4 * _EPS * t)
        mu[running] = np.where(moving, m_next, m)
        running[running] = moving
        if not running.any():
            break
    return np.einsum("nij,nj->ni", eigenvectors, weights / (eigenvalues + mu[:, None])), mu
