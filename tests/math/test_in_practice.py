"""The chapter "In practice": the diabetes path against scikit-learn's lars_path and the LARS paper, and its claims."""

import numpy as np
import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes
from sklearn.linear_model import lars_path

import regexplain as rx
from regexplain.math import in_practice as chapter


@pytest.fixture(scope="module")
def diabetes():
    return load_diabetes()


@pytest.fixture(scope="module")
def facts(diabetes):
    return chapter.facts(diabetes, load_breast_cancer())


def test_breakpoints_and_events_equal_lars_path(diabetes):
    X, y = diabetes.data, diabetes.target
    path = rx.lasso_path(X, y)
    alphas, _, coefs = lars_path(X, y - y.mean(), method="lasso")
    # scikit-learn's alpha is λ/2 on (1/2n)‖·‖²; its coefficient rows are our breakpoints' columns.
    np.testing.assert_allclose(path.lams, 2 * alphas, rtol=1e-10, atol=1e-14)
    np.testing.assert_allclose(path.coefs, coefs.T, rtol=1e-9, atol=1e-9)
    # Every join and leave, recomputed from scikit-learn's breakpoints.
    theirs = []
    for k in range(alphas.size - 1):
        before, after = coefs[:, k] != 0, np.abs(coefs[:, k + 1]) > 1e-12
        theirs += [(2 * alphas[k], j, True) for j in np.flatnonzero(~before & after)]
        theirs += [(2 * alphas[k + 1], j, False) for j in np.flatnonzero(before & ~after)]
    ours = [(e.lam, e.variable, e.joins) for e in chapter.events(path)]
    assert [(j, joins) for _, j, joins in ours] == [(j, joins) for _, j, joins in sorted(theirs, key=lambda e: -e[0])]
    np.testing.assert_allclose(
        [lam for lam, _, _ in ours], sorted([lam for lam, _, _ in theirs], reverse=True), rtol=1e-9
    )


def test_the_lars_papers_results(diabetes, facts):
    _, order, _ = lars_path(diabetes.data, diabetes.target - diabetes.target.mean(), method="lar")
    assert tuple(np.array(diabetes.feature_names)[order]) == chapter.LARS_ORDER, "LARS's order of entry"
    assert facts.entry_order == ", ".join(chapter.LARS_ORDER), "the lasso's first entries follow it"
    assert facts.pieces == facts.lars_steps + 2, "one variable leaves and returns: two extra pieces"
    assert facts.drop_name == "s3", "hdl, as in the paper"
    assert facts.rejoin_lam < facts.drop_lam
    X, y = diabetes.data, diabetes.target
    ols, *_ = np.linalg.lstsq(np.column_stack([np.ones(len(y)), X]), y, rcond=None)
    np.testing.assert_allclose(rx.lasso_path(X, y).coefs[-1], ols[1:], rtol=1e-9, err_msg="the end is least squares")
    assert facts.ols_l1 == pytest.approx(np.abs(ols[1:]).sum(), rel=1e-12)


def test_cross_validation_and_logistic_claims(facts):
    assert facts.cv_lam_1se > facts.cv_lam_min
    assert facts.cv_nonzero_1se < facts.cv_nonzero_min, "λ_1se gives a sparser model"
    assert facts.logistic_fewest == 0
    assert 0 < facts.logistic_most < facts.logistic_features


def test_the_optimizer_race(facts):
    assert facts.race_zeros > 0
    assert 0 < facts.cd_step < facts.fista_step < facts.ista_step < facts.race_steps
    assert facts.subgradient_zeros == 0, "plain subgradient steps never sit on 0"


def test_first_exact_step():
    exact = np.array([1.0, 0.0])
    iterates = np.array([[0.0, 0.0], [0.5, 0.1], [0.9, 0.0], [1.0, 0.0]])
    assert chapter.first_exact_step(iterates, exact) == 2
    assert chapter.first_exact_step(iterates[:2], exact) is None


def test_logistic_support_counts_exact_nonzeros():
    X, labels = load_breast_cancer(return_X_y=True)
    counts = chapter.logistic_support(X, labels * 1.0, [0.01, 0.1])
    Z = chapter.standardize(X)
    assert counts.tolist() == [int(np.sum(rx.logistic(Z, labels * 1.0, lam).coef != 0.0)) for lam in (0.01, 0.1)]


def test_the_crosswalk_numbers_fit_the_same_model(diabetes, facts):
    from sklearn.linear_model import Lasso, Ridge

    X, y = diabetes.data, diabetes.target
    lasso = Lasso(alpha=facts.cross_lasso_alpha, tol=1e-14, max_iter=1_000_000).fit(X, y)
    np.testing.assert_allclose(lasso.coef_, rx.lasso(X, y, facts.cv_lam_min).coef, atol=1e-6)
    ridge = Ridge(alpha=facts.cross_ridge_alpha).fit(X, y)
    np.testing.assert_allclose(ridge.coef_, rx.ridge(X, y, facts.cv_lam_min).coef, rtol=1e-8)
    assert facts.cross_t == pytest.approx(np.abs(rx.lasso(X, y, facts.cv_lam_min).coef).sum())
    assert facts.cross_glmnet_lambda == facts.cross_lasso_alpha, "glmnet's lasso λ is scikit-learn's alpha"
