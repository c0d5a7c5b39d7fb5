"""Figures of the chapter "In practice": exact paths on real data, cross-validation, logistic sparsity, optimizers.

Every coefficient drawn is exact: the lasso path's breakpoints from :func:`regexplain.lasso_path`
(straight lines between them), the validation errors from :func:`regexplain.lasso_cv`, the
logistic fits from :func:`regexplain.logistic`, the optimizers' iterates from
:func:`regexplain.lasso_iterates` against the exact lasso.
"""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

from ..math import in_practice as chapter
from ..math.cv import lasso_cv
from ..math.solvers import lasso_path, ridge
from .style import COLORS, NORM_STYLES, OKABE_ITO, SINGLE, STACKED, big, describe, figure_function, fmt

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


@figure_function
def diabetes_paths(X: ArrayLike, y: ArrayLike, names: list[str] | None = None) -> Figure:
    """The lasso's exact coefficient path (top) and ridge's (bottom) against ‖β‖₁ / ‖β̂_OLS‖₁, as in the LARS paper.

    Parameters
    ----------
    X, y : array_like
        The diabetes data as scikit-learn bundles them (columns centred, unit norm).
    names : list of str, optional
        The features' names.
    """
    path = lasso_path(X, y)
    names = names or [f"x{j + 1}" for j in range(np.shape(X)[1])]
    share = chapter.path_share(path)
    lams = np.r_[np.geomspace(1e6, 1e-6, 601), 0.0]  # dense: near λ = 0 the correlated columns move fast
    ridge_coefs = np.array([ridge(X, y, lam).coef for lam in lams])
    ridge_share = np.abs(ridge_coefs).sum(axis=1) / np.abs(ridge_coefs[-1]).sum()
    fig, (top, bottom) = plt.subplots(2, 1, figsize=(6.4, 9.4), sharex=True)
    for j, name in enumerate(names):
        color, style = _LINE_COLORS[j % len(_LINE_COLORS)], "-" if j < len(_LINE_COLORS) else "--"
        top.plot(share, path.coefs[:, j], color=color, ls=style, lw=1.8, label=name)
        bottom.plot(ridge_share, ridge_coefs[:, j], color=color, ls=style, lw=1.8)
        for ax, end in ((top, path.coefs[-1, j]), (bottom, ridge_coefs[-1, j])):
            ax.annotate(
                name, (1.0, end), xytext=(4, 0), textcoords="offset points", va="center", fontsize=9, color=color
            )
    for breakpoint in share[1:-1]:
        top.axvline(breakpoint, color=COLORS["guide"], lw=0.6, ls=":", zorder=0)
    top.set(ylabel="coefficient", title="Lasso: exact path, straight between its breakpoints")
    bottom.set(xlabel="‖β‖₁ / ‖β̂_OLS‖₁", ylabel="coefficient", title="Ridge: smooth, no coefficient is held at 0")
    for ax in (top, bottom):
        ax.axhline(0.0, color="black", lw=0.8)
        ax.set_xlim(0.0, 1.12)
    found = chapter.events(path)
    order = []
    for event in found:
        if event.joins and names[event.variable] not in order:
            order.append(names[event.variable])
    leaves = [names[e.variable] for e in found if not e.joins]
    leave_words = f" {', '.join(leaves)} leaves the path and later returns." if leaves else ""
    signs = np.sign(ridge_coefs[1:])  # from the first λ on: at λ = 10⁶ they are all but 0
    crossing = [names[j] for j in range(len(names)) if np.any(signs[:, j] != signs[-1, j])]
    cross_words = f" ({', '.join(crossing)} cross 0 on the way)" if crossing else ""
    return describe(
        fig,
        f"""Two panels against the share ‖β‖₁/‖β̂_OLS‖₁ of the least-squares coefficients' size,
        from 0 to 1. Top: the {len(names)} lasso coefficients of the diabetes data, exact, straight
        between {path.lams.size - 2} breakpoints (dotted lines). They leave 0 one at a time, in
        the order {", ".join(order)}.{leave_words} At the right edge they reach the least-squares
        values. Bottom: the ridge coefficients on the same axis: every one is non-zero from the
        start{cross_words} and they all move smoothly to the same least-squares
        values.""",
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
    for lam, name, style in ((cv.lam_min, "λ_min", ":"), (cv.lam_1se, "λ_1se", "-.")):
        ax.axvline(lam, color=COLORS["guide"], ls=style, lw=1.5)
        ax.annotate(
            f"{name} = {fmt(lam)}", (lam, ax.get_ylim()[1]), xytext=(3, -14), textcoords="offset points", fontsize=10
        )
    ax.set(
        xscale="log", xlabel="penalty strength λ", ylabel="mean squared error", title="Choosing λ by cross-validation"
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
        xlabel="penalty strength λ",
        ylabel="non-zero coefficients",
        title="L1 logistic regression: fewer features as λ grows",
    )
    ax.set_ylim(-0.5, np.shape(X)[1] + 0.5)
    ax.axhline(np.shape(X)[1], color=COLORS["guide"], ls=":", lw=1.2, label=f"all {np.shape(X)[1]} features")
    ax.legend(loc="upper right", fontsize=10)
    return describe(
        fig,
        f"""A step chart of the number of non-zero coefficients of the L1-penalized logistic
        regression on the breast-cancer data ({np.shape(X)[1]} standardized features, each fit
        exact and certified), against λ on a log scale from {fmt(lams[0])} to {fmt(lams[-1])}:
        {support[0]} features at the smallest λ ({support.max()} at the most), fewer overall as λ grows,
        and {support[-1]} at the largest{", where only the intercept remains" if support[-1] == 0 else ""}.""",
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
