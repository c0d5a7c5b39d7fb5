"""
=================
Walk the boundary
=================

The rule that finds a constrained optimum: if the unconstrained minimum is already inside the
region, it is the answer. Otherwise walk once around the region's boundary and keep the point
of least loss. Here the walk is drawn as the loss against the angle θ of each boundary point,
first for the disc and then for the diamond of the same budget. The dot on each curve is the
exact optimum from :meth:`~regexplain.QuadraticLoss.constrained_minimum`, and it sits at the
curve's lowest point.
"""

import matplotlib.pyplot as plt

from regexplain.math import hard_constraints
from regexplain.plot import hard_constraints as figures

loss = hard_constraints.TILTED_LOSS  # the chapter's tilted loss
t = hard_constraints.TILTED_T  # the budget; try t = 3.0

figures.walk_the_boundary(loss, "l2", t)

# %%
# The same loss and budget with the diamond. The walk has a corner at every tip, and here its
# lowest point is one of them: β₁ is exactly zero.
figures.walk_the_boundary(loss, "l1", t)

# %%
# The walk samples the boundary to draw it; the answer comes from the exact solver. The best
# sample is close to the exact optimum, never better.
for norm in ("l1", "l2"):
    beta = loss.constrained_minimum(norm, t)
    degrees, losses = hard_constraints.walk(loss, norm, t)
    print(
        f"{norm}: exact θ = {hard_constraints.angle_degrees(beta):.3f}°, loss {loss(beta):.6f}; "
        f"best of {degrees.size} samples: θ = {degrees[losses.argmin()]:.2f}°, loss {losses.min():.6f}"
    )
plt.show()
