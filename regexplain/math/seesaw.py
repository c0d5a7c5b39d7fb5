"""The seesaw: balance a torque with several masses, and among all balancing positions take the cheapest.

Children of masses ``m`` sit at signed positions ``x`` from the fulcrum; they balance a torque
``τ`` when ``m·x = τ``. One equation and several unknowns: a whole line (a plane, a hyperplane)
of equally good answers, an ill-posed problem. A penalty picks one. Each answer is exact: a
closed form for L2 and L1, and for the elastic net a finite search over how many of the
heaviest children take part.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import as_float_array, check_l1_share, check_real


def seesaw_balance(
    masses: ArrayLike, torque: float, norm: str, *, l1_ratio: float | None = None
) -> NDArray[np.float64]:
    """The balancing positions ``x`` (``masses·x = torque``) with the least penalty.

    Parameters
    ----------
    masses : array_like, shape (n,)
        The children's masses, positive and finite.
    torque : float
        The torque ``τ`` to balance (the sleeping dog's), finite.
    norm : {"l2", "l1", "elastic_net"}
        The penalty: ``‖x‖₂``, ``‖x‖₁`` or ``r‖x‖₁ + (1 − r)‖x‖₂²`` with ``r = l1_ratio``.
    l1_ratio : float, optional
        The elastic net's L1 share ``r``, in the open interval (0, 1); required for
        ``"elastic_net"``, not allowed otherwise.

    Returns
    -------
    numpy.ndarray, shape (n,)
        The positions. ``"l2"``: ``x = τ·m/‖m‖²``, every child in, at positions proportional to
        their masses. ``"l1"``: only the heaviest child, at ``τ/m_max``, every other position
        exactly 0.0 (if several are heaviest, the L1 answers form a segment and its point of
        least ‖x‖₂ is returned: an equal share). ``"elastic_net"``:
        ``xᵢ = sign(τ)·max(ν·mᵢ − r, 0)/(2(1 − r))`` with the ν > 0 that balances; the
        children lighter than ``r/ν`` sit at exactly 0.0.

    Raises
    ------
    ValueError
        If ``masses`` is not a non-empty 1-D array of positive finite numbers, ``torque`` is not
        finite, ``norm`` is not one of the choices, or ``l1_ratio`` is missing, out of range, or
        given for another norm.
    TypeError
        If ``torque`` or ``masses`` is not numeric.

    Examples
    --------
    A small child (20 kg) and a big one (40 kg) balance a torque of 100 kg·m:

    >>> seesaw_balance([20.0, 40.0], 100.0, "l2")
    array([1., 2.])
    >>> seesaw_balance([20.0, 40.0], 100.0, "l1")
    array([0. , 2.5])
    >>> seesaw_balance([20.0, 40.0], 100.0, "elastic_net", l1_ratio=0.5)
    array([0.8, 2.1])
    """
    masses = as_float_array(masses, "masses", ndim=1)
    if np.any(masses <= 0.0):
        raise ValueError(f"masses must all be positive, got {masses.tolist()}")
    torque = check_real(torque, "torque")
    r = check_l1_share(norm, l1_ratio, "norm")
    if torque == 0.0:
        return np.zeros_like(masses)
    if r == 0.0:
        unit = masses / masses.max()  # scaled first: m·m itself can overflow or underflow
        return (torque / masses.max()) * unit / (unit @ unit)
    if r == 1.0:
        heaviest = masses == masses.max()
        return np.where(heaviest, torque / (masses.max() * heaviest.sum()), 0.0)
    return np.sign(torque) * _elastic_positions(masses, abs(torque), r) + 0.0  # + 0.0: no −0.0


def _elastic_positions(masses: NDArray[np.float64], torque: float, r: float) -> NDArray[np.float64]:
    """The elastic-net answer for a positive torque: the k heaviest children in, for the one k that is consistent.

    With the k heaviest in (set A), balance gives ``ν = (2(1 − r)τ + r·S₁)/S₂`` with
    ``S₁ = Σ_A m``, ``S₂ = Σ_A m²``, and so
    ``xᵢ = τ·mᵢ/S₂ + r/(2(1 − r))·Σ_A mⱼ(mᵢ − mⱼ)/S₂``: that form, without the cancellation of
    ``ν·mᵢ − r``, is accurate for every r and τ. A is right when the next child would get
    ``x ≤ 0``. Masses are scaled by the largest first (positions scale back by the same factor).
    """
    scale = masses.max()
    m, tau = masses / scale, torque / scale
    order = np.argsort(-m, kind="stable")
    heavy = m[order]
    share = r / (2.0 * (1.0 - r))

    def positions_of(k: int, candidates: NDArray[np.float64]) -> NDArray[np.float64]:
        active = heavy[:k]
        squares = active @ active
        return tau * candidates / squares + share * (candidates[:, None] - active[None, :]) @ active / squares

    k = 1
    while k < heavy.size and positions_of(k, heavy[k : k + 1])[0] > 0.0:
        k += 1
    positions = np.zeros_like(masses)
    positions[order[:k]] = positions_of(k, heavy[:k])
    return positions
