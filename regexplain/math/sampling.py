"""Random quadratic losses: the test bench of the hard-constraint pictures and of the simulations.

Each loss is ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)``, i.e. a
:class:`~regexplain.QuadraticLoss` with hessian ``[[a, c/2], [c/2, b]]`` and center
``(c₁, c₂)``. Two families:

``"symmetric"``
    round bowls: ``a ~ U(0, 10)``, ``b = a``, ``c = 0``.
``"general"``
    tilted, elongated bowls: ``a, b ~ U(0, 10)``, ``c ~ U(−2, 2)``, positive definite only.

The minimum ``(c₁, c₂)`` is uniform in the square ``[−box, box]²`` and lies strictly outside the
constraint region of size ``t``, so that the constraint matters.

:func:`sample_quadratics` draws the same families as arrays, fast enough for thousands of
losses at once, in any number of coefficients, and adds a third family for the simulations:

``"taco"``
    axis-aligned troughs: ``c = 0`` and one of ``a, b`` (chosen at random) is ``0.1``, the
    other ``~ U(0, 10)``; the loss barely cares about one coefficient.
"""

import numpy as np
from numpy.typing import NDArray

from ._validate import check_choice, check_int, check_real
from .quadratic import QuadraticLoss
from .regions import NORMS, size

FAMILIES = ("symmetric", "general")
"""The loss families :func:`~regexplain.random_losses` draws from."""

_SCALE = 10.0  # a, b ~ U(0, _SCALE)
_TILT = 2.0  # c ~ U(−_TILT, _TILT)
_PD_MARGIN = 1e-9  # smallest eigenvalue, relative to the largest entry, for a bowl to count as one
_FLAT = 0.1  # curvature of the flat direction of a "taco" loss
_BATCH = 1024  # draws per round of rejection sampling

SAMPLED_FAMILIES = (*FAMILIES, "taco")
"""The loss families :func:`sample_quadratics` draws from."""


def random_losses(
    family: str, n: int, *, box: float = 10.0, t: float = 2.0, norm: str | None = None, seed: int = 0
) -> list[QuadraticLoss]:
    """Draw ``n`` random quadratic losses of two coefficients whose minimum is outside the region.

    Losses that are not positive definite, and minima inside the region, are rejected and
    drawn again, so the result is a sample from the family conditioned on both.

    Parameters
    ----------
    family : {"symmetric", "general"}
        ``"symmetric"``: round bowls (``b = a``, ``c = 0``); ``"general"``: tilted and
        elongated bowls (``a, b ~ U(0, 10)``, ``c ~ U(−2, 2)``).
    n : int
        Number of losses, at least 1.
    box : float, default 10.0
        Minima are uniform in ``[−box, box]²``.
    t : float, default 2.0
        Size of the region, which bounds the norm itself (``‖β‖ ≤ t``); it must be smaller
        than ``box``.
    norm : {"l1", "l2"} or None, default None
        Minima lie outside the diamond ``‖β‖₁ ≤ t`` (``"l1"``), the disc ``‖β‖₂ ≤ t``
        (``"l2"``), or, with ``None``, outside both (the disc contains the diamond), so the
        same losses can be drawn against either region.
    seed : int, default 0
        Seed of the random generator: the same arguments always give the same losses.

    Returns
    -------
    list of QuadraticLoss
        ``n`` losses with ``floor = 0``.

    Raises
    ------
    ValueError
        If ``family`` or ``norm`` is not one of the choices, ``n < 1``, ``seed < 0``, or
        ``box`` and ``t`` are not positive with ``t < box``.
    TypeError
        If ``n`` or ``seed`` is not an integer, or ``box`` or ``t`` not a real number.
    """
    family = check_choice(family, "family", FAMILIES)
    hessians, minima = sample_quadratics(family, n, box=box, t=t, norm=norm, seed=seed)
    return [QuadraticLoss(hessian, center) for hessian, center in zip(hessians, minima, strict=True)]


def check_box(box: float, t: float) -> None:
    """Require ``t < box``, so that a good share of the box lies outside the region.

    Then at least ``1 − π/4 ≈ 21%`` of the square ``[−box, box]²`` lies outside the disc (half of
    it outside the diamond), and rejection sampling of the minima ends quickly.
    """
    if t >= box:
        raise ValueError(f"t must be smaller than box so that minima outside the region exist, got t={t}, box={box}")


def sample_quadratics(
    family: str, n: int, *, p: int = 2, box: float = 10.0, t: float = 2.0, norm: str | None = None, seed: int = 0
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Draw ``n`` random quadratic losses as arrays: hessians and minima, vectorized.

    The families of :func:`~regexplain.random_losses`, plus ``"taco"``, generalized to ``p`` coefficients:

    ``"symmetric"``
        ``a·I`` with ``a ~ U(0, 10)``.
    ``"general"``
        diagonal entries ``~ U(0, 10)``, off-diagonal entries ``~ U(−1, 1)`` (that is ``c/2``
        with ``c ~ U(−2, 2)``), positive definite only.
    ``"taco"``
        diagonal, one coordinate (chosen at random) with curvature ``0.1``, the others
        ``~ U(0, 10)``.

    Draws come in vectorized rounds; rejected ones (not positive definite, minimum inside the
    region) are dropped and the next round tops the sample up. The same arguments always give
    the same arrays; :func:`~regexplain.random_losses` is this function for two coefficients, as
    :class:`~regexplain.QuadraticLoss` objects.

    Parameters
    ----------
    family : {"symmetric", "general", "taco"}
        The loss family.
    n : int
        Number of losses, at least 1.
    p : int, default 2
        Number of coefficients, at least 1.
    box : float, default 10.0
        Minima are uniform in ``[−box, box]ᵖ``.
    t : float, default 2.0
        Size of the region (``‖β‖ ≤ t``); it must be smaller than ``box``.
    norm : {"l1", "l2"} or None, default None
        Minima lie outside the cross-polytope ``‖β‖₁ ≤ t`` (``"l1"``), the ball ``‖β‖₂ ≤ t``
        (``"l2"``), or, with ``None``, outside both.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``.

    Returns
    -------
    hessians : ndarray, shape (n, p, p)
        Symmetric positive definite matrices ``H`` of the losses ``(β − c)ᵀH(β − c)``.
    minima : ndarray, shape (n, p)
        Their minima ``c``.

    Raises
    ------
    ValueError
        If an argument is out of range or not one of the choices, or ``t >= box``.
    TypeError
        If ``n``, ``p`` or ``seed`` is not an integer, or ``box`` or ``t`` not a real number.
    """
    family = check_choice(family, "family", SAMPLED_FAMILIES)
    n = check_int(n, "n", low=1)
    p = check_int(p, "p", low=1)
    box = check_real(box, "box", low=0.0, low_open=True)
    t = check_real(t, "t", low=0.0, low_open=True)
    if norm is not None:
        norm = check_choice(norm, "norm", NORMS)
    seed = check_int(seed, "seed", low=0)
    check_box(box, t)

    rng = np.random.default_rng(seed)
    hessians, minima, count = [], [], 0
    while count < n:
        # A fixed batch size, so that a longer draw starts with the shorter one.
        batch_h, batch_c = _draw(rng, family, _BATCH, p), rng.uniform(-box, box, size=(_BATCH, p))
        keep = _are_bowls(batch_h) & _are_outside(batch_c, t, norm)
        hessians.append(batch_h[keep])
        minima.append(batch_c[keep])
        count += int(keep.sum())
    return np.concatenate(hessians)[:n], np.concatenate(minima)[:n]


def _draw(rng: np.random.Generator, family: str, size: int, p: int) -> NDArray[np.float64]:
    """``size`` hessians of ``family``; every family consumes the same draws, in the same order."""
    diagonal = rng.uniform(0.0, _SCALE, size=(size, p))
    off = rng.uniform(-_TILT / 2.0, _TILT / 2.0, size=(size, p * (p - 1) // 2))
    flat = rng.integers(p, size=size)
    if family == "symmetric":
        diagonal = np.repeat(diagonal[:, :1], p, axis=1)
    elif family == "taco":
        diagonal[np.arange(size), flat] = _FLAT
    hessians = np.zeros((size, p, p))
    hessians[:, np.arange(p), np.arange(p)] = diagonal
    if family == "general":
        rows, cols = np.triu_indices(p, k=1)
        hessians[:, rows, cols] = off
        hessians[:, cols, rows] = off
    return hessians


def _are_bowls(hessians: NDArray[np.float64]) -> NDArray[np.bool_]:
    """Whether each matrix of a stack is positive definite, with a margin relative to its largest entry."""
    return np.linalg.eigvalsh(hessians)[:, 0] > _PD_MARGIN * np.abs(hessians).max(axis=(1, 2))


def _are_outside(minima: NDArray[np.float64], t: float, norm: str | None) -> NDArray[np.bool_]:
    """Whether each row lies outside the region (outside the disc, hence the diamond too, for ``norm=None``)."""
    return size(minima, norm or "l2") > t
