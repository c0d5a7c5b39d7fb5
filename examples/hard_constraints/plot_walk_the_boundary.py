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

from regexplain.plot import constraints as figures

loss = figures.TILTED_LOSS  # the chapter's tilted loss
t = figures.TILTED_T  # the budget; try t = 3.0

figures.walk_the_boundary(loss, "l2", t)

# %%
# The same loss and budget with the diamond. The walk has a corner at every tip, and here its
# lowest point is one of them: β₁ is exactly zero.
figures.walk_the_boundary(loss, "l1", t)
plt.show()
