"""Penalties: values, subgradients and proximal maps against direct formulas and brute force."""

import numpy as np
import pytest

import regexplain as rx

PENALTIES = [rx.L1, rx.L2, rx.Penalty(0.3)]
PENALTY_IDS = ["L1", "L2", "elastic-0.3"]
BETA = np.array([1.0, -2.0, 0.5, 0.0])  # ‖β‖₁ = 3.5, ‖β‖₂² = 5.25


@pytest.mark.parametrize(
    ("penalty", "expected"), list(zip(PENALTIES, [3.5, 5.25, 0.3 * 3.5 + 0.7 * 5.25], strict=True)), ids=PENALTY_IDS
)
def test_value(penalty, expected):
    assert penalty.value(BETA) == pytest.approx(expected, rel=1e-15)
    assert penalty.value(-BETA) == pytest.approx(expected, rel=1e-15)
    assert penalty.value(BETA.tolist()) == pytest.approx(expected, rel=1e-15)


@pytest.mark.parametrize("penalty", PENALTIES, ids=PENALTY_IDS)
def test_value_sums_the_last_axis(penalty):
    betas = np.random.default_rng(0).standard_normal((2, 3, 4))
    values = penalty.value(betas)
    assert values.shape == (2, 3)
    expected = [[penalty.value(row) for row in block] for block in betas]
    np.testing.assert_allclose(values, expected, rtol=1e-14)


@pytest.mark.parametrize("penalty", PENALTIES, ids=PENALTY_IDS)
def test_subgradient_matches_finite_differences(penalty):
    rng = np.random.default_rng(1)
    beta = rng.choice([-1.0, 1.0], 6) * rng.uniform(0.1, 2.0, 6)  # every entry away from 0
    h = 1e-6
    steps = h * np.eye(beta.size)
    numeric = (penalty.value(beta + steps) - penalty.value(beta - steps)) / (2.0 * h)
    np.testing.assert_allclose(penalty.subgradient(beta), numeric, rtol=1e-7, atol=1e-8)


@pytest.mark.parametrize("penalty", PENALTIES, ids=PENALTY_IDS)
def test_subgradient_at_zero_has_no_l1_part(penalty):
    beta = np.array([0.0, 1.5, -0.0, -0.4])
    r = penalty.l1_ratio
    expected = [0.0, r + 2 * (1 - r) * 1.5, 0.0, -r - 2 * (1 - r) * 0.4]
    np.testing.assert_allclose(penalty.subgradient(beta), expected, rtol=1e-15, atol=0)


V = np.array([-2.0, -0.3, 0.0, 0.2, 0.45, 1.7])
GRID = np.linspace(-3.0, 3.0, 600_001)  # spacing 1e-5


@pytest.mark.parametrize("step", [0.0, 0.25, 1.0])
@pytest.mark.parametrize("penalty", PENALTIES, ids=PENALTY_IDS)
def test_prox_is_the_brute_force_minimizer(penalty, step):
    objective = 0.5 * (GRID[None, :] - V[:, None]) ** 2 + step * penalty.value(GRID[:, None])[None, :]
    brute = GRID[np.argmin(objective, axis=1)]
    prox = penalty.prox(V, step)
    np.testing.assert_allclose(prox, brute, rtol=0, atol=2e-5)
    # The closed form: soft-threshold by step·r, then divide by 1 + 2·step·(1 − r).
    r = penalty.l1_ratio
    closed = np.sign(V) * np.maximum(np.abs(V) - step * r, 0.0) / (1.0 + 2.0 * step * (1.0 - r))
    np.testing.assert_allclose(prox, closed, rtol=1e-15, atol=0)
    assert not np.signbit(prox[prox == 0.0]).any()
    if r > 0 and step > 0:  # entries within step·r become exactly 0
        assert np.array_equal(prox == 0.0, np.abs(V) <= step * r)


def test_soft_threshold():
    v = np.array([[-3.0, -1.0, -0.5], [0.0, 0.7, 2.5]])
    np.testing.assert_array_equal(rx.soft_threshold(v, 1.0), [[-2.0, 0.0, 0.0], [0.0, 0.0, 1.5]])
    shrunk = rx.soft_threshold(v, 1.0)
    assert not np.signbit(shrunk[shrunk == 0.0]).any()  # -1.0 and -0.5 become +0.0, not -0.0
    np.testing.assert_array_equal(rx.soft_threshold(v, 0.0), v)
    np.testing.assert_array_equal(rx.soft_threshold(v, 10.0), np.zeros_like(v))
    assert rx.soft_threshold(-1.25, 0.25) == -1.0


@pytest.mark.parametrize(
    ("l1_ratio", "name"), [(1.0, "l1"), (1, "l1"), (0.0, "l2"), (0, "l2"), (0.3, "elastic net"), (0.999, "elastic net")]
)
def test_name(l1_ratio, name):
    assert rx.Penalty(l1_ratio).name == name


def test_ready_made_penalties():
    assert (rx.L1.l1_ratio, rx.L1.name) == (1.0, "l1")
    assert (rx.L2.l1_ratio, rx.L2.name) == (0.0, "l2")
    assert rx.Penalty(1) == rx.L1
