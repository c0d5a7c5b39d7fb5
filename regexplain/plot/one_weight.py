"""Figures of the chapter "One weight": the model ``y = w·x`` and its penalized losses."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..math import one_weight
from ..math.penalties import L1, L2, PENALTIES
from .style import COLORS, NORM_STYLES, SINGLE, STACKED, describe, figure_function, fmt, mark

W_GRID = np.linspace(-0.6, 1.1, 681)
"""Weights at which the curves are drawn (the minima are solved for, not read off this grid)."""


def _data(x: ArrayLike | None, y: ArrayLike | None) -> tuple[ArrayLike, ArrayLike]:
    """The data given, or the chapter's (:func:`regexplain.math.one_weight.data`) when both are None."""
    if x is None and y is None:
        return one_weight.data()
    if x is None or y is None:
        raise ValueError("give both x and y, or neither (the chapter's data)")
    return x, y


@figure_function
def loss_curve(x: ArrayLike | None = None, y: ArrayLike | None = None, *, true_w: float = one_weight.TRUE_W) -> Figure:
    """The data with the true and fitted lines (top) and the MSE against w (bottom).

    Parameters
    ----------
    x, y : array_like, shape (n,), optional
        Data of the one-weight model; by default the chapter's.
    true_w : float, default :data:`~regexplain.math.one_weight.TRUE_W`
        The weight the data were drawn from, drawn for comparison.
    """
    x, y = _data(x, y)
    w_hat = one_weight.minimizer(x, y, 0.0, "l2")
    fig, (ax_data, ax_loss) = plt.subplots(2, 1, figsize=STACKED)
    ax_data.scatter(x, y, color=COLORS["data"], s=28, label="data", zorder=3)
    line = np.array([-1.0, 1.0])
    ax_data.plot(line, true_w * line, "--", color=COLORS["truth"], label=f"true: w = {fmt(true_w)}")
    ax_data.plot(line, w_hat * line, color=COLORS["loss"], lw=1.8, label=f"least squares: w = {fmt(w_hat)}")
    ax_data.set(xlabel="x", ylabel="y", title="Data from y = w·x + noise")
    ax_data.legend(loc="upper left")

    mse = one_weight.objective(x, y, W_GRID)
    ax_loss.plot(W_GRID, mse, color=COLORS["loss"], label="MSE(w)")
    ax_loss.axvline(true_w, ls="--", lw=1.5, color=COLORS["truth"], label=f"true w = {fmt(true_w)}")
    mse_min = float(one_weight.objective(x, y, w_hat))
    mark(ax_loss, w_hat, mse_min, color=COLORS["loss"], label=f"minimum: w = {fmt(w_hat)}")
    ax_loss.set(xlabel="weight w", ylabel="mean squared error", title="Loss against the weight")
    ax_loss.legend(loc="upper right")
    return describe(
        fig,
        f"""Two panels. Top: {len(np.asarray(x))} points scattered closely around a rising line
        through the origin, with the true line (slope {fmt(true_w)}) and the least-squares line
        (slope {fmt(w_hat)}) almost on top of each other. Bottom: the mean squared error as a
        function of the weight w is a parabola; its lowest point, marked, is at
        w = {fmt(w_hat)}, next to the true weight {fmt(true_w)}. Because of the noise the
        minimum error is {fmt(mse_min)}, not zero.""",
    )


@figure_function
def penalty_curves(lam: float = one_weight.LAM, *, ax=None) -> Figure:
    """The two penalties against w: the V of ``λ|w|`` and the parabola of ``λw²``.

    Parameters
    ----------
    lam : float, default :data:`~regexplain.math.one_weight.LAM`
        Penalty strength λ (it scales both curves alike).
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made if omitted.
    """
    fig, ax = _figure_and_axes(ax)
    for norm, penalty in PENALTIES.items():
        style = NORM_STYLES[norm]
        ax.plot(
            W_GRID, lam * penalty.value(W_GRID[:, None]), color=style.color, label=f"{style.label}: {style.weight_tex}"
        )
    ax.set(xlabel="weight w", ylabel="penalty", title=f"The penalties, λ = {fmt(lam)}")
    ax.legend(loc="upper center")
    return describe(
        fig,
        f"""The two penalties against the weight w for λ = {fmt(lam)}. The L1 penalty λ|w| is a
        V with its sharp corner at w = 0 and straight sides of slope ±{fmt(lam)}. The L2 penalty
        λw² is a parabola that is flat at w = 0; the two meet at w = 0 and at
        {" and at ".join(f"w = {fmt(w)}" for w in (-1.0, 1.0) if W_GRID[0] <= w <= W_GRID[-1])}, and for
        0 < |w| < 1 the parabola lies below the V, so small weights cost almost nothing under L2.""",
    )


@figure_function
def penalized_losses(
    x: ArrayLike | None = None, y: ArrayLike | None = None, lam: float = one_weight.LAM, *, ax=None
) -> Figure:
    """MSE, MSE + λ|w| and MSE + λw² against w, each with its exact minimum marked.

    Parameters
    ----------
    x, y : array_like, shape (n,), optional
        Data of the one-weight model; by default the chapter's.
    lam : float, default :data:`~regexplain.math.one_weight.LAM`
        Penalty strength λ, the same for both penalties.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made if omitted.
    """
    x, y = _data(x, y)
    fig, ax = _figure_and_axes(ax)
    minima = {}
    curves = (("loss", 0.0, "l2", "MSE(w)"), *((n, lam, n, f"MSE + {NORM_STYLES[n].weight_tex}") for n in PENALTIES))
    for role, strength, norm, label in curves:
        w_star = one_weight.minimizer(x, y, strength, norm)
        minima[role] = w_star
        ax.plot(W_GRID, one_weight.objective(x, y, W_GRID, strength, norm), color=COLORS[role], label=label)
        mark(ax, w_star, float(one_weight.objective(x, y, w_star, strength, norm)), color=COLORS[role])
        ax.annotate(
            f"w* = {fmt(w_star)}",
            (w_star, float(one_weight.objective(x, y, w_star, strength, norm))),
            xytext=(0, -22),
            textcoords="offset points",
            ha="center",
            color=COLORS[role],
            fontsize=11,
        )
    ax.set(xlabel="weight w", ylabel="loss", title=f"Penalized losses, λ = {fmt(lam)}")
    ax.set_ylim(bottom=min(0.0, ax.get_ylim()[0]) - 0.08)
    ax.legend(loc="upper center")
    l1_words = "exactly at w = 0" if minima["l1"] == 0.0 else f"at w = {fmt(minima['l1'])}"
    return describe(
        fig,
        f"""Three curves against the weight w, with λ = {fmt(lam)}. The plain mean squared error
        is a parabola with its minimum at w = {fmt(minima["loss"])}. Adding the L1 penalty gives
        a curve with a kink at w = 0 whose minimum sits {l1_words}. Adding the L2 penalty gives
        a steeper parabola whose minimum is pulled toward zero, to w = {fmt(minima["l2"])}, but
        not onto it.""",
    )


@figure_function
def minimizer_paths(
    x: ArrayLike | None = None, y: ArrayLike | None = None, *, lam_stop: float | None = None, ax=None
) -> Figure:
    """The exact minimizer w*(λ) of the L1- and L2-penalized losses as λ grows from 0.

    Parameters
    ----------
    x, y : array_like, shape (n,), optional
        Data of the one-weight model; by default the chapter's.
    lam_stop : float, optional
        Largest λ drawn; by default four times the λ at which the L1 minimizer reaches 0.
    ax : matplotlib.axes.Axes, optional
        Axes to draw on; a new figure is made if omitted.
    """
    x, y = _data(x, y)
    fig, ax = _figure_and_axes(ax)
    threshold = one_weight.zero_threshold(x, y)
    lams = np.linspace(0.0, lam_stop or 4.0 * threshold, 201)
    paths = {}
    for norm, style in NORM_STYLES.items():
        paths[norm] = np.array([one_weight.minimizer(x, y, lam, norm) for lam in lams])
        ax.plot(lams, paths[norm], color=style.color, label=style.label)
    ax.axvline(threshold, ls=":", lw=1.5, color=COLORS["guide"])
    ax.annotate(
        f"λ = {fmt(threshold)}:\nL1 reaches 0",
        (threshold, paths["l1"][0] * 0.85),
        xytext=(8, 0),
        textcoords="offset points",
        fontsize=11,
    )
    ax.axhline(0.0, color="black", lw=0.8)
    ax.set(xlabel="penalty strength λ", ylabel="minimizing weight w*", title="Where the minimum goes as λ grows")
    ax.legend(loc="upper right")
    return describe(
        fig,
        f"""The minimizing weight w* against the penalty strength λ from 0 to {fmt(lams[-1])}.
        Both curves start at the least-squares weight {fmt(paths["l1"][0])}. The L1 curve falls
        in a straight line, reaches exactly 0 at λ = {fmt(threshold)} (a dotted vertical line)
        and stays at 0 for every larger λ. The L2 curve falls ever more slowly and is still
        {fmt(paths["l2"][-1])}, above zero, at the right edge: it approaches 0 but never
        reaches it.""",
    )


@figure_function
def gradient_view(x: ArrayLike | None = None, y: ArrayLike | None = None, lam: float = one_weight.LAM) -> Figure:
    """The pull of each penalty (top) and the slope of each penalized loss (bottom).

    The L1 penalty's slope is ``±λ`` however close w is to 0, and at 0 it can be anything in
    ``[−λ, λ]``; the L2 penalty's slope ``2λw`` fades to nothing at 0. The minimum is where the
    slope of the penalized loss is 0, or, at L1's kink, where its range of slopes contains 0.

    Parameters
    ----------
    x, y : array_like, shape (n,), optional
        Data of the one-weight model; by default the chapter's.
    lam : float, default :data:`~regexplain.math.one_weight.LAM`
        Penalty strength λ.
    """
    x, y = _data(x, y)
    fig, (ax_pull, ax_slope) = plt.subplots(2, 1, figsize=STACKED, sharex=True)
    left, right = W_GRID[W_GRID < 0], W_GRID[W_GRID > 0]

    def mse_slope(w):
        return one_weight.mse_slope(x, y, w)

    for ax, base in ((ax_pull, np.zeros_like), (ax_slope, mse_slope)):
        for part in (left, right):
            ax.plot(part, base(part) + lam * L1.subgradient(part[:, None])[:, 0], color=COLORS["l1"])
        # The L1 subdifferential at 0: every slope in [-λ, λ] (drawn as a vertical segment).
        ax.plot([0, 0], [base(0.0) - lam, base(0.0) + lam], color=COLORS["l1"], lw=4, alpha=0.45, solid_capstyle="butt")
        ax.plot(W_GRID, base(W_GRID) + lam * L2.subgradient(W_GRID[:, None])[:, 0], color=COLORS["l2"])
        ax.axhline(0.0, color="black", lw=0.8)
    for norm, style in NORM_STYLES.items():
        ax_pull.plot([], [], color=style.color, label=f"{norm.upper()}: {style.weight_pull_tex}")
    ax_pull.set(ylabel="slope of the penalty", title="The pull toward 0")
    ax_pull.legend(loc="upper left")

    w_l1, w_l2 = (one_weight.minimizer(x, y, lam, norm) for norm in ("l1", "l2"))
    jump = float(mse_slope(0.0)) + np.array([-lam, lam])
    spans = (
        "spans zero, so its minimum is exactly at w = 0"
        if w_l1 == 0.0
        else f"does not span zero, so its minimum is where the curve crosses zero, at w = {fmt(w_l1)}"
    )
    mark(ax_slope, w_l1, 0.0, color=COLORS["l1"], label=f"L1 minimum: w* = {fmt(w_l1)}")
    mark(ax_slope, w_l2, 0.0, color=COLORS["l2"], label=f"L2 minimum: w* = {fmt(w_l2)}")
    ax_slope.set(xlabel="weight w", ylabel="slope of MSE + penalty", title="Where the slope is zero")
    ax_slope.legend(loc="upper left")
    return describe(
        fig,
        f"""Two panels against the weight w, for λ = {fmt(lam)}. Top: the slope of each
        penalty, which is how hard it pulls w toward 0. The L1 slope is a step: −{fmt(lam)} for
        negative w and +{fmt(lam)} for positive w, however close to 0, with a vertical bar at
        w = 0 covering every value in between. The L2 slope is a straight line through the
        origin, so its pull fades to nothing as w approaches 0. Bottom: the slope of the MSE
        plus each penalty. The L2 line crosses zero at w = {fmt(w_l2)}, its minimum. The L1
        curve jumps at w = 0 from {fmt(jump[0])} to {fmt(jump[1])}; the jump {spans}.""",
    )


def _figure_and_axes(ax):
    if ax is None:
        fig, ax = plt.subplots(figsize=SINGLE)
        return fig, ax
    return ax.figure, ax
