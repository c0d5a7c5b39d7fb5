"""Chapter "Why L1 gives zeros": the random-loss simulations are exact, reproducible and fast."""

import numpy as np
import pytest

from regexplain import (
    NEAR_MISS_TOL,
    Clouds,
    QuadraticLoss,
    boundary_search,
    simulate_clouds,
    zero_rates_by_dimension,
)
from regexplain.math.sampling import sample_quadratics

FAMILIES = ("symmetric", "general", "taco")
NORMS = ("l1", "l2")
PANELS = [(family, norm) for family in FAMILIES for norm in NORMS]
N = 5000


@pytest.fixture(scope="module")
def panels() -> dict[tuple[str, str], Clouds]:
    """The six panels of the chapter, as the chapter draws them (n = 5000, seed 0)."""
    return {(family, norm): simulate_clouds(family, norm, N) for family, norm in PANELS}


def size(points: np.ndarray, norm: str) -> np.ndarray:
    return np.abs(points).sum(axis=-1) if norm == "l1" else np.linalg.norm(points, axis=-1)


def loss_values(clouds: Clouds, points: np.ndarray) -> np.ndarray:
    delta = points - clouds.minima
    return np.einsum("ni,nij,nj->n", delta, clouds.hessians, delta)


# -- exactness -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("family", "norm"), PANELS)
def test_solutions_equal_the_exact_solver_of_quadratic_loss(panels, family, norm):
    clouds = panels[family, norm]
    for i in range(0, N, 37):  # 136 trials per panel
        reference = QuadraticLoss(clouds.hessians[i], clouds.minima[i]).constrained_minimum(norm, clouds.t)
        np.testing.assert_allclose(clouds.solutions[i], reference, rtol=0.0, atol=1e-10)
        # The same zero pattern: exact zeros in both, nowhere else.
        np.testing.assert_array_equal(clouds.solutions[i] == 0.0, reference == 0.0)


@pytest.mark.parametrize(("family", "norm"), PANELS)
def test_solutions_lie_on_the_boundary_and_beat_a_dense_boundary_grid(panels, family, norm):
    clouds = panels[family, norm]
    np.testing.assert_allclose(size(clouds.solutions, norm), clouds.t, rtol=1e-13)
    # Brute force, independent of both solvers: no point of a fine boundary grid does better.
    angles = np.linspace(0.0, 2 * np.pi, 4096, endpoint=False)
    grid = np.column_stack([np.cos(angles), np.sin(angles)])
    grid = clouds.t * grid / size(grid, norm)[:, None]
    exact = loss_values(clouds, clouds.solutions)
    for i in range(0, N, 5):
        delta = grid - clouds.minima[i]
        assert exact[i] <= np.einsum("ki,ij,kj->k", delta, clouds.hessians[i], delta).min() * (1 + 1e-12)


@pytest.mark.parametrize(("family", "norm"), PANELS)
def test_zero_and_near_miss_flags_follow_their_definitions(panels, family, norm):
    clouds = panels[family, norm]
    smaller = np.abs(clouds.solutions).min(axis=1)
    np.testing.assert_array_equal(clouds.zero, smaller == 0.0)
    np.testing.assert_array_equal(clouds.near_miss, (smaller > 0.0) & (smaller <= NEAR_MISS_TOL))
    assert clouds.n == N
    assert clouds.zero_rate == pytest.approx(clouds.zero.mean())
    assert clouds.near_miss_rate == pytest.approx(clouds.near_miss.mean())
    assert 0.0 <= clouds.zero_rate + clouds.near_miss_rate <= 1.0


@pytest.mark.parametrize("family", FAMILIES)
def test_l1_zeros_are_the_tips_of_the_diamond_exactly(panels, family):
    clouds = panels[family, "l1"]
    tips = clouds.solutions[clouds.zero]
    assert len(tips) > 0
    # One coordinate is exactly 0.0, the other exactly ±t.
    np.testing.assert_array_equal(np.sort(np.abs(tips), axis=1), np.tile([0.0, clouds.t], (len(tips), 1)))


# -- the rates the chapter quotes ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("family", "low", "high"), [("symmetric", 0.64, 0.67), ("general", 0.70, 0.74), ("taco", 0.79, 0.83)]
)
def test_l1_zero_rates_are_in_the_published_ranges(panels, family, low, high):
    # Measured with n = 5000, seed 0: symmetric 0.6550, general 0.7194, taco 0.8132; the bands
    # are the published 66% / 72% / 80% with about two standard errors (0.0065) of slack.
    assert low <= panels[family, "l1"].zero_rate <= high


def test_symmetric_l1_rate_matches_its_closed_form(panels):
    # A round bowl's constrained minimum is the nearest point of the diamond, a tip exactly when
    # the minimum lies in the tip's normal cone |c2| <= c1 − t (and its rotations). Inside the box
    # those four cones cover 4(box − t)², out of the 4box² − 2t² of the box outside the diamond.
    clouds = panels["symmetric", "l1"]
    expected = 4 * (clouds.box - clouds.t) ** 2 / (4 * clouds.box**2 - 2 * clouds.t**2)  # 0.6531
    standard_error = np.sqrt(expected * (1 - expected) / N)
    assert abs(clouds.zero_rate - expected) < 4 * standard_error


@pytest.mark.parametrize("family", FAMILIES)
def test_l2_solutions_are_never_exactly_zero(panels, family):
    # The circle has no corners: the L2 solution (H + μI)⁻¹Hc lies on an axis only when the
    # loss's minimum sits exactly in the direction that maps onto it — a set of measure zero, so
    # continuous random losses never produce it. What remains are near misses.
    clouds = panels[family, "l2"]
    assert clouds.zero_rate == 0.0
    assert clouds.near_miss_rate > 0.0


def test_taco_losses_give_the_most_near_misses_under_l2(panels):
    rates = {family: panels[family, "l2"].near_miss_rate for family in FAMILIES}
    assert rates["taco"] > 5 * max(rates["symmetric"], rates["general"])


# -- the reference's 100-point boundary search -----------------------------------------------------


@pytest.mark.parametrize(
    ("family", "low", "high"), [("symmetric", 0.02, 0.05), ("general", 0.03, 0.07), ("taco", 0.35, 0.55)]
)
def test_boundary_search_reproduces_the_published_l2_zero_artifact(panels, family, low, high):
    # Published: 3% / 5% / 45%; measured with seed 0: 0.0322 / 0.0506 / 0.4354. The exact rate is 0.
    _, zero = boundary_search(panels[family, "l2"])
    assert low <= zero.mean() <= high


def test_boundary_search_symmetric_l2_rate_matches_its_closed_form(panels):
    # For a round bowl the best circle sample is the one nearest in angle to the minimum, an
    # axis sample when the minimum is within half a spacing δ = π/100 of an axis. Inside the
    # box that wedge has area box²·tan δ − δt² per half-axis, out of 4box² − πt².
    clouds = panels["symmetric", "l2"]
    delta, box, t = np.pi / 100, clouds.box, clouds.t
    expected = 4 * (box**2 * np.tan(delta) - delta * t**2) / (4 * box**2 - np.pi * t**2)  # 0.0311
    _, zero = boundary_search(clouds)
    assert abs(zero.mean() - expected) < 4 * np.sqrt(expected * (1 - expected) / N)


@pytest.mark.parametrize(("family", "norm"), PANELS)
def test_boundary_search_samples_lie_on_the_boundary_and_never_beat_the_exact_solution(panels, family, norm):
    clouds = panels[family, norm]
    points, zero = boundary_search(clouds)
    assert points.shape == (N, 2)
    np.testing.assert_allclose(size(points, norm), clouds.t, rtol=1e-14)
    np.testing.assert_array_equal(zero, np.any(points == 0.0, axis=1))
    assert np.all(loss_values(clouds, clouds.solutions) <= loss_values(clouds, points) * (1 + 1e-12))


def test_boundary_search_axis_samples_depend_on_the_number_of_points(panels):
    clouds = panels["general", "l1"]
    points, zero = boundary_search(clouds, n_points=4)  # the four tips only
    assert zero.all()
    np.testing.assert_array_equal(np.sort(np.abs(points), axis=1), np.tile([0.0, clouds.t], (N, 1)))
    # With 99 points only the angle 0 is an axis sample.
    points, zero = boundary_search(clouds, n_points=99)
    np.testing.assert_array_equal(points[zero], np.tile([clouds.t, 0.0], (zero.sum(), 1)))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"clouds": "cloud"}, TypeError, r"clouds must be a Clouds .* got str"),
        ({"n_points": 3}, ValueError, r"n_points must be an integer >= 4, got 3"),
        ({"n_points": 100.0}, TypeError, r"n_points must be an integer, got float"),
    ],
)
def test_boundary_search_rejects_bad_arguments(panels, kwargs, error, message):
    arguments = {"clouds": panels["general", "l2"]} | kwargs
    with pytest.raises(error, match=message):
        boundary_search(**arguments)


# -- the draws -------------------------------------------------------------------------------------


@pytest.mark.parametrize(("family", "norm"), PANELS)
def test_minima_are_in_the_box_and_outside_the_region_and_hessians_are_bowls(panels, family, norm):
    clouds = panels[family, norm]
    assert clouds.hessians.shape == (N, 2, 2)
    assert clouds.minima.shape == clouds.solutions.shape == (N, 2)
    assert np.all(np.abs(clouds.minima) <= clouds.box)
    assert np.all(size(clouds.minima, norm) > clouds.t)
    np.testing.assert_array_equal(clouds.hessians, np.swapaxes(clouds.hessians, 1, 2))
    assert np.all(np.linalg.eigvalsh(clouds.hessians)[:, 0] > 0.0)


def test_families_have_their_shapes(panels):
    a, b, half_c = (panels["general", "l1"].hessians[:, i, j] for i, j in [(0, 0), (1, 1), (0, 1)])
    for diagonal in (a, b):  # U(0, 10), the whole range
        assert 0.0 < diagonal.min() < 0.1
        assert 9.9 < diagonal.max() < 10.0
    assert -1.0 <= half_c.min() < -0.99  # c/2 with c ~ U(−2, 2)
    assert 0.99 < half_c.max() <= 1.0
    symmetric = panels["symmetric", "l1"].hessians
    np.testing.assert_array_equal(symmetric[:, 0, 0], symmetric[:, 1, 1])
    assert np.all(symmetric[:, 0, 1] == 0.0)
    taco = panels["taco", "l1"].hessians
    assert np.all(taco[:, 0, 1] == 0.0)
    flat = np.diagonal(taco, axis1=1, axis2=2) == 0.1
    assert np.all(flat.sum(axis=1) == 1)  # exactly one flat direction ...
    assert 0.45 < flat[:, 0].mean() < 0.55  # ... chosen at random


def test_l1_panels_allow_minima_between_diamond_and_disc():
    clouds = simulate_clouds("general", "l1", 500, box=3.0)
    assert np.any(np.linalg.norm(clouds.minima, axis=1) <= clouds.t)


def test_the_same_seed_gives_identical_arrays_and_another_seed_different_ones():
    first, again, other = (simulate_clouds("general", "l2", 300, seed=seed) for seed in (7, 7, 8))
    for name in ("hessians", "minima", "solutions", "zero", "near_miss"):
        np.testing.assert_array_equal(getattr(first, name), getattr(again, name))
    assert not np.array_equal(first.minima, other.minima)
    assert not np.array_equal(first.hessians, other.hessians)


def test_clouds_are_read_only(panels):
    clouds = panels["general", "l1"]
    with pytest.raises(ValueError, match="read-only"):
        clouds.solutions[0, 0] = 1.0
    with pytest.raises(AttributeError):
        clouds.t = 3.0  # type: ignore[misc]
    assert repr(clouds).startswith("Clouds(family='general', norm='l1', t=2.0, box=10.0, n=5000, zero_rate=0.7")


@pytest.mark.parametrize("p", [1, 3, 6])
@pytest.mark.parametrize("family", FAMILIES)
def test_sample_quadratics_in_p_dimensions(family, p):
    hessians, minima = sample_quadratics(family, 200, p=p, norm="l1", seed=1)
    assert hessians.shape == (200, p, p)
    assert minima.shape == (200, p)
    np.testing.assert_array_equal(hessians, np.swapaxes(hessians, 1, 2))
    assert np.all(np.linalg.eigvalsh(hessians)[:, 0] > 0.0)
    assert np.all(np.abs(minima).sum(axis=1) > 2.0)
    off = hessians[:, ~np.eye(p, dtype=bool)]
    assert np.all(np.abs(off) <= 1.0)
    assert np.all(off == 0.0) == (family != "general" or p == 1)


# -- bad arguments ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"family": "round"}, ValueError, r"family must be one of 'symmetric', 'general', 'taco', got 'round'"),
        ({"norm": "L1"}, ValueError, r"norm must be one of 'l1', 'l2', got 'L1'"),
        ({"norm": None}, ValueError, r"norm must be one of"),
        ({"n": 0}, ValueError, r"n must be an integer >= 1, got 0"),
        ({"n": 5.0}, TypeError, r"n must be an integer, got float"),
        ({"t": 0.0}, ValueError, r"t must be a finite number in \(0"),
        ({"t": "2"}, TypeError, r"t must be a real number, got str"),
        ({"box": -1.0}, ValueError, r"box must be a finite number in \(0"),
        ({"box": np.inf}, ValueError, r"box must be a finite number"),
        ({"box": 2.0}, ValueError, r"t must be smaller than box .* got t=2.0, box=2.0"),
        ({"seed": -1}, ValueError, r"seed must be an integer >= 0, got -1"),
        ({"seed": 1.5}, TypeError, r"seed must be an integer, got float"),
    ],
)
def test_simulate_clouds_rejects_bad_arguments(kwargs, error, message):
    arguments = {"family": "general", "norm": "l1", "n": 10} | kwargs
    family, norm, n = arguments.pop("family"), arguments.pop("norm"), arguments.pop("n")
    with pytest.raises(error, match=message):
        simulate_clouds(family, norm, n, **arguments)


# -- more dimensions -------------------------------------------------------------------------------


def test_zero_rates_by_dimension_agree_with_the_clouds_at_p_2():
    # The same draws as simulate_clouds("general", ...) at p = 2, solved by the general-purpose
    # QuadraticLoss solver instead of the vectorized edge search: the rates agree.
    n = 400
    for norm in NORMS:
        rate = zero_rates_by_dimension(norm, [2], n)[2]
        assert abs(rate - simulate_clouds("general", norm, n).zero_rate) <= 1 / n


def test_l1_zeros_become_more_common_with_more_coefficients_and_l2_never_has_any():
    l1 = zero_rates_by_dimension("l1", [2, 3, 5], 120, seed=2)
    assert list(l1) == [2, 3, 5]
    assert l1[2] < l1[3] <= l1[5]
    assert l1[5] > 0.9
    assert set(zero_rates_by_dimension("l2", [3, 5], 60, seed=2).values()) == {0.0}


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"norm": "l3"}, ValueError, r"norm must be one of 'l1', 'l2', got 'l3'"),
        ({"dims": []}, ValueError, r"dims must hold at least one dimension"),
        ({"dims": [1]}, ValueError, r"each of dims must be an integer >= 2, got 1"),
        ({"dims": [2.0]}, TypeError, r"each of dims must be an integer, got float"),
        ({"dims": 3}, TypeError, r"dims must be an iterable of integers, got int"),
        ({"n": 0}, ValueError, r"n must be an integer >= 1, got 0"),
        ({"t": 11.0}, ValueError, r"t must be smaller than box"),
    ],
)
def test_zero_rates_by_dimension_rejects_bad_arguments(kwargs, error, message):
    arguments = {"norm": "l1", "dims": [2], "n": 5} | kwargs
    norm, dims, n = arguments.pop("norm"), arguments.pop("dims"), arguments.pop("n")
    with pytest.raises(error, match=message):
        zero_rates_by_dimension(norm, dims, n, **arguments)


# -- speed -----------------------------------------------------------------------------------------
