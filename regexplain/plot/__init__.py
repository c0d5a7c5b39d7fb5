"""The figure layer of regexplain (matplotlib): one function per figure, in the house style.

Each figure function takes parameters, returns a :class:`matplotlib.figure.Figure` whose
``alt_text`` attribute describes it for readers who cannot see it, and solves nothing itself:
every optimum it draws comes from :mod:`regexplain`'s math layer.
"""

from . import constraints, one_weight, penalties, zeros
from .style import COLORS, describe

__all__ = ["COLORS", "constraints", "describe", "one_weight", "penalties", "zeros"]
