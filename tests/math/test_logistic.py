"""regexplain.logistic against scikit-learn's LogisticRegression through to_sklearn, its optimality
conditions checked here, its exact zeros, and liblinear's penalized intercept."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import LogisticRegression

import regexplain as rx


def data(seed, n=150, p=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 2.0, p)
    logits = X @ rng.choice([0.0, 0.0, 1.0, -1.5], size=p) + 0.4
    return X, (logits + rng.logistic(size=n) > 0).astype(float)


def sklearn_fit(X, y, lam, r, solver="saga"):
    kind = {1.0: "logistic_l1", 0.0: "logistic_l2"}.get(r, "logistic_elastic_net")
    params = rx.to_sklearn(kind, lam, n_samples=len(y), **({"l1_ratio": r} if kind == "logistic_elastic_net" else {}))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        return LogisticRegression(**params, solver=solver, tol=1e-13, max_iter=200_000).fit(X, y)


def gradient(X, y, b0, beta):
    error = 1.0 / (1.0 + np.exp(-(b0 + X @ beta))) - y
    return error.mean(), X.T @ error / len(y)


@pytest.mark.parametrize("seed", range(4))
@pytest.mark.parametrize(("penalty", "r"), [("l1", 1.0), ("l2", 0.0), ("elastic_net", 0.4)])
def test_equals_scikit_learn_through_the_crosswalk(penalty, r, seed):
    X, y = data(seed)
    lam = 0.02
    fit = rx.logistic(X, y, lam, penalty=penalty, l1_ratio=r if penalty == "elastic_net" else None)
    model = sklearn_fit(X, y, lam, r)
    np.testing.assert_allclose(fit.coef, model.coef_[0], atol=1e-6)
    assert fit.intercept == pytest.approx(model.intercept_[0], abs=1e-6)
    if r > 0:
        np.testing.assert_array_equal(fit.coef == 0.0, np.abs(model.coef_[0]) < 1e-9, err_msg="the same zeros")


@pytest.mark.parametrize("seed", range(6))
@pytest.mark.parametrize("lam", [0.003, 0.03, 0.3])
def test_optimality_conditions_hold_and_zeros_are_exact(seed, lam):
    X, y = data(seed + 10)
    for r in (1.0, 0.5, 0.0):
        penalty = {1.0: "l1", 0.0: "l2"}.get(r, "elastic_net")
        fit = rx.logistic(X, y, lam, penalty=penalty, l1_ratio=0.5 if penalty == "elastic_net" else None)
        g0, g = gradient(X, y, fit.intercept, fit.coef)
        g = g + 2 * lam * (1 - r) * fit.coef
        assert abs(g0) < 1e-8, "the intercept is unpenalized: its gradient is 0"
        on = fit.coef != 0.0
        np.testing.assert_allclose(g[on] + lam * r * np.sign(fit.coef[on]), 0.0, atol=1e-8)
        assert np.all(np.abs(g[~on]) <= lam * r + 1e-8), "a zero coefficient's slope is within ±λr"
        if r == 0.0:
            assert on.all(), "L2 sets nothing to zero"


def test_sparsity_grows_with_lambda_on_bundled_data():
    X, y = load_breast_cancer(return_X_y=True)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    counts = [int(np.sum(rx.logistic(X, y, lam).coef != 0.0)) for lam in (0.003, 0.01, 0.03, 0.1)]
    assert counts == sorted(counts, reverse=True)
    assert counts[-1] < counts[0]
    assert np.all(rx.logistic(X, y, 1.0).coef == 0.0), "a large λ leaves only the intercept"


def test_liblinear_penalizes_the_intercept():
    """With the same C, liblinear's answer is not the site's problem's: its intercept gradient is not 0."""
    X, y = data(3, n=80)
    X = X + 3.0  # features far from 0 make the intercept large, and its penalty matter
    lam = 0.05
    model = sklearn_fit(X, y, lam, 1.0, solver="liblinear")
    g0, _ = gradient(X, y, model.intercept_[0], model.coef_[0])
    assert abs(g0) > 1e-3
    fit = rx.logistic(X, y, lam)
    assert abs(gradient(X, y, fit.intercept, fit.coef)[0]) < 1e-8


def test_predict_proba():
    X, y = data(0)
    fit = rx.logistic(X, y, 0.05)
    p = fit.predict_proba(X)
    np.testing.assert_allclose(p, 1 / (1 + np.exp(-(fit.intercept + X @ fit.coef))), rtol=1e-12)
    with pytest.raises(ValueError, match="columns"):
        fit.predict_proba(X[:, :2])


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"lam": 0.0}, "lam"),
        ({"lam": -1.0}, "lam"),
        ({"penalty": "l3"}, "penalty"),
        ({"penalty": "elastic_net"}, "l1_ratio"),
        ({"penalty": "elastic_net", "l1_ratio": 1.0}, "l1_ratio"),
        ({"penalty": "l1", "l1_ratio": 0.5}, "l1_ratio"),
    ],
)
def test_bad_arguments(kwargs, match):
    X, y = data(0)
    arguments = {"lam": 0.1} | kwargs
    with pytest.raises(ValueError, match=match):
        rx.logistic(X, y, **arguments)


def test_bad_labels():
    X, y = data(0)
    with pytest.raises(ValueError, match="labels 0 and 1"):
        rx.logistic(X, 2 * y, 0.1)
    with pytest.raises(ValueError, match="both labels"):
        rx.logistic(X, np.ones_like(y), 0.1)
