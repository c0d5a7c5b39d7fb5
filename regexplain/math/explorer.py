"""The Explorer: its starting state, the shape parameters of its controls, and the numbers of its static picture.

The Explorer (page ``explorer``) draws a two-dimensional loss ``(β − c)ᵀH(β − c)`` and its exact
optimum under a budget t or a strength λ, live in the browser, by the JavaScript port of
:class:`~regexplain.QuadraticLoss` in ``docs/_static/explorer/solver.mjs``. Its controls set
``H`` by the tilt of the bowl's long axis and its elongation at a fixed scale: :func:`hessian`
and its inverse :func:`shape`. It starts from the loss that "Why L1 gives zeros" looks at up
close, so that the page continues that chapter's argument.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_real
from .paths import l1_breakpoints
from .quadratic import QuadraticLoss
from .why_zeros import ZOOM_LOSS, ZOOM_T

START_LOSS = ZOOM_LOSS
"""The loss the Explorer starts from, the zoomed loss of "Why L1 gives zeros"."""
START_T = ZOOM_T
"""The budget it starts with."""
START_NORM = "l1"
START_L1_RATIO = 0.5
"""The elastic net's mix r when the reader first selects it."""
WINDOW = 6.0
"""The half-width of the plane shown, ``[−6, 6]²``; the minimum c can be dragged anywhere in it."""
T_RANGE = (0.05, 8.0)
"""The budget slider's range."""
LAM_RANGE = (1e-2, 1e3)
"""The strength slider's range (logarithmic)."""
ELONGATION_RANGE = (1.0, 10.0)
"""The elongation slider's range, the ratio of the contour ellipses' long axis to their short one."""
RATIO_RANGE, RATIO_STEP = (0.05, 0.95), 0.05
"""The elastic net's L1 share slider, from 0.05 to 0.95 in steps of 0.05."""
TILT_RANGE, TILT_STEP = (-90, 90), 1
"""The tilt slider, in degrees."""


@dataclass(frozen=True)
class Shape:
    """A two-dimensional hessian by its shape: ``H = s·R(θ)·diag(1/e, e)·R(θ)ᵀ``.

    Attributes
    ----------
    tilt : float
        θ in degrees, in (−90, 90]: the direction of the contour ellipses' long axis.
    elongation : float
        e ≥ 1: the ratio of their long axis to their short one.
    scale : float
        s > 0: the geometric mean of H's eigenvalues, √det H.
    """

    tilt: float
    elongation: float
    scale: float


def hessian(tilt: float, elongation: float, scale: float) -> NDArray[np.float64]:
    """The hessian of the shape ``(tilt, elongation, scale)`` (see :class:`Shape`).

    The eigenvalue along the long axis (angle θ) is s/e, the one across it s·e, so the
    contours' axes are in the ratio e.

    Examples
    --------
    >>> hessian(0.0, 2.0, 1.0)
    array([[0.5, 0. ],
           [0. , 2. ]])
    """
    theta = np.radians(check_real(tilt, "tilt"))
    e = check_real(elongation, "elongation", low=1.0)
    s = check_real(scale, "scale", low=0.0, low_open=True)
    long_axis = np.array([np.cos(theta), np.sin(theta)])
    across = np.array([-long_axis[1], long_axis[0]])
    return s / e * np.outer(long_axis, long_axis) + s * e * np.outer(across, across)


def shape(hessian: ArrayLike) -> Shape:
    """The :class:`Shape` of a symmetric positive definite 2×2 hessian: the inverse of :func:`hessian`.

    Examples
    --------
    >>> s = shape([[0.5, 0.0], [0.0, 2.0]])
    >>> s.tilt, s.elongation, s.scale
    (0.0, 2.0, 1.0)
    """
    H = as_float_array(hessian, "hessian", ndim=2)
    eigenvalues, eigenvectors = np.linalg.eigh(QuadraticLoss(H, [0.0, 0.0]).hessian)  # validates H
    x, y = eigenvectors[:, 0]  # the smaller eigenvalue's direction: the long axis
    tilt = float(np.degrees(np.arctan2(y, x)))
    tilt = tilt - 180.0 if tilt > 90.0 else tilt + 180.0 if tilt <= -90.0 else tilt
    return Shape(tilt + 0.0, float(np.sqrt(eigenvalues[1] / eigenvalues[0])), float(np.sqrt(np.prod(eigenvalues))))


def start_state() -> dict[str, object]:
    """The Explorer's starting state and its controls' ranges, as the page hands them to the script."""
    return {
        "hessian": START_LOSS.hessian.tolist(),
        "center": START_LOSS.center.tolist(),
        "norm": START_NORM,
        "t": START_T,
        "l1Ratio": START_L1_RATIO,
        "window": WINDOW,
        "tRange": list(T_RANGE),
        "lamRange": list(LAM_RANGE),
        "elongationRange": list(ELONGATION_RANGE),
        "ratioRange": [*RATIO_RANGE, RATIO_STEP],
        "tiltRange": [*TILT_RANGE, TILT_STEP],
    }


def slider_ratios() -> NDArray[np.float64]:
    """Every value of the elastic net's L1 share slider."""
    count = round((RATIO_RANGE[1] - RATIO_RANGE[0]) / RATIO_STEP) + 1
    return np.round(RATIO_RANGE[0] + RATIO_STEP * np.arange(count), 10)


def tip_tilts(loss: QuadraticLoss = START_LOSS, t: float = START_T) -> NDArray[np.intp]:
    """The tilts on the slider (same elongation and scale, same minimum) at which the L1 optimum is a tip."""
    start = shape(loss.hessian)
    tilts = np.arange(TILT_RANGE[0], TILT_RANGE[1] + 1, TILT_STEP)
    tip = [
        bool(
            np.any(
                QuadraticLoss(hessian(tilt, start.elongation, start.scale), loss.center).constrained_minimum("l1", t)
                == 0.0
            )
        )
        for tilt in tilts
    ]
    return tilts[np.array(tip)]


def optimum(loss: QuadraticLoss, norm: str, t: float, l1_ratio: float = START_L1_RATIO) -> tuple[NDArray, float]:
    """The exact constrained optimum for ``norm`` at budget ``t`` and its matching λ (elastic net: mix ``l1_ratio``)."""
    ratio = {"l1_ratio": l1_ratio} if norm == "elastic_net" else {}
    return loss.constrained_minimum(norm, t, **ratio), loss.lam_for_t(norm, t, **ratio)


@dataclass(frozen=True)
class Facts:
    """Every number the Explorer's page quotes: the starting loss and budget, its shape, and each norm's optimum."""

    c1: float
    c2: float
    h11: float
    h12: float
    h22: float
    t: float
    tilt: float
    elongation: float
    scale: float
    l1_ratio: float
    l1_b1: float
    l1_b2: float
    l1_lam: float
    l2_b1: float
    l2_b2: float
    l2_lam: float
    en_b1: float
    en_b2: float
    en_lam: float
    l1_tip_t: float
    en_tip_ratio: float
    edge_tilt_low: int
    edge_tilt_high: int


def facts() -> Facts:
    """The page's numbers, computed from the starting state.

    Examples
    --------
    >>> f = facts()
    >>> f.l1_b1, f.l1_b2
    (2.6, 0.0)
    """
    loss, t = START_LOSS, START_T
    found = {norm: optimum(loss, norm, t) for norm in ("l1", "l2", "elastic_net")}
    start = shape(loss.hessian)
    (h11, h12), (_, h22) = loss.hessian
    edges = np.setdiff1d(np.arange(TILT_RANGE[0], TILT_RANGE[1] + 1, TILT_STEP), tip_tilts(loss, t))
    return Facts(
        c1=float(loss.center[0]),
        c2=float(loss.center[1]),
        h11=float(h11),
        h12=float(h12),
        h22=float(h22),
        t=t,
        tilt=start.tilt,
        elongation=start.elongation,
        scale=start.scale,
        l1_ratio=START_L1_RATIO,
        **{
            f"{key}_{name}": float(value)
            for norm, key in (("l1", "l1"), ("l2", "l2"), ("elastic_net", "en"))
            for name, value in zip(("b1", "b2", "lam"), (*found[norm][0], found[norm][1]), strict=True)
        },
        l1_tip_t=max(
            loss.t_for_lam("l1", lam) for lam in l1_breakpoints(loss) if 0.0 in loss.penalized_minimum("l1", lam)
        ),
        en_tip_ratio=float(min(r for r in slider_ratios() if optimum(loss, "elastic_net", t, r)[0][1] == 0.0)),
        edge_tilt_low=int(edges.min()),
        edge_tilt_high=int(edges.max()),
    )
