"""The figure layer of regexplain (matplotlib): one module per chapter, one function per figure.

Each figure function takes the chapter's parameters (by default those of
``regexplain.math.<chapter>``), returns a :class:`matplotlib.figure.Figure` whose ``alt_text``
attribute describes it for readers who cannot see it (written from the same data it draws),
and solves nothing itself: every optimum it draws comes from :mod:`regexplain`'s math layer.
"""

from . import hard_constraints, in_practice, one_weight, soft_constraints, why_regularize, why_zeros
from .style import COLORS, NORM_STYLES, describe

__all__ = [
    "COLORS",
    "NORM_STYLES",
    "describe",
    "hard_constraints",
    "in_practice",
    "one_weight",
    "soft_constraints",
    "why_regularize",
    "why_zeros",
]
