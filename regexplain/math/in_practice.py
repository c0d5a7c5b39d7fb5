"""The chapter "In practice": exact paths on real data, choosing λ, logistic regression, optimizers.

Real data (scikit-learn's bundled diabetes and breast-cancer data) are passed in as arrays;
the package needs only numpy. The diabetes data are used as the LARS paper (Efron, Hastie,
Johnstone and Tibshirani, 2004) used them: every column centred with unit Euclidean norm
(scikit-learn's ``load_diabetes()`` default), the target centred by the intercept.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import why_regularize
from ._validate import check_Xy
from .classification import logistic
from .crosswalk import to_glmnet, to_sklearn
from .cv import lasso_cv
from .optimizers import lasso_iterates
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


def facts(diabetes, cancer) -> Facts:
    """The chapter's numbers, from the diabetes and the breast-cancer data.

    Parameters
    ----------
    diabetes, cancer
        Data sets with ``data`` and ``target`` (and, for the diabetes data, ``feature_names``)
        attributes, as scikit-learn's ``load_diabetes()`` and ``load_breast_cancer()`` return them.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> rng = np.random.default_rng(0)
    >>> X = rng.normal(size=(60, 10))
    >>> regression = SimpleNamespace(data=X, target=X[:, 2] + rng.normal(size=60), feature_names=list(LARS_ORDER))
    >>> f = facts(regression, SimpleNamespace(data=X, target=(X[:, 0] > 0) * 1.0))
    >>> f.entry_order.split(", ")[0], f.race_steps
    ('bp', 400)
    """
    X, y = check_Xy(diabetes.data, diabetes.target)
    names = list(diabetes.feature_names)
    X_labels, labels = check_Xy(cancer.data, np.asarray(cancer.target, dtype=float))
    path = lasso_path(X, y)
    found = events(path)
    joins = [e for e in found if e.joins]
    order = []
    for event in joins:
        if names[event.variable] not in order:
            order.append(names[event.variable])
    leaves = [e for e in found if not e.joins]
    drop = leaves[0] if leaves else None
    rejoin = next((e for e in joins if drop and e.variable == drop.variable and e.lam < drop.lam), None)
    cv = lasso_cv(X, y, folds=CV_FOLDS, seed=CV_SEED)
    support = logistic_support(X_labels, labels)
    race = optimizer_race(X, y)
    exact = race["exact"][0]
    firsts = {m: first_exact_step(race[m], exact) for m in ("ista", "fista", "coordinate_descent")}
    steps = {m: -1 if step is None else step for m, step in firsts.items()}  # -1: never
    return Facts(
        lam_max=float(path.lams[0]),
        pieces=int(path.lams.size - 1),
        lars_steps=len({e.variable for e in joins}),
        entry_order=", ".join(order),
        drop_name=names[drop.variable] if drop else "",
        drop_lam=drop.lam if drop else 0.0,
        rejoin_lam=rejoin.lam if rejoin else 0.0,
        ols_l1=float(np.abs(path.coefs[-1]).sum()),
        cv_folds=CV_FOLDS,
        cv_lam_min=cv.lam_min,
        cv_lam_1se=cv.lam_1se,
        cv_nonzero_min=int(np.sum(path.at(cv.lam_min).coef != 0.0)),
        cv_nonzero_1se=int(np.sum(path.at(cv.lam_1se).coef != 0.0)),
        cv_mse_min=float(cv.mean.min()),
        cross_lasso_alpha=to_sklearn("lasso", cv.lam_min, n_samples=y.size)["alpha"],
        cross_ridge_alpha=to_sklearn("ridge", cv.lam_min, n_samples=y.size)["alpha"],
        cross_glmnet_lambda=to_glmnet(cv.lam_min)["lambda"],
        cross_logistic_c=to_sklearn("logistic_l1", cv.lam_min, n_samples=y.size)["C"],
        cross_t=float(np.abs(path.at(cv.lam_min).coef).sum()),
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
    )
