"""The figures of "Why regularize" draw the exact answers: the seesaw's positions, the fitted lines, the minimum."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.lines import Line2D

import regexplain as rx
from regexplain.math import why_regularize as chapter
from regexplain.plot import why_regularize as figures


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _point(fig, gid):
    (artist,) = [a for a in fig.findobj(Line2D) if a.get_gid() == gid]
    return np.array([np.asarray(v, dtype=float).item() for v in artist.get_data()])


@pytest.mark.parametrize("norm", ["l2", "l1", "elastic_net"])
@pytest.mark.parametrize("masses", [(20.0, 40.0), (35.0, 40.0), (10.0, 12.0)])
def test_seesaw_marks_the_exact_balance(norm, masses):
    fig = figures.seesaw(norm, masses=masses, torque=90.0)
    ratio = chapter.L1_RATIO if norm == "elastic_net" else None
    expected = rx.seesaw_balance(masses, 90.0, norm, l1_ratio=ratio)
    np.testing.assert_array_equal(_point(fig, f"seesaw-{norm}"), expected)
    for value in expected:
        assert f"{value:.3g}".rstrip("0").rstrip(".") in fig.alt_text or value == 0.0


def test_l1_seesaw_says_the_small_child_is_off():
    fig = figures.seesaw("l1")
    assert "exactly 0" in fig.alt_text
    assert any("stays off (x = 0)" in text.get_text() for text in fig.axes[0].texts)


def test_outlier_lines_are_the_fits():
    fig = figures.outlier()
    top = fig.axes[0]
    x, y = chapter.line_data(outlier=True)
    slopes = sorted(
        (line.get_ydata()[1] - line.get_ydata()[0]) / (line.get_xdata()[1] - line.get_xdata()[0])
        for line in top.get_lines()
        if len(line.get_xdata()) == 2
    )
    facts_slopes = [chapter.fit_line(x, y).coef[0]]
    for norm in ("ridge", "lasso"):
        lam = chapter.LOO_LAMS[int(np.argmin(chapter.leave_one_out(x, y, norm)))]
        facts_slopes.append(chapter.fit_line(x, y, norm, lam).coef[0])
    clean = chapter.fit_line(*chapter.line_data()).coef[0]
    np.testing.assert_allclose(slopes, sorted([*facts_slopes, clean]), rtol=1e-12)


def test_least_squares_marks_the_exact_minimum():
    fig = figures.least_squares()
    bottom = fig.axes[1]
    (dot,) = [line for line in bottom.get_lines() if line.get_marker() == "o"]
    x, y = chapter.line_data()
    fit = chapter.fit_line(x, y)
    np.testing.assert_allclose([dot.get_xdata()[0], dot.get_ydata()[0]], [fit.intercept, fit.coef[0]], rtol=1e-14)
