"""Benchmark the site: build times, example and chapter run times, page weights.

Run it with ``nox -s bench`` (or ``python benchmarks/bench_site.py`` in an environment with the
``docs`` dependency group). It measures, in one run on this machine:

- the clean build (everything a build writes removed first) and a rebuild with nothing changed,
  both with the same ``sphinx-build`` command as ``nox -s docs``;
- each example ``examples/**/plot_*.py`` run in a fresh interpreter with ``MPLBACKEND=Agg``;
- each MyST-NB chapter's code cells run in a fresh IPython shell (as the notebook kernel would);
- the weight of every page: its HTML plus everything it loads, measured in Chromium (the bytes
  of every response, empty cache), beside a static upper bound (every stylesheet, script, image
  and font the HTML and its stylesheets reference); the heaviest page and the size of the whole
  published site.

Times depend on the machine, so they are also given as ratios to a baseline measured in the
same run (a bare interpreter that imports numpy, matplotlib and regexplain). The results are
printed as tables and written as JSON to ``benchmarks/results.json``. The page-weight functions
are also used by ``tests/test_budgets.py``, which enforces the size budgets.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "docs"))
from site_build import BUILD_ENV, DOCS, HTML, clean_outputs, sphinx_args  # noqa: E402

EXAMPLES = ROOT / "examples"
RESULTS = Path(__file__).resolve().parent / "results.json"

#: Budgets that do not depend on the machine (enforced by ``tests/test_budgets.py``), in bytes.
PAGE_BUDGET = 1_500_000
SITE_BUDGET = 25_000_000

#: Folders of the built site that hold assets, downloads and theme templates, not pages.
NOT_PAGES = {"_static", "_images", "_downloads", "_sources", "_sphinx_design_static"}


# -- Page weights (static) ---------------------------------------------------------------------


def site_pages(html_dir: Path) -> list[Path]:
    """Return every HTML page of the built site (not the theme's template fragments in ``_static``).

    Parameters
    ----------
    html_dir : Path
        The built site.

    Returns
    -------
    list of Path
        The pages, sorted.
    """
    return sorted(p for p in html_dir.rglob("*.html") if not NOT_PAGES & set(p.relative_to(html_dir).parts[:-1]))


_CSS_URL = re.compile(r"""url\(\s*(['"]?)(.*?)\1\s*\)|@import\s+(['"])(.*?)\3""", re.S)
_FONT_FACE = re.compile(r"@font-face\s*{([^}]*)}", re.S)
_SRC = re.compile(r"(?<![-\w])src\s*:([^;}]*)", re.S)
_LOADING_RELS = {"stylesheet", "preload", "modulepreload", "icon", "shortcut", "apple-touch-icon", "manifest"}


class _Resources(HTMLParser):
    """Collect the URLs an HTML page loads (not the ones it merely links to)."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.urls: list[str] = []
        self.inline_css: list[str] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "link" and _LOADING_RELS & set(a.get("rel", "").lower().split()):
            self.urls.append(a.get("href", ""))
        elif tag in {"script", "img", "source", "audio", "video", "iframe", "embed", "track", "input"}:
            self.urls.append(a.get("src", ""))
        if tag in {"img", "source"} and a.get("srcset"):
            self.urls += [candidate.split()[0] for candidate in a["srcset"].split(",") if candidate.strip()]
        if tag == "video":
            self.urls.append(a.get("poster", ""))
        if tag == "object":
            self.urls.append(a.get("data", ""))
        if a.get("style"):
            self.inline_css.append(a["style"])
        self._in_style = tag == "style"

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.inline_css.append(data)


@dataclass
class PageWeight:
    """What one page weighs: the page itself plus every local file it loads."""

    page: str
    html_bytes: int
    resources: dict[str, int] = field(default_factory=dict)  # site-relative path -> bytes
    external: list[str] = field(default_factory=list)  # URLs outside the site (a page must have none)
    missing: list[str] = field(default_factory=list)  # local files referenced but not in the site

    @property
    def total(self) -> int:
        """Bytes of the page and all the files it loads."""
        return self.html_bytes + sum(self.resources.values())


def _local_path(url: str, base: Path, html_dir: Path) -> Path | str | None:
    """Resolve a URL found in ``base`` to a file of the site; a str for an external URL; None to ignore."""
    url = url.strip()
    if not url or url.startswith(("data:", "#", "about:", "javascript:", "blob:")):
        return None
    parts = urlsplit(url)
    if parts.scheme or parts.netloc:
        return url
    path = unquote(parts.path)
    if not path:
        return None
    target = (html_dir / path.lstrip("/")) if path.startswith("/") else (base.parent / path)
    return Path(os.path.normpath(target))


def _css_urls(css: str) -> list[str]:
    """The URLs a stylesheet loads; of each ``@font-face`` source list only the first (woff2) one.

    Browsers take the first source of a font they support, and every browser the site targets
    supports woff2 (the site ships only the woff2 files of KaTeX), so the fallbacks are never
    requested.
    """
    urls = []
    for block in _FONT_FACE.findall(css):
        for src in _SRC.findall(block):
            found = [m.group(2) or m.group(4) for m in _CSS_URL.finditer(src)]
            urls += found[:1]
    rest = _FONT_FACE.sub("", css)
    urls += [m.group(2) or m.group(4) for m in _CSS_URL.finditer(rest)]
    return urls


def page_weight(page: Path, html_dir: Path) -> PageWeight:
    """Weigh one page: the HTML plus every stylesheet, script, image and font it loads.

    Stylesheets are followed through their ``url()`` and ``@import`` references, recursively;
    each file counts once. Fonts are counted whenever a stylesheet declares them (a browser
    downloads only the ones the page uses), so this is an upper bound of what a reader downloads.

    Parameters
    ----------
    page : Path
        An HTML file of the site.
    html_dir : Path
        The root of the built site.

    Returns
    -------
    PageWeight
        The page's size, the size of each file it loads, and its external and missing references.
    """
    parser = _Resources()
    parser.feed(page.read_text(encoding="utf-8", errors="replace"))
    weight = PageWeight(page.relative_to(html_dir).as_posix(), page.stat().st_size)
    pending: list[tuple[str, Path]] = [(u, page) for u in parser.urls]
    pending += [(u, page) for css in parser.inline_css for u in _css_urls(css)]
    seen: set[Path] = set()
    while pending:
        url, base = pending.pop()
        target = _local_path(url, base, html_dir)
        if target is None:
            continue
        if isinstance(target, str):
            weight.external.append(target)
            continue
        if target in seen:
            continue
        seen.add(target)
        if not target.is_file():
            weight.missing.append(f"{url} (from {base.relative_to(html_dir).as_posix()})")
            continue
        weight.resources[target.relative_to(html_dir).as_posix()] = target.stat().st_size
        if target.suffix == ".css":
            pending += [(u, target) for u in _css_urls(target.read_text(encoding="utf-8", errors="replace"))]
    return weight


def page_weights(html_dir: Path = HTML) -> list[PageWeight]:
    """Weigh every page of the built site (see :func:`page_weight`), heaviest first.

    Parameters
    ----------
    html_dir : Path
        The built site.

    Returns
    -------
    list of PageWeight
        One per page, heaviest first.
    """
    return sorted((page_weight(p, html_dir) for p in site_pages(html_dir)), key=lambda w: -w.total)


def site_size(html_dir: Path = HTML) -> int:
    """Return the bytes of every file of the published site.

    Parameters
    ----------
    html_dir : Path
        The built site.

    Returns
    -------
    int
        The total size in bytes.
    """
    return sum(p.stat().st_size for p in html_dir.rglob("*") if p.is_file())


def browser_loads(html_dir: Path = HTML) -> dict[str, tuple[dict[str, int], list[str]]] | str:
    """Load every page in Chromium with an empty cache: the bytes of each response, and any problems.

    Uses the browser tests' helpers (``tests/browser/checks.py``): the site is served on 127.0.0.1
    and nothing else is reached. Pages the browser tests already loaded in this process are not
    loaded again.

    Parameters
    ----------
    html_dir : Path
        The built site.

    Returns
    -------
    dict or str
        Page -> ({URL path: bytes}, problems while loading); or, when Chromium cannot run here,
        the reason (with how to install it).
    """
    sys.path.insert(0, str(ROOT / "tests" / "browser"))
    import checks

    problem = checks.chromium_problem()
    if problem:
        return problem
    loads = {}
    browser = checks.acquire_browser()
    try:
        with checks.serve(html_dir) as origin:
            for page in site_pages(html_dir):
                path = page.relative_to(html_dir).as_posix()
                measured = checks.MEASURED.get((str(html_dir), path))
                loads[path] = measured or checks.measure_weight(browser, origin, path)
    finally:
        checks.release_browser()
    return loads


def browser_weights(html_dir: Path = HTML) -> dict[str, int] | str:
    """Page -> bytes Chromium downloads to show it (see :func:`browser_loads`), or why it cannot run."""
    loads = browser_loads(html_dir)
    if isinstance(loads, str):
        return loads
    return {page: sum(responses.values()) for page, (responses, _) in loads.items()}


# -- Timings -----------------------------------------------------------------------------------


def sphinx_build() -> float:
    """Build the site into ``docs/_build/html`` as ``nox -s docs`` does; return the wall time in seconds."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "sphinx", *sphinx_args()], check=True, env={**os.environ, **BUILD_ENV}, cwd=ROOT
    )
    return time.perf_counter() - start


def _run(command: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    start = time.perf_counter()
    completed = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if completed.returncode:
        raise RuntimeError(f"{' '.join(command)} failed in {cwd}:\n{completed.stdout}\n{completed.stderr}")
    return elapsed


def _agg_env() -> dict[str, str]:
    return {**os.environ, "MPLBACKEND": "Agg", "PYTHONHASHSEED": "0"}


def baseline(repeat: int = 3) -> float:
    """Seconds a fresh interpreter takes to import numpy, matplotlib.pyplot and regexplain (median)."""
    code = "import numpy, matplotlib.pyplot, regexplain"
    return statistics.median(_run([sys.executable, "-c", code], ROOT, _agg_env()) for _ in range(repeat))


def example_times(examples_dir: Path = EXAMPLES) -> dict[str, float]:
    """Run every ``plot_*.py`` example in a fresh interpreter (``MPLBACKEND=Agg``); seconds each.

    Parameters
    ----------
    examples_dir : Path
        The examples folder.

    Returns
    -------
    dict
        Example path (relative to ``examples_dir``) -> wall time in seconds.
    """
    return {
        script.relative_to(examples_dir).as_posix(): _run([sys.executable, script.name], script.parent, _agg_env())
        for script in sorted(examples_dir.rglob("plot_*.py"))
    }


_CODE_CELL = re.compile(r"^(`{3,}|~{3,})\{code-cell\}[^\n]*\n(.*?)^\1[ \t]*$", re.M | re.S)


def code_cells(markdown: str) -> list[str]:
    """Extract the code of the ```` ```{code-cell} ```` blocks of a MyST-NB page, without their options.

    Parameters
    ----------
    markdown : str
        The page's source.

    Returns
    -------
    list of str
        The code of each cell, in order.
    """
    cells = []
    for match in _CODE_CELL.finditer(markdown):
        lines = match.group(2).splitlines()
        if lines and lines[0].strip() == "---":  # a YAML block of options
            end = next((i for i, line in enumerate(lines[1:], 1) if line.strip() == "---"), 0)
            lines = lines[end + 1 :]
        else:  # ":key: value" option lines
            while lines and re.match(r"^:\w[\w-]*:", lines[0]):
                lines = lines[1:]
        cells.append("\n".join(lines))
    return cells


_CHAPTER_RUNNER = """
import json, sys, time
from IPython.core.interactiveshell import InteractiveShell
cells = json.load(sys.stdin)
shell = InteractiveShell.instance()
times = []
for cell in cells:
    start = time.perf_counter()
    result = shell.run_cell(cell, store_history=False, silent=True)
    times.append(time.perf_counter() - start)
    if not result.success:
        result.raise_error()
print(json.dumps(times))
"""


def chapter_pages(docs_dir: Path = DOCS) -> list[Path]:
    """Return the MyST-NB pages (Markdown with a ``kernelspec`` header) of the site's source.

    Parameters
    ----------
    docs_dir : Path
        The Sphinx source folder.

    Returns
    -------
    list of Path
        The pages, sorted.
    """
    skip = {"_build", "_vendor", "auto_examples", "_static"}
    return sorted(
        p
        for p in docs_dir.rglob("*.md")
        if not skip & set(p.relative_to(docs_dir).parts) and "kernelspec:" in p.read_text(encoding="utf-8")[:2000]
    )


def chapter_times(docs_dir: Path = DOCS) -> dict[str, dict[str, float | int]]:
    """Run the code cells of each MyST-NB page in a fresh IPython shell, as its kernel would.

    Parameters
    ----------
    docs_dir : Path
        The Sphinx source folder.

    Returns
    -------
    dict
        Page path -> ``{"cells": n, "seconds": wall time of the process, "code_seconds": time in the cells}``.
    """
    results = {}
    for page in chapter_pages(docs_dir):
        cells = code_cells(page.read_text(encoding="utf-8"))
        start = time.perf_counter()
        completed = subprocess.run(
            [sys.executable, "-c", _CHAPTER_RUNNER],
            input=json.dumps(cells),
            cwd=page.parent,
            env=_agg_env(),
            capture_output=True,
            text=True,
        )
        elapsed = time.perf_counter() - start
        if completed.returncode:
            raise RuntimeError(f"the code cells of {page} failed:\n{completed.stdout}\n{completed.stderr}")
        cell_times = json.loads(completed.stdout.strip().splitlines()[-1])
        results[page.relative_to(docs_dir).as_posix()] = {
            "cells": len(cells),
            "seconds": elapsed,
            "code_seconds": sum(cell_times),
        }
    return results


# -- Report ------------------------------------------------------------------------------------


def _table(title: str, header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(str(c)) for c in column) for column in zip(header, *rows, strict=True)]
    line = "  ".join("-" * w for w in widths)

    def fmt(row: list[str]) -> str:
        return "  ".join(
            str(c).rjust(w) if i else str(c).ljust(w) for i, (c, w) in enumerate(zip(row, widths, strict=True))
        )

    return "\n".join([f"\n{title}", fmt(header), line, *map(fmt, rows)])


def _kb(n: int) -> str:
    return f"{n / 1000:,.1f} kB"


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark, print its tables and write the JSON results.

    Parameters
    ----------
    argv : list of str, optional
        Command-line arguments (see ``--help``).

    Returns
    -------
    int
        The exit code: 1 when a budget is exceeded.
    """
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--no-build", action="store_true", help="measure the existing docs/_build/html; no builds")
    parser.add_argument("--output", type=Path, default=RESULTS, help=f"JSON file to write (default: {RESULTS})")
    args = parser.parse_args(argv)

    results: dict = {
        "machine": {
            "python": platform.python_version(),
            "platform": platform.platform(),
            "cpus": os.cpu_count(),
        },
    }
    if not args.no_build:
        clean_outputs()
        results["clean_build_s"] = sphinx_build()
        results["rebuild_s"] = sphinx_build()
    if not (HTML / "index.html").exists():
        parser.error(f"no built site at {HTML}: run `nox -s docs` first, or drop --no-build")
    base = results["baseline_s"] = baseline()
    results["examples_s"] = example_times()
    results["chapters"] = chapter_times()
    static = {w.page: w for w in page_weights(HTML)}
    loaded = browser_weights(HTML)
    if isinstance(loaded, str):
        print(
            f"page weights in Chromium not measured: {loaded}\nusing the static upper bounds instead", file=sys.stderr
        )
        loaded = {page: w.total for page, w in static.items()}
        results["weights_measured_in"] = "static upper bound (no Chromium)"
    else:
        results["weights_measured_in"] = "Chromium (bytes of every response, empty cache)"
    results["pages"] = {
        page: {
            "bytes": loaded[page],
            "static_upper_bound_bytes": w.total,
            "html_bytes": w.html_bytes,
            "files": len(w.resources) + 1,
        }
        for page, w in static.items()
    }
    heaviest = max(loaded, key=loaded.get)
    results["heaviest_page"] = {"page": heaviest, "bytes": loaded[heaviest]}
    results["site_bytes"] = site_size(HTML)
    results["budgets"] = {"page_bytes": PAGE_BUDGET, "site_bytes": SITE_BUDGET}

    rows = []
    if "clean_build_s" in results:
        rows += [
            ["clean build", f"{results['clean_build_s']:.2f}", f"{results['clean_build_s'] / base:.1f}"],
            ["no-change rebuild", f"{results['rebuild_s']:.2f}", f"{results['rebuild_s'] / base:.1f}"],
        ]
    rows.append(["baseline: python -c 'import numpy, matplotlib.pyplot, regexplain'", f"{base:.2f}", "1.0"])
    print(_table("Build", ["what", "seconds", "x baseline"], rows))
    print(
        _table(
            "Examples (fresh interpreter, MPLBACKEND=Agg)",
            ["example", "seconds", "x baseline"],
            [[name, f"{t:.2f}", f"{t / base:.1f}"] for name, t in results["examples_s"].items()],
        )
    )
    print(
        _table(
            "Chapters (code cells in a fresh IPython shell)",
            ["page", "cells", "seconds", "in cells", "x baseline"],
            [
                [name, str(c["cells"]), f"{c['seconds']:.2f}", f"{c['code_seconds']:.2f}", f"{c['seconds'] / base:.1f}"]
                for name, c in results["chapters"].items()
            ],
        )
    )
    print(
        _table(
            f"Page weights: HTML + everything it loads, measured in {results['weights_measured_in']}",
            ["page", "weight", "static bound", "html", "files"],
            [
                [page, _kb(r["bytes"]), _kb(r["static_upper_bound_bytes"]), _kb(r["html_bytes"]), str(r["files"])]
                for page, r in sorted(results["pages"].items(), key=lambda item: -item[1]["bytes"])
            ],
        )
    )
    over = []
    if loaded[heaviest] > PAGE_BUDGET:
        over.append(f"heaviest page {heaviest} weighs {_kb(loaded[heaviest])} > {_kb(PAGE_BUDGET)}")
    if results["site_bytes"] > SITE_BUDGET:
        over.append(f"the site weighs {_kb(results['site_bytes'])} > {_kb(SITE_BUDGET)}")
    print(f"\nheaviest page: {heaviest} ({_kb(loaded[heaviest])}; budget {_kb(PAGE_BUDGET)})")
    print(f"whole site:    {_kb(results['site_bytes'])} in {HTML.relative_to(ROOT)} (budget {_kb(SITE_BUDGET)})")
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(f"results written to {args.output}")
    for problem in over:
        print(f"OVER BUDGET: {problem}", file=sys.stderr)
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
