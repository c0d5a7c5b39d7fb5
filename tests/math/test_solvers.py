"""The exact solvers against closed forms, scikit-learn, and optimality conditions computed here."""

import inspect

import numpy as np
import pytest
from sklearn.linear_model import ElasticNet, Lasso, LogisticRegression, Ridge

import regexplain as rx

SHAPES = {"tall": (60, 8), "wide": (20, 50), "correlated": (40, 6)}
FRACTIONS = (0.05, 0.2, 0.6)  # λ as a share of the lasso's λ_max
# (kind, l1_ratio): the three solvers, elastic net including both ends of [0, 1].
MODELS = [("ridge", 0.0), ("lasso", 1.0)] + [("elastic_net", r) for r in (0.0, 0.3, 0.7, 1.0)]
MODEL_IDS = [f"{kind}-{r}" if kind == "elastic_net" else kind for kind, r in MODELS]


def make_data(shape, seed=0):
    """Random regression data with off-centre columns and a nonzero intercept."""
    rng = np.random.default_rng(seed)
    n, p = SHAPES[shape]
    if shape == "correlated":  # one common factor: every pair of columns has correlation 0.95
        X = np.sqrt(0.95) * rng.standard_normal((n, 1)) + np.sqrt(0.05) * rng.standard_normal((n, p))
    else:
        X = rng.standard_normal((n, p))
    X += rng.uniform(-2.0, 2.0, p)
    w = np.zeros(p)
    w[:3] = [1.5, -2.0, 0.7]
    return X, 3.0 + X @ w + 0.5 * rng.standard_normal(n)


def centre(X, y, fit_intercept=True):
    return (X - X.mean(axis=0), y - y.mean()) if fit_intercept else (X, y)


def lambda_max_reference(X, y, fit_intercept=True):
    Xc, yc = centre(X, y, fit_intercept)
    return 2.0 / len(y) * np.abs(Xc.T @ yc).max()


def solve(kind, r, X, y, lam, fit_intercept=True):
    if kind == "elastic_net":
        return rx.elastic_net(X, y, lam, r, fit_intercept=fit_intercept)
    return getattr(rx, kind)(X, y, lam, fit_intercept=fit_intercept)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("lam", [0.01, 0.3, 5.0])
@pytest.mark.parametrize("shape", SHAPES)
def test_ridge_normal_equations(shape, lam, fit_intercept):
    X, y = make_data(shape)
    n, p = X.shape
    Xc, yc = centre(X, y, fit_intercept)
    coef = np.linalg.solve(Xc.T @ Xc / n + lam * np.eye(p), Xc.T @ yc / n)
    intercept = y.mean() - X.mean(axis=0) @ coef if fit_intercept else 0.0
    fit = rx.ridge(X, y, lam, fit_intercept=fit_intercept)
    np.testing.assert_allclose(fit.coef, coef, rtol=1e-9, atol=1e-10)
    assert fit.intercept == pytest.approx(intercept, rel=1e-9, abs=1e-10)
    assert (fit.lam, fit.penalty) == (lam, rx.L2)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("share", [0.0, 0.3, 0.99, 1.001, 2.0])  # λ as a share of 2|mean(x·y)|
def test_lasso_one_feature_soft_thresholding(share, fit_intercept):
    rng = np.random.default_rng(1)
    x = rng.standard_normal(30) + 1.0
    y = 2.0 - 0.8 * x + rng.standard_normal(30)
    xc, yc = centre(x, y, fit_intercept)
    a, b = np.mean(xc**2), np.mean(xc * yc)
    lam = share * 2.0 * abs(b)
    coef = np.sign(b) * max(abs(b) - lam / 2.0, 0.0) / a
    fit = rx.lasso(x[:, None], y, lam, fit_intercept=fit_intercept)
    assert fit.coef.shape == (1,)
    assert fit.coef[0] == pytest.approx(coef, rel=1e-12, abs=1e-14)
    assert (fit.coef[0] == 0.0) == (share >= 1.0)
    assert fit.intercept == pytest.approx(y.mean() - x.mean() * coef if fit_intercept else 0.0, rel=1e-12)


def sklearn_fit(kind, r, lam, X, y):
    if kind == "ridge":
        return Ridge(**rx.to_sklearn("ridge", lam, n_samples=len(y))).fit(X, y)
    opts = {"tol": 1e-14, "max_iter": 1_000_000}
    if kind == "lasso":
        return Lasso(**rx.to_sklearn("lasso", lam, n_samples=len(y)), **opts).fit(X, y)
    return ElasticNet(**rx.to_sklearn("elastic_net", lam, n_samples=len(y), l1_ratio=r), **opts).fit(X, y)


@pytest.mark.parametrize("fraction", FRACTIONS)
@pytest.mark.parametrize(("kind", "r"), MODELS, ids=MODEL_IDS)
@pytest.mark.parametrize("shape", SHAPES)
def test_matches_sklearn(shape, kind, r, fraction):
    X, y = make_data(shape)
    lam = fraction * lambda_max_reference(X, y)
    fit = solve(kind, r, X, y, lam)
    reference = sklearn_fit(kind, r, lam, X, y)
    np.testing.assert_allclose(fit.coef, reference.coef_, rtol=0, atol=1e-6)
    assert fit.intercept == pytest.approx(reference.intercept_, abs=1e-6)
    X_new = make_data(shape, seed=1)[0]
    np.testing.assert_allclose(fit.predict(X_new), reference.predict(X_new), rtol=0, atol=1e-5)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("fraction", FRACTIONS)
@pytest.mark.parametrize(("kind", "r"), MODELS, ids=MODEL_IDS)
@pytest.mark.parametrize("shape", SHAPES)
def test_kkt_conditions(shape, kind, r, fraction, fit_intercept):
    X, y = make_data(shape, seed=2)
    lam = fraction * lambda_max_reference(X, y, fit_intercept)
    fit = solve(kind, r, X, y, lam, fit_intercept)
    residual = y - fit.intercept - X @ fit.coef
    if fit_intercept:
        assert abs(residual.mean()) < 1e-10
    else:
        assert fit.intercept == 0.0
    # Gradient of the MSE plus the smooth (L2) part of the penalty.
    gradient = -2.0 / len(y) * X.T @ residual + 2.0 * lam * (1.0 - r) * fit.coef
    nonzero = fit.coef != 0.0
    np.testing.assert_allclose(gradient[nonzero] + lam * r * np.sign(fit.coef[nonzero]), 0.0, atol=1e-9)
    assert np.all(np.abs(gradient[~nonzero]) <= lam * r + 1e-9)
    assert fit.kkt_residual < rx.KKT_TOL
    assert (fit.lam, fit.penalty.l1_ratio) == (lam, r)


@pytest.mark.parametrize(("kind", "r"), [("lasso", 1.0), ("elastic_net", 0.7), ("elastic_net", 0.2)])
@pytest.mark.parametrize("shape", SHAPES)
def test_zeros_are_exact_positive_zeros(shape, kind, r):
    X, y = make_data(shape, seed=3)
    fit = solve(kind, r, X, y, 0.3 * lambda_max_reference(X, y))
    zero = fit.coef == 0.0
    assert 0 < np.count_nonzero(zero) < zero.size
    assert not np.signbit(fit.coef[zero]).any()


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("shape", SHAPES)
def test_lasso_lambda_max(shape, fit_intercept):
    X, y = make_data(shape, seed=4)
    lam_max = rx.lasso_lambda_max(X, y, fit_intercept=fit_intercept)
    assert lam_max == pytest.approx(lambda_max_reference(X, y, fit_intercept), rel=1e-12)
    for lam in (lam_max, 1.5 * lam_max):
        fit = rx.lasso(X, y, lam, fit_intercept=fit_intercept)
        assert np.all(fit.coef == 0.0)
        assert not np.signbit(fit.coef).any()
        assert fit.intercept == pytest.approx(y.mean() if fit_intercept else 0.0, rel=1e-12)
    assert np.count_nonzero(rx.lasso(X, y, lam_max * (1 - 1e-6), fit_intercept=fit_intercept).coef) == 1


@pytest.mark.parametrize("fit_intercept", [True, False])
def test_predict(fit_intercept):
    X, y = make_data("tall", seed=5)
    fit = rx.lasso(X, y, 0.1, fit_intercept=fit_intercept)
    X_new = make_data("tall", seed=6)[0][:7]
    expected = [fit.intercept + sum(c * v for c, v in zip(fit.coef, row, strict=True)) for row in X_new]
    np.testing.assert_allclose(fit.predict(X_new), expected, rtol=1e-12)
    np.testing.assert_allclose(fit.predict(X_new.tolist()), expected, rtol=1e-12)
    with pytest.raises(ValueError, match="X must have 8 columns"):
        fit.predict(X_new[:, :7])


def rank_deficient(case):
    rng = np.random.default_rng(7)
    if case == "wide":
        return rng.standard_normal((10, 20)) + 1.0, rng.standard_normal(10)
    X = rng.standard_normal((30, 4))
    X = np.column_stack([X, X[:, 0], X[:, 1] - 2.0 * X[:, 2], X[:, :2] @ [1.0, 3.0]])  # rank 4
    return X, X @ rng.standard_normal(7) + rng.standard_normal(30)


@pytest.mark.parametrize("fit_intercept", [True, False])
@pytest.mark.parametrize("case", ["wide", "dependent columns"])
def test_ridge_lam_zero_rank_deficient_is_min_norm_least_squares(case, fit_intercept):
    X, y = rank_deficient(case)
    Xc, yc = centre(X, y, fit_intercept)
    coef, *_ = np.linalg.lstsq(Xc, yc, rcond=None)
    fit = rx.ridge(X, y, 0.0, fit_intercept=fit_intercept)
    np.testing.assert_allclose(fit.coef, coef, rtol=0, atol=1e-9)
    intercept = y.mean() - X.mean(axis=0) @ coef if fit_intercept else 0.0
    assert fit.intercept == pytest.approx(intercept, abs=1e-9)


def logistic_regression(C, l1):
    """LogisticRegression with an L1 or L2 penalty, spelled the way the installed scikit-learn wants it."""
    if inspect.signature(LogisticRegression).parameters["penalty"].default == "deprecated":  # scikit-learn >= 1.8
        penalty = {"l1_ratio": 1.0 if l1 else 0.0}
    else:
        penalty = {"penalty": "l1" if l1 else "l2"}
    if l1:
        return LogisticRegression(C=C, solver="saga", tol=1e-12, max_iter=1_000_000, **penalty)
    return LogisticRegression(C=C, solver="lbfgs", tol=1e-10, max_iter=10_000, **penalty)


@pytest.mark.parametrize("lam", [0.03, 0.08])
@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_logistic_crosswalk_optimality(norm, lam):
    rng = np.random.default_rng(8)
    n = 80
    X = rng.standard_normal((n, 5))
    y = (X @ [1.5, -1.0, 0.0, 0.5, 0.0] + 0.3 + rng.standard_normal(n) > 0).astype(float)
    model = logistic_regression(rx.to_sklearn(f"logistic_{norm}", lam, n_samples=n)["C"], l1=norm == "l1").fit(X, y)
    w, b = model.coef_[0], model.intercept_[0]
    # Gradient of (1/n)·Σ log-loss, with log-loss = log(1 + e^z) − y·z and z = b + x·w.
    error = 1.0 / (1.0 + np.exp(-(b + X @ w))) - y
    gradient_w, gradient_b = X.T @ error / n, error.mean()
    if norm == "l2":
        np.testing.assert_allclose(gradient_w + 2.0 * lam * w, 0.0, atol=1e-5)
        assert abs(gradient_b) < 1e-5
    else:
        nonzero = w != 0.0
        assert 0 < np.count_nonzero(nonzero) < nonzero.size
        np.testing.assert_allclose(gradient_w[nonzero] + lam * np.sign(w[nonzero]), 0.0, atol=1e-4)
        assert np.all(np.abs(gradient_w[~nonzero]) <= lam + 1e-4)
        assert abs(gradient_b) < 1e-4
