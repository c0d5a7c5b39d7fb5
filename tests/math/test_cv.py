"""lasso_cv: its fold errors are scikit-learn's refits on the same folds; its choices follow their stated rules."""

import warnings

import numpy as np
import pytest
from sklearn.datasets import load_diabetes
from sklearn.exceptions import ConvergenceWarning
from sklearn.linear_model import Lasso, LassoCV
from sklearn.model_selection import PredefinedSplit

import regexplain as rx
from regexplain.math.cv import fold_labels


def data(seed=0, n=50, p=6):
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(n, p)) * rng.uniform(0.5, 3.0, p)
    y = X @ rng.choice([0.0, 0.0, 1.5, -2.0], size=p) + rng.normal(size=n) + 4.0
    return X, y


@pytest.mark.parametrize("seed", range(4))
def test_fold_errors_are_scikit_learn_refits_on_the_same_folds(seed):
    X, y = data(seed)
    lams = np.array([2.0, 0.5, 0.1, 0.01])
    cv = rx.lasso_cv(X, y, lams, folds=4, seed=seed)
    for fold in range(4):
        train, test = cv.folds != fold, cv.folds == fold
        for i, lam in enumerate(cv.lams):
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", ConvergenceWarning)
                model = Lasso(alpha=lam / 2, tol=1e-14, max_iter=1_000_000).fit(X[train], y[train])
            expected = np.mean((model.predict(X[test]) - y[test]) ** 2)
            assert cv.fold_mse[fold, i] == pytest.approx(expected, rel=1e-8), (fold, lam)
    np.testing.assert_allclose(cv.mean, cv.fold_mse.mean(axis=0), rtol=1e-15)


def test_the_means_are_scikit_learns_lasso_cv_path():
    X, y = load_diabetes(return_X_y=True)
    cv = rx.lasso_cv(X, y, folds=5, seed=3)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ConvergenceWarning)
        model = LassoCV(alphas=cv.lams / 2, cv=PredefinedSplit(cv.folds), tol=1e-12, max_iter=1_000_000).fit(X, y)
    np.testing.assert_allclose(model.alphas_, cv.lams / 2, rtol=1e-15)
    np.testing.assert_allclose(model.mse_path_.T, cv.fold_mse, rtol=1e-6)
    assert model.alpha_ == pytest.approx(cv.lam_min / 2, rel=1e-12), "the same λ_min"


def test_standard_error_and_the_one_standard_error_rule():
    X, y = data(7, n=80)
    cv = rx.lasso_cv(X, y, folds=8, seed=1)
    np.testing.assert_allclose(cv.se, np.std(cv.fold_mse, axis=0, ddof=1) / np.sqrt(8), rtol=1e-14)
    best = int(np.argmin(cv.mean))
    assert cv.lam_min == cv.lams[best]
    bound = cv.mean[best] + cv.se[best]
    eligible = [lam for lam, mean in zip(cv.lams, cv.mean, strict=True) if mean <= bound]
    assert cv.lam_1se == max(eligible)
    assert cv.lam_1se >= cv.lam_min


def test_default_grid_and_folds():
    X, y = data(2, n=53)
    cv = rx.lasso_cv(X, y, folds=5, seed=4)
    top = rx.lasso_lambda_max(X, y)
    assert cv.lams.size == 100
    assert cv.lams[0] == pytest.approx(top, rel=1e-14)
    assert cv.lams[-1] == pytest.approx(top * 1e-3, rel=1e-12)
    assert np.all(np.diff(cv.lams) < 0), "decreasing"
    counts = np.bincount(cv.folds, minlength=5)
    assert counts.max() - counts.min() <= 1
    np.testing.assert_array_equal(cv.folds, fold_labels(53, 5, 4))
    np.testing.assert_array_equal(rx.lasso_cv(X, y, folds=5, seed=4).mean, cv.mean)
    assert not np.array_equal(rx.lasso_cv(X, y, folds=5, seed=5).folds, cv.folds), "the seed moves the folds"


def test_user_grid_in_any_order():
    X, y = data(1)
    cv = rx.lasso_cv(X, y, [0.1, 1.0, 0.0, 1.0], folds=3)
    np.testing.assert_array_equal(cv.lams, [1.0, 0.1, 0.0])


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"folds": 1}, ValueError, "folds"),
        ({"folds": 500}, ValueError, "folds"),
        ({"folds": 2.5}, TypeError, "folds"),
        ({"seed": -1}, ValueError, "seed"),
        ({"lams": [-0.1, 1.0]}, ValueError, "lams"),
        ({"lams": [np.nan]}, ValueError, "lams"),
        ({"lams": []}, ValueError, "lams"),
    ],
)
def test_bad_arguments(kwargs, error, match):
    X, y = data(0)
    with pytest.raises(error, match=match):
        rx.lasso_cv(X, y, **kwargs)
