"""Shared by the page tests: each chapter's facts(), with the bundled data the page loads itself."""

import importlib

import pytest
from sklearn.datasets import load_breast_cancer, load_diabetes


def facts_of(module: str):
    """A chapter's facts(), called the way its page calls it (the data-driven chapters take scikit-learn's data)."""
    chapter = importlib.import_module(f"regexplain.math.{module}")
    if module == "why_regularize":
        return chapter.facts(*load_diabetes(return_X_y=True))
    if module == "in_practice":
        return chapter.facts(load_diabetes(), load_diabetes(scaled=False), load_breast_cancer())
    return chapter.facts()


@pytest.fixture(scope="session")
def chapter_facts():
    return facts_of
