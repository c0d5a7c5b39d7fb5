"""Figures of the chapter "Soft constraints": a penalty bowl added to the loss bowl, and where their minimum goes.

Every minimum drawn here comes from :class:`regexplain.QuadraticLoss` (through
:mod:`regexplain.math.paths`). Marked minima carry a ``gid`` so that tests can find them:
``"penalized-minimum@<λ>"`` (with ``repr(λ)``), ``"unconstrained-minimum"`` and
``"minimum-path"`` (the path as a line).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator
from numpy.typing import ArrayLike

from ..math._validate import as_float_array, check_choice, check_real
from ..math.paths import first_zero_lambda, l1_breakpoints, l2_turning_points, penalized_path
from ..math.penalties import PENALTIES
from ..math.quadratic import QuadraticLoss
from ..math.regions import NORMS
from ..math.soft_constraints import PULL_LAM, PULL_POINT, ROUND, ROUND_LAM, ROUND_STEPS, TILTED, pull
from . import _plane as plane
from .style import (
    AXIS_TEX,
    AXIS_WORDS,
    COLORS,
    NORM_STYLES,
    SINGLE,
    STACKED,
    big,
    describe,
    figure_function,
    fmt,
    fmt_point,
)

_LOSS_SURFACE = "#b3b3b3"
_LABEL_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1.5}
_CONTOUR_RINGS = 6
_GRID = 81


def _label(lam: float) -> str:
    return f"λ = {fmt(lam)}"


def _objective(loss: QuadraticLoss, norm: str, lam: float, beta: ArrayLike):
    """``loss + λ·P`` at the points ``beta`` (shape ``(..., 2)``)."""
    return loss(beta) + lam * PENALTIES[norm].value(beta)


def _rings(Z: np.ndarray, low: float, loss: QuadraticLoss) -> np.ndarray:
    """Contour plane.levels of ``Z`` above its minimum value ``low``, evenly spaced in distance.

    The last ring passes through the origin, where every penalty is 0 and so every penalized
    bowl has the loss's height; when the minimum is the origin itself, the rings reach halfway
    up the plane.window instead.
    """
    through = float(loss(np.zeros(2)))
    if through <= low * (1.0 + 1e-9):
        through = low + 0.5 * (float(Z.max()) - low)
    return plane.levels(low, through, np.arange(1, _CONTOUR_RINGS + 1) / _CONTOUR_RINGS)


def _legend_below(ax) -> None:
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.2), ncols=2, handlelength=1.5, columnspacing=1.2)


def _mark_minimum(ax, beta, norm: str, lam: float, *point_z: float, **kwargs) -> None:
    """The penalized minimum at ``lam`` (at height ``point_z`` in 3-D), with the gid the tests look for."""
    plane.mark_optimum(ax, *beta, *point_z, norm=norm, gid=f"penalized-minimum@{lam!r}", zorder=10, **kwargs)


def _surface(ax, X, Y, Z, color: str, *, alpha: float) -> None:
    ax.plot_surface(X, Y, Z, color=color, alpha=alpha, rstride=4, cstride=4, linewidth=0.3, edgecolor="white")


def _bowl_axes(
    ax, xlim, ylim, *, title: str, zlabel: str = "loss + penalty", zlim: tuple[float, float] | None = None
) -> None:
    """A 3-D bowl's axes: the coefficient axes drawn on the floor, equal scales in β₁ and β₂, one fixed view."""
    ax.plot(xlim, [0.0, 0.0], [0.0, 0.0], color="black", lw=0.8, zorder=0.5)  # below the surfaces
    ax.plot([0.0, 0.0], ylim, [0.0, 0.0], color="black", lw=0.8, zorder=0.5)
    ax.set(xlim=xlim, ylim=ylim)
    ax.set_zlim(*(zlim or (0.0, None)))
    ax.set_xlabel(AXIS_TEX[0], labelpad=6)
    ax.set_ylabel(AXIS_TEX[1], labelpad=12)
    ax.set_zlabel(zlabel, labelpad=10)
    ax.zaxis.set_tick_params(pad=6)
    ax.set_title(title, pad=0)
    width, depth = xlim[1] - xlim[0], ylim[1] - ylim[0]
    side = max(width, depth)
    for axis, ticks in ((ax.xaxis, 5 * width / side), (ax.yaxis, 5 * depth / side), (ax.zaxis, 4)):
        axis.set_major_locator(MaxNLocator(max(2, round(ticks)), steps=[1, 2, 5, 10]))
    ax.set_box_aspect((width, depth, 0.7 * side), zoom=0.95)
    ax.view_init(elev=25, azim=-60)


@figure_function
def loss_and_penalty_bowls(norm: str = "l2", lam: float = ROUND_LAM, *, loss: QuadraticLoss = ROUND) -> Figure:
    """The loss bowl and the penalty bowl (top) and their sum (bottom), in 3-D.

    The penalty bowl ``λ‖β‖₂²`` (a paraboloid) or ``λ‖β‖₁`` (an upside-down pyramid) rises from
    the origin. Their sum is a new bowl whose minimum, marked with the exact answer of
    :meth:`regexplain.QuadraticLoss.penalized_minimum`, lies between the loss's minimum and the origin.

    Parameters
    ----------
    norm : {"l1", "l2"}, default "l2"
        The penalty.
    lam : float, default :data:`~regexplain.math.soft_constraints.ROUND_LAM`
        Penalty strength λ ≥ 0.
    loss : QuadraticLoss, default :data:`~regexplain.math.soft_constraints.ROUND`
        A loss of two coefficients.
    """
    norm = check_choice(norm, "norm", NORMS)
    lam = check_real(lam, "lam", low=0.0)
    loss = plane.check_loss(loss)
    xlim, ylim = plane.window(loss)
    X, Y, B = plane.mesh((xlim, ylim), _GRID)
    loss_z, penalty_z = loss(B), lam * PENALTIES[norm].value(B)
    beta = loss.penalized_minimum(norm, lam)
    height = float(_objective(loss, norm, lam, beta))
    center = loss.center

    fig = plt.figure(figsize=STACKED)
    ax_parts = fig.add_subplot(2, 1, 1, projection="3d", computed_zorder=False)
    ax_sum = fig.add_subplot(2, 1, 2, projection="3d", computed_zorder=False)
    _surface(ax_parts, X, Y, loss_z, _LOSS_SURFACE, alpha=0.7)
    _surface(ax_parts, X, Y, penalty_z, NORM_STYLES[norm].color, alpha=0.6)
    plane.mark_minimum(ax_parts, *center, loss.floor, label=None)
    # Where the penalty is 0 and rises from: the origin, on its surface.
    ax_parts.plot([0.0], [0.0], [0.0], "o", color=NORM_STYLES[norm].color, markeredgecolor="black", zorder=10)
    ax_parts.text(0.0, 0.0, 0.0, "  penalty 0 at the origin", fontsize=10, zorder=10)
    _bowl_axes(
        ax_parts, xlim, ylim, title=f"The loss (grey) and the penalty {NORM_STYLES[norm].penalty_tex}", zlabel="height"
    )

    sum_z = loss_z + penalty_z
    _surface(ax_sum, X, Y, sum_z, NORM_STYLES[norm].color, alpha=0.5)
    rings = _rings(sum_z, height, loss)
    ax_sum.contour(X, Y, sum_z, levels=rings, zdir="z", offset=0.0, colors=NORM_STYLES[norm].color, linewidths=0.8)
    ax_sum.plot([beta[0]] * 2, [beta[1]] * 2, [0.0, height], ":", color=NORM_STYLES[norm].color, lw=1.8, zorder=9)
    plane.mark_minimum(ax_sum, *center, 0.0, label=None)
    _mark_minimum(ax_sum, beta, norm, lam, 0.0)
    _mark_minimum(ax_sum, beta, norm, lam, height, markersize=11)
    _bowl_axes(ax_sum, xlim, ylim, title=f"Their sum, λ = {fmt(lam)}")

    closed_form = ""
    if norm == "l2" and np.array_equal(loss.hessian, loss.hessian[0, 0] * np.eye(2)):
        a = loss.hessian[0, 0]
        closed_form = f""" For this round bowl the minimum is exactly {fmt(a)}/({fmt(a)} + λ) times the
        loss's minimum: here {fmt(a / (a + lam))} of the way from the origin to it."""
    on_axis = ""
    if np.any(beta == 0.0) and np.any(beta != 0.0):
        zero = int(np.flatnonzero(beta == 0.0)[0])
        on_axis = f" It lies exactly on the {AXIS_WORDS[1 - zero]} axis: {AXIS_WORDS[zero]} is 0."
    return describe(
        fig,
        f"""Two 3-D surfaces over the plane of the coefficients β₁ and β₂. Top: the loss, a grey
        bowl whose lowest point, marked, is at {fmt_point(center)} with loss {fmt(loss.floor)}; and
        the {NORM_STYLES[norm].label} penalty {NORM_STYLES[norm].penalty_words} with λ = {fmt(lam)},
        {NORM_STYLES[norm].bowl_words}
        in {NORM_STYLES[norm].color_name} that rises from the origin (0, 0), where it is 0. Bottom: their
        sum, one {NORM_STYLES[norm].color_name} bowl with its contours drawn on the floor. Its lowest point,
        marked on the surface at height {big(height)} and again on the floor, is at
        {fmt_point(beta)}: between the loss's minimum {fmt_point(center)}, marked on the floor in black,
        and the origin.{on_axis}{closed_form}""",
    )


def _default_marks(loss: QuadraticLoss) -> np.ndarray:
    """Three λ to mark on a path: half the first L1 zero, the first L1 zero, and halfway to all zeros."""
    first, last = first_zero_lambda(loss), float(l1_breakpoints(loss)[-1])
    return np.array([first / 2.0, first, (first + last) / 2.0])


def _path_lams(loss: QuadraticLoss, norm: str) -> np.ndarray:
    """λ at which to solve to draw a path: its exact corners for L1 (it is straight between them)."""
    if norm == "l1":
        return np.r_[0.0, l1_breakpoints(loss)]
    scale = float(np.linalg.eigvalsh(loss.hessian).max())
    return np.r_[0.0, scale * np.geomspace(1e-3, 1e3, 241)]


@figure_function
def minimum_path(norm: str = "l1", *, loss: QuadraticLoss = TILTED, lams: ArrayLike | None = None) -> Figure:
    """The path of the exact penalized minimum from the loss's minimum toward the origin as λ grows.

    At each marked λ the loss contour and the penalty contour through the minimum are drawn:
    they touch there. For L1 the path is a broken line, exact through the corners of
    :func:`~regexplain.math.paths.l1_breakpoints`: where it reaches an axis a coefficient is
    exactly 0, and from there on it runs along that axis.

    Parameters
    ----------
    norm : {"l1", "l2"}
        The penalty.
    loss : QuadraticLoss, default :data:`~regexplain.math.soft_constraints.TILTED`
        A loss of two coefficients.
    lams : array_like, optional
        The λ whose minima are marked; by default half the λ at which the L1 minimum first has a
        zero, that λ, and halfway from it to the λ at which every L1 coefficient is 0 (the same
        three for both norms, so that the two figures can be compared).
    """
    norm = check_choice(norm, "norm", NORMS)
    loss = plane.check_loss(loss)
    marks = _default_marks(loss) if lams is None else as_float_array(lams, "lams", ndim=1)
    path_lams = _path_lams(loss, norm)
    path = penalized_path(loss, norm, path_lams)
    minima = penalized_path(loss, norm, marks)
    xlim, ylim = plane.window(loss)
    X, Y, B = plane.mesh((xlim, ylim), 241)
    loss_z, penalty_z = loss(B), PENALTIES[norm].value(B)

    fig, ax = plt.subplots(figsize=SINGLE)
    background = _rings(loss_z, loss.floor, loss)[:-1]
    ax.contour(X, Y, loss_z, levels=background, colors=COLORS["guide"], linewidths=0.6, alpha=0.6)
    for beta in minima:
        ax.contour(X, Y, loss_z, levels=[float(loss(beta))], colors=COLORS["loss"], linewidths=1.0)
        if np.any(beta != 0.0):
            level = float(PENALTIES[norm].value(beta))
            ax.contour(X, Y, penalty_z, levels=[level], colors=NORM_STYLES[norm].color, linewidths=1.2, linestyles="--")
    ax.plot(
        path[:, 0],
        path[:, 1],
        color=NORM_STYLES[norm].color,
        lw=3,
        gid="minimum-path",
        label=f"{NORM_STYLES[norm].label} minimum",
    )
    plane.mark_minimum(ax, *loss.center, label="loss minimum (λ = 0)")
    for lam, beta in zip(marks, minima, strict=True):
        _mark_minimum(ax, beta, norm, float(lam))
        ax.annotate(  # below and right of the dot: the paths run from lower left to upper right
            _label(lam),
            beta,
            xytext=(9, -9),
            textcoords="offset points",
            va="top",
            fontsize=11,
            color=NORM_STYLES[norm].color,
            bbox=_LABEL_BOX,
            zorder=6,
        )
    plane.frame(ax, (xlim, ylim), title=f"Where the {norm.upper()} minimum goes as λ grows")
    _legend_below(ax)

    center = fmt_point(loss.center)
    described = ", ".join(f"{fmt_point(beta)} at {_label(lam)}" for lam, beta in zip(marks, minima, strict=True))
    if norm == "l1":
        first, last = first_zero_lambda(loss), float(path_lams[-1])
        corner = loss.penalized_minimum("l1", first)
        zero = int(np.flatnonzero(corner == 0.0)[0])
        story = f"""The path is a straight line from {center} until, at λ = {fmt(first)}, it reaches
        the {AXIS_WORDS[1 - zero]} axis at {fmt_point(corner)}: from there on {AXIS_WORDS[zero]} is exactly 0 and the
        path runs along that axis into the origin, which it reaches at λ = {fmt(last)}; for
        larger λ every coefficient is exactly 0."""
    else:
        story = f"""The path curves from {center} toward the origin without touching either axis,
        and it never reaches the origin: even at λ = {big(path_lams[-1])} the minimum is still
        at {fmt_point(path[-1])}."""
        for j, lam, value in l2_turning_points(loss):
            grows = "grows" if abs(value) > abs(loss.center[j]) else "shrinks"
            story += f""" On the way {AXIS_WORDS[j]} first {grows}, from {fmt(loss.center[j])} to
            {fmt(value)} at λ = {fmt(lam)}, and only then turns back: a stronger penalty shrinks
            the whole vector, not every coefficient."""
    return describe(
        fig,
        f"""The plane of the coefficients β₁ and β₂ with grey contours of a loss bowl whose
        minimum, marked in black, is at {center}. A thick {NORM_STYLES[norm].color_name} line is the path of
        the exact minimum of loss + {NORM_STYLES[norm].penalty_words}, the {NORM_STYLES[norm].label} penalty, as λ grows
        from 0.
        {story} Marked on the path: {described}. Through each marked minimum a dark loss contour
        and a dashed {NORM_STYLES[norm].color_name} {NORM_STYLES[norm].outline} of the penalty are drawn, and they
        touch there.""",
    )


@figure_function
def _frame(norm, lam, trail, *, loss, lims, zlim, index, count) -> Figure:
    """One frame of :func:`bowl_steps`: the bowl at ``lam`` in 3-D (top) and as contours (bottom)."""
    xlim, ylim = lims
    X, Y, B = plane.mesh((xlim, ylim), _GRID)
    Z = _objective(loss, norm, lam, B)
    beta = trail[-1]
    height = float(_objective(loss, norm, lam, beta))

    fig = plt.figure(figsize=STACKED)
    grid = fig.add_gridspec(2, 1, height_ratios=(1.25, 1))
    ax3 = fig.add_subplot(grid[0], projection="3d", computed_zorder=False)
    if lam > 0:  # the loss alone, for comparison
        ax3.plot_wireframe(X, Y, loss(B), rstride=10, cstride=10, color=COLORS["guide"], linewidth=0.6, alpha=0.6)
    _surface(ax3, X, Y, Z, NORM_STYLES[norm].color if lam > 0 else _LOSS_SURFACE, alpha=0.5)
    ax3.plot([beta[0]] * 2, [beta[1]] * 2, [0.0, height], ":", color=NORM_STYLES[norm].color, lw=1.8, zorder=9)
    plane.mark_minimum(ax3, *loss.center, 0.0, label=None)
    _mark_minimum(ax3, beta, norm, lam, 0.0)
    _mark_minimum(ax3, beta, norm, lam, height, markersize=11)
    _bowl_axes(ax3, xlim, ylim, title=f"loss + {NORM_STYLES[norm].penalty_tex}, λ = {fmt(lam)}", zlim=zlim)

    ax = fig.add_subplot(grid[1])
    ax.contour(X, Y, Z, levels=_rings(Z, height, loss), colors=NORM_STYLES[norm].color, linewidths=1.0)
    trail = np.asarray(trail)
    ax.plot(trail[:, 0], trail[:, 1], "o-", color=NORM_STYLES[norm].color, lw=1.2, markersize=4, alpha=0.6)
    plane.mark_minimum(ax, *loss.center, label="loss minimum (λ = 0)")
    _mark_minimum(ax, beta, norm, lam, label=f"minimum at λ = {fmt(lam)}")
    plane.frame(ax, (xlim, ylim), title="Seen from above")
    ax.xaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))
    ax.yaxis.set_major_locator(MaxNLocator(6, steps=[1, 2, 5, 10]))
    _legend_below(ax)

    moved = float(np.linalg.norm(beta - loss.center) / np.linalg.norm(loss.center))
    zeros = ""
    if np.all(beta == 0.0):
        zeros = " Every coefficient is exactly 0: the minimum is at the origin."
    elif np.any(beta == 0.0):
        zero = int(np.flatnonzero(beta == 0.0)[0])
        zeros = f" It lies on the {AXIS_WORDS[1 - zero]} axis: {AXIS_WORDS[zero]} is exactly 0."
    bowl = (
        "the loss alone (no penalty yet)"
        if lam == 0
        else f"""loss + {NORM_STYLES[norm].penalty_words}, the {NORM_STYLES[norm].label} penalty, in
        {NORM_STYLES[norm].color_name},
        above a faint grey wireframe of the loss alone"""
    )
    drop, trail_words = "", ""
    if height > 0.0:
        drop = f"""; a dotted line drops from it to the floor, where the loss's own minimum
        {fmt_point(loss.center)} is marked with an open circle"""
    if index > 1:
        trail_words = " and the minima of the earlier frames as small dots on a line"
    return describe(
        fig,
        f"""{_label(lam)}: frame {index} of {count}. Top: the 3-D bowl of {bowl}, on the same axes
        in every frame. Its lowest point, marked, is at {fmt_point(beta)} at height {big(height)}{drop}.
        Bottom: the same bowl's contours seen from above, with its minimum marked{trail_words}.
        The minimum has moved {100 * moved:.0f}% of the way from the loss's own minimum to the
        origin.{zeros}""",
    )


@figure_function
def bowl_steps(norm: str = "l2", lams: ArrayLike = ROUND_STEPS, *, loss: QuadraticLoss = ROUND) -> list[Figure]:
    """One figure per λ: the bowl ``loss + λ·P`` rising and its exact minimum sliding toward the origin.

    All frames share their axes and height scale, so that stepping through them shows the
    motion. Each frame is described on its own; its alt text starts with ``"λ = <value>: "``,
    which the site's stepper shows as the frame's label.

    Parameters
    ----------
    norm : {"l1", "l2"}, default "l2"
        The penalty.
    lams : array_like, default :data:`~regexplain.math.soft_constraints.ROUND_STEPS`
        Penalty strengths λ ≥ 0, one frame each, in the order given.
    loss : QuadraticLoss, default :data:`~regexplain.math.soft_constraints.ROUND`
        A loss of two coefficients.

    Returns
    -------
    list of matplotlib.figure.Figure
    """
    norm = check_choice(norm, "norm", NORMS)
    loss = plane.check_loss(loss)
    lams = as_float_array(lams, "lams", ndim=1)
    minima = penalized_path(loss, norm, lams)
    lims = plane.window(loss)
    *_, B = plane.mesh(lims, _GRID)
    zlim = (0.0, max(float(_objective(loss, norm, float(lam), B).max()) for lam in lams))
    frame = {"loss": loss, "lims": lims, "zlim": zlim, "count": lams.size}
    return [_frame(norm, float(lam), minima[: i + 1], index=i + 1, **frame) for i, lam in enumerate(lams)]


@figure_function
def lambda_t_correspondence(loss: QuadraticLoss = TILTED) -> Figure:
    """The budget t matched to each penalty strength λ: ``t(λ)`` is the norm of the penalized minimum.

    Minimizing ``loss + λ·P`` gives the same β as minimizing the loss subject to ``‖β‖ ≤ t(λ)``
    (the L1 norm for L1, the Euclidean norm for L2), by :meth:`regexplain.QuadraticLoss.t_for_lam`. The λ
    at which the L1 minimum first has a zero coefficient, and the λ from which every L1
    coefficient is 0, are marked.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.soft_constraints.TILTED`
        A loss of two coefficients.
    """
    loss = plane.check_loss(loss)
    last = float(l1_breakpoints(loss)[-1])
    first = first_zero_lambda(loss)
    grid = np.linspace(0.0, 1.15 * last, 241)
    fig, ax = plt.subplots(figsize=SINGLE)
    start = {}
    for norm in NORMS:
        # Along the L1 path t is straight between the corners, so they are all it needs.
        lams = np.r_[_path_lams(loss, "l1"), grid[-1]] if norm == "l1" else grid
        t = np.array([loss.t_for_lam(norm, float(lam)) for lam in lams])
        start[norm] = t[0]
        name = r"$t = \|\beta^*\|_1$" if norm == "l1" else r"$t = \|\beta^*\|_2$"
        ax.plot(
            lams,
            t,
            color=NORM_STYLES[norm].color,
            gid=f"t-of-lambda-{norm}",
            label=f"{NORM_STYLES[norm].label}: {name}",
        )
    t_first = loss.t_for_lam("l1", first)
    ax.axvline(first, ls=":", lw=1.5, color=COLORS["guide"])
    dot = {"color": COLORS["l1"], "markeredgecolor": "white", "markeredgewidth": 1.5, "zorder": 5}
    ax.plot([first], [t_first], "o", gid=f"first-zero@{first!r}", **dot)
    ax.plot([last], [0.0], "o", gid=f"all-zero@{last!r}", **dot)
    ax.annotate(
        f"λ = {fmt(first)}: first\nL1 coefficient = 0", (first, t_first), xytext=(8, 8), textcoords="offset points"
    )
    ax.annotate(
        f"λ = {fmt(last)}:\nall L1 zero",
        (last, 0.0),
        xytext=(0, 52),
        textcoords="offset points",
        ha="center",
        bbox=_LABEL_BOX,
        arrowprops={"arrowstyle": "-", "color": COLORS["guide"]},
    )
    ax.set(xlabel="penalty strength λ", ylabel="matching budget t", title="Each λ matches one budget t")
    ax.set_ylim(bottom=-0.2)
    ax.legend(loc="upper right")
    t_end = loss.t_for_lam("l2", float(grid[-1]))
    return describe(
        fig,
        f"""The budget t that matches each penalty strength λ, for λ from 0 to {fmt(grid[-1])}, on a
        tilted loss with its minimum at {fmt_point(loss.center)}. Both curves fall as λ grows. The
        {NORM_STYLES["l1"].color_name} L1 curve (the L1 norm of the penalized minimum) starts at {fmt(start["l1"])}
        and is made of straight pieces: at λ = {fmt(first)}, marked with a dotted line, its
        slope changes because a coefficient has become exactly 0 (t = {fmt(t_first)} there); it
        reaches t = 0 at λ = {fmt(last)} and stays there. The {NORM_STYLES["l2"].color_name} L2 curve (the
        Euclidean norm)
        starts at {fmt(start["l2"])}, bends smoothly and is still {fmt(t_end)} at the right edge:
        it approaches 0 but never reaches it.""",
    )


@figure_function
def penalty_pull(lam: float = PULL_LAM, point: ArrayLike = PULL_POINT) -> Figure:
    """How hard each penalty pulls β toward 0: arrows of ``−λ∇P`` over the plane, L1 (top) and L2 (bottom).

    The L1 pull ``λ·sign(β)`` has the same size everywhere off the axes, however close to 0;
    the L2 pull ``2λβ`` shrinks to nothing at the origin. Both panels use the same arrow scale,
    and the pulls are :meth:`Penalty.subgradient <regexplain.Penalty.subgradient>` times λ.

    Parameters
    ----------
    lam : float, default :data:`~regexplain.math.soft_constraints.PULL_LAM`
        Penalty strength λ > 0.
    point : array_like, shape (2,), default :data:`~regexplain.math.soft_constraints.PULL_POINT`
        A coefficient vector to single out, with its penalties and pulls written beside it.
    """
    lam = check_real(lam, "lam", low=0.0, low_open=True)
    point = as_float_array(point, "point", ndim=1)
    if point.shape != (2,):
        raise ValueError(f"point must have two coefficients, got shape {point.shape}")
    ticks = np.linspace(-0.9, 0.9, 10)  # no arrow on an axis, where the L1 pull is not one vector
    X, Y = np.meshgrid(ticks, ticks)
    B = np.stack([X, Y], axis=-1)
    CX, CY, CB = plane.mesh(((-1.0, 1.0), (-1.0, 1.0)), 201)
    pulls = {norm: -lam * PENALTIES[norm].subgradient(B) for norm in NORMS}
    longest = max(float(np.linalg.norm(field, axis=-1).max()) for field in pulls.values())
    arrows = {"angles": "xy", "scale_units": "xy", "scale": longest / 0.19}  # longest arrow: just under the spacing

    fig, axes = plt.subplots(2, 1, figsize=STACKED, sharex=True)
    numbers = {}
    for ax, norm in zip(axes, NORMS, strict=True):
        style, field = NORM_STYLES[norm], pulls[norm]
        ax.contour(CX, CY, lam * PENALTIES[norm].value(CB), levels=8, colors=style.color, linewidths=0.6, alpha=0.35)
        ax.quiver(X, Y, field[..., 0], field[..., 1], color=style.color, width=0.006, gid=f"pull-{norm}", **arrows)
        value = float(lam * PENALTIES[norm].value(point))
        force = -lam * PENALTIES[norm].subgradient(point)
        numbers[norm] = (value, pull(norm, lam, point))
        ax.quiver(*point, *force, color="black", width=0.009, zorder=6, **arrows)
        ax.plot(*point, "o", ms=13, mfc="none", mec="black", mew=1.5, zorder=6, gid="example-point")
        title = f"{style.label} pull {style.pull_tex}, λ = {fmt(lam)}\n"
        title += f"at {fmt_point(point)}: penalty {fmt(value)}, pull {fmt(numbers[norm][1])}"
        plane.frame(ax, ((-1.05, 1.05), (-1.05, 1.05)), title=title)
    axes[0].set_xlabel("")
    (l1_value, l1_size), (l2_value, l2_size) = numbers["l1"], numbers["l2"]
    edge = float(np.linalg.norm(pulls["l2"], axis=-1).max())
    return describe(
        fig,
        f"""Two panels of arrows over the square from −1 to 1 in both coefficients, λ = {fmt(lam)},
        drawn to the same scale: each arrow shows the direction and strength with which the
        penalty pulls β toward 0. Top, L1: every arrow has the same length, {fmt(l1_size)} (λ in
        each coordinate), and points diagonally inward, however close to the origin it starts. Bottom, L2: the arrows
        point straight at the origin and shrink with the distance to it, from {fmt(edge)} at
        the corners to almost nothing near the centre. The point β = {fmt_point(point)} is circled
        in both panels: there the L1 penalty is {fmt(l1_value)} and pulls with strength
        {fmt(l1_size)}; the L2 penalty is {fmt(l2_value)} and pulls with strength
        {fmt(l2_size)}, {fmt(l1_size / l2_size)} times weaker.""",
    )
