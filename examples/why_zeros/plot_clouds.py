"""
=======================================
Clouds of random losses, solved exactly
=======================================

Draw 5,000 random losses, each a bowl whose minimum is uniform in the square ``[−10, 10]²``
and outside the region of budget ``t = 2``, and solve each one exactly against the diamond
``|β₁| + |β₂| ≤ 2`` and against the disc ``β₁² + β₂² ≤ 2²``. Each dot is a loss's minimum,
coloured by its exact solution: green when a coefficient is exactly 0, orange for a near
miss, sky blue otherwise. First round losses, then tilted ones, then "tacos" that barely
care about one coefficient.
"""

import matplotlib.pyplot as plt

import regexplain as rx
from regexplain.math import why_zeros
from regexplain.plot import why_zeros as figures

n = why_zeros.CLOUD_N  # losses per panel; try n = 500 for a sparser picture
seed = why_zeros.CLOUD_SEED  # try another seed: the rates move by about a percentage point

figures.clouds("symmetric", n=n, seed=seed)

# %%
# Tilted, elongated losses: ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)`` with
# ``a, b`` uniform in ``(0, 10)`` and ``c`` in ``(−2, 2)``.
figures.clouds("general", n=n, seed=seed)

# %%
# Taco losses: no tilt, and one of ``a, b`` is ``0.1``, so the loss hardly cares about that
# coefficient.
figures.clouds("taco", n=n, seed=seed)

# %%
# The rates in the titles, from ``rx.simulate_clouds``: every trial solved exactly.
for family in why_zeros.FAMILIES:
    for norm in ("l1", "l2"):
        cloud = rx.simulate_clouds(family, norm, n, seed=seed)
        print(f"{family:9} {norm}: {cloud.zero_rate:6.1%} zeros, {cloud.near_miss_rate:6.1%} near misses")
plt.show()
