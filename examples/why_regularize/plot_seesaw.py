"""
==================
The seesaw, solved
==================

A dog asleep on one end of a seesaw; two children, 20 kg and 40 kg, must balance it. Any
positions with ``20·x₁ + 40·x₂ = 100`` do: a whole line of equally good answers, an
ill-posed problem. A penalty picks one. The least ``‖x‖₂`` puts both children on, at
positions proportional to their masses; the least ``‖x‖₁`` sends only the big child, and the
small one sits at exactly 0; the elastic net is in between.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_regularize
from regexplain.plot import why_regularize as figures

masses, torque = why_regularize.MASSES, why_regularize.TORQUE  # try masses = (30, 40)
for norm in ("l2", "l1", "elastic_net"):
    figures.seesaw(norm, masses=masses, torque=torque)

# %%
# The loss alone cannot choose: (m·x − τ)² is a valley whose whole floor balances.
figures.seesaw_valley(masses=masses, torque=torque)

# %%
# The answers, exactly, from ``rx.seesaw_balance``.
print("l2:", rx.seesaw_balance(masses, torque, "l2"))
print("l1:", rx.seesaw_balance(masses, torque, "l1"))
print("elastic net:", rx.seesaw_balance(masses, torque, "elastic_net", l1_ratio=why_regularize.L1_RATIO))
plt.show()
