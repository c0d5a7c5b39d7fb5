"""The one exact L1 engine and lasso_path, against scikit-learn (lars_path, Lasso, ElasticNet) and optimality
conditions written out here, on fixed cases and on designs that hypothesis generates (wide, correlated,
duplicated, constant and badly scaled columns, λ across its whole range)."""

import itertools
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import ElasticNet, Lasso, lars_path

import regexplain as rx

# ---------------------------------------------------------------------------------------------------------------------
# Independent helpers: the objective and its optimality conditions, from X and y directly.


def centred(X, y):
    return X - X.mean(axis=0), y - y.mean()


def objective(X, y, coef, intercept, lam, r):
    residual = y - intercept - X @ coef
    return residual @ residual / len(y) + lam * (r * np.abs(coef).sum() + (1.0 - r) * coef @ coef)


def kkt_violation(X, y, fit, lam, r):
    """Largest violation of 0 ∈ ∇(MSE + λ(1−r)‖β‖²) + λr·∂‖β‖₁."""
    Xc, yc = centred(X, y)
    residual = yc - Xc @ fit.coef
    gradient = -2.0 / len(y) * Xc.T @ residual + 2.0 * lam * (1.0 - r) * fit.coef
    nonzero = fit.coef != 0.0
    violation = np.where(
        nonzero, np.abs(gradient + lam * r * np.sign(fit.coef)), np.maximum(np.abs(gradient) - lam * r, 0.0)
    )
    # Relative to λ_max, or to the rounding level of the data where centring leaves only residues.
    scale = max(2.0 / len(y) * np.abs(Xc.T @ yc).max(), 1e-13 * np.abs(X).max() * np.abs(y).max())
    return violation.max() / (scale or 1.0)


def sklearn_fit(X, y, lam, r):
    """scikit-learn's coordinate descent at tol 1e-12 on the same problem (λ translated by rx.to_sklearn)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        if r == 1.0:
            model = Lasso(**rx.to_sklearn("lasso", lam, n_samples=len(y)), tol=1e-12, max_iter=200_000)
        else:
            kwargs = rx.to_sklearn("elastic_net", lam, n_samples=len(y), l1_ratio=r)
            model = ElasticNet(**kwargs, tol=1e-12, max_iter=200_000)
        return model.fit(X, y)


# ---------------------------------------------------------------------------------------------------------------------
# Designs: hypothesis draws the shape, the kind of trouble and a seed; numpy draws the numbers.

KINDS = ("gaussian", "correlated", "duplicated", "constant", "scaled", "integer")


def make_design(n, p, kind, rho, seed):
    rng = np.random.default_rng(seed)
    if kind == "correlated":
        X = np.sqrt(rho) * rng.standard_normal((n, 1)) + np.sqrt(1.0 - rho) * rng.standard_normal((n, p))
    elif kind == "integer":  # small integers: exact ties in correlations are common
        X = rng.integers(-2, 3, (n, p)).astype(float)
    else:
        X = rng.standard_normal((n, p))
    if kind == "duplicated" and p > 1:
        X[:, -1] = -X[:, 0] if seed % 2 else X[:, 0]
    if kind == "constant":
        X[:, seed % p] = 3.0
    if kind == "scaled":
        X *= 10.0 ** rng.uniform(-3.0, 3.0, p)
    X += rng.uniform(-2.0, 2.0, p)
    w = np.zeros(p)
    w[: min(p, 3)] = rng.standard_normal(min(p, 3))
    y = 1.0 + X @ w + 0.3 * rng.standard_normal(n) * np.abs(X).mean()
    return X, y


designs = st.builds(
    make_design,
    n=st.integers(2, 25),
    p=st.integers(1, 40),
    kind=st.sampled_from(KINDS),
    rho=st.floats(0.0, 0.97),
    seed=st.integers(0, 2**16),
)
fractions = st.one_of(st.just(0.0), st.floats(1e-4, 1.5), st.sampled_from([3e-4, 1e-3, 0.3, 1.0]))
ratios = st.sampled_from([1.0, 0.9, 0.5, 0.1])
SETTINGS = settings(max_examples=120, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow])


def lam_max(X, y):
    Xc, yc = centred(X, y)
    return 2.0 / len(y) * np.abs(Xc.T @ yc).max()


@SETTINGS
@given(design=designs, fraction=fractions, r=ratios)
def test_fits_are_certified_optimal_and_no_worse_than_sklearn(design, fraction, r):
    X, y = design
    lam = fraction * lam_max(X, y) / r
    if r < 1.0 and lam == 0.0:
        lam = 1e-3  # λ = 0 is the same problem for every r
    fit = rx.elastic_net(X, y, lam, r)
    assert kkt_violation(X, y, fit, lam, r) < 1e-9, "the KKT conditions, recomputed from X and y, must hold"
    assert fit.kkt_residual < rx.KKT_TOL
    if lam * r >= rx.lasso_lambda_max(X, y):
        assert np.all(fit.coef == 0.0), "from λ_max on every coefficient is exactly 0"
    reference = sklearn_fit(X, y, lam, r) if lam > 0.0 else None
    if reference is not None:
        ours = objective(X, y, fit.coef, fit.intercept, lam, r)
        theirs = objective(X, y, reference.coef_, reference.intercept_, lam, r)
        assert ours <= theirs + 1e-9 * max(1.0, abs(theirs)), "an exact optimum cannot be beaten"


@SETTINGS
@given(design=designs)
def test_lasso_path_is_continuous_and_certified_everywhere(design):
    X, y = design
    path = rx.lasso_path(X, y)
    lams, coefs = path.lams, path.coefs
    assert lams[0] == pytest.approx(lam_max(X, y), rel=1e-12)
    assert np.all(np.diff(lams) < 0.0)
    assert lams[-1] == 0.0
    assert np.all(coefs[0] == 0.0)
    for k in range(len(lams) - 1):
        high, low = lams[k], lams[k + 1]
        middle = path.at(0.5 * (high + low))
        # Exactly linear within a piece: the midpoint is the average of the two ends. (Compared as fitted
        # values, which rounding perturbs little even where a nearly singular block makes β itself sensitive.)
        fitted = X - X.mean(axis=0)
        np.testing.assert_allclose(
            fitted @ middle.coef, fitted @ (0.5 * (coefs[k] + coefs[k + 1])), rtol=0, atol=1e-9 * np.abs(y).max()
        )
        assert kkt_violation(X, y, middle, middle.lam, 1.0) < 1e-9
        # Continuity at the breakpoints, and exact zeros there for the variables outside the active set.
        for lam, row in ((high, coefs[k]), (low, coefs[k + 1])):
            assert kkt_violation(X, y, path.at(lam), lam, 1.0) < 1e-9
            np.testing.assert_array_equal(path.at(lam).coef, row)


@SETTINGS
@given(design=designs, fraction=st.floats(1e-3, 1.2))
def test_lambda_t_round_trip_on_the_diamond(design, fraction):
    X, y = design
    Xc, yc = centred(X, y)
    gram = Xc.T @ Xc / len(y) + 1e-2 * np.eye(X.shape[1])  # a positive definite bowl from the design
    loss = rx.QuadraticLoss(gram, np.linalg.solve(gram, Xc.T @ yc / len(y)))
    lam = fraction * 2.0 * np.abs(loss.hessian @ loss.center).max()
    t = loss.t_for_lam("l1", lam)
    if t == 0.0:
        return
    beta = loss.constrained_minimum("l1", t)
    np.testing.assert_allclose(
        beta, loss.penalized_minimum("l1", lam), rtol=1e-7, atol=1e-9 * np.abs(loss.center).max()
    )
    assert loss.lam_for_t("l1", t) == pytest.approx(lam, rel=1e-7)
    assert np.abs(beta).sum() == pytest.approx(t, rel=1e-12)


# ---------------------------------------------------------------------------------------------------------------------
# lasso_path against scikit-learn's LARS on fixed cases.


def wide_correlated(n=30, p=60, rho=0.9, seed=0):
    return make_design(n, p, "correlated", rho, seed)


@pytest.mark.parametrize(("n", "p", "rho"), [(60, 8, 0.0), (30, 60, 0.9), (50, 20, 0.97)])
def test_lasso_path_equals_sklearn_lars_path(n, p, rho):
    X, y = make_design(n, p, "correlated", rho, seed=3)
    Xc, yc = centred(X, y)
    alphas, _, coefs = lars_path(Xc, yc, method="lasso")
    path = rx.lasso_path(X, y)
    # scikit-learn's alpha scales the data term by 1/(2n): our λ is 2·alpha.
    np.testing.assert_allclose(path.lams, 2.0 * alphas, rtol=1e-9, atol=1e-12 * path.lams[0])
    np.testing.assert_allclose(path.coefs, coefs.T, rtol=1e-7, atol=1e-9)


def test_lasso_path_records_a_variable_that_leaves_and_returns():
    X, y = make_design(40, 12, "correlated", 0.9, seed=6)
    path = rx.lasso_path(X, y)
    supports = path.coefs != 0.0
    left = supports[:-1] & ~supports[1:]
    assert left.any(), "this design's path has a variable that leaves the active set"
    j = np.flatnonzero(left.any(axis=0))[0]
    assert supports[-1, j], "…and is back in the least-squares end"
    Xc, yc = centred(X, y)
    alphas, _, _ = lars_path(Xc, yc, method="lasso")
    np.testing.assert_allclose(path.lams, 2.0 * alphas, rtol=1e-9, atol=1e-12 * path.lams[0])


def test_lasso_path_least_squares_end():
    X, y = make_design(50, 6, "gaussian", 0.0, seed=5)
    Xc, yc = centred(X, y)
    path = rx.lasso_path(X, y)
    np.testing.assert_allclose(path.coefs[-1], np.linalg.lstsq(Xc, yc, rcond=None)[0], rtol=1e-10)
    np.testing.assert_allclose(path.intercepts, y.mean() - path.coefs @ X.mean(axis=0), rtol=1e-12)


@pytest.mark.parametrize("r", [0.9, 0.5, 0.2])
def test_elastic_net_path_equals_sklearn_and_changes_its_support_only_at_breakpoints(r):
    X, y = wide_correlated(25, 30)
    path = rx.lasso_path(X, y, l1_ratio=r)
    assert path.lams[0] == pytest.approx(lam_max(X, y) / r, rel=1e-12)
    assert path.lams[-1] == 0.0
    assert np.all(np.diff(path.lams) < 0.0)
    signs = []
    for high, low in zip(path.lams[:-1], path.lams[1:], strict=True):
        for lam in (high - 0.25 * (high - low), 0.5 * (high + low), low + 0.25 * (high - low)):
            fit = path.at(lam)
            assert kkt_violation(X, y, fit, lam, r) < 1e-9
        signs.append(tuple(np.sign(path.at(0.5 * (high + low)).coef)))
        reference = sklearn_fit(X, y, 0.5 * (high + low), r)
        np.testing.assert_allclose(path.at(0.5 * (high + low)).coef, reference.coef_, atol=1e-6)
    assert all(a != b for a, b in itertools.pairwise(signs)), "every breakpoint changes the support"
    for lam, row in zip(path.lams, path.coefs, strict=True):
        np.testing.assert_array_equal(path.at(lam).coef, row)


def test_lasso_path_at_equals_lasso():
    X, y = wide_correlated()
    path = rx.lasso_path(X, y)
    for lam in np.geomspace(3e-4, 1.2, 9) * path.lams[0]:
        np.testing.assert_allclose(path.at(lam).coef, rx.lasso(X, y, lam).coef, rtol=1e-9, atol=1e-12)


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"l1_ratio": 0.0}, ValueError, "l1_ratio"),
        ({"l1_ratio": 1.5}, ValueError, "l1_ratio"),
        ({"l1_ratio": "l1"}, TypeError, "l1_ratio"),
        ({"fit_intercept": 1}, TypeError, "fit_intercept"),
    ],
)
def test_lasso_path_rejects_bad_arguments(kwargs, error, message):
    X, y = wide_correlated(10, 4)
    with pytest.raises(error, match=message):
        rx.lasso_path(X, y, **kwargs)


@pytest.mark.parametrize(("X", "message"), [(np.full((3, 2), np.nan), "finite"), (np.ones(3), "2-D")])
def test_lasso_path_rejects_bad_designs(X, message):
    with pytest.raises(ValueError, match=message):
        rx.lasso_path(X, np.ones(3))


def test_lasso_path_at_rejects_negative_lambda():
    path = rx.lasso_path(*wide_correlated(10, 4))
    with pytest.raises(ValueError, match="lam"):
        path.at(-1.0)


def test_duplicated_columns_share_nothing_and_stay_certified():
    """An exact duplicate never joins beside its twin (the block would be singular); the answer is still optimal."""
    X, y = make_design(20, 5, "gaussian", 0.0, seed=2)
    X = np.column_stack([X, X[:, 0], -X[:, 1]])
    for lam in (1e-4, 1e-2, 0.3):
        fit = rx.lasso(X, y, lam)
        assert kkt_violation(X, y, fit, lam, 1.0) < 1e-9
        assert not (fit.coef[0] != 0.0 and fit.coef[5] != 0.0)
        assert not (fit.coef[1] != 0.0 and fit.coef[6] != 0.0)
        # The elastic net splits a duplicated coefficient equally between the twins.
        net = rx.elastic_net(X, y, lam, 0.5)
        assert net.coef[0] == pytest.approx(net.coef[5], rel=1e-9)


def test_a_constant_y_gives_zeros():
    X = wide_correlated(10, 4)[0]
    path = rx.lasso_path(X, np.full(10, 2.0))
    np.testing.assert_array_equal(path.lams, [0.0])
    assert np.all(path.coefs == 0.0)
    assert path.intercepts[0] == 2.0


def test_a_numerically_singular_design_raises_a_clear_error():
    """Columns equal to 1e-8 (1 − R² ≈ 1e-15): no double-precision answer can be certified, so none is returned."""
    rng = np.random.default_rng(0)
    X = rng.standard_normal((20, 6))
    X[:, 1] = X[:, 0] + 1e-8 * rng.standard_normal(20)
    X[:, 2] = X[:, 0] - X[:, 3] + 1e-8 * rng.standard_normal(20)
    y = X @ rng.standard_normal(6) + 0.1 * rng.standard_normal(20)
    with pytest.raises(ValueError, match=r"degenerate: column \d is nearly a combination of the \d active columns"):
        rx.lasso(X, y, 0.0)
    # With an L2 part the same design is well posed, and certified.
    fit = rx.elastic_net(X, y, 1e-3, 0.9)
    assert kkt_violation(X, y, fit, 1e-3, 0.9) < 1e-9
