"""
===========================
How hard each penalty pulls
===========================

The gradient of a penalty, with its sign flipped, is the pull it exerts on the coefficients.
The L1 pull ``λ·sign(β)`` is as strong next to the origin as far from it; the L2 pull
``2λβ`` fades away near the origin. Close to the origin the L1 penalty itself is larger than
the L2 penalty, but that is not what matters: what moves a coefficient is the pull. The
circled point shows both, computed.
"""

import matplotlib.pyplot as plt

from regexplain.plot import penalties as figures

figures.penalty_pull(lam=1.0, point=(0.1, 0.1))  # try point=(0.01, 0.01)
plt.show()
