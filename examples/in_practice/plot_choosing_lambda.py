"""
=====================
Choosing λ by K folds
=====================

Ten-fold cross-validation of the lasso with ``rx.lasso_cv`` on the diabetes data with every
product of two columns added (64 features, in z-scores, as is y): every fold's fit is exact (its
own path, read off at every λ). The validation error falls, reaches a minimum at λ_min and
rises again as a smaller λ fits noise; λ_1se, the largest λ within one standard error of the
minimum, gives a sparser model that is statistically as good.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

X, y = in_practice.cv_design(*load_diabetes(return_X_y=True))  # try in_practice.z_scores: no products
figures.cv_curve(X, y)

# %%
# The two choices and how many coefficients each keeps.
cv = rx.lasso_cv(X, y, folds=in_practice.CV_FOLDS, seed=in_practice.CV_SEED)  # try folds=5 or another seed
for name, lam in (("λ_min", cv.lam_min), ("λ_1se", cv.lam_1se)):
    fit = rx.lasso(X, y, lam)
    print(f"{name} = {lam:.4f}: {(fit.coef != 0).sum()} non-zero coefficients")
plt.show()
