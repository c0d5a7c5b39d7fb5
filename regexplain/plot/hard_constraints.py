"""Figures of the chapter "Hard constraints": a loss minimized inside a diamond or a disc.

Every optimum drawn here is :meth:`regexplain.QuadraticLoss.constrained_minimum`; curves and
contours are only evaluated on grids around it. Every β₁–β₂ picture has an equal aspect ratio,
so a disc looks like a disc. The region of budget ``t`` is ``‖β‖₁ ≤ t`` (the diamond, L1) or
``‖β‖₂ ≤ t`` (the disc, L2): ``t`` bounds the norm itself, so both share their four tips.

The marker artists carry a ``gid`` so that tests can read the drawn points back:
``"unconstrained-minimum"``, ``"optimum-l1"``, ``"optimum-l2"`` (``"optimum"`` in one
dimension, where the two norms agree) and ``"boundary-minimum"``.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import ArrayLike, NDArray

from ..math._validate import check_choice
from ..math.hard_constraints import (
    BOWL_LOSS,
    BOWL_T,
    GRID_BOX,
    GRID_SEED,
    GRID_T,
    TILTED_LOSS,
    TILTED_T,
    WALK_SAMPLES,
    WALL_LOSS,
    WALL_T,
    angle_degrees,
    grid_losses,
    walk,
)
from ..math.quadratic import QuadraticLoss
from ..math.regions import NORMS, boundary, size
from ..math.sampling import FAMILIES
from . import _plane as plane
from .style import AXIS_TEX, AXIS_WORDS, COLORS, NORM_STYLES, SINGLE, describe, figure_function, fmt, fmt_point, mark

# β₁–β₂ pictures are square (equal aspect); the width stays that of every other figure.
SQUARE = (6.4, 6.6)
GRID = (6.4, 7.0)

BOUNDARY_MINIMUM_GID = "boundary-minimum"


@figure_function
def wall_1d(loss: QuadraticLoss = WALL_LOSS, t: float = WALL_T) -> Figure:
    """A one-coefficient loss with the constraint ``|β| ≤ t``: the optimum stops at the wall.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.hard_constraints.WALL_LOSS`
        A loss of one coefficient.
    t : float, default :data:`~regexplain.math.hard_constraints.WALL_T`
        The budget; with one coefficient the L1 and L2 norms are both ``|β|``.
    """
    plane.check_loss(loss, 1)
    center = float(loss.center[0])
    beta_star = float(loss.constrained_minimum("l1", t)[0])
    loss_star = float(loss(np.array([beta_star])))
    grid = np.linspace(min(-t, center) - 1.5, max(t, center) + 1.5, 601)
    curve = loss(grid[:, None])
    inside = np.abs(grid) <= t

    fig, ax = plt.subplots(figsize=(SINGLE[0], SINGLE[1] + 1.0))
    ax.axvspan(-t, t, color=COLORS["guide"], alpha=0.18, lw=0, label=f"allowed: |β| ≤ {fmt(t)}")
    for side in (-t, t):
        ax.axvline(side, color=COLORS["loss"], lw=3.5, solid_capstyle="butt")
        ax.annotate(
            "wall",
            (side, curve.max() * 0.8),
            xytext=(-8 if side > 0 else 8, 0),
            textcoords="offset points",
            rotation=90,
            ha="center",
            va="center",
            fontsize=11,
        )
    ax.plot(grid, curve, color=COLORS["loss"], lw=1.4, ls="--", label="loss, not allowed")
    ax.plot(grid[inside], curve[inside], color=COLORS["loss"], label="loss, allowed")
    plane.mark_minimum(ax, center, loss.floor, label=f"unconstrained minimum: β = {fmt(center)}")
    plane.mark_optimum(ax, beta_star, loss_star, norm=None, label=f"constrained optimum: β = {fmt(beta_star)}")
    ax.set(xlabel="coefficient β", ylabel="loss", title=f"Minimize the loss subject to |β| ≤ {fmt(t)}")
    ax.set_ylim(bottom=loss.floor - 0.05 * (curve.max() - loss.floor))
    fig.legend(loc="outside lower center", ncols=2, fontsize=11)
    at_wall = abs(beta_star) == t
    where = (
        f"""is at β = {fmt(beta_star)}, exactly on the wall, where the loss is {fmt(loss_star)}:
        walking from the wall toward the minimum is not allowed, walking away from it only
        raises the loss"""
        if at_wall
        else f"is the unconstrained minimum itself, β = {fmt(beta_star)}, which is already allowed"
    )
    return describe(
        fig,
        f"""A parabola: the loss as a function of a single coefficient β, lowest at
        β = {fmt(center)}. A shaded band from −{fmt(t)} to {fmt(t)} marks the allowed values,
        |β| ≤ {fmt(t)}, with a thick vertical wall at each end; the curve is solid inside the
        band and dashed outside. The unconstrained minimum (an open circle) is at
        β = {fmt(center)}{", outside the band" if at_wall else ""}. The best allowed point (a
        filled dot) {where}.""",
    )


@figure_function
def fenced_bowl_3d(
    loss: QuadraticLoss = BOWL_LOSS, t: float = BOWL_T, *, elev: float = 28.0, azim: float = -115.0
) -> Figure:
    """A loss bowl in 3-D with a circular fence ``‖β‖₂ ≤ t`` around the origin.

    The fence stands on the disc's boundary; its top rail runs along the bowl, so the rail's
    lowest point is the constrained optimum. The bowl is drawn up to the loss at the origin.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.hard_constraints.BOWL_LOSS`
        A loss of two coefficients.
    t : float, default :data:`~regexplain.math.hard_constraints.BOWL_T`
        Radius of the fence.
    elev, azim : float
        Viewing angles in degrees, as in matplotlib's ``Axes3D.view_init``.
    """
    plane.check_loss(loss, 2)
    center, floor = loss.center, loss.floor
    beta_star = loss.constrained_minimum("l2", t)
    loss_star = float(loss(beta_star))
    fence = boundary("l2", t, plane.OUTLINE)
    rail = loss(fence)
    rim = float(rail.max()) * 1.02

    fig = plt.figure(figsize=(6.4, 5.6))
    ax = fig.add_subplot(projection="3d", computed_zorder=False)
    b1, b2, height = _bowl_surface(loss, rim)
    ax.plot_surface(b1, b2, height, color="#d9d9d9", alpha=0.35, linewidth=0, shade=True, zorder=1)
    ax.plot_wireframe(b1, b2, height, color="#a6a6a6", linewidth=0.4, rstride=6, cstride=8, zorder=1)

    ax.plot(*fence.T, np.full(plane.OUTLINE.size, floor), color=NORM_STYLES["l2"].color, lw=1.6, zorder=2)
    for post in fence[::30]:
        ax.plot([post[0]] * 2, [post[1]] * 2, [floor, float(loss(post))], color=NORM_STYLES["l2"].color, lw=1.0)
    ax.plot(
        *fence.T,
        rail,
        color=NORM_STYLES["l2"].color,
        lw=2.6,
        zorder=3,
        label=f"fence {NORM_STYLES['l2'].norm_tex} = {fmt(t)}",
    )
    ax.plot([beta_star[0]] * 2, [beta_star[1]] * 2, [floor, loss_star], color=NORM_STYLES["l2"].color, lw=1.2, ls=":")
    plane.mark_minimum(ax, *center, floor, label=f"unconstrained minimum ({fmt(center[0])}, {fmt(center[1])})")
    plane.mark_optimum(
        ax, *beta_star, loss_star, norm="l2", label=f"best point inside: ({fmt(beta_star[0])}, {fmt(beta_star[1])})"
    )

    span = plane.square_limits(np.concatenate([np.stack([b1, b2], axis=-1).reshape(-1, 2), fence]), margin=0.02)
    ax.set(xlim=span[0], ylim=span[1], zlim=(floor, rim), xlabel=AXIS_TEX[0], ylabel=AXIS_TEX[1])
    ax.set_zlabel("loss", labelpad=10)
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_major_locator(MaxNLocator(5))
    ax.set_box_aspect((1.0, 1.0, 0.75))
    ax.view_init(elev=elev, azim=azim)
    ax.set_title(f"A loss bowl fenced in by {NORM_STYLES['l2'].norm_tex} ≤ {fmt(t)}")
    fig.legend(loc="outside lower center", ncols=1, fontsize=11)
    inside = np.linalg.norm(center) <= t
    return describe(
        fig,
        f"""A 3-D view of the loss as a grey bowl over the plane of two coefficients β₁ and β₂,
        its lowest point (an open circle) at ({fmt(center[0])}, {fmt(center[1])}) with loss
        {fmt(floor)}. A {NORM_STYLES["l2"].color_name} circular fence of radius {fmt(t)} stands around the origin; its
        top rail follows the bowl's surface, rising on the far side of the origin and dipping
        on the side facing the minimum. {_bowl_sentence(beta_star, loss_star, inside)}""",
    )


@figure_function
def diamond_and_circle(loss: QuadraticLoss = TILTED_LOSS, t: float = TILTED_T) -> Figure:
    """Loss contours with the diamond and the disc of the same budget and both exact optima.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.hard_constraints.TILTED_LOSS`
        A loss of two coefficients.
    t : float, default :data:`~regexplain.math.hard_constraints.TILTED_T`
        The budget of both regions, ``‖β‖₁ ≤ t`` and ``‖β‖₂ ≤ t``.
    """
    plane.check_loss(loss, 2)
    optima = {norm: loss.constrained_minimum(norm, t) for norm in NORMS}
    lims = plane.square_limits([(t, t), (-t, -t), loss.center, *optima.values()], margin=0.15)

    fig, ax = plt.subplots(figsize=SQUARE)
    plane.draw_contours(ax, loss, plane.optimum_levels(loss, optima["l2"], "l2", t), lims, linewidths=1.0)
    plane.mark_minimum(ax, *loss.center, label=f"unconstrained minimum {fmt_point(loss.center)}")
    for norm in NORMS:
        plane.draw_region(ax, norm, t, fill=False)  # two overlapping fills would mix into a third colour
        plane.draw_optimum_contour(ax, loss, optima[norm], norm, lims)
        plane.mark_optimum(
            ax, *optima[norm], norm=norm, label=f"{NORM_STYLES[norm].label} optimum {fmt_point(optima[norm])}"
        )
    plane.frame(ax, lims)
    ax.set_title(f"The diamond and the disc of the same budget t = {fmt(t)}")
    fig.legend(*_l1_then_l2(ax), loc="outside lower center", ncols=2, fontsize=10)
    lines = [
        f"""The {NORM_STYLES[norm].region} {NORM_STYLES[norm].label} optimum is at {fmt_point(optima[norm])},
        {_zero_words(optima[norm], norm, t)}, where the loss is {fmt(float(loss(optima[norm])))}."""
        for norm in NORMS
    ]
    outside = [norm for norm in NORMS if size(loss.center, norm) > t]
    where = {2: "outside both regions", 1: "inside the disc but outside the diamond", 0: "inside both regions"}
    touching = (
        "A dashed contour in the colour of each region passes through its optimum and touches the region there."
        if outside
        else ""
    )
    return describe(
        fig,
        f"""The plane of two coefficients β₁ (across) and β₂ (up), drawn to scale. Grey
        ellipses are contours of the loss, centred on its minimum (an open circle) at
        {fmt_point(loss.center)}, {where[len(outside)]}. Around the origin are
        {NORM_STYLES["l1"].color_name} diamond, |β₁| + |β₂| ≤ {fmt(t)}, and a {NORM_STYLES["l2"].color_name}
        disc of radius {fmt(t)}; they share their
        four tips on the axes. {" ".join(lines)} {touching}""",
    )


@figure_function
def constraint_grid(
    norm: str = "l1", family: str = "symmetric", *, seed: int = GRID_SEED, t: float = GRID_T, box: float = GRID_BOX
) -> Figure:
    """Four random losses in a 2×2 grid, each against the same region, with its exact optimum.

    The losses are :func:`~regexplain.math.hard_constraints.grid_losses`: their minima lie
    outside both regions, so the same seed gives the same four losses for the diamond and the disc.
    Each panel's title says whether a coefficient of the optimum is exactly zero.

    Parameters
    ----------
    norm : {"l1", "l2"}, default "l1"
        The region: the diamond ``‖β‖₁ ≤ t`` or the disc ``‖β‖₂ ≤ t``.
    family : {"symmetric", "general"}, default "symmetric"
        Round bowls, or tilted and elongated ones.
    seed : int, default :data:`~regexplain.math.hard_constraints.GRID_SEED`
        Seed of the losses.
    t : float, default :data:`~regexplain.math.hard_constraints.GRID_T`
        The budget.
    box : float, default :data:`~regexplain.math.hard_constraints.GRID_BOX`
        The minima are uniform in ``[−box, box]²``; every panel shows that square.
    """
    norm = check_choice(norm, "norm", NORMS)
    family = check_choice(family, "family", FAMILIES)
    losses = grid_losses(family, seed=seed, t=t, box=box)
    fig, axes = plt.subplots(2, 2, figsize=GRID, sharex=True, sharey=True)
    lims = ((-box * 1.05, box * 1.05),) * 2
    ticks = (-box / 2, 0.0, box / 2)  # ±box would collide between neighbouring panels
    summaries = []
    for number, (ax, loss) in enumerate(zip(axes.flat, losses, strict=True), start=1):
        beta_star = loss.constrained_minimum(norm, t)
        plane.draw_contours(ax, loss, plane.optimum_levels(loss, beta_star, norm, t), lims, linewidths=0.9)
        plane.draw_optimum_contour(ax, loss, beta_star, norm, lims)
        plane.draw_region(ax, norm, t, label=False)
        ax.plot(*np.array([loss.center, beta_star]).T, color=NORM_STYLES[norm].color, lw=1.4, zorder=4)
        plane.mark_minimum(ax, *loss.center, label=None)
        plane.mark_optimum(ax, *beta_star, norm=norm, label=None, markersize=7)
        plane.frame(ax, lims, labels=False)
        ax.set(xticks=ticks, yticks=ticks)
        ax.set_title(panel_title(beta_star), fontsize=12)
        summaries.append(f"Panel {number}: minimum at {fmt_point(loss.center)}, optimum at {fmt_point(beta_star)}.")
    for ax in axes[1]:
        ax.set_xlabel(AXIS_TEX[0])
    for ax in axes[:, 0]:
        ax.set_ylabel(AXIS_TEX[1])
    zeros = sum(bool(np.any(loss.constrained_minimum(norm, t) == 0.0)) for loss in losses)
    fig.suptitle(f"Four {family} losses against the {NORM_STYLES[norm].region} {NORM_STYLES[norm].norm_tex} ≤ {fmt(t)}")
    return describe(
        fig,
        f"""Four panels, each the plane of β₁ and β₂ from −{fmt(box)} to {fmt(box)}, drawn to
        scale, with the same small {NORM_STYLES[norm].region} of budget {fmt(t)} at the centre and
        one random {family} loss ({"round" if family == "symmetric" else "tilted, elongated"}
        contours around its minimum, an open circle). A line joins each minimum to its exact
        constrained optimum on the {NORM_STYLES[norm].region}'s edge, and a coloured contour passes
        through that optimum. In {zeros} of the 4 panels a coefficient of the optimum is
        exactly zero. {" ".join(summaries)}""",
    )


@figure_function
def walk_the_boundary(loss: QuadraticLoss = TILTED_LOSS, norm: str = "l2", t: float = TILTED_T) -> Figure:
    """Walk around the region's boundary and find where on it the loss is least.

    Top: the region with angle marks on its boundary. Bottom: the loss at the boundary point
    in the direction θ, ``t·u/‖u‖`` with ``u = (cos θ, sin θ)`` (for the disc, ``t·u``), on a
    fine grid of θ; the marked minimum is the exact constrained optimum, not the grid's best.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.hard_constraints.TILTED_LOSS`
        A loss of two coefficients.
    norm : {"l1", "l2"}, default "l2"
        The region: the diamond or the disc.
    t : float, default :data:`~regexplain.math.hard_constraints.TILTED_T`
        The budget.
    """
    plane.check_loss(loss, 2)
    norm = check_choice(norm, "norm", NORMS)
    beta_star = loss.constrained_minimum(norm, t)
    loss_star = float(loss(beta_star))
    inside = size(loss.center, norm) <= t
    theta_star = angle_degrees(beta_star)

    fig, (ax_plane, ax_walk) = plt.subplots(2, 1, figsize=(6.4, 9.8), height_ratios=(1.45, 1.0))
    lims = plane.square_limits([(t, t), (-t, -t), loss.center], margin=0.12)
    plane.draw_contours(ax_plane, loss, plane.optimum_levels(loss, beta_star, norm, t), lims, linewidths=1.0)
    plane.draw_optimum_contour(ax_plane, loss, beta_star, norm, lims)
    plane.draw_region(ax_plane, norm, t)
    _draw_angle_marks(ax_plane, norm, t)
    plane.mark_minimum(ax_plane, *loss.center)
    plane.mark_optimum(ax_plane, *beta_star, norm=norm, label=f"exact optimum {fmt_point(beta_star)}")
    plane.frame(ax_plane, lims)
    ax_plane.set_title(f"Walk around the {NORM_STYLES[norm].region} {NORM_STYLES[norm].norm_tex} = {fmt(t)}")
    ax_plane.plot(*np.array([(0.0, 0.0), beta_star]).T, color=NORM_STYLES[norm].color, lw=1.0, ls=":", zorder=4)
    ax_plane.legend(loc="upper center", bbox_to_anchor=(0.5, -0.14), ncols=2, fontsize=10)

    degrees, losses = walk(loss, norm, t, WALK_SAMPLES)
    ax_walk.plot(degrees, losses, color=NORM_STYLES[norm].color, label="loss on the boundary")
    for axis_angle in range(-180, 181, 90):
        ax_walk.axvline(axis_angle, color=COLORS["guide"], lw=1.0, ls=":")
    if inside:
        ax_walk.axhline(loss_star, color=COLORS["loss"], ls="--", lw=1.5, label="loss at the minimum, inside")
    else:
        mark(
            ax_walk,
            theta_star,
            loss_star,
            color=NORM_STYLES[norm].color,
            label=f"least: θ = {fmt(theta_star)}°, loss {fmt(loss_star)}",
            gid=BOUNDARY_MINIMUM_GID,
        )
    ax_walk.set_xticks(range(-180, 181, 90), [f"{d}".replace("-", "−") for d in range(-180, 181, 90)])
    on_axes = ax_walk.secondary_xaxis("top")
    on_axes.set_xticks(range(-180, 181, 90), ["β₂ = 0", "β₁ = 0", "β₂ = 0", "β₁ = 0", "β₂ = 0"], fontsize=10)
    ax_walk.set(
        xlim=(-180, 180),
        xlabel="position on the boundary: angle θ (degrees)",
        ylabel="loss",
        title="The loss along the walk",
    )
    ax_walk.legend(loc="upper center", fontsize=11)
    return describe(fig, _walk_text(loss, norm, t, beta_star, loss_star, theta_star, losses, inside))


def panel_title(beta: ArrayLike) -> str:
    """The title of a grid panel: which coefficient of the optimum ``beta`` is exactly zero."""
    zero = [name for name, value in zip(AXIS_WORDS, np.asarray(beta), strict=True) if value == 0.0]
    return f"{' and '.join(zero)} = 0 exactly" if zero else "no coefficient is 0"


# -- drawing helpers ------------------------------------------------------------------------


def _l1_then_l2(ax) -> tuple[list, list[str]]:
    """Legend entries in two columns: the L1 ones and the unconstrained minimum, then the L2 ones."""
    handles, labels = ax.get_legend_handles_labels()

    def column(label: str) -> int:
        return 0 if ("L1" in label or NORM_STYLES["l1"].region in label) else 1 if "unconstrained" in label else 2

    order = sorted(range(len(labels)), key=lambda i: column(labels[i]))
    return [handles[i] for i in order], [labels[i] for i in order]


def _draw_angle_marks(ax, norm: str, t: float) -> None:
    """Small ticks every 30° on the boundary, labelled at the four axis directions."""
    for degrees in range(-150, 181, 30):
        spot = boundary(norm, t, np.radians(degrees))
        ax.plot(*spot, "o", color=NORM_STYLES[norm].color, markersize=4, zorder=4)
        if degrees % 90 == 0:
            offset = 16 * np.array([np.cos(np.radians(degrees)), np.sin(np.radians(degrees))])
            ax.annotate(
                f"{degrees}°".replace("-", "−"),
                spot,
                xytext=offset,
                textcoords="offset points",
                ha="center",
                va="center",
                fontsize=10,
            )


def _bowl_surface(loss: QuadraticLoss, rim: float):
    """The bowl up to the level ``rim``, on a grid that follows its elliptical contours."""
    eigenvalues, eigenvectors = np.linalg.eigh(loss.hessian)
    radius, angle = np.meshgrid(np.linspace(0.0, np.sqrt(rim - loss.floor), 31), np.linspace(0, 2 * np.pi, 97))
    unit = np.stack([np.cos(angle), np.sin(angle)], axis=-1) / np.sqrt(eigenvalues)
    points = loss.center + radius[..., None] * (unit @ eigenvectors.T)
    return points[..., 0], points[..., 1], loss(points)


def _zero_words(beta: NDArray[np.float64], norm: str, t: float) -> str:
    zero = [name for name, value in zip(AXIS_WORDS, beta, strict=True) if value == 0.0]
    if not zero:
        return "off the axes: no coefficient is zero"
    place = "a tip of the diamond" if norm == "l1" and np.isclose(np.abs(beta).sum(), t) else "on an axis"
    return f"{place}: {' and '.join(zero)} {'is' if len(zero) == 1 else 'are'} exactly zero"


def _bowl_sentence(beta_star: NDArray[np.float64], loss_star: float, inside: bool) -> str:
    if inside:
        return f"The minimum is inside the fence, so it is also the constrained optimum, {fmt_point(beta_star)}."
    return f"""The lowest point of the rail, a {NORM_STYLES["l2"].color_name} dot on the fence at
    {fmt_point(beta_star)} with
        loss {fmt(loss_star)}, is the best point the fence allows: the constrained optimum."""


def _walk_text(loss, norm, t, beta_star, loss_star, theta_star, losses, inside) -> str:
    region = NORM_STYLES[norm].region
    top = f"""Two panels. Top: the plane of β₁ and β₂, drawn to scale, with grey contours of the
        loss around its minimum (an open circle) at {fmt_point(loss.center)}, and the
        {region} of budget {fmt(t)} with small marks every 30 degrees along its edge, labelled
        at 0, 90, 180 and −90 degrees."""
    if inside:
        return f"""{top} The minimum is inside the {region}, so it is the answer and no walk is
            needed. Bottom: the loss along the boundary as a function of the angle θ from −180
            to 180 degrees, everywhere above the dashed line at the minimum's loss
            {fmt(loss_star)}."""
    kinks = " It has corners at the diamond's tips, at multiples of 90 degrees." if norm == "l1" else ""
    return f"""{top} The exact constrained optimum, a filled dot, is on the edge at
        {fmt_point(beta_star)}, at angle {fmt(theta_star)} degrees. Bottom: the loss at each point
        of the edge as a function of the angle θ from −180 to 180 degrees, from
        {fmt(float(losses.min()))} to {fmt(float(losses.max()))}.{kinks} Its lowest point, marked, is
        at θ = {fmt(theta_star)} degrees with loss {fmt(loss_star)}: the same point as the
        optimum above."""
