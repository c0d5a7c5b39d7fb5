"""lasso_iterates: the proximal methods and coordinate descent converge to the exact lasso and land on its zeros;
plain subgradient steps hover around them."""

import numpy as np
import pytest
from sklearn.linear_model import Lasso

import regexplain as rx
from regexplain.math.optimizers import METHODS


def problem(seed):
    rng = np.random.default_rng(seed)
    n, p = 40, 7
    X = rng.normal(size=(n, p)) @ np.diag(rng.uniform(0.5, 2.0, p))
    y = X @ rng.choice([0.0, 0.0, 1.0, -2.0], size=p) + rng.normal(size=n) + 3.0
    lam = 0.2 * rx.lasso_lambda_max(X, y)
    return X, y, lam


def objective(X, y, lam, beta):
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    return np.mean((yc - Xc @ beta) ** 2) + lam * np.abs(beta).sum()


@pytest.mark.parametrize("seed", range(5))
@pytest.mark.parametrize("method", ["ista", "fista", "coordinate_descent"])
def test_converges_to_the_exact_lasso_and_its_zeros(method, seed):
    X, y, lam = problem(seed)
    exact = rx.lasso(X, y, lam).coef
    sklearn = Lasso(alpha=lam / 2, tol=1e-14, max_iter=100_000).fit(X, y).coef_
    np.testing.assert_allclose(exact, sklearn, atol=1e-8)
    steps = 3000 if method == "ista" else 600
    final = rx.lasso_iterates(X, y, lam, method, steps)[-1]
    np.testing.assert_allclose(final, exact, atol=1e-8)
    np.testing.assert_array_equal(final == 0.0, exact == 0.0, err_msg="the same coefficients exactly zero")


@pytest.mark.parametrize("seed", range(5))
def test_subgradient_steps_hover_around_zero(seed):
    X, y, lam = problem(seed)
    exact = rx.lasso(X, y, lam).coef
    iterates = rx.lasso_iterates(X, y, lam, "subgradient", 2000)
    zero = exact == 0.0
    assert zero.any()
    tail = iterates[-200:, zero]
    assert np.all(tail != 0.0), "plain subgradient steps never land on exactly 0"
    assert np.abs(tail).max() < 0.1 * np.abs(exact).max(), "but they stay near it"
    assert np.any(np.diff(np.sign(tail), axis=0) != 0), "crossing 0 back and forth"


def test_one_step_of_each_gradient_method_is_its_formula():
    X, y, lam = problem(1)
    Xc, yc = X - X.mean(axis=0), y - y.mean()
    G, q = Xc.T @ Xc / X.shape[0], Xc.T @ yc / X.shape[0]
    s = 1.0 / (2.0 * np.linalg.eigvalsh(G).max())
    first = -s * 2.0 * (-q)  # the gradient step from 0
    ista = np.sign(first) * np.maximum(np.abs(first) - s * lam, 0.0)
    np.testing.assert_allclose(rx.lasso_iterates(X, y, lam, "ista", 1)[1], ista, rtol=1e-14)
    np.testing.assert_allclose(rx.lasso_iterates(X, y, lam, "fista", 1)[1], ista, rtol=1e-14)
    np.testing.assert_allclose(rx.lasso_iterates(X, y, lam, "subgradient", 1)[1], first, rtol=1e-14)
    np.testing.assert_allclose(
        rx.lasso_iterates(X, y, lam, "ista", 1, step=0.01)[1],
        np.sign(0.02 * q) * np.maximum(np.abs(0.02 * q) - 0.01 * lam, 0.0),
        rtol=1e-14,
    )


@pytest.mark.parametrize("seed", range(3))
def test_fista_needs_fewer_steps_than_ista_on_an_ill_conditioned_problem(seed):
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(60, 1))
    X = base + 0.05 * rng.normal(size=(60, 4))  # nearly collinear columns: G is ill-conditioned
    y = X @ [1.0, -1.0, 0.5, 0.0] + 0.1 * rng.normal(size=60)
    lam = 0.01 * rx.lasso_lambda_max(X, y)
    best = objective(X, y, lam, rx.lasso(X, y, lam).coef)

    def steps_to(method, tol=1e-8):
        gaps = [objective(X, y, lam, beta) - best for beta in rx.lasso_iterates(X, y, lam, method, 4000)]
        return int(np.argmax(np.array(gaps) <= tol * max(best, 1.0)))

    assert 0 < steps_to("fista") < steps_to("ista")


@pytest.mark.parametrize("seed", range(3))
def test_coordinate_descent_never_goes_up(seed):
    X, y, lam = problem(seed)
    values = [objective(X, y, lam, beta) for beta in rx.lasso_iterates(X, y, lam, "coordinate_descent", 30)]
    assert np.all(np.diff(values) <= 1e-12)


@pytest.mark.parametrize("method", METHODS)
def test_shape_and_start(method):
    X, y, lam = problem(0)
    iterates = rx.lasso_iterates(X, y, lam, method, 5)
    assert iterates.shape == (6, X.shape[1])
    assert np.all(iterates[0] == 0.0)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"method": "newton"}, ValueError, "method"),
        ({"n_steps": 0}, ValueError, "n_steps"),
        ({"n_steps": 2.0}, TypeError, "n_steps"),
        ({"lam": -1.0}, ValueError, "lam"),
        ({"step": 0.0}, ValueError, "step"),
        ({"step": np.inf}, ValueError, "step"),
        ({"method": "coordinate_descent", "step": 0.1}, ValueError, "step"),
    ],
)
def test_bad_arguments(kwargs, error, match):
    X, y, lam = problem(0)
    arguments = {"lam": lam, "method": "ista", "n_steps": 3} | kwargs
    with pytest.raises(error, match=match):
        rx.lasso_iterates(X, y, **arguments)


def test_constant_column_is_refused_by_coordinate_descent():
    X, y, lam = problem(0)
    X[:, 2] = 5.0
    with pytest.raises(ValueError, match="column"):
        rx.lasso_iterates(X, y, lam, "coordinate_descent", 3)
