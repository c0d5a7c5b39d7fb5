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

import regexplain as rx
from regexplain.math import why_zeros
from regexplain.plot import why_zeros as figures

points = why_zeros.SEARCH_POINTS  # try points = 1000: the L2 "zeros" shrink
figures.published_vs_exact(points=points)

# %%
# The coarse search on the same losses, ``rx.boundary_search``, beside the exact rate.
for family in why_zeros.FAMILIES:
    cloud = rx.simulate_clouds(family, "l2", why_zeros.CLOUD_N)
    _, snapped = rx.boundary_search(cloud, n_points=points)
    print(f"{family:9} disc: exact {cloud.zero_rate:.1%}, search {snapped.mean():.1%}")
plt.show()
