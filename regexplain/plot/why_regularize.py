"""Figures of the chapter "Why regularize": least squares, an outlier, many features, the seesaw.

Every line and every position drawn is an exact answer of :mod:`regexplain.math.why_regularize`
(least squares, ridge and lasso fits; λ from cross-validation; the seesaw's balances).
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from matplotlib.patches import Circle, FancyBboxPatch, Polygon
from numpy.typing import ArrayLike

from ..math import why_regularize as chapter
from ..math._validate import check_choice
from ..math.penalties import Penalty
from ..math.seesaw import seesaw_balance
from ..math.solvers import lasso_path
from . import _plane as plane
from .style import COLORS, NORM_STYLES, SINGLE, STACKED, describe, figure_function, fmt, fmt_point, mark

FIT_COLORS = {"ols": COLORS["loss"], "ridge": NORM_STYLES["l2"].color, "lasso": NORM_STYLES["l1"].color}
FIT_NAMES = {"ols": "least squares", "ridge": "ridge (L2)", "lasso": "lasso (L1)"}
_SEESAW_COLORS = {"l2": NORM_STYLES["l2"].color, "l1": NORM_STYLES["l1"].color, "elastic_net": COLORS["elastic_net"]}
_SEESAW_PENALTIES = {"l2": "‖x‖₂", "l1": "‖x‖₁", "elastic_net": "elastic-net penalty"}
_SEESAW_NAMES = {"l2": "L2", "l1": "L1", "elastic_net": "elastic net"}


def _line(x, y):
    return chapter.line_data() if x is None and y is None else (np.asarray(x, float), np.asarray(y, float))


@figure_function
def least_squares(x: ArrayLike | None = None, y: ArrayLike | None = None) -> Figure:
    """The points and their least-squares line (top); the MSE as contours over (β0, β1), exact minimum marked (bottom).

    Parameters
    ----------
    x, y : array_like, optional
        The points; by default :func:`regexplain.math.why_regularize.line_data`.
    """
    x, y = _line(x, y)
    fit, loss = chapter.fit_line(x, y), chapter.bowl(x, y)
    fig, (top, bottom) = plt.subplots(2, 1, figsize=STACKED)
    top.scatter(x, y, color=COLORS["data"], s=36, zorder=3, label="data")
    grid = np.array([x.min(), x.max()])
    top.plot(grid, fit.predict(grid[:, None]), color=COLORS["loss"], label=f"least squares: {_equation(fit)}")
    top.set(xlabel="x", ylabel="y", title="Ten points and their least-squares line")
    top.legend(loc="upper left")
    b0, b1 = loss.center
    lims = ((b0 - 3.0, b0 + 3.0), (b1 - 0.45, b1 + 0.45))
    reference = float(loss(np.array([b0 + 3.0, b1])))
    plane.draw_contours(bottom, loss, plane.levels(loss.floor, reference, np.arange(1, 9) / 4), lims, linewidths=1.0)
    mark(bottom, b0, b1, color=COLORS["loss"], label=f"exact minimum ({fmt(b0)}, {fmt(b1)}), MSE {fmt(loss.floor)}")
    bottom.set(xlim=lims[0], ylim=lims[1], xlabel=r"intercept $\beta_0$", ylabel=r"slope $\beta_1$")
    bottom.set_title("The mean squared error over (β₀, β₁): a bowl")
    bottom.legend(loc="upper right")
    return describe(
        fig,
        f"""Two panels. Top: {x.size} points rising from left to right around a straight line, and
        the least-squares line {_equation(fit)} through them. Bottom: the mean squared error of
        the line as a function of its intercept β₀ (across) and slope β₁ (up), drawn as nested
        elliptical contours, tilted because intercept and slope trade off against each other.
        Their centre, marked, is the exact least-squares answer ({fmt(b0)}, {fmt(b1)}), where the
        error is {fmt(loss.floor)}.""",
    )


@figure_function
def mse_bowl_3d(x: ArrayLike | None = None, y: ArrayLike | None = None) -> Figure:
    """The MSE of the line over (β0, β1) as a 3-D bowl, its exact minimum marked.

    Parameters
    ----------
    x, y : array_like, optional
        The points; by default :func:`regexplain.math.why_regularize.line_data`.
    """
    x, y = _line(x, y)
    loss = chapter.bowl(x, y)
    b0, b1 = loss.center
    B0, B1, points = plane.mesh(((b0 - 3.0, b0 + 3.0), (b1 - 0.45, b1 + 0.45)), 41)
    fig = plt.figure(figsize=(6.4, 5.6))
    ax = fig.add_subplot(projection="3d", computed_zorder=False)
    ax.plot_surface(
        B0, B1, loss(points), color="#bdbdbd", alpha=0.55, rstride=2, cstride=2, linewidth=0.3, edgecolor="white"
    )
    mark(ax, b0, b1, loss.floor, color=COLORS["loss"], zorder=10, label=f"minimum ({fmt(b0)}, {fmt(b1)})")
    ax.set_xlabel(r"intercept $\beta_0$", labelpad=8)
    ax.set_ylabel(r"slope $\beta_1$", labelpad=8)
    ax.set_zlabel("MSE", labelpad=6)
    ax.view_init(elev=28, azim=-55)
    ax.set_title("The least-squares bowl")
    fig.legend(loc="outside lower center")
    top = float(loss(points).max())
    return describe(
        fig,
        f"""A 3-D view of the mean squared error of the line over its intercept β₀ and slope β₁:
        a smooth bowl, long and narrow because a steeper slope can be partly made up for by a
        lower intercept. It rises from {fmt(loss.floor)} at its lowest point, marked at
        ({fmt(b0)}, {fmt(b1)}), the least-squares answer, to {fmt(top)} at the corners shown.""",
    )


@figure_function
def outlier() -> Figure:
    """One point moved far up: least squares tilts; ridge and lasso (λ by leave-one-out) tilt less, at a price.

    Top: the data, the clean least-squares line, and the least-squares, ridge and lasso lines
    fitted to the data with the outlier. Bottom: the slope of the ridge and lasso lines as λ
    grows, with the λ that leave-one-out cross-validation picks marked.
    """
    x, y_clean = chapter.line_data()
    _, y = chapter.line_data(outlier=True)
    clean = chapter.fit_line(x, y_clean)
    lams = {norm: chapter.outlier_lambda(norm) for norm in ("ridge", "lasso")}
    fits = {"ols": chapter.fit_line(x, y)} | {norm: chapter.fit_line(x, y, norm, lam) for norm, lam in lams.items()}
    fig, (top, bottom) = plt.subplots(2, 1, figsize=STACKED)
    top.scatter(x[:-1], y[:-1], color=COLORS["data"], s=36, zorder=3, label="data")
    top.scatter(
        x[-1:],
        y[-1:],
        color=COLORS["data"],
        s=90,
        marker="*",
        zorder=3,
        label=f"the outlier, moved to y = {fmt(y[-1])}",
    )
    grid = np.array([x.min(), x.max()])
    top.plot(
        grid,
        clean.predict(grid[:, None]),
        ls="--",
        lw=1.6,
        color=COLORS["truth"],
        label=f"without the outlier: slope {fmt(clean.coef[0])}",
    )
    for norm, fit in fits.items():
        lam = f", λ = {fmt(lams[norm])}" if norm in lams else ""
        top.plot(
            grid,
            fit.predict(grid[:, None]),
            color=FIT_COLORS[norm],
            label=f"{FIT_NAMES[norm]}{lam}: slope {fmt(fit.coef[0])}",
        )
    top.set(xlabel="x", ylabel="y", title="One outlier tilts the least-squares line", ylim=(-15, 105))
    top.legend(loc="upper left", fontsize=10)

    curve = np.geomspace(chapter.LOO_LAMS[0], chapter.LOO_LAMS[-1], 241)
    X = x[:, None]
    path = lasso_path(X, y)
    slopes = {
        "ridge": [chapter.fit_line(x, y, "ridge", lam).coef[0] for lam in curve],
        "lasso": [path.at(lam).coef[0] for lam in curve],
    }
    for norm, values in slopes.items():
        bottom.plot(curve, values, color=FIT_COLORS[norm], label=FIT_NAMES[norm])
        mark(bottom, lams[norm], fits[norm].coef[0], color=FIT_COLORS[norm])
    bottom.axhline(clean.coef[0], ls="--", lw=1.6, color=COLORS["truth"], label="slope without the outlier")
    bottom.axhline(fits["ols"].coef[0], ls=":", lw=1.4, color=COLORS["loss"], label="least squares with it")
    bottom.set(
        xscale="log",
        xlabel="penalty strength λ",
        ylabel="slope β₁",
        title="The slope as λ grows (dots: λ from leave-one-out)",
    )
    bottom.legend(loc="center left", fontsize=10)
    below = {norm: int(np.sum(fits[norm].predict(x[:-1, None]) > y[:-1])) for norm in lams}
    return describe(
        fig,
        f"""Two panels. Top: ten points rising along a line, the last one moved far up to
        y = {fmt(y[-1])}. Without it the least-squares slope is {fmt(clean.coef[0])} (a dashed
        green line). With it, least squares tilts to slope {fmt(fits["ols"].coef[0])}. Ridge with
        λ = {fmt(lams["ridge"])} has slope {fmt(fits["ridge"].coef[0])} and lasso with
        λ = {fmt(lams["lasso"])} slope {fmt(fits["lasso"].coef[0])}, each λ the one that
        leave-one-out cross-validation picks; the price is bias: the ridge line lies above
        {below["ridge"]} and the lasso line above {below["lasso"]} of the nine other points.
        Bottom: the slope of ridge and of lasso against λ on a log scale, falling from the
        least-squares {fmt(fits["ols"].coef[0])} toward 0 as λ grows, with the chosen λ marked
        and the clean slope as a dashed line.""",
    )


def _equation(fit) -> str:
    sign = "+" if fit.coef[0] >= 0 else "−"
    return f"y = {fmt(fit.intercept)} {sign} {fmt(abs(fit.coef[0]))}·x"


@figure_function
def many_features() -> Figure:
    """A polynomial of degree 9 fitted to 15 points: least squares against ridge and lasso, honestly tested.

    Top: the training points, the truth sin(2πx) and the three fitted curves. Bottom: each
    method's training and test error (500 fresh points), on a log scale.
    """
    comparison, (mean, scale) = chapter.polynomial_comparison()
    x_train, y_train, x_test, y_test = chapter.polynomial_data()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=STACKED)
    grid = np.linspace(0.0, 1.0, 401)
    Z = (chapter.powers(grid) - mean) / scale
    top.scatter(x_test, y_test, color="#cccccc", s=6, zorder=1, label="test points (held out)")
    top.scatter(x_train, y_train, color=COLORS["data"], s=36, zorder=3, label="training points")
    top.plot(grid, np.sin(2 * np.pi * grid), ls="--", lw=1.6, color=COLORS["truth"], label="the truth, sin(2πx)")
    for norm, fit in comparison.fits.items():
        top.plot(grid, fit.predict(Z), color=FIT_COLORS[norm], lw=2.0, label=FIT_NAMES[norm])
    top.set(
        xlabel="x",
        ylabel="y",
        ylim=(-2.5, 2.5),
        title=f"A degree-{chapter.POLY_DEGREE} polynomial on {x_train.size} points",
    )
    top.legend(loc="lower left", fontsize=10, ncols=2, frameon=True, framealpha=0.9, edgecolor="none")
    names = list(comparison.fits)
    positions = np.arange(len(names))
    bottom.bar(positions - 0.2, [comparison.train_mse[n] for n in names], 0.4, color="#bbbbbb", label="training error")
    bottom.bar(
        positions + 0.2,
        [comparison.test_mse[n] for n in names],
        0.4,
        color=[FIT_COLORS[n] for n in names],
        label="test error",
    )
    bottom.set(
        yscale="log",
        xticks=positions,
        ylabel="mean squared error",
        title="Errors: training data against fresh test data",
    )
    bottom.set_xticklabels([FIT_NAMES[n] for n in names])
    bottom.legend(loc="upper right")
    train, test = comparison.train_mse, comparison.test_mse
    return describe(
        fig,
        f"""Two panels. Top: {x_train.size} training points around the wave sin(2πx) on [0, 1],
        grey test points behind them, and three degree-{chapter.POLY_DEGREE} polynomial fits.
        The least-squares curve passes close to every training point and swings far outside
        the picture between them; the ridge and lasso curves, each with λ chosen by
        {chapter.FOLDS}-fold cross-validation on the training points, follow the wave. Bottom:
        bars of training and test error on a log scale. Least squares: training {fmt(train["ols"])},
        test {fmt(test["ols"])}. Ridge: {fmt(train["ridge"])} and {fmt(test["ridge"])}. Lasso:
        {fmt(train["lasso"])} and {fmt(test["lasso"])}.""",
    )


@figure_function
def diabetes(X: ArrayLike, y: ArrayLike, names: list[str] | None = None) -> Figure:
    """Least-squares, ridge and lasso coefficients on real data, and each method's test error.

    Parameters
    ----------
    X, y : array_like
        The data (scikit-learn's ``load_diabetes(return_X_y=True)``).
    names : list of str, optional
        The features' names, for the labels.
    """
    comparison = chapter.diabetes_comparison(X, y)
    p = np.shape(X)[1]
    names = names or [f"x{j + 1}" for j in range(p)]
    fig, ax = plt.subplots(figsize=(6.4, 7.4))
    rows = np.arange(p)[::-1]
    for k, (norm, fit) in enumerate(comparison.fits.items()):
        label = f"{FIT_NAMES[norm]}: test error {comparison.test_mse[norm]:,.0f}"
        ax.barh(rows + 0.27 * (1 - k), fit.coef, 0.27, color=FIT_COLORS[norm], label=label)
    ax.axvline(0.0, color="black", lw=0.8)
    ax.set(
        yticks=rows,
        xlabel="coefficient (per standard deviation of the feature)",
        title="Diabetes: the coefficients of three fits",
    )
    ax.set_yticklabels(names)
    ax.grid(axis="y", visible=False)
    fig.legend(loc="outside lower center", fontsize=11)
    test = comparison.test_mse
    changes = " ".join(_coefficient_changes(comparison, norm, names) for norm in ("ridge", "lasso"))
    return describe(
        fig,
        f"""Horizontal bars: the {p} coefficients of least squares, ridge and lasso fitted to half of
        the diabetes data ({np.shape(X)[0] // 2} patients, features standardized), three bars per
        feature. {changes} On the other half, held out, the test errors are {test["ols"]:,.0f} for
        least squares, {test["ridge"]:,.0f} for ridge and {test["lasso"]:,.0f} for lasso.""",
    )


def _coefficient_changes(comparison, norm: str, names: list[str]) -> str:
    """How a penalized fit's coefficients differ from least squares', in words."""
    ols, coef = comparison.fits["ols"].coef, comparison.fits[norm].coef
    smaller = int(np.sum(np.abs(coef) < np.abs(ols)))
    j = int(np.argmax(np.abs(coef - ols)))
    name = FIT_NAMES[norm][0].upper() + FIT_NAMES[norm][1:]
    words = f"""{name}: {smaller} of the {coef.size} coefficients are smaller in size than
        least squares', the largest change in {names[j]}, from {fmt(ols[j])} to {fmt(coef[j])}"""
    flips = [names[k] for k in np.flatnonzero((coef != 0.0) & (np.sign(coef) != np.sign(ols)))]
    zeros = [names[k] for k in np.flatnonzero(coef == 0.0)]
    if flips:
        words += f"; {', '.join(flips)} changes sign"
    if zeros:
        words += f"; {', '.join(zeros)} is exactly 0"
    return words + "."


@figure_function
def seesaw(norm: str = "l2", *, masses: ArrayLike = chapter.MASSES, torque: float = chapter.TORQUE) -> Figure:
    """The seesaw balanced with the least penalty (top), and why, in the plane of the two positions (bottom).

    Parameters
    ----------
    norm : {"l2", "l1", "elastic_net"}, default "l2"
        The penalty (the elastic net with :data:`~regexplain.math.why_regularize.L1_RATIO`).
    masses : array_like, shape (2,)
        The small child's and the big child's masses.
    torque : float
        The torque to balance, ``m·x = τ``.
    """
    norm = check_choice(norm, "norm", tuple(_SEESAW_COLORS))
    masses = np.asarray(masses, dtype=float)
    ratio = chapter.L1_RATIO if norm == "elastic_net" else None
    x = seesaw_balance(masses, torque, norm, l1_ratio=ratio)
    color = _SEESAW_COLORS[norm]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.4, 9.6), height_ratios=(0.8, 1.2))
    _draw_seesaw(top, masses, x, torque, color)
    top.set_title(f"Balanced with the least {_SEESAW_PENALTIES[norm]}", fontsize=13)

    reach = 1.25 * max(abs(torque) / masses.min(), 1.0)
    side = (-0.3 * reach, reach) if torque >= 0 else (-reach, 0.3 * reach)
    lims = (side, side)
    line = np.linspace(*lims[0], 2)
    bottom.plot(
        line, (torque - masses[0] * line) / masses[1], color=COLORS["loss"], lw=2.2, label="every balance: m·x = τ"
    )
    B1, B2, points = plane.mesh(lims, 401)
    penalty = _penalty(norm)
    bottom.contour(B1, B2, penalty.value(points), levels=[float(penalty.value(x))], colors=[color], linewidths=2.0)
    bottom.plot([], [], color=color, lw=2.0, label=f"the least {_SEESAW_PENALTIES[norm]} that reaches the line")
    mark(bottom, *x, color=color, label=f"the answer {fmt_point(x)}", gid=f"seesaw-{norm}")
    plane.frame(bottom, lims, labels=False)
    bottom.set(xlabel="small child's position x₁ (m)", ylabel="big child's position x₂ (m)")
    bottom.legend(loc="upper right", fontsize=10)
    words = {
        "l2": "both children sit on the seesaw, at positions proportional to their masses",
        "l1": "only the big child sits on the seesaw; the small child's position is exactly 0, on the fulcrum",
        "elastic_net": "both children sit on the seesaw, the small one closer to the fulcrum than with L2",
    }[norm]
    return describe(
        fig,
        f"""Two panels. Top: a seesaw on a triangular fulcrum, level. On the left a sleeping dog
        presses down with torque {fmt(torque)}; on the right a small child ({fmt(masses[0])} kg)
        at {fmt(x[0])} m and a big child ({fmt(masses[1])} kg) at {fmt(x[1])} m, drawn to scale,
        balance it: {words}. Bottom: the plane of the two positions, drawn to scale. A dark
        line holds every pair of positions that balances, {fmt(masses[0])}·x₁ +
        {fmt(masses[1])}·x₂ = {fmt(torque)}: a whole line of equally good answers. The smallest
        {"circle" if norm == "l2" else "diamond" if norm == "l1" else "rounded diamond"} of the
        penalty that reaches the line touches it at the answer {fmt_point(x)}.""",
    )


def _penalty(norm: str) -> Penalty:
    """The penalty whose contour the seesaw figure draws (‖x‖₂² has the circles of ‖x‖₂)."""
    return Penalty({"l2": 0.0, "l1": 1.0, "elastic_net": chapter.L1_RATIO}[norm])


def _draw_seesaw(ax, masses, x, torque, color) -> None:
    """The plank, the fulcrum, the dog on the left and the children (discs sized by mass) at their positions."""
    dog = chapter.DOG_POSITION
    end = max(dog, float(np.max(np.abs(x)))) * 1.12
    ax.add_patch(FancyBboxPatch((-end, -0.06), 2 * end, 0.12, boxstyle="round,pad=0.02", color="#8c6d46", zorder=2))
    ax.add_patch(Polygon([(0.0, -0.06), (-0.35, -0.75), (0.35, -0.75)], closed=True, color="#555555", zorder=1))
    ax.add_patch(FancyBboxPatch((-dog - 0.45, 0.1), 0.9, 0.42, boxstyle="round,pad=0.05", color="#a0785a", zorder=3))
    ax.text(-dog, 0.31, "dog", ha="center", va="center", color="white", fontsize=10, zorder=4)
    ax.annotate(f"torque {fmt(torque)}", (-dog, 0.62), ha="center", fontsize=10)
    for mass, position, name in zip(masses, x, ("small", "big"), strict=True):
        radius = 0.22 * np.sqrt(mass / masses.max())
        if position == 0.0:
            ax.annotate(f"the {name} child stays off (x = 0)", (0.0, -1.0), ha="center", fontsize=10, color=color)
            continue
        ax.add_patch(Circle((position, 0.08 + radius), radius, color=color, zorder=4))
        ax.annotate(f"{fmt(mass)} kg\nat {fmt(position)} m", (position, 0.2 + 2 * radius), ha="center", fontsize=10)
    ax.set(xlim=(-end - 0.3, end + 0.3), ylim=(-1.2, 1.7), xlabel="position from the fulcrum (m)")
    ax.set_aspect("equal")
    ax.set_yticks([])
    ax.spines["left"].set_visible(False)
    ax.grid(False)


@figure_function
def seesaw_valley(*, masses: ArrayLike = chapter.MASSES, torque: float = chapter.TORQUE) -> Figure:
    """The loss (m·x − τ)² over the two positions: a valley whose floor is the whole line of balances."""
    masses = np.asarray(masses, dtype=float)
    reach = 1.25 * max(abs(torque) / masses.min(), 1.0)
    side = (-0.3 * reach, reach) if torque >= 0 else (-reach, 0.3 * reach)
    lims = (side, side)
    X1, X2, points = plane.mesh(lims, 61)
    loss = (points @ masses - torque) ** 2 / 1000.0  # in thousands: readable tick labels
    fig = plt.figure(figsize=(6.4, 5.8))
    ax = fig.add_subplot(projection="3d", computed_zorder=False)
    ax.plot_surface(X1, X2, loss, color="#bdbdbd", alpha=0.6, rstride=3, cstride=3, linewidth=0.3, edgecolor="white")
    line = np.linspace(*lims[0], 50)
    valley = (torque - masses[0] * line) / masses[1]
    inside = (valley >= lims[1][0]) & (valley <= lims[1][1])
    ax.plot(
        line[inside], valley[inside], 0.0, color=COLORS["loss"], lw=2.6, zorder=10, label="the valley floor: m·x = τ"
    )
    ax.set_xlabel("x₁ (small child, m)", labelpad=6)
    ax.set_ylabel("x₂ (big child, m)", labelpad=6)
    ax.set_zlabel("(m·x − τ)², thousands", labelpad=10)
    ax.zaxis.set_tick_params(pad=6)
    ax.set_box_aspect((1.0, 1.0, 0.7))
    ax.view_init(elev=30, azim=-125)
    ax.set_title("The seesaw's loss: a valley, not a bowl")
    fig.legend(loc="outside lower center")
    return describe(
        fig,
        f"""A 3-D surface of the squared imbalance ({fmt(masses[0])}·x₁ + {fmt(masses[1])}·x₂ −
        {fmt(torque)})² over the two children's positions: a trough with a flat floor. Its
        lowest level, 0, is reached along a whole straight line, drawn dark, where the seesaw
        balances; along that line the loss cannot tell the answers apart, so least squares alone
        has no single answer.""",
    )


def _at_the_top(flags: dict[str, bool]) -> str:
    off = [_SEESAW_NAMES[norm] for norm, flag in flags.items() if flag]
    near = [_SEESAW_NAMES[norm] for norm, flag in flags.items() if not flag]
    words = f"At the largest λ both children sit at exactly 0 with {' and '.join(off)}" if off else ""
    if near:
        words += (
            "; with " if words else "At the largest λ, with "
        ) + f"{' and '.join(near)} they are near 0 but not at it"
    return words + "."


def _always_zero(flags: dict[str, bool]) -> str:
    names = [_SEESAW_NAMES[norm] for norm, flag in flags.items() if flag]
    return f" With {' and '.join(names)} the small child stays at exactly 0 for every λ." if names else ""


@figure_function
def seesaw_paths(*, masses: ArrayLike = chapter.MASSES, torque: float = chapter.TORQUE) -> Figure:
    """The penalized seesaw: positions minimizing (m·x − τ)² + λP(x) as λ falls, meeting the least-norm balances."""
    masses = np.asarray(masses, dtype=float)
    lams = chapter.SEESAW_LAMS
    fig, ax = plt.subplots(figsize=SINGLE)
    limits, small_at_zero, off_at_top = {}, {}, {}
    for norm in _SEESAW_COLORS:
        path = chapter.seesaw_path(norm, lams, masses, torque)
        small_at_zero[norm] = bool(np.all(path[:, 0] == 0.0))
        off_at_top[norm] = bool(np.all(path[-1] == 0.0))
        ratio = chapter.L1_RATIO if norm == "elastic_net" else None
        limits[norm] = seesaw_balance(masses, torque, norm, l1_ratio=ratio)
        color = _SEESAW_COLORS[norm]
        ax.plot(lams, path[:, 1], color=color, lw=2.2, label=f"{_SEESAW_NAMES[norm]}: big child")
        ax.plot(lams, path[:, 0], color=color, lw=1.6, ls="--", label="small child")
        for value in limits[norm]:
            ax.plot([lams[0]], [value], "<", color=color, markersize=9, clip_on=False, zorder=5)
    ax.set(
        xscale="log", xlabel="penalty strength λ", ylabel="position (m)", title="Penalized seesaw: positions as λ falls"
    )
    fig.legend(loc="outside lower center", fontsize=10, ncols=3)
    words = "; ".join(f"{_SEESAW_NAMES[norm]} ends at {fmt_point(limits[norm])}" for norm in _SEESAW_COLORS)
    return describe(
        fig,
        f"""Positions of the small child (dashed) and the big child (solid) that minimize the
        squared imbalance plus λ times each penalty, against λ on a log scale from
        {fmt(lams[-1])} down to {fmt(lams[0])}. {_at_the_top(off_at_top)} As λ falls they move out
        and settle, at the left edge (marked by small triangles), on the balance of least
        penalty: {words}.{_always_zero(small_at_zero)}""",
    )
