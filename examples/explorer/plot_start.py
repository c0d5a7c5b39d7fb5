"""
============================
The Explorer's first picture
============================

The loss the Explorer starts from (the zoomed loss of "Why L1 gives zeros"), with the diamond,
the disc and the elastic net's region of one budget and the exact optimum in each, computed by
``QuadraticLoss.constrained_minimum``. The Explorer page redraws this live as you drag the
minimum or move a slider.
"""

import matplotlib.pyplot as plt

from regexplain.math import explorer
from regexplain.plot import explorer as figures

figures.start_picture()

# %%
# The optima and the λ each budget matches (try another ``t`` or ``l1_ratio``).
loss = explorer.START_LOSS
for norm in ("l1", "l2", "elastic_net"):
    beta, lam = explorer.optimum(loss, norm, explorer.START_T)
    print(f"{norm:11}: β = {beta.round(4)}, λ = {lam:.4f}")
print("shape of the bowl:", explorer.shape(loss.hessian))
plt.show()
