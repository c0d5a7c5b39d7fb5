"""The chapter "Why L1 gives zeros": the simulations' parameters, the wedges beyond the tips, and its facts.

The clouds are :func:`~regexplain.simulate_clouds` (every loss solved exactly), the search
they are compared with :func:`~regexplain.boundary_search`, the rates in more dimensions
:func:`~regexplain.zero_rates_by_dimension` and :func:`~regexplain.zero_shares_by_dimension`.
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from . import simulate
from .quadratic import QuadraticLoss
from .regions import NORMS, TIPS, boundary, perpendicular
from .sampling import SAMPLED_FAMILIES

FAMILIES = SAMPLED_FAMILIES
"""The loss families of the simulations, ``"symmetric"``, ``"general"`` and ``"taco"``."""
CLOUD_N = 5000
"""Random losses per cloud (as in the reference article)."""
CLOUD_T = 2.0
"""The budget of the simulations (as in the reference article)."""
CLOUD_BOX = 10.0
"""The minima of the simulations are uniform in ``[−box, box]²`` (as in the reference article)."""
CLOUD_SEED = 0
"""The seed of the simulations."""
CHECK_N = 200_000
"""Round losses of the large run that checks the round-loss L1 rate against its closed form."""
SEARCH_POINTS = 100
"""Boundary points of the reference article's coarse search (:func:`regexplain.boundary_search`)."""

PUBLISHED_RATES = {
    ("symmetric", "l1"): 0.66,
    ("symmetric", "l2"): 0.03,
    ("general", "l1"): 0.72,
    ("general", "l2"): 0.05,
    ("taco", "l1"): 0.80,
    ("taco", "l2"): 0.45,
}
"""(family, norm) → the zero rate that Parr's "A visual explanation for regularization of linear
models" published for that cloud: facts about that article, not results of this package."""

ZOOM_LOSS = QuadraticLoss([[9.0, 2.25], [2.25, 1.0]], [4.0, 0.8])
"""The loss ``9(β₁ − 4)² + (β₂ − 0.8)² + 4.5(β₁ − 4)(β₂ − 0.8)`` seen up close: β₁ matters a lot, β₂ little."""
ZOOM_T = 2.6
"""The budget of the loss seen up close; its L1 optimum is the tip ``(t, 0)``."""
ZOOM_OFFSETS = (-6.0, 6.0)
"""Angles in degrees, from each optimum, of the nearby boundary points that cost more."""
SHAPE = ZOOM_LOSS.hessian
"""The hessian shared by the losses of one shape, whose wedges are sheared."""
SHAPE_N = 1000
"""Minima of the losses of one shape."""
DIMENSIONS = tuple(range(2, 11))
"""Numbers of coefficients of the simulation in more dimensions."""
DIMENSION_N = 300
"""Random losses per number of coefficients."""
AXIS_BAND = 1.0
"""Within this distance of an axis, a minimum lies "along the axis" (in the figures' words)."""


@functools.cache
def cloud(family: str, norm: str) -> simulate.Clouds:
    """The chapter's cloud of ``family`` against ``norm``: :func:`~regexplain.simulate_clouds`, cached."""
    return simulate.simulate_clouds(family, norm, CLOUD_N, t=CLOUD_T, box=CLOUD_BOX, seed=CLOUD_SEED)


@functools.cache
def shape_cloud() -> simulate.Clouds:
    """The chapter's losses of one shape: :func:`~regexplain.simulate_shape` with :data:`SHAPE` (cached)."""
    return simulate.simulate_shape(SHAPE, "l1", SHAPE_N, t=CLOUD_T, box=CLOUD_BOX, seed=CLOUD_SEED)


def tip_wedges_contain(minima: ArrayLike, t: float, hessian: ArrayLike | None = None) -> NDArray[np.bool_]:
    """Whether each minimum ``c`` lies in the wedge of a tip of the diamond ``‖β‖₁ ≤ t``.

    The wedge of the tip ``v`` (one of ``(±t, 0)``, ``(0, ±t)``) holds the minima for which
    ``g = H(c − v)`` lies in the tip's normal cone, ``g·v ≥ t·|g·v⊥|`` (for ``v = (t, 0)``:
    ``g₁ ≥ |g₂|``). That is the optimality condition of the tip, so for a loss with hessian
    ``H`` and minimum ``c`` outside the diamond, the exact L1 solution is a tip, and then a
    coefficient is exactly zero, iff ``c`` is in a wedge. With ``hessian=None`` (round losses,
    ``H = aI``), the wedges are ``|cᵢ| − t ≥ |cⱼ|``. This checks a condition; it solves nothing.

    Parameters
    ----------
    minima : array_like, shape (n, 2)
        The minima ``c``.
    t : float
        The budget.
    hessian : array_like, shape (2, 2), optional
        The hessian ``H`` shared by the losses; None for round ones.

    Examples
    --------
    >>> tip_wedges_contain([[5.0, 1.0], [3.0, 3.0]], 2.0)
    array([ True, False])
    """
    minima = np.asarray(minima, dtype=float)
    h = np.eye(2) if hessian is None else np.asarray(hessian, dtype=float)
    found = np.zeros(len(minima), dtype=bool)
    for corner in TIPS:
        g = (minima - t * corner) @ h.T
        found |= g @ corner >= np.abs(g @ perpendicular(corner))
    return found


def wedge_rays(tip: ArrayLike, hessian: ArrayLike | None = None) -> list[NDArray[np.float64]]:
    """The two unit directions ``H⁻¹·(tip ± tip⊥)`` that bound the wedge of ``tip``, a row of :data:`~.regions.TIPS`."""
    tip = np.asarray(tip, dtype=float)
    inverse = np.eye(2) if hessian is None else np.linalg.inv(np.asarray(hessian, dtype=float))
    rays = [inverse @ (tip + sign * perpendicular(tip)) for sign in (-1.0, 1.0)]
    return [ray / np.linalg.norm(ray) for ray in rays]


def wedge_angle(hessian: ArrayLike | None = None, axis: int = 0) -> float:
    """The opening angle in degrees of the wedges at the tips on axis ``axis`` (0: β₁, 1: β₂).

    The wedge of a tip is ``tip + H⁻¹·(normal cone)`` (see :func:`tip_wedges_contain`); for
    round losses every wedge is a right angle. The budget only moves the wedges, with the tips.

    Examples
    --------
    >>> wedge_angle(), round(wedge_angle([[9.0, 2.25], [2.25, 1.0]], 0), 1)
    (90.0, 174.4)
    """
    first, second = wedge_rays(TIPS[axis], hessian)
    return float(np.degrees(np.arccos(np.clip(first @ second, -1.0, 1.0))))


def wedge_share(t: float, box: float) -> float:
    """The share of the square ``[−box, box]²`` outside the diamond that the round wedges cover.

    Four right-angled triangles of area ``(box − t)²`` out of ``(2·box)² − 2t²``: the exact
    round-loss L1 zero rate of a cloud drawn uniformly there.
    """
    return 4.0 * (box - t) ** 2 / ((2.0 * box) ** 2 - 2.0 * t**2)


def zoom_neighbors(
    loss: QuadraticLoss = ZOOM_LOSS, t: float = ZOOM_T, offsets: Iterable[float] = ZOOM_OFFSETS
) -> dict[str, NDArray[np.float64]]:
    """Norm → boundary points at the angles ``offsets`` (degrees) from the exact optimum, shape (k, 2)."""
    result = {}
    for norm in NORMS:
        beta = loss.constrained_minimum(norm, t)
        angle = np.arctan2(beta[1], beta[0]) + np.radians(np.asarray(list(offsets), dtype=float))
        result[norm] = boundary(norm, t, angle)
    return result


def axis_angles(points: ArrayLike) -> NDArray[np.float64]:
    """The angle in degrees of each point from the nearest coordinate axis: 0 on an axis, 45 on a diagonal."""
    points = np.abs(np.asarray(points, dtype=float))
    return np.degrees(np.arctan2(points.min(axis=1), points.max(axis=1)))


def near_axis(points: ArrayLike, band: float = AXIS_BAND) -> NDArray[np.bool_]:
    """Whether each point lies within ``band`` of a coordinate axis."""
    return np.abs(np.asarray(points, dtype=float)).min(axis=1) <= band


def wedge_edge_distance(points: ArrayLike, t: float) -> NDArray[np.float64]:
    """The distance of each point from the nearest edge line of the round wedges, ``|cᵢ| − t = |cⱼ|``."""
    points = np.abs(np.asarray(points, dtype=float))
    return np.abs(points.max(axis=1) - t - points.min(axis=1)) / np.sqrt(2.0)


def standard_error(rate: float, n: int) -> float:
    """The standard error ``√(r(1 − r)/n)`` of a rate measured on ``n`` independent trials."""
    return float(np.sqrt(rate * (1.0 - rate) / n))


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "Why L1 gives zeros" quotes.

    The simulation's parameters; per cloud (``<family>_<norm>_``) its exact zero and near-miss
    rates, the coarse search's rate and the published rate; the L2 zeros; the search's worst
    gaps and the largest angle from an axis of its L2 "zeros"; the round cloud against the
    wedges and the closed-form rate (with the standard error of the cloud and of a large
    check run); the tilted and taco clouds against the round wedges; the sheared wedges; the
    zoomed loss (its optima, slopes at the tip, neighbours' losses, and the largest budget
    for which the tip stays the optimum); the dimension study (``dim_*``).
    """

    n: int
    t: float
    box: float
    tol: float
    points: int
    spacing: float
    symmetric_l1_zero: float
    symmetric_l1_near: float
    symmetric_l1_search: float
    symmetric_l1_published: float
    symmetric_l2_zero: float
    symmetric_l2_near: float
    symmetric_l2_search: float
    symmetric_l2_published: float
    general_l1_zero: float
    general_l1_near: float
    general_l1_search: float
    general_l1_published: float
    general_l2_zero: float
    general_l2_near: float
    general_l2_search: float
    general_l2_published: float
    taco_l1_zero: float
    taco_l1_near: float
    taco_l1_search: float
    taco_l1_published: float
    taco_l2_zero: float
    taco_l2_near: float
    taco_l2_search: float
    taco_l2_published: float
    l2_zeros: int
    l2_trials: int
    search_gap_l1: float
    search_gap_l2: float
    search_zero_max_angle: float
    round_in_wedges: int
    round_zero_in: int
    round_zero_out: int
    wedge_share: float
    round_se: float
    round_z: float
    check_n: int
    check_rate: float
    check_se: float
    check_z: float
    general_zero_in: float
    general_zero_out: float
    taco_zero_in: float
    taco_zero_out: float
    shape_wide: float
    shape_narrow: float
    zoom_c1: float
    zoom_c2: float
    zoom_t: float
    zoom_a: float
    zoom_b: float
    zoom_c: float
    l1_b1: float
    l1_b2: float
    l1_loss: float
    l2_b1: float
    l2_b2: float
    l2_loss: float
    l2_drop: float
    g1: float
    g2: float
    slope_up_edge: float
    slope_down_edge: float
    disc_gain: float
    offset: float
    l1_near_low: float
    l1_near_high: float
    l2_near_low: float
    l2_near_high: float
    tip_until: float
    p_low: int
    p_high: int
    dim_n: int
    dim_l1_2: float
    dim_l1_3: float
    dim_l1_all_from: int
    dim_share_l1_low: float
    dim_share_l1_high: float
    dim_l2_max: float


def _cloud_facts() -> dict[str, float | int]:
    numbers, gaps = {}, {"l1": [], "l2": []}
    for family in FAMILIES:
        for norm in NORMS:
            clouds = cloud(family, norm)
            search = float(np.mean(simulate.boundary_search(clouds, n_points=SEARCH_POINTS)[1]))
            published = PUBLISHED_RATES[family, norm]
            gaps[norm].append(abs(search - published))
            key = f"{family}_{norm}"
            numbers |= {f"{key}_zero": clouds.zero_rate, f"{key}_near": clouds.near_miss_rate}
            numbers |= {f"{key}_search": search, f"{key}_published": published}
    numbers["l2_zeros"] = sum(int(cloud(family, "l2").zero.sum()) for family in FAMILIES)
    numbers["l2_trials"] = CLOUD_N * len(FAMILIES)
    numbers |= {f"search_gap_{norm}": 100.0 * max(gaps[norm]) for norm in NORMS}
    # The search's L2 "zeros" are exact solutions close to an axis: the largest angle from it.
    taco = cloud("taco", "l2")
    snapped = simulate.boundary_search(taco, n_points=SEARCH_POINTS)[1]
    numbers["search_zero_max_angle"] = float(axis_angles(taco.solutions)[snapped].max())
    return numbers


def _wedge_facts() -> dict[str, float | int]:
    round_cloud = cloud("symmetric", "l1")
    inside = tip_wedges_contain(round_cloud.minima, CLOUD_T)
    share = wedge_share(CLOUD_T, CLOUD_BOX)
    check = simulate.simulate_clouds("symmetric", "l1", CHECK_N, t=CLOUD_T, box=CLOUD_BOX, seed=CLOUD_SEED + 1)
    numbers = {
        "round_in_wedges": int(inside.sum()),
        "round_zero_in": int(np.sum(round_cloud.zero & inside)),
        "round_zero_out": int(np.sum(round_cloud.zero & ~inside)),
        "wedge_share": share,
        "round_se": standard_error(share, CLOUD_N),
        "round_z": (round_cloud.zero_rate - share) / standard_error(share, CLOUD_N),
        "check_n": CHECK_N,
        "check_rate": check.zero_rate,
        "check_se": standard_error(share, CHECK_N),
        "check_z": (check.zero_rate - share) / standard_error(share, CHECK_N),
    }
    for family in ("general", "taco"):
        clouds = cloud(family, "l1")
        inside = tip_wedges_contain(clouds.minima, CLOUD_T)
        numbers[f"{family}_zero_in"] = float(clouds.zero[inside].mean())
        numbers[f"{family}_zero_out"] = float(clouds.zero[~inside].mean())
    numbers["shape_wide"] = wedge_angle(SHAPE, 0)
    numbers["shape_narrow"] = wedge_angle(SHAPE, 1)
    return numbers


def _zoom_facts() -> dict[str, float]:
    loss, t = ZOOM_LOSS, ZOOM_T
    l1, l2 = (loss.constrained_minimum(norm, t) for norm in NORMS)
    g = loss.gradient(np.array([t, 0.0]))
    neighbors = zoom_neighbors(loss, t)
    hc, h = loss.hessian @ loss.center, loss.hessian
    low_l1, high_l1 = sorted(loss(neighbors["l1"]))
    low_l2, high_l2 = sorted(loss(neighbors["l2"]))
    return {
        "zoom_c1": loss.center[0],
        "zoom_c2": loss.center[1],
        "zoom_t": t,
        "zoom_a": h[0, 0],
        "zoom_b": h[1, 1],
        "zoom_c": 2.0 * h[0, 1],
        "l1_b1": l1[0],
        "l1_b2": l1[1],
        "l1_loss": loss(l1),
        "l2_b1": l2[0],
        "l2_b2": l2[1],
        "l2_loss": loss(l2),
        # β₁ given up along the disc to reach the L2 optimum's height (the diamond's edge: β₂ itself).
        "l2_drop": t - l2[0],
        "g1": g[0],
        "g2": g[1],
        # Slopes per unit of β₂ leaving the tip: up the edge (−1, 1), down it (−1, −1), up the disc (0, 1).
        "slope_up_edge": g @ np.array([-1.0, 1.0]),
        "slope_down_edge": g @ np.array([-1.0, -1.0]),
        "disc_gain": -g[1],
        "offset": abs(ZOOM_OFFSETS[0]),
        "l1_near_low": low_l1,
        "l1_near_high": high_l1,
        "l2_near_low": low_l2,
        "l2_near_high": high_l2,
        # The tip stays the L1 optimum while c stays in its wedge: (Hc)₁ − t·H₁₁ ≥ |(Hc)₂ − t·H₂₁|.
        "tip_until": (hc[0] - hc[1]) / (h[0, 0] - h[1, 0]),
    }


def _dimension_facts() -> dict[str, float | int]:
    rates = {norm: simulate.zero_rates_by_dimension(norm, DIMENSIONS, DIMENSION_N) for norm in NORMS}
    shares = simulate.zero_shares_by_dimension("l1", DIMENSIONS, DIMENSION_N)
    low, high = DIMENSIONS[0], DIMENSIONS[-1]
    return {
        "p_low": low,
        "p_high": high,
        "dim_n": DIMENSION_N,
        "dim_l1_2": rates["l1"][2],
        "dim_l1_3": rates["l1"][3],
        "dim_l1_all_from": min(p for p in DIMENSIONS if all(rates["l1"][q] == 1.0 for q in DIMENSIONS if q >= p)),
        "dim_share_l1_low": shares[low],
        "dim_share_l1_high": shares[high],
        "dim_l2_max": max(rates["l2"].values()),
    }


@functools.cache
def facts() -> Facts:
    """The numbers of the chapter, from the exact simulations and the exact optima of the zoomed loss.

    Examples
    --------
    >>> f = facts()
    >>> f.l2_zeros, f.round_zero_out, f.l1_b2
    (0, 0, 0.0)
    """
    numbers = {"n": CLOUD_N, "t": CLOUD_T, "box": CLOUD_BOX, "tol": simulate.NEAR_MISS_TOL, "points": SEARCH_POINTS}
    numbers["spacing"] = 360.0 / SEARCH_POINTS
    numbers |= _cloud_facts() | _wedge_facts() | _zoom_facts() | _dimension_facts()
    return Facts(**{name: value if isinstance(value, int) else float(value) for name, value in numbers.items()})
