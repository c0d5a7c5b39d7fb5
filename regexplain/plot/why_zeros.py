"""Figures of the chapter "Why L1 gives zeros": thousands of random losses, and one loss up close.

Every constrained solution drawn here is exact: the clouds come from
:func:`regexplain.simulate_clouds`, the coarse search they are compared with from
:func:`regexplain.boundary_search`, the rates in higher dimensions from
:func:`regexplain.zero_rates_by_dimension`, and the optima of the zoomed picture from
:meth:`regexplain.QuadraticLoss.constrained_minimum`. Every β₁–β₂ picture has an equal aspect
ratio. The region of budget ``t`` is ``‖β‖₁ ≤ t`` (the diamond) or ``‖β‖₂ ≤ t`` (the disc).

Drawn points carry a ``gid`` so that tests can read them back. In
:func:`zoomed_contour_argument`: ``"unconstrained-minimum"``, ``"optimum-l1"``, ``"optimum-l2"``
and ``"higher-cost-l1"``, ``"higher-cost-l2"`` (nearby boundary points, one artist per region);
in every cloud, one scatter per outcome: ``"cloud-zero"``, ``"cloud-near_miss"``,
``"cloud-nonzero"``.
"""

from collections.abc import Iterable

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.legend_handler import HandlerTuple
from numpy.typing import ArrayLike, NDArray

from ..math import simulate
from ..math._validate import check_choice
from ..math.quadratic import QuadraticLoss
from ..math.regions import NORMS, TIPS
from ..math.why_zeros import (
    AXIS_BAND,
    CLOUD_BOX,
    CLOUD_N,
    CLOUD_SEED,
    CLOUD_T,
    DIMENSION_N,
    DIMENSIONS,
    FAMILIES,
    PUBLISHED_RATES,
    SEARCH_POINTS,
    SHAPE,
    SHAPE_N,
    ZOOM_LOSS,
    ZOOM_OFFSETS,
    ZOOM_T,
    axis_angles,
    near_axis,
    tip_wedges_contain,
    wedge_angle,
    wedge_edge_distance,
    wedge_rays,
    zoom_neighbors,
)
from . import _plane as plane
from .style import (
    AXIS_WORDS,
    COLORS,
    NORM_STYLES,
    OKABE_ITO,
    SINGLE,
    describe,
    figure_function,
    fmt,
    fmt_point,
    percent,
)

OUTCOME_COLORS = {"zero": OKABE_ITO["green"], "near_miss": OKABE_ITO["orange"], "nonzero": OKABE_ITO["sky_blue"]}
"""Outcome → dot colour in the clouds (Okabe–Ito; none is an L1 or L2 colour)."""
OUTCOME_WORDS = {"zero": "green", "near_miss": "orange", "nonzero": "sky-blue"}
"""Outcome → the name of its colour in alt text."""
HIGHER_COST_GID = "higher-cost-{norm}"
CLOUD_GID = "cloud-{outcome}"

_FAMILY_WORDS = {
    "symmetric": "round (symmetric) losses",
    "general": "tilted, elongated (general) losses",
    "taco": "trough-shaped (taco) losses",
}
_FAMILY_TITLES = {"symmetric": "Round losses", "general": "Tilted losses", "taco": "Taco losses"}
_DOT_SIZE = 3.0
_SECTOR = 15.0  # degrees: "near an axis" and "near a diagonal" in the alt text


def outcome_labels() -> dict[str, str]:
    """Outcome → its legend entry, with the near-miss tolerance."""
    return {
        "zero": "a coefficient exactly 0",
        "near_miss": f"near miss: 0 < smaller |βⱼ| ≤ {fmt(simulate.NEAR_MISS_TOL)}",
        "nonzero": "no coefficient is 0",
    }


def panel_title(clouds: simulate.Clouds) -> str:
    """The title of a cloud panel: the region and its computed zero and near-miss rates."""
    region = f"{NORM_STYLES[clouds.norm].region} ({clouds.norm.upper()})"
    return f"{region}: {percent(clouds.zero_rate)} zeros, {percent(clouds.near_miss_rate)} near misses"


# -- the clouds --------------------------------------------------------------------------------


@figure_function
def clouds(
    family: str = "symmetric", *, n: int = CLOUD_N, t: float = CLOUD_T, box: float = CLOUD_BOX, seed: int = CLOUD_SEED
) -> Figure:
    """The minima of ``n`` random losses, coloured by whether their exact solution has a zero.

    Two panels, stacked: the same family against the diamond (top) and against the disc
    (bottom). Each dot is the unconstrained minimum of one loss; its colour says what the exact
    constrained solution is: a coefficient exactly 0, a near miss (no coefficient is 0, but the
    smaller one is within :data:`~regexplain.math.simulate.NEAR_MISS_TOL` of 0), or neither.

    Parameters
    ----------
    family : {"symmetric", "general", "taco"}, default "symmetric"
        The loss family (see :func:`regexplain.simulate_clouds`).
    n : int, default :data:`~regexplain.math.why_zeros.CLOUD_N`
        Losses per panel.
    t : float, default :data:`~regexplain.math.why_zeros.CLOUD_T`
        The budget.
    box : float, default :data:`~regexplain.math.why_zeros.CLOUD_BOX`
        Minima are uniform in ``[−box, box]²``.
    seed : int, default :data:`~regexplain.math.why_zeros.CLOUD_SEED`
        Seed of the simulation.
    """
    family = check_choice(family, "family", FAMILIES)
    panels = [simulate.simulate_clouds(family, norm, n, t=t, box=box, seed=seed) for norm in NORMS]
    fig, axes = plt.subplots(2, 1, figsize=(6.4, 10.6))
    for ax, cloud in zip(axes, panels, strict=True):
        _draw_cloud(ax, cloud)
        ax.set_title(panel_title(cloud), fontsize=13)
    fig.suptitle(f"{_FAMILY_TITLES[family]}: {n:,} random minima per panel")
    _outcome_legend(fig)
    summaries = [
        f"""{"Top" if cloud.norm == "l1" else "Bottom"}, the {NORM_STYLES[cloud.norm].region}: {_rates_words(cloud)}
        {_cloud_pattern(cloud)}"""
        for cloud in panels
    ]
    return describe(
        fig,
        f"""Two square panels, each the plane of β₁ and β₂ from −{fmt(box)} to {fmt(box)}, drawn
        to scale, covered with {n:,} dots: the minima of random {_FAMILY_WORDS[family]},
        uniform in the square and outside the region of budget {fmt(t)} drawn at the centre.
        Each dot is coloured by the exact constrained solution of its loss: green when a
        coefficient is exactly zero, orange for a near miss, sky blue when no coefficient is
        zero. {" ".join(summaries)}""",
    )


@figure_function
def published_vs_exact(
    *, n: int = CLOUD_N, t: float = CLOUD_T, box: float = CLOUD_BOX, seed: int = CLOUD_SEED, points: int = SEARCH_POINTS
) -> Figure:
    """Zero rates of the six clouds: exact, found by a coarse boundary search, and published.

    One row per cloud (family × region). On each row: the exact rate of
    :func:`regexplain.simulate_clouds`, the rate that a search over ``points`` evenly spaced
    boundary points gives on the same losses (:func:`regexplain.boundary_search`, the reference
    article's method), and the rate the article published (:data:`~regexplain.math.why_zeros.PUBLISHED_RATES`).

    Parameters
    ----------
    n, t, box, seed
        As in :func:`clouds`.
    points : int, default :data:`~regexplain.math.why_zeros.SEARCH_POINTS`
        Boundary points of the coarse search.
    """
    rows = []
    for family in FAMILIES:
        for norm in NORMS:
            cloud = simulate.simulate_clouds(family, norm, n, t=t, box=box, seed=seed)
            _, search_zero = simulate.boundary_search(cloud, n_points=points)
            rows.append((family, norm, cloud.zero_rate, float(np.mean(search_zero)), PUBLISHED_RATES[family, norm]))

    fig, ax = plt.subplots(figsize=(6.4, 7.6))
    y = 1.0 * np.arange(len(rows))[::-1]
    for position, (family, norm, exact, search, published) in zip(y, rows, strict=True):
        color = NORM_STYLES[norm].color
        ax.plot([0, 100], [position] * 2, color="#eeeeee", lw=6, solid_capstyle="butt", zorder=0)
        ax.plot([100 * exact], [position], "o", color=color, markersize=11, zorder=4)
        ax.plot(
            [100 * search], [position], "o", color=color, markerfacecolor="white", markeredgewidth=2.2, markersize=11
        )
        ax.plot([100 * published], [position], "x", color=COLORS["loss"], markersize=10, markeredgewidth=2.4, zorder=5)
        ax.text(
            0, position + 0.3, f"{family} losses, {NORM_STYLES[norm].region} ({norm.upper()})", fontsize=12, va="center"
        )
        ax.text(
            0,
            position - 0.3,
            f"exact {percent(exact)}, search {percent(search)}, published {100 * published:.0f}%",
            fontsize=11,
            va="center",
            color=color,
        )
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.set(xlim=(-3, 103), ylim=(-0.6, len(rows) - 0.4), xlabel="losses whose solution has a zero (%)")
    ax.grid(axis="y", visible=False)
    ax.set_title("Zero rates: exact, coarse search, published", fontsize=13)
    handles = [
        plt.Line2D([], [], ls="", marker="o", color=COLORS["loss"], markersize=10, label="exact solver"),
        _hollow_handle(f"best of {points} boundary points", markersize=10),
        plt.Line2D([], [], ls="", marker="x", color=COLORS["loss"], markeredgewidth=2.4, label="published"),
    ]
    fig.legend(handles=handles, loc="outside lower center", ncols=3, fontsize=10, columnspacing=1.0)
    lines = [
        f"""{family.capitalize()} losses, {NORM_STYLES[norm].region}: exact {percent(exact)}, coarse search
        {percent(search)}, published {100 * published:.0f}%."""
        for family, norm, exact, search, published in rows
    ]
    spread = 100 * max(max(row[2:]) - min(row[2:]) for row in rows if row[1] == "l1")
    l2_gap = 100 * max(abs(row[3] - row[4]) for row in rows if row[1] == "l2")
    l2_exact = ", ".join(percent(row[2]) for row in rows if row[1] == "l2")
    return describe(
        fig,
        f"""A dot plot with one row for each of the six clouds ({n:,} random losses each,
        budget {fmt(t)}): three loss families against the diamond ({NORM_STYLES["l1"].color_name}) and
        the disc ({NORM_STYLES["l2"].color_name}). On each row a filled dot marks the exact zero rate, an
        open dot the rate found by
        taking the best of {points} evenly spaced boundary points, and a cross the rate the
        reference article published. {" ".join(lines)} For the diamond the three rates of a
        row lie within {spread:.1f} percentage points of each other. For the disc the exact rates
        are {l2_exact}, while the coarse search comes within {l2_gap:.1f} points of
        the published rate.""",
    )


@figure_function
def where_zeros_come_from(
    *,
    n: int = CLOUD_N,
    t: float = CLOUD_T,
    box: float = CLOUD_BOX,
    seed: int = CLOUD_SEED,
    shape: NDArray[np.float64] = SHAPE,
    n_shape: int = SHAPE_N,
) -> Figure:
    """Where the minima that give a zero lie: the wedges beyond the diamond's tips.

    The L1 solution is the tip ``(t, 0)`` exactly when the loss falls no faster along the
    diamond than into it, at the tip: ``−∇loss(tip) = 2H(c − tip)`` lies in the tip's normal
    cone ``{(u, v): u ≥ |v|}``. So the minima ``c`` that give that tip fill the wedge
    ``tip + H⁻¹·{(u, v): u ≥ |v|}`` (:func:`~regexplain.math.why_zeros.tip_wedges_contain`); likewise at the other tips.

    Top: the round-loss cloud (``H = aI``), where the wedges are ``|cᵢ| − t ≥ |cⱼ|``, the same
    for every loss. Bottom: ``n_shape`` minima of losses that all have the hessian ``shape``,
    each solved exactly with :meth:`regexplain.QuadraticLoss.constrained_minimum`, and the
    wedges that this shape gives.

    Parameters
    ----------
    n, t, box, seed
        As in :func:`clouds`.
    shape : array_like, shape (2, 2), default :data:`~regexplain.math.why_zeros.SHAPE`
        The hessian of the bottom panel's losses.
    n_shape : int, default :data:`~regexplain.math.why_zeros.SHAPE_N`
        Minima in the bottom panel.
    """
    round_cloud = simulate.simulate_clouds("symmetric", "l1", n, t=t, box=box, seed=seed)
    shaped = simulate.simulate_shape(shape, "l1", n_shape, t=t, box=box, seed=seed)
    shape = shaped.hessians[0]

    fig, axes = plt.subplots(2, 1, figsize=(6.4, 11.0))
    panels = ((round_cloud, None), (shaped, shape))
    facts = []
    for ax, (cloud, hessian) in zip(axes, panels, strict=True):
        _draw_cloud(ax, cloud, norm="l1")
        _draw_wedges(ax, t, hessian, reach=3 * box)
        inside = tip_wedges_contain(cloud.minima, t, hessian)
        facts.append((int(inside.sum()), int(np.sum(cloud.zero & inside)), int(np.sum(cloud.zero & ~inside))))
    ax_round, ax_shape = axes
    ax_round.annotate("c₁ − t ≥ |c₂|", (0.55 * box + 0.45 * t, 0.0), ha="center", va="center", fontsize=12, bbox=_BOX)
    ax_round.set_title(f"Round losses: {percent(round_cloud.zero_rate)} zeros", fontsize=13)
    ax_shape.set_title(f"Losses of one shape: {percent(shaped.zero_rate)} zeros", fontsize=13)
    _outcome_legend(
        fig, extra=[plt.Line2D([], [], color=COLORS["loss"], lw=2.0, ls="--", label="edge of a tip's wedge")]
    )

    (in_round, zero_in_round, zero_out_round), (in_shape, zero_in_shape, zero_out_shape) = facts
    opening = {axis: wedge_angle(shape, axis) for axis in (0, 1)}
    return describe(
        fig,
        f"""Two square panels, each the plane of β₁ and β₂ from −{fmt(box)} to {fmt(box)}, drawn
        to scale, with the diamond of budget {fmt(t)} at the centre and minima of random losses
        as dots: green when the exact L1 solution has a coefficient exactly zero, orange for a
        near miss, sky blue otherwise. Dashed lines leave each tip of the diamond and outline
        four wedges, one per tip: the minima whose solution is that tip. Top: {n:,} round
        losses. Each wedge is right-angled and points straight out along an axis; for the tip
        (t, 0) it is c₁ − t ≥ |c₂|. {in_round:,} minima lie in the wedges and {zero_in_round:,}
        of them give a zero; outside the wedges, in the four bands in front of the diamond's
        edges, {zero_out_round:,} do. Bottom: {n_shape:,} losses that all share one shape,
        {_loss_words(shape)}, with random minima, each solved exactly;
        {percent(shaped.zero_rate)} give a zero. Their wedges are sheared by the shape: those
        at the tips on the β₁ axis open by {opening[0]:.0f} degrees, those on the β₂ axis by
        {opening[1]:.0f} degrees. {in_shape:,} minima lie in these wedges and
        {zero_in_shape:,} of them give a zero; {zero_out_shape:,} outside do.""",
    )


# -- one loss up close -----------------------------------------------------------------------------


@figure_function
def zoomed_contour_argument(
    loss: QuadraticLoss = ZOOM_LOSS, t: float = ZOOM_T, *, offsets: Iterable[float] = ZOOM_OFFSETS
) -> Figure:
    """Why the diamond's tip wins and the disc's optimum leaves the axis, up close.

    Top: the loss's contours, the diamond and the disc of the same budget, both exact optima
    and the contour through each. Bottom: the same picture zoomed in around the optima, with
    nearby boundary points (at the angles ``offsets`` from each optimum) and their loss.

    Parameters
    ----------
    loss : QuadraticLoss, default :data:`~regexplain.math.why_zeros.ZOOM_LOSS`
        A loss of two coefficients.
    t : float, default :data:`~regexplain.math.why_zeros.ZOOM_T`
        The budget of both regions.
    offsets : iterable of float, default :data:`~regexplain.math.why_zeros.ZOOM_OFFSETS`
        Angles in degrees, from each optimum along its boundary, of the points that cost more.
    """
    plane.check_loss(loss, 2)
    optima = {norm: loss.constrained_minimum(norm, t) for norm in NORMS}
    values = {norm: float(loss(beta)) for norm, beta in optima.items()}
    neighbors = zoom_neighbors(loss, t, offsets)
    costs = {norm: loss(points) for norm, points in neighbors.items()}

    # Top: both regions and the minimum, with room around it for the innermost contours.
    # Bottom: the optima and their neighbours.
    pad = 0.15 * t
    low, high = np.minimum(loss.center, -t) - pad, np.maximum(loss.center, t) + pad
    high[0] += 0.4 * t
    wide = ((low[0], high[0]), (low[1], high[1]))
    close = plane.square_limits([*optima.values(), *neighbors["l1"], *neighbors["l2"]], margin=0.15)
    height = (high[1] - low[1]) / (high[0] - low[0])
    fig, (ax, zoom) = plt.subplots(2, 1, figsize=(6.4, 6.4 * (1.0 + height) + 1.6), height_ratios=(height, 1.0))
    background = plane.optimum_levels(loss, optima["l1"], "l1", t, count=6)
    for axes, lims in ((ax, wide), (zoom, close)):
        plane.draw_contours(axes, loss, background, lims, linewidths=1.0)
        for norm in NORMS:
            plane.draw_region(axes, norm, t, fill=False, label=axes is ax)
            plane.draw_optimum_contour(axes, loss, optima[norm], norm, lims)
        plane.frame(axes, lims)
        if axes is zoom:
            for norm in NORMS:
                axes.plot(
                    *neighbors[norm].T,
                    "o",
                    color=NORM_STYLES[norm].color,
                    markerfacecolor="white",
                    markeredgewidth=2.0,
                    markersize=8,
                    zorder=5,
                    gid=HIGHER_COST_GID.format(norm=norm),
                )
                for point, cost in zip(neighbors[norm], costs[norm], strict=True):
                    _annotate_cost(axes, point, cost, NORM_STYLES[norm].color)
                _annotate_cost(axes, optima[norm], values[norm], NORM_STYLES[norm].color, bold=True)
        plane.mark_minimum(axes, *loss.center, label=None)
        for norm in NORMS:
            plane.mark_optimum(axes, *optima[norm], norm=norm, label=None)
    indicator = ax.indicate_inset_zoom(zoom, edgecolor=COLORS["loss"], alpha=0.6, linewidth=1.0)
    for connector in indicator.connectors:  # they would cross the tick labels; the rectangle says enough
        connector.set_visible(False)
    ax.set_title(_zoom_title(loss, t), fontsize=13)
    zoom.set_title("Zoomed in: the loss at nearby boundary points", fontsize=13)
    _zoom_legend(fig, loss, t, optima, values)
    return describe(fig, _zoom_text(loss, t, optima, values, neighbors, costs))


@figure_function
def zero_rate_by_dimension(
    dims: Iterable[int] = DIMENSIONS,
    *,
    n: int = DIMENSION_N,
    t: float = CLOUD_T,
    box: float = CLOUD_BOX,
    seed: int = CLOUD_SEED,
) -> Figure:
    """Exact zeros against the number of coefficients: the share of zero coefficients, and of solutions with one.

    The share of solutions with at least one zero (:func:`regexplain.zero_rates_by_dimension`)
    reaches 100% after a few dimensions and then says nothing more; the mean share of the
    coefficients that are exactly zero (:func:`regexplain.zero_shares_by_dimension`, the same
    trials) keeps measuring how sparse the solutions get.

    Parameters
    ----------
    dims : iterable of int, default :data:`~regexplain.math.why_zeros.DIMENSIONS`
        Numbers of coefficients.
    n : int, default :data:`~regexplain.math.why_zeros.DIMENSION_N`
        Random losses per number of coefficients.
    t, box, seed
        As in :func:`clouds`.
    """
    dims = [int(p) for p in dims]
    kwargs = {"t": t, "box": box, "seed": seed}
    rates = {norm: simulate.zero_rates_by_dimension(norm, dims, n, **kwargs) for norm in NORMS}
    shares = {norm: simulate.zero_shares_by_dimension(norm, dims, n, **kwargs) for norm in NORMS}
    fig, ax = plt.subplots(figsize=SINGLE)
    l1, l2 = NORM_STYLES["l1"], NORM_STYLES["l2"]
    ax.plot(dims, [100 * shares["l1"][p] for p in dims], "o-", color=l1.color, label="L1: coefficients that are 0")
    ax.plot(dims, [100 * rates["l1"][p] for p in dims], "s--", color=l1.color, lw=1.6, label="L1: solutions with a 0")
    ax.plot(dims, [100 * rates["l2"][p] for p in dims], "o-", color=l2.color, label="L2: both measures")
    ax.set(
        xlabel="number of coefficients p",
        ylabel="exactly zero (%)",
        ylim=(-4, 104),
        xticks=dims,
        title=f"Exact zeros, {n:,} random losses per p",
    )
    ax.legend(loc="center right")
    l1_shares = ", ".join(f"p = {p}: {percent(shares['l1'][p])}" for p in dims)
    l1_rates = ", ".join(percent(rates["l1"][p]) for p in dims)
    l2_max = max(max(rates["l2"].values()), max(shares["l2"].values()))
    return describe(
        fig,
        f"""A line chart against the number of coefficients p from {dims[0]} to {dims[-1]}, with
        {n:,} random losses for each p and budget {fmt(t)}, each solved exactly. The solid
        {l1.color_name} line is the mean share of the L1 solution's coefficients that are
        exactly zero: {l1_shares}. The dashed {l1.color_name} line is the share of L1 solutions
        with at least one zero coefficient: {l1_rates}. The {l2.color_name} line is L2, where
        both measures are {"0% for every p" if l2_max == 0.0 else f"at most {percent(l2_max)}"}.""",
    )


# -- drawing helpers ------------------------------------------------------------------------------

_BOX = {"facecolor": "white", "edgecolor": "none", "alpha": 0.85, "pad": 2}


def _draw_wedges(ax, t: float, hessian: ArrayLike | None, reach: float) -> None:
    """The two rays that bound each tip's wedge ``tip + H⁻¹·(normal cone)``, dashed."""
    for tip in TIPS:
        for direction in wedge_rays(tip, hessian):
            ray = np.array([t * tip, t * tip + reach * direction])
            ax.plot(*ray.T, color=COLORS["loss"], lw=2.0, ls="--", zorder=4)


def _draw_cloud(ax, cloud, norm: str | None = None) -> None:
    """The minima as dots coloured by outcome, the region, the square of the simulation, to scale."""
    nonzero = ~cloud.zero & ~cloud.near_miss
    for outcome, chosen in (("nonzero", nonzero), ("zero", cloud.zero), ("near_miss", cloud.near_miss)):
        ax.scatter(
            *cloud.minima[chosen].T,
            s=_DOT_SIZE,
            color=OUTCOME_COLORS[outcome],
            linewidths=0,
            zorder=2,
            gid=CLOUD_GID.format(outcome=outcome),
        )
    plane.draw_region(ax, norm or cloud.norm, cloud.t, label=False)
    edge = cloud.box * 1.03
    plane.frame(ax, ((-edge, edge), (-edge, edge)))
    ticks = np.linspace(-cloud.box, cloud.box, 5)
    ax.set(xticks=ticks, yticks=ticks)


def _outcome_legend(fig, extra: list | None = None) -> None:
    labels = outcome_labels()
    handles = [
        plt.Line2D([], [], ls="", marker="o", markersize=8, color=OUTCOME_COLORS[key], label=labels[key])
        for key in ("zero", "near_miss", "nonzero")
    ]
    handles += extra or []
    fig.legend(handles=handles, loc="outside lower center", ncols=2, fontsize=11, columnspacing=1.0)


def _rates_words(cloud: simulate.Clouds) -> str:
    return f"""{percent(cloud.zero_rate)} of the solutions have a coefficient exactly zero and
        {percent(cloud.near_miss_rate)} are near misses."""


def _cloud_pattern(cloud: simulate.Clouds) -> str:
    """Where the colours are, in words computed from the flags: directions from the axes, bands along them."""
    angles = axis_angles(cloud.minima)
    base = np.mean(angles <= _SECTOR), np.mean(angles >= 45.0 - _SECTOR)
    words = [] if cloud.zero_rate else ["No dot is green."]
    nonzero = ~cloud.zero & ~cloud.near_miss
    for outcome, chosen in (("zero", cloud.zero), ("nonzero", nonzero)):
        if chosen.sum() < 0.05 * cloud.n:
            continue
        axis, diagonal = np.mean(angles[chosen] <= _SECTOR), np.mean(angles[chosen] >= 45.0 - _SECTOR)
        lean = (axis / base[0]) / max(diagonal / base[1], 1e-12)
        where = (
            "toward the axes"
            if lean > 1.25
            else "toward the diagonals"
            if lean < 0.8
            else "in no direction more than the others"
        )
        words.append(
            f"""Of the {OUTCOME_WORDS[outcome]} dots {percent(axis)} lie within {_SECTOR:.0f} degrees of an
            axis and {percent(diagonal)} within {_SECTOR:.0f} degrees of a diagonal (of all dots,
            {percent(base[0])} and {percent(base[1])}): they gather {where}."""
        )
    if cloud.near_miss.any() and cloud.norm == "l1":
        edge = wedge_edge_distance(cloud.minima, cloud.t) <= AXIS_BAND
        words.append(
            f"""Of the orange near misses {percent(edge[cloud.near_miss].mean())} lie within
            {fmt(AXIS_BAND)} of an edge of the round wedges beyond the tips (lines at 45 degrees to
            the axes, |cᵢ| − t = |cⱼ|), where {percent(edge.mean())} of all the dots lie."""
        )
    elif cloud.near_miss.any():
        band, everyone = (
            float(np.mean(near_axis(cloud.minima[cloud.near_miss]))),
            float(np.mean(near_axis(cloud.minima))),
        )
        where = (
            "in thin bands along the axes"
            if band >= 0.9
            else "mostly near the axes"
            if band >= 2 * everyone
            else "all over the square"
        )
        words.append(
            f"""The orange near misses lie {where}: {percent(band)} of them within {fmt(AXIS_BAND)} of
            an axis, where {percent(everyone)} of all the dots lie."""
        )
    return " ".join(words)


def _loss_words(hessian: NDArray[np.float64]) -> str:
    """``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)`` for this hessian, in words."""

    def coefficient(value: float) -> str:
        return "" if value == 1.0 else fmt(value)

    a, b, c = hessian[0, 0], hessian[1, 1], 2.0 * hessian[0, 1]
    return f"{coefficient(a)}(β₁ − c₁)² + {coefficient(b)}(β₂ − c₂)² + {coefficient(c)}(β₁ − c₁)(β₂ − c₂)"


def _annotate_cost(ax, point, cost: float, color: str, *, bold: bool = False) -> None:
    """The loss at ``point``, written beside it (to the right for the disc, left for the diamond)."""
    right = color == COLORS["l2"]
    ax.annotate(
        f"{cost:.1f}",
        point,
        xytext=(10 if right else -10, 0),
        textcoords="offset points",
        ha="left" if right else "right",
        va="center",
        fontsize=12,
        fontweight="bold" if bold else "normal",
        color=color,
        bbox={"facecolor": "white", "edgecolor": "none", "alpha": 0.8, "pad": 1},
        zorder=6,
    )


def _zoom_legend(fig, loss, t, optima, values) -> None:
    handles = [
        plt.Line2D(
            [],
            [],
            ls="",
            marker="o",
            markersize=10,
            markerfacecolor="white",
            markeredgecolor=COLORS["loss"],
            markeredgewidth=2,
            label=f"minimum {fmt_point(loss.center)}",
        ),
    ]
    for norm in NORMS:
        handles.append(
            plt.Line2D(
                [],
                [],
                color=NORM_STYLES[norm].color,
                lw=2.2,
                label=f"{NORM_STYLES[norm].region} {NORM_STYLES[norm].norm_tex} ≤ {fmt(t)}",
            )
        )
        handles.append(
            plt.Line2D(
                [],
                [],
                ls="",
                marker="o",
                color=NORM_STYLES[norm].color,
                markeredgecolor="white",
                markersize=10,
                label=f"{norm.upper()} optimum {fmt_point(optima[norm])}, loss {values[norm]:.1f}",
            )
        )
        handles.append(
            plt.Line2D([], [], color=NORM_STYLES[norm].color, lw=1.6, ls="--", label=f"contour at {values[norm]:.1f}")
        )
    nearby = tuple(_hollow_handle("", markeredgecolor=NORM_STYLES[norm].color) for norm in NORMS)
    handles.append(nearby)
    labels = [handle.get_label() for handle in handles[:-1]] + ["nearby boundary point of each region (its loss)"]
    fig.legend(
        handles, labels, loc="outside lower center", ncols=1, fontsize=11, handler_map={tuple: HandlerTuple(None)}
    )


def _which_matters(hessian: NDArray[np.float64]) -> tuple[str, str] | None:
    """(the coefficient the loss cares about, the other one), when one clearly dominates."""
    if hessian[0, 0] >= 4 * hessian[1, 1]:
        return AXIS_WORDS
    if hessian[1, 1] >= 4 * hessian[0, 0]:
        return AXIS_WORDS[::-1]
    return None


def _zoom_title(loss: QuadraticLoss, t: float) -> str:
    matters = _which_matters(loss.hessian)
    if matters:
        return f"{matters[0]} matters, {matters[1]} hardly: the diamond and disc, t = {fmt(t)}"
    return f"One loss, the diamond and the disc, t = {fmt(t)}"


def _zoom_text(loss, t, optima, values, neighbors, costs) -> str:
    def points(norm: str) -> str:
        return " and ".join(f"{fmt_point(p)} (loss {c:.1f})" for p, c in zip(neighbors[norm], costs[norm], strict=True))

    l1, l2 = optima["l1"], optima["l2"]
    l1_zero = [name for name, value in zip(AXIS_WORDS, l1, strict=True) if value == 0.0]
    l1_words = f"a tip of the diamond, so {' and '.join(l1_zero)} is exactly zero" if l1_zero else "not on an axis"
    l2_words = "off the axes: neither coefficient is zero" if np.all(l2 != 0.0) else "on an axis"
    inside = "inside" if values["l2"] < values["l1"] else "outside"
    matters = _which_matters(loss.hessian)
    shape = (
        f"""; the loss rises much faster along {matters[0]} than along {matters[1]}, so
        {matters[0]} matters and {matters[1]} hardly"""
        if matters
        else ""
    )
    tip = ""
    if len(l1_zero) == 1:
        axis = AXIS_WORDS[1 - AXIS_WORDS.index(l1_zero[0])]
        tip = f""" At the tip the disc's edge runs perpendicular to the {axis} axis, straight
        across it, while the diamond's two edges leave the tip at 45 degrees to that axis."""
    return f"""Two panels of the plane of β₁ and β₂, drawn to scale. Top: grey elliptical
        contours of a loss whose minimum (an open circle) is at {fmt_point(loss.center)}{shape}.
        The diamond and the disc of budget {fmt(t)} share their four tips on the axes. The exact
        L1 optimum is {fmt_point(l1)}, {l1_words}, with loss {values["l1"]:.2f}; the exact L2
        optimum is {fmt_point(l2)}, {l2_words}, with loss {values["l2"]:.2f}. A dashed contour in
        each region's colour passes through its optimum; the L2 optimum lies {inside} the L1
        optimum's contour. A rectangle marks the area shown below. Bottom: that area zoomed
        in.{tip} Nearby points on the diamond's edges, {points("l1")}, cost more than the L1
        optimum; nearby points on the disc, {points("l2")}, cost more than the L2 optimum."""


def _hollow_handle(label: str, **kwargs) -> plt.Line2D:
    """A legend entry for hollow round markers (the points a search or a comparison tried)."""
    return plt.Line2D(
        [],
        [],
        ls="",
        marker="o",
        color=COLORS["loss"],
        markerfacecolor="white",
        markeredgewidth=2,
        label=label,
        **kwargs,
    )
