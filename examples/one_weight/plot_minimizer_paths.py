"""
==================================
The minimizer as the penalty grows
==================================

Solve the penalized problem exactly for 201 values of λ and follow the minimizing weight.
The L1 minimizer falls in a straight line, hits zero at a finite λ and stays there; the L2
minimizer shrinks like ``1/(a + λ)`` and never reaches zero.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import one_weight
from regexplain.plot import one_weight as figures

x, y = one_weight.data()
figures.minimizer_paths(x, y)  # try lam_stop=5.0 to watch L2 creep toward 0

# %%
# The whole L1 path is exact and has one corner: ``rx.lasso_path`` returns its breakpoints,
# from the λ where the weight reaches 0 down to least squares at λ = 0.
path = rx.lasso_path(x[:, None], y, fit_intercept=False)
for lam, coef in zip(path.lams, path.coefs[:, 0], strict=False):
    print(f"λ = {lam:.4f}: w* = {coef:.4f}")
plt.show()
