"""
==========================
The diabetes path, exactly
==========================

The coefficient paths on the diabetes data of the LARS paper (Efron, Hastie, Johnstone and
Tibshirani, 2004), computed exactly by ``rx.lasso_path``: the lasso straight between its
breakpoints, the variables joining one at a time, one of them leaving and coming back, and the
least-squares coefficients at the end; the elastic net curved between its breakpoints; ridge
smooth and never 0. First against the LARS paper's axis, the share of the least-squares
coefficients' size, then against λ.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

data = load_diabetes()  # columns centred with unit norm, the LARS paper's scaling
names = list(data.feature_names)
# In z-scores (y too) the elastic net's L1 and L2 parts are comparable; the lasso's path is the
# paper's, with λ rescaled.
Z, z = in_practice.z_scores(data.data, data.target)
figures.diabetes_paths(Z, z, names)

# %%
# The same paths against λ: each penalty lets the first coefficient leave 0 at its own λ_max.
figures.diabetes_paths(Z, z, names, against="lam")

# %%
# Every event of the paper's path, exactly: where each variable joins or leaves (try
# ``l1_ratio=0.5`` for the elastic net's).
path = rx.lasso_path(data.data, data.target)
for event in in_practice.events(path):
    print(f"λ = {event.lam:.5f}: {names[event.variable]} {'joins' if event.joins else 'leaves'}")
print("least squares:", path.coefs[-1].round(2))
plt.show()
