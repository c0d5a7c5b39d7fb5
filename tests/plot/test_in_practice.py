"""The figures of "In practice" draw the exact answers: paths, the penalty's contours, the group, the steps."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice as chapter
from regexplain.plot import in_practice as figures


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _curves(ax):
    """The data lines of an axes (not the zero line or the guides), as (x, y) arrays."""
    return [np.asarray(line.get_xydata(), dtype=float) for line in ax.get_lines() if len(line.get_xdata()) > 2]


def test_the_lasso_panel_is_the_exact_path_and_every_panel_ends_at_least_squares():
    data = load_diabetes()
    Z, z = chapter.z_scores(data.data, data.target)
    fig = figures.diabetes_paths(Z, z, list(data.feature_names))
    path = rx.lasso_path(Z, z)
    top = _curves(fig.axes[0])
    np.testing.assert_allclose(np.column_stack([c[:, 1] for c in top]), path.coefs, rtol=1e-12, atol=1e-15)
    np.testing.assert_allclose(top[0][:, 0], chapter.path_share(path))
    for ax in fig.axes:
        np.testing.assert_allclose([c[-1, 1] for c in _curves(ax)], path.coefs[-1], rtol=1e-7, atol=1e-9)
        np.testing.assert_allclose([c[-1, 0] for c in _curves(ax)], 1.0)


def test_the_scaling_panels_end_at_the_same_fit_per_standard_deviation():
    raw = load_diabetes(scaled=False)
    fig = figures.scaling_paths(raw.data, raw.target, list(raw.feature_names))
    ends = [np.array([c[-1, 1] for c in _curves(ax)]) for ax in fig.axes]
    np.testing.assert_allclose(ends[0], ends[1], rtol=1e-8)
    starts = [[c[1, 1] != 0.0 for c in _curves(ax)] for ax in fig.axes]
    assert starts[0] != starts[1], "the first variable to enter differs"


def test_standardized_polynomial_curves_do_not_depend_on_the_units():
    fig = figures.polynomial_units()
    (_, _, top), (_, _, bottom) = (_curves(ax) for ax in fig.axes)
    np.testing.assert_allclose(top[:, 1], bottom[:, 1], atol=1e-9)
    np.testing.assert_allclose(bottom[:, 0], chapter.POLY_UNITS * top[:, 0])


def test_each_contour_is_where_the_penalty_is_one():
    fig = figures.elastic_net_contours()
    curves = _curves(fig.axes[0])
    assert len(curves) == len(chapter.EN_CONTOUR_RATIOS)
    for r, curve in zip(chapter.EN_CONTOUR_RATIOS, curves, strict=True):
        np.testing.assert_allclose(rx.Penalty(r).value(curve), 1.0, rtol=1e-12)
        angles = np.arctan2(curve[:, 1], curve[:, 0])
        assert np.ptp(angles) > 6.2, "all the way round"


def test_the_group_panels_are_the_exact_paths():
    fig = figures.grouped_selection()
    for ax, r in zip(fig.axes, (1.0, chapter.EN_RATIO), strict=True):
        path = chapter.group_path(r)
        for j, curve in enumerate(_curves(ax)):
            expected = [path.at(share * path.lams[0]).coef[j] for share in curve[::40, 0]]
            np.testing.assert_allclose(curve[::40, 1], expected, rtol=1e-12, atol=1e-15)


def test_the_steps_are_drawn_as_computed():
    fig = figures.weight_decay()
    drawn = [c[:, 1] for c in _curves(fig.axes[0])]
    for values, kind in zip(drawn, chapter.PENALTY_STEPS, strict=True):
        np.testing.assert_array_equal(values, chapter.penalty_steps(kind))
    assert f"exactly 0 at step {int(np.argmax(drawn[2] == 0.0))} and stays" in fig.alt_text
