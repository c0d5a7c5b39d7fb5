"""
==================================
The minimizer as the penalty grows
==================================

Solve the penalized problem exactly for 201 values of λ and follow the minimizing weight.
The L1 minimizer falls in a straight line, hits zero at a finite λ and stays there; the L2
minimizer shrinks like ``1/(a + λ)`` and never reaches zero.
"""

import matplotlib.pyplot as plt

import regexplain
from regexplain.plot import one_weight as figures

x, y = regexplain.one_weight.data()
figures.minimizer_paths(x, y)
plt.show()
