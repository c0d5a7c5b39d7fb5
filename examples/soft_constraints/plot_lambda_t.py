"""
===========================
Each λ matches one budget t
===========================

The penalized minimum at strength λ is also the constrained minimum for the budget
``t = ‖β*(λ)‖`` (the L1 norm for L1, the Euclidean norm for L2). Plotting that t against λ
shows the correspondence: both fall as λ grows; the L1 budget falls in straight pieces and
reaches 0 at a finite λ, the L2 budget only approaches 0.
"""

import matplotlib.pyplot as plt

from regexplain.math import soft_constraints
from regexplain.plot import soft_constraints as figures

loss = soft_constraints.TILTED
figures.lambda_t_correspondence(loss)

# %%
# Both directions of the pairing, computed: t from λ, then λ back from that t by solving the
# constrained problem. Try other values of λ.
for lam in soft_constraints.PAIR_LAMS:
    for norm in ("l1", "l2"):
        t = loss.t_for_lam(norm, lam)
        print(f"{norm}: λ = {lam:g} → t = {t:.4f} → λ = {loss.lam_for_t(norm, t):.4f}")
plt.show()
