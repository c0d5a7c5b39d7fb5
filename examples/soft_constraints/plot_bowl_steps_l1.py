"""
===========================================
With an L1 penalty the minimum hits an axis
===========================================

The same steps with the L1 penalty ``λ‖β‖₁`` on a tilted bowl. The minimum slides in a
straight line until it reaches the β1 axis; from there β2 stays exactly 0 and the minimum
slides along the axis, until at a finite λ both coefficients are 0.
"""

import matplotlib.pyplot as plt

from regexplain.math import paths
from regexplain.plot import penalties as figures

lams = paths.TILTED_STEPS  # the chapter's λ, up to one that zeroes both coefficients
figures.bowl_steps("l1", lams, loss=paths.TILTED)
plt.show()
