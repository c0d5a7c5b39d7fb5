"""What a build of the site is: its outputs and its sphinx-build arguments (stdlib only).

Shared by ``noxfile.py`` and ``benchmarks/bench_site.py``, so the benchmark times exactly the
build that ``nox -s docs`` makes.
"""

import shutil
from pathlib import Path

DOCS = Path(__file__).resolve().parent
BUILD = DOCS / "_build"
HTML = BUILD / "html"
OUTPUTS = (BUILD, DOCS / "auto_examples", DOCS / "gen_modules", DOCS / "sg_execution_times.rst")
"""Everything a build writes (sphinx-gallery writes into the source tree too)."""

BUILD_ENV = {"SOURCE_DATE_EPOCH": "0"}


def clean_outputs() -> None:
    """Remove everything a build writes, so that nothing stale can be published."""
    for path in OUTPUTS:
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()


def sphinx_args(html: Path = HTML) -> list[str]:
    """Arguments of sphinx-build: one process per core, warnings are errors, nitpicky, doctrees outside the site."""
    options = ["-j", "auto", "-W", "--keep-going", "-n", "-q", "-b", "html"]
    return [*options, "-d", str(BUILD / "doctrees"), str(DOCS), str(html)]
