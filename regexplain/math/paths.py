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

_MAX_PIECES = 1000
_RTOL = 1e-12


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
    breakpoint is the smallest λ at which every coefficient is 0, ``2‖Hc‖∞``.

    Computed by following the path from λ = 0 (a homotopy): on each piece the next λ at which
    an active coefficient reaches 0, or an inactive one's optimality condition
    ``|2(Hc − Hβ)_j| ≤ λ`` would break, ends the piece.

    Parameters
    ----------
    loss : QuadraticLoss
        The loss.

    Returns
    -------
    numpy.ndarray
        The breakpoints, increasing; ``[0.0]`` if the loss's minimum is the origin.

    Raises
    ------
    RuntimeError
        If the path has more pieces than a loss of this size can plausibly have (not seen in practice).
    """
    loss = _check_loss(loss)
    hessian = loss.hessian
    q = hessian @ loss.center
    signs = np.sign(loss.center)  # 0 marks an inactive coefficient
    # At λ = 0 the minimum is the center. A zero coordinate of the center whose optimality
    # condition breaks for every λ > 0 (the loss's pull on it grows faster than λ) joins at once.
    while True:
        *_, b = _piece(hessian, q, signs)
        joining = np.flatnonzero((signs == 0.0) & (np.abs(b) > 1.0))
        if joining.size == 0:
            break
        signs[joining[0]] = np.sign(b[joining[0]])
    lam = 0.0
    breakpoints = []
    for _ in range(_MAX_PIECES):
        active = np.flatnonzero(signs)
        if active.size == 0:
            return np.array(breakpoints or [0.0])
        u, v, a, b = _piece(hessian, q, signs)
        events = []  # (λ, coefficient, its sign from then on)
        # An active coefficient reaches 0 only if it moves toward it: |β_j| shrinks when s_j·v_j > 0.
        with np.errstate(divide="ignore", invalid="ignore"):
            leave = np.where(signs[active] * v > 0.0, 2.0 * u / v, np.inf)
        events += [(lam_j, j, 0.0) for lam_j, j in zip(leave, active, strict=True)]
        for j in np.flatnonzero(signs == 0.0):
            for sign in (1.0, -1.0):
                # The pull a_j + λ·b_j reaches sign·λ from inside only if it grows faster: sign·b_j > 1.
                if sign * b[j] > 1.0:
                    events.append((a[j] / (sign - b[j]), j, sign))
        later = [event for event in events if np.isfinite(event[0]) and event[0] > lam * (1.0 + _RTOL)]
        if not later:
            raise RuntimeError(f"the L1 path of {loss!r} stopped at λ={lam} with active set {active.tolist()}")
        lam = min(event[0] for event in later)
        for lam_j, j, sign in later:
            if lam_j <= lam * (1.0 + _RTOL):
                signs[j] = sign
        if not signs.any():
            # The path ends at 0; take its λ from the closed form rather than the last division.
            lam = 2.0 * np.abs(q).max()
        breakpoints.append(float(lam))
    raise RuntimeError(f"the L1 path of {loss!r} has more than {_MAX_PIECES} pieces")


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


def _piece(hessian, q, signs):
    """One piece of the L1 path for the active set and signs in ``signs`` (0 = inactive).

    Returns u, v with ``β_A(λ) = u − (λ/2)v`` on the active set, and a, b with the loss's
    pull ``2(q − Hβ(λ)) = a + λb`` on every coefficient.
    """
    active = np.flatnonzero(signs)
    if active.size == 0:
        return np.zeros(0), np.zeros(0), 2.0 * q, np.zeros_like(q)
    block = hessian[np.ix_(active, active)]
    u = np.linalg.solve(block, q[active])
    v = np.linalg.solve(block, signs[active])
    return u, v, 2.0 * (q - hessian[:, active] @ u), hessian[:, active] @ v
