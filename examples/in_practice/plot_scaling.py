"""
==================================
Feature scaling changes the answer
==================================

The penalty charges every coefficient alike, whatever the units of its column. On the
diabetes data in raw units the lasso's path differs from the standardized one; on polynomial
features, measuring x in other units changes which powers the lasso keeps, unless the
features are standardized first.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

import regexplain as rx
from regexplain.math import in_practice
from regexplain.plot import in_practice as figures

raw = load_diabetes(scaled=False)  # ages in years, blood pressure in mm Hg, ...
names = list(raw.feature_names)
figures.scaling_paths(raw.data, raw.target, names)

# %%
# The same 15 points with x in two units, the lasso on x … x⁹, λ by cross-validation.
figures.polynomial_units()

# %%
# The order of entry in each scaling, and the powers kept (try other units).
for title, X in (("raw units", raw.data), ("z-scores", in_practice.standardize(raw.data))):
    print(f"{title:9}:", ", ".join(in_practice.entry_order(rx.lasso_path(X, raw.target), names)))
for units in (1.0, in_practice.POLY_UNITS):
    for standardized in (False, True):
        fit = in_practice.polynomial_lasso(units, standardized=standardized)
        kind = "z-scored" if standardized else "raw"
        print(
            f"x on [0, {units:g}], {kind:8} powers: {in_practice.powers_words(fit.powers)}, test MSE {fit.test_mse:.3f}"
        )
plt.show()
