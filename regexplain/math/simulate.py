"""Why L1 gives zeros: thousands of random losses, each solved exactly under L1 and L2.

Every trial is a quadratic loss ``a(β₁ − c₁)² + b(β₂ − c₂)² + c(β₁ − c₁)(β₂ − c₂)`` (hessian
``[[a, c/2], [c/2, b]]``) whose minimum ``(c₁, c₂)`` lies outside the constraint region
``‖β‖ ≤ t``, drawn by :func:`~regexplain.math.sampling.sample_quadratics`. Its constrained
minimum is computed exactly and vectorized over all trials:

- L1 (the diamond): the optimum lies on the boundary, so on one of the four edges; on each edge
  the loss is a 1-D quadratic whose minimizer is in closed form, clipped to the edge. Clipping
  to an end gives a tip of the diamond, whose zero coordinate is exactly 0.0.
- L2 (the disc): the trust-region equation ``‖(H + μI)⁻¹Hc‖ = t``, solved by Newton's method on
  ``1/‖β(μ)‖ − 1/t`` for all trials at once, to machine precision.

:func:`~regexplain.boundary_search` repeats what the reference article did instead (the best of 100
points on the boundary), which is how it came to report L2 "zeros".
"""

import functools
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import check_choice, check_int, check_real
from .quadratic import QuadraticLoss, disc_minima
from .regions import NORMS, TIPS
from .sampling import SAMPLED_FAMILIES, sample_quadratics

NEAR_MISS_TOL = 0.05
"""Absolute tolerance of a near miss, in coefficient units.

A solution is a *near miss* when no coefficient is exactly 0.0 but the smaller one in absolute
value is at most ``NEAR_MISS_TOL``; the same rule serves L1 and L2. Why 0.05: with the default
budget ``t = 2`` it is 2.5% of the largest coefficient the region allows and smaller than a dot
in the figures, so a near miss looks like a zero without being one. On the circle it is the band
within ``arcsin(0.05/2) ≈ 1.4°`` of an axis, a little narrower than the ±1.8° (half of 3.6°)
within which the reference's 100-point boundary search snaps to an axis point. It is absolute,
not relative to ``t``: with another budget, read it as a tolerance in the units of β.
"""


@dataclass(frozen=True, eq=False)  # eq=False: compare by identity, arrays have no single truth value
class Clouds:
    """One panel of the simulation: ``n`` random losses and their exact constrained minima.

    Attributes
    ----------
    family : str
        ``"symmetric"``, ``"general"`` or ``"taco"``.
    norm : str
        ``"l1"`` (the diamond ``‖β‖₁ ≤ t``) or ``"l2"`` (the disc ``‖β‖₂ ≤ t``).
    t : float
        The budget, which bounds the norm itself.
    box : float
        Minima were drawn uniformly in ``[−box, box]²``.
    hessians : numpy.ndarray
        Shape ``(n, 2, 2)``: the losses' hessians ``[[a, c/2], [c/2, b]]``.
    minima : numpy.ndarray
        Shape ``(n, 2)``: the losses' unconstrained minima, all outside the region.
    solutions : numpy.ndarray
        Shape ``(n, 2)``: the exact constrained minima.
    zero : numpy.ndarray
        Booleans, shape ``(n,)``: a coefficient of the solution is exactly 0.0.
    near_miss : numpy.ndarray
        Booleans, shape ``(n,)``: no coefficient is 0.0, but the smaller one in absolute value
        is at most :data:`~regexplain.math.simulate.NEAR_MISS_TOL`.
    """

    family: str
    norm: str
    t: float
    box: float
    hessians: NDArray[np.float64]
    minima: NDArray[np.float64]
    solutions: NDArray[np.float64]
    zero: NDArray[np.bool_]
    near_miss: NDArray[np.bool_]

    def __repr__(self) -> str:
        return (
            f"Clouds(family={self.family!r}, norm={self.norm!r}, t={self.t}, box={self.box}, n={self.n}, "
            f"zero_rate={self.zero_rate:.4f}, near_miss_rate={self.near_miss_rate:.4f})"
        )

    @property
    def n(self) -> int:
        """Number of trials."""
        return int(self.zero.size)

    @property
    def zero_rate(self) -> float:
        """Fraction of trials whose solution has an exactly zero coefficient."""
        return float(self.zero.mean())

    @property
    def near_miss_rate(self) -> float:
        """Fraction of trials whose solution is a near miss."""
        return float(self.near_miss.mean())


def simulate_clouds(family: str, norm: str, n: int, *, t: float = 2.0, box: float = 10.0, seed: int = 0) -> Clouds:
    """Draw ``n`` random losses and solve each exactly under the constraint ``‖β‖ ≤ t``.

    Parameters
    ----------
    family : {"symmetric", "general", "taco"}
        ``"symmetric"``: round bowls (``b = a ~ U(0, 10)``, ``c = 0``); ``"general"``:
        ``a, b ~ U(0, 10)``, ``c ~ U(−2, 2)``, positive definite only; ``"taco"``: ``c = 0``,
        one of ``a, b`` (at random) is 0.1 and the other ``~ U(0, 10)``.
    norm : {"l1", "l2"}
        The diamond ``‖β‖₁ ≤ t`` or the disc ``‖β‖₂ ≤ t``.
    n : int
        Number of trials, at least 1.
    t : float, default 2.0
        The budget; it bounds the norm itself.
    box : float, default 10.0
        Minima are uniform in ``[−box, box]²`` and outside the region; ``box`` must exceed ``t``.
    seed : int, default 0
        Seed of ``numpy.random.default_rng``: the same arguments give identical arrays.

    Returns
    -------
    Clouds
        The losses, their exact solutions and the zero and near-miss flags (read-only arrays).

    Raises
    ------
    ValueError
        If ``family`` or ``norm`` is not one of the choices, ``n < 1``, ``seed < 0``, ``t`` or
        ``box`` not positive, or ``t >= box``.
    TypeError
        If ``n`` or ``seed`` is not an integer, or ``t`` or ``box`` not a real number.

    Examples
    --------
    Against the diamond most round losses get an exactly zero coefficient; against the disc none do.

    >>> import regexplain as rx
    >>> diamond = rx.simulate_clouds("symmetric", "l1", 2000, seed=1)
    >>> disc = rx.simulate_clouds("symmetric", "l2", 2000, seed=1)
    >>> round(diamond.zero_rate, 3), disc.zero_rate, round(disc.near_miss_rate, 3)
    (0.667, 0.0, 0.021)
    """
    family = check_choice(family, "family", SAMPLED_FAMILIES)
    norm = check_choice(norm, "norm", NORMS)
    hessians, minima = sample_quadratics(family, n, p=2, box=box, t=t, norm=norm, seed=seed)
    return _solved(family, norm, float(t), float(box), hessians, minima)


def simulate_shape(
    hessian: ArrayLike, norm: str, n: int, *, t: float = 2.0, box: float = 10.0, seed: int = 0
) -> Clouds:
    """Like :func:`simulate_clouds`, but every loss has the same hessian: only the minima are random.

    The minima are those of the ``"symmetric"`` family with the same arguments (uniform in
    ``[−box, box]²`` and outside the region), so ``hessian=np.eye(2)`` reproduces the round
    cloud's solutions. The ``family`` of the result is ``"fixed shape"``.

    Parameters
    ----------
    hessian : array_like, shape (2, 2)
        Symmetric positive definite: the shape shared by every loss.
    norm, n, t, box, seed
        As in :func:`simulate_clouds`.

    Returns
    -------
    Clouds

    Raises
    ------
    ValueError
        If ``hessian`` is not a 2 × 2 symmetric positive definite matrix, or another argument
        is out of range (as in :func:`simulate_clouds`).

    Examples
    --------
    >>> import regexplain as rx
    >>> cloud = rx.simulate_shape([[9.0, 2.25], [2.25, 1.0]], "l1", 1000)
    >>> cloud.family, cloud.n, round(cloud.zero_rate, 3)
    ('fixed shape', 1000, 0.812)
    """
    shape = QuadraticLoss(hessian, np.zeros(np.shape(hessian)[:1])).hessian
    if shape.shape != (2, 2):
        raise ValueError(f"hessian must have shape (2, 2), got {shape.shape}")
    norm = check_choice(norm, "norm", NORMS)
    _, minima = sample_quadratics("symmetric", n, p=2, box=box, t=t, norm=norm, seed=seed)
    hessians = np.repeat(shape[None], len(minima), axis=0)
    return _solved("fixed shape", norm, float(t), float(box), hessians, minima)


def _solved(family, norm, t, box, hessians, minima) -> Clouds:
    """The :class:`Clouds` of these losses, each solved exactly, with read-only arrays."""
    solutions = _diamond_minima(hessians, minima, t) if norm == "l1" else _disc_minima(hessians, minima, t)
    arrays = [hessians, minima, solutions, *outcomes(solutions)]
    for array in arrays:
        array.flags.writeable = False
    return Clouds(family, norm, t, box, *arrays)


def outcomes(solutions: NDArray[np.float64]) -> tuple[NDArray[np.bool_], NDArray[np.bool_]]:
    """The zero and near-miss flags of exact solutions (rows), by the rule every cloud uses.

    A solution is a zero when a coefficient is exactly 0.0, and a near miss when it is not a
    zero but its smallest coefficient in size is at most :data:`NEAR_MISS_TOL`.
    """
    zero = np.any(solutions == 0.0, axis=1)
    return zero, ~zero & (np.abs(solutions).min(axis=1) <= NEAR_MISS_TOL)


def _diamond_minima(hessians: NDArray[np.float64], minima: NDArray[np.float64], t: float) -> NDArray[np.float64]:
    """Exact minimizers over the diamond ``|β₁| + |β₂| ≤ t`` of losses whose minimum is outside it.

    The loss is convex and its minimum lies outside, so the optimum is on the boundary. Edge
    ``k`` runs from tip ``V_k`` to tip ``V_{k+1}``; along ``β = V_k + s·d`` (``d = V_{k+1} − V_k``)
    the loss is a quadratic in ``s`` minimized at ``s* = −dᵀH(V_k − c) / dᵀHd``, clipped to
    ``[0, 1]``. The best of the four edges wins; a clipped ``s`` yields a tip exactly.

    Parameters
    ----------
    hessians : ndarray, shape (n, 2, 2)
        Positive definite hessians.
    minima : ndarray, shape (n, 2)
        Unconstrained minima, outside the diamond.
    t : float
        Size of the diamond.

    Returns
    -------
    ndarray, shape (n, 2)
        The constrained minima.
    """
    tips = t * TIPS
    steps = np.roll(tips, -1, axis=0) - tips  # d for each of the 4 edges
    offsets = tips[None, :, :] - minima[:, None, :]  # V_k − c, shape (n, 4, 2)
    curvature = np.einsum("ki,nij,kj->nk", steps, hessians, steps)
    slope = np.einsum("ki,nij,nkj->nk", steps, hessians, offsets)
    s = np.clip(-slope / curvature, 0.0, 1.0)
    candidates = tips[None] + s[..., None] * steps[None]
    # The tips exactly, coordinates included (0.0, not a rounding residue).
    candidates = np.where((s == 0.0)[..., None], tips[None], candidates)
    candidates = np.where((s == 1.0)[..., None], np.roll(tips, -1, axis=0)[None], candidates)
    losses = _quadratic_forms(hessians[:, None], candidates - minima[:, None, :])
    best = np.argmin(losses, axis=1)
    return candidates[np.arange(len(best)), best]


def _disc_minima(hessians: NDArray[np.float64], minima: NDArray[np.float64], t: float) -> NDArray[np.float64]:
    """Exact minimizers over the disc ``‖β‖₂ ≤ t`` of losses whose minimum is outside it.

    The minimizer is ``β(μ) = (H + μI)⁻¹Hc`` with the ``μ > 0`` at which ``‖β(μ)‖ = t``. In the
    eigenbasis of ``H`` (``H = V diag(λ) Vᵀ``, ``d = Vᵀc``), ``β(μ) = V (λd / (λ + μ))``, and
    μ comes from :func:`~regexplain.math.quadratic.disc_minima`, Newton's method on the
    trust-region equation for all trials at once.

    Parameters
    ----------
    hessians : ndarray, shape (n, p, p)
        Positive definite hessians.
    minima : ndarray, shape (n, p)
        Unconstrained minima, outside the disc.
    t : float
        Radius of the disc.

    Returns
    -------
    ndarray, shape (n, p)
        The constrained minima.
    """
    return disc_minima(*np.linalg.eigh(hessians), minima, t)[0]


def _quadratic_forms(hessians: NDArray[np.float64], deltas: NDArray[np.float64]) -> NDArray[np.float64]:
    """``δᵀHδ`` for each ``δ`` in ``deltas`` (shape ``(..., 2)``) against broadcast hessians."""
    return np.einsum("...i,...ij,...j->...", deltas, hessians, deltas)


def boundary_search(clouds: Clouds, n_points: int = 100) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """The reference's heuristic: the best of ``n_points`` evenly spaced points on the boundary.

    The points sit at the angles ``θ_k = 2πk / n_points``: on the circle ``t(cos θ_k, sin θ_k)``;
    on the diamond the same rays, scaled to meet it, ``t(cos θ_k, sin θ_k) / (|cos θ_k| + |sin θ_k|)``
    (the radial projection, so the axis angles land on the tips). Each loss is evaluated at
    every point and the best sample kept; it counts as a "zero" when it is an axis point, which
    happens at ``θ = 0°, 90°, 180°, 270°`` when ``n_points`` is a multiple of 4. The exact
    solution is almost never exactly on an axis for L2: these "zeros" are solutions within
    about half a spacing (1.8° for 100 points) of an axis.

    Parameters
    ----------
    clouds : Clouds
        The losses (their ``norm`` and ``t`` give the boundary).
    n_points : int, default 100
        Number of boundary points, at least 4.

    Returns
    -------
    points : ndarray, shape (n, 2)
        The best sample of each loss (axis coordinates exactly 0.0).
    zero : ndarray of bool, shape (n,)
        The best sample is an axis point.

    Raises
    ------
    TypeError
        If ``clouds`` is not a :class:`~regexplain.Clouds` or ``n_points`` not an integer.
    ValueError
        If ``n_points < 4``.
    """
    if not isinstance(clouds, Clouds):
        raise TypeError(f"clouds must be a Clouds (from simulate_clouds), got {type(clouds).__name__}")
    n_points = check_int(n_points, "n_points", low=4)
    points, on_axis = _boundary_points(clouds.norm, clouds.t, n_points)
    best = np.argmin(_losses_up_to_a_constant(clouds.hessians, clouds.minima, points), axis=1)
    return points[best], on_axis[best]


def _losses_up_to_a_constant(
    hessians: NDArray[np.float64], minima: NDArray[np.float64], points: NDArray[np.float64]
) -> NDArray[np.float64]:
    """``βᵀHβ − 2βᵀHc`` of every loss (rows) at every point (columns), as one matrix product.

    The loss minus its constant ``cᵀHc`` is linear in the features ``(β₁², β₁β₂, β₂², β₁, β₂)``.
    """
    linear = -2.0 * np.einsum("nij,nj->ni", hessians, minima)
    weights = np.column_stack([hessians[:, 0, 0], 2.0 * hessians[:, 0, 1], hessians[:, 1, 1], linear])
    x, y = points[:, 0], points[:, 1]
    return weights @ np.stack([x * x, x * y, y * y, x, y])


def _boundary_points(norm: str, t: float, n_points: int) -> tuple[NDArray[np.float64], NDArray[np.bool_]]:
    """Points at angles ``2πk/n_points`` on the circle or diamond of size ``t``, and which are on an axis."""
    k = np.arange(n_points)
    on_axis = (4 * k) % n_points == 0
    angles = 2.0 * np.pi * k / n_points
    directions = np.column_stack([np.cos(angles), np.sin(angles)])
    # cos(π/2) is 6e-17, not 0: put the axis points exactly on the axes.
    directions[on_axis] = np.rint(directions[on_axis])
    scale = np.abs(directions).sum(axis=1) if norm == "l1" else np.ones(n_points)
    return t * directions / scale[:, None], on_axis


def zero_rates_by_dimension(
    norm: str, dims: Iterable[int], n: int, *, t: float = 2.0, box: float = 10.0, seed: int = 0
) -> dict[int, float]:
    """Fraction of solutions with an exactly zero coefficient, for the "general" family in ``p`` dimensions.

    Each trial draws a loss with diagonal entries ``~ U(0, 10)`` and off-diagonal entries
    ``~ U(−1, 1)`` (positive definite only) and a minimum uniform in ``[−box, box]ᵖ`` outside
    the region, and solves it with :meth:`~regexplain.QuadraticLoss.constrained_minimum`, one
    trial at a time (a few thousand trials per second: keep ``n`` to a few hundred). A
    trial counts when any coefficient is exactly 0.0. At ``p = 2`` the draws are those of
    :func:`~regexplain.simulate_clouds` with ``family="general"`` and the same seed.

    With the defaults (``box = 10``, ``t = 2``) the minima lie ever farther outside the region
    as ``p`` grows, and the L1 rate saturates quickly (about 0.73, 0.96, 1.0 for p = 2, 3, 5):
    :func:`zero_shares_by_dimension`, the share of coefficients that are zero, says more. The
    L2 rate is 0 in every dimension.

    Parameters
    ----------
    norm : {"l1", "l2"}
        The constraint ``‖β‖₁ ≤ t`` or ``‖β‖₂ ≤ t``.
    dims : iterable of int
        The dimensions, each at least 2.
    n : int
        Trials per dimension, at least 1.
    t : float, default 2.0
        The budget; it bounds the norm itself.
    box : float, default 10.0
        Half-width of the box of minima; it must exceed ``t``.
    seed : int, default 0
        Seed of ``numpy.random.default_rng`` (the same for every dimension).

    Returns
    -------
    dict of int to float
        ``{p: fraction of trials with an exactly zero coefficient}``, in the order of ``dims``.

    Raises
    ------
    ValueError
        If ``norm`` is not one of the choices, ``dims`` is empty or holds a ``p < 2``, or
        another argument is out of range (as in :func:`~regexplain.simulate_clouds`).
    TypeError
        If ``dims`` holds a non-integer, or another argument has the wrong type.

    Examples
    --------
    >>> import regexplain as rx
    >>> rx.zero_rates_by_dimension("l1", [2, 3], 200)
    {2: 0.725, 3: 0.985}
    """
    return {p: float(np.mean(np.any(beta == 0.0, axis=1))) for p, beta in _by_dimension(norm, dims, n, t, box, seed)}


def zero_shares_by_dimension(
    norm: str, dims: Iterable[int], n: int, *, t: float = 2.0, box: float = 10.0, seed: int = 0
) -> dict[int, float]:
    """Mean share of the ``p`` coefficients that are exactly zero, on the trials of :func:`zero_rates_by_dimension`.

    Where the rate of solutions with *some* zero saturates at 1, this share keeps saying how
    sparse the solutions are. Parameters, errors and draws are those of
    :func:`zero_rates_by_dimension` (the same trials, solved once for both).

    Returns
    -------
    dict of int to float
        ``{p: mean over trials of (number of coefficients exactly 0.0) / p}``.

    Examples
    --------
    >>> import regexplain as rx
    >>> rx.zero_shares_by_dimension("l1", [2, 3], 200)
    {2: 0.3625, 3: 0.545}
    """
    return {p: float(np.mean(beta == 0.0)) for p, beta in _by_dimension(norm, dims, n, t, box, seed)}


def _by_dimension(norm, dims, n, t, box, seed) -> list[tuple[int, NDArray[np.float64]]]:
    """Validated arguments of the dimension studies → ``[(p, solutions of shape (n, p)), ...]``."""
    norm = check_choice(norm, "norm", NORMS)
    if isinstance(dims, str) or not isinstance(dims, Iterable):
        raise TypeError(f"dims must be an iterable of integers, got {type(dims).__name__}")
    dims = [check_int(p, "each of dims", low=2) for p in dims]
    if not dims:
        raise ValueError("dims must hold at least one dimension, got none")
    n = check_int(n, "n", low=1)
    t = check_real(t, "t", low=0.0, low_open=True)
    box = check_real(box, "box", low=0.0, low_open=True)
    seed = check_int(seed, "seed", low=0)
    return [(p, _solutions(norm, p, n, t, box, seed)) for p in dims]


@functools.lru_cache(maxsize=64)
def _solutions(norm: str, p: int, n: int, t: float, box: float, seed: int) -> NDArray[np.float64]:
    """The exact constrained minima of the "general" trials in ``p`` dimensions (cached: read-only)."""
    hessians, minima = sample_quadratics("general", n, p=p, box=box, t=t, norm=norm, seed=seed)
    solutions = np.array(
        [QuadraticLoss(h, c).constrained_minimum(norm, t) for h, c in zip(hessians, minima, strict=True)]
    )
    solutions.flags.writeable = False
    return solutions
