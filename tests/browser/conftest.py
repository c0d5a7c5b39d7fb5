"""Fixtures of the browser tests: the built site served on 127.0.0.1, Debian's Chromium, page reports.

pytest-playwright provides the browser (``browser``, ``page``, ``new_context``); the fixtures
below make it launch the system's Chromium (no browser download) and give ``page`` the served
site as its base URL. Every page of the built site is checked, including ``genindex`` and ``search``:
they are small, a reader reaches them from every page (the search box, the index links), and
``search`` runs more JavaScript than any other page. Only the theme's template fragments under
``_static/`` are not pages.

Nothing is skipped: without a built site or a browser the tests fail and say what to do.
"""

import os
from pathlib import Path

import checks
import pytest

ROOT = Path(__file__).resolve().parents[2]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
SCREENSHOTS = HTML.parent / "screenshots"
NO_SITE = f"no built site at {HTML}: run `nox -s docs` (or `nox -s site`, which builds it) first"


def pytest_generate_tests(metafunc):
    if "site_page" in metafunc.fixturenames:
        # Without a site: one test that fails and says how to build it (never an empty parametrization).
        built = (HTML / "index.html").exists()
        pages = [p.relative_to(HTML).as_posix() for p in checks.site_pages(HTML)] if built else [None]
        metafunc.parametrize("site_page", pages, ids=[p or "no-built-site" for p in pages])


@pytest.fixture
def site_page(request):
    if request.param is None:
        pytest.fail(NO_SITE, pytrace=False)
    return request.param


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Launch Debian's Chromium with the flags that keep it off the network (pytest-playwright's hook)."""
    problem = checks.chromium_problem()
    if problem:
        pytest.fail(problem, pytrace=False)
    return {**browser_type_launch_args, "executable_path": checks.CHROMIUM, "args": checks.CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def site_dir():
    if not (HTML / "index.html").exists():
        pytest.fail(NO_SITE, pytrace=False)
    return HTML


@pytest.fixture(scope="session")
def screenshots_dir():
    return SCREENSHOTS


@pytest.fixture(scope="session")
def site_origin(site_dir):
    with checks.serve(site_dir, compress=True) as origin:  # as a static host serves it: gzip
        yield origin


@pytest.fixture(scope="session")
def base_url(site_origin):
    """pytest-playwright's base URL of ``page`` and ``new_context``: ``page.goto("index.html")``."""
    return site_origin


@pytest.fixture(scope="session")
def page_report(browser, site_origin):
    """The report of a page of the site (see checks.inspect_page), computed once per page."""
    reports = {}

    def report(path: str) -> checks.PageReport:
        if path not in reports:
            stem = SCREENSHOTS / Path(path).with_suffix("")
            reports[path] = checks.inspect_page(browser, site_origin, path, screenshot_stem=stem)
        return reports[path]

    return report
