"""
==========================
Optimizers and exact zeros
==========================

The same lasso problem solved by four iterative methods (``rx.lasso_iterates``), step by step,
against its exact answer (``rx.lasso``). The proximal methods (ISTA, FISTA) and coordinate
descent set small coefficients to exactly 0 and land on the exact zeros; plain subgradient
steps cross 0 back and forth and never sit on it. The same three kinds of step on the penalty
alone show why: L2's gradient step is a geometric decay (weight decay) that never reaches 0.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

X, y = in_practice.z_scores(*load_diabetes(return_X_y=True))
figures.optimizer_race(X, y)

# %%
# The step from which each method has exactly the exact answer's zeros.
lam = in_practice.OPTIMIZER_LAM_SHARE * rx.lasso_lambda_max(X, y)
exact = rx.lasso(X, y, lam).coef
for method in ("subgradient", "ista", "fista", "coordinate_descent"):
    iterates = rx.lasso_iterates(X, y, lam, method, in_practice.OPTIMIZER_STEPS)
    print(f"{method:18}: exact zeros from step {in_practice.first_exact_step(iterates, exact)}")

# %%
# The penalty's own steps on one coefficient: geometric decay against a fixed step to 0.
figures.weight_decay()
for kind in in_practice.PENALTY_STEPS:
    print(f"{kind:14}:", in_practice.penalty_steps(kind)[[0, 1, 2, 16, 17, 18, -1]].round(4))
plt.show()
