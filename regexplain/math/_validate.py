"""Argument checks shared by the public functions: fail loudly, name the argument."""

from numbers import Real

import numpy as np
from numpy.typing import ArrayLike, NDArray


def as_float_array(value: ArrayLike, name: str, ndim: int | None = None) -> NDArray[np.float64]:
    """Convert ``value`` to a finite float array, checking its number of dimensions."""
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError) as error:
        raise TypeError(f"{name} must be an array of real numbers, got {type(value).__name__}") from error
    if ndim is not None and array.ndim != ndim:
        shape = {1: "1-D (n,)", 2: "2-D (n_samples, n_features)"}.get(ndim, f"{ndim}-D")
        raise ValueError(f"{name} must be {shape}, got an array of shape {array.shape}")
    if array.size == 0:
        raise ValueError(f"{name} must not be empty, got an array of shape {array.shape}")
    if not np.all(np.isfinite(array)):
        raise ValueError(f"{name} must contain only finite numbers (no NaN or inf)")
    return array


def check_Xy(X: ArrayLike, y: ArrayLike) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """Validate a design matrix and a target vector with matching rows."""
    X = as_float_array(X, "X", ndim=2)
    y = as_float_array(y, "y", ndim=1)
    if X.shape[0] != y.shape[0]:
        raise ValueError(
            f"X and y must have the same number of samples, got X with {X.shape[0]} rows "
            f"and y with {y.shape[0]} entries"
        )
    return X, y


def check_real(
    value: object,
    name: str,
    *,
    low: float = -np.inf,
    high: float = np.inf,
    low_open: bool = False,
) -> float:
    """Validate a finite real scalar in ``[low, high]`` (or ``(low, high]``)."""
    if isinstance(value, bool) or not isinstance(value, Real | np.floating | np.integer):
        raise TypeError(f"{name} must be a real number, got {type(value).__name__}")
    value = float(value)
    too_low = value <= low if low_open else value < low
    if not np.isfinite(value) or too_low or value > high:
        left = "(" if low_open else "["
        raise ValueError(f"{name} must be a finite number in {left}{low}, {high}], got {value}")
    return value


def check_choice(value: object, name: str, choices: tuple[str, ...]) -> str:
    """Validate that ``value`` is one of the allowed strings."""
    if not isinstance(value, str) or value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ValueError(f"{name} must be one of {allowed}, got {value!r}")
    return value


def check_l1_share(kind: str, l1_ratio: object, name: str) -> float:
    """The L1 share r of a penalty named ``kind`` (validated as argument ``name``): 1, 0, or ``l1_ratio``.

    ``"l1"`` is 1 and ``"l2"`` is 0; ``"elastic_net"`` requires ``l1_ratio`` in the open interval
    (0, 1), which the other two refuse.
    """
    kind = check_choice(kind, name, ("l1", "l2", "elastic_net"))
    if kind != "elastic_net":
        if l1_ratio is not None:
            raise ValueError(f"l1_ratio applies to {name}='elastic_net' only, got it with {name}={kind!r}")
        return 1.0 if kind == "l1" else 0.0
    if l1_ratio is None:
        raise ValueError(f"l1_ratio is required for {name}='elastic_net'")
    r = check_real(l1_ratio, "l1_ratio")
    if not 0.0 < r < 1.0:
        raise ValueError(f"l1_ratio must be in the open interval (0, 1) (0 is 'l2', 1 is 'l1'), got {r}")
    return r


def check_int(value: object, name: str, *, low: int | None = None) -> int:
    """Validate an integer (not a bool), optionally at least ``low``."""
    if isinstance(value, bool) or not isinstance(value, int | np.integer):
        raise TypeError(f"{name} must be an integer, got {type(value).__name__}")
    if low is not None and value < low:
        raise ValueError(f"{name} must be an integer >= {low}, got {value}")
    return int(value)
