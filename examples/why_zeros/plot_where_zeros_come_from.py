"""
=========================
Where the zeros come from
=========================

The L1 solution is a tip of the diamond, with one coefficient exactly 0, when the loss's
minimum lies in that tip's wedge. For round losses the wedges are the right angles
``|cᵢ| − t ≥ |cⱼ|`` beyond the tips; in front of the diamond's edges no loss gives a zero.
For losses of one tilted, elongated shape, the wedges are sheared by the shape: the dots
that give zeros are again exactly the ones inside.
"""

import matplotlib.pyplot as plt

import regexplain
from regexplain.plot import zeros as figures

shape = figures.SHAPE  # try [[1, 0], [0, 4]]: a loss that cares more about β₂
figures.where_zeros_come_from(shape=shape)

# %%
# The same check in numbers: for the round cloud, "in a wedge" and "exactly zero" agree.
cloud = regexplain.simulate_clouds("symmetric", "l1", figures.CLOUD_N)
inside = figures.tip_wedges_contain(cloud.minima, cloud.t)
print(f"in a wedge: {inside.sum()}, exactly zero: {cloud.zero.sum()}, both: {(inside & cloud.zero).sum()}")
plt.show()
