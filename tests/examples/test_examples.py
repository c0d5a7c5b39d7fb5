"""Every gallery example runs as a standalone script and draws described figures."""

import os
import re
import runpy
import subprocess
import sys
from pathlib import Path

import matplotlib
import matplotlib.pyplot as plt
import pytest

EXAMPLES = sorted((Path(__file__).parents[2] / "examples").rglob("plot_*.py"))
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
    assert result.stdout.strip(), "an example prints the exact numbers behind its figure, through the public API"
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


@pytest.mark.parametrize("path", EXAMPLES, ids=IDS)
def test_what_the_comments_suggest_trying_runs(path):
    """Every ``try <code>`` in a comment names only what the example imported (no NameError when tried)."""
    source = path.read_text(encoding="utf-8")
    for suggestion in re.findall(r"# .*?\btry (\w+(?:\.\w+)*)\(", source):
        root = suggestion.split(".")[0]
        imported = rf"^(import \S+ as {root}|from \S+ import .*\b{root}\b|import {root})(\s*#.*)?$"
        assert re.search(imported, source, re.M), f"{path.name} suggests {suggestion}(...) but never imports {root}"


def test_examples_teach_the_public_api():
    """Across the gallery, the examples call the public solvers and simulations, not only figure functions."""
    sources = "\n".join(path.read_text(encoding="utf-8") for path in EXAMPLES)
    for name in (
        "rx.lasso(",
        "rx.ridge(",
        "rx.lasso_path(",
        "rx.simulate_clouds(",
        "rx.boundary_search(",
        ".constrained_minimum(",
    ):
        assert name in sources, f"no example uses {name}"
