"""The chapter "In practice": exact paths on real data, scaling, λ, elastic net, logistic regression, optimizers.

Real data (scikit-learn's bundled diabetes and breast-cancer data) are passed in as arrays;
the package needs only numpy. The diabetes data are used as the LARS paper (Efron, Hastie,
Johnstone and Tibshirani, 2004) used them: every column centred with unit Euclidean norm
(scikit-learn's ``load_diabetes()`` default), the target centred by the intercept; the raw
units (``load_diabetes(scaled=False)``) show what scaling changes. The synthetic examples
(the polynomial in other units, the correlated group, the penalty's own steps) are seeded
and defined here.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import why_regularize
from ._validate import as_float_array, check_choice, check_Xy
from .classification import logistic
from .crosswalk import to_glmnet, to_sklearn
from .cv import lasso_cv
from .optimizers import lasso_iterates
from .penalties import L1, L2
from .solvers import LassoPath, lasso, lasso_lambda_max, lasso_path

LARS_ORDER = ("bmi", "s5", "bp", "s3", "sex", "s6", "s1", "s4", "s2", "age")
"""The order in which the variables enter the LARS paper's diabetes path, in scikit-learn's
names (the paper calls them bmi, ltg, map, hdl, sex, glu, tc, tch, ldl and age)."""
CV_FOLDS, CV_SEED = 10, 0
"""The folds of the chapter's cross-validation."""
LOGISTIC_LAMS = np.geomspace(1e-3, 0.5, 40)
"""The λ of the logistic sparsity curve (standardized breast-cancer features)."""
OPTIMIZER_STEPS = 400
"""Steps of each optimizer in the race to the lasso's exact zeros."""
OPTIMIZER_LAM_SHARE = 0.05
"""The race's λ, as a share of λ_max."""
EN_RATIO = 0.5
"""The elastic net's L1 share r in the chapter's paths and in the grouped selection."""
POLY_UNITS = 3.0
"""The polynomial example of "Why regularize" with x measured in units this many times smaller (x on [0, 3])."""
POLY_GRID = np.linspace(0.0, 1.0, 201)
"""Where the polynomial fits are drawn, in the example's original units."""
POLY_GRID.flags.writeable = False
EN_CONTOUR_RATIOS = (1.0, 0.75, 0.5, 0.25, 0.0)
"""The l1_ratio of the elastic-net contours, from the diamond (1) to the circle (0)."""
GROUP_N, GROUP_SIZE, GROUP_OTHERS, GROUP_NOISE, GROUP_SEED = 100, 3, 3, 0.15, 2
"""The grouped-selection data has 100 rows, a group of 3 columns that are one signal plus noise
of standard deviation 0.15 (correlation about 0.97), and 3 independent columns."""
GROUP_SAMPLES = 10
"""How many samples of the grouped-selection data (seeds 0, 1, ...) the chapter compares."""
GROUP_SHARE = 0.5
"""The share of each fit's own λ_max at which the two fits of the correlated group are compared."""
DECAY_START, DECAY_STEP, DECAY_LAM, DECAY_STEPS = 1.0, 0.1, 0.6, 40
"""The penalty's own steps start from β = 1, with step size η = 0.1 and λ = 0.6, for 40 steps."""


@dataclass(frozen=True)
class Event:
    """A change of the lasso path's active set: ``variable`` joins or leaves at ``lam``."""

    lam: float
    variable: int
    joins: bool


def events(path: LassoPath) -> list[Event]:
    """Every join and leave along an exact path, in the order of decreasing λ.

    On the piece between two breakpoints the active set is fixed. A variable that is 0 at a
    breakpoint and non-zero at the next (smaller) one joins at the first; one that is non-zero
    and then 0 leaves at the second.

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> [(round(e.lam, 4), e.variable, e.joins) for e in events(rx.lasso_path(X, X @ [2.0, -0.1]))]
    [(2.0, 0, True), (0.0375, 1, True)]
    """
    found = []
    for k in range(path.lams.size - 1):
        before, after = path.coefs[k] != 0.0, path.coefs[k + 1] != 0.0
        found += [Event(float(path.lams[k]), int(j), True) for j in np.flatnonzero(~before & after)]
        found += [Event(float(path.lams[k + 1]), int(j), False) for j in np.flatnonzero(before & ~after)]
    return sorted(found, key=lambda event: -event.lam)


def entry_order(path: LassoPath, names: list[str]) -> list[str]:
    """The names of the variables in the order they first join the path.

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> entry_order(rx.lasso_path(X, X @ [-0.1, 2.0]), ["a", "b"])
    ['b', 'a']
    """
    order = []
    for event in events(path):
        if event.joins and names[event.variable] not in order:
            order.append(names[event.variable])
    return order


def path_share(path: LassoPath) -> NDArray[np.float64]:
    """``‖β(λ)‖₁ / ‖β̂_OLS‖₁`` at each breakpoint: the LARS paper's horizontal axis, from 0 to 1."""
    norms = np.abs(path.coefs).sum(axis=1)
    return norms / norms[-1]


def in_sample_mse(X: ArrayLike, y: ArrayLike, lams: ArrayLike) -> NDArray[np.float64]:
    """The training MSE of the lasso fitted to all the data, at each λ (read off one exact path)."""
    X, y = check_Xy(X, y)
    path = lasso_path(X, y)
    return np.array([np.mean((path.at(float(lam)).predict(X) - y) ** 2) for lam in np.asarray(lams, dtype=float)])


def standardize(X: ArrayLike) -> NDArray[np.float64]:
    """Columns in z-scores (mean 0, standard deviation 1), by :func:`~regexplain.math.why_regularize.standardize`."""
    return why_regularize.standardize(X, X)[0]


@dataclass(frozen=True)
class PolynomialLasso:
    """The lasso on polynomial features: the powers it keeps, its test MSE, its curve on :data:`POLY_GRID`."""

    powers: tuple[int, ...]
    test_mse: float
    curve: NDArray[np.float64]


def polynomial_lasso(units: float, *, standardized: bool) -> PolynomialLasso:
    """The lasso on the polynomial example of "Why regularize", with x measured in other units.

    The 15 training points are those of :func:`~regexplain.math.why_regularize.polynomial_data`,
    with x multiplied by ``units``; the features are the powers x … x⁹, raw or in z-scores
    (the training data's), and λ is :func:`~regexplain.lasso_cv`'s λ_min (5 folds) on the
    training points. Standardized, the answer does not depend on the units.

    Examples
    --------
    >>> polynomial_lasso(1.0, standardized=True).powers == polynomial_lasso(POLY_UNITS, standardized=True).powers
    True
    """
    x_train, y_train, x_test, y_test = why_regularize.polynomial_data()
    P_train = why_regularize.powers(units * x_train)
    P_test, P_grid = why_regularize.powers(units * x_test), why_regularize.powers(units * POLY_GRID)
    if standardized:
        P_test = why_regularize.standardize(P_train, P_test)[1]
        P_train, P_grid = why_regularize.standardize(P_train, P_grid)
    fit = lasso(P_train, y_train, lasso_cv(P_train, y_train).lam_min)
    return PolynomialLasso(
        tuple(int(j) + 1 for j in np.flatnonzero(fit.coef)),
        float(np.mean((fit.predict(P_test) - y_test) ** 2)),
        fit.predict(P_grid),
    )


def powers_words(powers: tuple[int, ...]) -> str:
    """Powers of x as the page writes them: ``(1, 2, 9)`` → ``"x, x², x⁹"``."""
    superscripts = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
    return ", ".join("x" if k == 1 else f"x{str(k).translate(superscripts)}" for k in powers)


def correlated_group(seed: int = GROUP_SEED) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The grouped-selection data ``X, y``: the first :data:`GROUP_SIZE` columns one signal plus small noise.

    ``y`` is the sum of the group's columns, plus half the first independent column, plus
    standard normal noise.
    """
    rng = np.random.default_rng(seed)
    signal = rng.standard_normal(GROUP_N)
    group = signal[:, None] + GROUP_NOISE * rng.standard_normal((GROUP_N, GROUP_SIZE))
    others = rng.standard_normal((GROUP_N, GROUP_OTHERS))
    y = group.sum(axis=1) + 0.5 * others[:, 0] + rng.standard_normal(GROUP_N)
    return np.column_stack([group, others]), y


def group_path(l1_ratio: float) -> LassoPath:
    """The exact path of the lasso (``l1_ratio=1``) or the elastic net on :func:`correlated_group`."""
    return lasso_path(*correlated_group(), l1_ratio=l1_ratio)


def group_kept(l1_ratio: float, seed: int = GROUP_SEED, share: float = GROUP_SHARE) -> int:
    """How many of the group's columns have a non-zero coefficient at ``share`` of the path's own λ_max."""
    path = lasso_path(*correlated_group(seed), l1_ratio=l1_ratio)
    return int(np.sum(path.at(share * float(path.lams[0])).coef[:GROUP_SIZE] != 0.0))


def group_entries(path: LassoPath) -> NDArray[np.float64]:
    """The shares λ/λ_max at which the group's members first join ``path``, largest first."""
    first = {}
    for event in events(path):
        if event.joins and event.variable < GROUP_SIZE:
            first.setdefault(event.variable, event.lam / float(path.lams[0]))
    return np.sort(list(first.values()))[::-1]


PENALTY_STEPS = ("weight_decay", "l1_subgradient", "l1_proximal")
"""The kinds of :func:`penalty_steps`."""


def penalty_steps(kind: str) -> NDArray[np.float64]:
    """One coefficient under the penalty's own steps, from :data:`DECAY_START`: ``DECAY_STEPS + 1`` values.

    ``"weight_decay"``: the gradient step of λβ², β ← β − 2ηλβ = (1 − 2ηλ)β, a geometric
    decay that never reaches 0. ``"l1_subgradient"``: β ← β − ηλ·sign(β), straight down,
    then across 0 and back. ``"l1_proximal"``: the soft-threshold ``β ← sign(β)·max(|β| − ηλ, 0)``,
    straight down to exactly 0, and there it stays.

    Examples
    --------
    >>> penalty_steps("l1_proximal")[-1], penalty_steps("weight_decay")[-1] > 0
    (np.float64(0.0), np.True_)
    """
    step = {
        "weight_decay": lambda b: b - DECAY_STEP * DECAY_LAM * L2.subgradient(b),
        "l1_subgradient": lambda b: b - DECAY_STEP * DECAY_LAM * L1.subgradient(b),
        "l1_proximal": lambda b: L1.prox(b, DECAY_STEP * DECAY_LAM),
    }[check_choice(kind, "kind", PENALTY_STEPS)]
    values = [np.array([DECAY_START])]
    for _ in range(DECAY_STEPS):
        values.append(step(values[-1]))
    return np.concatenate(values)


def interactions(X: ArrayLike) -> NDArray[np.float64]:
    """The columns of ``X`` and every product of two of them, squares included.

    A column with only two values (the diabetes data's sex) gets no square: its square is a
    linear function of it, a duplicate column that would leave the lasso no unique answer.

    Examples
    --------
    >>> interactions([[1.0, 2.0], [3.0, 4.0], [1.0, 5.0]])
    array([[ 1.,  2.,  2.,  4.],
           [ 3.,  4., 12., 16.],
           [ 1.,  5.,  5., 25.]])
    """
    X = as_float_array(X, "X", ndim=2)
    i, j = np.triu_indices(X.shape[1])
    keep = (i != j) | np.array([np.unique(X[:, k]).size > 2 for k in i])
    return np.column_stack([X, X[:, i[keep]] * X[:, j[keep]]])


def cv_design(X: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The chapter's cross-validation problem: :func:`interactions` of the columns, all in z-scores, and y in z-scores.

    With 64 columns on the diabetes data's 442 rows, a small λ has room to fit noise.
    """
    X, y = check_Xy(X, y)
    return z_scores(interactions(X), y)


def z_scores(X: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The columns and the target in z-scores: the scale at which the elastic net's two parts are comparable.

    The L1 part of the penalty grows with the coefficients' size, the squared L2 part with its
    square, so their balance depends on the units of y as well as of X (glmnet scales y for
    this reason). The lasso's and ridge's paths only change scale.
    """
    X, y = check_Xy(X, y)
    return standardize(X), (y - y.mean()) / y.std()


def logistic_support(X: ArrayLike, labels: ArrayLike, lams: ArrayLike = LOGISTIC_LAMS) -> NDArray[np.intp]:
    """The number of non-zero coefficients of the L1 logistic regression at each λ (features standardized)."""
    Z = standardize(X)
    return np.array([int(np.sum(logistic(Z, labels, float(lam)).coef != 0.0)) for lam in np.asarray(lams, dtype=float)])


def optimizer_race(X: ArrayLike, y: ArrayLike) -> dict[str, NDArray[np.float64]]:
    """Each method's iterates on the lasso at :data:`OPTIMIZER_LAM_SHARE` of λ_max; ``"exact"``: the answer."""
    lam = OPTIMIZER_LAM_SHARE * lasso_lambda_max(X, y)
    race = {method: lasso_iterates(X, y, lam, method, OPTIMIZER_STEPS) for method in _RACERS}
    race["exact"] = lasso(X, y, lam).coef[None, :]
    return race


_RACERS = ("subgradient", "ista", "fista", "coordinate_descent")


def first_exact_step(iterates: NDArray[np.float64], exact: NDArray[np.float64]) -> int | None:
    """The first step from which the iterates have exactly the exact answer's zeros, for good; None if never."""
    match = np.all((iterates == 0.0) == (exact == 0.0), axis=1)
    if not match[-1]:
        return None
    misses = np.flatnonzero(~match)
    return int(misses[-1] + 1) if misses.size else 0


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "In practice" quotes.

    The diabetes path (its λ_max, how many pieces and joins, the order of entry, the variable
    that leaves and returns and where, the least-squares end's L1 norm), the cross-validation's choices, the logistic
    regression's sparsity, the optimizers' race to the exact zeros, and λ_min in the other
    programs' parameters (``cross_*``).
    """

    lam_max: float
    pieces: int
    lars_steps: int
    entry_order: str
    drop_name: str
    drop_lam: float
    rejoin_lam: float
    ols_l1: float
    cv_folds: int
    cv_features: int
    cv_rise: float
    cv_rise_se: float
    cv_lam_min: float
    cv_lam_1se: float
    cv_nonzero_min: int
    cv_nonzero_1se: int
    cv_mse_min: float
    cross_lasso_alpha: float
    cross_ridge_alpha: float
    cross_glmnet_lambda: float
    cross_logistic_c: float
    cross_t: float
    logistic_features: int
    logistic_most: int
    logistic_fewest: int
    race_lam: float
    race_zeros: int
    race_steps: int
    ista_step: int
    fista_step: int
    cd_step: int
    subgradient_zeros: int
    raw_entry_order: str
    raw_pieces: int
    raw_leaves: int
    raw_scale_ratio: float
    en_ratio: float
    en_lam_max: float
    paper_lam_max: float
    poly_units: float
    poly_kept_raw: str
    poly_kept_z: str
    poly_test_raw: float
    poly_test_z: float
    poly_test_ratio: float
    group_corr: float
    group_share: float
    group_samples: int
    group_lasso_one: int
    group_en_whole: int
    group_lasso_second: float
    group_lasso_all: float
    group_en_all: float
    decay_eta: float
    decay_lam: float
    decay_factor: float
    decay_steps: int
    decay_last: float
    l1_zero_step: int
    subgradient_low: float
    subgradient_high: float


def facts(diabetes, raw_diabetes, cancer) -> Facts:
    """The chapter's numbers, from the diabetes and the breast-cancer data.

    Parameters
    ----------
    diabetes, raw_diabetes, cancer
        Data sets with ``data`` and ``target`` (and, for the diabetes data, ``feature_names``)
        attributes, as scikit-learn's ``load_diabetes()``, ``load_diabetes(scaled=False)`` and
        ``load_breast_cancer()`` return them.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(60, 10))
    >>> regression = SimpleNamespace(data=X, target=X[:, 2] + rng.normal(size=60), feature_names=list(LARS_ORDER))
    >>> f = facts(regression, regression, SimpleNamespace(data=X, target=(X[:, 0] > 0) * 1.0))
    >>> f.entry_order.split(", ")[0], f.race_steps
    ('bp', 400)
    """
    X, y = check_Xy(diabetes.data, diabetes.target)
    names = list(diabetes.feature_names)
    X_labels, labels = check_Xy(cancer.data, np.asarray(cancer.target, dtype=float))
    Z, z = z_scores(X, y)
    paper = lasso_path(X, y)  # the paper's units, for its horizontal axis
    path = lasso_path(Z, z)  # every λ the page quotes: z-scores of the columns and of y
    found = events(path)
    joins = [e for e in found if e.joins]
    leaves = [e for e in found if not e.joins]
    drop = leaves[0] if leaves else None
    rejoin = next((e for e in joins if drop and e.variable == drop.variable and e.lam < drop.lam), None)
    design = cv_design(X, y)
    cv = lasso_cv(*design, folds=CV_FOLDS, seed=CV_SEED)
    cv_path = lasso_path(*design)
    support = logistic_support(X_labels, labels)
    race = optimizer_race(Z, z)
    exact = race["exact"][0]
    firsts = {m: first_exact_step(race[m], exact) for m in ("ista", "fista", "coordinate_descent")}
    steps = {m: -1 if step is None else step for m, step in firsts.items()}  # -1: never
    raw_X, raw_y = check_Xy(raw_diabetes.data, raw_diabetes.target)
    raw = lasso_path(raw_X, raw_y)
    poly = {kind: polynomial_lasso(POLY_UNITS, standardized=kind == "z") for kind in ("raw", "z")}
    group_X, _ = correlated_group()
    group = {r: group_path(r) for r in (1.0, EN_RATIO)}
    samples = {r: [group_kept(r, seed) for seed in range(GROUP_SAMPLES)] for r in group}
    decay, subgradient = penalty_steps("weight_decay"), penalty_steps("l1_subgradient")
    crossed = subgradient[int(np.argmax(subgradient < 0.0)) :]  # from its first step across 0
    return Facts(
        lam_max=float(path.lams[0]),
        pieces=int(path.lams.size - 1),
        lars_steps=len({e.variable for e in joins}),
        entry_order=", ".join(entry_order(path, names)),
        drop_name=names[drop.variable] if drop else "",
        drop_lam=drop.lam if drop else 0.0,
        rejoin_lam=rejoin.lam if rejoin else 0.0,
        ols_l1=float(np.abs(paper.coefs[-1]).sum()),
        cv_folds=CV_FOLDS,
        cv_features=int(design[0].shape[1]),
        cv_rise=float(cv.mean[-1] / cv.mean.min() - 1.0),
        cv_rise_se=float((cv.mean[-1] - cv.mean.min()) / cv.se[int(np.argmin(cv.mean))]),
        cv_lam_min=cv.lam_min,
        cv_lam_1se=cv.lam_1se,
        cv_nonzero_min=int(np.sum(cv_path.at(cv.lam_min).coef != 0.0)),
        cv_nonzero_1se=int(np.sum(cv_path.at(cv.lam_1se).coef != 0.0)),
        cv_mse_min=float(cv.mean.min()),
        cross_lasso_alpha=to_sklearn("lasso", cv.lam_min, n_samples=y.size)["alpha"],
        cross_ridge_alpha=to_sklearn("ridge", cv.lam_min, n_samples=y.size)["alpha"],
        cross_glmnet_lambda=to_glmnet(cv.lam_min)["lambda"],
        cross_logistic_c=to_sklearn("logistic_l1", cv.lam_min, n_samples=y.size)["C"],
        cross_t=float(np.abs(cv_path.at(cv.lam_min).coef).sum()),
        logistic_features=int(np.shape(X_labels)[1]),
        logistic_most=int(support.max()),
        logistic_fewest=int(support.min()),
        race_lam=OPTIMIZER_LAM_SHARE * float(path.lams[0]),
        race_zeros=int(np.sum(exact == 0.0)),
        race_steps=OPTIMIZER_STEPS,
        ista_step=steps["ista"],
        fista_step=steps["fista"],
        cd_step=steps["coordinate_descent"],
        subgradient_zeros=int(np.sum(race["subgradient"][-1] == 0.0)),
        raw_entry_order=", ".join(entry_order(raw, names)),
        raw_pieces=int(raw.lams.size - 1),
        raw_leaves=sum(not e.joins for e in events(raw)),
        raw_scale_ratio=float(raw_X.std(axis=0).max() / raw_X.std(axis=0).min()),
        en_ratio=EN_RATIO,
        en_lam_max=float(lasso_path(Z, z, l1_ratio=EN_RATIO).lams[0]),
        paper_lam_max=float(paper.lams[0]),
        poly_units=POLY_UNITS,
        poly_kept_raw=powers_words(poly["raw"].powers),
        poly_kept_z=powers_words(poly["z"].powers),
        poly_test_raw=poly["raw"].test_mse,
        poly_test_z=poly["z"].test_mse,
        poly_test_ratio=poly["raw"].test_mse / poly["z"].test_mse,
        group_corr=float(np.corrcoef(group_X[:, :GROUP_SIZE].T)[np.triu_indices(GROUP_SIZE, 1)].min()),
        group_share=GROUP_SHARE,
        group_samples=GROUP_SAMPLES,
        group_lasso_one=samples[1.0].count(1),
        group_en_whole=samples[EN_RATIO].count(GROUP_SIZE),
        group_lasso_second=float(group_entries(group[1.0])[1]),
        group_lasso_all=float(group_entries(group[1.0])[-1]),
        group_en_all=float(group_entries(group[EN_RATIO])[-1]),
        decay_eta=DECAY_STEP,
        decay_lam=DECAY_LAM,
        decay_factor=float(decay[1] / decay[0]),
        decay_steps=DECAY_STEPS,
        decay_last=float(decay[-1]),
        l1_zero_step=int(np.argmax(penalty_steps("l1_proximal") == 0.0)),
        subgradient_low=float(crossed.min()),
        subgradient_high=float(crossed.max()),
    )
