"""
==============================
One coefficient against a wall
==============================

The loss ``(β − 2)²`` is least at ``β = 2``, but the constraint ``|β| ≤ 1`` allows only the
shaded band. The best allowed coefficient is where the band ends, ``β = 1``: it leans on the
wall. The optimum is computed exactly by :meth:`~regexplain.QuadraticLoss.constrained_minimum`.
"""

import matplotlib.pyplot as plt

import regexplain as rx  # noqa: F401 (the "try" suggestions below use it)
from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

loss = hard_constraints.WALL_LOSS  # (β − 2)²; try rx.QuadraticLoss([[1.0]], [0.5]), inside the band
t = hard_constraints.WALL_T
figures.wall_1d(loss, t)

# %%
# The exact optimum and its loss. In one dimension both norms are ``|β|``.
beta = loss.constrained_minimum("l1", t)
print(f"unconstrained minimum: β = {loss.center[0]:g}; best allowed: β = {beta[0]:g}, loss {loss(beta):g}")
print(f"the same point as a penalty: λ = {loss.lam_for_t('l1', t):g}")
plt.show()
