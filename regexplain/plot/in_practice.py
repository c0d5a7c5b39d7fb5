"""Figures of the chapter "In practice": exact paths on real data, cross-validation, logistic sparsity, optimizers.

Every coefficient drawn is exact: the lasso path's breakpoints from :func:`regexplain.lasso_path`
(straight lines between them), the validation errors from :func:`regexplain.lasso_cv`, the
logistic fits from :func:`regexplain.logistic`, the optimizers' iterates from
:func:`regexplain.lasso_iterates` against the exact lasso.
"""

import matplotlib as mpl
import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike, NDArray

from ..math import in_practice as chapter
from ..math import regions, why_regularize
from ..math._validate import check_choice
from ..math.cv import lasso_cv
from ..math.solvers import lasso_path, ridge
from . import _plane as plane
from .style import COLORS, NORM_STYLES, OKABE_ITO, SINGLE, STACKED, big, describe, figure_function, fmt, fmt_point

_LINE_COLORS = [OKABE_ITO[name] for name in ("blue", "vermillion", "green", "orange", "purple", "sky_blue", "black")]
_METHOD_COLORS = {
    "subgradient": COLORS["guide"],
    "ista": NORM_STYLES["l2"].color,
    "fista": NORM_STYLES["l1"].color,
    "coordinate_descent": COLORS["truth"],
}
_METHOD_NAMES = {
    "subgradient": "subgradient",
    "ista": "ISTA",
    "fista": "FISTA",
    "coordinate_descent": "coordinate descent",
}


_MODELS = (("lasso", 1.0), ("elastic net", chapter.EN_RATIO), ("ridge", 0.0))
"""The three penalties of the path figures, by their L1 share r."""


def _model_paths(
    X: ArrayLike, y: ArrayLike, paths: dict, lams: NDArray[np.float64]
) -> dict[float, NDArray[np.float64]]:
    """The exact coefficients of each of :data:`_MODELS` at every λ in ``lams`` (rows), read off ``paths`` for r > 0."""
    coefs = {r: np.array([path.at(float(lam)).coef for lam in lams]) for r, path in paths.items()}
    coefs[0.0] = np.array([ridge(X, y, float(lam)).coef for lam in lams])
    return coefs


def _label_ends(ax, ends: NDArray[np.float64], names: list[str], x: float) -> None:
    """Each coefficient's name beside its line's least-squares end, at ``x``, nudged apart so none overlap."""
    low, high = ax.get_ylim()
    gap = 0.05 * (high - low)
    order = np.argsort(ends)
    placed = np.array(ends, dtype=float)[order]
    for k in range(1, placed.size):  # push each label up to at least one gap above the one below
        placed[k] = max(placed[k], placed[k - 1] + gap)
    placed -= max(placed[-1] - high + gap / 2, 0.0)  # and back down if the top one left the axes
    for k, j in enumerate(order):
        color = _LINE_COLORS[j % len(_LINE_COLORS)]
        ax.annotate(
            names[j],
            (x, ends[j]),
            xytext=(4, placed[k]),
            textcoords=("offset points", "data"),
            va="center",
            fontsize=11,
            color=color,
        )


def _line_style(j: int) -> dict:
    return {"color": _LINE_COLORS[j % len(_LINE_COLORS)], "ls": "-" if j < len(_LINE_COLORS) else "--", "lw": 1.8}


@figure_function
def diabetes_paths(X: ArrayLike, y: ArrayLike, names: list[str] | None = None, *, against: str = "share") -> Figure:
    """The exact coefficient paths of the lasso, the elastic net and ridge, against ‖β‖₁ / ‖β̂_OLS‖₁ or λ.

    Against the share of the least-squares coefficients' L1 norm (``against="share"``, the LARS
    paper's axis) the lasso is straight between its breakpoints (dotted); against λ on a log
    scale (``against="lam"``) each path starts where its penalty lets the first coefficient
    leave 0: λ_max for the lasso, λ_max/r for the elastic net, never for ridge.

    Parameters
    ----------
    X, y : array_like
        The data (the chapter passes the diabetes data in z-scores).
    names : list of str, optional
        The features' names.
    against : {"share", "lam"}, default "share"
        The horizontal axis.
    """
    against = check_choice(against, "against", ("share", "lam"))
    paths = {r: lasso_path(X, y, l1_ratio=r) for _, r in _MODELS if r > 0.0}  # each path once, for all the figure
    lasso = paths[1.0]
    lam_max = float(lasso.lams[0])
    names = names or [f"x{j + 1}" for j in range(np.shape(X)[1])]
    if against == "share":
        lams = np.r_[np.geomspace(1e4 * lam_max, 1e-8 * lam_max, 601), 0.0]  # dense: near λ = 0 the paths move fast
    else:
        lams = np.geomspace(10.0 * lam_max, 1e-5 * lam_max, 401)
    coefs = _model_paths(X, y, paths, lams)
    fig, axes = plt.subplots(3, 1, figsize=(6.4, 11.4), sharex=True)
    for ax, (title, r) in zip(axes, _MODELS, strict=True):
        exact_lasso = against == "share" and r == 1.0
        path = lasso.coefs if exact_lasso else coefs[r]
        x = chapter.path_share(lasso) if exact_lasso else lams
        if against == "share" and not exact_lasso:
            x = np.abs(path).sum(axis=1) / np.abs(path[-1]).sum()
        for j in range(len(names)):
            ax.plot(x, path[:, j], **_line_style(j))
        ax.axhline(0.0, color="black", lw=0.8)
        ax.set(ylabel="coefficient", title=f"{title.capitalize()} (r = {fmt(r)})")
    for ax, (_, r) in zip(axes, _MODELS, strict=True):
        _label_ends(ax, coefs[r][-1], names, 1.0 if against == "share" else lams[-1])
    found = chapter.events(lasso)
    where = dict(zip(lasso.lams, chapter.path_share(lasso), strict=True))
    leaves = [e for e in found if not e.joins]
    returns = [next((o for o in found if o.joins and o.variable == e.variable and o.lam < e.lam), None) for e in leaves]
    for event in [*leaves, *(e for e in returns if e is not None)]:
        x = where[event.lam] if against == "share" else event.lam
        axes[0].plot(x, 0.0, "o", ms=7, mfc="white", mec="black", mew=1.5, zorder=5)
        word = "joins again" if event.joins else "leaves"
        axes[0].annotate(
            f"{names[event.variable]} {word}",
            (x, 0.0),
            xytext=(0, -22 if event.joins else 16),
            textcoords="offset points",
            ha="center",
            fontsize=11,
            arrowprops={"arrowstyle": "-", "color": COLORS["loss"], "lw": 0.8},
        )
    if against == "share":
        for breakpoint in chapter.path_share(lasso)[1:-1]:
            axes[0].axvline(breakpoint, color=COLORS["guide"], lw=0.6, ls=":", zorder=0)
        axes[-1].set(xlabel="‖β‖₁ / ‖β̂_OLS‖₁", xlim=(0.0, 1.14))
    else:
        axes[-1].set(xscale="log", xlabel="penalty strength λ (decreasing →)", xlim=(lams[0], lams[-1] / 20))
    order = ", ".join(chapter.entry_order(lasso, names))
    unit = (lambda e: f"a share of {fmt(where[e.lam])}") if against == "share" else (lambda e: f"λ = {fmt(e.lam)}")
    leave_words = "".join(
        f" {names[e.variable]} leaves the path at {unit(e)}"
        + (f" and joins again at {unit(back)}" if back else "")
        + " (marked)."
        for e, back in zip(leaves, returns, strict=True)
    )
    signs = np.sign(coefs[0.0][1:])  # from the second λ on: at the largest they are all but 0
    crossing = [names[j] for j in range(len(names)) if np.any(signs[:, j] != signs[-1, j])]
    cross_words = f" ({', '.join(crossing)} cross 0 on the way)" if crossing else ""
    if against == "share":
        axis_words = f"""against the share ‖β‖₁/‖β̂_OLS‖₁ of the least-squares coefficients' size,
        from 0 to 1. Top: the {len(names)} lasso coefficients, exact, straight between
        {lasso.lams.size - 2} breakpoints (dotted lines). They leave 0 one at a time, in the order
        {order}.{leave_words}"""
    else:
        axis_words = f"""against λ on a log scale, decreasing to the right. Top: the
        {len(names)} lasso coefficients are all exactly 0 above λ_max = {fmt(lam_max)}, then leave 0
        one at a time, in the order {order}.{leave_words}"""
    en_order = ", ".join(chapter.entry_order(paths[chapter.EN_RATIO], names))
    start = f" above λ_max/r = {fmt(lam_max / chapter.EN_RATIO)}" if against == "lam" else ""
    end = "reach" if against == "share" else "approach"
    return describe(
        fig,
        f"""Three panels {axis_words} Middle: the elastic net (r = {fmt(chapter.EN_RATIO)}): its
        coefficients are exactly 0{start} too, then leave 0 in the order {en_order}, curved
        between breakpoints. Bottom: ridge: every coefficient is non-zero from the start{cross_words}.
        At the right edge all three {end} the same least-squares values.""",
    )


@figure_function
def cv_curve(X: ArrayLike, y: ArrayLike) -> Figure:
    """The K-fold validation error against λ with its standard-error band, λ_min and λ_1se, and the training error."""
    cv = lasso_cv(X, y, folds=chapter.CV_FOLDS, seed=chapter.CV_SEED)
    train = chapter.in_sample_mse(X, y, cv.lams)
    fig, ax = plt.subplots(figsize=SINGLE)
    ax.fill_between(cv.lams, cv.mean - cv.se, cv.mean + cv.se, color=NORM_STYLES["l1"].color, alpha=0.2, lw=0)
    ax.plot(cv.lams, cv.mean, color=NORM_STYLES["l1"].color, label=f"validation ({chapter.CV_FOLDS}-fold), ± 1 s.e.")
    ax.plot(cv.lams, train, color=COLORS["loss"], lw=1.6, ls="--", label="training (all data)")
    # λ decreases to the right: λ_1se's label goes left of its line, λ_min's right of its own.
    for lam, name, style, side in ((cv.lam_min, "λ_min", ":", 1), (cv.lam_1se, "λ_1se", "-.", -1)):
        ax.axvline(lam, color=COLORS["guide"], ls=style, lw=1.5)
        ax.annotate(
            f"{name} = {fmt(lam)}",
            (lam, ax.get_ylim()[1]),
            xytext=(4 * side, -14),
            textcoords="offset points",
            ha="left" if side > 0 else "right",
            fontsize=11,
        )
    ax.set(
        xscale="log",
        xlabel="penalty strength λ (decreasing →)",
        ylabel="mean squared error",
        title="Choosing λ by cross-validation",
    )
    ax.invert_xaxis()
    ax.legend(loc="upper right", fontsize=10, bbox_to_anchor=(1.0, 0.85))
    best = int(np.argmin(cv.mean))
    rise = cv.mean[-1] / cv.mean[best] - 1.0
    after = (
        f"then rises by {100 * rise:.1f}% toward the smallest λ: a smaller λ starts to fit noise"
        if rise > 1e-3
        else "then stays level toward the smallest λ"
    )
    return describe(
        fig,
        f"""A chart of mean squared error against λ on a log scale, λ decreasing to the right (less
        penalty). The training error (dashed) falls all the way, from {big(train[0])} to
        {big(train[-1])}. The {chapter.CV_FOLDS}-fold validation error, with a shaded band of one
        standard error, falls from {big(cv.mean[0])} (a larger λ underfits), reaches its minimum
        {big(cv.mean[best])} at λ_min = {fmt(cv.lam_min)} and {after}, while the training error keeps
        falling. The largest λ within one standard error of the minimum,
        λ_1se = {fmt(cv.lam_1se)}, is marked too.""",
    )


@figure_function
def logistic_sparsity(X: ArrayLike, labels: ArrayLike) -> Figure:
    """How many of the features L1 logistic regression keeps, against λ (features standardized)."""
    lams = chapter.LOGISTIC_LAMS
    support = chapter.logistic_support(X, labels, lams)
    fig, ax = plt.subplots(figsize=SINGLE)
    ax.step(lams, support, where="mid", color=NORM_STYLES["l1"].color, lw=2.2, label="non-zero coefficients")
    ax.set(
        xscale="log",
        xlabel="penalty strength λ (decreasing →)",
        ylabel="non-zero coefficients",
        title="L1 logistic regression: fewer features as λ grows",
    )
    ax.set_ylim(-0.5, np.shape(X)[1] + 3.5)
    ax.invert_xaxis()  # as on the other paths of the chapter: less penalty to the right
    ax.axhline(np.shape(X)[1], color=COLORS["guide"], ls=":", lw=1.2, label=f"all {np.shape(X)[1]} features")
    ax.legend(loc="upper left", fontsize=10)
    return describe(
        fig,
        f"""A step chart of the number of non-zero coefficients of the L1-penalized logistic
        regression on the breast-cancer data ({np.shape(X)[1]} standardized features, each fit
        exact and certified), against λ on a log scale decreasing to the right, from
        {fmt(lams[-1])} to {fmt(lams[0])}: {support[-1]} features at the largest
        λ{", where only the intercept remains" if support[-1] == 0 else ""}, more overall as λ
        falls, {support.max()} at the most, and {support[0]} at the smallest.""",
    )


@figure_function
def optimizer_race(X: ArrayLike, y: ArrayLike) -> Figure:
    """Iterative lasso methods against the exact answer: their distance to it (top) and their exact zeros (bottom)."""
    race = chapter.optimizer_race(X, y)
    exact = race.pop("exact")[0]
    fig, (top, bottom) = plt.subplots(2, 1, figsize=STACKED, sharex=True)
    steps = np.arange(chapter.OPTIMIZER_STEPS + 1)
    words = []
    for method, iterates in race.items():
        color = _METHOD_COLORS[method]
        distance = np.maximum(np.abs(iterates - exact).max(axis=1), 1e-16)
        top.plot(steps, distance, color=color, lw=2.0, label=_METHOD_NAMES[method])
        zeros = np.sum(iterates == 0.0, axis=1)
        bottom.plot(steps, zeros, color=color, lw=2.0, drawstyle="steps-post")
        first = chapter.first_exact_step(iterates, exact)
        words.append(
            f"{_METHOD_NAMES[method]} has the exact zeros from step {first}"
            if first is not None
            else f"{_METHOD_NAMES[method]} ends with {zeros[-1]} exact zeros"
        )
    bottom.axhline(np.sum(exact == 0.0), color=COLORS["loss"], ls="--", lw=1.4, label="the exact lasso's zeros")
    final = {method: float(np.abs(iterates[-1] - exact).max()) for method, iterates in race.items()}
    ranking = [f"{_METHOD_NAMES[m]} ({fmt(final[m], 2)})" for m in sorted(final, key=final.get)]
    top.set(yscale="log", ylabel="largest distance to the exact β", title="Iterative methods against the exact lasso")
    top.legend(loc="upper right", fontsize=10)
    bottom.set(xlabel="step (for coordinate descent, sweep)", ylabel="coefficients exactly 0")
    bottom.legend(loc="center right", fontsize=10)
    return describe(
        fig,
        f"""Two panels against the step number, up to {chapter.OPTIMIZER_STEPS}, for four iterative
        methods on the diabetes lasso at λ = {fmt(chapter.OPTIMIZER_LAM_SHARE)}·λ_max, whose
        exact answer has {int(np.sum(exact == 0.0))} coefficients exactly 0. Top: the largest
        distance of each method's iterate to the exact answer, on a log scale; at the last step,
        from closest to farthest: {", ".join(ranking)}. Bottom: how many
        coefficients of each iterate are exactly 0. {"; ".join(words)}.""",
    )


@figure_function
def scaling_paths(X: ArrayLike, y: ArrayLike, names: list[str] | None = None) -> Figure:
    """The lasso path of the same data in raw units (top) and in z-scores (bottom), against ‖β‖₁ / ‖β̂_OLS‖₁.

    Parameters
    ----------
    X, y : array_like
        The data in raw units (the chapter passes ``load_diabetes(scaled=False)``).
    names : list of str, optional
        The features' names.
    """
    names = names or [f"x{j + 1}" for j in range(np.shape(X)[1])]
    scale = np.std(X, axis=0)
    fig, axes = plt.subplots(2, 1, figsize=STACKED, sharex=True, sharey=True)
    words = []
    for ax, (title, data, units) in zip(
        axes, (("raw units", X, scale), ("z-scores", chapter.standardize(X), np.ones_like(scale))), strict=True
    ):
        path = lasso_path(data, y)
        coefs = path.coefs * units  # per standard deviation of each column, in both panels
        share = np.abs(path.coefs).sum(axis=1) / np.abs(path.coefs[-1]).sum()  # in each fit's own units
        for j in range(len(names)):
            ax.plot(share, coefs[:, j], **_line_style(j))
        ax.axhline(0.0, color="black", lw=0.8)
        order = chapter.entry_order(path, names)
        ax.set(ylabel="coefficient × column's s.d.", title=f"Lasso in {title}: {', '.join(order[:3])} enter first")
        leaves = sum(not e.joins for e in chapter.events(path))
        words.append(f"in {title} the order of entry is {', '.join(order)}, with {leaves} exit{'s' * (leaves != 1)}")
    for ax in axes:
        _label_ends(ax, coefs[-1], names, 1.0)
    axes[-1].set(xlabel="‖β‖₁ / ‖β̂_OLS‖₁", xlim=(0.0, 1.14))
    return describe(
        fig,
        f"""Two panels of the lasso's exact path on the same data, fitted in raw units (top) and in
        z-scores (bottom), against the share ‖β‖₁/‖β̂_OLS‖₁ of each fit's own least squares. Each
        coefficient is drawn per standard deviation of its column, so both panels end at the same
        least-squares values. The paths between differ: {"; ".join(words)}.""",
    )


@figure_function
def polynomial_units() -> Figure:
    """The lasso on polynomial features of the same points with x in two units: raw powers against z-scores."""
    x_train, y_train, _, _ = why_regularize.polynomial_data()
    fig, axes = plt.subplots(2, 1, figsize=STACKED)
    words = []
    for ax, units in zip(axes, (1.0, chapter.POLY_UNITS), strict=True):
        ax.plot(units * x_train, y_train, "o", color=COLORS["data"], label="training points")
        for standardized, color, style in ((False, COLORS["l1"], "--"), (True, COLORS["truth"], "-")):
            fit = chapter.polynomial_lasso(units, standardized=standardized)
            kind = "z-scored" if standardized else "raw"
            label = f"{kind}: {chapter.powers_words(fit.powers)}"
            ax.plot(units * chapter.POLY_GRID, fit.curve, color=color, ls=style, lw=2.2, label=label)
            words.append(
                f"with x on [0, {fmt(units)}] the lasso on {kind} powers keeps {chapter.powers_words(fit.powers)}"
                f" (test MSE {fmt(fit.test_mse, 2)})"
            )
        ax.set(xlabel=f"x, on [0, {fmt(units)}]", ylabel="y", ylim=(-2.4, 2.2))
        ax.legend(loc="lower left", fontsize=11, title="powers kept", title_fontsize=11)
    axes[0].set_title("The same points, x in two units: the lasso on x … x⁹")
    return describe(
        fig,
        f"""Two panels of the same {x_train.size} training points of a sine wave, with x measured in
        two units: on [0, 1] (top) and on [0, {fmt(chapter.POLY_UNITS)}] (bottom). Each shows the
        lasso's curve on the powers x to x⁹, λ by cross-validation, once with the raw powers
        (dashed) and once with z-scored powers (solid): {"; ".join(words)}.""",
    )


@figure_function
def elastic_net_contours() -> Figure:
    """Where the elastic-net penalty r‖β‖₁ + (1 − r)‖β‖₂² is 1, for several r: from the diamond to the circle."""
    theta = np.linspace(0.0, 2.0 * np.pi, 721)
    fig, ax = plt.subplots(figsize=SINGLE)
    diagonals = []
    for r in chapter.EN_CONTOUR_RATIOS:
        norm, kwargs = {1.0: ("l1", {}), 0.0: ("l2", {})}.get(r, ("elastic_net", {"l1_ratio": r}))
        outline = regions.boundary(norm, 1.0, theta, **kwargs)  # its tips at (±1, 0), (0, ±1): P = 1 there
        color = _mix(r)
        ax.plot(*outline.T, color=color, lw=2.2, label=f"r = {fmt(r)}")
        diagonals.append(fmt(float(regions.boundary(norm, 1.0, np.pi / 4, **kwargs)[0])))
    plane.frame(ax, ((-1.25, 1.25), (-1.25, 1.25)), title="Where r‖β‖₁ + (1 − r)‖β‖₂² = 1")
    ax.legend(loc="center left", bbox_to_anchor=(1.02, 0.5), fontsize=11, title="L1 share")
    return describe(
        fig,
        f"""The β₁–β₂ plane with the curve where the elastic-net penalty r‖β‖₁ + (1 − r)‖β‖₂² equals
        1, for r = {", ".join(fmt(r) for r in chapter.EN_CONTOUR_RATIOS)}, coloured from
        orange-red (r = 1, the diamond) to blue (r = 0, the circle). All pass through the four
        tips (±1, 0) and (0, ±1). In between they bulge out with falling r: on the diagonal they
        cross at β₁ = β₂ = {", ".join(diagonals)}. Every curve with r > 0 keeps a corner at each
        tip, which is why the elastic net still sets coefficients exactly to 0.""",
    )


def _mix(r: float) -> str:
    """The colour of L1 share r: from L2's blue at 0 to L1's orange-red at 1."""
    l1, l2 = (np.array(mpl.colors.to_rgb(NORM_STYLES[norm].color)) for norm in ("l1", "l2"))
    return mpl.colors.to_hex(r * l1 + (1.0 - r) * l2)


@figure_function
def grouped_selection() -> Figure:
    """The lasso keeps one of a correlated group, the elastic net the whole group: exact paths against λ/λ_max."""
    X, _ = chapter.correlated_group()
    shares = np.linspace(1.0, 0.0, 401)
    fig, axes = plt.subplots(2, 1, figsize=STACKED, sharex=True)
    words, at_share = [], []
    for ax, (title, r) in zip(axes, (("Lasso", 1.0), ("Elastic net", chapter.EN_RATIO)), strict=True):
        path = chapter.group_path(r)
        coefs = np.array([path.at(share * float(path.lams[0])).coef for share in shares])
        for j in range(coefs.shape[1]):
            in_group = j < chapter.GROUP_SIZE
            ax.plot(
                shares,
                coefs[:, j],
                color=_LINE_COLORS[j] if in_group else COLORS["guide"],
                lw=2.2 if in_group else 1.2,
                ls="-" if in_group else ":",
                label=f"x{j + 1} (group)" if in_group else ("independent columns" if j == chapter.GROUP_SIZE else None),
            )
        entries = chapter.group_entries(path)
        group = path.at(chapter.GROUP_SHARE * float(path.lams[0])).coef[: chapter.GROUP_SIZE]
        at_share.append(f"{fmt_point(group)} for the {title.lower()}")
        ax.axvline(chapter.GROUP_SHARE, color=COLORS["loss"], lw=0.8, ls="--")
        ax.set(ylabel="coefficient", title=f"{title} (r = {fmt(r)})")
        words.append(
            f"{title.lower()}: one member of the group from λ_max, the second from {fmt(entries[1], 2)}·λ_max, "
            f"all {chapter.GROUP_SIZE} from {fmt(entries[-1], 2)}·λ_max"
        )
    axes[0].legend(loc="upper left", fontsize=10)
    axes[-1].set(xlabel="λ / λ_max (decreasing →)", xlim=(1.0, 0.0))
    return describe(
        fig,
        f"""Two panels of exact coefficient paths against λ/λ_max, from 1 down to 0, on data where
        x1, x2 and x3 are one signal plus a little noise (correlations about
        {fmt(float(np.corrcoef(X[:, : chapter.GROUP_SIZE].T)[0, 1]), 2)}) and the other columns are
        independent (grey, dotted). Top: the lasso; bottom: the elastic net. A dashed line marks
        {fmt(chapter.GROUP_SHARE)}·λ_max, where the group's coefficients are {"; ".join(at_share)}.
        In the {"; in the ".join(words)}.""",
    )


@figure_function
def weight_decay() -> Figure:
    """One coefficient under the penalty's own steps: L2's geometric decay, L1's subgradient and proximal steps."""
    steps = np.arange(chapter.DECAY_STEPS + 1)
    fig, ax = plt.subplots(figsize=SINGLE)
    styles = {
        "weight_decay": (NORM_STYLES["l2"].color, "-", "L2 gradient step (weight decay)"),
        "l1_subgradient": (COLORS["guide"], "--", "L1 subgradient step"),
        "l1_proximal": (NORM_STYLES["l1"].color, "-", "L1 proximal step (soft-threshold)"),
    }
    values = {kind: chapter.penalty_steps(kind) for kind in chapter.PENALTY_STEPS}
    for kind, (color, style, label) in styles.items():
        on_top = 3 if kind == "l1_subgradient" else 2  # dashed over the proximal line it shares until 0
        ax.plot(steps, values[kind], color=color, ls=style, lw=2.2, marker="o", ms=3, label=label, zorder=on_top)
    zero = int(np.argmax(values["l1_proximal"] == 0.0))
    ax.annotate(
        f"exactly 0 from step {zero}",
        (zero, 0.0),
        xytext=(zero + 4, 0.3),
        fontsize=11,
        arrowprops={"arrowstyle": "->", "color": COLORS["loss"]},
    )
    ax.axhline(0.0, color="black", lw=0.8)
    title = f"The penalty alone: step η = {fmt(chapter.DECAY_STEP)}, λ = {fmt(chapter.DECAY_LAM)}"
    ax.set(xlabel="step", ylabel="coefficient β", title=title)
    ax.legend(loc="upper right", fontsize=10)
    decay = values["weight_decay"]
    crossed = values["l1_subgradient"][zero:]
    return describe(
        fig,
        f"""A chart of one coefficient, starting at {fmt(chapter.DECAY_START)}, over
        {chapter.DECAY_STEPS} steps of the penalty alone. The L2 gradient step multiplies it by
        {fmt(decay[1] / decay[0])} each time, a geometric decay that is still {fmt(decay[-1], 2)}
        after {chapter.DECAY_STEPS} steps and never reaches 0. The L1 steps move it by a fixed
        amount, straight down: the proximal step (soft-threshold) stops at exactly 0 at step
        {zero} and stays there; the plain subgradient step overshoots and jumps between
        {fmt(float(crossed.min()), 2)} and {fmt(float(crossed.max()), 2)} from then on.""",
    )
