"""Iterative lasso optimizers, step by step: who lands on exact zeros and who only hovers near them.

Every method minimizes the centred lasso objective ``(1/n)‖yc − Xc·β‖² + λ‖β‖₁`` (the intercept
is unpenalized and recovered from the means, as in :func:`~regexplain.ridge` and :func:`~regexplain.lasso`), starting
from β = 0, and records every iterate. They are for watching; the answers elsewhere on the site
come from the exact path.

- ``"subgradient"``: ``β ← β − (s/√k)·(2(Gβ − q) + λ·sign(β))`` at step k, the classical
  diminishing step that makes it converge. A coefficient crosses 0 instead of stopping there,
  so its iterates hover around 0, ever closer, and are almost never exactly 0.
- ``"ista"``: the proximal gradient step ``β ← soft_threshold(β − s·2(Gβ − q), s·λ)``: small
  coefficients are set to exactly 0.
- ``"fista"``: ISTA with Nesterov's momentum (Beck and Teboulle, 2009).
- ``"coordinate_descent"``: one sweep over the coefficients per step, each minimized exactly
  (a soft-threshold), as in glmnet and scikit-learn.
"""

import numpy as np
from numpy.typing import ArrayLike, NDArray

from ._validate import check_choice, check_int, check_real
from .penalties import soft_threshold
from .solvers import sufficient_statistics

METHODS = ("subgradient", "ista", "fista", "coordinate_descent")


def lasso_iterates(
    X: ArrayLike, y: ArrayLike, lam: float, method: str, n_steps: int, *, step: float | None = None
) -> NDArray[np.float64]:
    """The iterates ``β⁰ = 0, β¹, …, β^n_steps`` of an iterative lasso method.

    Parameters
    ----------
    X : array_like, shape (n_samples, n_features)
        Design matrix.
    y : array_like, shape (n_samples,)
        Targets (an unpenalized intercept is fitted, through centring).
    lam : float
        Penalty strength λ ≥ 0.
    method : {"subgradient", "ista", "fista", "coordinate_descent"}
        The method (see the module's description).
    n_steps : int
        Number of steps, at least 1 (for coordinate descent, full sweeps).
    step : float, optional
        Step size s > 0 of the gradient methods (the subgradient method's first step; its k-th
        is s/√k). By default ``1/L`` with ``L = 2·‖G‖₂`` the
        Lipschitz constant of the MSE's gradient (``G = XcᵀXc/n``), which makes ISTA and FISTA
        converge. Coordinate descent takes no step.

    Returns
    -------
    numpy.ndarray, shape (n_steps + 1, n_features)
        Row k is the iterate after k steps; row 0 is all zeros.

    Raises
    ------
    ValueError
        If an argument is out of range, ``method`` is not one of the choices, ``step`` is given
        for coordinate descent, or a column of X is constant (coordinate descent divides by its
        variance).

    Examples
    --------
    >>> import numpy as np, regexplain as rx
    >>> X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 1.0]])
    >>> y = X @ [2.0, -0.1]
    >>> rx.lasso_iterates(X, y, 0.5, "coordinate_descent", 30)[-1].round(6)
    array([1.5, 0. ])
    >>> rx.lasso(X, y, 0.5).coef
    array([1.5, 0. ])
    """
    problem = sufficient_statistics(X, y)
    lam = check_real(lam, "lam", low=0.0)
    method = check_choice(method, "method", METHODS)
    n_steps = check_int(n_steps, "n_steps", low=1)
    G, q = problem.gram, problem.xty
    if method == "coordinate_descent":
        if step is not None:
            raise ValueError("step applies to the gradient methods only, not to coordinate descent")
        if np.any(np.diag(G) <= 0.0):
            raise ValueError("coordinate descent needs every column of X to vary (a constant column has no scale)")
        return _coordinate_descent(G, q, lam, n_steps)
    lipschitz = 2.0 * float(np.linalg.eigvalsh(G).max())
    if step is None:
        step = 1.0 / lipschitz if lipschitz > 0 else 1.0
    step = check_real(step, "step", low=0.0, low_open=True)
    iterates = np.zeros((n_steps + 1, q.size))
    beta, momentum, t = iterates[0].copy(), iterates[0].copy(), 1.0
    for k in range(1, n_steps + 1):
        if method == "subgradient":
            beta = beta - step / np.sqrt(k) * (2.0 * (G @ beta - q) + lam * np.sign(beta))
        elif method == "ista":
            beta = soft_threshold(beta - step * 2.0 * (G @ beta - q), step * lam)
        else:  # FISTA: the proximal step from the extrapolated point, then the momentum update
            previous = beta
            beta = soft_threshold(momentum - step * 2.0 * (G @ momentum - q), step * lam)
            t_next = (1.0 + np.sqrt(1.0 + 4.0 * t * t)) / 2.0
            momentum = beta + (t - 1.0) / t_next * (beta - previous)
            t = t_next
        iterates[k] = beta
    return iterates


def _coordinate_descent(
    G: NDArray[np.float64], q: NDArray[np.float64], lam: float, n_steps: int
) -> NDArray[np.float64]:
    """Cyclic sweeps; coordinate j is set to its exact minimizer ``S(q_j − Σ_{k≠j} G_jk β_k, λ/2) / G_jj``."""
    iterates = np.zeros((n_steps + 1, q.size))
    beta = np.zeros(q.size)
    for k in range(1, n_steps + 1):
        for j in range(q.size):
            partial = q[j] - G[j] @ beta + G[j, j] * beta[j]
            beta[j] = float(soft_threshold(partial, lam / 2.0)) / G[j, j]
        iterates[k] = beta
    return iterates
