"""House style: one colour-blind-safe palette (Okabe–Ito) and one look for every figure.

L1 and L2 keep the same two colours on every page. Figures have an opaque white background
so they stay legible on the site's dark theme as well as its light one.
"""

import functools
from collections.abc import Callable
from typing import ParamSpec

import matplotlib as mpl
from matplotlib.figure import Figure

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

LABELS = {"l1": "L1 (lasso)", "l2": "L2 (ridge)"}

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


def figure_function(func: Callable[P, Figure]) -> Callable[P, Figure]:
    """Run a figure function under the house style and check that it described its figure.

    sphinx-gallery resets matplotlib's settings before each example, so the style is applied
    here, per call, rather than through a matplotlibrc.
    """

    @functools.wraps(func)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> Figure:
        with mpl.rc_context(RC):
            fig = func(*args, **kwargs)
        for ax in fig.axes:
            # Ticks created later, at draw time, would otherwise miss the style.
            ax.tick_params(labelsize=FONT_SIZE - 1)
        if not getattr(fig, "alt_text", ""):
            raise RuntimeError(f"{func.__name__} returned a figure without alt_text")
        return fig

    return wrapper


def describe(fig: Figure, alt_text: str) -> Figure:
    """Attach the text a screen reader reads in place of ``fig``; returns ``fig``.

    The site's gallery uses ``fig.alt_text`` as the image's alt attribute.
    """
    fig.alt_text = " ".join(alt_text.split())
    return fig


def mark(ax, x: float, y: float, color: str, label: str | None = None, **kwargs) -> None:
    """Draw an optimum: a filled dot with a white edge, above the curves."""
    ax.plot([x], [y], "o", color=color, markeredgecolor="white", markeredgewidth=1.5, zorder=5, label=label, **kwargs)


def fmt(value: float, digits: int = 3) -> str:
    """A number as the prose shows it: ``digits`` significant figures, exact zeros as 0."""
    return "0" if value == 0.0 else f"{value:.{digits}g}"
