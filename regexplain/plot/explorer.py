"""The Explorer's static picture: its starting loss and the exact optimum in each region (shown without JavaScript)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.figure import Figure

from ..math import explorer as chapter
from ..math.regions import boundary
from . import _plane as plane
from .style import COLORS, NORM_STYLES, describe, figure_function, fmt, fmt_point, mark

_EN_NAME = "elastic net"


@figure_function
def start_picture() -> Figure:
    """The Explorer's starting loss; the diamond, the disc and the elastic net's region of one budget; each optimum."""
    loss, t, r = chapter.START_LOSS, chapter.START_T, chapter.START_L1_RATIO
    fig, ax = plt.subplots(figsize=(6.4, 5.6), layout="constrained")
    lims = ((-3.0, 5.0), (-3.0, 3.0))
    optima = {norm: chapter.optimum(loss, norm, t)[0] for norm in ("l1", "l2", "elastic_net")}
    plane.draw_contours(ax, loss, plane.optimum_levels(loss, optima["l1"], "l1", t), lims)
    for norm in ("l1", "l2"):
        plane.draw_region(ax, norm, t, fill=norm == "l1")
    outline = boundary("elastic_net", t, plane.OUTLINE, l1_ratio=r)
    ax.plot(*outline.T, color=COLORS["elastic_net"], lw=2.2, zorder=3, label=f"{_EN_NAME} region, r = {fmt(r)}")
    plane.mark_minimum(ax, *loss.center)
    for norm, beta in optima.items():
        if norm == "elastic_net":
            mark(ax, *beta, color=COLORS["elastic_net"], gid="optimum-elastic_net", ms=9)
        else:
            plane.mark_optimum(ax, *beta, norm=norm, ms=9)
    plane.frame(ax, lims, title=f"The Explorer's start: budget t = {fmt(t)}")
    ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=2, fontsize=10, frameon=False)
    names = {"l1": "diamond (L1)", "l2": "disc (L2)", "elastic_net": f"{_EN_NAME} region (r = {fmt(r)})"}
    words = "; ".join(f"in the {names[norm]} at {fmt_point(beta)}" for norm, beta in optima.items())
    zeros = [names[norm] for norm, beta in optima.items() if np.any(beta == 0.0)]
    zero_words = (
        f"Only the {', '.join(zeros)} optimum has a coefficient exactly 0." if zeros else "No optimum has a zero."
    )
    return describe(
        fig,
        f"""The β₁–β₂ plane with the elliptical contours of the Explorer's starting loss, whose
        minimum is at {fmt_point(loss.center)}, outside three regions of budget t = {fmt(t)} that
        share their tips: the {NORM_STYLES["l1"].color_name} diamond, the {NORM_STYLES["l2"].color_name}
        disc and the purple elastic-net region between them. The exact optima are {words}.
        {zero_words}""",
    )
