"""
==========================
One outlier tilts the line
==========================

Move the last point far up, to ``y = 100``: the least-squares line tilts to chase it. Ridge
and lasso, each with the λ that leave-one-out cross-validation picks on the data as they
are, tilt much less. The price is bias: their lines sit above the other nine points.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_regularize
from regexplain.plot import why_regularize as figures

figures.outlier()

# %%
# The λ of each penalty, chosen on a grid by leave-one-out cross-validation (every point
# predicted by a fit to the other nine: ``why_regularize.leave_one_out``), and the lines it gives.
x, y = why_regularize.line_data(outlier=True)
for norm in ("ridge", "lasso"):
    lam = why_regularize.outlier_lambda(norm)
    fit = rx.ridge(x[:, None], y, lam) if norm == "ridge" else rx.lasso(x[:, None], y, lam)
    print(f"{norm}: λ = {lam:.3g}, intercept {fit.intercept:.3f}, slope {fit.coef[0]:.3f}")
print(f"least squares: slope {rx.ridge(x[:, None], y, 0.0).coef[0]:.3f}")
plt.show()
