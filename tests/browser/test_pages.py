"""Every page of the built site, as a reader sees it in Chromium: light and dark, desktop and phone.

One test per page and check (see ``checks.CHECKS``); each page is loaded once per colour mode
and the reports are shared by its tests. Screenshots go to ``docs/_build/screenshots/``.
"""

import pytest
from checks import CHECKS, DESKTOP, PHONE, site_pages

pytestmark = pytest.mark.site

WHAT = {
    "console": "no console errors and no uncaught exceptions",
    "requests": "no failed request and no request to any host but the site's",
    "images": "every image loads",
    "math": "every formula rendered by KaTeX, no raw TeX in the visible text",
    "overflow": f"no sideways scrolling at {PHONE['width']} px or {DESKTOP['width']} px",
    "alt-text": "every content image has alt text that describes it (not only a title)",
    "axe": "no serious or critical axe-core violation, in light and dark mode",
    "dark-mode": "dark mode applies, and every figure keeps an opaque light background in it",
}


def _explain(check, page, problems):
    listing = "\n".join(f"  - {p}" for p in problems)
    return f"{page}: {WHAT[check]}; {len(problems)} problem(s):\n{listing}"


@pytest.mark.parametrize("check", CHECKS)
def test_page(site_page, check, page_report):
    problems = page_report(site_page).problems[check]
    assert not problems, _explain(check, site_page, problems)


def test_screenshots_of_every_page(site_page, page_report, screenshots_dir):
    shots = page_report(site_page).screenshots
    assert [s.name.rsplit("-", 1)[1] for s in shots] == ["light.png", "light_phone.png", "dark.png", "dark_phone.png"]
    for shot in shots:
        assert shot.stat().st_size > 5_000, f"{shot} looks empty"
        assert shot.is_relative_to(screenshots_dir)


def test_every_page_is_checked(site_dir):
    """The site has the pages these tests expect to find (guards against checking an empty folder)."""
    pages = {p.relative_to(site_dir).as_posix() for p in site_pages(site_dir)}
    assert {"index.html", "search.html", "genindex.html", "auto_examples/index.html"} <= pages
    assert not any(p.startswith("_static/") for p in pages)
