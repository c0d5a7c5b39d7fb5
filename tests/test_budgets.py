"""Size budgets of the built site; they do not depend on the machine's speed.

- The whole published site (docs/_build/html) is at most 25 MB.
- Every page, with everything it loads, is at most 1.5 MB. A page's weight is measured in
  Chromium: the bytes of every response while the page loads with an empty cache (fonts are
  only downloaded when the page uses them, so a static count of every font a stylesheet
  declares would overstate it). The static count of ``benchmarks/bench_site.py`` must include
  every file the browser loaded, so the benchmark's upper bound really is one.

The bytes are decimal: 1.5 MB = 1,500,000 bytes.
"""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "tests" / "browser"), str(ROOT / "benchmarks")]

from bench_site import PAGE_BUDGET, SITE_BUDGET, browser_loads, page_weight, site_size  # noqa: E402

HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))

pytestmark = pytest.mark.site


@pytest.fixture(scope="module")
def site():
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs` first", pytrace=False)
    return HTML


@pytest.fixture(scope="module")
def loaded(site):
    """Page -> {URL path: bytes} of everything Chromium downloaded to show it."""
    loads = browser_loads(site)
    if isinstance(loads, str):
        pytest.fail(loads, pytrace=False)
    for path, (_, problems) in loads.items():
        assert not problems, f"{path} did not load completely, so its weight means nothing: {problems}"
    return {path: responses for path, (responses, _) in loads.items()}


def _mb(n):
    return f"{n / 1e6:.2f} MB"


def test_site_within_budget(site):
    size = site_size(site)
    biggest = sorted(((p.stat().st_size, p) for p in site.rglob("*") if p.is_file()), reverse=True)[:5]
    listing = ", ".join(f"{p.relative_to(site)} ({_mb(n)})" for n, p in biggest)
    assert size <= SITE_BUDGET, f"the site weighs {_mb(size)} > {_mb(SITE_BUDGET)}; biggest files: {listing}"


def test_heaviest_page_within_budget(loaded):
    totals = sorted(((sum(files.values()), page) for page, files in loaded.items()), reverse=True)
    heaviest, page = totals[0]
    files = sorted(loaded[page].items(), key=lambda item: -item[1])[:8]
    listing = "\n".join(f"  {n:>10,} B  {path}" for path, n in files)
    assert heaviest <= PAGE_BUDGET, (
        f"{page} weighs {_mb(heaviest)} > {_mb(PAGE_BUDGET)}; its heaviest files:\n{listing}"
    )


def test_every_page_loads_something(loaded):
    for page, files in loaded.items():
        assert f"/{page}" in files, f"{page}: the page itself was not among the responses"
        assert len(files) > 3, f"{page}: only {list(files)} loaded; was the theme's CSS and JS served?"


def test_static_weight_is_an_upper_bound(site, loaded):
    """Every file Chromium loaded is counted by the benchmark's static page weight."""
    problems = []
    for page, files in loaded.items():
        static = page_weight(site / page, site)
        counted = {f"/{page}"} | {f"/{path}" for path in static.resources}
        uncounted = sorted(set(files) - counted)
        if uncounted:
            problems.append(f"{page}: loaded but not counted statically: {uncounted}")
        if static.external or static.missing:
            problems.append(f"{page}: static references outside the site {static.external} or missing {static.missing}")
        if static.total < sum(files.values()):
            problems.append(f"{page}: static weight {static.total} < measured {sum(files.values())}")
    assert not problems, "\n".join(problems)
