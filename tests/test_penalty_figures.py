"""Chapter "Soft constraints": the paths of penalized minima, its figures and the gallery stepper.

The paths are checked against closed forms and against QuadraticLoss itself; every minimum a
figure marks (found by its gid) is checked against QuadraticLoss; the stepper's pure helpers
are unit-tested, and its behaviour in a browser is checked on the built site.
"""

import importlib.util
import itertools
import os
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import numpy as np
import pytest
from bs4 import BeautifulSoup
from matplotlib.figure import Figure

from regexplain import QuadraticLoss
from regexplain.math import paths
from regexplain.math.penalties import L1, L2
from regexplain.plot import penalties as figures
from regexplain.plot.style import fmt

matplotlib.use("Agg")

ROOT = Path(__file__).parents[1]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
PENALTIES = {"l1": L1, "l2": L2}


def _load_stepper():
    """docs/_ext/stepper.py, imported the way Sphinx does (with docs/_ext on the path)."""
    sys.path.insert(0, str(ROOT / "docs" / "_ext"))
    try:
        spec = importlib.util.spec_from_file_location("stepper", ROOT / "docs" / "_ext" / "stepper.py")
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
    finally:
        sys.path.remove(str(ROOT / "docs" / "_ext"))
    return module


stepper = _load_stepper()


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


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


# -- regexplain.math.paths ------------------------------------------------------------------


def test_round_l2_path_is_the_closed_form():
    lams = np.array([0.0, 0.5, 1.0, 2.0, 6.0, 100.0, 1e6])
    expected = (75.0 / (5.0 + lams))[:, None] * np.array([1.0, -1.0])
    np.testing.assert_allclose(paths.penalized_path(paths.ROUND, "l2", lams), expected, rtol=1e-14)


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_path_rows_are_the_penalized_minima(norm):
    lams = [7.0, 0.0, 2.5, 30.0]  # any order
    path = paths.penalized_path(paths.TILTED, norm, lams)
    assert path.shape == (4, 2)
    for lam, row in zip(lams, path, strict=True):
        np.testing.assert_array_equal(row, paths.TILTED.penalized_minimum(norm, lam))


def test_tilted_l1_breakpoints_closed_form():
    H, c = paths.TILTED.hessian, paths.TILTED.center
    # Both coefficients positive: β(λ) = c − (λ/2)H⁻¹(1, 1); β2 reaches 0 first.
    v = np.linalg.solve(H, [1.0, 1.0])
    first = 2.0 * c[1] / v[1]
    # Then β2 = 0 and β1 = ((Hc)_1 − λ/2)/H11 reaches 0 at λ = 2(Hc)_1.
    last = 2.0 * (H @ c)[0]
    np.testing.assert_allclose(paths.l1_breakpoints(paths.TILTED), [first, last], rtol=1e-13)
    assert paths.first_zero_lambda(paths.TILTED) == pytest.approx(first, rel=1e-13)


def test_round_l1_coefficients_reach_zero_together():
    # H = 5I: soft thresholding, β_j = sign(c_j)·max(|c_j| − λ/10, 0); both reach 0 at λ = 150.
    np.testing.assert_allclose(paths.l1_breakpoints(paths.ROUND), [150.0], rtol=1e-15)
    lams = np.array([0.0, 40.0, 149.0])
    expected = (15.0 - lams / 10.0)[:, None] * np.array([1.0, -1.0])
    np.testing.assert_allclose(paths.penalized_path(paths.ROUND, "l1", lams), expected, rtol=1e-12)


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
    loss = paths.TILTED
    first = paths.first_zero_lambda(loss)
    assert np.count_nonzero(loss.penalized_minimum("l1", first) == 0.0) == 1
    assert np.all(loss.penalized_minimum("l1", first * (1 - 1e-9)) != 0.0)
    assert paths.first_zero_lambda(QuadraticLoss(np.eye(2), [0.0, 2.0])) == 0.0


def test_loss_at_the_origin_has_no_path():
    loss = QuadraticLoss(np.eye(3), np.zeros(3))
    np.testing.assert_array_equal(paths.l1_breakpoints(loss), [0.0])
    assert np.all(paths.penalized_path(loss, "l1", [0.0, 1.0]) == 0.0)


def test_chapter_parameters_show_what_the_prose_says():
    tilted = paths.TILTED
    first, last = paths.first_zero_lambda(tilted), paths.l1_breakpoints(tilted)[-1]
    # The L1 bowl is shown on the axis (one zero, one non-zero coefficient).
    assert first < paths.TILTED_LAM < last
    # The L1 stepper starts off the axis, reaches it and ends with every coefficient 0.
    steps = np.array(paths.TILTED_STEPS)
    assert steps[0] == 0.0
    assert steps[1] < first < steps[-2] < last <= steps[-1]
    assert paths.ROUND_STEPS == (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
    # The L2 path on the tilted bowl: β2 first grows (the caption says so at λ = 0.5).
    assert tilted.penalized_minimum("l2", 0.5)[1] > tilted.center[1]


@pytest.mark.parametrize(
    ("call", "error"),
    [
        (lambda: paths.penalized_path(paths.TILTED, "l1", [-1.0]), ValueError),
        (lambda: paths.penalized_path(paths.TILTED, "l1", [[1.0]]), ValueError),
        (lambda: paths.penalized_path(paths.TILTED, "l3", [1.0]), ValueError),
        (lambda: paths.penalized_path("bowl", "l1", [1.0]), TypeError),
        (lambda: paths.l1_breakpoints(np.eye(2)), TypeError),
        (lambda: paths.first_zero_lambda(None), TypeError),
    ],
)
def test_paths_validate_their_arguments(call, error):
    with pytest.raises(error):
        call()


# -- regexplain.plot.penalties --------------------------------------------------------------


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
    "bowls-l1": lambda: figures.loss_and_penalty_bowls("l1", paths.TILTED_LAM, loss=paths.TILTED),
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


@pytest.mark.parametrize(("norm", "loss", "lam"), [("l2", paths.ROUND, 2.0), ("l1", paths.TILTED, paths.TILTED_LAM)])
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
        assert "exactly on the β1 axis" in fig.alt_text


@pytest.mark.parametrize("norm", ["l1", "l2"])
def test_minimum_path_runs_monotonely_toward_the_origin(norm):
    loss = paths.TILTED
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
    fig = figures.minimum_path("l2", loss=paths.ROUND, lams=[1.0, 5.0])
    minima = _check_marks(fig, paths.ROUND, "l2")
    assert sorted(m[0] for m in minima) == [1.0, 5.0]
    for lam, point in minima:
        np.testing.assert_allclose(point, 75.0 / (5.0 + lam) * np.array([1.0, -1.0]), rtol=1e-14)


@pytest.mark.parametrize(
    ("norm", "loss", "lams"), [("l2", paths.ROUND, paths.ROUND_STEPS), ("l1", paths.TILTED, paths.TILTED_STEPS)]
)
def test_bowl_steps_one_described_frame_per_lambda(norm, loss, lams):
    frames = figures.bowl_steps(norm, lams, loss=loss)
    assert len(frames) == len(lams)
    tops = set()
    for lam, fig in zip(lams, frames, strict=True):
        assert len(fig.alt_text) >= 80
        assert stepper.frame_label(fig.alt_text) == f"λ = {fmt(lam)}"
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
    loss = paths.TILTED
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


# -- docs/_ext/stepper.py ---------------------------------------------------------------------


def test_frame_images_in_order_without_other_examples(tmp_path):
    for name in ["plot_a_002", "plot_a_001", "plot_a_l1_001", "plot_ab_001", "plot_a_003"]:
        (tmp_path / f"sphx_glr_{name}.png").write_bytes(b"")
    (tmp_path / "thumb").mkdir()
    (tmp_path / "thumb" / "sphx_glr_plot_a_thumb.png").write_bytes(b"")
    found = stepper.frame_images(tmp_path, "plot_a")
    assert [p.name for p in found] == [f"sphx_glr_plot_a_00{i}.png" for i in (1, 2, 3)]
    assert stepper.frame_images(tmp_path, "plot_none") == []
    (tmp_path / "sphx_glr_plot_a_003.png").unlink()
    (tmp_path / "sphx_glr_plot_a_004.png").write_bytes(b"")
    with pytest.raises(ValueError, match="numbered"):
        stepper.frame_images(tmp_path, "plot_a")


def test_frame_label():
    assert stepper.frame_label("λ = 2: frame 3 of 7. Top: ...") == "λ = 2"
    assert stepper.frame_label("Step 1:\tthe loss") == "Step 1"
    for alt in ["A figure with no label", "λ = 2:no space", ": empty label", "x" * 41 + ": too long"]:
        with pytest.raises(ValueError, match="must start with its label"):
            stepper.frame_label(alt)


def test_controls_html_is_a_labelled_range_input():
    labels = ["λ = 0", "λ = 1", 'λ = "2" <b>']
    markup = stepper.controls_html("stepper-3", "Penalty strength", labels, start=1)
    soup = BeautifulSoup(markup, "html.parser", multi_valued_attributes=None)
    (box,) = soup.select("div.stepper-controls")
    assert box.has_attr("hidden")  # shown by the script only
    (label,) = box.select("label")
    (slider,) = box.select('input[type="range"]')
    (output,) = box.select("output")
    assert label["for"] == slider["id"] == output["for"] == "stepper-3-input"
    assert label.get_text() == "Penalty strength"
    assert (slider["min"], slider["max"], slider["step"], slider["value"]) == ("0", "2", "1", "1")
    assert slider["aria-valuetext"] == output.get_text() == "λ = 1 (2 of 3)"
    assert slider["aria-controls"] == "stepper-3-frames"
    escaped = stepper.controls_html("s", "<Strength>", labels, start=2)
    assert "<b>" not in escaped
    assert "&lt;Strength&gt;" in escaped
    with pytest.raises(ValueError, match="start must index"):
        stepper.controls_html("s", "x", labels, start=3)
