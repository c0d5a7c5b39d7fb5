"""The chapter "Hard constraints": its losses and budgets, the walk around a boundary, and its facts.

Every optimum is :meth:`~regexplain.QuadraticLoss.constrained_minimum`: the loss minimized
subject to ``‖β‖₁ ≤ t`` (the diamond) or ``‖β‖₂ ≤ t`` (the disc).
"""

import functools
from dataclasses import dataclass

import numpy as np
from numpy.typing import NDArray

from ._validate import check_choice, check_int
from .quadratic import QuadraticLoss
from .regions import NORMS, boundary
from .sampling import FAMILIES, random_losses

WALL_LOSS = QuadraticLoss([[1.0]], [2.0])
"""The one-coefficient loss ``(β − 2)²`` of the wall."""
WALL_T = 1.0
"""The budget of the wall, ``|β| ≤ 1``."""
BOWL_LOSS = QuadraticLoss([[1.0, 0.3], [0.3, 0.6]], [7.0, 1.0])
"""The fenced loss bowl, with its minimum at (7, 1), a little tilted and elongated."""
BOWL_T = 4.0
"""The radius of the fence around the bowl."""
TILTED_LOSS = QuadraticLoss([[1.0, 0.6], [0.6, 2.0]], [2.0, 3.5])
"""The tilted, elongated loss of the diamond and the disc, and of the walk around them."""
TILTED_T = 1.5
"""The budget of the diamond and the disc, and of the walk."""
GRID_T = 2.0
"""The budget of the random-loss grids (as in the reference article)."""
GRID_BOX = 10.0
"""The minima of the random-loss grids are uniform in ``[−GRID_BOX, GRID_BOX]²``."""
GRID_SEED = 0
"""The seed of the random-loss grids."""
WALK_SAMPLES = 1441
"""Angles at which the walk around a boundary evaluates the loss (every quarter degree)."""


def grid_losses(family: str, *, seed: int = GRID_SEED, t: float = GRID_T, box: float = GRID_BOX) -> list[QuadraticLoss]:
    """The four random losses of a grid: minima outside both the diamond and the disc.

    So the same seed gives the same four losses against either region.

    Parameters
    ----------
    family : {"symmetric", "general"}
        Round bowls, or tilted and elongated ones (see :func:`regexplain.random_losses`).
    seed : int, default :data:`GRID_SEED`
        Seed of the losses.
    t : float, default :data:`GRID_T`
        The budget.
    box : float, default :data:`GRID_BOX`
        The minima are uniform in ``[−box, box]²``.
    """
    return random_losses(family, 4, box=box, t=t, norm=None, seed=seed)


def walk(
    loss: QuadraticLoss, norm: str, t: float, samples: int = WALK_SAMPLES
) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """The loss along the boundary of the region: ``samples`` angles from −180 to 180 degrees.

    The boundary point at angle θ is ``t·u/‖u‖`` with ``u = (cos θ, sin θ)``. This samples a
    curve to draw it; the optimum itself comes from the exact solver.

    Returns
    -------
    degrees, losses : numpy.ndarray, shape (samples,)

    Examples
    --------
    >>> degrees, losses = walk(TILTED_LOSS, "l1", TILTED_T, samples=5)
    >>> degrees.tolist(), losses.round(2).tolist()
    ([-180.0, -90.0, 0.0, 90.0, 180.0], [51.45, 66.0, 26.85, 16.8, 51.45])
    """
    norm = check_choice(norm, "norm", NORMS)
    samples = check_int(samples, "samples", low=2)
    degrees = np.linspace(-180.0, 180.0, samples)
    return degrees, loss(boundary(norm, t, np.radians(degrees)))


def radial_point(loss: QuadraticLoss, t: float) -> NDArray[np.float64]:
    """The naive answer on the disc: the minimum shrunk toward the origin until ``‖β‖₂ = t``.

    It is the exact optimum only when the minimum's direction is an eigenvector of the hessian
    (as every direction is for a round bowl).
    """
    return t * loss.center / np.linalg.norm(loss.center)


def angle_degrees(beta: NDArray[np.float64]) -> float:
    """The angle of a point of the plane, in degrees from the β₁ axis, in (−180, 180]."""
    return float(np.degrees(np.arctan2(beta[1], beta[0])))


@dataclass(frozen=True)
class Facts:
    """Every number the chapter "Hard constraints" quotes.

    The wall (``wall_*``), the fenced bowl (``bowl_*``) and the naive radial point
    (``radial_*``), the tilted loss (``tilted_*``) with its L1 and L2 optima (``l1_*``,
    ``l2_*``: coordinates, loss and angle in degrees), the gap between the best sampled
    boundary point and the exact L2 optimum (``walk_gap``), and the number of grid panels of
    each family whose optimum has an exactly zero coefficient (``zeros_<family>_<norm>``).
    """

    wall_center: float
    wall_t: float
    wall_beta: float
    wall_loss: float
    bowl_c1: float
    bowl_c2: float
    bowl_t: float
    bowl_b1: float
    bowl_b2: float
    bowl_loss: float
    bowl_lam: float
    radial_b1: float
    radial_b2: float
    radial_loss: float
    tilted_c1: float
    tilted_c2: float
    tilted_t: float
    l1_b1: float
    l1_b2: float
    l1_loss: float
    l1_theta: float
    l2_b1: float
    l2_b2: float
    l2_loss: float
    l2_theta: float
    walk_samples: int
    walk_gap: float
    grid_t: float
    zeros_symmetric_l1: int
    zeros_symmetric_l2: int
    zeros_general_l1: int
    zeros_general_l2: int


@functools.cache
def facts() -> Facts:
    """The numbers of the chapter, from the exact constrained minima of its losses.

    Examples
    --------
    >>> f = facts()
    >>> (f.l1_b1, f.l1_b2), f.zeros_symmetric_l2
    ((0.0, 1.5), 0)
    """
    wall = float(WALL_LOSS.constrained_minimum("l1", WALL_T)[0])
    bowl = BOWL_LOSS.constrained_minimum("l2", BOWL_T)
    radial = radial_point(BOWL_LOSS, BOWL_T)
    optima = {norm: TILTED_LOSS.constrained_minimum(norm, TILTED_T) for norm in NORMS}
    tilted = {}
    for norm, beta in optima.items():
        tilted |= {f"{norm}_b1": beta[0], f"{norm}_b2": beta[1], f"{norm}_loss": TILTED_LOSS(beta)}
        tilted[f"{norm}_theta"] = angle_degrees(beta)
    zeros = {
        f"zeros_{family}_{norm}": sum(
            bool(np.any(loss.constrained_minimum(norm, GRID_T) == 0.0)) for loss in grid_losses(family)
        )
        for family in FAMILIES
        for norm in NORMS
    }
    return Facts(
        wall_center=float(WALL_LOSS.center[0]),
        wall_t=WALL_T,
        wall_beta=wall,
        wall_loss=float(WALL_LOSS(np.array([wall]))),
        bowl_c1=float(BOWL_LOSS.center[0]),
        bowl_c2=float(BOWL_LOSS.center[1]),
        bowl_t=BOWL_T,
        bowl_b1=float(bowl[0]),
        bowl_b2=float(bowl[1]),
        bowl_loss=float(BOWL_LOSS(bowl)),
        bowl_lam=BOWL_LOSS.lam_for_t("l2", BOWL_T),
        radial_b1=float(radial[0]),
        radial_b2=float(radial[1]),
        radial_loss=float(BOWL_LOSS(radial)),
        tilted_c1=float(TILTED_LOSS.center[0]),
        tilted_c2=float(TILTED_LOSS.center[1]),
        tilted_t=TILTED_T,
        **{name: float(value) for name, value in tilted.items()},
        walk_samples=WALK_SAMPLES,
        walk_gap=float(walk(TILTED_LOSS, "l2", TILTED_T)[1].min() - tilted["l2_loss"]),
        grid_t=GRID_T,
        **zeros,
    )
