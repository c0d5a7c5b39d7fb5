"""Every gallery example runs as a standalone script and draws described figures."""

import os
import runpy
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

EXAMPLES = sorted((Path(__file__).parents[1] / "examples").rglob("plot_*.py"))
IDS = [path.stem for path in EXAMPLES]


def test_examples_exist():
    assert len(EXAMPLES) >= 4


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_example_runs_as_a_script(path, tmp_path):
    # A learner's `python examples/<chapter>/<name>.py`, headless: Agg instead of a window.
    env = {**os.environ, "MPLBACKEND": "Agg"}
    result = subprocess.run(
        [sys.executable, str(path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir()), "an example must not write files"


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_example_draws_described_figures(path, monkeypatch):
    matplotlib.use("Agg")
    monkeypatch.setattr(plt, "show", lambda *args, **kwargs: None)
    plt.close("all")
    runpy.run_path(str(path), run_name="__main__")
    figures = [plt.figure(number) for number in plt.get_fignums()]
    try:
        assert figures, "the example drew nothing"
        for fig in figures:
            assert len(getattr(fig, "alt_text", "")) >= 80
    finally:
        plt.close("all")
