"""
===============================
Elastic net: between L1 and L2
===============================

The elastic-net penalty r‖β‖₁ + (1 − r)‖β‖₂² runs from the diamond (r = 1) to the circle
(r = 0), keeping the diamond's corners for every r > 0. On three strongly correlated columns
the lasso takes one and leaves the others at 0 for a long stretch of λ; the elastic net takes
the whole group, with nearly equal coefficients (Zou and Hastie, 2005).
"""

import matplotlib.pyplot as plt
import numpy as np

from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

figures.elastic_net_contours()

# %%
# The exact paths of a correlated group, lasso against elastic net.
figures.grouped_selection()

# %%
# The group's coefficients at half of each path's λ_max (try another ``GROUP_SHARE``).
for r in (1.0, in_practice.EN_RATIO):
    path = in_practice.group_path(r)
    group, others = np.split(path.at(in_practice.GROUP_SHARE * path.lams[0]).coef.round(3), [in_practice.GROUP_SIZE])
    print(f"l1_ratio {r}: group {group}, others {others}")
plt.show()
