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

from regexplain.plot import constraints as figures

seed = figures.GRID_SEED  # try another seed for four other losses
figures.constraint_grid("l2", "symmetric", seed=seed)

# %%
# The same four losses against the diamond.
figures.constraint_grid("l1", "symmetric", seed=seed)
plt.show()
