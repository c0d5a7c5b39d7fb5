"""
====================================
Four tilted losses, disc and diamond
====================================

The same experiment with general losses ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)``:
``a`` and ``b`` uniform in ``(0, 10)`` and ``c`` in ``(−2, 2)``, so the bowls are tilted and
elongated. Each optimum is exact; a title says "exactly" only when the solver returns 0.0.
"""

import matplotlib.pyplot as plt

from regexplain.plot import constraints as figures

seed = figures.GRID_SEED  # try another seed for four other losses
figures.constraint_grid("l2", "general", seed=seed)

# %%
# The same four losses against the diamond.
figures.constraint_grid("l1", "general", seed=seed)
plt.show()
