"""
==========================
Optimizers and exact zeros
==========================

The same lasso problem solved by four iterative methods (``rx.lasso_iterates``), step by step,
against its exact answer (``rx.lasso``). The proximal methods (ISTA, FISTA) and coordinate
descent set small coefficients to exactly 0 and land on the exact zeros; plain subgradient
steps cross 0 back and forth and never sit on it.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

X, y = load_diabetes(return_X_y=True)
figures.optimizer_race(X, y)

# %%
# The step from which each method has exactly the exact answer's zeros.
lam = in_practice.OPTIMIZER_LAM_SHARE * rx.lasso_lambda_max(X, y)
exact = rx.lasso(X, y, lam).coef
for method in ("subgradient", "ista", "fista", "coordinate_descent"):
    iterates = rx.lasso_iterates(X, y, lam, method, in_practice.OPTIMIZER_STEPS)
    print(f"{method:18}: exact zeros from step {in_practice.first_exact_step(iterates, exact)}")
plt.show()
