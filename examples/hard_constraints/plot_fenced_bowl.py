"""
=====================
A fenced-in loss bowl
=====================

A loss of two coefficients is a bowl over the ``(β₁, β₂)`` plane, lowest at ``(7, 1)``. The
constraint ``‖β‖₂ ≤ 4`` is a circular fence around the origin. Walking along the fence, its
top rail rises and falls with the bowl; the lowest point of the rail is the best point the
fence allows.
"""

import matplotlib.pyplot as plt

from regexplain.plot import constraints as figures

loss = figures.BOWL_LOSS  # the chapter's bowl; try regexplain.QuadraticLoss([[1, 0], [0, 1]], [5, 3])
figures.fenced_bowl_3d(loss, t=figures.BOWL_T, azim=-115)  # turn the view with azim (degrees)
plt.show()
