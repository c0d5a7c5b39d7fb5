"""The chapter "Why L1 gives zeros": every claim its page makes, checked on facts() and the clouds."""

import numpy as np
import pytest

from regexplain import simulate_clouds
from regexplain.math import why_zeros as chapter


@pytest.fixture(scope="module")
def facts():
    return chapter.facts()


def test_the_disc_gives_no_zero(facts):
    assert facts.l2_zeros == 0, "no L2 solution of the 15,000 has an exactly zero coefficient"
    assert facts.dim_l2_max == 0.0, "nor in more dimensions"


def test_the_round_wedges_sort_the_round_cloud_exactly(facts):
    assert facts.round_in_wedges == facts.round_zero_in, "every minimum in a wedge gives a zero"
    assert facts.round_zero_out == 0, "and none outside"


@pytest.mark.parametrize("family", ["general", "taco"])
def test_each_losss_own_wedges_sort_its_cloud(family):
    cloud = chapter.cloud(family, "l1")
    own = np.array(
        [
            chapter.tip_wedges_contain(c[None], chapter.CLOUD_T, h)[0]
            for h, c in zip(cloud.hessians, cloud.minima, strict=False)
        ]
    )
    np.testing.assert_array_equal(own, cloud.zero, err_msg=f"{family}: a zero exactly when in its own wedge")


def test_the_wedge_share_is_the_round_rate(facts):
    square, diamond = (2 * facts.box) ** 2, 2 * facts.t**2
    assert facts.wedge_share == pytest.approx(4 * (facts.box - facts.t) ** 2 / (square - diamond))
    assert abs(facts.check_z) < 3.0, "the large run agrees with the closed form within three standard errors"
    assert facts.round_se == pytest.approx(np.sqrt(facts.wedge_share * (1 - facts.wedge_share) / facts.n))
    z = (facts.symmetric_l1_zero - facts.wedge_share) / facts.round_se
    assert z == pytest.approx(facts.round_z), "the page quotes how many standard errors the cloud is off"


def test_a_monte_carlo_estimate_of_the_wedge_share():
    """Independent of the solver: the share of uniform points outside the diamond that lie in a round wedge."""
    rng = np.random.default_rng(5)
    points = rng.uniform(-chapter.CLOUD_BOX, chapter.CLOUD_BOX, size=(400_000, 2))
    outside = points[np.abs(points).sum(axis=1) > chapter.CLOUD_T]
    big, small = np.abs(outside).max(axis=1), np.abs(outside).min(axis=1)
    share = np.mean(big - chapter.CLOUD_T >= small)
    assert share == pytest.approx(chapter.wedge_share(chapter.CLOUD_T, chapter.CLOUD_BOX), abs=3e-3)


def test_the_search_snaps_near_axis_solutions(facts):
    # The search keeps the sample of least loss, not the nearest one: "about" half a spacing.
    assert facts.search_zero_max_angle <= 1.01 * facts.spacing / 2, "within about half a spacing of an axis"
    assert facts.search_gap_l2 < 2.0, "the search reproduces the published L2 rates within two points"


def test_the_zoomed_loss(facts):
    assert facts.l1_b2 == 0.0, "the L1 optimum is the tip (t, 0)"
    assert facts.l1_b1 == facts.zoom_t, "the L1 optimum is the tip (t, 0)"
    assert facts.l2_b1 != 0.0, "the L2 optimum leaves the axis"
    assert facts.l2_b2 != 0.0, "the L2 optimum leaves the axis"
    assert facts.l1_near_low > facts.l1_loss, "neighbours cost more"
    assert facts.l2_near_low > facts.l2_loss, "neighbours cost more"
    assert facts.slope_up_edge > 0, "both edges climb from the tip"
    assert facts.slope_down_edge > 0, "both edges climb from the tip"
    loss = chapter.ZOOM_LOSS
    assert loss.constrained_minimum("l1", 0.999 * facts.tip_until)[1] == 0.0, "the tip wins up to tip_until"
    assert loss.constrained_minimum("l1", 1.001 * facts.tip_until)[1] != 0.0, "and not beyond"


def test_more_dimensions(facts):
    assert facts.dim_l1_all_from > 3, "the caption quotes p = 2 and 3 before 'every trial from'"
    assert facts.dim_l1_2 < facts.dim_l1_3 < 1.0
    assert facts.dim_share_l1_high > facts.dim_share_l1_low, "the share of zero coefficients keeps growing"


def test_the_cached_clouds_are_the_public_simulation():
    cloud = chapter.cloud("taco", "l2")
    again = simulate_clouds(
        "taco", "l2", chapter.CLOUD_N, t=chapter.CLOUD_T, box=chapter.CLOUD_BOX, seed=chapter.CLOUD_SEED
    )
    np.testing.assert_array_equal(cloud.solutions, again.solutions)
