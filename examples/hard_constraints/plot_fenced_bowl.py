"""
=====================
A fenced-in loss bowl
=====================

A loss of two coefficients is a bowl over the ``(β₁, β₂)`` plane. The constraint
``‖β‖₂ ≤ t`` is a circular fence around the origin. Walking along the fence, its top rail
rises and falls with the bowl; the lowest point of the rail is the best point the fence
allows.
"""

import matplotlib.pyplot as plt

import regexplain as rx  # noqa: F401 (the "try" suggestions below use it)
from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

loss = hard_constraints.BOWL_LOSS  # try rx.QuadraticLoss([[1, 0], [0, 1]], [5, 3]): round, radial works
t = hard_constraints.BOWL_T
figures.fenced_bowl_3d(loss, t)  # turn the view with azim=-60 (degrees)

# %%
# The exact optimum against the naive answer, the minimum shrunk straight toward the origin:
# the naive point is on the fence too, but costs more (unless the minimum's direction is an
# eigenvector of the bowl's hessian).
best = loss.constrained_minimum("l2", t)
naive = hard_constraints.radial_point(loss, t)
print(f"exact optimum {best.round(4)}, loss {loss(best):.4f}")
print(f"radial point  {naive.round(4)}, loss {loss(naive):.4f}")
plt.show()
