"""
===========================
The loss of a single weight
===========================

Twenty points drawn from ``y = 0.5·x`` plus a little noise, and the mean squared error of
the model ``y = w·x`` for every weight ``w``. The loss is a parabola; its lowest point is the
least-squares weight, close to (but, because of the noise, not exactly) the true 0.5.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import one_weight
from regexplain.plot import one_weight as figures

# The data are seeded: every run draws the same points. Try one_weight.data(n=200).
x, y = one_weight.data()
figures.loss_curve(x, y)

# %%
# The least-squares weight is exact: ridge with λ = 0 and no intercept (the model has none).
X = x[:, None]
fit = rx.ridge(X, y, lam=0.0, fit_intercept=False)
print(f"least-squares weight: {fit.coef[0]:.4f} (the data were drawn with {one_weight.TRUE_W})")
print(f"MSE at that weight:   {rx.mse(X, y, fit.coef):.5f}")
plt.show()
