"""The chapter "Soft constraints": its two losses, the λ it steps through, and its facts.

A penalty ``λ·P(β)`` added to the loss replaces the budget ``‖β‖ ≤ t``: each λ matches one
budget, ``t(λ) = ‖β*(λ)‖``. Every minimum is
:meth:`~regexplain.QuadraticLoss.penalized_minimum`, every path comes from
:mod:`regexplain.math.paths`.
"""

import functools
from dataclasses import dataclass

import numpy as np

from . import paths
from .penalties import PENALTIES
from .quadratic import QuadraticLoss
from .regions import NORMS, size

ROUND = QuadraticLoss(5.0 * np.eye(2), [15.0, -15.0])
"""The round bowl ``5[(β1 − 15)² + (β2 + 15)²]`` (that of Parr's animation).

Its L2-penalized minimum is ``75/(5 + λ)·(1, −1)``: it slides along the diagonal toward the
origin and never reaches it.
"""

TILTED = QuadraticLoss([[2.0, 1.2], [1.2, 1.5]], [5.0, 1.5])
"""A tilted, elongated bowl with its minimum at (5, 1.5), where the L1 path runs into the β1 axis."""

ROUND_LAM = 2.0
"""The λ at which the chapter shows the L2 penalty bowl on :data:`ROUND`."""

TILTED_LAM = 10.0
"""The λ at which the chapter shows the L1 penalty bowl on :data:`TILTED` (its minimum is on the β1 axis)."""

ROUND_STEPS = (0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0)
"""The λ the chapter steps through with the L2 penalty on :data:`ROUND` (those of Parr's animation)."""

TILTED_STEPS = (0.0, 3.0, 6.0, 9.0, 12.0, 18.0, 24.0)
"""The λ the chapter steps through with the L1 penalty on :data:`TILTED`, up to where every coefficient is 0."""

PAIR_LAMS = (2.0, 10.0, 20.0)
"""The λ of the table of matched budgets, besides the first λ at which an L1 coefficient is 0."""

PULL_LAM = 1.0
"""The λ of the picture of the penalties' pulls."""

PULL_POINT = (0.1, 0.1)
"""The point at which the pulls are compared."""

CLOSER = 10.0
"""How many times closer to the origin the pulls are compared a second time."""


def pull(norm: str, lam: float, beta) -> float:
    """The size of the pull ``−λ∇P`` of a penalty at ``beta`` (its smallest subgradient, off the axes the gradient)."""
    return float(lam * np.linalg.norm(PENALTIES[norm].subgradient(beta)))


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "Soft constraints" quotes.

    The round bowl ``ROUND`` (``c1``, ``c2``, the L2 minimum at :data:`ROUND_LAM` from the
    solver and from the closed form, the last step's minimum and the share it keeps), the
    loss at the origin of each bowl, the tilted bowl ``TILTED`` (``t1``, ``t2``, its L1
    minimum at :data:`TILTED_LAM`, the λ of its first and last L1 zero, the corner where the
    L1 path meets the axis and the L2 minimum at that λ, the turning point of β₂ on the L2
    path), the norms of its minimum, the loss's pull on β₂ at the corner and at the origin,
    the penalties and pulls at :data:`PULL_POINT`, and the table of matched budgets
    (``pair_lam_i``, ``pair_t_<norm>_i`` and ``pair_back_<norm>_i``, the λ recovered from that t).
    """

    c1: float
    c2: float
    lam_round: float
    beta_round: float
    beta_round_formula: float
    loss_at_origin: float
    tilted_at_origin: float
    last_step: float
    beta_last: float
    kept_last_pct: float
    t1: float
    t2: float
    lam_tilted: float
    beta_tilted_1: float
    beta_tilted_2: float
    lam_first: float
    lam_all: float
    corner_1: float
    corner_2: float
    ridge_first_1: float
    ridge_first_2: float
    ridge_peak_lam: float
    ridge_peak_b2: float
    norm1_center: float
    norm2_center: float
    pull_at_corner: float
    pull_at_origin: float
    lam_pull: float
    p1: float
    p2: float
    l1_value: float
    l2_value: float
    l1_pull: float
    l2_pull: float
    pull_ratio: float
    near1: float
    l1_pull_near: float
    l2_pull_near: float
    pair_lam_0: float
    pair_lam_1: float
    pair_lam_2: float
    pair_lam_3: float
    pair_t_l1_0: float
    pair_t_l1_1: float
    pair_t_l1_2: float
    pair_t_l1_3: float
    pair_back_l1_0: float
    pair_back_l1_1: float
    pair_back_l1_2: float
    pair_back_l1_3: float
    pair_t_l2_0: float
    pair_t_l2_1: float
    pair_t_l2_2: float
    pair_t_l2_3: float
    pair_back_l2_0: float
    pair_back_l2_1: float
    pair_back_l2_2: float
    pair_back_l2_3: float


@functools.cache
def facts() -> Facts:
    """The numbers of the chapter, from the exact penalized minima and paths of its two bowls.

    Examples
    --------
    >>> f = facts()
    >>> f.beta_tilted_2, round(f.lam_first, 4), round(f.lam_all, 4)
    (0.0, 5.85, 23.6)
    """
    a = float(ROUND.hessian[0, 0])
    beta_round = ROUND.penalized_minimum("l2", ROUND_LAM)
    beta_last = ROUND.penalized_minimum("l2", ROUND_STEPS[-1])
    beta_tilted = TILTED.penalized_minimum("l1", TILTED_LAM)
    lam_first = paths.first_zero_lambda(TILTED)
    corner = TILTED.penalized_minimum("l1", lam_first)
    ridge_first = TILTED.penalized_minimum("l2", lam_first)
    ((_, peak_lam, peak_b2),) = (turn for turn in paths.l2_turning_points(TILTED) if turn[0] == 1)
    point = np.array(PULL_POINT)
    pairs = {}
    for i, lam in enumerate(sorted((*PAIR_LAMS, lam_first))):
        pairs[f"pair_lam_{i}"] = lam
        for norm in NORMS:
            t = TILTED.t_for_lam(norm, lam)
            pairs[f"pair_t_{norm}_{i}"] = t
            pairs[f"pair_back_{norm}_{i}"] = TILTED.lam_for_t(norm, t)
    return Facts(
        c1=float(ROUND.center[0]),
        c2=float(ROUND.center[1]),
        lam_round=ROUND_LAM,
        beta_round=float(beta_round[0]),
        beta_round_formula=a * float(ROUND.center[0]) / (a + ROUND_LAM),
        loss_at_origin=float(ROUND(np.zeros(2))),
        tilted_at_origin=float(TILTED(np.zeros(2))),
        last_step=ROUND_STEPS[-1],
        beta_last=float(beta_last[0]),
        kept_last_pct=100.0 * float(beta_last[0] / ROUND.center[0]),
        t1=float(TILTED.center[0]),
        t2=float(TILTED.center[1]),
        lam_tilted=TILTED_LAM,
        beta_tilted_1=float(beta_tilted[0]),
        beta_tilted_2=float(beta_tilted[1]),
        lam_first=lam_first,
        lam_all=float(paths.l1_breakpoints(TILTED)[-1]),
        corner_1=float(corner[0]),
        corner_2=float(corner[1]),
        ridge_first_1=float(ridge_first[0]),
        ridge_first_2=float(ridge_first[1]),
        ridge_peak_lam=peak_lam,
        ridge_peak_b2=peak_b2,
        norm1_center=float(size(TILTED.center, "l1")),
        norm2_center=float(size(TILTED.center, "l2")),
        # The loss's own pull on β2 (minus its slope) where the L1 path meets the β1 axis, and at the origin.
        pull_at_corner=-float(TILTED.gradient(corner)[1]),
        pull_at_origin=-float(TILTED.gradient(np.zeros(2))[1]),
        lam_pull=PULL_LAM,
        p1=float(point[0]),
        p2=float(point[1]),
        l1_value=PULL_LAM * float(PENALTIES["l1"].value(point)),
        l2_value=PULL_LAM * float(PENALTIES["l2"].value(point)),
        l1_pull=pull("l1", PULL_LAM, point),
        l2_pull=pull("l2", PULL_LAM, point),
        pull_ratio=pull("l1", PULL_LAM, point) / pull("l2", PULL_LAM, point),
        near1=float(point[0] / CLOSER),
        l1_pull_near=pull("l1", PULL_LAM, point / CLOSER),
        l2_pull_near=pull("l2", PULL_LAM, point / CLOSER),
        **pairs,
    )
