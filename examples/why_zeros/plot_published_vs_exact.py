"""
========================================
Exact zero rates against a coarse search
========================================

The six clouds' zero rates three ways: from the exact solver, from the best of 100 evenly
spaced points on the boundary (how the reference article found its solutions), and as the
article published them. For the diamond the three agree. For the disc the exact rate is 0:
the published L2 "zeros" are solutions that the coarse search snapped onto an axis.
"""

import matplotlib.pyplot as plt

from regexplain.plot import zeros as figures

figures.published_vs_exact(points=figures.SEARCH_POINTS)  # try points=1000: the L2 "zeros" shrink
plt.show()
