"""The Examples in the public docstrings run and print what they say."""

import doctest
import importlib
import pkgutil

import pytest

import regexplain.math

MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(regexplain.math.__path__, prefix="regexplain.math."))


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} failed"
