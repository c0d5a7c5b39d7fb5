"""
===========================
The loss of a single weight
===========================

Twenty points drawn from ``y = 0.5·x`` plus a little noise, and the mean squared error of
the model ``y = w·x`` for every weight ``w``. The loss is a parabola; its lowest point is the
least-squares weight, close to (but, because of the noise, not exactly) the true 0.5.
"""

import matplotlib.pyplot as plt

import regexplain
from regexplain.plot import one_weight as figures

# The data are seeded: every run draws the same points.
x, y = regexplain.one_weight.data()
figures.loss_curve(x, y)
plt.show()
