"""seesaw_balance: among all positions x with m·x = τ, the one of least L1, L2 or elastic-net penalty, checked
against references solved here (linprog for L1, SLSQP for L2 and the elastic net, scikit-learn's lasso)."""

import functools

import numpy as np
import pytest
from scipy.optimize import LinearConstraint, linprog, minimize
from sklearn.linear_model import Lasso

import regexplain as rx

NORMS = ["l1", "l2", "elastic_net"]
SEEDS = range(36)


def random_case(seed):
    """n from 1 to 6 children, masses in [0.5, 40], torque in [−200, 200], l1_ratio in (0.05, 0.95)."""
    rng = np.random.default_rng(seed)
    n = 1 + seed % 6
    return rng.uniform(0.5, 40.0, n), rng.uniform(-200.0, 200.0), rng.uniform(0.05, 0.95)


def penalty(x, norm, r=None):
    if norm == "l1":
        return np.abs(x).sum()
    if norm == "l2":
        return np.sqrt(x @ x)
    return r * np.abs(x).sum() + (1.0 - r) * x @ x


def balance(masses, torque, norm, r=None):
    return rx.seesaw_balance(masses, torque, norm, l1_ratio=r if norm == "elastic_net" else None)


def reference_l1(masses, torque):
    """Least ‖x‖₁ with m·x = τ as a linear program on x = u − v, u, v ≥ 0 (a vertex of the optimal set)."""
    n = len(masses)
    found = linprog(np.ones(2 * n), A_eq=[np.concatenate([masses, -masses])], b_eq=[torque], bounds=(0, None))
    assert found.status == 0, found.message
    return found.x[:n] - found.x[n:]


def reference_smooth(masses, torque, r):
    """Least r‖x‖₁ + (1 − r)‖x‖₂² with m·x = τ (r = 0: least ‖x‖₂) by SLSQP on the smooth split x = u − v."""
    n, scale = len(masses), abs(torque) / masses.sum()  # solved in units of the positions' size
    found = minimize(
        lambda uv: r * uv.sum() + (1.0 - r) * scale * (uv[:n] - uv[n:]) @ (uv[:n] - uv[n:]),
        np.concatenate([np.ones(n), np.zeros(n)] if torque > 0 else [np.zeros(n), np.ones(n)]),
        jac=lambda uv: r + 2.0 * (1.0 - r) * scale * np.concatenate([uv[:n] - uv[n:], uv[n:] - uv[:n]]),
        method="SLSQP",
        bounds=[(0.0, None)] * (2 * n),
        constraints=[LinearConstraint(np.concatenate([masses, -masses]) / masses.sum(), *[np.sign(torque)] * 2)],
        options={"ftol": 1e-15, "maxiter": 1000},
    )
    assert found.success, found.message
    return scale * (found.x[:n] - found.x[n:])


@functools.cache
def reference(seed, norm):
    masses, torque, r = random_case(seed)
    if norm == "l1":
        return reference_l1(masses, torque)
    return reference_smooth(masses, torque, 0.0 if norm == "l2" else r)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("seed", SEEDS)
def test_balances_and_is_least_penalty_among_balancing_positions(seed, norm):
    masses, torque, r = random_case(seed)
    x = balance(masses, torque, norm, r)
    assert isinstance(x, np.ndarray)
    assert x.shape == masses.shape
    assert masses @ x == pytest.approx(torque, rel=1e-9, abs=1e-12)
    best = reference(seed, norm)
    assert masses @ best == pytest.approx(torque, rel=1e-7)
    assert penalty(x, norm, r) <= penalty(best, norm, r) * (1.0 + 1e-9) + 1e-12
    np.testing.assert_allclose(x, best, rtol=1e-6, atol=1e-6 * np.abs(best).max())


@pytest.mark.parametrize("seed", SEEDS)
def test_l1_puts_only_the_heaviest_child_in(seed):
    masses, torque, _ = random_case(seed)
    x = balance(masses, torque, "l1")
    heaviest = np.argmax(masses)
    assert x[heaviest] == pytest.approx(torque / masses[heaviest], rel=1e-12)
    others = np.delete(x, heaviest)
    assert np.all(others == 0.0), others


@pytest.mark.parametrize("seed", SEEDS)
def test_elastic_net_zeros_are_exact_where_the_reference_has_them(seed):
    masses, torque, r = random_case(seed)
    x = balance(masses, torque, "elastic_net", r)
    best = reference(seed, "elastic_net")
    size = np.abs(best).max()
    off = np.abs(best) < 1e-7 * size
    on = np.abs(best) > 1e-4 * size  # children in between are too close to the threshold to call
    assert np.all(x[off] == 0.0), x
    assert np.all(x[on] != 0.0), x
    assert np.all(np.sign(x[on]) == np.sign(torque))
    # An independent certificate: 0 ∈ r·∂‖x‖₁ + 2(1 − r)x − μm for one multiplier μ.
    support = x != 0.0
    mu = np.mean((r * np.sign(x[support]) + 2.0 * (1.0 - r) * x[support]) / masses[support])
    np.testing.assert_allclose(r * np.sign(x[support]) + 2.0 * (1.0 - r) * x[support], mu * masses[support], rtol=1e-9)
    assert np.all(np.abs(mu * masses[~support]) <= r * (1.0 + 1e-12))


def test_the_random_cases_include_zeros_and_full_supports():
    """The references show both regimes, so the zero checks above have something to bite on."""
    several = [seed for seed in SEEDS if len(random_case(seed)[0]) > 1]
    sizes = [np.abs(reference(seed, "elastic_net")) / np.abs(reference(seed, "elastic_net")).max() for seed in several]
    assert any(np.any(size < 1e-7) for size in sizes), "some elastic-net cases leave children out"
    assert any(np.all(size > 1e-4) for size in sizes), "and some take all of them in"


M_SMALL, M_BIG, TAU = 20.0, 30.0, 90.0
TWO = np.array([M_SMALL, M_BIG])


def test_two_children_l2_puts_both_in_in_proportion_and_l1_only_the_big_one():
    l2, l1 = balance(TWO, TAU, "l2"), balance(TWO, TAU, "l1")
    assert l2[0] > 0.0
    assert l2[0] / l2[1] == pytest.approx(M_SMALL / M_BIG, rel=1e-12)
    np.testing.assert_allclose(l2, reference_smooth(TWO, TAU, 0.0), rtol=1e-7)
    assert l1[0] == 0.0
    assert l1[1] == pytest.approx(TAU / M_BIG, rel=1e-12)
    np.testing.assert_allclose(l1, reference_l1(TWO, TAU), rtol=1e-9, atol=1e-12)


def test_two_children_elastic_net_lies_between_and_tends_to_both_ends():
    l1, l2 = balance(TWO, TAU, "l1"), balance(TWO, TAU, "l2")
    ratios = [1e-9, 1e-6, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 0.999, 1.0 - 1e-6]
    small = []
    for r in ratios:
        x = balance(TWO, TAU, "elastic_net", r)
        assert 0.0 <= x[0] <= l2[0] * (1.0 + 1e-12), r
        assert l2[1] * (1.0 - 1e-12) <= x[1] <= l1[1] * (1.0 + 1e-12), r
        small.append(x[0])
    assert np.all(np.diff(small) <= 1e-12), "more L1 weight, less of the small child"
    np.testing.assert_allclose(balance(TWO, TAU, "elastic_net", ratios[0]), l2, rtol=1e-6)
    np.testing.assert_array_equal(balance(TWO, TAU, "elastic_net", ratios[-1]) == 0.0, l1 == 0.0)
    np.testing.assert_allclose(balance(TWO, TAU, "elastic_net", ratios[-1]), l1, rtol=1e-8)


@pytest.mark.parametrize("seed", range(6))
def test_ridge_penalty_minimizer_tends_to_the_l2_answer(seed):
    masses, torque, _ = random_case(seed + 6 * 3)
    closed = [masses * torque / (masses @ masses + lam) for lam in [1.0, 1e-2, 1e-4, 1e-6, 1e-8]]
    for lam in [1.0, 0.1]:
        found = minimize(
            lambda x, lam=lam: (masses @ x - torque) ** 2 + lam * x @ x,
            np.zeros(len(masses)),
            jac=lambda x, lam=lam: 2.0 * (masses @ x - torque) * masses + 2.0 * lam * x,
            hess=lambda x, lam=lam: 2.0 * (np.outer(masses, masses) + lam * np.eye(len(masses))),
            method="Newton-CG",
            options={"xtol": 1e-14},
        )
        assert found.success, found.message
        np.testing.assert_allclose(found.x, masses * torque / (masses @ masses + lam), rtol=1e-9)
    distances = [np.abs(x - balance(masses, torque, "l2")).max() for x in closed]
    assert np.all(np.diff(distances) < 0.0), distances
    assert distances[-1] <= 1e-9 * np.abs(closed[-1]).max()


@pytest.mark.parametrize("seed", [seed for seed in SEEDS if seed % 6])
def test_one_sample_lasso_tends_to_the_l1_answer(seed):
    """scikit-learn's lasso on the one-sample regression X = [m], y = [τ], along α ↓ 0 (warm started, as a path)."""
    masses, torque, _ = random_case(seed)
    answer = balance(masses, torque, "l1")
    model = Lasso(fit_intercept=False, tol=1e-12, max_iter=1_000_000, warm_start=True)
    distances = []
    for share in [0.9, 1e-2, 1e-4, 1e-6]:  # of α_max = max|m·τ|, where the first child comes in
        coef = model.set_params(alpha=share * masses.max() * abs(torque)).fit(masses[None, :], [torque]).coef_
        np.testing.assert_array_equal(coef == 0.0, answer == 0.0)
        distances.append(np.abs(coef - answer).max())
    assert np.all(np.diff(distances) < 0.0), distances
    assert distances[-1] <= 2e-6 * np.abs(answer).max()


def least_l2_among_least_l1(masses, torque):
    """Least ‖x‖₂ on the face of L1 minimizers: SLSQP on x = u − v with Σ(u + v) held to linprog's optimum."""
    n, vertex = len(masses), reference_l1(masses, torque)
    least = np.abs(vertex).sum()  # solved in units of least, for torques of any size
    found = minimize(
        lambda uv: (uv[:n] - uv[n:]) @ (uv[:n] - uv[n:]),
        np.concatenate([np.maximum(vertex, 0.0), np.maximum(-vertex, 0.0)]) / least,
        jac=lambda uv: 2.0 * np.concatenate([uv[:n] - uv[n:], uv[n:] - uv[:n]]),
        method="SLSQP",
        bounds=[(0.0, None)] * (2 * n),
        constraints=[
            LinearConstraint(np.concatenate([masses, -masses]) * least / torque, 1.0, 1.0),
            LinearConstraint(np.ones(2 * n), -np.inf, 1.0),
        ],
        options={"ftol": 1e-15, "maxiter": 1000},
    )
    assert found.success, found.message
    return least * (found.x[:n] - found.x[n:])


@pytest.mark.parametrize(
    ("masses", "torque", "expected"),
    [
        ([3.0, 3.0, 1.0], 12.0, [2.0, 2.0, 0.0]),
        ([3.0, 3.0, 1.0], -7.5, [-1.25, -1.25, 0.0]),
        ([3.0, 3.0, 1.0], 1e-3, [1e-3 / 6.0, 1e-3 / 6.0, 0.0]),
        ([5.0, 2.0, 5.0, 5.0, 1.0], 30.0, [2.0, 0.0, 2.0, 2.0, 0.0]),
    ],
)
def test_tied_heaviest_children_share_the_l1_load_equally(masses, torque, expected):
    x = balance(masses, torque, "l1")
    np.testing.assert_allclose(x, expected, rtol=1e-12)
    np.testing.assert_array_equal(x == 0.0, np.array(expected) == 0.0)
    np.testing.assert_allclose(x, least_l2_among_least_l1(np.array(masses), torque), atol=1e-6 * abs(torque))


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("seed", range(12))
def test_flipping_the_torque_flips_the_positions(seed, norm):
    masses, torque, r = random_case(seed)
    x, flipped = balance(masses, torque, norm, r), balance(masses, -torque, norm, r)
    np.testing.assert_allclose(flipped, -x, rtol=1e-12, atol=0.0)
    np.testing.assert_array_equal(flipped == 0.0, x == 0.0)


@pytest.mark.parametrize("norm", ["l1", "l2"])
@pytest.mark.parametrize("seed", range(12))
def test_doubling_the_torque_doubles_the_positions(seed, norm):
    masses, torque, _ = random_case(seed)
    np.testing.assert_allclose(balance(masses, 2.0 * torque, norm), 2.0 * balance(masses, torque, norm), rtol=1e-12)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("torque", [0.0, -0.0, 0])
def test_zero_torque_gives_all_zeros(norm, torque):
    x = balance([1.0, 2.5, 7], torque, norm, 0.4)
    np.testing.assert_array_equal(x, np.zeros(3))


def test_array_likes_and_integer_masses_are_accepted():
    np.testing.assert_allclose(rx.seesaw_balance([2, 4], 10, "l1"), [0.0, 2.5], rtol=1e-15)
    np.testing.assert_allclose(rx.seesaw_balance((1, 1), 4, "l2"), [2.0, 2.0], rtol=1e-15)


GOOD = {"masses": [1.0, 2.0], "torque": 3.0, "norm": "l2"}
BAD_VALUES = {  # argument: (error, the bad values)
    "masses": (ValueError, [[[1.0, 2.0]], 2.0, [], [1.0, 0.0], [1.0, -2.0], [1.0, np.nan], [np.inf, 1.0]]),
    "torque": (ValueError, [np.nan, np.inf, -np.inf]),
    "norm": (ValueError, ["l3", ""]),
}
BAD = [
    *[({name: value}, error, name) for name, (error, values) in BAD_VALUES.items() for value in values],
    ({"masses": ["a", "b"]}, TypeError, "masses"),
    ({"torque": "3"}, TypeError, "torque"),
    ({"norm": "elastic_net"}, ValueError, "l1_ratio"),  # missing
    ({"norm": "l1", "l1_ratio": 0.5}, ValueError, "l1_ratio"),
    ({"norm": "l2", "l1_ratio": 0.5}, ValueError, "l1_ratio"),
    *[({"norm": "elastic_net", "l1_ratio": value}, ValueError, "l1_ratio") for value in [0.0, 1.0, -0.1, 1.5, np.nan]],
]


@pytest.mark.parametrize(("changes", "error", "name"), BAD, ids=[repr(changes) for changes, _, _ in BAD])
def test_bad_input_is_rejected_naming_the_argument(changes, error, name):
    with pytest.raises(error, match=name):
        rx.seesaw_balance(**{**GOOD, **changes})


def test_l1_ratio_is_keyword_only():
    with pytest.raises(TypeError):
        rx.seesaw_balance([1.0, 2.0], 3.0, "elastic_net", 0.5)


def test_extreme_scales_and_mixes_stay_exact():
    """No overflow in m·m, and no cancellation when l1_ratio is near 1 or the torque is tiny."""
    np.testing.assert_allclose(rx.seesaw_balance([1e-200, 1e-200], 1.0, "l2"), [5e199, 5e199], rtol=1e-12)
    np.testing.assert_allclose(rx.seesaw_balance([1e200], 1.0, "l2"), [1e-200], rtol=1e-12)
    masses = np.array([20.0, 30.0, 40.0])
    near_l1 = rx.seesaw_balance(masses, 1.0, "elastic_net", l1_ratio=1 - 1e-10)
    np.testing.assert_allclose(near_l1, [0.0, 0.0, 0.025], rtol=1e-9, atol=0)
    assert masses @ near_l1 == pytest.approx(1.0, rel=1e-12)
    np.testing.assert_allclose(rx.seesaw_balance([20.0, 40.0], 1e-14, "elastic_net", l1_ratio=0.5), [0.0, 2.5e-16])
