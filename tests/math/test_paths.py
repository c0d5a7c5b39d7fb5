"""The exact paths of penalized minima of quadratic losses (regexplain.math.paths).

Checked against closed forms, against QuadraticLoss itself, and (the L2 turning points) against
finite differences and a dense grid.
"""

import itertools

import numpy as np
import pytest

from regexplain import QuadraticLoss
from regexplain.math import paths
from regexplain.math.soft_constraints import ROUND, TILTED


def random_losses(count, seed=0):
    """Seeded random positive definite bowls in 2 to 6 dimensions; every fifth has a zero center coordinate."""
    rng = np.random.default_rng(seed)
    for index in range(count):
        p = int(rng.integers(2, 7))
        A = rng.standard_normal((p + 2, p))
        center = rng.uniform(-3, 3, p)
        if index % 5 == 0:
            center[0] = 0.0
        yield QuadraticLoss(A.T @ A / (p + 2) + 0.05 * np.eye(p), center)


def test_round_l2_path_is_the_closed_form():
    lams = np.array([0.0, 0.5, 1.0, 2.0, 6.0, 100.0, 1e6])
    expected = (75.0 / (5.0 + lams))[:, None] * np.array([1.0, -1.0])
    np.testing.assert_allclose(paths.penalized_path(ROUND, "l2", lams), expected, rtol=1e-14)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_path_rows_are_the_penalized_minima(norm):
    lams = [7.0, 0.0, 2.5, 30.0]  # any order
    path = paths.penalized_path(TILTED, norm, lams)
    assert path.shape == (4, 2)
    for lam, row in zip(lams, path, strict=True):
        np.testing.assert_array_equal(row, TILTED.penalized_minimum(norm, lam))


def test_tilted_l1_breakpoints_closed_form():
    H, c = TILTED.hessian, TILTED.center
    # Both coefficients positive: β(λ) = c − (λ/2)H⁻¹(1, 1); β2 reaches 0 first.
    v = np.linalg.solve(H, [1.0, 1.0])
    first = 2.0 * c[1] / v[1]
    # Then β2 = 0 and β1 = ((Hc)_1 − λ/2)/H11 reaches 0 at λ = 2(Hc)_1.
    last = 2.0 * (H @ c)[0]
    np.testing.assert_allclose(paths.l1_breakpoints(TILTED), [first, last], rtol=1e-13)
    assert paths.first_zero_lambda(TILTED) == pytest.approx(first, rel=1e-13)


def test_round_l1_coefficients_reach_zero_together():
    # H = 5I: soft thresholding, β_j = sign(c_j)·max(|c_j| − λ/10, 0); both reach 0 at λ = 150.
    np.testing.assert_allclose(paths.l1_breakpoints(ROUND), [150.0], rtol=1e-15)
    lams = np.array([0.0, 40.0, 149.0])
    expected = (15.0 - lams / 10.0)[:, None] * np.array([1.0, -1.0])
    np.testing.assert_allclose(paths.penalized_path(ROUND, "l1", lams), expected, rtol=1e-12)


@pytest.mark.parametrize("loss", list(random_losses(60)), ids=lambda loss: f"p{loss.p}")
def test_l1_path_is_straight_between_breakpoints(loss):
    breakpoints = paths.l1_breakpoints(loss)
    knots = np.r_[0.0, breakpoints]
    assert np.all(np.diff(knots) > 0)
    corners = paths.penalized_path(loss, "l1", knots)
    supports = []
    for k in range(len(knots) - 1):
        for f in (0.2, 0.5, 0.85):
            lam = knots[k] + f * (knots[k + 1] - knots[k])
            exact = loss.penalized_minimum("l1", lam)
            np.testing.assert_allclose(exact, corners[k] + f * (corners[k + 1] - corners[k]), rtol=1e-8, atol=1e-9)
        middle = loss.penalized_minimum("l1", 0.5 * (knots[k] + knots[k + 1]))
        supports.append(tuple(np.sign(middle)))
    # Every breakpoint changes the active set or a sign: none is spurious.
    assert all(a != b for a, b in itertools.pairwise(supports))
    # The last one is where every coefficient becomes exactly 0, and not before.
    assert breakpoints[-1] == 2.0 * np.abs(loss.hessian @ loss.center).max()
    assert np.all(corners[-1] == 0.0)
    assert np.any(loss.penalized_minimum("l1", breakpoints[-1] * (1 - 1e-9)) != 0.0)


def test_first_zero_lambda():
    loss = TILTED
    first = paths.first_zero_lambda(loss)
    assert np.count_nonzero(loss.penalized_minimum("l1", first) == 0.0) == 1
    assert np.all(loss.penalized_minimum("l1", first * (1 - 1e-9)) != 0.0)
    assert paths.first_zero_lambda(QuadraticLoss(np.eye(2), [0.0, 2.0])) == 0.0


def test_loss_at_the_origin_has_no_path():
    loss = QuadraticLoss(np.eye(3), np.zeros(3))
    np.testing.assert_array_equal(paths.l1_breakpoints(loss), [0.0])
    assert np.all(paths.penalized_path(loss, "l1", [0.0, 1.0]) == 0.0)


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: paths.penalized_path(TILTED, "l1", [-1.0]), ValueError),
        (lambda: paths.penalized_path(TILTED, "l1", [[1.0]]), ValueError),
        (lambda: paths.penalized_path(TILTED, "l3", [1.0]), ValueError),
        (lambda: paths.penalized_path("bowl", "l1", [1.0]), TypeError),
        (lambda: paths.l1_breakpoints(np.eye(2)), TypeError),
        (lambda: paths.first_zero_lambda(None), TypeError),
    ],
)
def test_paths_validate_their_arguments(call, error):
    with pytest.raises(error):
        call()


@pytest.mark.parametrize("loss", [TILTED, *random_losses(20, seed=3)], ids=lambda loss: f"p{loss.p}")
def test_l2_turning_points_are_where_a_coefficient_peaks(loss):
    """Every turning point is a stationary point of βⱼ(λ) where its slope changes sign, and there are no others."""
    turns = paths.l2_turning_points(loss)
    for j, lam, value in turns:
        assert lam > 0.0
        np.testing.assert_allclose(loss.penalized_minimum("l2", lam)[j], value, rtol=1e-12)
        # The slope of βⱼ changes sign across λ (central differences on the exact solver).
        h = 1e-4 * lam
        before, at, after = (loss.penalized_minimum("l2", x)[j] for x in (lam * (1 - 1e-3), lam, lam * (1 + 1e-3)))
        assert (at - before) * (after - at) < 0, f"no turn of β{j + 1} at λ = {lam}"
        slope = (loss.penalized_minimum("l2", lam + h)[j] - loss.penalized_minimum("l2", lam - h)[j]) / (2 * h)
        assert abs(slope) <= 1e-6 * (abs(value) + 1.0) / lam, f"β{j + 1} is not stationary at λ = {lam}"
    # Between turning points each coefficient is monotone: check on a dense grid.
    lams = np.geomspace(1e-4, 1e4, 4001)
    path = paths.penalized_path(loss, "l2", lams)
    for j in range(loss.p):
        changes = np.flatnonzero(np.diff(np.sign(np.diff(path[:, j]))) != 0)
        expected = [lam for k, lam, _ in turns if k == j and 1e-4 < lam < 1e4]
        assert len(changes) == len(expected), f"coefficient {j}: {len(changes)} turns on the grid, {expected}"


def test_round_bowl_has_no_turning_points():
    assert paths.l2_turning_points(ROUND) == []
