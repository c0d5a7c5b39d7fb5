"""The figures of the chapter "Soft constraints": every minimum a figure marks (found by its gid) is QuadraticLoss's."""

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure

from regexplain import QuadraticLoss
from regexplain.math import paths
from regexplain.math.penalties import L1, L2
from regexplain.math.soft_constraints import ROUND, ROUND_STEPS, TILTED, TILTED_LAM, TILTED_STEPS
from regexplain.plot import soft_constraints as figures
from regexplain.plot.style import fmt

matplotlib.use("Agg")

PENALTIES = {"l1": L1, "l2": L2}


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# -- regexplain.plot.soft_constraints --------------------------------------------------------------


def _minima(fig):
    """Every marked penalized minimum of a figure: (λ, coordinates) from the gid ``penalized-minimum@λ``."""
    found = []
    for artist in fig.findobj(lambda a: str(a.get_gid() or "").startswith("penalized-minimum@")):
        lam = float(artist.get_gid().split("@")[1])
        data = artist.get_data_3d() if hasattr(artist, "get_data_3d") else artist.get_data()
        found.append((lam, np.array([np.asarray(d, dtype=float)[0] for d in data])))
    return found


def _gid(fig, gid):
    (artist,) = fig.findobj(lambda a: a.get_gid() == gid)
    return artist


def _objective(loss, norm, lam, beta):
    return float(loss(beta) + lam * PENALTIES[norm].value(beta))


def _check_marks(fig, loss, norm):
    minima = _minima(fig)
    assert minima
    for lam, point in minima:
        exact = loss.penalized_minimum(norm, lam)
        np.testing.assert_array_equal(point[:2], exact)
        if point.size == 3:  # on the floor or on the surface
            assert point[2] == 0.0 or point[2] == pytest.approx(_objective(loss, norm, lam, exact), rel=1e-12)
    return minima


FIGURES = {
    "bowls-l2": lambda: figures.loss_and_penalty_bowls("l2", 2.0),
    "bowls-l1": lambda: figures.loss_and_penalty_bowls("l1", TILTED_LAM, loss=TILTED),
    "path-l2": lambda: figures.minimum_path("l2"),
    "path-l1": lambda: figures.minimum_path("l1"),
    "lambda-t": lambda: figures.lambda_t_correspondence(),
    "pull": lambda: figures.penalty_pull(),
}


@pytest.mark.parametrize("make", FIGURES.values(), ids=FIGURES.keys())
def test_figures_are_described(make):
    fig = make()
    assert isinstance(fig, Figure)
    assert len(fig.alt_text) >= 80


@pytest.mark.parametrize(("norm", "loss", "lam"), [("l2", ROUND, 2.0), ("l1", TILTED, TILTED_LAM)])
def test_bowls_mark_the_exact_minimum(norm, loss, lam):
    fig = figures.loss_and_penalty_bowls(norm, lam, loss=loss)
    minima = _check_marks(fig, loss, norm)
    assert {m[0] for m in minima} == {lam}
    beta = minima[0][1][:2]
    assert fmt(beta[0]) in fig.alt_text
    assert fmt(beta[1]) in fig.alt_text
    if norm == "l2":
        np.testing.assert_allclose(beta, 75.0 / (5.0 + lam) * np.array([1.0, -1.0]), rtol=1e-14)
    else:
        assert beta[1] == 0.0
        assert beta[0] != 0.0
        assert "exactly on the β₁ axis" in fig.alt_text


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_minimum_path_runs_monotonely_toward_the_origin(norm):
    loss = TILTED
    fig = figures.minimum_path(norm)
    _check_marks(fig, loss, norm)
    np.testing.assert_array_equal(_gid(fig, "unconstrained-minimum").get_xydata()[0], loss.center)
    path = _gid(fig, "minimum-path").get_xydata()
    np.testing.assert_allclose(path[0], loss.center, rtol=1e-12)
    sizes = np.abs(path).sum(axis=1) if norm == "l1" else np.linalg.norm(path, axis=1)
    assert np.all(np.diff(sizes) <= 1e-12 * sizes[0])
    if norm == "l1":
        knots = np.r_[0.0, paths.l1_breakpoints(loss)]
        np.testing.assert_array_equal(path, paths.penalized_path(loss, "l1", knots))
        assert np.all(path[-1] == 0.0)  # it reaches the origin, exactly
        assert np.count_nonzero(path[1:-1] == 0.0) == len(path) - 2  # after the first corner it stays on an axis
    else:
        assert np.all(path != 0.0)  # it touches neither axis, nor the origin
        assert sizes[-1] < 1e-2 * sizes[0]


def test_minimum_path_marks_given_lambdas():
    fig = figures.minimum_path("l2", loss=ROUND, lams=[1.0, 5.0])
    minima = _check_marks(fig, ROUND, "l2")
    assert sorted(m[0] for m in minima) == [1.0, 5.0]
    for lam, point in minima:
        np.testing.assert_allclose(point, 75.0 / (5.0 + lam) * np.array([1.0, -1.0]), rtol=1e-14)


@pytest.mark.parametrize(("norm", "loss", "lams"), [("l2", ROUND, ROUND_STEPS), ("l1", TILTED, TILTED_STEPS)])
def test_bowl_steps_one_described_frame_per_lambda(norm, loss, lams):
    frames = figures.bowl_steps(norm, lams, loss=loss)
    assert len(frames) == len(lams)
    tops = set()
    for lam, fig in zip(lams, frames, strict=True):
        assert len(fig.alt_text) >= 80
        assert fig.alt_text.startswith(f"λ = {fmt(lam)}: "), "the stepper labels a frame by what precedes the colon"
        minima = _check_marks(fig, loss, norm)
        assert {m[0] for m in minima} == {lam}
        tops.add(fig.axes[0].get_zlim())
    assert len(tops) == 1  # every frame on the same height scale
    if norm == "l2":
        last = _minima(frames[-1])[0][1][:2]
        np.testing.assert_allclose(last, 75.0 / (5.0 + lams[-1]) * np.array([1.0, -1.0]), rtol=1e-14)
    else:
        assert "exactly 0" in frames[-1].alt_text


def test_lambda_t_curves_are_the_norms_of_the_minima():
    loss = TILTED
    fig = figures.lambda_t_correspondence(loss)
    for norm in ("l1", "l2"):
        lams, t = _gid(fig, f"t-of-lambda-{norm}").get_data()
        assert lams[0] == 0.0
        np.testing.assert_allclose(t, [loss.t_for_lam(norm, lam) for lam in lams], rtol=1e-12, atol=1e-15)
        assert np.all(np.diff(t) <= 1e-12)
        # And back: the budget gives the same λ wherever it is not 0.
        inside = (lams > 0) & (t > 0)
        back = [loss.lam_for_t(norm, size) for size in t[inside][::20]]
        np.testing.assert_allclose(back, lams[inside][::20], rtol=1e-9)
    first = paths.first_zero_lambda(loss)
    (marker,) = fig.findobj(lambda a: str(a.get_gid() or "").startswith("first-zero@"))
    assert float(marker.get_gid().split("@")[1]) == first
    np.testing.assert_allclose(marker.get_xydata()[0], [first, loss.t_for_lam("l1", first)])
    last = paths.l1_breakpoints(loss)[-1]
    lams, t = _gid(fig, "t-of-lambda-l1").get_data()
    assert np.all(t[lams >= last] == 0.0)
    assert np.all(t[lams < last] > 0.0)


def test_penalty_pull_arrows_are_minus_lambda_times_the_subgradient():
    lam = 1.0
    fig = figures.penalty_pull(lam, (0.1, 0.1))
    for norm in ("l1", "l2"):
        quiver = _gid(fig, f"pull-{norm}")
        points = quiver.get_offsets()
        arrows = np.column_stack([quiver.U.ravel(), quiver.V.ravel()])
        np.testing.assert_allclose(arrows, -lam * PENALTIES[norm].subgradient(points), rtol=1e-15)
        lengths = np.linalg.norm(arrows, axis=1)
        expected = np.full(len(points), np.sqrt(2.0)) if norm == "l1" else 2 * np.linalg.norm(points, axis=1)
        np.testing.assert_allclose(lengths, expected, rtol=1e-14)
    # The numbers of the reference example: penalties 0.2 and 0.02, pulls √2 and 0.2·√2.
    for number in ("0.2 ", "0.02 ", fmt(np.sqrt(2.0)), fmt(0.2 * np.sqrt(2.0)), "5 times weaker"):
        assert number in fig.alt_text


@pytest.mark.parametrize(
    "call",
    [
        lambda: figures.loss_and_penalty_bowls("l3", 1.0),
        lambda: figures.loss_and_penalty_bowls("l2", -1.0),
        lambda: figures.minimum_path("l2", loss=QuadraticLoss(np.eye(3), np.ones(3))),
        lambda: figures.bowl_steps("l2", [[1.0]]),
        lambda: figures.penalty_pull(0.0),
        lambda: figures.penalty_pull(1.0, (0.1, 0.1, 0.1)),
    ],
)
def test_figures_reject_bad_arguments(call):
    with pytest.raises(ValueError, match="must"):
        call()
