"""
=====================================
The bowl rises and its minimum slides
=====================================

One figure for each λ = 0, 1, ..., 6: the round bowl ``5[(β₁ − 15)² + (β₂ + 15)²]`` plus
``λ‖β‖₂²``, in 3-D and seen from above, with its exact minimum ``75/(5 + λ)·(1, −1)``
marked. As λ grows the bowl rises (away from the origin the penalty adds the most) and its
minimum slides along the diagonal toward the origin, ever more slowly: it never gets there.
On the site a slider steps through the frames.
"""

import matplotlib.pyplot as plt

from regexplain.math import paths, soft_constraints
from regexplain.plot import soft_constraints as figures

lams = soft_constraints.ROUND_STEPS  # the chapter's (0, 1, ..., 6); try lams = [0, 10, 100, 1000]
figures.bowl_steps("l2", lams, loss=soft_constraints.ROUND)

# %%
# The minimum at each step, exactly: ``paths.penalized_path`` solves at every λ.
for lam, beta in zip(lams, paths.penalized_path(soft_constraints.ROUND, "l2", lams), strict=False):
    print(f"λ = {lam:g}: minimum {beta.round(4)}")
plt.show()
