"""The Explorer's math (regexplain.math.explorer): its shape parameters and every claim of its page."""

import json

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

import regexplain as rx
from regexplain.math import explorer as chapter


@pytest.fixture(scope="module")
def facts():
    return chapter.facts()


@given(
    st.floats(-89.9, 90.0),
    st.floats(1.0, 30.0),
    st.floats(1e-3, 1e3),
)
def test_hessian_and_shape_are_inverse(tilt, elongation, scale):
    H = chapter.hessian(tilt, elongation, scale)
    eigenvalues, eigenvectors = np.linalg.eigh(H)
    np.testing.assert_allclose(eigenvalues, [scale / elongation, scale * elongation], rtol=1e-9)
    long_axis = np.array([np.cos(np.radians(tilt)), np.sin(np.radians(tilt))])
    back = chapter.shape(H)
    if elongation > 1.0 + 1e-3:  # a round bowl has no long axis
        assert abs(eigenvectors[:, 0] @ long_axis) == pytest.approx(1.0, abs=1e-6), "its eigenvalue is the small one"
        assert back.tilt == pytest.approx(tilt, abs=1e-4)
    assert (back.elongation, back.scale) == pytest.approx((elongation, scale), rel=1e-9)


def test_the_start_is_the_zoomed_loss(facts):
    start = chapter.shape(chapter.START_LOSS.hessian)
    np.testing.assert_allclose(chapter.hessian(start.tilt, start.elongation, start.scale), [[9, 2.25], [2.25, 1]])
    state = chapter.start_state()
    assert json.loads(json.dumps(state)) == state, "plain JSON for the page"
    assert state["hessian"] == [[9.0, 2.25], [2.25, 1.0]]
    assert state["center"] == [4.0, 0.8]
    assert (facts.l1_b1, facts.l1_b2) == (chapter.START_T, 0.0), "the diamond's tip, as in the zoomed chapter"


def test_the_budget_up_to_which_the_l1_optimum_is_the_tip(facts):
    loss = chapter.START_LOSS
    below, above = (
        loss.constrained_minimum("l1", facts.l1_tip_t * (1 - 1e-9)),
        loss.constrained_minimum("l1", facts.l1_tip_t * (1 + 1e-6)),
    )
    assert below[1] == 0.0
    assert above[1] != 0.0
    assert all(loss.constrained_minimum("l1", t)[1] == 0.0 for t in np.linspace(0.05, facts.l1_tip_t, 50))
    assert facts.t < facts.l1_tip_t


def test_the_elastic_net_reaches_the_tip_from_a_share_on(facts):
    loss = chapter.START_LOSS
    on_tip = [r for r in chapter.slider_ratios() if chapter.optimum(loss, "elastic_net", facts.t, r)[0][1] == 0.0]
    assert on_tip == [r for r in chapter.slider_ratios() if r >= facts.en_tip_ratio], "every share from there on"
    assert facts.en_b2 != 0.0, "at the starting share it is off the axis"


def test_the_tilts_that_leave_the_tip_form_one_run(facts):
    tips = set(chapter.tip_tilts().tolist())
    edge = sorted(set(range(-90, 91)) - tips)
    assert edge == list(range(facts.edge_tilt_low, facts.edge_tilt_high + 1))
    start = chapter.shape(chapter.START_LOSS.hessian)
    assert round(start.tilt) in tips


def test_the_table_matches_the_solver(facts):
    loss = chapter.START_LOSS
    for norm, key in (("l1", "l1"), ("l2", "l2"), ("elastic_net", "en")):
        beta, lam = chapter.optimum(loss, norm, facts.t)
        assert [getattr(facts, f"{key}_b1"), getattr(facts, f"{key}_b2"), getattr(facts, f"{key}_lam")] == [*beta, lam]
    en = [facts.en_b1, facts.en_b2]
    assert rx.math.regions.size(en, "elastic_net", facts.l1_ratio) == pytest.approx(facts.t), "on the boundary"
    # The matching λ gives the same optimum, penalized.
    np.testing.assert_allclose(loss.penalized_minimum("l2", facts.l2_lam), [facts.l2_b1, facts.l2_b2], rtol=1e-9)


@pytest.mark.parametrize(
    ("args", "error"),
    [
        ((0.0, 0.5, 1.0), ValueError),
        ((0.0, 2.0, 0.0), ValueError),
        ((np.nan, 2.0, 1.0), ValueError),
        (("x", 2.0, 1.0), TypeError),
    ],
)
def test_bad_shapes(args, error):
    with pytest.raises(error):
        chapter.hessian(*args)


def test_shape_rejects_a_bad_hessian():
    with pytest.raises(ValueError, match="positive definite"):
        chapter.shape([[1.0, 2.0], [2.0, 1.0]])
    assert rx.QuadraticLoss(chapter.hessian(30.0, 3.0, 2.0), [0, 0]).p == 2
