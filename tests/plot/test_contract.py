"""Every figure function of every chapter keeps the contract of the figure layer.

The functions are found, not listed: every public callable of a ``regexplain.plot`` module
that ``figure_function`` wrapped. Each is called with its defaults (the chapter's parameters),
once per norm when it takes one, and must return a Figure (or a list of them, the frames of a
stepper) with alt text, whose β₁–β₂ planes are drawn to scale. Which axes are planes is read
from the axes (their label, or their β₁/β₂ axis labels), never from the alt text.
"""

import importlib
import inspect
import pkgutil

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.figure import Figure
from sklearn.datasets import load_breast_cancer, load_diabetes

import regexplain.plot
from regexplain.plot.dark import BACKGROUND, to_dark
from regexplain.plot.style import AXIS_TEX

CHAPTERS = [name for _, name, _ in pkgutil.iter_modules(regexplain.plot.__path__) if not name.startswith("_")]
CHAPTERS.remove("style")
CHAPTERS.remove("dark")  # the dark house style: no figures of its own
PLANE_LABEL = "beta-plane"


def figure_functions():
    found = []
    for chapter in CHAPTERS:
        module = importlib.import_module(f"regexplain.plot.{chapter}")
        for name, function in vars(module).items():
            if name.startswith("_") or not getattr(function, "is_figure_function", False):
                continue
            if function.__module__ != module.__name__:
                continue
            norms = ["l1", "l2"] if "norm" in inspect.signature(function).parameters else [None]
            found += [
                pytest.param(function, norm, id=f"{chapter}.{name}" + (f"-{norm}" if norm else "")) for norm in norms
            ]
    return found


FUNCTIONS = figure_functions()


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def test_every_chapter_has_figure_functions():
    chapters = {param.values[0].__module__.rsplit(".", 1)[1] for param in FUNCTIONS}
    assert (
        chapters
        == set(CHAPTERS)
        == {
            "why_regularize",
            "one_weight",
            "hard_constraints",
            "soft_constraints",
            "why_zeros",
            "in_practice",
            "explorer",
        }
    )
    assert len(FUNCTIONS) >= 25


def _planes(fig: Figure) -> list:
    return [
        ax
        for ax in fig.axes
        if ax.get_label() == PLANE_LABEL or AXIS_TEX[0] in ax.get_xlabel() or AXIS_TEX[1] in ax.get_ylabel()
    ]


def _required(function) -> dict:
    """Data for the parameters without a default: only real data sets have none (X, y or X, labels)."""
    required = [p.name for p in inspect.signature(function).parameters.values() if p.default is inspect.Parameter.empty]
    if not required:
        return {}
    assert required in (["X", "y"], ["X", "labels"]), f"{function.__name__}: only data may lack defaults"
    if required == ["X", "labels"]:
        X, labels = load_breast_cancer(return_X_y=True)
        return {"X": X, "labels": labels * 1.0}
    X, y = load_diabetes(return_X_y=True)
    return {"X": X, "y": y}


@pytest.mark.parametrize(("function", "norm"), FUNCTIONS)
def test_figure_function_contract(function, norm):
    data = _required(function)
    result = function(**data) if norm is None else function(norm=norm, **data)
    figures = result if isinstance(result, list) else [result]
    assert figures, f"{function.__name__} returned no figure"
    for fig in figures:
        assert isinstance(fig, Figure), f"{function.__name__} returned {type(fig).__name__}, not a Figure"
        alt = fig.alt_text
        assert isinstance(alt, str), f"{function.__name__}: alt text too short: {alt!r}"
        assert len(alt) >= 80, f"{function.__name__}: alt text too short: {alt!r}"
        assert "{" not in alt, f"{function.__name__}: raw alt text {alt!r}"
        assert "  " not in alt, f"{function.__name__}: raw alt text {alt!r}"
        assert "\n" not in alt, f"{function.__name__}: raw alt text {alt!r}"
        fig.canvas.draw()  # the aspect is applied at draw time
        for ax in _planes(fig):
            if ax.name == "3d":
                (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
                box = ax.get_box_aspect()
                assert box[0] / box[1] == pytest.approx((x1 - x0) / (y1 - y0)), f"{function.__name__}: 3-D plane"
                continue
            assert ax.get_label() == PLANE_LABEL, f"{function.__name__}: a β plane not drawn with the plane kit"
            assert ax.get_aspect() == 1.0, f"{function.__name__}: a β₁–β₂ plane is not drawn to scale"
            # One unit of β₁ and one of β₂ are the same length on the screen.
            (ox, oy), (ux, uy) = ax.transData.transform([(0.0, 0.0), (1.0, 1.0)])
            assert ux - ox == pytest.approx(uy - oy, rel=1e-6), f"{function.__name__}: unequal units on screen"


@pytest.mark.parametrize("function", sorted({p.values[0] for p in FUNCTIONS if p.values[1]}, key=lambda f: f.__name__))
def test_figure_functions_reject_a_bad_norm(function):
    with pytest.raises(ValueError, match="norm"):
        function(norm="l3", **_required(function))


def test_planes_are_found_where_the_chapters_draw_them():
    """The detection itself: the β planes of a few known figures are found (so the contract test can fail)."""
    from regexplain.plot import hard_constraints, why_zeros

    assert len(_planes(hard_constraints.constraint_grid())) == 4
    assert len(_planes(why_zeros.zoomed_contour_argument())) == 2
    assert _planes(why_zeros.published_vs_exact(n=200)) == []
    fig = hard_constraints.diamond_and_circle()
    (plane,) = _planes(fig)
    plane.set_aspect("auto")
    fig.canvas.draw()
    (ox, oy), (ux, uy) = plane.transData.transform([(0.0, 0.0), (1.0, 1.0)])
    assert not np.isclose(ux - ox, uy - oy), "a stretched plane would be caught"


def _luminance(color) -> float:
    """WCAG relative luminance of a colour."""
    channels = np.array(matplotlib.colors.to_rgb(color))
    linear = np.where(channels <= 0.04045, channels / 12.92, ((channels + 0.055) / 1.055) ** 2.4)
    return float(linear @ [0.2126, 0.7152, 0.0722])


def contrast(a, b) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


@pytest.mark.parametrize(("function", "norm"), [p for p in FUNCTIONS if p.values[1] != "l2"])
def test_the_dark_variant_keeps_every_text_legible_and_every_line_visible(function, norm):
    """The site shows each figure in the dark house style too: text readable, lines visible on its background."""
    data = _required(function)
    result = function(**data) if norm is None else function(norm=norm, **data)
    for fig in result if isinstance(result, list) else [result]:
        texts, lines = fig.findobj(matplotlib.text.Text), fig.findobj(matplotlib.lines.Line2D)
        positions = [text.get_position() for text in texts]
        # Light text is drawn on a shape (a label inside a box), whose colour changes with it: not checked.
        on_paper = [text for text in texts if contrast(text.get_color(), "white") >= 1.5]
        seen = {id(line): contrast(line.get_color(), "white") for line in lines}  # how visible in the light style
        to_dark(fig)
        assert matplotlib.colors.to_hex(fig.get_facecolor()) == BACKGROUND
        assert [text.get_position() for text in texts] == positions, "only colours change"
        for text in on_paper:
            if text.get_text().strip() and text.get_visible() and text.get_bbox_patch() is None:
                assert contrast(text.get_color(), BACKGROUND) >= 4.5, f"{function.__name__}: {text.get_text()!r}"
        for line in lines:
            if line.get_visible() and line.get_alpha() in (None, 1.0):
                dark = contrast(line.get_color(), BACKGROUND)
                assert dark >= 0.8 * min(seen[id(line)], 3.0), f"{function.__name__}: a line fades in the dark style"
