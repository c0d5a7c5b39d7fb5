"""Fixtures of the browser tests: the built site served on 127.0.0.1, one Chromium, axe-core.

Every page of the built site is checked, including ``genindex``, ``search`` and
``py-modindex``: they are small, a reader reaches them from every page (the search box, the
index links), and ``search`` runs more JavaScript than any other page. Only the theme's
template fragments under ``_static/`` are not pages.

Nothing is skipped: without a built site, a browser or axe-core, the tests fail and say what
to do.
"""

import os
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path[:0] = [str(HERE), str(ROOT / "benchmarks")]

import checks  # noqa: E402
from bench_site import site_pages  # noqa: E402

HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
SCREENSHOTS = HTML.parent / "screenshots"
AXE_CACHE = ROOT / "docs" / "_vendor"  # gitignored; axe-core is fetched from npm at test time
NO_SITE = f"no built site at {HTML}: run `nox -s docs` first"


def pytest_generate_tests(metafunc):
    if "site_page" in metafunc.fixturenames:
        # Without a site: one test that fails and says how to build it (never an empty parametrization).
        built = (HTML / "index.html").exists()
        pages = [p.relative_to(HTML).as_posix() for p in site_pages(HTML)] if built else [None]
        metafunc.parametrize("site_page", pages, ids=[p or "no-built-site" for p in pages])


@pytest.fixture
def site_page(request):
    if request.param is None:
        pytest.fail(NO_SITE)
    return request.param


@pytest.fixture(scope="session")
def site_dir():
    if not (HTML / "index.html").exists():
        pytest.fail(NO_SITE)
    return HTML


@pytest.fixture(scope="session")
def screenshots_dir():
    return SCREENSHOTS


@pytest.fixture(scope="session")
def site_origin(site_dir):
    with checks.serve(site_dir) as origin:
        yield origin


@pytest.fixture(scope="session")
def browser():
    problem = checks.chromium_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    from playwright.sync_api import Error

    try:
        chromium = checks.acquire_browser()
    except Error as error:
        pytest.fail(f"Chromium at {checks.CHROMIUM} did not start: {error}\n{checks.INSTALL_CHROMIUM}", pytrace=False)
    yield chromium
    checks.release_browser()


@pytest.fixture(scope="session")
def axe_js():
    try:
        return checks.axe_source(AXE_CACHE)
    except Exception as error:
        pytest.fail(f"could not fetch axe-core with `npm pack axe-core@4` into {AXE_CACHE}: {error}", pytrace=False)


@pytest.fixture(scope="session")
def page_report(browser, site_origin, axe_js):
    """The report of a page of the site (see checks.inspect_page), computed once per page."""
    reports = {}

    def report(path: str) -> checks.PageReport:
        if path not in reports:
            stem = SCREENSHOTS / Path(path).with_suffix("")
            reports[path] = checks.inspect_page(browser, site_origin, path, axe_js, screenshot_stem=stem)
            checks.MEASURED[str(HTML), path] = (reports[path].loaded, reports[path].problems["requests"])
        return reports[path]

    return report
