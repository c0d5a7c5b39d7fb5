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

from regexplain.plot import constraints as figures

loss = figures.TILTED_LOSS  # try regexplain.QuadraticLoss([[1, 0.6], [0.6, 2]], [3.5, 2])
figures.diamond_and_circle(loss, t=figures.TILTED_T)
plt.show()
