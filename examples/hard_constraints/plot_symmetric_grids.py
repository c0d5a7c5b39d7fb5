"""
===================================
Four round losses, disc and diamond
===================================

Four random round (symmetric) losses, their minima drawn uniformly in the square
``[−10, 10]²`` outside the region, against the disc and then against the diamond of budget
``t = 2``. A line joins each minimum to its exact constrained optimum; each panel's title
says whether a coefficient of the optimum is exactly zero.
"""

import matplotlib.pyplot as plt

from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

seed = hard_constraints.GRID_SEED  # try another seed for four other losses
figures.constraint_grid("l2", "symmetric", seed=seed)

# %%
# The same four losses against the diamond.
figures.constraint_grid("l1", "symmetric", seed=seed)

# %%
# The four losses (regexplain.random_losses with the minima outside both regions) and
# their exact optima. A coefficient is a zero only when the solver returns exactly 0.0.
t = hard_constraints.GRID_T
for loss in hard_constraints.grid_losses("symmetric", seed=seed):
    diamond, disc = loss.constrained_minimum("l1", t), loss.constrained_minimum("l2", t)
    print(f"minimum {loss.center.round(2)}: diamond {diamond.round(3)}, disc {disc.round(3)}")
plt.show()
