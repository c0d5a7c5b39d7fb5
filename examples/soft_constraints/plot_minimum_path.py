"""
======================
Where the minimum goes
======================

Seen from above: the path of the exact penalized minimum as λ grows from 0, on a tilted
loss. At three values of λ the loss contour and the penalty contour through the minimum are
drawn; they touch there, which is what makes it the minimum.

The L2 minimum curves toward the origin and never reaches it (and one coefficient even grows
for a while).
"""

import matplotlib.pyplot as plt

import regexplain as rx  # noqa: F401 (the "try" suggestions below use it)
from regexplain.math import paths, soft_constraints
from regexplain.plot import soft_constraints as figures

loss = soft_constraints.TILTED  # try rx.QuadraticLoss([[2, -1], [-1, 2]], [4, 1])
figures.minimum_path("l2", loss=loss)

# %%
# The L1 minimum runs in a straight line into the β₁ axis, where β₂ becomes exactly 0, then
# along the axis into the origin.
figures.minimum_path("l1", loss=loss)

# %%
# Both paths' landmarks, exactly: the corners of the L1 path, and where a coefficient of the
# L2 path turns back (``paths.l2_turning_points``, in closed form).
print("L1 corners at λ =", paths.l1_breakpoints(loss))
for j, lam, value in paths.l2_turning_points(loss):
    print(f"L2: β{j + 1} turns at λ = {lam:.4f}, where it is {value:.4f}")
plt.show()
