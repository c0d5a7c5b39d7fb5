"""Size budgets of the built site; they do not depend on the machine's speed.

- The whole published site (docs/_build/html) is at most 25 MB.
- Every page, with everything it loads, is at most 1.5 MB. A page's weight is measured in
  Chromium: the bytes transferred for every response while the page loads with an empty cache,
  served as a static host serves it (text gzipped), its lazy images included (those of the
  colour mode shown) (see ``checks.inspect_page``; fonts are only downloaded when the page uses
  them, so a static count of every font a stylesheet declares would overstate it).

The bytes are decimal: 1.5 MB = 1,500,000 bytes.
"""

import pytest

PAGE_BUDGET = 1_500_000
SITE_BUDGET = 25_000_000

pytestmark = pytest.mark.site


def _mb(n):
    return f"{n / 1e6:.2f} MB"


def test_site_within_budget(site_dir):
    sizes = sorted(((p.stat().st_size, p) for p in site_dir.rglob("*") if p.is_file()), reverse=True)
    size = sum(n for n, _ in sizes)
    listing = ", ".join(f"{p.relative_to(site_dir)} ({_mb(n)})" for n, p in sizes[:5])
    assert size <= SITE_BUDGET, f"the site weighs {_mb(size)} > {_mb(SITE_BUDGET)}; biggest files: {listing}"


def test_page_within_budget(site_page, page_report):
    report = page_report(site_page)
    files = report.loaded
    problems = report.problems["requests"]
    assert not problems, f"{site_page} did not load completely, so its weight means nothing: {problems}"
    assert f"/{site_page}" in files, f"{site_page}: the page itself was not among the responses"
    assert len(files) > 3, f"{site_page}: only {list(files)} loaded; was the theme's CSS and JS served?"
    weight = sum(files.values())
    heaviest = "\n".join(f"  {n:>10,} B  {path}" for path, n in sorted(files.items(), key=lambda f: -f[1])[:8])
    assert weight <= PAGE_BUDGET, f"{site_page} weighs {_mb(weight)} > {_mb(PAGE_BUDGET)}; heaviest files:\n{heaviest}"
