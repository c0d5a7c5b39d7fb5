"""The chapter "Soft constraints": its parameters and every claim its page makes, on facts()."""

import numpy as np
import pytest

from regexplain.math import paths
from regexplain.math import soft_constraints as chapter
from regexplain.math.soft_constraints import ROUND, TILTED


@pytest.fixture(scope="module")
def facts():
    return chapter.facts()


def test_chapter_parameters_show_what_the_prose_says():
    tilted = TILTED
    first, last = paths.first_zero_lambda(tilted), paths.l1_breakpoints(tilted)[-1]
    # The L1 bowl is shown on the axis (one zero, one non-zero coefficient).
    assert first < chapter.TILTED_LAM < last
    # The L1 stepper starts off the axis, reaches it and ends with every coefficient 0.
    steps = np.array(chapter.TILTED_STEPS)
    assert steps[0] == 0.0
    assert steps[1] < first < steps[-2] < last <= steps[-1]
    assert chapter.ROUND_STEPS == (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)


def test_the_round_minimum_is_the_closed_form(facts):
    assert facts.beta_round == pytest.approx(facts.beta_round_formula, rel=1e-14), "solver vs 75/(5 + λ)"
    assert facts.kept_last_pct == pytest.approx(100 * 5 / (5 + chapter.ROUND_STEPS[-1]), rel=1e-14)


def test_the_l1_bowl_minimum_sits_in_a_crease(facts):
    assert facts.beta_tilted_2 == 0.0, "at TILTED_LAM β₂ is exactly 0, β₁ is not"
    assert facts.beta_tilted_1 > 0.0, "at TILTED_LAM β₂ is exactly 0, β₁ is not"
    assert facts.corner_2 == 0.0, "the L1 path meets the β₁ axis at its first corner"
    assert facts.corner_1 > 0.0, "the L1 path meets the β₁ axis at its first corner"
    assert np.all(TILTED.penalized_minimum("l1", facts.lam_all) == 0.0), "every coefficient 0 from lam_all on"
    assert np.any(TILTED.penalized_minimum("l1", 0.999 * facts.lam_all) != 0.0), "...and not before"


def test_the_l2_path_touches_no_axis(facts):
    assert facts.ridge_first_1 > 0.0, "the L2 minimum is off the axes at lam_first"
    assert facts.ridge_first_2 > 0.0, "the L2 minimum is off the axes at lam_first"
    assert facts.ridge_peak_b2 > facts.t2, "β₂ first grows on the L2 path, as the caption says"
    lams = np.linspace(0.0, 5.0, 501)
    beta2 = paths.penalized_path(TILTED, "l2", lams)[:, 1]
    assert beta2.max() <= facts.ridge_peak_b2 * (1 + 1e-12), "the turning point is the largest β₂ on the path"


def test_the_loss_pulls_beta2_exactly_lambda_at_the_corner(facts):
    assert facts.pull_at_corner == pytest.approx(facts.lam_first, rel=1e-12), "the KKT condition at the corner"
    assert facts.lam_first < facts.pull_at_origin < facts.lam_all, "the loss's pull grows slower than λ"


def test_matched_pairs_come_back(facts):
    for i in range(4):
        lam = getattr(facts, f"pair_lam_{i}")
        for norm in ("l1", "l2"):
            back = getattr(facts, f"pair_back_{norm}_{i}")
            assert back == pytest.approx(lam, rel=1e-9), f"λ = {lam} → t → λ = {back} ({norm})"


def test_pulls(facts):
    assert facts.l1_pull == pytest.approx(facts.lam_pull * np.sqrt(2)), "|λ·sign(β)| = λ√2 off the axes"
    assert facts.l1_pull_near == facts.l1_pull, "the L1 pull does not weaken near the origin"
    assert facts.l2_pull_near == pytest.approx(facts.l2_pull / chapter.CLOSER), "the L2 pull shrinks with β"
    assert facts.l1_value > facts.l2_value, "near the origin the L1 penalty is the larger"


def test_bowls_keep_their_height_at_the_origin(facts):
    assert facts.loss_at_origin == pytest.approx(float(ROUND(np.zeros(2))))
    assert facts.tilted_at_origin == pytest.approx(float(TILTED(np.zeros(2))))
