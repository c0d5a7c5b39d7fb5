"""
==============================================
Four random losses at a time, disc and diamond
==============================================

Four random losses, their minima drawn uniformly in the square ``[−10, 10]²`` outside both
regions of budget ``t = 2``, against the disc and then against the diamond: first round
(symmetric) losses, then tilted and elongated (general) ones,
``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)`` with ``a, b`` uniform in ``(0, 10)`` and
``c`` in ``(−2, 2)``. A line joins each minimum to its exact constrained optimum; a panel's
title says "exactly" only when the solver returns 0.0.
"""

import matplotlib.pyplot as plt

from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

seed = hard_constraints.GRID_SEED  # try another seed for other losses
t = hard_constraints.GRID_T

for family in ("symmetric", "general"):
    for norm in ("l2", "l1"):
        figures.constraint_grid(norm, family, seed=seed, t=t)

# %%
# The losses (``regexplain.random_losses``, minima outside both regions) and their exact
# optima. A coefficient is a zero only when the solver returns exactly 0.0.
for family in ("symmetric", "general"):
    for loss in hard_constraints.grid_losses(family, seed=seed, t=t):
        diamond, disc = loss.constrained_minimum("l1", t), loss.constrained_minimum("l2", t)
        print(f"{family:9} minimum {loss.center.round(2)}: diamond {diamond.round(3)}, disc {disc.round(3)}")
plt.show()
