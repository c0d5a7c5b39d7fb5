"""House style: one colour-blind-safe palette (Okabe–Ito) and one look for every figure.

L1 and L2 keep the same two colours on every page. Figures have an opaque white background
so they stay legible on the site's dark theme as well as its light one.
"""

import functools
from collections.abc import Callable
from dataclasses import dataclass
from typing import ParamSpec, TypeVar

import matplotlib as mpl
import numpy as np
from matplotlib.figure import Figure
from numpy.typing import ArrayLike

# Okabe & Ito (2008), "Color Universal Design".
OKABE_ITO = {
    "black": "#000000",
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "purple": "#CC79A7",
}

COLORS = {
    "l1": OKABE_ITO["vermillion"],
    "l2": OKABE_ITO["blue"],
    "elastic_net": OKABE_ITO["purple"],
    "loss": "#333333",
    "truth": OKABE_ITO["green"],
    "data": "#777777",
    "guide": "#999999",
}
"""Role → colour. Every figure takes its colours from here."""


@dataclass(frozen=True)
class NormStyle:
    """How the figures name, colour and write one norm.

    Attributes
    ----------
    label : str
        Legend name, e.g. ``"L1 (lasso)"``.
    color : str
        The colour.
    color_name : str
        Its name in alt text.
    region : str
        The region ``‖β‖ ≤ t`` in words, ``"diamond"`` or ``"disc"``.
    outline : str
        The outline of a contour of the penalty, ``"diamond"`` or ``"circle"``.
    norm_tex : str
        mathtext of ``‖β‖``.
    penalty_tex : str
        mathtext of the penalty ``λP(β)``.
    pull_tex : str
        mathtext of its pull ``λ∇P(β)``.
    penalty_words : str
        The penalty in plain Unicode, for alt text.
    bowl_words : str
        The shape of the penalty's surface over the plane.
    weight_tex : str
        mathtext of the penalty of a single weight w.
    weight_pull_tex : str
        mathtext of that penalty's slope.
    """

    label: str
    color: str
    color_name: str
    region: str
    outline: str
    norm_tex: str
    penalty_tex: str
    pull_tex: str
    penalty_words: str
    bowl_words: str
    weight_tex: str
    weight_pull_tex: str


NORM_STYLES = {
    "l1": NormStyle(
        label="L1 (lasso)",
        color=COLORS["l1"],
        color_name="orange-red",
        region="diamond",
        outline="diamond",
        norm_tex=r"$\|\beta\|_1$",
        penalty_tex=r"$\lambda\|\beta\|_1$",
        pull_tex=r"$\lambda\,\mathrm{sign}(\beta)$",
        penalty_words="λ‖β‖₁",
        bowl_words="an upside-down pyramid",
        weight_tex=r"$\lambda|w|$",
        weight_pull_tex=r"$\lambda\,\mathrm{sign}(w)$",
    ),
    "l2": NormStyle(
        label="L2 (ridge)",
        color=COLORS["l2"],
        color_name="blue",
        region="disc",
        outline="circle",
        norm_tex=r"$\|\beta\|_2$",
        penalty_tex=r"$\lambda\|\beta\|_2^2$",
        pull_tex=r"$2\lambda\beta$",
        penalty_words="λ‖β‖₂²",
        bowl_words="a round paraboloid",
        weight_tex=r"$\lambda w^2$",
        weight_pull_tex=r"$2\lambda w$",
    ),
}
"""How every figure names, colours and writes each norm (the one table keyed by ``"l1"`` and ``"l2"``)."""

AXIS_TEX = (r"$\beta_1$", r"$\beta_2$")
"""Labels of the coefficient axes of every β₁–β₂ picture."""
AXIS_WORDS = ("β₁", "β₂")
"""The coefficients in alt text."""

FONT_SIZE = 13

# Figure sizes in inches: narrow enough to stay legible on a phone, so two panels are stacked,
# never side by side.
SINGLE = (6.4, 4.4)
STACKED = (6.4, 8.4)

RC = {
    "figure.facecolor": "white",
    "figure.dpi": 100,
    "figure.constrained_layout.use": True,
    "savefig.facecolor": "white",
    "font.size": FONT_SIZE,
    "axes.titlesize": FONT_SIZE + 1,
    "axes.labelsize": FONT_SIZE,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.color": "#e6e6e6",
    "grid.linewidth": 0.8,
    "legend.frameon": False,
    "legend.fontsize": FONT_SIZE - 1,
    "lines.linewidth": 2.4,
    "lines.markersize": 9,
    "xtick.labelsize": FONT_SIZE - 1,
    "ytick.labelsize": FONT_SIZE - 1,
}
"""matplotlib settings applied while a figure function runs."""

P = ParamSpec("P")
R = TypeVar("R", Figure, list[Figure])


def figure_function(func: Callable[P, R]) -> Callable[P, R]:
    """Run a figure function under the house style and check that it described its figures.

    The function returns one :class:`~matplotlib.figure.Figure` or a list of them (the frames
    of a stepper). sphinx-gallery resets matplotlib's settings before each example, so the
    style is applied here, per call, rather than through a matplotlibrc.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        with mpl.rc_context(RC):
            result = func(*args, **kwargs)
        for fig in result if isinstance(result, list) else [result]:
            for ax in fig.axes:
                # Ticks created later, at draw time, would otherwise miss the style.
                ax.tick_params(labelsize=FONT_SIZE - 1)
            if not getattr(fig, "alt_text", ""):
                raise RuntimeError(f"{func.__name__} returned a figure without alt_text")
        return result

    wrapper.is_figure_function = True
    return wrapper


def describe(fig: Figure, alt_text: str) -> Figure:
    """Attach the text a screen reader reads in place of ``fig``; returns ``fig``.

    The site's gallery uses ``fig.alt_text`` as the image's alt attribute.
    """
    fig.alt_text = " ".join(alt_text.split())
    return fig


def mark(ax, *point: float, color: str, label: str | None = None, **kwargs) -> None:
    """Draw an optimum at ``point`` (two coordinates, three on 3-D axes): a filled dot with a white edge."""
    style = {"color": color, "markeredgecolor": "white", "markeredgewidth": 1.5, "zorder": 5, "label": label}
    ax.plot(*([value] for value in point), "o", **(style | kwargs))


def fmt(value: float, digits: int = 3) -> str:
    """A number as the prose shows it: ``digits`` significant figures, exact zeros as 0."""
    return "0" if value == 0.0 else f"{value:.{digits}g}"


def fmt_point(beta: ArrayLike) -> str:
    """A point of the plane as the alt text writes it: ``"(1.5, 0)"``."""
    return "(" + ", ".join(fmt(float(value)) for value in np.asarray(beta, dtype=float)) + ")"


def big(value: float) -> str:
    """A height for the alt text: like :func:`fmt`, but whole numbers from 1000 on ("1e+03" reads badly).

    Heights below 1e-9 are rounding noise of a solve (a loss at its own minimum) and read 0.
    """
    if abs(value) < 1e-9:
        return "0"
    return fmt(value) if abs(value) < 1000 else f"{value:,.0f}"


def percent(rate: float) -> str:
    """A rate as the figures print it: ``"0%"`` only for an exact 0, else one decimal (or 2 digits if tiny)."""
    if rate == 0.0:
        return "0%"
    value = 100.0 * rate
    return f"{value:.1f}%" if value >= 0.1 else f"{value:.2g}%"
