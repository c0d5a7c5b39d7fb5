"""
==============================
One coefficient against a wall
==============================

The loss ``(β − 2)²`` is least at ``β = 2``, but the constraint ``|β| ≤ 1`` allows only the
shaded band. The best allowed coefficient is where the band ends, ``β = 1``: it leans on the
wall. The optimum is computed exactly by :meth:`~regexplain.QuadraticLoss.constrained_minimum`.
"""

import matplotlib.pyplot as plt

from regexplain.plot import constraints as figures

loss = figures.WALL_LOSS  # (β − 2)²; try regexplain.QuadraticLoss([[1.0]], [0.5]), inside the band
figures.wall_1d(loss, t=figures.WALL_T)
plt.show()
