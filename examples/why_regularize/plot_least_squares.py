"""
==========================
Least squares and its bowl
==========================

Ten points around the line ``y = x``, and the straight line that fits them best in the sense
of least squares. Its mean squared error, as a function of the intercept and the slope, is a
bowl with a single lowest point: the least-squares answer, computed exactly.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_regularize
from regexplain.plot import why_regularize as figures

x, y = why_regularize.line_data()  # seeded; try noise by editing y, e.g. y[0] += 3
figures.least_squares(x, y)

# %%
# The same bowl in 3-D.
figures.mse_bowl_3d(x, y)

# %%
# The answer from the exact solver (``rx.ridge`` with λ = 0 is least squares), and the bowl's
# lowest value, the smallest mean squared error any line can reach.
fit = rx.ridge(x[:, None], y, 0.0)
print(f"intercept {fit.intercept:.4f}, slope {fit.coef[0]:.4f}")
print(f"lowest MSE {why_regularize.bowl(x, y).floor:.4f}")
plt.show()
