"""The math layer of regexplain (numpy only): losses, penalties, exact solvers, data sets."""

from . import one_weight, paths
from .crosswalk import to_sklearn
from .homotopy import KKT_TOL
from .losses import mse
from .penalties import L1, L2, Penalty, soft_threshold
from .quadratic import QuadraticLoss
from .random_losses import random_losses
from .simulate import NEAR_MISS_TOL, Clouds, boundary_search, simulate_clouds, zero_rates_by_dimension
from .solvers import LassoPath, LinearFit, elastic_net, lasso, lasso_lambda_max, lasso_path, ridge

__all__ = [
    "KKT_TOL",
    "L1",
    "L2",
    "NEAR_MISS_TOL",
    "Clouds",
    "LassoPath",
    "LinearFit",
    "Penalty",
    "QuadraticLoss",
    "boundary_search",
    "elastic_net",
    "lasso",
    "lasso_lambda_max",
    "lasso_path",
    "mse",
    "one_weight",
    "paths",
    "random_losses",
    "ridge",
    "simulate_clouds",
    "soft_threshold",
    "to_sklearn",
    "zero_rates_by_dimension",
]
