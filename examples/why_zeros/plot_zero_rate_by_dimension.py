"""
=============================
More coefficients, more zeros
=============================

The same experiment with ``p`` coefficients instead of two: random tilted losses whose
minimum is uniform in ``[−10, 10]ᵖ`` and outside the region, solved exactly. The share of
L1 solutions with at least one coefficient exactly 0 soon reaches 100%; the share of the
coefficients that are exactly 0 keeps climbing with ``p``. For L2 both stay at 0.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_zeros
from regexplain.plot import why_zeros as figures

n = why_zeros.DIMENSION_N  # larger n: slower, smoother
figures.zero_rate_by_dimension(why_zeros.DIMENSIONS, n=n)

# %%
# The numbers behind the lines (the two functions share their trials).
shares = rx.zero_shares_by_dimension("l1", why_zeros.DIMENSIONS, n)
rates = rx.zero_rates_by_dimension("l1", why_zeros.DIMENSIONS, n)
for p in why_zeros.DIMENSIONS:
    print(f"p = {p:2}: {shares[p]:6.1%} of coefficients are 0; {rates[p]:6.1%} of solutions have one")
plt.show()
