"""
===============================
The pull of each penalty near 0
===============================

The slope of a penalty is the force with which it pulls the weight toward zero. The L1
penalty pulls with the same force λ however small the weight already is; the L2 penalty's
pull ``2λw`` fades away as the weight approaches zero. At ``w = 0`` the L1 penalty has a
corner, so its slope there is any value between ``−λ`` and ``λ``: when that range covers the
loss's own slope, the minimum is exactly zero.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import one_weight
from regexplain.plot import one_weight as figures

x, y = one_weight.data()
lam = one_weight.LAM  # the chapter's λ; try lam = 0.2 and rerun
figures.gradient_view(x, y, lam)

# %%
# The numbers behind the jump at 0: the slope of the MSE there, and the range that the L1
# penalty's subgradient adds to it. Zero in the range means w = 0 is the minimum.
slope = float(one_weight.mse_slope(x, y, 0.0))
print(f"slope of the MSE at 0: {slope:.4f}")
print(f"slope of MSE + λ|w| at 0: anything in [{slope - lam:.4f}, {slope + lam:.4f}]")
print(f"the L1 minimum: w* = {rx.lasso(x[:, None], y, lam, fit_intercept=False).coef[0]!r}")
plt.show()
