"""The chapter "Hard constraints": every claim its page makes, checked on facts() and against references."""

import numpy as np
import pytest
from scipy.optimize import minimize

import regexplain as rx
from regexplain.math import hard_constraints as chapter


@pytest.fixture(scope="module")
def facts():
    return chapter.facts()


def test_the_wall_stops_the_coefficient(facts):
    assert facts.wall_beta == facts.wall_t, "the optimum leans on the wall"
    assert facts.wall_loss == pytest.approx((facts.wall_t - facts.wall_center) ** 2)


def test_the_radial_point_costs_more_than_the_optimum(facts):
    assert np.hypot(facts.bowl_b1, facts.bowl_b2) == pytest.approx(facts.bowl_t, rel=1e-12), "on the fence"
    assert facts.radial_loss > facts.bowl_loss, "shrinking toward the origin is not the optimum for this bowl"
    found = minimize(
        chapter.BOWL_LOSS,
        [1.0, 1.0],
        constraints=[{"type": "ineq", "fun": lambda b: facts.bowl_t**2 - b @ b}],
        method="SLSQP",
        options={"ftol": 1e-14},
    )
    np.testing.assert_allclose([facts.bowl_b1, facts.bowl_b2], found.x, atol=1e-6)


@pytest.mark.parametrize("seed", range(5))
def test_radial_shrinking_is_right_exactly_along_an_eigenvector(seed):
    """The page's claim: t·c/‖c‖ is the disc's optimum iff c points along an eigenvector of H."""
    rng = np.random.default_rng(seed)
    A = rng.standard_normal((2, 2))
    H = A @ A.T + 0.3 * np.eye(2)
    eigenvector = np.linalg.eigh(H)[1][:, seed % 2]
    along = rx.QuadraticLoss(H, 5.0 * eigenvector)
    np.testing.assert_allclose(along.constrained_minimum("l2", 1.0), chapter.radial_point(along, 1.0), atol=1e-12)
    off = rx.QuadraticLoss(H, 5.0 * (eigenvector + 0.3 * np.array([-eigenvector[1], eigenvector[0]])))
    gap = np.linalg.norm(off.constrained_minimum("l2", 1.0) - chapter.radial_point(off, 1.0))
    assert gap > 1e-3, "off an eigenvector the radial point is not the optimum"


def test_the_diamond_gives_a_zero_and_the_disc_does_not(facts):
    assert facts.l1_b1 == 0.0, "the L1 optimum is the tip (0, t)"
    assert facts.l1_b2 == facts.tilted_t, "the L1 optimum is the tip (0, t)"
    assert facts.l1_theta == 90.0
    assert facts.l2_b1 != 0.0, "the L2 optimum is off the axes"
    assert facts.l2_b2 != 0.0, "the L2 optimum is off the axes"
    assert facts.l2_loss < facts.l1_loss, "the disc holds the diamond, so its optimum costs less"


def test_the_sampled_walk_is_close_but_never_better(facts):
    assert 0.0 <= facts.walk_gap < 1e-3, "the best of the sampled boundary points is above the exact optimum"


def test_grid_zero_counts(facts):
    assert facts.zeros_symmetric_l2 == facts.zeros_general_l2 == 0, "the disc gives no zero in the grids"
    assert facts.zeros_symmetric_l1 > 0, "the diamond gives some"
    assert facts.zeros_general_l1 > 0, "the diamond gives some"
    for family in ("symmetric", "general"):
        for loss in chapter.grid_losses(family):
            assert np.linalg.norm(loss.center) > facts.grid_t, "every grid minimum lies outside both regions"
