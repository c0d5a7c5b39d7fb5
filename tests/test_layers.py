"""The package's layers: the math imports without matplotlib, and the public names exist."""

import os
import subprocess
import sys

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
