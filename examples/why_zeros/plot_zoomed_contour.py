"""
=======================================
Up close: the tip wins, the disc slides
=======================================

A loss that cares a lot about β₁ and little about β₂, with its minimum near the β₁ axis.
With the diamond the exact optimum is a tip: β₂ is exactly 0. With the disc of the same
budget it leaves the axis. Zoomed in, points of the diamond's edges next to the tip cost
more than the tip, and points of the disc next to its optimum cost more than that optimum;
each number is the loss there.
"""

import matplotlib.pyplot as plt

from regexplain.math import why_zeros
from regexplain.plot import why_zeros as figures

loss = why_zeros.ZOOM_LOSS  # 9(β₁ − 4)² + (β₂ − 0.8)² + 4.5(β₁ − 4)(β₂ − 0.8)
t = why_zeros.ZOOM_T  # try t = 4.5: the L1 optimum leaves the tip
figures.zoomed_contour_argument(loss, t)

# %%
# The two optima and the costlier neighbours, exactly.
neighbors = why_zeros.zoom_neighbors(loss, t)
for norm in ("l1", "l2"):
    beta = loss.constrained_minimum(norm, t)
    print(f"{norm}: optimum {beta.round(4)}, loss {loss(beta):.3f}; neighbours cost {loss(neighbors[norm]).round(3)}")
plt.show()
