"""The chapter "Why regularize": least squares and its bowl, an outlier, many features, the seesaw.

Everything is exact: least squares, ridge and lasso are :func:`~regexplain.ridge` and
:func:`~regexplain.lasso`; λ is chosen by cross-validation on the training data only (the
grid and the folds are parameters here); the seesaw is :func:`~regexplain.seesaw_balance`.
Real data (scikit-learn's bundled diabetes data) are passed in as arrays: the package itself
needs only numpy.
"""

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import check_choice, check_Xy
from .cv import fold_labels
from .quadratic import QuadraticLoss
from .seesaw import seesaw_balance
from .solvers import LinearFit, elastic_net, lasso, ridge

N_POINTS = 10
"""Points of the line example, x evenly spaced on [0, X_MAX]."""
X_MAX = 10.0
NOISE = 1.0
"""Standard deviation of the Gaussian noise of the line example, y = x + noise."""
SEED = 0
OUTLIER_Y = 100.0
"""Where the last point of the line example is moved (as in the reference article)."""
LOO_LAMS = np.geomspace(1e-2, 1e3, 201)
"""The λ grid over which leave-one-out cross-validation picks the outlier example's λ."""

POLY_N, POLY_TEST_N, POLY_DEGREE, POLY_NOISE, POLY_SEED = 15, 500, 9, 0.25, 1
"""The polynomial example: 15 training points (500 test points) of sin(2πx) + noise, degree 9."""
FOLDS = 5
"""Folds of the cross-validation that picks λ on training data."""
CV_LAMS = {"ridge": np.geomspace(1e-6, 1e2, 81), "lasso": np.geomspace(1e-5, 1e2, 71)}
"""The λ grids of that cross-validation (the features are standardized, so one grid serves both data sets)."""
SPLIT_SEED = 0
"""Seed of the half/half train/test split of the diabetes data and of the folds."""

MASSES = (20.0, 40.0)
"""The masses of the seesaw's children, the small one and the big one, in kg."""
DOG_MASS, DOG_POSITION = 25.0, 4.0
"""The sleeping dog's mass and its distance from the fulcrum, on the other side (25 kg, 4 m)."""
TORQUE = DOG_MASS * DOG_POSITION
"""The dog's torque that the children must balance, in kg·m."""
L1_RATIO = 0.5
"""The elastic net's L1 share on the seesaw."""
SEESAW_LAMS = np.geomspace(1e-2, 1e5, 141)
"""λ of the penalized seesaw, (m·x − τ)² + λ·P(x)."""

_SOLVERS = {"ols": lambda X, y, lam: ridge(X, y, 0.0), "ridge": ridge, "lasso": lasso}


def line_data(*, outlier: bool = False) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The ten points of the line example: x evenly spaced on [0, 10], y = x + noise (seeded).

    With ``outlier=True`` the last point is moved up to :data:`OUTLIER_Y`.

    Examples
    --------
    >>> x, y = line_data(outlier=True)
    >>> x[-1], y[-1]
    (np.float64(10.0), np.float64(100.0))
    """
    x = np.linspace(0.0, X_MAX, N_POINTS)
    y = x + NOISE * np.random.default_rng(SEED).standard_normal(N_POINTS)
    if outlier:
        y[-1] = OUTLIER_Y
    return x, y


def fit_line(x: ArrayLike, y: ArrayLike, norm: str = "ols", lam: float = 0.0) -> LinearFit:
    """Least squares (``"ols"``), ridge or lasso of y on x with an unpenalized intercept."""
    norm = check_choice(norm, "norm", tuple(_SOLVERS))
    X, y = check_Xy(np.asarray(x, dtype=float)[:, None], y)
    return _SOLVERS[norm](X, y, lam)


def bowl(x: ArrayLike, y: ArrayLike) -> QuadraticLoss:
    """The MSE of the line ``β0 + β1·x`` as a bowl over ``(β0, β1)``: exact, with its minimum at least squares.

    ``MSE(β) = MSE(β̂) + (β − β̂)ᵀH(β − β̂)`` with ``H = [[1, mean x], [mean x, mean x²]]``.

    Examples
    --------
    >>> x, y = line_data()
    >>> loss = bowl(x, y)
    >>> fit = fit_line(x, y)
    >>> bool(np.allclose(loss.center, [fit.intercept, fit.coef[0]]))
    True
    """
    x, y = check_Xy(np.asarray(x, dtype=float)[:, None], y)
    fit = ridge(x, y, 0.0)
    hessian = np.array([[1.0, x.mean()], [x.mean(), np.mean(x**2)]])
    floor = float(np.mean((fit.predict(x) - y) ** 2))
    return QuadraticLoss(hessian, [fit.intercept, fit.coef[0]], floor)


def leave_one_out(x: ArrayLike, y: ArrayLike, norm: str, lams: ArrayLike = LOO_LAMS) -> NDArray[np.float64]:
    """The leave-one-out mean squared prediction error of the line at each λ (each point predicted without it)."""
    x, y = np.asarray(x, dtype=float), np.asarray(y, dtype=float)
    keep = ~np.eye(x.size, dtype=bool)
    errors = [
        np.mean([(fit_line(x[k], y[k], norm, lam).predict(x[[i], None])[0] - y[i]) ** 2 for i, k in enumerate(keep)])
        for lam in np.asarray(lams, dtype=float)
    ]
    return np.array(errors)


@functools.cache
def outlier_lambda(norm: str) -> float:
    """The λ that leave-one-out picks for ``"ridge"`` or ``"lasso"`` on the outlier data, among :data:`LOO_LAMS`.

    Examples
    --------
    >>> round(outlier_lambda("ridge"), 2)
    14.96
    """
    x, y = line_data(outlier=True)
    return float(LOO_LAMS[int(np.argmin(leave_one_out(x, y, norm)))])


def cross_validate(X: ArrayLike, y: ArrayLike, norm: str, lams: ArrayLike) -> NDArray[np.float64]:
    """The K-fold validation MSE of ridge or lasso at each λ (the folds of :func:`~regexplain.math.cv.fold_labels`)."""
    X, y = check_Xy(X, y)
    fold = fold_labels(y.size, FOLDS, SPLIT_SEED)
    errors = []
    for lam in np.asarray(lams, dtype=float):
        squared = 0.0
        for f in range(FOLDS):
            train = fold != f
            squared += np.sum((_SOLVERS[norm](X[train], y[train], lam).predict(X[~train]) - y[~train]) ** 2)
        errors.append(squared / y.size)
    return np.array(errors)


@dataclass(frozen=True)
class Comparison:
    """Least squares, ridge and lasso on one train/test split: each fit, its λ and its errors."""

    fits: dict[str, LinearFit]
    lams: dict[str, float]
    train_mse: dict[str, float]
    test_mse: dict[str, float]


def compare(X_train: ArrayLike, y_train: ArrayLike, X_test: ArrayLike, y_test: ArrayLike) -> Comparison:
    """Fit least squares, ridge and lasso on the training data (λ by cross-validation there) and test them.

    Nothing is fitted on the test data: the features are expected standardized by the
    training data's means and deviations (:func:`standardize`).
    """
    X_train, y_train = check_Xy(X_train, y_train)
    X_test, y_test = check_Xy(X_test, y_test)
    lams = {"ols": 0.0}
    for norm, grid in CV_LAMS.items():
        lams[norm] = float(grid[int(np.argmin(cross_validate(X_train, y_train, norm, grid)))])
    fits = {norm: _SOLVERS[norm](X_train, y_train, lam) for norm, lam in lams.items()}

    def mse(fit, X, y):
        return float(np.mean((fit.predict(X) - y) ** 2))

    return Comparison(
        fits,
        lams,
        {norm: mse(fit, X_train, y_train) for norm, fit in fits.items()},
        {norm: mse(fit, X_test, y_test) for norm, fit in fits.items()},
    )


def standardize(X_train: ArrayLike, X_test: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Both matrices in the training data's z-scores (its means and standard deviations only)."""
    X_train, X_test = np.asarray(X_train, dtype=float), np.asarray(X_test, dtype=float)
    mean, scale = X_train.mean(axis=0), X_train.std(axis=0)
    return (X_train - mean) / scale, (X_test - mean) / scale


def polynomial_data() -> tuple[NDArray[np.float64], ...]:
    """The polynomial example: ``x_train, y_train, x_test, y_test`` of sin(2πx) + noise, x uniform on [0, 1]."""
    rng = np.random.default_rng(POLY_SEED)
    x_train, x_test = np.sort(rng.uniform(0.0, 1.0, POLY_N)), rng.uniform(0.0, 1.0, POLY_TEST_N)
    y_train = np.sin(2 * np.pi * x_train) + POLY_NOISE * rng.standard_normal(POLY_N)
    y_test = np.sin(2 * np.pi * x_test) + POLY_NOISE * rng.standard_normal(POLY_TEST_N)
    return x_train, y_train, x_test, y_test


def powers(x: ArrayLike, degree: int = POLY_DEGREE) -> NDArray[np.float64]:
    """The polynomial features ``x, x², ..., x^degree`` as columns."""
    x = np.asarray(x, dtype=float)
    return x[:, None] ** np.arange(1, degree + 1)


@functools.cache
def polynomial_comparison() -> tuple[Comparison, tuple[NDArray[np.float64], NDArray[np.float64]]]:
    """:func:`compare` on the polynomial example, and the training means and scales of its features (cached)."""
    x_train, y_train, x_test, y_test = polynomial_data()
    P_train = powers(x_train)
    Z_train, Z_test = standardize(P_train, powers(x_test))
    return compare(Z_train, y_train, Z_test, y_test), (P_train.mean(axis=0), P_train.std(axis=0))


def diabetes_comparison(X: ArrayLike, y: ArrayLike) -> Comparison:
    """:func:`compare` on the diabetes data: a seeded half/half split, standardized by the training half."""
    X, y = check_Xy(X, y)
    order = np.random.default_rng(SPLIT_SEED).permutation(y.size)
    train, test = order[: y.size // 2], order[y.size // 2 :]
    X_train, X_test = standardize(X[train], X[test])
    return compare(X_train, y[train], X_test, y[test])


def seesaw_path(norm: str, lams: ArrayLike = SEESAW_LAMS, masses=MASSES, torque: float = TORQUE) -> NDArray[np.float64]:
    """The minimizers of the penalized seesaw ``(m·x − τ)² + λ·P(x)`` at each λ: shape (len(lams), n).

    A one-sample regression (no intercept): as λ → 0 they approach :func:`~regexplain.seesaw_balance`.
    """
    norm = check_choice(norm, "norm", ("l2", "l1", "elastic_net"))
    X, y = np.asarray(masses, dtype=float)[None, :], np.array([float(torque)])
    solve = {
        "l2": lambda lam: ridge(X, y, lam, fit_intercept=False),
        "l1": lambda lam: lasso(X, y, lam, fit_intercept=False),
        "elastic_net": lambda lam: elastic_net(X, y, lam, L1_RATIO, fit_intercept=False),
    }[norm]
    return np.array([solve(float(lam)).coef for lam in np.asarray(lams, dtype=float)])


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "Why regularize" quotes.

    The line example's least squares (``ls_*``) and the same with the outlier (``out_*``), the
    λ that leave-one-out picks for ridge and lasso and their lines (``ridge_*``, ``lasso_*``),
    how many of the other points each line passes above (``*_under``); the polynomial example and the diabetes data
    (``poly_*``, ``diab_*``: λ, train and test errors, largest coefficient, zeros); the seesaw
    (masses, torque, the three answers, and the penalized answers at the smallest λ).
    """

    n: int
    ls_b0: float
    ls_b1: float
    ls_mse: float
    out_b0: float
    out_b1: float
    ridge_lam: float
    ridge_b0: float
    ridge_b1: float
    lasso_lam: float
    lasso_b0: float
    lasso_b1: float
    last_y: float
    ridge_under: int
    lasso_under: int
    poly_n: int
    poly_degree: int
    poly_ols_train: float
    poly_ols_test: float
    poly_ols_test_inside: float
    poly_outside_pct: float
    poly_ridge_test: float
    poly_lasso_test: float
    poly_ols_max: float
    poly_ridge_max: float
    poly_lasso_zeros: int
    diab_n_train: int
    diab_ols_test: float
    diab_ridge_test: float
    diab_lasso_test: float
    diab_ridge_gain: float
    diab_lasso_gain: float
    diab_lasso_zeros: int
    m_small: float
    m_big: float
    torque: float
    l2_small: float
    l2_big: float
    l1_small: float
    l1_big: float
    en_small: float
    en_big: float
    l1_ratio: float
    ridge_limit_small: float
    lasso_limit_big: float


def facts(X_diabetes: ArrayLike, y_diabetes: ArrayLike) -> Facts:
    """The numbers of the chapter; the diabetes data are passed in (``sklearn.datasets.load_diabetes``).

    Examples
    --------
    >>> f = facts(np.random.default_rng(0).normal(size=(40, 3)), np.arange(40.0))
    >>> f.l1_small, f.l2_big, f.n
    (0.0, 2.0, 10)
    """
    x, y = line_data()
    _, y_out = line_data(outlier=True)
    clean, dirty = fit_line(x, y), fit_line(x, y_out)
    chosen = {}
    for norm in ("ridge", "lasso"):
        lam = outlier_lambda(norm)
        fit = fit_line(x, y_out, norm, lam)
        chosen |= {
            f"{norm}_lam": lam,
            f"{norm}_b0": fit.intercept,
            f"{norm}_b1": float(fit.coef[0]),
            # How many of the other nine points the line passes above: the bias.
            f"{norm}_under": int(np.sum(fit.predict(x[:-1, None]) > y_out[:-1])),
        }
    poly, (mean, scale) = polynomial_comparison()
    x_train, _, x_test, y_test = polynomial_data()
    inside = (x_test >= x_train.min()) & (x_test <= x_train.max())
    ols_inside = poly.fits["ols"].predict((powers(x_test[inside]) - mean) / scale)
    diab = diabetes_comparison(X_diabetes, y_diabetes)
    answers = {norm: seesaw_balance(MASSES, TORQUE, norm) for norm in ("l2", "l1")}
    answers["en"] = seesaw_balance(MASSES, TORQUE, "elastic_net", l1_ratio=L1_RATIO)
    return Facts(
        n=N_POINTS,
        ls_b0=clean.intercept,
        ls_b1=float(clean.coef[0]),
        ls_mse=bowl(x, y).floor,
        last_y=float(y[-1]),
        out_b0=dirty.intercept,
        out_b1=float(dirty.coef[0]),
        **chosen,
        poly_n=POLY_N,
        poly_degree=POLY_DEGREE,
        poly_ols_train=poly.train_mse["ols"],
        poly_ols_test=poly.test_mse["ols"],
        poly_ols_test_inside=float(np.mean((ols_inside - y_test[inside]) ** 2)),
        poly_outside_pct=100.0 * float(np.mean(~inside)),
        poly_ridge_test=poly.test_mse["ridge"],
        poly_lasso_test=poly.test_mse["lasso"],
        poly_ols_max=float(np.abs(poly.fits["ols"].coef).max()),
        poly_ridge_max=float(np.abs(poly.fits["ridge"].coef).max()),
        poly_lasso_zeros=int(np.sum(poly.fits["lasso"].coef == 0.0)),
        diab_n_train=int(np.asarray(y_diabetes).size // 2),
        diab_ols_test=diab.test_mse["ols"],
        diab_ridge_test=diab.test_mse["ridge"],
        diab_lasso_test=diab.test_mse["lasso"],
        diab_ridge_gain=100.0 * (1.0 - diab.test_mse["ridge"] / diab.test_mse["ols"]),
        diab_lasso_gain=100.0 * (1.0 - diab.test_mse["lasso"] / diab.test_mse["ols"]),
        diab_lasso_zeros=int(np.sum(diab.fits["lasso"].coef == 0.0)),
        m_small=MASSES[0],
        m_big=MASSES[1],
        torque=TORQUE,
        **{f"{norm}_{who}": float(answers[norm][i]) for norm in answers for i, who in enumerate(("small", "big"))},
        l1_ratio=L1_RATIO,
        ridge_limit_small=float(seesaw_path("l2")[0, 0]),
        lasso_limit_big=float(seesaw_path("l1")[0, 1]),
    )
