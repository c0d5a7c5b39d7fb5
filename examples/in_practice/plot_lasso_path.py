"""
==========================
The diabetes path, exactly
==========================

The lasso's coefficient path on the diabetes data of the LARS paper (Efron, Hastie, Johnstone
and Tibshirani, 2004), computed exactly by ``rx.lasso_path``: straight between its
breakpoints, the variables joining one at a time, one of them leaving and coming back, and the
least-squares coefficients at the end. Ridge's path, on the same axis, is smooth and never 0.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

data = load_diabetes()  # columns centred with unit norm, the LARS paper's scaling
figures.diabetes_paths(data.data, data.target, list(data.feature_names))

# %%
# Every event of the path, exactly: where each variable joins or leaves.
path = rx.lasso_path(data.data, data.target)
for event in in_practice.events(path):
    print(f"λ = {event.lam:.5f}: {data.feature_names[event.variable]} {'joins' if event.joins else 'leaves'}")
print("least squares:", path.coefs[-1].round(2))
plt.show()
