"""The constraint regions ``‖β‖₁ ≤ t`` (the diamond) and ``‖β‖₂ ≤ t`` (the disc), and their boundaries.

``t`` bounds the norm itself, so in two dimensions the diamond and the disc of the same ``t``
share their four tips ``(±t, 0)`` and ``(0, ±t)``.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

NORMS = ("l1", "l2")
"""The names of the two norms, ``"l1"`` (``‖β‖₁``, the diamond) and ``"l2"`` (``‖β‖₂``, the disc)."""

TIPS = np.array([(1.0, 0.0), (0.0, 1.0), (-1.0, 0.0), (0.0, -1.0)])
"""The tips of the two-dimensional diamond of budget 1, counter-clockwise from ``(1, 0)``."""
TIPS.flags.writeable = False


def size(beta: ArrayLike, norm: str) -> NDArray[np.float64]:
    """The L1 norm (``"l1"``) or Euclidean norm (``"l2"``) of each vector in ``beta`` (shape ``(..., p)``).

    Examples
    --------
    >>> size([3.0, -4.0], "l1"), size([3.0, -4.0], "l2")
    (np.float64(7.0), np.float64(5.0))
    """
    beta = np.asarray(beta, dtype=float)
    return np.abs(beta).sum(axis=-1) if norm == "l1" else np.sqrt((beta**2).sum(axis=-1))


def boundary(norm: str, t: float, theta: ArrayLike) -> NDArray[np.float64]:
    """The point of the region's boundary in each direction ``theta`` (radians): ``t·u/‖u‖``, ``u = (cos θ, sin θ)``.

    Examples
    --------
    >>> boundary("l1", 2.0, np.pi / 4).round(4)
    array([1., 1.])
    """
    theta = np.asarray(theta, dtype=float)
    u = np.stack([np.cos(theta), np.sin(theta)], axis=-1)
    return t * u / size(u, norm)[..., None]


def perpendicular(direction: ArrayLike) -> NDArray[np.float64]:
    """``direction`` turned by 90 degrees counter-clockwise (a two-dimensional vector)."""
    x, y = np.asarray(direction, dtype=float)
    return np.array([-y, x])
