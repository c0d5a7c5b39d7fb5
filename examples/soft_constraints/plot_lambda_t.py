"""
===========================
Each λ matches one budget t
===========================

The penalized minimum at strength λ is also the constrained minimum for the budget
``t = ‖β*(λ)‖`` (the L1 norm for L1, the Euclidean norm for L2). Plotting that t against λ
shows the correspondence: both fall as λ grows; the L1 budget falls in straight pieces and
reaches 0 at a finite λ, the L2 budget only approaches 0.
"""

import matplotlib.pyplot as plt

from regexplain.math.paths import TILTED
from regexplain.plot import penalties as figures

figures.lambda_t_correspondence(TILTED)
plt.show()
