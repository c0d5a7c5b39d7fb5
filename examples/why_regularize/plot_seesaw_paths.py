"""
==================
The seesaw, softly
==================

Instead of demanding balance, price the imbalance: minimize ``(m·x − τ)² + λ·P(x)``. With a
large λ and the L1 or elastic-net penalty nobody gets on (with L2 the children only creep toward
the fulcrum); as λ falls the children move out, and as λ → 0 they settle on the balance of least
penalty. With L1 the small child never leaves the fulcrum.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_regularize
from regexplain.plot import why_regularize as figures

figures.seesaw_paths()

# %%
# The penalized seesaw is a regression with one sample (the masses) and no intercept: the
# ridge and lasso solvers solve it exactly. At a small λ they are close to the balances.
X, y = [list(why_regularize.MASSES)], [why_regularize.TORQUE]
print("ridge, λ = 0.01:", rx.ridge(X, y, 0.01, fit_intercept=False).coef)
print("lasso, λ = 0.01:", rx.lasso(X, y, 0.01, fit_intercept=False).coef)
print("least ‖x‖₂, ‖x‖₁:", rx.seesaw_balance(*X, *y, "l2"), rx.seesaw_balance(*X, *y, "l1"))
plt.show()
