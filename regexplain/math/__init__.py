"""The math layer of regexplain (numpy only).

The engines: losses, penalties, exact solvers and paths, quadratic losses, random losses and
simulations. One module per chapter of the site holds that chapter's parameters and its
``facts()``, every number the chapter quotes: :mod:`~regexplain.math.why_regularize`,
:mod:`~regexplain.math.one_weight`, :mod:`~regexplain.math.hard_constraints`,
:mod:`~regexplain.math.soft_constraints` and :mod:`~regexplain.math.why_zeros`.
"""

from .classification import LogisticFit, logistic
from .crosswalk import to_glmnet, to_sklearn
from .cv import LassoCV, lasso_cv
from .homotopy import KKT_TOL
from .losses import mse
from .optimizers import lasso_iterates
from .penalties import L1, L2, Penalty, soft_threshold
from .quadratic import QuadraticLoss
from .sampling import random_losses
from .seesaw import seesaw_balance
from .simulate import (
    NEAR_MISS_TOL,
    Clouds,
    boundary_search,
    simulate_clouds,
    simulate_shape,
    zero_rates_by_dimension,
    zero_shares_by_dimension,
)
from .solvers import LassoPath, LinearFit, elastic_net, lasso, lasso_lambda_max, lasso_path, ridge

__all__ = [
    "KKT_TOL",
    "L1",
    "L2",
    "NEAR_MISS_TOL",
    "Clouds",
    "LassoCV",
    "LassoPath",
    "LinearFit",
    "LogisticFit",
    "Penalty",
    "QuadraticLoss",
    "boundary_search",
    "elastic_net",
    "lasso",
    "lasso_cv",
    "lasso_iterates",
    "lasso_lambda_max",
    "lasso_path",
    "logistic",
    "mse",
    "random_losses",
    "ridge",
    "seesaw_balance",
    "simulate_clouds",
    "simulate_shape",
    "soft_threshold",
    "to_glmnet",
    "to_sklearn",
    "zero_rates_by_dimension",
    "zero_shares_by_dimension",
]
