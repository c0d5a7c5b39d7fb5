"""
===============================================
Adding a penalty: L1 lands on zero, L2 does not
===============================================

First the two penalties on their own: the V-shaped ``λ|w|`` and the parabola ``λw²``.
Then each added to the loss. For the same λ, the minimum of ``MSE + λ|w|`` sits exactly at
``w = 0``, while the minimum of ``MSE + λw²`` moves toward zero and stops short of it.
Every minimum marked is computed exactly, not read off the curve.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import one_weight
from regexplain.plot import one_weight as figures

x, y = one_weight.data()
lam = one_weight.LAM  # the chapter's λ; try lam = 0.2 and rerun

figures.penalty_curves(lam)

# %%
# The same λ added to the loss. With a smaller λ (say 0.2) the L1 minimum leaves zero.
figures.penalized_losses(x, y, lam)

# %%
# The minima, from the exact solvers. The L1 weight is exactly ``0.0`` as soon as λ reaches
# ``rx.lasso_lambda_max``.
X = x[:, None]
print(f"L1: w* = {rx.lasso(X, y, lam, fit_intercept=False).coef[0]!r}")
print(f"L2: w* = {rx.ridge(X, y, lam, fit_intercept=False).coef[0]:.4f}")
print(f"L1 reaches 0 from λ = {rx.lasso_lambda_max(X, y, fit_intercept=False):.4f}")
plt.show()
