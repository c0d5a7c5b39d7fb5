"""The drawing kit of the β₁–β₂ plane, shared by the chapters' figures (private).

Regions, contours and their levels, the plane's axes (to scale), limits, markers, and the one
check of a loss argument. Markers carry a ``gid`` so that tests can read the drawn points back:
:data:`MINIMUM_GID` for the unconstrained minimum and ``"optimum-<norm>"`` for an optimum.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ..math.quadratic import QuadraticLoss
from ..math.regions import boundary
from .style import AXIS_TEX, COLORS, NORM_STYLES, fmt, mark

MINIMUM_GID = "unconstrained-minimum"
CONTOUR_COLOR = "#b3b3b3"
OUTLINE = np.linspace(-np.pi, np.pi, 721)
"""Angles at which a region's outline is drawn (its tips are among them)."""


def check_loss(loss: object, p: int = 2) -> QuadraticLoss:
    """Return ``loss`` if it is a :class:`~regexplain.QuadraticLoss` of ``p`` coefficients; else raise.

    Raises
    ------
    TypeError
        If ``loss`` is not a QuadraticLoss.
    ValueError
        If it has another number of coefficients.
    """
    if not isinstance(loss, QuadraticLoss):
        raise TypeError(f"loss must be a regexplain.QuadraticLoss, got {type(loss).__name__}")
    if loss.p != p:
        raise ValueError(f"loss must have {p} coefficient{'s' if p > 1 else ''}, got {loss.p}")
    return loss


def optimum_gid(norm: str | None) -> str:
    """The ``gid`` of the marker of an optimum for ``norm`` (None: one dimension, where the norms agree)."""
    return "optimum" if norm is None else f"optimum-{norm}"


PLANE_LABEL = "beta-plane"
"""The label of every axes drawn by :func:`frame`, so that tests can find the β₁–β₂ planes."""


def frame(ax, lims, *, labels: bool = True, title: str | None = None) -> None:
    """Axes of the β₁–β₂ plane: to scale, with the coordinate axes drawn through the origin."""
    ax.set_label(PLANE_LABEL)
    ax.axhline(0.0, color="black", lw=0.8, zorder=1.6)  # above the grid (1.5), below the contours (2)
    ax.axvline(0.0, color="black", lw=0.8, zorder=1.6)
    ax.set(xlim=lims[0], ylim=lims[1])
    ax.set_aspect("equal", adjustable="box")
    if labels:
        ax.set(xlabel=AXIS_TEX[0], ylabel=AXIS_TEX[1])
    if title is not None:
        ax.set_title(title)


def square_limits(points: ArrayLike, margin: float) -> tuple[tuple[float, float], tuple[float, float]]:
    """Square limits around ``points``, widened by ``margin`` (a fraction of the side)."""
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    low, high = points.min(axis=0), points.max(axis=0)
    middle, half = (low + high) / 2.0, (high - low).max() / 2.0 * (1.0 + 2.0 * margin)
    return (middle[0] - half, middle[0] + half), (middle[1] - half, middle[1] + half)


def window(loss: QuadraticLoss, margin: float = 0.25) -> tuple[tuple[float, float], tuple[float, float]]:
    """Limits that hold the origin and the loss's minimum, padded by ``margin`` of the larger span."""
    low, high = np.minimum(loss.center, 0.0), np.maximum(loss.center, 0.0)
    pad = margin * (high - low).max()
    return (low[0] - pad, high[0] + pad), (low[1] - pad, high[1] + pad)


def mesh(lims, n: int) -> tuple[NDArray[np.float64], NDArray[np.float64], NDArray[np.float64]]:
    """A grid over the limits: ``B1, B2`` of shape (n, n) and the points β of shape (n, n, 2)."""
    (x0, x1), (y0, y1) = lims
    b1, b2 = np.meshgrid(np.linspace(x0, x1, n), np.linspace(y0, y1, n))
    return b1, b2, np.stack([b1, b2], axis=-1)


def levels(low: float, reference: float, steps: ArrayLike) -> NDArray[np.float64]:
    """Contour levels ``low + (reference − low)·s²``: evenly spaced in distance from a bowl's minimum.

    A step of 1 is the contour at ``reference``; a quadratic's contours at these levels are
    ellipses whose sizes grow in proportion to the steps.
    """
    return low + (reference - low) * np.sort(np.asarray(steps, dtype=float)) ** 2


def optimum_levels(
    loss: QuadraticLoss, beta: NDArray[np.float64], norm: str, t: float, count: int = 9, through: int = 3
) -> NDArray[np.float64]:
    """Background contour levels of a constrained picture, evenly spaced in distance from the minimum.

    The ``through``-th contour would pass through the optimum ``beta`` (it is left out: the
    optimum's own contour is drawn in colour). When the optimum is the minimum itself, the
    spacing is taken from the region's outline instead, a drawing choice only.
    """
    reference = float(loss(beta))
    if reference <= loss.floor:
        reference = float(loss(boundary(norm, t, OUTLINE)).min())
    steps = np.arange(1, count + 1)
    return levels(loss.floor, reference, steps[steps != through] / through)


def draw_region(ax, norm: str, t: float, *, label: bool = True, fill: bool = True) -> None:
    """The diamond or the disc of budget ``t``: its outline in the norm's colour, lightly filled."""
    style = NORM_STYLES[norm]
    outline = boundary(norm, t, OUTLINE)
    if fill:
        ax.fill(*outline.T, color=style.color, alpha=0.14, lw=0, zorder=1)
    name = f"{style.region} {style.norm_tex} ≤ {fmt(t)}" if label else None
    ax.plot(*outline.T, color=style.color, lw=2.2, zorder=3, label=name, gid=f"region-{norm}")


def draw_contours(ax, loss: QuadraticLoss, values: ArrayLike, lims, *, n: int = 401, **kwargs):
    """Contours of ``loss`` at the levels ``values`` over the limits (light grey unless ``colors`` is given)."""
    b1, b2, points = mesh(lims, n)
    kwargs.setdefault("zorder", 2)
    kwargs.setdefault("colors", CONTOUR_COLOR)
    return ax.contour(b1, b2, loss(points), levels=np.sort(np.atleast_1d(values)), **kwargs)


def draw_optimum_contour(ax, loss: QuadraticLoss, beta: NDArray[np.float64], norm: str, lims) -> None:
    """The contour through the optimum (dashed, in the norm's colour), unless it is the minimum itself."""
    level = float(loss(beta))
    color = NORM_STYLES[norm].color
    if level > loss.floor:
        draw_contours(ax, loss, [level], lims, colors=color, linewidths=1.6, linestyles="--")
        ax.plot([], [], color=color, lw=1.6, ls="--", label=f"contour through the {norm.upper()} optimum")


def mark_minimum(ax, *point: float, label: str | None = "unconstrained minimum") -> None:
    """The unconstrained minimum: an open circle (it is the answer only if it is allowed)."""
    ax.plot(
        *([value] for value in point),
        "o",
        markersize=11,
        markerfacecolor="white",
        markeredgecolor=COLORS["loss"],
        markeredgewidth=2.2,
        zorder=4.5,  # under an optimum that coincides with it
        label=label,
        gid=MINIMUM_GID,
    )


def mark_optimum(ax, *point: float, norm: str | None, label: str | None = None, **kwargs) -> None:
    """An exact optimum: a filled dot in the norm's colour (dark in one dimension), ``gid`` :func:`optimum_gid`."""
    color = COLORS["loss"] if norm is None else NORM_STYLES[norm].color
    kwargs.setdefault("gid", optimum_gid(norm))
    mark(ax, *point, color=color, label=label, **kwargs)
