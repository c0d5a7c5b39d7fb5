"""
=======================================
Up close: the tip wins, the disc slides
=======================================

A loss that cares a lot about β₁ and little about β₂, with its minimum at ``(4, 0.8)``, near
the β₁ axis. With the diamond of budget ``t = 2.6`` the exact optimum is the tip
``(2.6, 0)``: β₂ is exactly 0. With the disc of the same budget it leaves the axis. Zoomed
in, points of the diamond's edges next to the tip cost more than the tip, and points of the
disc next to its optimum cost more than that optimum; each number is the loss there.
"""

import matplotlib.pyplot as plt

from regexplain.plot import zeros as figures

loss = figures.ZOOM_LOSS  # 9(β₁ − 4)² + (β₂ − 0.8)² + 4.5(β₁ − 4)(β₂ − 0.8)
t = figures.ZOOM_T  # try t = 4.5: the L1 optimum leaves the tip
figures.zoomed_contour_argument(loss, t)
plt.show()
