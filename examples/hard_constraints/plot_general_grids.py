"""
====================================
Four tilted losses, disc and diamond
====================================

The same experiment with general losses ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)``:
``a`` and ``b`` uniform in ``(0, 10)`` and ``c`` in ``(−2, 2)``, so the bowls are tilted and
elongated. Each optimum is exact; a title says "exactly" only when the solver returns 0.0.
"""

import matplotlib.pyplot as plt

from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

seed = hard_constraints.GRID_SEED  # try another seed for four other losses
figures.constraint_grid("l2", "general", seed=seed)

# %%
# The same four losses against the diamond.
figures.constraint_grid("l1", "general", seed=seed)

# %%
# The four losses (regexplain.random_losses with the minima outside both regions) and
# their exact optima. A coefficient is a zero only when the solver returns exactly 0.0.
t = hard_constraints.GRID_T
for loss in hard_constraints.grid_losses("general", seed=seed):
    diamond, disc = loss.constrained_minimum("l1", t), loss.constrained_minimum("l2", t)
    print(f"minimum {loss.center.round(2)}: diamond {diamond.round(3)}, disc {disc.round(3)}")
plt.show()
