"""
=============================
The loss bowl and the penalty
=============================

The loss of a model with two coefficients is a bowl over the plane of (β₁, β₂). A penalty
is a second bowl, rising from the origin: the paraboloid ``λ‖β‖₂²`` for L2, the upside-down
pyramid ``λ‖β‖₁`` for L1. Training minimizes their sum, a new bowl whose lowest point lies
between the loss's minimum and the origin.

The first loss is the round bowl ``5[(β₁ − 15)² + (β₂ + 15)²]``, whose L2-penalized minimum
is exactly ``75/(5 + λ)·(1, −1)``.
"""

import matplotlib.pyplot as plt

from regexplain.math import soft_constraints
from regexplain.plot import soft_constraints as figures

lam = soft_constraints.ROUND_LAM  # try lam = 6 and rerun: the minimum moves closer to the origin
figures.loss_and_penalty_bowls("l2", lam, loss=soft_constraints.ROUND)

# %%
# The L1 penalty on a tilted bowl. The pyramid's creases along the axes can hold the minimum
# exactly on an axis: at the chapter's λ, β₂ is exactly 0. (With lam = 3 it is not yet.)
lam_l1 = soft_constraints.TILTED_LAM
figures.loss_and_penalty_bowls("l1", lam_l1, loss=soft_constraints.TILTED)

# %%
# Both minima from the exact solver, :meth:`~regexplain.QuadraticLoss.penalized_minimum`.
print("round bowl, L2:", soft_constraints.ROUND.penalized_minimum("l2", lam), "closed form:", 75 / (5 + lam))
print("tilted bowl, L1:", soft_constraints.TILTED.penalized_minimum("l1", lam_l1))
plt.show()
