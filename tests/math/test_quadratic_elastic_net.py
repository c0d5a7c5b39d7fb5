"""QuadraticLoss with the elastic net, penalized and constrained, against scikit-learn, scipy.optimize and the KKT.

The conventions under test: the penalty is ``λ(r‖β‖₁ + (1 − r)‖β‖₂²)``; the region of budget t is
``r‖β‖₁ + (1 − r)‖β‖₂² ≤ r·t + (1 − r)·t²`` (its tips at ±t on each axis, shared with the diamond and the disc).
"""

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.linear_model import ElasticNet

import regexplain as rx
from regexplain.math import regions

RATIOS = (0.1, 0.5, 0.9)


# ---------------------------------------------------------------------------------------------------------------------
# Independent helpers, written out here.


def penalty_of(beta, r):
    beta = np.asarray(beta, dtype=float)
    return r * np.abs(beta).sum() + (1.0 - r) * beta @ beta


def level_of(t, r):
    """The penalty on the boundary of the region of budget t: its value at the tip (t, 0, …)."""
    return r * t + (1.0 - r) * t * t


def loss_of(H, c, beta):
    delta = np.asarray(beta, dtype=float) - c
    return float(delta @ H @ delta)


def random_spd(rng, p, max_condition=100.0):
    """A tilted, elongated bowl: a random rotation, eigenvalues from 0.3 to 10 with condition number up to ~100."""
    Q, _ = np.linalg.qr(rng.standard_normal((p, p)))
    top = 10.0 ** rng.uniform(-0.5, 1.0)
    eigenvalues = top / np.r_[1.0, max_condition ** rng.uniform(0.0, 1.0, p - 1)]
    H = (Q * eigenvalues) @ Q.T
    return (H + H.T) / 2.0


def random_cases(n, seed, ps=(2, 2, 2, 3, 4)):
    """Random losses, mostly in the plane; centers of both signs from 0.1 to ~15 away from 0."""
    rng = np.random.default_rng(seed)
    cases = []
    for i in range(n):
        p = ps[i % len(ps)]
        direction = rng.standard_normal(p)
        c = 10.0 ** rng.uniform(-1.0, 1.2) * direction / np.linalg.norm(direction)
        cases.append((random_spd(rng, p), c))
    return cases


def case_id(case):
    return f"p{case[1].size}-|c|{np.linalg.norm(case[1]):.2f}"


def kkt_violation(H, c, beta, lam, r):
    """Largest violation of ``0 ∈ 2H(β − c) + λ(r·∂‖β‖₁ + 2(1 − r)β)``, relative to the gradient at 0."""
    g = 2.0 * H @ (beta - c) + 2.0 * lam * (1.0 - r) * beta
    nonzero = beta != 0.0
    violation = np.where(nonzero, np.abs(g + lam * r * np.sign(beta)), np.maximum(np.abs(g) - lam * r, 0.0))
    return violation.max() / max(np.abs(2.0 * H @ c).max(), 1e-300)


def assert_zeros_agree(ours, reference, atol):
    """Ours is exactly 0.0 where, and only where, the reference is 0 to ``atol`` (and the zeros are +0.0)."""
    near_zero = np.abs(reference) <= atol
    assert np.array_equal(ours == 0.0, near_zero), f"ours {ours!r}, reference {reference!r}"
    assert not np.signbit(ours[ours == 0.0]).any()  # zeros are +0.0


def lam_max(H, c, r):
    """The smallest λ at which the elastic net's minimum is 0: ``2‖Hc‖∞ / r``."""
    return 2.0 * np.abs(H @ c).max() / r


# ---------------------------------------------------------------------------------------------------------------------
# 1. The penalized minimum against scikit-learn's ElasticNet and its KKT conditions.

CASES_PEN = random_cases(40, seed=101)
FRACTIONS = (0.02, 0.1, 0.3, 0.6, 0.95)  # of λ_max / r


def design(H, c):
    """X, y with XᵀX/n = H and y = Xc, so that (1/n)‖y − Xβ‖² is exactly (β − c)ᵀH(β − c)."""
    n = c.size
    X = np.sqrt(n) * np.linalg.cholesky(H).T
    return X, X @ c


@pytest.mark.parametrize("r", RATIOS)
@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_penalized_vs_sklearn_elastic_net(case, r):
    H, c = case
    X, y = design(H, c)
    loss = rx.QuadraticLoss(H, c)
    scale = np.abs(c).max()
    for fraction in FRACTIONS:
        lam = fraction * lam_max(H, c, r)
        # scikit-learn minimizes (1/2n)‖y − Xw‖² + αρ‖w‖₁ + (α(1 − ρ)/2)‖w‖², half of ours when αρ = λr/2 and
        # α(1 − ρ) = λ(1 − r).
        alpha = lam * r / 2.0 + lam * (1.0 - r)
        model = ElasticNet(
            alpha=alpha, l1_ratio=lam * r / 2.0 / alpha, fit_intercept=False, tol=1e-15, max_iter=1_000_000
        ).fit(X, y)
        beta = loss.penalized_minimum("elastic_net", lam, l1_ratio=r)
        np.testing.assert_allclose(beta, model.coef_, rtol=0.0, atol=1e-9 * scale)
        assert_zeros_agree(beta, model.coef_, atol=1e-9 * scale)
        objective = loss_of(H, c, beta) + lam * penalty_of(beta, r)
        reference = loss_of(H, c, model.coef_) + lam * penalty_of(model.coef_, r)
        assert objective <= reference * (1.0 + 1e-13) + 1e-300
        assert kkt_violation(H, c, beta, lam, r) < 1e-12


def test_penalized_zeros_and_the_threshold():
    """λ ≥ 2‖Hc‖∞/r: everything exactly 0; just below, one coefficient moves off 0."""
    H, c = np.array([[2.0, 0.5], [0.5, 1.0]]), np.array([1.0, -3.0])
    loss = rx.QuadraticLoss(H, c)
    for r in RATIOS:
        top = lam_max(H, c, r)
        for lam in (top, 2.0 * top):
            beta = loss.penalized_minimum("elastic_net", lam, l1_ratio=r)
            assert beta.tolist() == [0.0, 0.0]
            assert not np.signbit(beta).any()
            assert loss.t_for_lam("elastic_net", lam, l1_ratio=r) == 0.0
        below = loss.penalized_minimum("elastic_net", 0.999 * top, l1_ratio=r)
        assert below[0] == 0.0
        assert below[1] < 0.0


def test_penalized_at_zero_is_the_center():
    loss = rx.QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 0.0])
    for norm, r in [("l1", None), ("l2", None), ("elastic_net", 0.5)]:
        np.testing.assert_array_equal(loss.penalized_minimum(norm, 0.0, l1_ratio=r), [5.0, 0.0])


def test_penalized_one_dimension_closed_form():
    """In 1-D: β = (hc − λr/2)/(h + λ(1 − r)) while positive, from 2h(β − c) + λ(r + 2(1 − r)β) = 0."""
    h, c, r = 3.0, 2.0, 0.25
    loss = rx.QuadraticLoss([[h]], [c])
    for lam in (0.5, 2.0, 10.0, 40.0):
        expected = max(h * c - lam * r / 2.0, 0.0) / (h + lam * (1.0 - r))
        assert loss.penalized_minimum("elastic_net", lam, l1_ratio=r)[0] == pytest.approx(expected, rel=1e-14)


# ---------------------------------------------------------------------------------------------------------------------
# 2. The constrained minimum against scipy.optimize (SLSQP) and its KKT conditions.

CASES_CON = random_cases(30, seed=202)
T_FRACTIONS = (0.1, 0.5, 0.9)  # of the center's own size


def scipy_constrained(H, c, r, t):
    """SLSQP on the smooth split β = u − v, u, v ≥ 0: r·Σ(u + v) + (1 − r)‖u − v‖² ≤ r·t + (1 − r)·t²."""
    p = c.size
    level = level_of(t, r)

    def fun(z):
        return loss_of(H, c, z[:p] - z[p:])

    def jac(z):
        g = 2.0 * H @ (z[:p] - z[p:] - c)
        return np.concatenate([g, -g])

    def slack(z):
        b = z[:p] - z[p:]
        return level - r * z.sum() - (1.0 - r) * b @ b

    def slack_jac(z):
        b = z[:p] - z[p:]
        return np.concatenate([-r - 2.0 * (1.0 - r) * b, -r + 2.0 * (1.0 - r) * b])

    result = minimize(
        fun,
        np.zeros(2 * p),
        jac=jac,
        method="SLSQP",
        bounds=[(0.0, None)] * (2 * p),
        constraints=[{"type": "ineq", "fun": slack, "jac": slack_jac}],
        options={"ftol": 1e-15, "maxiter": 2000},
    )
    # Status 8: no step improves the loss in floating point (the tight ftol); the comparisons judge the answer.
    assert result.status in (0, 8), result.message
    return result.x[:p] - result.x[p:]


@pytest.mark.parametrize("r", RATIOS)
@pytest.mark.parametrize("case", CASES_CON, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_CON)])
def test_constrained_vs_scipy(case, r):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    scale = np.abs(c).max()
    center_size = float(regions.size(c, "elastic_net", l1_ratio=r))
    for fraction in T_FRACTIONS:
        t = fraction * center_size
        beta = loss.constrained_minimum("elastic_net", t, l1_ratio=r)
        lam = loss.lam_for_t("elastic_net", t, l1_ratio=r)
        reference = scipy_constrained(H, c, r, t)
        level = level_of(t, r)
        assert penalty_of(beta, r) == pytest.approx(level, rel=1e-13)  # on the boundary
        assert penalty_of(reference, r) <= level * (1.0 + 1e-7)
        exact_loss, reference_loss = loss_of(H, c, beta), loss_of(H, c, reference)
        assert exact_loss == pytest.approx(reference_loss, rel=1e-8)
        # One-sided: the optimal loss is convex in the level with slope −λ, so a reference that overshoots the
        # level by δ can be better by at most λ·δ.
        overshoot = max(penalty_of(reference, r) - level, 0.0)
        assert exact_loss <= reference_loss + lam * overshoot + 1e-12 * reference_loss
        np.testing.assert_allclose(beta, reference, rtol=0.0, atol=1e-5 * scale)
        assert_zeros_agree(beta, reference, atol=1e-7 * scale)
        # The multiplier of the constraint is the penalty's λ.
        assert lam > 0.0
        assert kkt_violation(H, c, beta, lam, r) < 1e-11


@pytest.mark.parametrize("r", RATIOS)
def test_constrained_center_inside(r):
    H, c = random_cases(1, seed=3)[0]
    loss = rx.QuadraticLoss(H, c)
    center_size = float(regions.size(c, "elastic_net", l1_ratio=r))
    for t in (center_size, 1.5 * center_size):
        np.testing.assert_array_equal(loss.constrained_minimum("elastic_net", t, l1_ratio=r), c)
        assert loss.lam_for_t("elastic_net", t, l1_ratio=r) == 0.0


@pytest.mark.parametrize("r", RATIOS)
@pytest.mark.parametrize(
    ("center", "tip"),
    [([5.0, 0.01], [2.0, 0.0]), ([-5.0, -0.01], [-2.0, 0.0]), ([0.01, -5.0], [0.0, -2.0]), ([-0.05, 6.0], [0.0, 2.0])],
)
def test_constrained_tips_are_exact_zeros_shared_with_the_diamond(center, tip, r):
    """H = I: at the tip the gradient along the other axis, 2|c_j| ≤ 0.1, is below λr, so that coordinate is 0.0."""
    loss = rx.QuadraticLoss(np.eye(2), center)
    beta = loss.constrained_minimum("elastic_net", 2.0, l1_ratio=r)
    np.testing.assert_allclose(beta, tip, rtol=1e-15, atol=0.0)
    assert beta[np.asarray(tip) == 0.0].tolist() == [0.0]
    assert not np.signbit(beta[beta == 0.0]).any()
    np.testing.assert_array_equal(loss.constrained_minimum("l1", 2.0) == 0.0, beta == 0.0)
    # On that axis β = (|c| − λr/2)/(1 + λ(1 − r)) = 2: λ = (|c| − 2)/(r/2 + 2(1 − r)).
    expected = (np.abs(center).max() - 2.0) / (r / 2.0 + 2.0 * (1.0 - r))
    assert loss.lam_for_t("elastic_net", 2.0, l1_ratio=r) == pytest.approx(expected, rel=1e-13)


# ---------------------------------------------------------------------------------------------------------------------
# 3. λ ↔ t: the round trip, the identity of the two minima, monotonicity.

CASES_MAP = random_cases(12, seed=303)


@pytest.mark.parametrize("r", RATIOS)
@pytest.mark.parametrize("case", CASES_MAP, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_MAP)])
def test_round_trip_and_constrained_is_penalized(case, r):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    center_size = float(regions.size(c, "elastic_net", l1_ratio=r))
    for fraction in (0.01, 0.2, 0.7, 0.99):
        t = fraction * center_size
        lam = loss.lam_for_t("elastic_net", t, l1_ratio=r)
        assert loss.t_for_lam("elastic_net", lam, l1_ratio=r) == pytest.approx(t, rel=1e-13)
        # The constrained minimum is the penalized minimum at its λ, to the bit.
        np.testing.assert_array_equal(
            loss.constrained_minimum("elastic_net", t, l1_ratio=r), loss.penalized_minimum("elastic_net", lam, r)
        )
    for fraction in (0.01, 0.2, 0.7, 0.99):
        lam = fraction * lam_max(H, c, r)
        t = loss.t_for_lam("elastic_net", lam, l1_ratio=r)
        assert loss.lam_for_t("elastic_net", t, l1_ratio=r) == pytest.approx(lam, rel=1e-10)


@pytest.mark.parametrize("r", RATIOS)
@pytest.mark.parametrize("case", CASES_MAP[:6], ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_MAP[:6])])
def test_lambda_t_map_is_monotone(case, r):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    top = lam_max(H, c, r)
    center_size = float(regions.size(c, "elastic_net", l1_ratio=r))

    lams = np.concatenate([[0.0], np.geomspace(1e-3, 3.0, 25) * top])
    ts = np.array([loss.t_for_lam("elastic_net", lam, l1_ratio=r) for lam in lams])
    assert ts[0] == center_size
    assert np.all(np.diff(ts[lams < top]) < 0.0)
    assert np.all(ts[lams >= top] == 0.0)
    assert np.all(ts[lams < top] > 0.0)

    budgets = np.concatenate([np.geomspace(1e-4, 0.999, 20) * center_size, [center_size, 2.0 * center_size]])
    lams_back = np.array([loss.lam_for_t("elastic_net", t, l1_ratio=r) for t in budgets])
    inside = budgets >= center_size
    assert np.all(lams_back[inside] == 0.0)
    assert np.all(np.diff(lams_back[~inside]) < 0.0)
    assert np.all((lams_back[~inside] > 0.0) & (lams_back[~inside] < top))


# ---------------------------------------------------------------------------------------------------------------------
# 4. The limits r → 0 (L2) and r → 1 (L1).

CASES_LIMIT = random_cases(10, seed=404)


@pytest.mark.parametrize(("r", "norm"), [(1e-9, "l2"), (1.0 - 1e-9, "l1")])
@pytest.mark.parametrize("case", CASES_LIMIT, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_LIMIT)])
def test_limits_approach_l2_and_l1(case, r, norm):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    scale = np.abs(c).max()
    atol = 1e-6 * scale
    lam_scale = 2.0 * np.abs(H @ c).max()
    for fraction in (0.05, 0.3, 0.8):
        lam = fraction * lam_scale
        en, limit = loss.penalized_minimum("elastic_net", lam, r), loss.penalized_minimum(norm, lam)
        np.testing.assert_allclose(en, limit, rtol=0.0, atol=atol)
        if norm == "l1":
            np.testing.assert_array_equal(en == 0.0, limit == 0.0)
        t = fraction * float(regions.size(c, norm))
        en, limit = loss.constrained_minimum("elastic_net", t, r), loss.constrained_minimum(norm, t)
        np.testing.assert_allclose(en, limit, rtol=0.0, atol=atol)
        if norm == "l1":
            np.testing.assert_array_equal(en == 0.0, limit == 0.0)
        assert loss.lam_for_t("elastic_net", t, r) == pytest.approx(loss.lam_for_t(norm, t), rel=1e-6)


# ---------------------------------------------------------------------------------------------------------------------
# 5. The region: size and boundary.


@pytest.mark.parametrize("r", [1e-6, *RATIOS, 1.0 - 1e-6])
def test_region_between_diamond_and_disc_with_shared_tips(r):
    theta = np.linspace(0.0, 2.0 * np.pi, 721)
    t = 1.7
    points = regions.boundary("elastic_net", t, theta, l1_ratio=r)
    np.testing.assert_allclose([penalty_of(b, r) for b in points], level_of(t, r), rtol=1e-14)
    np.testing.assert_allclose(regions.size(points, "elastic_net", l1_ratio=r), t, rtol=1e-14)
    assert np.all(np.abs(points).sum(axis=1) >= t * (1.0 - 1e-14))  # outside the diamond
    assert np.all(np.hypot(*points.T) <= t * (1.0 + 1e-14))  # inside the disc
    tips = regions.boundary("elastic_net", t, np.pi / 2.0 * np.arange(4), l1_ratio=r)
    np.testing.assert_allclose(tips, t * regions.TIPS, rtol=0.0, atol=1e-15 * t)
    # The limits: the disc and the diamond.
    limit = "l2" if r < 0.5 else "l1"
    np.testing.assert_allclose(points, regions.boundary(limit, t, theta), rtol=0.0, atol=4.0 * min(r, 1.0 - r) * t)


def test_size_is_the_tip_of_the_region_through_beta():
    rng = np.random.default_rng(5)
    beta = rng.standard_normal((50, 3)) * 4.0
    for r in RATIOS:
        s = regions.size(beta, "elastic_net", l1_ratio=r)
        expected = [penalty_of(b, r) for b in beta]
        np.testing.assert_allclose(r * s + (1.0 - r) * s * s, expected, rtol=1e-14)
        assert np.all(s > 0.0)
    assert regions.size(np.zeros(2), "elastic_net", l1_ratio=0.5) == 0.0
    assert regions.size([-3.0, 0.0], "elastic_net", l1_ratio=0.3) == 3.0


def test_all_norms_keeps_the_figure_norms_apart():
    assert regions.NORMS == ("l1", "l2")
    assert regions.ALL_NORMS == ("l1", "l2", "elastic_net")


# ---------------------------------------------------------------------------------------------------------------------
# 6. Bad inputs: the message names the argument.

LOSS = rx.QuadraticLoss([[2.0, 0.3], [0.3, 1.0]], [1.0, -2.0])
METHODS = {
    "penalized_minimum": lambda norm, r: LOSS.penalized_minimum(norm, 1.0, l1_ratio=r),
    "constrained_minimum": lambda norm, r: LOSS.constrained_minimum(norm, 1.0, l1_ratio=r),
    "lam_for_t": lambda norm, r: LOSS.lam_for_t(norm, 1.0, l1_ratio=r),
    "t_for_lam": lambda norm, r: LOSS.t_for_lam(norm, 1.0, l1_ratio=r),
    "size": lambda norm, r: regions.size([1.0, 2.0], norm, l1_ratio=r),
    "boundary": lambda norm, r: regions.boundary(norm, 1.0, 0.3, l1_ratio=r),
}
BAD = {
    "text": (("elastic_net", "half"), TypeError, r"l1_ratio must be a real number"),
    "bool": (("elastic_net", True), TypeError, r"l1_ratio must be a real number"),
    "nan": (("elastic_net", float("nan")), ValueError, r"l1_ratio must be a finite number"),
    "inf": (("elastic_net", float("inf")), ValueError, r"l1_ratio must be a finite number"),
    "zero": (("elastic_net", 0.0), ValueError, r"l1_ratio must be in the open interval \(0, 1\)"),
    "one": (("elastic_net", 1.0), ValueError, r"l1_ratio must be in the open interval \(0, 1\)"),
    "negative": (("elastic_net", -0.2), ValueError, r"l1_ratio must be in the open interval"),
    "above": (("elastic_net", 1.5), ValueError, r"l1_ratio must be in the open interval"),
    "missing": (("elastic_net", None), ValueError, r"l1_ratio is required for norm='elastic_net'"),
    "with-l1": (("l1", 0.5), ValueError, r"l1_ratio applies to norm='elastic_net' only"),
    "with-l2": (("l2", 0.5), ValueError, r"l1_ratio applies to norm='elastic_net' only"),
    "norm": (("elastic-net", 0.5), ValueError, r"norm must be one of 'l1', 'l2', 'elastic_net'"),
}


@pytest.mark.parametrize(
    ("method", "arguments", "error", "match"),
    [pytest.param(m, *bad, id=f"{name}-{label}") for name, m in METHODS.items() for label, bad in BAD.items()],
)
def test_bad_l1_ratio_or_norm(method, arguments, error, match):
    with pytest.raises(error, match=match):
        method(*arguments)


@pytest.mark.parametrize(
    ("call", "error", "match"),
    [
        (lambda: LOSS.penalized_minimum("elastic_net", -1.0, l1_ratio=0.5), ValueError, r"lam must be"),
        (lambda: LOSS.penalized_minimum("elastic_net", float("nan"), l1_ratio=0.5), ValueError, r"lam must be"),
        (lambda: LOSS.constrained_minimum("elastic_net", 0.0, l1_ratio=0.5), ValueError, r"t must be"),
        (lambda: LOSS.lam_for_t("elastic_net", "1", l1_ratio=0.5), TypeError, r"t must be a real number"),
    ],
    ids=["lam-negative", "lam-nan", "t-zero", "t-text"],
)
def test_bad_lam_or_t(call, error, match):
    with pytest.raises(error, match=match):
        call()
