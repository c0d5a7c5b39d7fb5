"""The crosswalk to glmnet, proven by glmnet's documented objective: its optimality conditions hold at our answer."""

import numpy as np
import pytest

import regexplain as rx


@pytest.mark.parametrize("r", [1.0, 0.7, 0.3, 0.0])
@pytest.mark.parametrize("seed", range(4))
def test_glmnet_objective_is_minimized_by_our_answer(r, seed):
    """At our β, the subgradient of (1/2n)‖y − β0 − Xβ‖² + λ_g((1 − α)/2‖β‖² + α‖β‖₁) contains 0."""
    rng = np.random.default_rng(seed)
    X = rng.normal(size=(50, 6)) * rng.uniform(0.5, 2.0, 6)
    y = X @ rng.choice([0.0, 0.0, 1.0, -1.5], size=6) + rng.normal(size=50) + 2.0
    lam = 0.3
    fit = rx.elastic_net(X, y, lam, r) if r > 0 else rx.ridge(X, y, lam)
    glmnet = rx.to_glmnet(lam, l1_ratio=r)
    lam_g, alpha = glmnet["lambda"], glmnet["alpha"]
    residual = y - fit.intercept - X @ fit.coef
    assert abs(residual.mean()) < 1e-9, "the unpenalized intercept"
    gradient = -X.T @ residual / len(y) + lam_g * (1 - alpha) * fit.coef
    on = fit.coef != 0.0
    np.testing.assert_allclose(gradient[on] + lam_g * alpha * np.sign(fit.coef[on]), 0.0, atol=1e-9)
    assert np.all(np.abs(gradient[~on]) <= lam_g * alpha + 1e-9)


def test_glmnet_matches_scikit_learns_elastic_net_numbers():
    for r in (1.0, 0.5, 0.2):
        ours = rx.to_glmnet(0.8, l1_ratio=r)
        sklearn = rx.to_sklearn("elastic_net", 0.8, n_samples=10, l1_ratio=r)
        assert ours == {"lambda": sklearn["alpha"], "alpha": sklearn["l1_ratio"]}


@pytest.mark.parametrize(("kwargs", "match"), [({"lam": -1.0}, "lam"), ({"lam": 1.0, "l1_ratio": 1.5}, "l1_ratio")])
def test_bad_arguments(kwargs, match):
    with pytest.raises(ValueError, match=match):
        rx.to_glmnet(**kwargs)
