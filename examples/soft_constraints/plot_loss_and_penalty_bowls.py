"""
=============================
The loss bowl and the penalty
=============================

The loss of a model with two coefficients is a bowl over the plane of (β1, β2). A penalty
is a second bowl, rising from the origin: the paraboloid ``λ‖β‖₂²`` for L2, the upside-down
pyramid ``λ‖β‖₁`` for L1. Training minimizes their sum, a new bowl whose lowest point lies
between the loss's minimum and the origin.

The first loss is the round bowl ``5[(β1 − 15)² + (β2 + 15)²]``, whose L2-penalized minimum
is exactly ``75/(5 + λ)·(1, −1)``.
"""

import matplotlib.pyplot as plt

from regexplain.math import paths
from regexplain.plot import penalties as figures

lam = paths.ROUND_LAM  # the chapter's λ; try lam = 6 and rerun: the minimum moves closer to the origin
figures.loss_and_penalty_bowls("l2", lam, loss=paths.ROUND)

# %%
# The L1 penalty on a tilted bowl. The pyramid's creases along the axes can hold the minimum
# exactly on an axis: at the chapter's λ, β2 is exactly 0. (With lam = 3 it is not yet.)
lam = paths.TILTED_LAM
figures.loss_and_penalty_bowls("l1", lam, loss=paths.TILTED)
plt.show()
