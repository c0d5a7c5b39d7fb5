"""Random two-coefficient quadratic losses, the test bench of the hard-constraint pictures.

Each loss is ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)``, i.e. a
:class:`~regexplain.QuadraticLoss` with hessian ``[[a, c/2], [c/2, b]]`` and center
``(c₁, c₂)``. Two families:

``"symmetric"``
    round bowls: ``a ~ U(0, 10)``, ``b = a``, ``c = 0``.
``"general"``
    tilted, elongated bowls: ``a, b ~ U(0, 10)``, ``c ~ U(−2, 2)``, positive definite only.

The minimum ``(c₁, c₂)`` is uniform in the square ``[−box, box]²`` and lies strictly outside the
constraint region of size ``t``, so that the constraint matters.
"""

import numpy as np

from ._validate import check_choice, check_int, check_real
from .quadratic import NORMS, QuadraticLoss

FAMILIES = ("symmetric", "general")
"""The loss families :func:`random_losses` draws from."""

_SCALE = 10.0  # a, b ~ U(0, _SCALE)
_TILT = 2.0  # c ~ U(−_TILT, _TILT)
_PD_MARGIN = 1e-9  # smallest eigenvalue, relative to the largest entry, for a bowl to count as one


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
    n = check_int(n, "n", low=1)
    box = check_real(box, "box", low=0.0, low_open=True)
    t = check_real(t, "t", low=0.0, low_open=True)
    if norm is not None:
        norm = check_choice(norm, "norm", NORMS)
    seed = check_int(seed, "seed", low=0)
    if t >= box:
        raise ValueError(f"t must be smaller than box so that minima outside the region exist, got t={t}, box={box}")

    rng = np.random.default_rng(seed)
    losses = []
    while len(losses) < n:
        a, b, c = _shape(rng, family)
        center = rng.uniform(-box, box, size=2)
        hessian = np.array([[a, c / 2.0], [c / 2.0, b]])
        if _is_bowl(hessian) and _outside(center, t, norm):
            losses.append(QuadraticLoss(hessian, center))
    return losses


def _shape(rng: np.random.Generator, family: str) -> tuple[float, float, float]:
    """The coefficients ``a, b, c`` of one draw (three uniforms for every family, in the same order)."""
    a, b, c = rng.uniform(0.0, _SCALE), rng.uniform(0.0, _SCALE), rng.uniform(-_TILT, _TILT)
    return (a, a, 0.0) if family == "symmetric" else (a, b, c)


def _is_bowl(hessian: np.ndarray) -> bool:
    """Positive definite with some margin: a bowl with a single minimum."""
    return bool(np.linalg.eigvalsh(hessian)[0] > _PD_MARGIN * np.abs(hessian).max())


def _outside(center: np.ndarray, t: float, norm: str | None) -> bool:
    """Strictly outside the region (its boundary belongs to it)."""
    size = np.abs(center).sum() if norm == "l1" else np.sqrt(center @ center)
    return bool(size > t)
