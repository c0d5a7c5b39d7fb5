"""
=========================================
L1 logistic regression keeps few features
=========================================

On scikit-learn's bundled breast-cancer data (30 features, standardized), the L1-penalized
logistic regression of ``rx.logistic`` keeps fewer features as λ grows; every fit is certified
by its optimality conditions and its dropped coefficients are exactly 0.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_breast_cancer

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

X, labels = load_breast_cancer(return_X_y=True)
figures.logistic_sparsity(X, labels.astype(float))

# %%
# One fit, and the same model in scikit-learn's terms (``rx.to_sklearn``).
Z = in_practice.standardize(X)
fit = rx.logistic(Z, labels.astype(float), 0.05)  # try 0.01 or penalty="elastic_net", l1_ratio=0.5
print(f"{(fit.coef != 0).sum()} of {Z.shape[1]} features kept; optimality residual {fit.kkt_residual:.1e}")
print("scikit-learn: LogisticRegression(**", rx.to_sklearn("logistic_l1", 0.05, n_samples=len(labels)), ")")
plt.show()
