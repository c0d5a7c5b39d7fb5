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

import regexplain as rx
from regexplain.math import why_zeros
from regexplain.plot import why_zeros as figures

shape = why_zeros.SHAPE  # try [[1, 0], [0, 4]]: a loss that cares more about β₂
figures.where_zeros_come_from(shape=shape)

# %%
# The same check in numbers: "in a wedge" and "exactly zero" agree, for the round cloud and
# for the losses of one shape (``rx.simulate_shape``).
t = why_zeros.CLOUD_T
for cloud, hessian in (
    (rx.simulate_clouds("symmetric", "l1", why_zeros.CLOUD_N), None),
    (rx.simulate_shape(shape, "l1", why_zeros.SHAPE_N), shape),
):
    inside = why_zeros.tip_wedges_contain(cloud.minima, t, hessian)
    print(
        f"{cloud.family}: in a wedge {inside.sum()}, exactly zero {cloud.zero.sum()}, "
        f"both {(inside & cloud.zero).sum()}"
    )
plt.show()
