"""
========================================
The diamond and the disc, solved exactly
========================================

The textbook picture, computed instead of sketched: contours of one tilted, elongated loss,
the diamond ``|β₁| + |β₂| ≤ t`` and the disc ``β₁² + β₂² ≤ t²`` of the same budget, and the
exact optimum in each. The L1 optimum sits on a tip of the diamond, so one coefficient is
exactly zero; the L2 optimum sits on the disc off the axes. A dashed contour passes through
each optimum.
"""

import matplotlib.pyplot as plt

import regexplain as rx  # noqa: F401 (the "try" suggestions below use it)
from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

loss = hard_constraints.TILTED_LOSS  # try rx.QuadraticLoss([[1, 0.6], [0.6, 2]], [3.5, 2])
t = hard_constraints.TILTED_T  # try t = 3.0
figures.diamond_and_circle(loss, t)

# %%
# The two exact optima, their losses, and the penalty strength λ that gives the same point.
for norm in ("l1", "l2"):
    beta = loss.constrained_minimum(norm, t)
    print(f"{norm}: β = {beta.round(4)}, loss {loss(beta):.4f}, λ = {loss.lam_for_t(norm, t):.4f}")
plt.show()
