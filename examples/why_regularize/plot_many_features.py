"""
===========================================
Many features: where least squares overfits
===========================================

A polynomial of degree 9 has ten coefficients; fitted by least squares to 15 noisy points of
a wave, it threads every point and swings wildly between them. Ridge and lasso, with λ chosen
by cross-validation on the training points, follow the wave, and on 500 fresh points their
error is a small fraction of least squares'. On real data (scikit-learn's bundled diabetes
data) the story is quieter: least squares does not fail, and the penalties gain a few percent.
"""

import matplotlib.pyplot as plt
from sklearn.datasets import load_diabetes

from regexplain.math import why_regularize
from regexplain.plot import why_regularize as figures

figures.many_features()

# %%
# The same three fits on the diabetes data: half the patients to fit (λ by cross-validation
# on that half), the other half to test.
data = load_diabetes()
figures.diabetes(data.data, data.target, list(data.feature_names))

# %%
# The errors behind both figures. Nothing is fitted on the test data.
for name, comparison in (
    ("polynomial", why_regularize.polynomial_comparison()[0]),
    ("diabetes", why_regularize.diabetes_comparison(data.data, data.target)),
):
    for method, fit in comparison.fits.items():
        print(
            f"{name:10} {method:5}: λ = {comparison.lams[method]:.3g}, train {comparison.train_mse[method]:.4g}, "
            f"test {comparison.test_mse[method]:.4g}, zero coefficients {(fit.coef == 0.0).sum()}"
        )
plt.show()
