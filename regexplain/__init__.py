"""regexplain: exact, visual explanations of L1 (lasso) and L2 (ridge) regularization.

The top level holds the math (numpy only). Figures live in :mod:`regexplain.plot`, which
needs matplotlib and is imported only when asked for.
"""

from .math import *  # noqa: F403
from .math import __all__ as _math_all

__version__ = "0.1.0"
__all__ = [*_math_all, "__version__"]
