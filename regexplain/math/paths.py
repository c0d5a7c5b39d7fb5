"""Where the penalized minimum of a quadratic loss goes as λ grows, exactly.

The minimum of ``loss + λ·P(β)`` moves from the loss's own minimum (λ = 0) toward the origin
as λ grows. For L2 it follows the curve ``(H + λI)⁻¹Hc`` and never reaches the origin. For
L1 it follows a broken line: between two of its corners (:func:`l1_breakpoints`) the set of
non-zero coefficients and their signs stay the same and the minimum moves in a straight line;
at a corner a coefficient reaches exactly 0 (or leaves it), and from the last corner on every
coefficient is 0. The L2 curve is smooth, but a coefficient on it can first grow and then shrink:
:func:`l2_turning_points` finds where, in closed form.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import homotopy
from ._validate import as_float_array, check_choice
from .quadratic import QuadraticLoss
from .regions import NORMS


def penalized_path(loss: QuadraticLoss, norm: str, lams: ArrayLike) -> NDArray[np.float64]:
    """The exact penalized minimum of ``loss`` at each λ in ``lams``.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.
    norm : {"l1", "l2"}
        Penalty ``λ‖β‖₁`` or ``λ‖β‖₂²``.
    lams : array_like, shape (m,)
        Penalty strengths λ ≥ 0, in any order.

    Returns
    -------
    numpy.ndarray, shape (m, p)
        Row i is :meth:`regexplain.QuadraticLoss.penalized_minimum` at ``lams[i]``; zero coefficients are
        exactly ``0.0``.
    """
    loss = _check_loss(loss)
    norm = check_choice(norm, "norm", NORMS)
    lams = as_float_array(lams, "lams", ndim=1)
    if np.any(lams < 0.0):
        raise ValueError(f"lams must all be >= 0, got {lams.min()}")
    return np.array([loss.penalized_minimum(norm, float(lam)) for lam in lams])


def l1_breakpoints(loss: QuadraticLoss) -> NDArray[np.float64]:
    """The λ at which the L1-penalized minimum of ``loss`` changes its set of non-zero coefficients.

    Between two consecutive breakpoints (and from λ = 0 to the first) the non-zero coefficients
    and their signs are fixed and the minimum is linear in λ,
    ``β_A(λ) = H_AA⁻¹((Hc)_A − (λ/2)·s)`` on the active set A with signs s, so the L1 path is
    exactly the broken line through the minima at ``[0, *l1_breakpoints(loss)]``. The last
    breakpoint is the smallest λ at which every coefficient is 0, ``2‖Hc‖∞``. They are the ends
    of the pieces of the one exact L1 path (:func:`regexplain.math.homotopy.pieces`).

    The argument ``loss`` is a :class:`~regexplain.QuadraticLoss`.

    Returns
    -------
    numpy.ndarray
        The breakpoints, increasing; ``[0.0]`` if the loss's minimum is the origin.
    """
    loss = _check_loss(loss)
    return homotopy.breakpoints(homotopy.Quadratic(loss.hessian, loss.hessian @ loss.center))


def first_zero_lambda(loss: QuadraticLoss) -> float:
    """The smallest λ ≥ 0 at which the L1-penalized minimum has a coefficient exactly 0.

    The argument ``loss`` is a :class:`~regexplain.QuadraticLoss`.

    Returns
    -------
    float
        0 if the loss's own minimum already has a zero coefficient; otherwise the first of
        :func:`l1_breakpoints`, where the first coefficient reaches 0.
    """
    loss = _check_loss(loss)
    if np.any(loss.center == 0.0):
        return 0.0
    return float(l1_breakpoints(loss)[0])


def l2_turning_points(loss: QuadraticLoss) -> list[tuple[int, float, float]]:
    """Where a coefficient of the L2-penalized minimum turns: ``dβⱼ/dλ = 0`` at some λ > 0.

    In the eigenbasis ``H = V·diag(h)·Vᵀ`` the L2 path is ``β(λ) = V·(h·Vᵀc / (h + λ))``, so
    ``βⱼ(λ) = Σᵢ aᵢ/(hᵢ + λ)`` with ``aᵢ = Vⱼᵢ·hᵢ·(Vᵀc)ᵢ``, and ``dβⱼ/dλ = 0`` where the
    polynomial ``Σᵢ aᵢ·Πₖ≠ᵢ (hₖ + λ)²`` vanishes (degree ``2(p − 1)``: a quadratic for two
    coefficients). Its positive real roots, polished by a Newton step on the exact sum, are the
    turning points: the coefficient grows in size up to there and shrinks after (or the reverse).

    The argument ``loss`` is a :class:`~regexplain.QuadraticLoss`.

    Returns
    -------
    list of (int, float, float)
        ``(j, λ, βⱼ(λ))`` for each turning point, ordered by ``j`` then λ; empty if every
        coefficient shrinks monotonically (as for a round bowl).

    Examples
    --------
    >>> import regexplain as rx
    >>> loss = rx.QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 1.5])
    >>> [(j, round(lam, 4), round(value, 4)) for j, lam, value in l2_turning_points(loss)]
    [(1, 0.5212, 1.8162)]
    """
    loss = _check_loss(loss)
    h, vectors = np.linalg.eigh(loss.hessian)
    weights = h * (vectors.T @ loss.center)
    turns = []
    for j in range(loss.p):
        a = vectors[j] * weights
        polynomial = np.zeros(2 * loss.p - 1)
        for i in range(loss.p):
            others = np.repeat(-np.delete(h, i), 2)
            polynomial = polynomial + a[i] * np.polynomial.polynomial.polyfromroots(others)
        if not np.any(polynomial):
            continue
        for root in np.polynomial.polynomial.polyroots(np.trim_zeros(polynomial, "b")):
            if abs(root.imag) > 1e-9 * max(1.0, abs(root.real)) or root.real <= 0.0:
                continue
            lam = root.real
            slope, curvature = -np.sum(a / (h + lam) ** 2), 2.0 * np.sum(a / (h + lam) ** 3)
            lam -= slope / curvature if curvature else 0.0
            turns.append((j, float(lam), float(np.sum(a / (h + lam)))))
    return sorted(turns)


def _check_loss(loss: object) -> QuadraticLoss:
    if not isinstance(loss, QuadraticLoss):
        raise TypeError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    return loss
