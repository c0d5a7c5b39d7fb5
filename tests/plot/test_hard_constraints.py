"""The chapter "Hard constraints": its figures draw the solver's optima, and its random losses are valid."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.lines import Line2D

from regexplain import QuadraticLoss
from regexplain.math import hard_constraints as chapter
from regexplain.math.sampling import FAMILIES, random_losses
from regexplain.plot import hard_constraints as figures

MINIMUM_GID = "unconstrained-minimum"  # the markers' gids are the figures' contract with these tests


def optimum_gid(norm):
    return "optimum" if norm is None else f"optimum-{norm}"


NORMS = ("l1", "l2")
FIGURES = {
    "wall_1d": lambda: figures.wall_1d(),
    "fenced_bowl_3d": lambda: figures.fenced_bowl_3d(),
    "diamond_and_circle": lambda: figures.diamond_and_circle(),
    **{
        f"constraint_grid-{norm}-{family}": (lambda norm=norm, family=family: figures.constraint_grid(norm, family))
        for norm in NORMS
        for family in FAMILIES
    },
    **{f"walk_the_boundary-{norm}": (lambda norm=norm: figures.walk_the_boundary(norm=norm)) for norm in NORMS},
}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def markers(container, gid: str) -> list[Line2D]:
    return [artist for artist in container.findobj(Line2D) if artist.get_gid() == gid]


def point(container, gid: str) -> np.ndarray:
    """The one point drawn by the marker with this gid (x, y, and z on 3-D axes)."""
    (artist,) = markers(container, gid)
    data = artist.get_data_3d() if hasattr(artist, "get_data_3d") else artist.get_data()
    return np.array([np.asarray(values, dtype=float).item() for values in data])


def boundary(norm: str, t: float, n: int = 200_001) -> np.ndarray:
    """A dense sample of the boundary, independent of the figure module."""
    theta = np.linspace(-np.pi, np.pi, n)
    u = np.stack([np.cos(theta), np.sin(theta)], axis=-1)
    size = np.abs(u).sum(axis=1) if norm == "l1" else np.ones(n)
    return t * u / size[:, None]


# -- every figure --------------------------------------------------------------------------


# -- the drawn points are the solver's answers --------------------------------------------------


def test_wall_optimum_is_exactly_at_the_wall():
    fig = figures.wall_1d()
    loss = QuadraticLoss([[1.0]], [2.0])
    assert loss.constrained_minimum("l1", 1.0)[0] == 1.0
    np.testing.assert_array_equal(point(fig, optimum_gid(None)), [1.0, 1.0])
    np.testing.assert_array_equal(point(fig, MINIMUM_GID), [2.0, 0.0])
    assert "β = 1" in fig.alt_text


def test_wall_with_the_minimum_inside_draws_the_minimum():
    fig = figures.wall_1d(QuadraticLoss([[1.0]], [0.5]), 1.0)
    np.testing.assert_array_equal(point(fig, optimum_gid(None)), [0.5, 0.0])
    assert "already allowed" in fig.alt_text


def test_fenced_bowl_optimum():
    loss, t = chapter.BOWL_LOSS, chapter.BOWL_T
    fig = figures.fenced_bowl_3d()
    expected = loss.constrained_minimum("l2", t)
    np.testing.assert_array_equal(point(fig, optimum_gid("l2")), [*expected, loss(expected)])
    np.testing.assert_array_equal(point(fig, MINIMUM_GID), [*loss.center, loss.floor])
    assert np.linalg.norm(expected) == pytest.approx(t, rel=1e-14)


def test_diamond_and_circle_optima():
    loss, t = chapter.TILTED_LOSS, chapter.TILTED_T
    fig = figures.diamond_and_circle()
    drawn = {norm: point(fig, optimum_gid(norm)) for norm in NORMS}
    for norm in NORMS:
        np.testing.assert_array_equal(drawn[norm], loss.constrained_minimum(norm, t))
    np.testing.assert_array_equal(point(fig, MINIMUM_GID), loss.center)
    # What the chapter says: the L1 optimum is a tip with β₁ exactly 0, the L2 optimum is off the axes.
    np.testing.assert_array_equal(drawn["l1"], [0.0, t])
    assert np.all(drawn["l2"] != 0.0)
    assert "β₁ is exactly zero" in fig.alt_text


@pytest.mark.parametrize("norm", NORMS)
def test_drawn_optima_beat_a_dense_walk(norm):
    """Independent of the solver: no point of a 200 001-point walk is better than the drawn optimum."""
    loss, t = chapter.TILTED_LOSS, chapter.TILTED_T
    drawn = point(figures.diamond_and_circle(), optimum_gid(norm))
    size = np.abs(drawn).sum() if norm == "l1" else np.linalg.norm(drawn)
    assert size == pytest.approx(t, rel=1e-14)
    walk = loss(boundary(norm, t))
    assert loss(drawn) <= walk.min() * (1 + 1e-14)
    assert walk.min() - loss(drawn) < 1e-6


@pytest.mark.parametrize("family", FAMILIES)
@pytest.mark.parametrize("norm", NORMS)
def test_grid_panels_show_exact_optima_and_true_titles(norm, family):
    fig = figures.constraint_grid(norm, family)
    losses = chapter.grid_losses(family)
    panels = [ax for ax in fig.axes if ax.get_title()]
    assert len(panels) == len(losses) == 4
    zeros = 0
    for ax, loss in zip(panels, losses, strict=True):
        expected = loss.constrained_minimum(norm, chapter.GRID_T)
        np.testing.assert_array_equal(point(ax, optimum_gid(norm)), expected)
        np.testing.assert_array_equal(point(ax, MINIMUM_GID), loss.center)
        title = ax.get_title()
        exactly_zero = {name for name, value in zip(("β₁", "β₂"), expected, strict=True) if value == 0.0}
        assert {name for name in ("β₁", "β₂") if name in title} == exactly_zero
        assert title == (
            "no coefficient is 0" if not exactly_zero else f"{' and '.join(sorted(exactly_zero))} = 0 exactly"
        )
        zeros += bool(np.any(expected == 0.0))
    assert f"In {zeros} of the 4 panels" in fig.alt_text
    if norm == "l2":
        assert zeros == 0


def test_grid_losses_are_shared_by_diamond_and_disc():
    for family in FAMILIES:
        for loss in chapter.grid_losses(family):
            assert np.linalg.norm(loss.center) > chapter.GRID_T  # outside the disc, hence the diamond too


@pytest.mark.parametrize("norm", NORMS)
def test_walk_minimum_is_the_exact_optimum(norm):
    loss, t = chapter.TILTED_LOSS, chapter.TILTED_T
    fig = figures.walk_the_boundary(loss, norm, t)
    plane, walk_axes = fig.axes[:2]
    expected = loss.constrained_minimum(norm, t)
    np.testing.assert_array_equal(point(plane, optimum_gid(norm)), expected)
    theta, value = point(walk_axes, figures.BOUNDARY_MINIMUM_GID)
    assert theta == np.degrees(np.arctan2(expected[1], expected[0]))
    assert value == loss(expected)
    # The sampled curve: never below the exact optimum, and lowest next to it.
    (curve,) = [line for line in walk_axes.get_lines() if line.get_label() == "loss on the boundary"]
    angles, values = curve.get_data()
    assert values.size == chapter.WALK_SAMPLES
    assert values.min() >= value * (1 - 1e-14)
    assert abs(angles[values.argmin()] - theta) <= 360 / (chapter.WALK_SAMPLES - 1)


def test_walk_with_the_minimum_inside_marks_no_boundary_minimum():
    loss = QuadraticLoss([[1.0, 0.2], [0.2, 2.0]], [0.3, -0.4])
    fig = figures.walk_the_boundary(loss, "l1", 1.5)
    assert markers(fig, figures.BOUNDARY_MINIMUM_GID) == []
    np.testing.assert_array_equal(point(fig, optimum_gid("l1")), loss.center)
    assert "inside" in fig.alt_text


def test_panel_title_is_exact():
    assert figures.panel_title([0.0, 2.0]) == "β₁ = 0 exactly"
    assert figures.panel_title([-2.0, 0.0]) == "β₂ = 0 exactly"
    assert figures.panel_title([1e-300, 2.0]) == "no coefficient is 0"


# -- claims made in the chapter -------------------------------------------------------------------


def test_radial_shrink_is_not_the_optimum():
    loss, t = chapter.BOWL_LOSS, chapter.BOWL_T
    radial = t * loss.center / np.linalg.norm(loss.center)
    best = loss.constrained_minimum("l2", t)
    assert loss(radial) > loss(best) + 0.1
    assert np.linalg.norm(radial - best) > 0.1


def test_disc_optimum_is_no_worse_than_the_diamond_optimum():
    loss, t = chapter.TILTED_LOSS, chapter.TILTED_T
    assert loss(loss.constrained_minimum("l2", t)) < loss(loss.constrained_minimum("l1", t))


def test_bowl_optimum_is_a_penalized_minimum():
    loss, t = chapter.BOWL_LOSS, chapter.BOWL_T
    lam = loss.lam_for_t("l2", t)
    np.testing.assert_allclose(loss.penalized_minimum("l2", lam), loss.constrained_minimum("l2", t), rtol=1e-12)


# -- figure arguments -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("call", "error", "message"),
    [
        (lambda: figures.wall_1d(chapter.TILTED_LOSS), ValueError, r"loss must have 1 coefficient, got 2"),
        (lambda: figures.diamond_and_circle(chapter.WALL_LOSS), ValueError, r"loss must have 2 coefficients, got 1"),
        (lambda: figures.fenced_bowl_3d([[1.0]]), TypeError, r"loss must be a regexplain.QuadraticLoss"),
        (lambda: figures.constraint_grid("l3", "general"), ValueError, r"norm must be one of 'l1', 'l2'"),
        (lambda: figures.constraint_grid("l1", "round"), ValueError, r"family must be one of"),
        (lambda: figures.walk_the_boundary(norm="L1"), ValueError, r"norm must be one of 'l1', 'l2'"),
        (lambda: figures.diamond_and_circle(t=0.0), ValueError, r"t must be a finite number in \(0"),
    ],
)
def test_figures_reject_bad_arguments(call, error, message):
    with pytest.raises(error, match=message):
        call()


# -- random_losses ------------------------------------------------------------------------------------


@pytest.mark.parametrize("norm", [None, "l1", "l2"])
@pytest.mark.parametrize("family", FAMILIES)
def test_random_losses_are_bowls_with_minima_outside(family, norm):
    box, t = 10.0, 2.0
    losses = random_losses(family, 300, box=box, t=t, norm=norm, seed=3)
    assert len(losses) == 300
    for loss in losses:
        assert isinstance(loss, QuadraticLoss)
        (a, half_c), (_, b) = loss.hessian
        assert np.linalg.eigvalsh(loss.hessian)[0] > 0.0
        assert 0.0 < a < 10.0
        assert 0.0 < b < 10.0
        assert -1.0 <= half_c <= 1.0
        if family == "symmetric":
            assert b == a
            assert half_c == 0.0
        assert np.all(np.abs(loss.center) <= box)
        l1, l2 = np.abs(loss.center).sum(), np.linalg.norm(loss.center)
        assert {"l1": l1, "l2": l2, None: min(l1, l2)}[norm] > t
        assert loss.floor == 0.0


def test_random_losses_general_family_is_tilted_and_uses_the_whole_range():
    losses = random_losses("general", 400, seed=1)
    c = np.array([2 * loss.hessian[0, 1] for loss in losses])
    a = np.array([loss.hessian[0, 0] for loss in losses])
    assert c.min() < -1.8
    assert c.max() > 1.8
    assert a.min() < 0.2
    assert a.max() > 9.8
    assert np.mean(a != np.array([loss.hessian[1, 1] for loss in losses])) == 1.0


def test_random_losses_l1_allows_minima_between_diamond_and_disc():
    """With norm="l1" a minimum may lie inside the disc but outside the diamond."""
    losses = random_losses("general", 300, box=3.0, t=2.0, norm="l1", seed=0)
    assert any(np.linalg.norm(loss.center) <= 2.0 for loss in losses)


def test_random_losses_are_reproducible():
    def key(losses):
        return [(loss.hessian.tolist(), loss.center.tolist()) for loss in losses]

    assert key(random_losses("general", 5, seed=7)) == key(random_losses("general", 5, seed=7))
    assert key(random_losses("general", 5, seed=7)) != key(random_losses("general", 5, seed=8))
    # A longer draw starts with the shorter one.
    assert key(random_losses("symmetric", 8, seed=2))[:3] == key(random_losses("symmetric", 3, seed=2))


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"family": "round"}, ValueError, r"family must be one of 'symmetric', 'general', got 'round'"),
        ({"family": 1}, ValueError, r"family must be one of"),
        ({"n": 0}, ValueError, r"n must be an integer >= 1, got 0"),
        ({"n": 2.0}, TypeError, r"n must be an integer, got float"),
        ({"n": True}, TypeError, r"n must be an integer, got bool"),
        ({"box": 0.0}, ValueError, r"box must be a finite number in \(0"),
        ({"box": np.inf}, ValueError, r"box must be a finite number"),
        ({"box": "10"}, TypeError, r"box must be a real number, got str"),
        ({"t": -1.0}, ValueError, r"t must be a finite number in \(0"),
        ({"t": np.nan}, ValueError, r"t must be a finite number"),
        ({"t": 10.0}, ValueError, r"t must be smaller than box .* got t=10.0, box=10.0"),
        ({"norm": "L1"}, ValueError, r"norm must be one of 'l1', 'l2', got 'L1'"),
        ({"seed": -1}, ValueError, r"seed must be an integer >= 0, got -1"),
        ({"seed": None}, TypeError, r"seed must be an integer, got NoneType"),
    ],
)
def test_random_losses_reject_bad_arguments(kwargs, error, message):
    arguments = {"family": "general", "n": 3} | kwargs
    family, n = arguments.pop("family"), arguments.pop("n")
    with pytest.raises(error, match=message):
        random_losses(family, n, **arguments)
