"""The Examples in the docstrings of the whole package run and print what they say."""

import doctest
import importlib
import pkgutil

import matplotlib
import pytest

import regexplain

matplotlib.use("Agg")

MODULES = sorted(name for _, name, _ in pkgutil.walk_packages(regexplain.__path__, prefix="regexplain."))
PUBLIC_WITH_EXAMPLES = ["lasso", "ridge", "elastic_net", "lasso_path", "QuadraticLoss", "simulate_clouds", "to_sklearn"]


@pytest.mark.parametrize("name", MODULES)
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} docstring examples in {name} failed"


@pytest.mark.parametrize("name", PUBLIC_WITH_EXAMPLES)
def test_public_api_has_examples(name):
    examples = doctest.DocTestParser().get_examples(getattr(regexplain, name).__doc__ or "")
    assert examples, f"regexplain.{name} has no Examples section to run"
