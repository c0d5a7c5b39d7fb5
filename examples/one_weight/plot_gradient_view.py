"""
===============================
The pull of each penalty near 0
===============================

The slope of a penalty is the force with which it pulls the weight toward zero. The L1
penalty pulls with the same force λ however small the weight already is; the L2 penalty's
pull ``2λw`` fades away as the weight approaches zero. At ``w = 0`` the L1 penalty has a
corner, so its slope there is any value between ``−λ`` and ``λ``: when that range covers the
loss's own slope, the minimum is exactly zero.
"""

import matplotlib.pyplot as plt

import regexplain
from regexplain.plot import one_weight as figures

x, y = regexplain.one_weight.data()
lam = regexplain.one_weight.LAM  # the chapter's λ; try lam = 0.2 and rerun
figures.gradient_view(x, y, lam)
plt.show()
