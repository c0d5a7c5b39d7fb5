"""
======================
Where the minimum goes
======================

Seen from above: the path of the exact penalized minimum as λ grows from 0, on a tilted
loss. At three values of λ the loss contour and the penalty contour through the minimum are
drawn; they touch there, which is what makes it the minimum.

The L2 minimum curves toward the origin and never reaches it (and one coefficient even grows
for a while).
"""

import matplotlib.pyplot as plt

from regexplain.plot import penalties as figures

figures.minimum_path("l2")

# %%
# The L1 minimum runs in a straight line into the β1 axis, where β2 becomes exactly 0, then
# along the axis into the origin. Its corners are computed exactly by
# ``regexplain.math.paths.l1_breakpoints``.
figures.minimum_path("l1")
plt.show()
