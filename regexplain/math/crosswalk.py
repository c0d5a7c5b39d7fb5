"""Translation of this site's λ into scikit-learn's parameters.

This site minimizes ``(1/n)‖y − β0 − Xβ‖² + λ·P(β)``. scikit-learn scales the data term
differently for each estimator, so the same model needs a different number there.
"""

from ._validate import check_choice, check_int, check_real

_KINDS = ("ridge", "lasso", "elastic_net", "logistic_l1", "logistic_l2", "logistic_elastic_net")
_WITH_RATIO = ("elastic_net", "logistic_elastic_net")


def to_sklearn(kind: str, lam: float, *, n_samples: int, l1_ratio: float | None = None) -> dict[str, float]:
    """Keyword arguments that make a scikit-learn estimator solve this site's problem.

    Parameters
    ----------
    kind : {"ridge", "lasso", "elastic_net", "logistic_l1", "logistic_l2", "logistic_elastic_net"}
        Which model: for ``sklearn.linear_model.Ridge``, ``Lasso``, ``ElasticNet``, or
        ``LogisticRegression`` with an L1, L2 or elastic-net penalty (:func:`~regexplain.logistic`).
    lam : float
        This site's penalty strength λ (> 0 for the logistic kinds, whose ``C`` is 1/λ-like).
    n_samples : int
        Number of training samples n (``Ridge`` does not divide its data term by n).
    l1_ratio : float, optional
        This site's L1 share r in [0, 1]; required for the elastic-net kinds only.

    Returns
    -------
    dict
        ``{"alpha": ...}``, plus ``"l1_ratio"`` for the elastic net; ``{"C": ..., "l1_ratio": ...}``
        for the logistic kinds (scikit-learn 1.8 chooses the penalty with ``l1_ratio``: 1 for L1,
        0 for L2; its ``penalty`` argument is deprecated).

    Notes
    -----
    - ``Ridge`` minimizes ``‖y − Xw‖² + alpha‖w‖²``: multiply ours by n, so ``alpha = n·λ``.
    - ``Lasso`` minimizes ``(1/2n)‖y − Xw‖² + alpha‖w‖₁``: halve ours, so ``alpha = λ/2``.
    - ``ElasticNet`` minimizes ``(1/2n)‖y − Xw‖² + alpha·ρ‖w‖₁ + (alpha(1 − ρ)/2)‖w‖²``.
      Halving ours and matching both penalty terms gives ``alpha = λ(1 − r/2)`` and
      ``ρ = r / (2 − r)``: scikit-learn's ``l1_ratio`` is not ours.
    - ``LogisticRegression`` minimizes ``C·Σ log-loss + ρ‖w‖₁ + ((1 − ρ)/2)‖w‖²`` (ρ its
      ``l1_ratio``); written as ``(1/n)·Σ log-loss + λ(r‖w‖₁ + (1 − r)‖w‖²)`` that is
      ``C = 1/(nλ(2 − r))`` and ``ρ = r/(2 − r)``: ``C = 1/(nλ)`` for L1, ``1/(2nλ)`` for L2. This
      holds for the solvers that leave the intercept unpenalized (not ``liblinear``).

    Examples
    --------
    >>> import regexplain as rx
    >>> rx.to_sklearn("lasso", 0.5, n_samples=100)
    {'alpha': 0.25}
    >>> rx.to_sklearn("ridge", 0.5, n_samples=100)
    {'alpha': 50.0}
    >>> rx.to_sklearn("elastic_net", 0.5, n_samples=100, l1_ratio=0.5)
    {'alpha': 0.375, 'l1_ratio': 0.3333333333333333}
    """
    kind = check_choice(kind, "kind", _KINDS)
    lam = check_real(lam, "lam", low=0.0, low_open=kind.startswith("logistic"))
    n_samples = check_int(n_samples, "n_samples", low=1)
    if kind not in _WITH_RATIO and l1_ratio is not None:
        raise ValueError(f"l1_ratio applies to kind='elastic_net' only, got it with kind={kind!r}")
    if kind == "ridge":
        return {"alpha": n_samples * lam}
    if kind == "lasso":
        return {"alpha": lam / 2.0}
    if kind in ("logistic_l1", "logistic_l2"):
        r = 1.0 if kind == "logistic_l1" else 0.0
    elif l1_ratio is None:
        raise ValueError(f"l1_ratio is required for kind={kind!r}")
    else:
        r = check_real(l1_ratio, "l1_ratio", low=0.0, high=1.0)
    if kind.startswith("logistic"):
        return {"C": 1.0 / (n_samples * lam * (2.0 - r)), "l1_ratio": r / (2.0 - r)}
    return {"alpha": lam * (1.0 - r / 2.0), "l1_ratio": r / (2.0 - r)}


def to_glmnet(lam: float, *, l1_ratio: float = 1.0) -> dict[str, float]:
    """``lambda`` and ``alpha`` that make R's glmnet (gaussian, ``standardize=FALSE``) solve this site's problem.

    glmnet documents its objective as ``(1/2n)‖y − β0 − Xβ‖² + λ_g·((1 − α)/2·‖β‖² + α‖β‖₁)``.
    Halving ours, ``(1/n)‖y − β0 − Xβ‖² + λ(r‖β‖₁ + (1 − r)‖β‖²)``, and matching both penalty
    terms gives ``λ_g = λ(1 − r/2)`` and ``α = r/(2 − r)``: the same numbers as scikit-learn's
    ``ElasticNet`` (``alpha``, ``l1_ratio``). glmnet also scales y to unit standard deviation
    internally; that changes nothing for the lasso, but with an L2 part (r < 1) its answers
    match these numbers when y has unit standard deviation (with 1/n).

    Parameters
    ----------
    lam : float
        This site's λ ≥ 0.
    l1_ratio : float, default 1.0
        This site's L1 share r in [0, 1] (1: lasso, 0: ridge).

    Returns
    -------
    dict
        ``{"lambda": λ_g, "alpha": α}``.

    Examples
    --------
    >>> to_glmnet(0.5), to_glmnet(0.5, l1_ratio=0.0)
    ({'lambda': 0.25, 'alpha': 1.0}, {'lambda': 0.5, 'alpha': 0.0})
    """
    lam = check_real(lam, "lam", low=0.0)
    r = check_real(l1_ratio, "l1_ratio", low=0.0, high=1.0)
    return {"lambda": lam * (1.0 - r / 2.0), "alpha": r / (2.0 - r)}
