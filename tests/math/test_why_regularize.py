"""The chapter "Why regularize": its fits against numpy and scikit-learn, and every claim its page makes, on facts()."""

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.linear_model import Lasso, LinearRegression, Ridge

import regexplain as rx
from regexplain.math import why_regularize as chapter


@pytest.fixture(scope="module")
def facts():
    return chapter.facts(*load_diabetes(return_X_y=True))


def test_least_squares_is_numpys(facts):
    x, y = chapter.line_data()
    A = np.column_stack([np.ones_like(x), x])
    (b0, b1), *_ = np.linalg.lstsq(A, y, rcond=None)
    assert facts.ls_b0 == pytest.approx(b0, rel=1e-12)
    assert facts.ls_b1 == pytest.approx(b1, rel=1e-12)


def test_the_bowl_is_the_mse_everywhere():
    x, y = chapter.line_data()
    loss = chapter.bowl(x, y)
    rng = np.random.default_rng(3)
    for b0, b1 in rng.normal(size=(20, 2)) * 3:
        assert loss([b0, b1]) == pytest.approx(np.mean((y - b0 - b1 * x) ** 2), rel=1e-12)


def test_leave_one_out_against_scikit_learn():
    """Each held-out prediction refitted with scikit-learn (Ridge's alpha = n·λ on the nine kept points)."""
    x, y = chapter.line_data(outlier=True)
    lams = np.array([0.1, 3.0, 40.0])
    ours = chapter.leave_one_out(x, y, "ridge", lams)
    for lam, error in zip(lams, ours, strict=True):
        squared = []
        for i in range(x.size):
            keep = np.arange(x.size) != i
            model = Ridge(alpha=(x.size - 1) * lam).fit(x[keep, None], y[keep])
            squared.append((model.predict(x[[i], None])[0] - y[i]) ** 2)
        assert error == pytest.approx(np.mean(squared), rel=1e-9)


def test_cross_validation_fold_errors_are_scikit_learn_refits():
    X, y = load_diabetes(return_X_y=True)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    lam = 0.5
    fold = rx.math.cv.fold_labels(y.size, chapter.FOLDS, chapter.SPLIT_SEED)
    squared = 0.0
    for f in range(chapter.FOLDS):
        train = fold != f
        model = Lasso(alpha=lam / 2, tol=1e-12, max_iter=100_000).fit(X[train], y[train])
        squared += np.sum((model.predict(X[~train]) - y[~train]) ** 2)
    assert chapter.cross_validate(X, y, "lasso", [lam])[0] == pytest.approx(squared / y.size, rel=1e-7)


def test_nothing_is_fitted_on_the_test_data():
    """The comparison depends on the test rows only through its test errors."""
    X, y = load_diabetes(return_X_y=True)
    order = np.random.default_rng(chapter.SPLIT_SEED).permutation(y.size)
    train = order[: y.size // 2]
    X_train, _ = chapter.standardize(X[train], X[train])
    original = chapter.diabetes_comparison(X, y)
    y_changed = y.copy()
    y_changed[order[y.size // 2 :]] += 1000.0
    changed = chapter.diabetes_comparison(X, y_changed)
    for norm, fit in original.fits.items():
        np.testing.assert_array_equal(fit.coef, changed.fits[norm].coef)
        assert original.lams[norm] == changed.lams[norm]
        assert original.train_mse[norm] == changed.train_mse[norm]
    ols = LinearRegression().fit(X_train, y[train])
    np.testing.assert_allclose(original.fits["ols"].coef, ols.coef_, rtol=1e-9)


def test_the_outlier_claims(facts):
    assert facts.out_b1 > 5 * facts.ls_b1, "the outlier tilts least squares"
    for norm in ("ridge", "lasso"):
        slope = getattr(facts, f"{norm}_b1")
        assert abs(slope - facts.ls_b1) < abs(facts.out_b1 - facts.ls_b1) / 2, (
            f"{norm} holds the slope nearer the clean one"
        )
        assert getattr(facts, f"{norm}_under") >= 8, f"the {norm} line sits above most of the good points (bias)"
    grid = chapter.LOO_LAMS
    assert grid[0] < facts.ridge_lam < grid[-1], "the chosen λ is inside the grid, not at its edge"
    assert grid[0] < facts.lasso_lam < grid[-1]


def test_the_polynomial_error_comes_mostly_from_beyond_the_training_points(facts):
    assert 0.0 < facts.poly_outside_pct < 20.0
    assert facts.poly_ols_test_inside < facts.poly_ols_test, "the error inside the training range is smaller"
    assert facts.poly_ols_test_inside > 5 * facts.poly_ridge_test, "but still far above the penalized fits"


def test_the_many_features_claims(facts):
    assert facts.poly_ols_test > 20 * facts.poly_ridge_test, "least squares overfits the polynomial"
    assert facts.poly_ols_test > 20 * facts.poly_lasso_test
    assert facts.poly_ols_train < facts.poly_ols_test, "it fits the training points better than fresh ones"
    assert facts.poly_ols_max > 1000 * facts.poly_ridge_max, "its coefficients explode"
    assert facts.poly_lasso_zeros > 0
    assert 0.0 < facts.diab_ridge_gain < 10.0, "on the diabetes data the gain is a few percent"
    assert 0.0 < facts.diab_lasso_gain < 10.0


def test_the_seesaw_answers(facts):
    assert facts.l2_small / facts.l2_big == pytest.approx(facts.m_small / facts.m_big), "proportional to mass"
    assert facts.l1_small == 0.0, "the small child is exactly off"
    assert 0.0 < facts.en_small < facts.l2_small
    for who in ("l2", "l1", "en"):
        small, big = getattr(facts, f"{who}_small"), getattr(facts, f"{who}_big")
        assert facts.m_small * small + facts.m_big * big == pytest.approx(facts.torque), f"{who} balances"
    assert facts.ridge_limit_small == pytest.approx(facts.l2_small, rel=1e-4), "ridge tends to the least ‖x‖₂"
    assert facts.lasso_limit_big == pytest.approx(facts.l1_big, rel=1e-4), "lasso tends to the least ‖x‖₁"


def test_penalized_seesaw_is_the_closed_form():
    m, tau = np.array(chapter.MASSES), chapter.TORQUE
    lams = np.array([0.5, 50.0, 5000.0])
    np.testing.assert_allclose(chapter.seesaw_path("l2", lams), tau * m / (m @ m + lams[:, None]), rtol=1e-10)
    assert np.all(chapter.seesaw_path("l1", lams)[:, 0] == 0.0), "lasso never moves the small child"
    assert np.all(rx.lasso([list(m)], [tau], 1e6, fit_intercept=False).coef == 0.0)
