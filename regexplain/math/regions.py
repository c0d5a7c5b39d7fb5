"""The constraint regions ``‖β‖₁ ≤ t`` (the diamond), ``‖β‖₂ ≤ t`` (the disc), the elastic net's; their boundaries.

``t`` bounds the norm itself, so in two dimensions the diamond and the disc of the same ``t``
share their four tips ``(±t, 0)`` and ``(0, ±t)``. The elastic-net region of the same ``t`` is
``r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t²``, the level set of its penalty through those tips:
it lies between the diamond and the disc.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import check_choice, check_l1_share

NORMS = ("l1", "l2")
"""The names of the two norms, ``"l1"`` (``‖β‖₁``, the diamond) and ``"l2"`` (``‖β‖₂``, the disc)."""

ALL_NORMS = (*NORMS, "elastic_net")
""":data:`NORMS` and ``"elastic_net"`` (the region of ``r‖β‖₁ + (1 − r)‖β‖₂²``, which needs an ``l1_ratio`` r)."""

TIPS = np.array([(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)])
"""The tips of the two-dimensional diamond of budget 1, counter-clockwise from ``(1, 0)``."""
TIPS.flags.writeable = False


def l1_share(norm: str, l1_ratio: float | None = None) -> float:
    """The L1 share r of ``norm`` in :data:`ALL_NORMS`: 1 (``"l1"``), 0 (``"l2"``) or ``l1_ratio`` (``"elastic_net"``).

    Raises
    ------
    ValueError
        If ``norm`` is unknown, ``l1_ratio`` is missing for ``"elastic_net"``, given for the
        other two, or outside the open interval (0, 1).
    TypeError
        If ``l1_ratio`` is not a real number.
    """
    return check_l1_share(check_choice(norm, "norm", ALL_NORMS), l1_ratio, "norm")


def size(beta: ArrayLike, norm: str, l1_ratio: float | None = None) -> NDArray[np.float64]:
    """The size of each vector in ``beta`` (shape ``(..., p)``) in ``norm``: the ``t`` of the region it is on.

    ``"l1"``: ``‖β‖₁``; ``"l2"``: ``‖β‖₂``; ``"elastic_net"`` (with ``l1_ratio`` r): its tip size,
    the ``s ≥ 0`` with ``r·s + (1 − r)·s² = r‖β‖₁ + (1 − r)‖β‖₂²``, so that ``β`` is on the
    boundary of the elastic-net region whose tips are ``±s`` on each axis.

    Examples
    --------
    >>> size([3.0, -4.0], "l1"), size([3.0, -4.0], "l2")
    (np.float64(7.0), np.float64(5.0))
    >>> size([2.0, 0.0], "elastic_net", l1_ratio=0.5), size([1.0, 1.0], "elastic_net", l1_ratio=0.5)
    (np.float64(2.0), np.float64(1.5615528128088303))
    """
    r = l1_share(norm, l1_ratio)
    beta = np.asarray(beta, dtype=float)
    if r == 1.0:
        return np.abs(beta).sum(axis=-1)
    if r == 0.0:
        return np.sqrt((beta**2).sum(axis=-1))
    penalty = r * np.abs(beta).sum(axis=-1) + (1.0 - r) * (beta**2).sum(axis=-1)
    return _tip_size(penalty, r)


def boundary(norm: str, t: float, theta: ArrayLike, l1_ratio: float | None = None) -> NDArray[np.float64]:
    """The point of the region's boundary in each direction ``theta`` (radians): ``ρ·u`` with ``u = (cos θ, sin θ)``.

    For the diamond and the disc ``ρ = t/‖u‖``; for the elastic net ``ρ`` is the positive root
    of the quadratic ``(1 − r)ρ² + r‖u‖₁ρ = r·t + (1 − r)·t²``.

    Examples
    --------
    >>> boundary("l1", 2.0, np.pi / 4).round(4)
    array([1., 1.])
    >>> boundary("elastic_net", 2.0, [0.0, np.pi / 4], l1_ratio=0.5).round(4)
    array([[2.    , 0.    ],
           [1.3028, 1.3028]])
    """
    r = l1_share(norm, l1_ratio)
    theta = np.asarray(theta, dtype=float)
    u = np.stack([np.cos(theta), np.sin(theta)], axis=-1)
    if r in (0.0, 1.0):
        return t * u / size(u, norm)[..., None]
    level = r * t + (1.0 - r) * t * t
    linear = r * np.abs(u).sum(axis=-1)
    # ρ = 2K / (b + √(b² + 4aK)), the root without cancellation (a = 1 − r, b = r‖u‖₁, K = the level).
    radius = 2.0 * level / (linear + np.sqrt(linear * linear + 4.0 * (1.0 - r) * level))
    return radius[..., None] * u


def _tip_size(penalty: NDArray[np.float64], r: float) -> NDArray[np.float64]:
    """The root ``s ≥ 0`` of ``(1 − r)s² + r·s = penalty``, as ``2P / (r + √(r² + 4(1 − r)P))`` (no cancellation)."""
    return 2.0 * penalty / (r + np.sqrt(r * r + 4.0 * (1.0 - r) * penalty))


def perpendicular(direction: ArrayLike) -> NDArray[np.float64]:
    """``direction`` turned by 90 degrees counter-clockwise (a two-dimensional vector)."""
    x, y = np.asarray(direction, dtype=float)
    return np.array([-y, x])
