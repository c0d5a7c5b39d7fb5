"""
=============================
More coefficients, more zeros
=============================

The same experiment with ``p`` coefficients instead of two: random tilted losses whose
minimum is uniform in ``[−10, 10]ᵖ`` and outside the region, solved exactly. The share of
solutions with at least one coefficient exactly 0 climbs with ``p`` for L1 and stays at 0
for L2.
"""

import matplotlib.pyplot as plt

from regexplain.plot import zeros as figures

figures.zero_rate_by_dimension(figures.DIMENSIONS, n=figures.DIMENSION_N)  # larger n: slower, smoother
plt.show()
