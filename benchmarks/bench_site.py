"""Benchmark the site build with the build's own records; run it with ``nox -s bench``.

Measured on this machine, with the same ``sphinx-build`` command as ``nox -s docs``:

- the wall time of a clean build (everything a build writes removed first), once by default
  (``--clean N`` repeats it; each clean build takes about half a minute);
- inside that build, as the build records it (nothing is run a second time; conf.py turns the
  records on when ``REGEXPLAIN_TIMINGS=1``, which only this benchmark sets, and they are
  written to ``docs/_build/``, outside the site, which is otherwise unchanged):
  - the wall time of each phase: the examples (sphinx-gallery, one per core), reading the
    pages (one per core, the notebooks executed), writing them, from
    ``docs/_build/build-phases.json`` (``docs/_ext/build_timings.py``); startup is what comes
    before the examples;
  - each example: sphinx-gallery's run time of the script in its worker (figures saved
    included), from the JUnit file it writes when its ``junit`` option is set
    (``docs/_build/sphinx-gallery-junit.xml``);
  - each chapter page: myst-nb's execution time of the notebook (kernel start, every cell,
    kernel shutdown), ``nb_metadata[page]["exec_data"]["runtime"]`` of the Sphinx environment
    pickled in ``docs/_build/doctrees/environment.pickle``;
  - since examples and pages run in parallel, their run times add up to more than their
    phases took: the ratio of the two is how much the parallel run saves;
- a rebuild with nothing changed, repeated (``--rebuilds``, 3 by default: it is cheap).

Prints tables and writes ``benchmarks/results.json``. Page weights are not measured here: the
browser measures them, and ``tests/browser/test_budgets.py`` enforces the budgets.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import platform
import statistics
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from collections import Counter
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
from site_build import BUILD, BUILD_ENV, DOCS, clean_outputs, sphinx_args  # noqa: E402

EXAMPLES = ROOT / "examples"
TIMINGS_ENV = {**BUILD_ENV, "REGEXPLAIN_TIMINGS": "1"}
JUNIT = BUILD / "sphinx-gallery-junit.xml"
PHASES = BUILD / "build-phases.json"
ENVIRONMENT = BUILD / "doctrees" / "environment.pickle"
RESULTS = Path(__file__).resolve().parent / "results.json"


def sphinx_build() -> tuple[float, float]:
    """Build into docs/_build/html as ``nox -s docs`` does, with the timings recorded.

    Returns when it started (Unix time, as the build records its phases) and its wall time (s).
    """
    started, start = time.time(), time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", *sphinx_args()], check=True, cwd=ROOT, env={**os.environ, **TIMINGS_ENV}
    )
    return started, time.perf_counter() - start


def example_times() -> dict[str, float]:
    """Example (relative to examples/) -> seconds sphinx-gallery recorded for it in the last build."""
    if not JUNIT.is_file():
        raise SystemExit(f"sphinx-gallery wrote no {JUNIT.relative_to(ROOT)}: does conf.py read REGEXPLAIN_TIMINGS?")
    cases = ET.parse(JUNIT).getroot().iter("testcase")
    times = {
        Path(os.path.normpath(DOCS / c.get("file"))).relative_to(EXAMPLES).as_posix(): float(c.get("time"))
        for c in cases
    }
    missing = sorted({p.relative_to(EXAMPLES).as_posix() for p in EXAMPLES.rglob("plot_*.py")} - set(times))
    if missing:
        raise SystemExit(f"sphinx-gallery recorded no time for {missing} in {JUNIT.relative_to(ROOT)}")
    return dict(sorted(times.items()))


def page_times() -> dict[str, float]:
    """Chapter page -> seconds myst-nb recorded for executing it in the last build."""
    with ENVIRONMENT.open("rb") as file:
        env = pickle.load(file)  # a Sphinx BuildEnvironment; this process has the same Sphinx
    records = {page: data.get("exec_data") for page, data in getattr(env, "nb_metadata", {}).items()}
    times = {page: record["runtime"] for page, record in sorted(records.items()) if record and record["runtime"]}
    if not times:
        raise SystemExit(f"myst-nb recorded no execution in {ENVIRONMENT.relative_to(ROOT)}")
    return times


def phase_times(started: float) -> dict[str, float]:
    """Phase of the last build, started at ``started`` -> its wall time in seconds (docs/_ext/build_timings.py)."""
    if not PHASES.is_file():
        raise SystemExit(f"the build wrote no {PHASES.relative_to(ROOT)}: does conf.py read REGEXPLAIN_TIMINGS?")
    marks = json.loads(PHASES.read_text(encoding="utf-8"))
    return {"startup": marks["gallery"]["start"] - started} | {
        phase: marks[phase]["end"] - marks[phase]["start"] for phase in ("gallery", "read", "write")
    }


def _summary(values: list[float]) -> str:
    if len(values) == 1:
        return f"{values[0]:6.2f}"
    return f"{statistics.median(values):6.2f}  ({min(values):.2f}-{max(values):.2f}, n={len(values)})"


def _table(title: str, rows: dict[str, list[float]]) -> str:
    width = max(map(len, rows), default=0)
    return "\n".join([f"\n{title}", *(f"  {name.ljust(width)}  {_summary(t)}" for name, t in rows.items())])


def main(argv: list[str] | None = None) -> None:
    """Run the benchmark (see the module's docstring), print its tables and write the JSON results."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clean", type=int, default=1, metavar="N", help="clean builds to time (default 1)")
    parser.add_argument("--rebuilds", type=int, default=3, metavar="N", help="no-change rebuilds to time (default 3)")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file to write (default {RESULTS})")
    args = parser.parse_args(argv)

    clean, phases, examples, pages = [], {}, {}, {}
    for _ in range(args.clean):
        clean_outputs()
        started, wall = sphinx_build()
        clean.append(wall)
        for name, seconds in phase_times(started).items():
            phases.setdefault(name, []).append(seconds)
        for name, seconds in example_times().items():
            examples.setdefault(name, []).append(seconds)
        for name, seconds in page_times().items():
            pages.setdefault(name, []).append(seconds)
    rebuilds = [sphinx_build()[1] for _ in range(args.rebuilds)]

    in_examples = [sum(t[i] for t in examples.values()) for i in range(args.clean)]
    in_pages = [sum(t[i] for t in pages.values()) for i in range(args.clean)]
    rest = [c - sum(t[i] for t in phases.values()) for i, c in enumerate(clean)]
    by_chapter: dict[str, list[float]] = {}
    for name, times in examples.items():
        chapter = f"{name.split('/')[0]}/"
        totals = by_chapter.get(chapter, [0.0] * args.clean)
        by_chapter[chapter] = [a + b for a, b in zip(totals, times, strict=True)]
    counts = Counter(f"{name.split('/')[0]}/" for name in examples)

    once = "measured once" if args.clean == 1 else f"median of {args.clean} clean builds (range, n)"
    print(f"Site build, seconds ({once}; the no-change rebuild: median of {args.rebuilds})")
    print(
        _table(
            "Build",
            {
                "clean build (wall)": clean,
                "  startup: Python, Sphinx, extensions": phases["startup"],
                "  examples (wall)": phases["gallery"],
                "    their run times added (sphinx-gallery)": in_examples,
                "  reading the pages (wall)": phases["read"],
                "    the notebooks' run times added (myst-nb)": in_pages,
                "  writing the pages, the site's fixes (wall)": phases["write"],
                "  between the phases (by difference)": rest,
                "no-change rebuild (wall)": rebuilds,
            },
        )
    )
    saved = [e / g for e, g in zip(in_examples, phases["gallery"], strict=True)]
    print(f"\nthe examples' run times add up to {statistics.median(saved):.2f}x their phase's wall time (in parallel)")
    print(_table("Chapter pages (kernel start + every cell)", pages))
    print(_table("Examples by chapter folder", {f"{c} ({counts[c]} examples)": t for c, t in by_chapter.items()}))
    print(_table("Examples (each in its worker)", examples))

    results = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
            **{name: version(name) for name in ("sphinx", "myst-nb", "sphinx-gallery")},
        },
        "seconds": {
            "clean_build": clean,
            "clean_build_phases": phases,
            "clean_build_examples": in_examples,
            "clean_build_pages": in_pages,
            "clean_build_rest": rest,
            "no_change_rebuild": rebuilds,
            "pages": pages,
            "examples": examples,
        },
        "sources": {
            "phases": "docs/_build/build-phases.json (docs/_ext/build_timings.py)",
            "examples": "docs/_build/sphinx-gallery-junit.xml: testcase 'time' (sphinx-gallery, junit option)",
            "pages": "docs/_build/doctrees/environment.pickle: env.nb_metadata[page]['exec_data']['runtime'] (myst-nb)",
        },
    }
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"\nresults written to {args.output}")


if __name__ == "__main__":
    main()
