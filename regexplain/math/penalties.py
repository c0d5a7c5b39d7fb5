"""The penalties P(β): L1, L2 (squared) and elastic net, with (sub)gradients and proximal maps.

All three are one family, ``P(β) = r·‖β‖₁ + (1 − r)·‖β‖₂²`` with ``r = l1_ratio``:
r = 1 is the lasso penalty, r = 0 the ridge penalty.
"""

from dataclasses import dataclass

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_real


def soft_threshold(v: ArrayLike, threshold: float) -> NDArray[np.float64]:
    """Shrink every entry of ``v`` toward 0 by ``threshold``; entries within it become exactly 0.

    ``sign(v)·max(|v| − threshold, 0)``, the proximal map of ``threshold·|·|``.

    Parameters
    ----------
    v : array_like
        Values to shrink.
    threshold : float
        Non-negative amount of shrinkage.

    Returns
    -------
    numpy.ndarray
        Array of the same shape as ``v``; shrunk entries that cross 0 are exactly ``0.0``.
    """
    v = as_float_array(v, "v")
    threshold = check_real(threshold, "threshold", low=0.0)
    # Adding 0.0 turns the -0.0 that sign(v) * 0.0 gives for negative v into a plain 0.0.
    return np.sign(v) * np.maximum(np.abs(v) - threshold, 0.0) + 0.0


@dataclass(frozen=True)
class Penalty:
    """The penalty ``P(β) = l1_ratio·‖β‖₁ + (1 − l1_ratio)·‖β‖₂²``.

    Use the ready-made :data:`~regexplain.math.penalties.L1` and
    :data:`~regexplain.math.penalties.L2`, or ``Penalty(l1_ratio)`` for an elastic net.

    Parameters
    ----------
    l1_ratio : float
        Weight of the L1 part, in [0, 1].
    """

    l1_ratio: float

    def __post_init__(self) -> None:
        object.__setattr__(self, "l1_ratio", check_real(self.l1_ratio, "l1_ratio", low=0.0, high=1.0))

    @property
    def name(self) -> str:
        """``"l1"``, ``"l2"`` or ``"elastic net"``."""
        return {1.0: "l1", 0.0: "l2"}.get(self.l1_ratio, "elastic net")

    def value(self, beta: ArrayLike) -> NDArray[np.float64]:
        """Penalty of each coefficient vector in ``beta`` (shape ``(..., p)``), summed over the last axis."""
        beta = as_float_array(beta, "beta")
        r = self.l1_ratio
        return r * np.abs(beta).sum(axis=-1) + (1.0 - r) * (beta**2).sum(axis=-1)

    def subgradient(self, beta: ArrayLike) -> NDArray[np.float64]:
        """The smallest (sub)gradient of P at ``beta``, entry by entry.

        Away from 0 this is the gradient ``r·sign(β) + 2(1 − r)·β``. At a zero entry the L1
        part has a whole interval ``[−r, r]`` of subgradients; the one of least size, 0, is
        returned.
        """
        beta = as_float_array(beta, "beta")
        r = self.l1_ratio
        return r * np.sign(beta) + 2.0 * (1.0 - r) * beta

    def prox(self, v: ArrayLike, step: float) -> NDArray[np.float64]:
        """Proximal map: ``argmin_b ½‖b − v‖² + step·P(b)``, entry by entry.

        L1 part: soft-thresholding by ``step·r`` (small entries become exactly 0); L2 part:
        division by ``1 + 2·step·(1 − r)``.
        """
        step = check_real(step, "step", low=0.0)
        r = self.l1_ratio
        return soft_threshold(v, step * r) / (1.0 + 2.0 * step * (1.0 - r))


L1 = Penalty(1.0)
"""The lasso penalty ``‖β‖₁``."""

L2 = Penalty(0.0)
"""The ridge penalty ``‖β‖₂²`` (the squared Euclidean norm)."""

PENALTIES = {"l1": L1, "l2": L2}
"""The penalty of each norm name, ``"l1"`` → :data:`L1` and ``"l2"`` → :data:`L2`."""
