"""The checker itself: a good page passes every check, and a broken page fails each one, for the right reason.

Both pages are written to a temporary folder and served and inspected exactly like the site.
No built site is needed, but Chromium is: these run with the other browser tests (``nox -s site``).
"""

import gzip
import io
import struct
import zlib

import checks
import pytest

pytestmark = pytest.mark.site

ALT = (
    "A grey square with a thin black diagonal line from the lower left to the upper right corner: "
    "a stand-in for a figure."
)
CAPTION = "The figure's caption, repeated word for word as if it were a description."
# Mimics pydata-sphinx-theme: data-theme on <html> follows the mode stored in localStorage.
THEME = """<script>document.documentElement.dataset.theme = localStorage.getItem("mode") || "light";</script>
<style>
  html[data-theme=dark] body { background: #121212; color: #e6e6e6; }
  html[data-theme=dark] a { color: #8ab4f8; }
  .katex .katex-mathml { position: absolute; clip: rect(1px, 1px, 1px, 1px); }
  @font-face { font-family: KaTeX_Main; src: local("DejaVu Serif"), local("Liberation Serif"); }
  .katex { font-family: KaTeX_Main, serif; }
  pre { overflow-x: auto; }
  html[data-theme=dark] .only-light, html[data-theme=light] .only-dark { display: none; }
</style>"""

GOOD = f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A good page</title>{THEME}</head>
<body><main>
<h1>A good page</h1>
<p>Prose with rendered math: <span class="math"><span class="katex"><span class="katex-mathml">x</span>
<span class="katex-html" aria-hidden="true">x</span></span></span> and code that holds TeX, which is fine:</p>
<pre><code>ax.set_xlabel(r"$\\lambda$")  # \\frac and $$ inside code are not math</code></pre>
<figure><div><img class="only-light" src="opaque.png" width="240" height="160" alt="{ALT}" loading="lazy">
<img class="only-dark" src="opaque-dark.png" width="240" height="160" alt="{ALT}" loading="lazy"></div>
<figcaption>The figure's caption.</figcaption></figure>
<p><a href="other.html">Another page</a></p>
</main></body></html>
"""

BROKEN = f"""<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>A broken page \\(x\\)</title>
<script>document.documentElement.dataset.theme = "light";</script>
<style>
  @media (prefers-color-scheme: dark) {{ body {{ background: #121212; color: #e6e6e6; }} }}
  .dim {{ color: #555; }}  /* readable on white, not on the dark background */
</style>
<script src="https://cdn.example.com/x.js"></script>
</head>
<body><main>
<h1>A broken page</h1>
<p>Raw inline TeX \\(x^2\\) and display TeX $$\\frac{{1}}{{2}}$$ that nobody rendered.</p>
<p>A formula KaTeX could not parse:
<span class="katex-error" title="ParseError: Undefined control sequence">\\foo</span>,
and one left unrendered: <span class="math">y = 1</span>.</p>
<div class="math" style="display: flex; flex-direction: row-reverse; overflow: hidden; max-width: 200px">
<span class="katex"><span class="katex-html" style="white-space: nowrap">
a formula far too wide for its column, cut off</span></span>
</div>
<figure><img src="missing.png" alt="{ALT}"><figcaption>Missing.</figcaption></figure>
<figure><img src="transparent.png" width="240" height="160" alt="Figure 1"><figcaption>Figure 1</figcaption></figure>
<figure><img src="opaque.png" width="240" height="160" alt="{CAPTION}">
<figcaption>{CAPTION}</figcaption></figure>
<img class="only-dark" src="opaque-dark.png" width="240" height="160" alt="{ALT}">
<img src="opaque.png" width="40" height="40">
<button></button>
<div style="width: 2000px">A block wider than any screen.</div>
<p class="dim">Grey text, fine in light mode only.</p>
<script>console.error("boom"); throw new Error("bang");</script>
</main></body></html>
"""

# What each check must say about the broken page: one substring per expected problem.
EXPECTED = {
    "console": ["boom", "bang"],
    "requests": ["missing.png: HTTP 404", "outside the site (blocked): https://cdn.example.com/x.js"],
    "images": ["image did not load: missing.png", "opaque-dark.png: downloaded, though its colour mode is not shown"],
    "math": [
        'raw TeX in visible text: page: \\( \\) $$ \\frac $$ in "Raw inline TeX',
        'raw TeX in visible text: page title: \\( \\) in "A broken page \\(x\\)"',
        "KaTeX could not render",
        "formula not rendered by KaTeX: 'y = 1'",
        "formula cut off at 1280 px",
        "formula cut off at 375 px",
    ],
    "overflow": ["scrolls sideways at 1280 px", "scrolls sideways at 375 px", "div (right edge at"],
    "alt-text": ["transparent.png: alt text is a title", "only repeats the caption", "opaque.png: no alt attribute"],
    "axe": [
        "light mode: [critical] button-name",
        "light mode: [critical] image-alt",
        "light mode: [serious] html-has-lang",
        "dark mode: [serious] color-contrast",
    ],
    "dark-mode": ["asked for dark mode, got data-theme='light'", "opaque.png: only 0% of its edge is dark"],
}


def _png(width, height, rgba):
    """A PNG of one colour with a black diagonal, written with the standard library only."""
    rows = []
    for y in range(height):
        row = bytearray()
        for x in range(width):
            on_line = abs(x * height - (height - 1 - y) * width) < 2 * width
            row += bytes((0, 0, 0, 255)) if on_line else bytes(rgba)
        rows.append(b"\x00" + bytes(row))

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 6, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(b"".join(rows)))
        + chunk(b"IEND", b"")
    )


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    (folder / "good.html").write_text(GOOD, encoding="utf-8")
    (folder / "broken.html").write_text(BROKEN, encoding="utf-8")
    (folder / "other.html").write_text(GOOD.replace("A good page", "Another good page"), encoding="utf-8")
    (folder / "opaque.png").write_bytes(_png(240, 160, (235, 235, 235, 255)))
    (folder / "opaque-dark.png").write_bytes(_png(240, 160, (20, 24, 30, 255)))
    (folder / "transparent.png").write_bytes(_png(240, 160, (255, 255, 255, 0)))
    with checks.serve(folder, compress=True) as origin:
        yield origin, folder


@pytest.fixture(scope="module")
def reports(served, browser):
    origin, folder = served
    return {
        name: checks.inspect_page(browser, origin, f"{name}.html", screenshot_stem=folder / "shots" / name)
        for name in ("good", "broken")
    }


def test_good_page_passes_every_check(reports):
    problems = {check: found for check, found in reports["good"].problems.items() if found}
    assert not problems


@pytest.mark.parametrize("check", checks.CHECKS)
def test_broken_page_fails_each_check(reports, check):
    found = "\n".join(reports["broken"].problems[check])
    missing = [expected for expected in EXPECTED[check] if expected not in found]
    assert not missing, f"{check}: expected problems {missing} not reported; it reported:\n{found}"


def test_every_check_is_exercised():
    assert set(EXPECTED) == set(checks.CHECKS)


def test_screenshots_are_written(reports):
    for report in reports.values():
        assert [s.name.rsplit("-", 1)[1] for s in report.screenshots] == [
            "light.png",
            "light_phone.png",
            "dark.png",
            "dark_phone.png",
        ]
        assert all(s.stat().st_size > 1000 for s in report.screenshots)


def test_weight_counts_every_response(served, reports):
    """The page weight the budget tests read: the bytes transferred for every response of the page's first load."""
    _, folder = served
    # Text is gzipped, as a static host serves it; in light mode only the light variant of a figure loads.
    page = gzip.compress(GOOD.encode(), compresslevel=6, mtime=0)
    expected = {"/good.html": len(page), "/opaque.png": (folder / "opaque.png").stat().st_size}
    assert reports["good"].loaded == expected


def test_dark_figure_check_reads_the_screenshot():
    from PIL import Image

    def shot(grey):
        image = Image.new("RGB", (300, 200), (18, 18, 18))
        image.paste((grey, grey, grey), (50, 40, 250, 160))
        buffer = io.BytesIO()
        image.save(buffer, format="PNG")
        return buffer.getvalue()

    box = {"src": "f.png", "x": 50, "y": 40, "width": 200, "height": 120}
    assert checks.dark_figure_problems([box], shot(20)) == []
    assert "only 0% of its edge is dark" in checks.dark_figure_problems([box], shot(220))[0]


def test_missing_browser_fails_with_install_hint(monkeypatch):
    monkeypatch.setattr(checks, "CHROMIUM", "/nonexistent/chromium")
    problem = checks.chromium_problem()
    assert problem is not None
    assert "apt-get install -y chromium" in problem
