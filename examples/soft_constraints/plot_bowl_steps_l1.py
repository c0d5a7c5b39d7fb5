"""
===========================================
With an L1 penalty the minimum hits an axis
===========================================

The same steps with the L1 penalty ``λ‖β‖₁`` on a tilted bowl. The minimum slides in a
straight line until it reaches the β₁ axis; from there β₂ stays exactly 0 and the minimum
slides along the axis, until at a finite λ both coefficients are 0.
"""

import matplotlib.pyplot as plt

from regexplain.math import paths, soft_constraints
from regexplain.plot import soft_constraints as figures

lams = soft_constraints.TILTED_STEPS  # the chapter's λ, up to one that zeroes both coefficients
figures.bowl_steps("l1", lams, loss=soft_constraints.TILTED)

# %%
# The exact minima at the steps, and the corners of the L1 path: the λ at which β₂ reaches
# 0, and the λ from which both coefficients are 0.
for lam, beta in zip(lams, paths.penalized_path(soft_constraints.TILTED, "l1", lams), strict=False):
    print(f"λ = {lam:g}: minimum {beta}")
print("corners of the path at λ =", paths.l1_breakpoints(soft_constraints.TILTED))
plt.show()
