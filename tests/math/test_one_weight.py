"""The one-weight model y = w·x: data, objective, exact minimizers, zero threshold, slope."""

import numpy as np
import pytest

from regexplain.math import one_weight as ow


def moments(x, y):
    """a = mean(x²) and b = mean(x·y): the MSE is a·w² − 2b·w + mean(y²)."""
    return np.mean(x**2), np.mean(x * y)


def sample(kind, w, seed):
    """The chapter's data, or off-centre data with an offset (where centring would change the answers)."""
    if kind == "chapter":
        return ow.data(w=w, seed=seed)
    rng = np.random.default_rng(seed)
    x = rng.uniform(0.2, 2.0, 15)
    return x, 0.3 + w * x + 0.1 * rng.standard_normal(15)


SAMPLES = ["chapter", "off-centre"]


def test_data_is_deterministic_per_seed():
    x, y = ow.data(seed=3)
    x_again, y_again = ow.data(seed=3)
    np.testing.assert_array_equal(x, x_again)
    np.testing.assert_array_equal(y, y_again)
    x_other, y_other = ow.data(seed=4)
    np.testing.assert_array_equal(x, x_other)
    assert not np.any(y == y_other)


def test_data_follows_the_model():
    x, y = ow.data(7, w=-1.5, noise=0.0)
    np.testing.assert_allclose(x, [-1.0, -2 / 3, -1 / 3, 0.0, 1 / 3, 2 / 3, 1.0], rtol=1e-15, atol=1e-15)
    np.testing.assert_allclose(y, -1.5 * x, rtol=1e-15)
    x, y = ow.data(20_000, noise=0.1, seed=1)
    assert x.shape == y.shape == (20_000,)
    assert np.std(y - ow.TRUE_W * x) == pytest.approx(0.1, rel=0.03)


@pytest.mark.parametrize(("norm", "penalty"), [("l1", np.abs), ("l2", np.square)])
@pytest.mark.parametrize("lam", [0.0, 0.7])
@pytest.mark.parametrize("kind", SAMPLES)
def test_objective_matches_direct_formula(kind, norm, penalty, lam):
    x, y = sample(kind, 0.5, seed=2)
    w = np.linspace(-1.0, 2.0, 12).reshape(3, 4)
    expected = np.empty_like(w)
    for index, weight in np.ndenumerate(w):
        expected[index] = sum((yi - weight * xi) ** 2 for xi, yi in zip(x, y, strict=True)) / len(x)
        expected[index] += lam * penalty(weight)
    np.testing.assert_allclose(ow.objective(x, y, w, lam, norm), expected, rtol=1e-13)
    assert np.shape(ow.objective(x, y, 0.25, lam, norm)) == ()


@pytest.mark.parametrize("lam", [0.0, 0.05, 0.2, 0.3, 1.0])
@pytest.mark.parametrize("w", [0.5, -0.8])
@pytest.mark.parametrize("kind", SAMPLES)
def test_minimizer_closed_forms(kind, w, lam):
    x, y = sample(kind, w, seed=5)
    a, b = moments(x, y)
    assert ow.minimizer(x, y, lam, "l2") == pytest.approx(b / (a + lam), rel=1e-12)
    assert ow.minimizer(x, y, lam, "l1") == pytest.approx(np.sign(b) * max(abs(b) - lam / 2, 0.0) / a, rel=1e-12)


@pytest.mark.parametrize("w", [0.5, -0.8])
@pytest.mark.parametrize("kind", SAMPLES)
def test_zero_threshold(kind, w):
    x, y = sample(kind, w, seed=6)
    threshold = ow.zero_threshold(x, y)
    assert threshold == pytest.approx(2.0 * abs(np.mean(x * y)), rel=1e-12)
    at = ow.minimizer(x, y, threshold, "l1")
    assert at == 0.0
    assert not np.signbit(at)
    below = ow.minimizer(x, y, threshold * (1 - 1e-6), "l1")
    assert below != 0.0
    assert np.sign(below) == np.sign(w)


@pytest.mark.parametrize("kind", SAMPLES)
def test_mse_slope_matches_finite_differences(kind):
    x, y = sample(kind, 0.5, seed=8)
    w = np.linspace(-2.0, 2.0, 9)
    h = 1e-6
    numeric = (ow.objective(x, y, w + h, 0.0) - ow.objective(x, y, w - h, 0.0)) / (2 * h)
    np.testing.assert_allclose(ow.mse_slope(x, y, w), numeric, rtol=1e-7, atol=1e-8)
    a, b = moments(x, y)
    assert ow.mse_slope(x, y, b / a) == pytest.approx(0.0, abs=1e-15)


def test_default_lambda_zeroes_l1_and_shrinks_l2():
    x, y = ow.data()
    a, b = moments(x, y)
    least_squares = b / a
    assert least_squares > 0
    l1 = ow.minimizer(x, y, ow.LAM, "l1")
    assert l1 == 0.0
    assert not np.signbit(l1)
    assert 0.0 < ow.minimizer(x, y, ow.LAM, "l2") < least_squares


def test_facts_are_the_closed_forms():
    facts = ow.facts()
    x, y = ow.data()
    a, b = np.mean(x**2), np.mean(x * y)
    assert facts.w_ls == pytest.approx(b / a, rel=1e-14)
    assert facts.w_l1 == 0.0, "at the chapter's λ the L1 weight is exactly 0"
    assert facts.lam_zero == pytest.approx(2 * abs(b), rel=1e-14)
    assert facts.lam_zero <= facts.lam
    assert facts.w_l2 == pytest.approx(b / (a + facts.lam), rel=1e-12)
    assert 0.0 < facts.w_l2 < facts.w_ls, "the L2 weight shrinks but stays positive"
    assert facts.slope_left < 0.0 < facts.slope_right, "the slopes at 0 straddle zero: 0 is the minimum"
