"""QuadraticLoss against brute force, scipy.optimize, scikit-learn, closed forms and KKT conditions computed here."""

import functools

import numpy as np
import pytest
from scipy.optimize import minimize
from sklearn.linear_model import Lasso

import regexplain as rx
from regexplain.math import paths

NORMS = ("l1", "l2")
T = 2.0  # the budget of the brute-force and scipy comparisons
N_BOUNDARY = 200_000  # samples of the circle / diamond boundary (a multiple of 4: the diamond's tips are samples)


# ---------------------------------------------------------------------------------------------------------------------
# Independent helpers: the loss, the norms and the optimality conditions, written out here.


def norm_of(beta, norm):
    return float(np.abs(beta).sum()) if norm == "l1" else float(np.sqrt(beta @ beta))


def loss_of(H, c, beta, floor=0.0):
    delta = np.asarray(beta, dtype=float) - c
    return floor + np.einsum("...i,ij,...j->...", delta, H, delta)


def loss_change(H, c, origin, beta):
    """loss(beta) − loss(origin), written so that rounding scales with the change, not with the loss."""
    d = np.asarray(beta, dtype=float) - origin
    return np.einsum("...i,ij,...j->...", d, H, d) + 2.0 * d @ (H @ (origin - c))


def random_spd(rng, p):
    """A positive definite matrix with condition number up to ~1e3 and a random orientation."""
    Q, _ = np.linalg.qr(rng.standard_normal((p, p)))
    H = (Q * 10.0 ** rng.uniform(-1.5, 1.5, p)) @ Q.T
    return (H + H.T) / 2.0


def random_2d_cases(n, seed):
    """The simulation's general 2-D losses: H = [[a, c/2], [c/2, b]], a, b ~ U(0, 10), c ~ U(−2, 2), kept only if PD.

    Centers: every 5th is inside both regions (U(−1, 1)², so ‖·‖₁ ≤ 2), every 5th is U(−2, 2)² (either side of
    the boundary), the rest U(−10, 10)² (almost always outside).
    """
    rng = np.random.default_rng(seed)
    cases = []
    while len(cases) < n:
        a, b = rng.uniform(0.0, 10.0, 2)
        off = rng.uniform(-2.0, 2.0)
        H = np.array([[a, off / 2.0], [off / 2.0, b]])
        if np.linalg.eigvalsh(H)[0] <= 0.0:
            continue
        half_width = (1.0, 2.0, 10.0, 10.0, 10.0)[len(cases) % 5]
        cases.append((H, rng.uniform(-half_width, half_width, 2)))
    return cases


def random_cases(ps, per_p, seed, inside_every=4):
    """Random losses in p dimensions; every ``inside_every``-th center is small enough to be inside the budget T."""
    rng = np.random.default_rng(seed)
    cases = []
    for p in ps:
        for i in range(per_p):
            H = random_spd(rng, p)
            half_width = T / (2.0 * p) if i % inside_every == 0 else 10.0
            cases.append((H, rng.uniform(-half_width, half_width, p)))
    return cases


def kkt_multiplier(H, c, beta, norm, t):
    """The multiplier μ ≥ 0 of ``‖β‖ ≤ t`` at ``beta`` and the largest violation of ``2H(β − c) + μ·∂‖β‖ ∋ 0``.

    Both relative to the size of the gradient at 0 (the data scale).
    """
    g = 2.0 * H @ (beta - c)
    scale = max(1.0, np.abs(2.0 * H @ c).max())
    if norm_of(beta, norm) < t * (1.0 - 1e-9):  # inactive constraint: the gradient itself must vanish
        return 0.0, np.abs(g).max() / scale
    if norm == "l2":
        unit = beta / np.linalg.norm(beta)
        mu = -g @ unit  # the radial component
        return mu / scale, np.abs(g + mu * unit).max() / scale
    nonzero = beta != 0.0
    signs = np.sign(beta[nonzero])
    mu = float(np.mean(-g[nonzero] * signs))
    violation = np.abs(g[nonzero] + mu * signs).max()
    if not nonzero.all():
        violation = max(violation, max(np.abs(g[~nonzero]).max() - mu, 0.0))
    return mu / scale, violation / scale


def case_id(case):
    c = case[1]
    return f"p{c.size}-|c|{np.linalg.norm(c):.2f}"


# ---------------------------------------------------------------------------------------------------------------------
# 1. Constrained minima against brute force (p = 2) and scipy.optimize (p = 3..6).


def boundary(norm, t, s):
    """Points of the circle / diamond of size ``t`` at parameter ``s`` (period 4; the diamond's tips at 0, 1, 2, 3)."""
    s = np.mod(s, 4.0)
    if norm == "l2":
        angle = 0.5 * np.pi * s
        return t * np.stack([np.cos(angle), np.sin(angle)], axis=-1)
    tips = t * np.array([[1.0, 0.0], [0.0, 1.0], [-1.0, 0.0], [0.0, -1.0], [1.0, 0.0]])
    edge = np.minimum(np.floor(s).astype(int), 3)
    fraction = (s - edge)[:, None]
    return (1.0 - fraction) * tips[edge] + fraction * tips[edge + 1]


@functools.cache
def coarse_boundary(norm, t):
    k = np.arange(N_BOUNDARY)
    quarter = N_BOUNDARY // 4
    s = k // quarter + (k % quarter) / quarter  # the tips are exact samples
    points = boundary(norm, t, s)
    x, y = points.T
    return s, points, np.column_stack([x * x, x * y, y * y, x, y])


def brute_force_boundary(H, c, norm, t):
    """Best of ``N_BOUNDARY`` evenly spaced boundary points, refined by four rounds of zooming in on the best one.

    Returns the coarse best point (the origin of the loss changes), the refined best point, its loss change, and
    the spread: the largest distance from the best point of the nearby samples whose loss is within rounding of
    the best, i.e. how tightly the samples can pin the minimizer down. (A computed boundary point is off the exact
    boundary by rounding, which moves its loss by about ε·t·‖gradient‖.)
    """
    s, points, features = coarse_boundary(norm, t)
    # loss − floor − cᵀHc = βᵀHβ − 2(Hc)ᵀβ, as one matrix-vector product over the samples.
    q = H @ c
    values = features @ np.array([H[0, 0], 2.0 * H[0, 1], H[1, 1], -2.0 * q[0], -2.0 * q[1]])
    best_s, origin = s[np.argmin(values)], points[np.argmin(values)]
    half_width = 8.0 / N_BOUNDARY  # two coarse steps
    for _ in range(4):
        s = best_s + np.linspace(-half_width, half_width, 2001)
        points = boundary(norm, t, s)
        changes = loss_change(H, c, origin, points)
        i = np.argmin(changes)
        best_s, best, best_change = s[i], points[i], changes[i]
        half_width /= 500.0
    s = best_s + np.linspace(-1e-5, 1e-5, 4001)
    points = boundary(norm, t, s)
    changes = loss_change(H, c, origin, points)
    rounding = 16 * np.finfo(float).eps * (1.0 + t * np.abs(2.0 * H @ (origin - c)).sum())
    near = points[changes <= best_change + rounding]
    spread = np.abs(near - best).max(initial=0.0)
    return origin, best, float(best_change), float(spread)


CASES_2D = random_2d_cases(150, seed=20240601)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_2D, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_2D)])
def test_2d_constrained_minimum_vs_brute_force(case, norm):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    beta = loss.constrained_minimum(norm, T)
    origin, best, best_change, spread = brute_force_boundary(H, c, norm, T)
    # No boundary sample is better than the answer (up to rounding of loss changes near the minimum).
    answer_change = loss_change(H, c, origin, beta)
    tolerance = 1e-12 * (1.0 + loss_of(H, c, origin))
    assert answer_change <= best_change + tolerance
    if norm_of(c, norm) > T:
        # The minimum is unique (strictly convex loss, convex region) and on the boundary: the samples find it.
        np.testing.assert_allclose(beta, best, rtol=0.0, atol=1e-6 + spread)
    else:
        np.testing.assert_array_equal(beta, c)


def scipy_constrained(H, c, norm, t):
    """SLSQP on the smooth form: ``t² − ‖β‖² ≥ 0`` for L2; for L1 the split β = u − v, u, v ≥ 0, Σ(u + v) ≤ t."""
    p = c.size
    options = {"ftol": 1e-15, "maxiter": 2000}
    if norm == "l2":
        result = minimize(
            lambda b: loss_of(H, c, b),
            np.zeros(p),
            jac=lambda b: 2.0 * H @ (b - c),
            method="SLSQP",
            constraints=[{"type": "ineq", "fun": lambda b: t**2 - b @ b, "jac": lambda b: -2.0 * b}],
            options=options,
        )
        beta = result.x
    else:

        def fun(z):
            return loss_of(H, c, z[:p] - z[p:])

        def jac(z):
            g = 2.0 * H @ (z[:p] - z[p:] - c)
            return np.concatenate([g, -g])

        result = minimize(
            fun,
            np.zeros(2 * p),
            jac=jac,
            method="SLSQP",
            bounds=[(0.0, None)] * (2 * p),
            constraints=[{"type": "ineq", "fun": lambda z: t - z.sum(), "jac": lambda z: -np.ones(2 * p)}],
            options=options,
        )
        beta = result.x[:p] - result.x[p:]
    # Status 8 ("positive directional derivative for linesearch") is SLSQP stopping because no step improves the
    # loss in floating point, which the tight ftol makes common; the comparisons below judge the answer anyway.
    assert result.status in (0, 8), result.message
    assert norm_of(beta, norm) <= t * (1.0 + 1e-7)
    return beta


CASES_ND = random_cases(range(3, 7), per_p=12, seed=7)


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_ND, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_ND)])
def test_constrained_minimum_vs_scipy(case, norm):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    beta = loss.constrained_minimum(norm, T)
    reference = scipy_constrained(H, c, norm, T)
    exact_loss, reference_loss = loss_of(H, c, beta), loss_of(H, c, reference)
    assert exact_loss == pytest.approx(reference_loss, rel=1e-8, abs=1e-10)
    np.testing.assert_allclose(beta, reference, rtol=0.0, atol=1e-5)
    # Sharper, one-sided: the optimal loss V(t) is convex in t with slope −μ, so a reference that overshoots the
    # budget by δ can be better by at most μ·δ (μ = λ for L1, 2λt for L2).
    lam = loss.lam_for_t(norm, T)
    mu = lam if norm == "l1" else 2.0 * lam * T
    overshoot = max(norm_of(reference, norm) - T, 0.0)
    assert exact_loss <= reference_loss + mu * overshoot + 1e-12 * (1.0 + reference_loss)


# ---------------------------------------------------------------------------------------------------------------------
# 2-3. Feasibility, activity and the KKT conditions of the constrained problem.

CASES_KKT = random_cases(range(1, 7), per_p=6, seed=11, inside_every=3)


def constrained(case, norm, t):
    """The loss of a case, its constrained minimum for the budget t, and the λ that matches it."""
    loss = rx.QuadraticLoss(*case)
    return loss, loss.constrained_minimum(norm, t), loss.lam_for_t(norm, t)


@pytest.mark.parametrize("t", [0.05, 0.5, T, 8.0])
@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_KKT, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_KKT)])
def test_constrained_minimum_feasible_active_and_kkt(case, norm, t):
    H, c = case
    _, beta, lam = constrained(case, norm, t)
    assert norm_of(beta, norm) <= t + 1e-12
    if norm_of(c, norm) <= t:
        np.testing.assert_array_equal(beta, c)
        assert lam == 0.0
        return
    assert norm_of(beta, norm) == pytest.approx(t, rel=0.0, abs=1e-10)
    mu, violation = kkt_multiplier(H, c, beta, norm, t)
    assert mu > 0.0
    assert violation < 1e-9
    # The multiplier of the norm is the penalty's λ: λ·∂‖β‖₁ for L1, λ·∇‖β‖₂² = 2λt·β/‖β‖ for L2.
    scale = max(1.0, np.abs(2.0 * H @ c).max())
    expected = lam if norm == "l1" else 2.0 * lam * t
    assert mu * scale == pytest.approx(expected, rel=1e-9)
    if norm == "l1":
        assert not np.signbit(beta[beta == 0.0]).any()  # zeros are +0.0


# ---------------------------------------------------------------------------------------------------------------------
# 4. Exact zeros at the diamond's tips and faces; the disc has none.


@pytest.mark.parametrize(
    ("center", "expected"),
    [
        ([5.0, 0.1], [2.0, 0.0]),
        ([-5.0, -0.1], [-2.0, 0.0]),
        ([0.1, -5.0], [0.0, -2.0]),
        ([-0.1, 5.0], [0.0, 2.0]),
        ([5.0, 3.0], [2.0, 0.0]),  # the second coordinate leaves the support exactly at this t (|g₂| = μ)
        ([5.0, 4.0, 0.1], [1.5, 0.5, 0.0]),  # on an edge of the octahedron
        ([-5.0, 0.1, 4.0, -0.05], [-1.5, 0.0, 0.5, 0.0]),
    ],
)
def test_l1_tips_and_faces_are_exact_zeros(center, expected):
    loss = rx.QuadraticLoss(np.eye(len(center)), center)
    beta = loss.constrained_minimum("l1", 2.0)
    np.testing.assert_array_equal(beta, expected)
    assert not np.signbit(beta[beta == 0.0]).any()


def test_l1_tip_versus_l2_disc():
    loss = rx.QuadraticLoss(np.eye(2), [5.0, 0.1])
    tip = loss.constrained_minimum("l1", 2.0)
    assert tip[1] == 0.0
    assert not np.signbit(tip[1])
    assert loss.lam_for_t("l1", 2.0) == 6.0  # 2(5 − 2): the gradient at the tip
    disc = loss.constrained_minimum("l2", 2.0)
    assert disc[1] > 0.0
    np.testing.assert_allclose(disc, 2.0 * np.array([5.0, 0.1]) / np.hypot(5.0, 0.1), rtol=1e-14)  # H = I: projection


def test_l1_penalized_zeros_are_positive_zero():
    loss = rx.QuadraticLoss([[2.0, 0.3], [0.3, 1.0]], [-4.0, -0.2])
    beta = loss.penalized_minimum("l1", 3.0)
    assert beta[1] == 0.0
    assert not np.signbit(beta[1])
    everything = loss.penalized_minimum("l1", 1e6)
    np.testing.assert_array_equal(everything, [0.0, 0.0])
    assert not np.signbit(everything).any()


# ---------------------------------------------------------------------------------------------------------------------
# 5. Penalized ↔ constrained, closed forms and scikit-learn.

CASES_PEN = random_cases(range(1, 7), per_p=3, seed=5, inside_every=99)
LAM_FRACTIONS = (0.0, 0.01, 0.1, 0.5, 0.9)  # of the L1 λ_max, or of the largest eigenvalue for L2


def lam_grid(H, c, norm):
    top = 2.0 * np.abs(H @ c).max() if norm == "l1" else 10.0 * np.linalg.eigvalsh(H)[-1]
    return [f * top for f in LAM_FRACTIONS]


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_penalized_equals_constrained_at_t_for_lam(case, norm):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    for lam in lam_grid(H, c, norm):
        penalized = loss.penalized_minimum(norm, lam)
        t = loss.t_for_lam(norm, lam)
        assert t == pytest.approx(norm_of(penalized, norm), rel=1e-15)
        constrained = loss.constrained_minimum(norm, t)
        np.testing.assert_allclose(constrained, penalized, rtol=0.0, atol=1e-9 * (1.0 + np.abs(c).max()))
        if lam > 0.0:
            assert loss.lam_for_t(norm, t) == pytest.approx(lam, rel=1e-8)


@pytest.mark.parametrize("t", [0.1, 1.0, 3.0, 10.0])
@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_constrained_equals_penalized_at_lam_for_t(case, norm, t):
    c = case[1]
    loss, beta, lam = constrained(case, norm, t)
    penalized = loss.penalized_minimum(norm, lam)
    np.testing.assert_allclose(penalized, beta, rtol=0.0, atol=1e-10 * (1.0 + np.abs(c).max()))
    assert loss.t_for_lam(norm, lam) == pytest.approx(min(t, norm_of(c, norm)), rel=1e-9)


@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_l2_penalized_closed_form(case):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    for lam in lam_grid(H, c, "l2"):
        expected = np.linalg.solve(H + lam * np.eye(c.size), H @ c)
        np.testing.assert_allclose(loss.penalized_minimum("l2", lam), expected, rtol=1e-10, atol=1e-12)


def lasso_design(H, c):
    """X, y with XᵀX/n = H and y = Xc, so that (1/n)‖y − Xβ‖² is exactly (β − c)ᵀH(β − c)."""
    n = c.size
    X = np.sqrt(n) * np.linalg.cholesky(H).T
    return X, X @ c


@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_l1_penalized_vs_sklearn_lasso(case):
    H, c = case
    X, y = lasso_design(H, c)
    np.testing.assert_allclose(X.T @ X / c.size, H, rtol=1e-12, atol=1e-12)
    loss = rx.QuadraticLoss(H, c)
    for lam in lam_grid(H, c, "l1")[1:]:
        # scikit-learn minimizes (1/2n)‖y − Xw‖² + α‖w‖₁: twice that is our objective with λ = 2α.
        model = Lasso(alpha=lam / 2.0, fit_intercept=False, tol=1e-14, max_iter=1_000_000).fit(X, y)
        beta = loss.penalized_minimum("l1", lam)
        np.testing.assert_allclose(beta, model.coef_, rtol=0.0, atol=1e-8 * (1.0 + np.abs(c).max()))
        objective = loss_of(H, c, beta) + lam * np.abs(beta).sum()
        reference = loss_of(H, c, model.coef_) + lam * np.abs(model.coef_).sum()
        assert objective <= reference * (1.0 + 1e-13) + 1e-13


@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_penalized_kkt(case):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    scale = max(1.0, np.abs(2.0 * H @ c).max())
    for norm in NORMS:
        for lam in lam_grid(H, c, norm):
            beta = loss.penalized_minimum(norm, lam)
            g = 2.0 * H @ (beta - c)
            if norm == "l2":
                assert np.abs(g + 2.0 * lam * beta).max() / scale < 1e-12
            else:
                nonzero = beta != 0.0
                assert np.abs(g[nonzero] + lam * np.sign(beta[nonzero])).max(initial=0.0) / scale < 1e-11
                assert (np.abs(g[~nonzero]) - lam).max(initial=0.0) / scale < 1e-11


def test_l1_at_and_beyond_lambda_max_is_zero():
    H, c = np.array([[2.0, 0.5], [0.5, 1.0]]), np.array([1.0, -3.0])
    loss = rx.QuadraticLoss(H, c)
    lam_max = 2.0 * np.abs(H @ c).max()
    for lam in (lam_max, 2.0 * lam_max):
        np.testing.assert_array_equal(loss.penalized_minimum("l1", lam), [0.0, 0.0])
        assert loss.t_for_lam("l1", lam) == 0.0
    assert loss.t_for_lam("l1", 0.999 * lam_max) > 0.0


@pytest.mark.parametrize("scale", [1e-12, 1e-10, 1e-6, 1e6, 1e9])
@pytest.mark.parametrize("norm", NORMS)
def test_minima_do_not_depend_on_the_scale_of_the_loss(norm, scale):
    """Multiplying H by s leaves every constrained minimum unchanged and multiplies every λ by s."""
    for H, c in [*CASES_PEN[::3], (np.array([[0.25, -0.4], [-0.4, 1.0]]), np.array([2.0, -2.0]))]:
        loss, scaled = rx.QuadraticLoss(H, c), rx.QuadraticLoss(scale * H, c)
        atol = 1e-9 * (1.0 + np.abs(c).max())
        for t in (0.5, 2.0):
            np.testing.assert_allclose(
                scaled.constrained_minimum(norm, t), loss.constrained_minimum(norm, t), rtol=0.0, atol=atol
            )
            assert scaled.lam_for_t(norm, t) == pytest.approx(scale * loss.lam_for_t(norm, t), rel=1e-8)
        for lam in lam_grid(H, c, norm):
            np.testing.assert_allclose(
                scaled.penalized_minimum(norm, scale * lam), loss.penalized_minimum(norm, lam), rtol=0.0, atol=atol
            )


# The smallest reproductions of the scale dependence above (expected values checked by hand from the KKT).


@pytest.mark.parametrize("scale", [1.0, 1e-12])
def test_l1_penalized_minimum_of_a_small_scale_loss(scale):
    loss = rx.QuadraticLoss(scale * np.array([[0.25, -0.4], [-0.4, 1.0]]), [2.0, -2.0])
    # At β = (0, −2.3), g = 2H(β − c) = (−0.76, 1)·scale: |g₁| < λ and g₂ = λ for λ = scale.
    np.testing.assert_allclose(loss.penalized_minimum("l1", scale * 1.0), [0.0, -2.3], rtol=0.0, atol=1e-12)


@pytest.mark.parametrize("scale", [1.0, 1e-12])
def test_l1_constrained_minimum_of_a_small_scale_loss(scale):
    loss = rx.QuadraticLoss(scale * np.array([[0.68, 0.3], [0.3, 1.17]]), [2.0, -2.0])
    # At β = (0.2, −0.8), ‖β‖₁ = 1 and g = (−1.728, 1.728)·scale = −μ·sign(β) with μ = 1.728·scale.
    np.testing.assert_allclose(loss.constrained_minimum("l1", 1.0), [0.2, -0.8], rtol=0.0, atol=1e-12)
    assert loss.lam_for_t("l1", 1.0) == pytest.approx(1.728 * scale, rel=1e-12)


# ---------------------------------------------------------------------------------------------------------------------
# 6. The λ ↔ t map is monotone.


@pytest.mark.parametrize("norm", NORMS)
@pytest.mark.parametrize("case", CASES_PEN, ids=[f"{i}-{case_id(c)}" for i, c in enumerate(CASES_PEN)])
def test_lambda_t_map_is_monotone(case, norm):
    H, c = case
    loss = rx.QuadraticLoss(H, c)
    size = norm_of(c, norm)
    lam_max = 2.0 * np.abs(H @ c).max()

    lams = np.concatenate([[0.0], np.geomspace(1e-3, 1e1, 15) * lam_max])
    ts = np.array([loss.t_for_lam(norm, lam) for lam in lams])
    assert ts[0] == pytest.approx(size, rel=1e-12)
    assert np.all(np.diff(ts) <= 0.0)
    positive = ts > 0.0
    assert np.all(np.diff(ts[positive]) < 0.0)
    if norm == "l1":
        assert np.all(ts[lams >= lam_max] == 0.0)
        assert np.all(ts[lams < lam_max] > 0.0)
    else:
        assert positive.all()

    budgets = np.concatenate([np.linspace(0.05, 0.95, 8) * size, [size], [1.5 * size, 10.0 * size]])
    lams_back = np.array([loss.lam_for_t(norm, t) for t in budgets])
    inside = budgets >= size
    assert np.all(lams_back[inside] == 0.0)
    assert np.all(lams_back[~inside] > 0.0)
    assert np.all(np.diff(lams_back[~inside]) < 0.0)
    assert np.all(np.diff(lams_back) <= 0.0)
    assert loss.lam_for_t(norm, 1e-6 * size) < (lam_max if norm == "l1" else np.inf)


# ---------------------------------------------------------------------------------------------------------------------
# 7. One dimension.


def test_one_dimension_wall():
    loss = rx.QuadraticLoss([[1.0]], [2.0])
    for norm in NORMS:
        beta = loss.constrained_minimum(norm, 1.0)
        assert beta.shape == (1,)
        assert beta.tolist() == [1.0]
        np.testing.assert_array_equal(loss.constrained_minimum(norm, 3.0), [2.0])
        np.testing.assert_array_equal(loss.constrained_minimum(norm, 2.0), [2.0])
    assert loss.lam_for_t("l1", 1.0) == pytest.approx(2.0)  # β = c − λ/2
    assert loss.lam_for_t("l2", 1.0) == pytest.approx(1.0)  # β = c/(1 + λ)
    np.testing.assert_array_equal(rx.QuadraticLoss([[1.0]], [-2.0]).constrained_minimum("l1", 0.5), [-0.5])
    np.testing.assert_array_equal(loss.penalized_minimum("l1", 5.0), [0.0])
    np.testing.assert_allclose(loss.penalized_minimum("l2", 1.0), [1.0], rtol=1e-15)


# ---------------------------------------------------------------------------------------------------------------------
# 8. Bad inputs.

GOOD_H = [[2.0, 0.5], [0.5, 1.0]]
GOOD_C = [1.0, -1.0]


def good_loss():
    return rx.QuadraticLoss(GOOD_H, GOOD_C)


Q = rx.QuadraticLoss


@pytest.mark.parametrize(
    ("make", "error", "name"),
    [
        pytest.param(lambda: Q([[1.0, 0.5], [0.4, 1.0]], GOOD_C), ValueError, "hessian", id="asymmetric"),
        pytest.param(lambda: Q([[1.0, 2.0], [2.0, 1.0]], GOOD_C), ValueError, "hessian", id="indefinite"),
        pytest.param(lambda: Q([[1.0, 1.0], [1.0, 1.0]], GOOD_C), ValueError, "hessian", id="singular"),
        pytest.param(lambda: Q([[0.0, 0.0], [0.0, 0.0]], GOOD_C), ValueError, "hessian", id="zero"),
        pytest.param(lambda: Q(-np.eye(2), GOOD_C), ValueError, "hessian", id="negative"),
        pytest.param(lambda: Q(np.ones((2, 3)), GOOD_C), ValueError, "hessian", id="not-square"),
        pytest.param(lambda: Q([1.0, 2.0], GOOD_C), ValueError, "hessian", id="hessian-1d"),
        pytest.param(lambda: Q(np.eye(2)[None], GOOD_C), ValueError, "hessian", id="hessian-3d"),
        pytest.param(lambda: Q(np.empty((0, 0)), []), ValueError, "hessian", id="empty"),
        pytest.param(lambda: Q([[1.0, np.nan], [np.nan, 1.0]], GOOD_C), ValueError, "hessian", id="nan"),
        pytest.param(lambda: Q([[np.inf, 0.0], [0.0, 1.0]], GOOD_C), ValueError, "hessian", id="inf"),
        pytest.param(lambda: Q([["a", "b"], ["c", "d"]], GOOD_C), TypeError, "hessian", id="strings"),
        pytest.param(lambda: Q(GOOD_H, [1.0, 2.0, 3.0]), ValueError, "center", id="center-long"),
        pytest.param(lambda: Q(GOOD_H, [1.0]), ValueError, "center", id="center-short"),
        pytest.param(lambda: Q(GOOD_H, [[1.0], [2.0]]), ValueError, "center", id="center-2d"),
        pytest.param(lambda: Q(GOOD_H, [1.0, np.nan]), ValueError, "center", id="center-nan"),
        pytest.param(lambda: Q(GOOD_H, [np.inf, 0.0]), ValueError, "center", id="center-inf"),
        pytest.param(lambda: Q(GOOD_H, "ab"), TypeError, "center", id="center-string"),
        pytest.param(lambda: Q(GOOD_H, GOOD_C, floor=np.nan), ValueError, "floor", id="floor-nan"),
        pytest.param(lambda: Q(GOOD_H, GOOD_C, floor="0"), TypeError, "floor", id="floor-string"),
        pytest.param(lambda: good_loss().constrained_minimum("l1", 0.0), ValueError, "t", id="t-zero"),
        pytest.param(lambda: good_loss().constrained_minimum("l2", -1.0), ValueError, "t", id="t-negative"),
        pytest.param(lambda: good_loss().constrained_minimum("l1", np.nan), ValueError, "t", id="t-nan"),
        pytest.param(lambda: good_loss().constrained_minimum("l2", np.inf), ValueError, "t", id="t-inf"),
        pytest.param(lambda: good_loss().constrained_minimum("l1", "1"), TypeError, "t", id="t-string"),
        pytest.param(lambda: good_loss().constrained_minimum("l1", True), TypeError, "t", id="t-bool"),
        pytest.param(lambda: good_loss().lam_for_t("l2", 0.0), ValueError, "t", id="lam_for_t-zero"),
        pytest.param(lambda: good_loss().lam_for_t("l1", np.nan), ValueError, "t", id="lam_for_t-nan"),
        pytest.param(lambda: good_loss().penalized_minimum("l1", -0.1), ValueError, "lam", id="lam-negative"),
        pytest.param(lambda: good_loss().penalized_minimum("l2", -0.1), ValueError, "lam", id="lam-negative-l2"),
        pytest.param(lambda: good_loss().penalized_minimum("l2", np.nan), ValueError, "lam", id="lam-nan"),
        pytest.param(lambda: good_loss().penalized_minimum("l1", np.inf), ValueError, "lam", id="lam-inf"),
        pytest.param(lambda: good_loss().penalized_minimum("l1", None), TypeError, "lam", id="lam-none"),
        pytest.param(lambda: good_loss().t_for_lam("l1", -1.0), ValueError, "lam", id="t_for_lam-negative"),
        pytest.param(lambda: good_loss().constrained_minimum("l3", 1.0), ValueError, "norm", id="norm-l3"),
        pytest.param(lambda: good_loss().constrained_minimum("L1", 1.0), ValueError, "norm", id="norm-upper"),
        pytest.param(lambda: good_loss().penalized_minimum(1, 1.0), ValueError, "norm", id="norm-int"),
        pytest.param(lambda: good_loss().lam_for_t("linf", 1.0), ValueError, "norm", id="lam_for_t-norm"),
        pytest.param(lambda: good_loss().t_for_lam("l0", 1.0), ValueError, "norm", id="t_for_lam-norm"),
        pytest.param(lambda: good_loss()([1.0, 2.0, 3.0]), ValueError, "beta", id="call-long"),
        pytest.param(lambda: good_loss()(np.zeros((4, 3))), ValueError, "beta", id="call-grid"),
        pytest.param(lambda: good_loss()(1.0), ValueError, "beta", id="call-scalar"),
        pytest.param(lambda: good_loss()([np.nan, 0.0]), ValueError, "beta", id="call-nan"),
        pytest.param(lambda: good_loss().gradient([1.0]), ValueError, "beta", id="gradient-short"),
        pytest.param(lambda: good_loss().gradient(np.zeros((2, 5))), ValueError, "beta", id="gradient-grid"),
        pytest.param(lambda: good_loss().gradient("ab"), TypeError, "beta", id="gradient-string"),
    ],
)
def test_bad_inputs(make, error, name):
    with pytest.raises(error, match=rf"^{name} must "):
        make()


def test_caller_arrays_are_left_writeable():
    H, c = np.array(GOOD_H), np.array(GOOD_C)
    rx.QuadraticLoss(H, c)
    assert H.flags.writeable
    assert c.flags.writeable


def test_later_changes_to_caller_arrays_do_not_reach_the_loss():
    # Views: writeable even if the loss freezes the arrays it was given, so a change to the base reaches them.
    base_H, base_c = np.array([[2.0, 0.5, 9.0], [0.5, 1.0, 9.0]]), np.array([1.0, -1.0, 0.0])
    loss = rx.QuadraticLoss(base_H[:, :2], base_c[:2])
    before = [loss.constrained_minimum(norm, 0.5) for norm in NORMS]
    base_H[0, 0], base_c[0] = 50.0, 10.0
    np.testing.assert_array_equal(loss.hessian, GOOD_H)
    np.testing.assert_array_equal(loss.center, GOOD_C)
    assert loss([0.0, 0.0]) == loss_of(np.array(GOOD_H), np.array(GOOD_C), np.zeros(2))
    for norm, beta in zip(NORMS, before, strict=True):
        np.testing.assert_array_equal(loss.constrained_minimum(norm, 0.5), beta)


def test_loss_arrays_are_read_only_and_answers_are_fresh():
    loss = good_loss()
    assert loss.p == 2
    with pytest.raises(ValueError, match="read-only"):
        loss.center[0] = 5.0
    with pytest.raises(ValueError, match="read-only"):
        loss.hessian[0, 0] = 5.0
    inside = loss.constrained_minimum("l2", 10.0)
    inside[0] = 7.0  # the answer is the caller's to change
    np.testing.assert_array_equal(loss.constrained_minimum("l2", 10.0), GOOD_C)
    np.testing.assert_array_equal(loss.center, GOOD_C)


def test_floor_changes_values_not_minima():
    plain, lifted = rx.QuadraticLoss(GOOD_H, GOOD_C), rx.QuadraticLoss(GOOD_H, GOOD_C, floor=3.5)
    for norm in NORMS:
        np.testing.assert_array_equal(plain.constrained_minimum(norm, 0.7), lifted.constrained_minimum(norm, 0.7))
        np.testing.assert_array_equal(plain.penalized_minimum(norm, 0.7), lifted.penalized_minimum(norm, 0.7))
    assert lifted(GOOD_C) == 3.5
    np.testing.assert_array_equal(lifted.gradient([0.3, 0.2]), plain.gradient([0.3, 0.2]))


# ---------------------------------------------------------------------------------------------------------------------
# 9. Values and gradients.


@pytest.mark.parametrize("p", [1, 2, 5])
def test_call_and_gradient_on_grids(p):
    rng = np.random.default_rng(p)
    H, c, floor = random_spd(rng, p), rng.uniform(-3.0, 3.0, p), 1.25
    loss = rx.QuadraticLoss(H, c, floor=floor)
    grid = rng.uniform(-5.0, 5.0, (4, 3, p))
    values = loss(grid)
    assert values.shape == (4, 3)
    expected = np.array(
        [[floor + (grid[i, j] - c) @ H @ (grid[i, j] - c) for j in range(3)] for i in range(4)],
    )
    np.testing.assert_allclose(values, expected, rtol=1e-13)
    assert np.ndim(loss(grid[0, 0])) == 0
    assert float(loss(grid[0, 0])) == pytest.approx(expected[0, 0], rel=1e-13)
    assert loss(c) == floor

    gradients = loss.gradient(grid)
    assert gradients.shape == (4, 3, p)
    np.testing.assert_allclose(gradients, 2.0 * (grid - c) @ H.T, rtol=1e-13, atol=1e-13)
    np.testing.assert_array_equal(loss.gradient(c), np.zeros(p))
    # Central finite differences (exact up to rounding for a quadratic).
    h = 1e-4
    for point in grid.reshape(-1, p):
        numeric = np.array([(loss(point + h * e) - loss(point - h * e)) / (2 * h) for e in np.eye(p)])
        np.testing.assert_allclose(loss.gradient(point), numeric, rtol=1e-7, atol=1e-7)


@pytest.mark.parametrize("t", [7.0, 8.0])
def test_ill_conditioned_l1_is_exact(t):
    """Condition number ~3e4 (coordinate descent needed 10-40 s here; the benchmark times the exact path)."""
    hessian = 0.9999 * np.ones((3, 3)) + 1e-4 * np.eye(3)
    loss = rx.QuadraticLoss(hessian, [0.3, 1.5, -6.4])
    beta = loss.constrained_minimum("l1", t)
    assert np.abs(beta).sum() == pytest.approx(t, rel=1e-12)
    mu = loss.lam_for_t("l1", t)
    g = loss.gradient(beta)
    nonzero = beta != 0.0
    np.testing.assert_allclose(g[nonzero], -mu * np.sign(beta[nonzero]), atol=1e-9 * mu)
    assert np.all(np.abs(g[~nonzero]) <= mu * (1 + 1e-9))


@pytest.mark.parametrize("seed", range(20))
def test_a_budget_at_a_breakpoint_keeps_the_joining_coefficient_exactly_zero(seed):
    """At exactly the budget where a second coefficient would join, it is still exactly 0 (not a rounding residue)."""
    rng = np.random.default_rng(seed)
    A = rng.normal(size=(2, 2))
    loss = rx.QuadraticLoss(A @ A.T + 0.1 * np.eye(2), rng.normal(scale=3.0, size=2))
    lams = [lam for lam in paths.l1_breakpoints(loss) if 0.0 in loss.penalized_minimum("l1", lam)]
    for t in [loss.t_for_lam("l1", lam) for lam in lams]:
        if t == 0.0:  # λ_max
            continue
        assert 0.0 in loss.constrained_minimum("l1", t), (seed, t)
