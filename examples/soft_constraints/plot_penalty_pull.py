"""
===========================
How hard each penalty pulls
===========================

The gradient of a penalty, with its sign flipped, is the pull it exerts on the coefficients.
The L1 pull ``λ·sign(β)`` is as strong next to the origin as far from it; the L2 pull
``2λβ`` fades away near the origin. Close to the origin the L1 penalty itself is larger than
the L2 penalty, but that is not what matters: what moves a coefficient is the pull. The
circled point shows both, computed.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import soft_constraints
from regexplain.plot import soft_constraints as figures

lam, point = soft_constraints.PULL_LAM, soft_constraints.PULL_POINT  # try point = (0.01, 0.01)
figures.penalty_pull(lam, point)

# %%
# The pulls are λ times the penalties' (sub)gradients, ``rx.L1.subgradient`` and
# ``rx.L2.subgradient``.
for name, penalty in (("L1", rx.L1), ("L2", rx.L2)):
    print(f"{name}: penalty {lam * penalty.value(point):.4f}, pull {-lam * penalty.subgradient(point)}")
plt.show()
