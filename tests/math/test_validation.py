"""Every public function rejects bad input loudly, with a message that names the argument."""

import numpy as np
import pytest

import regexplain as rx
from regexplain.math import one_weight as ow

RNG = np.random.default_rng(0)
X = RNG.standard_normal((5, 2))
Y = RNG.standard_normal(5)
x = X[:, 0]


def with_value(array, index, value):
    array = array.copy()
    array[index] = value
    return array


def cases(functions, bad_inputs):
    """Every function with every bad input, as pytest params with readable ids."""
    return [
        pytest.param(function, *bad, id=f"{name}-{label}")
        for name, function in functions.items()
        for label, bad in bad_inputs.items()
    ]


# Functions of (X, y), called with otherwise valid arguments.
XY_FUNCTIONS = {
    "ridge": lambda X, y: rx.ridge(X, y, 0.1),
    "lasso": lambda X, y: rx.lasso(X, y, 0.1),
    "elastic_net": lambda X, y: rx.elastic_net(X, y, 0.1, 0.5),
    "lasso_lambda_max": rx.lasso_lambda_max,
    "mse": lambda X, y: rx.mse(X, y, np.zeros(2)),
}
BAD_XY = {
    "X-1d": ((x, Y), ValueError, r"X must be 2-D"),
    "X-3d": ((X[None], Y), ValueError, r"X must be 2-D"),
    "y-2d": ((X, Y[:, None]), ValueError, r"y must be 1-D"),
    "rows": ((X, Y[:4]), ValueError, r"X and y must have the same number of samples"),
    "rows-broadcastable": ((X, Y[:1]), ValueError, r"X and y must have the same number of samples"),
    "X-empty": ((X[:0], Y[:0]), ValueError, r"X must not be empty"),
    "y-empty": ((X, Y[:0]), ValueError, r"y must not be empty"),
    "X-nan": ((with_value(X, (1, 1), np.nan), Y), ValueError, r"X must contain only finite"),
    "X-inf": ((with_value(X, (0, 0), np.inf), Y), ValueError, r"X must contain only finite"),
    "y-nan": ((X, with_value(Y, 2, np.nan)), ValueError, r"y must contain only finite"),
    "y-inf": ((X, with_value(Y, 4, -np.inf)), ValueError, r"y must contain only finite"),
    "X-text": (([["a", "b"]] * 5, Y), TypeError, r"X must be an array of real numbers"),
    "y-none": ((X, None), (TypeError, ValueError), r"\by\b"),
}

# Functions of the one-weight data (x, y), both 1-D.
ONE_WEIGHT_FUNCTIONS = {
    "objective": lambda x, y: ow.objective(x, y, 0.3, 0.1),
    "mse_slope": lambda x, y: ow.mse_slope(x, y, 0.3),
    "minimizer": lambda x, y: ow.minimizer(x, y, 0.1, "l1"),
    "zero_threshold": ow.zero_threshold,
}
BAD_ONE_WEIGHT_XY = {
    "x-2d": ((X, Y), ValueError, r"x must be 1-D"),
    "y-2d": ((x, Y[:, None]), ValueError, r"y must be 1-D"),
    "rows": ((x, Y[:4]), ValueError, r"(?i)x and y must have the same number of samples"),
    "rows-broadcastable": ((x, Y[:1]), ValueError, r"(?i)x and y must have the same number of samples"),
    "x-empty": ((x[:0], Y[:0]), ValueError, r"x must not be empty"),
    "x-nan": ((with_value(x, 1, np.nan), Y), ValueError, r"x must contain only finite"),
    "y-inf": ((x, with_value(Y, 0, np.inf)), ValueError, r"y must contain only finite"),
}

# Functions of a penalty strength λ ≥ 0.
LAM_FUNCTIONS = {
    "ridge": lambda lam: rx.ridge(X, Y, lam),
    "lasso": lambda lam: rx.lasso(X, Y, lam),
    "elastic_net": lambda lam: rx.elastic_net(X, Y, lam, 0.5),
    "to_sklearn": lambda lam: rx.to_sklearn("ridge", lam, n_samples=5),
    "objective": lambda lam: ow.objective(x, Y, 0.3, lam),
    "minimizer": lambda lam: ow.minimizer(x, Y, lam, "l2"),
}
BAD_LAM = {
    "negative": ((-0.1,), ValueError, r"lam must be a finite number"),
    "nan": ((np.nan,), ValueError, r"lam must be a finite number"),
    "inf": ((np.inf,), ValueError, r"lam must be a finite number"),
    "string": (("0.1",), TypeError, r"lam must be a real number"),
    "bool": ((True,), TypeError, r"lam must be a real number"),
    "none": ((None,), TypeError, r"lam must be a real number"),
}

L1_RATIO_FUNCTIONS = {
    "elastic_net": lambda r: rx.elastic_net(X, Y, 0.1, r),
    "Penalty": rx.Penalty,
    "to_sklearn": lambda r: rx.to_sklearn("elastic_net", 0.1, n_samples=5, l1_ratio=r),
}
BAD_L1_RATIO = {
    "below": ((-0.1,), ValueError, r"l1_ratio must be a finite number in \[0.0, 1.0\]"),
    "above": ((1.5,), ValueError, r"l1_ratio must be a finite number in \[0.0, 1.0\]"),
    "nan": ((np.nan,), ValueError, r"l1_ratio must be a finite number"),
    "string": (("0.5",), TypeError, r"l1_ratio must be a real number"),
    "bool": ((True,), TypeError, r"l1_ratio must be a real number"),
}

FIT_INTERCEPT_FUNCTIONS = {
    "ridge": lambda flag: rx.ridge(X, Y, 0.1, fit_intercept=flag),
    "lasso": lambda flag: rx.lasso(X, Y, 0.1, fit_intercept=flag),
    "elastic_net": lambda flag: rx.elastic_net(X, Y, 0.1, 0.5, fit_intercept=flag),
    "lasso_lambda_max": lambda flag: rx.lasso_lambda_max(X, Y, fit_intercept=flag),
}
BAD_FIT_INTERCEPT = {
    "int": ((1,), TypeError, r"fit_intercept must be True or False"),
    "string": (("yes",), TypeError, r"fit_intercept must be True or False"),
    "none": ((None,), TypeError, r"fit_intercept must be True or False"),
}

FIT = rx.ridge(X, Y, 0.1)
OTHER = {
    # penalties
    "prox-step-negative": (lambda: rx.L1.prox([1.0], -0.1), ValueError, r"step must be a finite number"),
    "prox-step-nan": (lambda: rx.L2.prox([1.0], np.nan), ValueError, r"step must be a finite number"),
    "prox-v-nan": (lambda: rx.L1.prox([np.nan], 0.1), ValueError, r"v must contain only finite"),
    "value-beta-inf": (lambda: rx.L1.value([1.0, np.inf]), ValueError, r"beta must contain only finite"),
    "value-beta-empty": (lambda: rx.L2.value([]), ValueError, r"beta must not be empty"),
    "subgradient-beta-text": (lambda: rx.L1.subgradient("abc"), TypeError, r"beta must be an array"),
    "soft-threshold-negative": (lambda: rx.soft_threshold([1.0], -1.0), ValueError, r"threshold must be a finite"),
    "soft-threshold-text": (lambda: rx.soft_threshold([1.0], "1"), TypeError, r"threshold must be a real number"),
    "soft-threshold-v-nan": (lambda: rx.soft_threshold([np.nan], 1.0), ValueError, r"v must contain only finite"),
    # to_sklearn
    "kind-unknown": (lambda: rx.to_sklearn("lasso2", 0.1, n_samples=5), ValueError, r"kind must be one of"),
    "kind-none": (lambda: rx.to_sklearn(None, 0.1, n_samples=5), ValueError, r"kind must be one of"),
    "l1-ratio-missing": (lambda: rx.to_sklearn("elastic_net", 0.1, n_samples=5), ValueError, r"l1_ratio is required"),
    "l1-ratio-missing-logistic": (
        lambda: rx.to_sklearn("logistic_elastic_net", 0.1, n_samples=5),
        ValueError,
        r"l1_ratio is required",
    ),
    **{
        f"l1-ratio-with-{kind}": (
            lambda kind=kind: rx.to_sklearn(kind, 0.1, n_samples=5, l1_ratio=0.5),
            ValueError,
            r"l1_ratio applies to kind='elastic_net' only",
        )
        for kind in ("ridge", "lasso", "logistic_l1", "logistic_l2")
    },
    **{
        f"{kind}-lam-{lam}": (lambda kind=kind, lam=lam: rx.to_sklearn(kind, lam, n_samples=5), ValueError, r"lam")
        for kind in ("logistic_l1", "logistic_l2")
        for lam in (0.0, -1.0)
    },
    "n-samples-zero": (lambda: rx.to_sklearn("ridge", 0.1, n_samples=0), ValueError, r"n_samples must be an integer"),
    "n-samples-float": (lambda: rx.to_sklearn("ridge", 0.1, n_samples=5.0), TypeError, r"n_samples must be an integer"),
    "n-samples-bool": (lambda: rx.to_sklearn("ridge", 0.1, n_samples=True), TypeError, r"n_samples must be an integer"),
    # one_weight
    "data-n-small": (lambda: ow.data(1), ValueError, r"n must be an integer >= 2"),
    "data-n-float": (lambda: ow.data(20.0), TypeError, r"n must be an integer"),
    "data-n-bool": (lambda: ow.data(True), TypeError, r"n must be an integer"),
    "data-seed-negative": (lambda: ow.data(seed=-1), ValueError, r"seed must be an integer >= 0"),
    "data-seed-float": (lambda: ow.data(seed=1.5), TypeError, r"seed must be an integer"),
    "data-seed-none": (lambda: ow.data(seed=None), TypeError, r"seed must be an integer"),
    "data-noise-negative": (lambda: ow.data(noise=-0.1), ValueError, r"noise must be a finite number"),
    "data-w-nan": (lambda: ow.data(w=np.nan), ValueError, r"w must be a finite number"),
    "objective-norm": (lambda: ow.objective(x, Y, 0.3, 0.1, "l3"), ValueError, r"norm must be one of"),
    "minimizer-norm": (lambda: ow.minimizer(x, Y, 0.1, "L1"), ValueError, r"norm must be one of"),
    "objective-w-nan": (lambda: ow.objective(x, Y, [0.1, np.nan]), ValueError, r"w must contain only finite"),
    "mse-slope-w-inf": (lambda: ow.mse_slope(x, Y, np.inf), ValueError, r"w must contain only finite"),
    # mse
    "mse-coef-short": (lambda: rx.mse(X, Y, [1.0]), ValueError, r"coef must end with an axis of length n_features=2"),
    "mse-coef-long": (lambda: rx.mse(X, Y, np.ones((3, 4))), ValueError, r"coef must end with an axis"),
    "mse-coef-scalar": (lambda: rx.mse(X, Y, 1.0), ValueError, r"coef must end with an axis"),
    "mse-coef-nan": (lambda: rx.mse(X, Y, [np.nan, 1.0]), ValueError, r"coef must contain only finite"),
    "mse-intercept-nan": (lambda: rx.mse(X, Y, [0.0, 1.0], np.nan), ValueError, r"intercept must be a finite"),
    "mse-intercept-text": (lambda: rx.mse(X, Y, [0.0, 1.0], "1"), TypeError, r"intercept must be a real number"),
    # LinearFit.predict
    "predict-X-1d": (lambda: FIT.predict(x), ValueError, r"X must be 2-D"),
    "predict-X-columns": (lambda: FIT.predict(X[:, :1]), ValueError, r"X must have 2 columns, got 1"),
    "predict-X-nan": (lambda: FIT.predict(with_value(X, (0, 0), np.nan)), ValueError, r"X must contain only finite"),
}


@pytest.mark.parametrize(
    ("function", "args", "error", "match"),
    [
        *cases(XY_FUNCTIONS, BAD_XY),
        *cases(ONE_WEIGHT_FUNCTIONS, BAD_ONE_WEIGHT_XY),
        *cases(LAM_FUNCTIONS, BAD_LAM),
        *cases(L1_RATIO_FUNCTIONS, BAD_L1_RATIO),
        *cases(FIT_INTERCEPT_FUNCTIONS, BAD_FIT_INTERCEPT),
        *[pytest.param(function, (), error, match, id=label) for label, (function, error, match) in OTHER.items()],
    ],
)
def test_bad_input_is_rejected(function, args, error, match):
    with pytest.raises(error, match=match):
        function(*args)


def test_valid_calls_used_above_succeed():
    """The bad-input cases change one argument of these calls, so these must work as they stand."""
    for function in XY_FUNCTIONS.values():
        function(X, Y)
    for function in ONE_WEIGHT_FUNCTIONS.values():
        function(x, Y)
    for function in LAM_FUNCTIONS.values():
        function(0.1)
    for function in L1_RATIO_FUNCTIONS.values():
        function(0.5)
    for function in FIT_INTERCEPT_FUNCTIONS.values():
        function(False)
    assert rx.to_sklearn("logistic_l2", 0.1, n_samples=5) == {"C": 1.0, "l1_ratio": 0.0}
    assert rx.to_sklearn("lasso", 0.1, n_samples=5) == {"alpha": 0.05}
