"""Where the penalized minimum goes as λ grows, and the two losses of the chapter "Soft constraints".

The minimum of ``loss + λ·P(β)`` moves from the loss's own minimum (λ = 0) toward the origin
as λ grows. For L2 it follows the curve ``(H + λI)⁻¹Hc`` and never reaches the origin. For
L1 it follows a broken line: between two of its corners (:func:`l1_breakpoints`) the set of
non-zero coefficients and their signs stay the same and the minimum moves in a straight line;
at a corner a coefficient reaches exactly 0 (or leaves it), and from the last corner on every
coefficient is 0.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import homotopy
from ._validate import as_float_array, check_choice
from .quadratic import NORMS, QuadraticLoss

ROUND = QuadraticLoss(5.0 * np.eye(2), [15.0, -15.0])
"""The round bowl ``5[(β1 − 15)² + (β2 + 15)²]``.

Its L2-penalized minimum is ``75/(5 + λ)·(1, −1)``: it slides along the diagonal toward the
origin and never reaches it.
"""

TILTED = QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 1.5])
"""A tilted, elongated bowl with its minimum at (5, 1.5), where the L1 path runs into the β1 axis."""

ROUND_LAM = 2.0
"""The λ at which the chapter shows the L2 penalty bowl on :data:`ROUND`."""

TILTED_LAM = 10.0
"""The λ at which the chapter shows the L1 penalty bowl on :data:`TILTED` (its minimum is on the β1 axis)."""

ROUND_STEPS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
"""The λ the chapter steps through with the L2 penalty on :data:`ROUND` (those of Parr's animation)."""

TILTED_STEPS = (0.0, 3.0, 6.0, 9.0, 12.0, 18.0, 24.0)
"""The λ the chapter steps through with the L1 penalty on :data:`TILTED`, up to where every coefficient is 0."""


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

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.

    Returns
    -------
    numpy.ndarray
        The breakpoints, increasing; ``[0.0]`` if the loss's minimum is the origin.
    """
    loss = _check_loss(loss)
    return homotopy.breakpoints(homotopy.Quadratic(loss.hessian, loss.hessian @ loss.center))


def first_zero_lambda(loss: QuadraticLoss) -> float:
    """The smallest λ ≥ 0 at which the L1-penalized minimum has a coefficient exactly 0.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.

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


def _check_loss(loss: object) -> QuadraticLoss:
    if not isinstance(loss, QuadraticLoss):
        raise TypeError(f"loss must be a QuadraticLoss, got {type(loss).__name__}")
    return loss
