"""The package's layers: the math imports without matplotlib, and the public names exist."""

import ast
import importlib
import inspect
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import regexplain

PROBE = """
import sys
import regexplain
print("matplotlib" in sys.modules)
import regexplain.plot
print("matplotlib" in sys.modules)
"""


def test_import_does_not_load_matplotlib():
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True, env=env, check=True)
    # The second line shows the probe would notice matplotlib: regexplain.plot does load it.
    assert result.stdout.split() == ["False", "True"]


@pytest.mark.parametrize("name", regexplain.__all__)
def test_public_name_exists(name):
    assert getattr(regexplain, name) is not None


def test_all_is_complete_and_unique():
    assert len(set(regexplain.__all__)) == len(regexplain.__all__)
    public = {name for name in vars(regexplain) if not name.startswith("_")} - {"math", "plot"}
    assert public <= set(regexplain.__all__)


PACKAGE = Path(regexplain.__file__).parent


def test_no_module_imports_another_modules_private_names():
    """``from x import _name`` reaches into another module's privates; private modules with public names are fine."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module is not None:  # not `from . import _module`
                private = [alias.name for alias in node.names if alias.name.startswith("_") and alias.name != "__all__"]
                offenders += [f"{path.name}: {name}" for name in private]
    assert not offenders, offenders


@pytest.mark.parametrize("package", ["regexplain.math", "regexplain.plot"])
def test_no_public_name_shadows_a_module(package):
    module = importlib.import_module(package)
    for info in pkgutil.iter_modules(module.__path__):
        value = getattr(module, info.name, None)
        if value is not None:
            assert inspect.ismodule(value), f"{package}.{info.name} is a {type(value).__name__}, not the module"
