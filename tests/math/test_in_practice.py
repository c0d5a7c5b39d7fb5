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
    return chapter.facts(diabetes, load_diabetes(scaled=False), load_breast_cancer())


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

    X, y = chapter.cv_design(diabetes.data, diabetes.target)
    lasso = Lasso(alpha=facts.cross_lasso_alpha, tol=1e-14, max_iter=1_000_000).fit(X, y)
    np.testing.assert_allclose(lasso.coef_, rx.lasso(X, y, facts.cv_lam_min).coef, atol=1e-6)
    ridge = Ridge(alpha=facts.cross_ridge_alpha).fit(X, y)
    np.testing.assert_allclose(ridge.coef_, rx.ridge(X, y, facts.cv_lam_min).coef, rtol=1e-8)
    assert facts.cross_t == pytest.approx(np.abs(rx.lasso(X, y, facts.cv_lam_min).coef).sum())
    assert facts.cross_glmnet_lambda == facts.cross_lasso_alpha, "glmnet's lasso λ is scikit-learn's alpha"


def test_scaling_changes_the_path_and_standardizing_restores_it(facts):
    raw = load_diabetes(scaled=False)
    names = list(raw.feature_names)
    assert facts.raw_entry_order != facts.entry_order, "raw units change the order of entry"
    assert facts.raw_leaves > 1
    z_order = chapter.entry_order(rx.lasso_path(chapter.standardize(raw.data), raw.target), names)
    assert ", ".join(z_order) == facts.entry_order, "z-scores give the unit-length columns' order"
    assert set(np.unique(raw.data[:, names.index("sex")])) == {1.0, 2.0}, "sex coded 1 or 2, as the page says"
    assert facts.raw_scale_ratio == pytest.approx(raw.data.std(axis=0).max() / raw.data.std(axis=0).min())
    # In raw units the order follows the columns' spread far more than in z-scores: the first to enter is the widest.
    assert names[int(np.argmax(raw.data.std(axis=0)))] == facts.raw_entry_order.split(", ")[0]


def test_z_scores():
    X, y = load_diabetes(return_X_y=True)
    Z, z = chapter.z_scores(X, y)
    np.testing.assert_allclose(np.r_[Z.mean(axis=0), Z.std(axis=0) - 1, z.mean(), z.std() - 1], 0.0, atol=1e-12)


@pytest.mark.parametrize("units", [1.0, chapter.POLY_UNITS])
@pytest.mark.parametrize("standardized", [False, True])
def test_polynomial_lasso_keeps_what_scikit_learn_keeps(units, standardized):
    from sklearn.linear_model import Lasso

    from regexplain.math import why_regularize

    x, y, x_test, y_test = why_regularize.polynomial_data()
    P, P_test = why_regularize.powers(units * x), why_regularize.powers(units * x_test)
    if standardized:
        P, P_test = why_regularize.standardize(P, P_test)
    fit = chapter.polynomial_lasso(units, standardized=standardized)
    theirs = Lasso(alpha=rx.lasso_cv(P, y).lam_min / 2, tol=1e-14, max_iter=10_000_000).fit(P, y)
    assert fit.powers == tuple(int(j) + 1 for j in np.flatnonzero(np.abs(theirs.coef_) > 1e-8))
    assert fit.test_mse == pytest.approx(np.mean((theirs.predict(P_test) - y_test) ** 2), rel=1e-4)


def test_the_polynomial_claims(facts):
    assert facts.poly_kept_raw != facts.poly_kept_z
    assert facts.poly_test_ratio > 1.5, "raw powers predict worse"
    assert (
        chapter.polynomial_lasso(1.0, standardized=True).powers
        == chapter.polynomial_lasso(chapter.POLY_UNITS, standardized=True).powers
    ), "standardized, the units do not matter"
    assert chapter.powers_words((1, 2, 9)) == "x, x², x⁹"


def test_grouped_selection_against_scikit_learn(facts):
    from sklearn.linear_model import ElasticNet, lars_path

    X, y = chapter.correlated_group()
    alphas, _, coefs = lars_path(X - X.mean(axis=0), y - y.mean(), method="lasso")
    # The lasso's group members join where scikit-learn's path first makes them non-zero.
    joins = sorted(
        (2 * alphas[np.argmax(np.abs(coefs[j]) > 0) - 1] / (2 * alphas[0]) for j in range(chapter.GROUP_SIZE)),
        reverse=True,
    )
    np.testing.assert_allclose(chapter.group_entries(chapter.group_path(1.0)), joins, rtol=1e-9)
    en = chapter.group_path(chapter.EN_RATIO)
    lam = facts.group_share * en.lams[0]
    theirs = ElasticNet(
        **rx.to_sklearn("elastic_net", lam, l1_ratio=chapter.EN_RATIO, n_samples=y.size), tol=1e-14, max_iter=1_000_000
    )
    np.testing.assert_allclose(en.at(lam).coef, theirs.fit(X, y).coef_, atol=1e-8)
    assert (chapter.group_kept(1.0), chapter.group_kept(chapter.EN_RATIO)) == (1, chapter.GROUP_SIZE), "this sample"
    assert facts.group_en_all > facts.group_lasso_second > facts.group_lasso_all
    group = en.at(lam).coef[: chapter.GROUP_SIZE]
    assert group.max() / group.min() < 1.2, "the elastic net's group coefficients are nearly equal"


def test_the_lassos_pick_depends_on_the_noise_the_elastic_nets_does_not():
    firsts, kept = set(), set()
    for seed in range(6):
        X, y = chapter.correlated_group(seed)
        firsts.add(int(np.argmax(np.abs(rx.lasso_path(X, y).coefs[1]))))
        en = rx.lasso_path(X, y, l1_ratio=chapter.EN_RATIO)
        kept.add(int(np.sum(en.at(chapter.GROUP_SHARE * en.lams[0]).coef[: chapter.GROUP_SIZE] != 0.0)))
    assert len(firsts) > 1, "which member of the group the lasso takes first changes with the sample"
    assert kept == {chapter.GROUP_SIZE}, "the elastic net keeps the whole group in every sample"


def test_penalty_steps_have_their_closed_forms(facts):
    k = np.arange(chapter.DECAY_STEPS + 1)
    shrink = chapter.DECAY_STEP * chapter.DECAY_LAM
    np.testing.assert_allclose(chapter.penalty_steps("weight_decay"), (1 - 2 * shrink) ** k, rtol=1e-12)
    np.testing.assert_allclose(chapter.penalty_steps("l1_proximal"), np.maximum(1 - shrink * k, 0.0), atol=1e-12)
    assert np.all(chapter.penalty_steps("l1_proximal")[facts.l1_zero_step :] == 0.0), "exactly 0, for good"
    assert facts.l1_zero_step == int(np.ceil(chapter.DECAY_START / shrink - 1e-9))
    sub = chapter.penalty_steps("l1_subgradient")
    assert np.all(np.abs(np.diff(sub)) == pytest.approx(shrink)), "a fixed step every time"
    assert facts.subgradient_low < 0 < facts.subgradient_high
    assert facts.decay_last > 0
    with pytest.raises(ValueError, match="kind"):
        chapter.penalty_steps("l3")


def test_cross_validation_on_the_products_overfits(facts, diabetes):
    X, _ = chapter.cv_design(diabetes.data, diabetes.target)
    assert X.shape == (442, 64), "10 columns, 45 products of two, 9 squares (not sex's)"
    assert facts.cv_features == 64
    assert np.linalg.matrix_rank(X) == 64, "no duplicated column: the lasso's answer is unique"
    assert facts.cv_rise > 0.05, "the validation error rises to the right of λ_min"
    assert facts.cv_rise_se > 1.0
    np.testing.assert_allclose(chapter.interactions(diabetes.data)[:, 10], diabetes.data[:, 0] ** 2)


def test_the_page_quotes_z_score_lambdas(facts, diabetes):
    Z, z = chapter.z_scores(diabetes.data, diabetes.target)
    assert facts.lam_max == pytest.approx(rx.lasso_lambda_max(Z, z))
    assert facts.paper_lam_max == pytest.approx(rx.lasso_lambda_max(diabetes.data, diabetes.target))
    # The same events as in the paper's units, every λ scaled by one factor (the ratio of the λ_max).
    paper = chapter.events(rx.lasso_path(diabetes.data, diabetes.target))
    ours = chapter.events(rx.lasso_path(Z, z))
    assert [(e.variable, e.joins) for e in paper] == [(e.variable, e.joins) for e in ours]
    np.testing.assert_allclose(
        [e.lam / facts.lam_max for e in ours], [e.lam / facts.paper_lam_max for e in paper], rtol=1e-8
    )


def test_grouped_selection_over_samples(facts):
    assert facts.group_en_whole == facts.group_samples, "the elastic net keeps the group in every sample"
    assert 0 < facts.group_lasso_one < facts.group_samples
