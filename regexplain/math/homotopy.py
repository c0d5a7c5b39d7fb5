"""The one exact L1 path: every L1 answer on the site comes from here.

Every L1 problem the site solves is, on its sufficient statistics, the minimization of

    ``f(β) = β·(G + δI)β − 2q·β + μ‖β‖₁``

with G positive semidefinite (a Gram matrix ``XcᵀXc/n``, or the hessian of a quadratic loss),
``q`` (``Xcᵀyc/n``, or ``Hc``), a fixed ridge part ``δ ≥ 0`` (the L2 half of an elastic net) and
the L1 strength ``μ``. Its minimizer is piecewise linear in μ (Efron et al. 2004; Osborne et
al. 2000): while the active set A and its signs s stay fixed,

    ``β_A(μ) = u − (μ/2)·v``,  with ``u = G_AA⁻¹q_A`` and ``v = G_AA⁻¹s``,

and the pieces end where an active coefficient reaches 0 (it leaves) or an inactive one's
correlation ``2(q − Gβ)_j`` reaches ``±μ`` (it joins). :func:`pieces` follows these pieces
from ``μ = λ_max = 2‖q‖∞`` (where β = 0) down to 0: a finite algorithm, exact up to rounding.
The consumers stop where they need to: :func:`penalized` at a given μ, :func:`on_diamond` at a
given ``‖β‖₁``, :func:`breakpoints` nowhere. Each answer is certified by its optimality
conditions to :data:`KKT_TOL` before it is returned.

Active-set updates keep the inverse ``R = L⁻¹`` of the Cholesky factor of ``G_AA`` (O(k²) per
joining variable; a leaving variable refactors). A variable whose column lies in the span of
the active ones (duplicated or constant columns, more features than samples) is held out: its
correlation then tracks ``±μ`` exactly and it never needs to join.
"""

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import numpy as np
from numpy.typing import NDArray

KKT_TOL = 1e-10
"""Largest optimality (KKT) residual any L1 answer may have, relative to the data scale (λ_max)."""

# A joining column counts as in the span of the k active ones when 1 − R² of its regression on
# them is below _RANK_TOL·(k + 1): the rounding level of that pivot, where it means nothing.
_RANK_TOL = 4.0 * np.finfo(float).eps
_PIECES_PER_FEATURE = 50  # a guard against cycling between active sets; real paths use a few


@dataclass(frozen=True, eq=False)
class Quadratic:
    """The quadratic ``β·Gβ − 2q·β`` (plus a constant) through its sufficient statistics.

    The MSE on centred data is this with ``G = XcᵀXc/n`` and ``q = Xcᵀyc/n``; a quadratic loss
    ``(β − c)ᵀH(β − c)`` is this with ``G = H`` and ``q = Hc``.
    """

    gram: NDArray[np.float64]
    xty: NDArray[np.float64]

    @property
    def lambda_max(self) -> float:
        """The smallest L1 strength at which β = 0 is optimal, ``2‖q‖∞``."""
        return float(2.0 * np.abs(self.xty).max())

    def kkt_violations(self, beta: NDArray[np.float64], l1: float, ridge: float = 0.0) -> NDArray[np.float64]:
        """How far each coefficient is from ``0 ∈ 2(G + δI)β − 2q + l1·∂‖β‖₁``, relative to λ_max."""
        g = 2.0 * (self.gram @ beta - self.xty + ridge * beta)
        violation = np.where(beta != 0.0, np.abs(g + l1 * np.sign(beta)), np.maximum(np.abs(g) - l1, 0.0))
        # Relative to the gradient's size at β = 0, so the test does not depend on the data's units
        # (λ_max = 0 only when β = 0 is the answer).
        return violation / (self.lambda_max or 1.0)

    def kkt_residual(self, beta: NDArray[np.float64], l1: float, ridge: float = 0.0) -> float:
        """The largest of :meth:`kkt_violations`."""
        return float(self.kkt_violations(beta, l1, ridge).max(initial=0.0))


@dataclass(frozen=True, eq=False)
class Piece:
    """One piece of the L1 path: for μ in ``[low, high]``, ``β_A(μ) = u − (μ/2)·v``, 0 elsewhere."""

    high: float
    low: float
    active: NDArray[np.intp]
    signs: NDArray[np.float64]
    u: NDArray[np.float64]
    v: NDArray[np.float64]
    p: int

    def at(self, mu: float) -> NDArray[np.float64]:
        """The minimizer at ``mu`` (inactive coefficients exactly 0.0)."""
        beta = np.zeros(self.p)
        beta[self.active] = self.u - 0.5 * mu * self.v
        return beta

    def l1_norm(self, mu: float) -> float:
        """``‖β(μ)‖₁ = sᵀu − (μ/2)·sᵀv``, linear on the piece."""
        return float(self.signs @ self.u - 0.5 * mu * (self.signs @ self.v))


def pieces(quadratic: Quadratic, ridge: float = 0.0) -> Iterator[Piece]:
    """The pieces of the L1 path of ``quadratic + δ‖β‖₂²``, from μ = λ_max down to μ = 0.

    Consecutive pieces share an end (``low`` of one is ``high`` of the next); the last
    ends at 0. Pieces of zero length mark ties (several variables changing at one μ).

    Raises
    ------
    ValueError
        If the active set cycles instead of reaching μ = 0 (a degenerate problem).
    """
    gram = quadratic.gram + ridge * np.eye(quadratic.xty.size)
    q, p = quadratic.xty, quadratic.xty.size
    mu = quadratic.lambda_max
    active: list[int] = []
    signs: list[float] = []
    inverse_factor = np.zeros((0, 0))  # R = L⁻¹ with G_AA = LLᵀ
    held_out: set[int] = set()  # columns in the span of the active ones
    # The last change cannot undo itself on the next piece: a variable that just joined cannot
    # leave at once, one that just left (variable, sign) cannot rejoin with the same sign at once.
    just_joined, just_left = None, None
    for _ in range(_PIECES_PER_FEATURE * p + 10):
        index, s = np.array(active, dtype=np.intp), np.array(signs)
        uv = inverse_factor.T @ (inverse_factor @ np.column_stack([q[index], s]))
        u, v = uv[:, 0], uv[:, 1]
        # The correlations 2(q − Gβ(μ')) = a + μ'·b along this piece.
        a = 2.0 * (q - gram[:, index] @ u)
        b = gram[:, index] @ v
        while True:
            mu_next, event = _next_event(mu, signs, active, u, v, a, b, held_out, just_joined, just_left)
            if event is None or event[0] == "leave":
                break
            j = event[1]
            row = inverse_factor @ gram[index, j]
            pivot = gram[j, j] - row @ row
            if pivot > _RANK_TOL * (index.size + 1) * gram[j, j]:
                break
            held_out.add(j)  # in the span: its correlation tracks ±μ without it
        yield Piece(mu, mu_next, index, s, u, v, p)
        if event is None:
            return
        kind, j, _ = event
        sign_before = _change(active, signs, event)
        if kind == "join":
            inverse_factor = _grow(inverse_factor, row, pivot)
            just_joined, just_left = j, None
        else:
            inverse_factor = _refactor(gram, active)
            held_out.clear()  # the span shrank: held-out columns may need to join again
            just_joined, just_left = None, (j, sign_before)
        mu = mu_next
    raise ValueError(
        f"the L1 path did not reach μ = 0 within {_PIECES_PER_FEATURE * p + 10} pieces: the active set "
        f"cycles (a degenerate problem; last active set {sorted(active)})"
    )


def _next_event(
    mu: float,
    signs: list[float],
    active: list[int],
    u: NDArray[np.float64],
    v: NDArray[np.float64],
    a: NDArray[np.float64],
    b: NDArray[np.float64],
    held_out: set[int],
    just_joined: int | None,
    just_left: tuple[int, float] | None,
) -> tuple[float, tuple[str, int, float] | None]:
    """The largest μ' ≤ μ at which the active set changes along this piece, and the change.

    An event found above μ (rounding of a tie) happens at μ itself. None when the piece runs
    to μ = 0.
    """
    candidates = []  # (μ', kind, variable, sign)
    # Leaving: an active coefficient moving toward 0 as μ falls (s·v < 0) reaches it at 2u/v.
    moving = (np.array(signs) * v < 0.0) & (np.array(active, dtype=np.intp) != just_joined)
    if moving.any():
        with np.errstate(divide="ignore"):
            root = np.where(moving, 2.0 * u / v, -np.inf)
        i = int(np.argmax(root))
        candidates.append((float(root[i]), "leave", active[i], 0.0))
    # Joining: the slack μ' − s·(a + μ'b) of an inactive correlation reaches 0 at s·a / (1 − s·b),
    # from above when it shrinks as μ' falls (1 − s·b > 0).
    inactive = np.ones(a.size, dtype=bool)
    inactive[active] = False
    inactive[list(held_out)] = False
    for sign in (1.0, -1.0):
        slope = 1.0 - sign * b
        with np.errstate(divide="ignore", invalid="ignore"):
            root = np.where(inactive & (slope > 0.0), sign * a / slope, -np.inf)
        if just_left is not None and just_left[1] == sign:
            root[just_left[0]] = -np.inf
        j = int(np.argmax(root))
        if root[j] > 0.0:
            candidates.append((float(root[j]), "join", j, sign))
    if not candidates:
        return 0.0, None
    mu_next, kind, j, sign = max(candidates, key=lambda c: c[0])
    if mu_next <= 0.0:
        return 0.0, None
    return min(mu_next, mu), (kind, j, sign)


def _change(active: list[int], signs: list[float], event: tuple[str, int, float]) -> float:
    """Apply a join or a leave to the active set and signs; the sign the variable had (0.0 for a join)."""
    kind, j, sign = event
    if kind == "join":
        active.append(j)
        signs.append(sign)
        return 0.0
    position = active.index(j)
    sign_before = signs[position]
    del active[position], signs[position]
    return sign_before


def _refactor(gram: NDArray[np.float64], active: list[int]) -> NDArray[np.float64]:
    """``L⁻¹`` of the Cholesky factor of the active block, from scratch (after a variable leaves)."""
    if not active:
        return np.zeros((0, 0))
    try:
        return np.linalg.inv(np.linalg.cholesky(gram[np.ix_(active, active)]))
    except np.linalg.LinAlgError:
        raise ValueError(
            f"the L1 path is degenerate: the block of the active columns {sorted(active)} is numerically "
            f"singular (nearly collinear columns); remove them, or add an L2 part (elastic net)"
        ) from None


def _grow(inverse_factor: NDArray[np.float64], row: NDArray[np.float64], pivot: float) -> NDArray[np.float64]:
    """``L⁻¹`` of the Cholesky factor after a column joins: ``[[R, 0], [−(rowᵀR)/d, 1/d]]``, d = √pivot."""
    k = row.size
    d = np.sqrt(pivot)
    grown = np.zeros((k + 1, k + 1))
    grown[:k, :k] = inverse_factor
    grown[k, :k] = -(row @ inverse_factor) / d
    grown[k, k] = 1.0 / d
    return grown


@dataclass(frozen=True, eq=False)
class RatioPiece:
    """One piece of the elastic-net path at a fixed ``l1_ratio`` r < 1, in the strength λ.

    The penalty ``λ(r‖β‖₁ + (1 − r)‖β‖₂²)`` puts λ on both sides of the optimality equations,
    ``(G_AA + λ(1 − r)I)·β_A = q_A − (λr/2)·s``, so within a piece β is a rational function
    of λ, not a linear one. With ``G_AA = V·diag(d)·Vᵀ`` it is
    ``β_A(λ) = V·(Vᵀq_A − (λr/2)·Vᵀs) / (d + λ(1 − r))``, evaluated exactly at any λ ≥ 0 (at
    λ = 0 with a singular block, as its limit).
    """

    high: float
    low: float
    active: NDArray[np.intp]
    signs: NDArray[np.float64]
    l1_ratio: float
    eigenvalues: NDArray[np.float64]
    eigenvectors: NDArray[np.float64]
    projections: NDArray[np.float64]  # Vᵀq_A, zero along the block's null space
    sign_projections: NDArray[np.float64]  # Vᵀs
    p: int

    @classmethod
    def on(cls, quadratic: Quadratic, active: list[int], signs: list[float], l1_ratio: float, high: float):
        """The piece that starts at ``high`` with this active set and these signs (its ``low`` unset)."""
        index = np.array(active, dtype=np.intp)
        d, V = np.linalg.eigh(quadratic.gram[np.ix_(index, index)])
        null = d <= _RANK_TOL * max(d.max(initial=0.0), 1e-300)
        projections = np.where(null, 0.0, V.T @ quadratic.xty[index])
        return cls(
            high,
            high,
            index,
            np.array(signs),
            l1_ratio,
            np.where(null, 0.0, d),
            V,
            projections,
            V.T @ np.array(signs),
            quadratic.xty.size,
        )

    def active_coefs(self, lams: NDArray[np.float64]) -> NDArray[np.float64]:
        """``β_A`` at each λ in ``lams``, shape ``(k, m)``."""
        r = self.l1_ratio
        numerator = self.projections[:, None] - 0.5 * r * lams[None, :] * self.sign_projections[:, None]
        denominator = self.eigenvalues[:, None] + (1.0 - r) * lams[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            # Along the null space (d = 0, Vᵀq = 0) the ratio is −(r/2)(Vᵀs)/(1 − r) at every λ > 0: its limit at 0.
            ratio = np.where(denominator > 0.0, numerator / denominator, 0.0)
        null = self.eigenvalues == 0.0
        ratio[null] = (-0.5 * r / (1.0 - r) * self.sign_projections[null])[:, None]
        return self.eigenvectors @ ratio

    def at(self, lam: float) -> NDArray[np.float64]:
        """The minimizer at ``lam`` (inactive coefficients exactly 0.0)."""
        beta = np.zeros(self.p)
        beta[self.active] = self.active_coefs(np.array([lam]))[:, 0]
        return beta


def ratio_pieces(quadratic: Quadratic, l1_ratio: float) -> Iterator[RatioPiece]:
    """The pieces of the path of ``quadratic + λ(r‖β‖₁ + (1 − r)‖β‖₂²)`` for r in (0, 1), λ falling to 0.

    Each piece's end is the largest λ below its start at which a slack of the optimality
    conditions (an active ``s_jβ_j``, or an inactive ``rλ − |2(q − Gβ)_j|``) turns negative:
    found on a dense grid of the piece (linear and geometric in λ) and bisected to the last
    bit. The ridge part keeps every block positive definite for λ > 0, so no column is held out.
    """
    if not 0.0 < l1_ratio < 1.0:
        raise ValueError(f"l1_ratio must be in (0, 1) for a ratio path, got {l1_ratio}")
    p = quadratic.xty.size
    lam = quadratic.lambda_max / l1_ratio
    if lam == 0.0:
        yield RatioPiece.on(quadratic, [], [], l1_ratio, 0.0)
        return
    yield RatioPiece.on(quadratic, [], [], l1_ratio, lam)  # β = 0 from λ_max/r up
    first = int(np.argmax(np.abs(quadratic.xty)))
    active, signs = [first], [float(np.sign(quadratic.xty[first]))]
    for _ in range(_PIECES_PER_FEATURE * p + 10):
        piece = RatioPiece.on(quadratic, active, signs, l1_ratio, lam)
        low, event = _next_ratio_event(quadratic, piece)
        yield replace(piece, low=low)
        if event is None:
            return
        _change(active, signs, event)
        lam = low
    raise ValueError(f"the elastic-net path did not reach λ = 0 within {_PIECES_PER_FEATURE * p + 10} pieces")


_GRID = np.unique(np.r_[np.linspace(0.0, 1.0, 129), np.geomspace(1e-9, 1.0, 129)])[::-1][1:]  # below 1, down to 0


def _ratio_slacks(quadratic: Quadratic, piece: RatioPiece, lams: NDArray[np.float64]):
    """The optimality slacks at each λ (columns), non-negative while the piece's active set is right.

    Rows: the active coefficients ``s_jβ_j``, then for every variable ``rλ − |c_j|`` with its
    correlation ``c_j = 2(q − Gβ)_j`` (+inf for the active ones). Also returns the correlations,
    whose signs are those of joining variables.
    """
    coefs = piece.active_coefs(lams)
    correlations = 2.0 * (quadratic.xty[:, None] - quadratic.gram[:, piece.active] @ coefs)
    inactive_slack = piece.l1_ratio * lams[None, :] - np.abs(correlations)
    # Where the fit is perfect, rounding leaves correlations of about 1e-16·λ_max: not a join.
    rounding = inactive_slack > -1e-13 * quadratic.lambda_max
    inactive_slack = np.where(rounding, np.maximum(inactive_slack, 0.0), inactive_slack)
    inactive_slack[piece.active] = np.inf
    return np.vstack([piece.signs[:, None] * coefs, inactive_slack]), correlations


def _next_ratio_event(quadratic: Quadratic, piece: RatioPiece):
    """The largest λ below the piece's start where a slack turns negative, and the change there.

    The grid never touches the start, where the variable that just changed has slack 0; the
    bisection then watches only the slacks that broke in the bracket.
    """
    lams = piece.high * _GRID
    slacks, _ = _ratio_slacks(quadratic, piece, lams)
    broken = np.flatnonzero((slacks < 0.0).any(axis=0))
    if broken.size == 0:
        return 0.0, None
    g = broken[0]
    rows = np.flatnonzero(slacks[:, g] < 0.0)
    low, high = lams[g], (lams[g - 1] if g else piece.high)
    for _ in range(200):  # bisection down to adjacent floats
        middle = 0.5 * (low + high)
        if not low < middle < high:
            break
        if (_ratio_slacks(quadratic, piece, np.array([middle]))[0][rows] < 0.0).any():
            low = middle
        else:
            high = middle
    slacks, correlations = _ratio_slacks(quadratic, piece, np.array([low]))
    row = int(rows[np.argmin(slacks[rows, 0])])
    k = piece.active.size
    if row < k:
        return high, ("leave", int(piece.active[row]), 0.0)
    return high, ("join", row - k, float(np.sign(correlations[row - k, 0])))


def penalized(quadratic: Quadratic, l1: float, ridge: float = 0.0) -> NDArray[np.float64]:
    """The exact minimizer of ``quadratic + δ‖β‖₂² + l1·‖β‖₁``, certified to :data:`KKT_TOL`.

    Raises
    ------
    ValueError
        If the optimality conditions cannot be certified (a degenerate problem).
    """
    piece = piece_at(pieces(quadratic, ridge), l1)
    beta = _refined(quadratic, piece, l1, ridge)
    certify(quadratic, beta, l1, ridge)
    return beta


def piece_at(path: Iterable[Piece | RatioPiece], lam: float) -> Piece | RatioPiece:
    """The piece of ``path`` (pieces from high to low) that holds the minimizer at ``lam``.

    At a breakpoint two pieces meet; the one with fewer active variables is taken, since in
    it the variable that changes there is inactive, so exactly 0.0 rather than a rounding
    residue of either sign.
    """
    at_end = None
    for piece in path:
        if at_end is not None:
            return min(at_end, piece, key=lambda candidate: candidate.active.size)
        if piece.low < lam:
            return piece
        if piece.low == lam:
            at_end = piece
    return at_end if at_end is not None else piece


def on_diamond(quadratic: Quadratic, t: float) -> tuple[NDArray[np.float64], float]:
    """The minimizer of ``quadratic`` subject to ``‖β‖₁ ≤ t`` where the constraint binds, and its μ.

    ``‖β(μ)‖₁`` falls linearly on each piece as μ grows, so the piece whose norms bracket
    ``t`` holds the answer, at ``μ = 2(sᵀu − t)/sᵀv``: one linear equation, no search.
    The caller checks first that the unconstrained minimum is outside the diamond.
    """
    path = list(pieces(quadratic))
    slack = 8.0 * np.finfo(float).eps * t  # a norm this close to t is t, up to rounding
    k = next((i for i, piece in enumerate(path) if piece.l1_norm(piece.low) >= t - slack), len(path) - 1)
    piece = path[k]
    if k + 1 < len(path) and piece.l1_norm(piece.low) <= t + slack:
        # t is a breakpoint's norm: as in piece_at, the piece with fewer active variables, so
        # that the variable that changes there is exactly 0.
        piece = min(piece, path[k + 1], key=lambda candidate: candidate.active.size)
    mu = 2.0 * (piece.signs @ piece.u - t) / (piece.signs @ piece.v)
    mu = float(np.clip(mu, piece.low, piece.high))
    beta = piece.at(mu)
    certify(quadratic, beta, mu)
    return beta, mu


def breakpoints(quadratic: Quadratic) -> NDArray[np.float64]:
    """The μ > 0 at which the L1 path changes its active set or signs, increasing (λ_max last)."""
    highs = [piece.high for piece in pieces(quadratic)]
    return np.unique(np.array([mu for mu in highs if mu > 0.0] or [0.0]))


def certify(quadratic: Quadratic, beta: NDArray[np.float64], l1: float, ridge: float = 0.0) -> float:
    """The KKT residual of ``beta``; above :data:`KKT_TOL`, a ``ValueError`` that says what is degenerate."""
    violations = quadratic.kkt_violations(beta, l1, ridge)
    residual = float(violations.max(initial=0.0))
    if residual <= KKT_TOL:
        return residual
    j = int(np.argmax(violations))
    active = np.flatnonzero(beta)
    gram = quadratic.gram + ridge * np.eye(beta.size)
    block = gram[np.ix_(active, active)]
    if beta[j] == 0.0 and active.size:
        # How much of column j the active columns leave unexplained: 1 − R² of its regression on them.
        explained = gram[j, active] @ np.linalg.lstsq(block, gram[active, j], rcond=None)[0]
        what = (
            f"column {j} is nearly a combination of the {active.size} active columns (1 − R² = "
            f"{max(1.0 - explained / gram[j, j], 0.0):.1e}), too close to resolve in double precision"
        )
    else:
        what = f"the block of the {active.size} active columns has condition number {np.linalg.cond(block):.1e}"
    raise ValueError(
        f"the exact L1 solution could not be certified: its KKT residual is {residual:.2e} > {KKT_TOL:g}. "
        f"The problem is degenerate: {what}. Remove (nearly) duplicated or collinear columns, or add an "
        f"L2 part (elastic net)"
    )


def _refined(quadratic: Quadratic, piece: Piece, mu: float, ridge: float) -> NDArray[np.float64]:
    """The piece's minimizer at ``mu``, improved by one step of iterative refinement on its block."""
    beta = piece.at(mu)
    if piece.active.size == 0:
        return beta
    index = piece.active
    block = quadratic.gram[np.ix_(index, index)] + ridge * np.eye(index.size)
    rhs = quadratic.xty[index] - 0.5 * mu * piece.signs
    try:
        correction = np.linalg.solve(block, rhs - block @ beta[index])
    except np.linalg.LinAlgError:
        return beta
    refined = beta.copy()
    refined[index] += correction
    # Keep the refinement only where it keeps the piece's signs (a sign change is no refinement).
    return refined if np.all(np.sign(refined[index]) == piece.signs) else beta
