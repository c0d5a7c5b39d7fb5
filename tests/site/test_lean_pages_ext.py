"""The lean_pages extension (docs/_ext/lean_pages.py): what each page loads, and the trimmed icons.

The helpers run here with the unit tests; the checks on the built site are marked ``site``.
Lighthouse measures the result (tests/browser/test_lighthouse.py).
"""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import lean_pages
import pytest
from bs4 import BeautifulSoup
from fontTools.ttLib import TTFont
from sphinx.builders.html._assets import _CascadingStyleSheet, _JavaScript

HTML = Path(os.environ.get("REGEXPLAIN_SITE", Path(__file__).parents[2] / "docs" / "_build" / "html"))
THEME_FONT = Path(__import__("pydata_sphinx_theme").__file__).parent.joinpath(
    "theme", "pydata_sphinx_theme", "static", "vendor", "fontawesome", "webfonts", "fa-solid-900.woff2"
)

CSS = (
    ".fa-solid{font-weight:900}.fa-lg{font-size:1.25em}"
    '.fa-magnifying-glass,.fa-search{--fa:"\\f002"}.fa-bicycle{--fa:"\\f206"}.fa-sun{--fa:"\uf185"}'
    ':root{--pst-icon-bell:"\\f0f3 ";--pst-icon-text:"abc"}'
)


def test_trim_icon_css_keeps_the_rules_of_used_icons_only():
    trimmed = lean_pages.trim_icon_css(CSS, {"fa-search", "fa-sun", "fa-solid"})
    assert '.fa-magnifying-glass,.fa-search{--fa:"\\f002"}' in trimmed  # used under one of its names
    assert ".fa-sun{" in trimmed
    assert "fa-bicycle" not in trimmed
    assert ".fa-solid{font-weight:900}.fa-lg{font-size:1.25em}" in trimmed  # not icon rules: untouched
    assert trimmed.endswith(':root{--pst-icon-bell:"\\f0f3 ";--pst-icon-text:"abc"}')


def test_css_glyphs_reads_escapes_and_literal_characters():
    assert lean_pages._css_glyphs(CSS) == {0xF002, 0xF206, 0xF185, 0xF0F3}
    assert lean_pages._css_glyphs(lean_pages.trim_icon_css(CSS, set())) == {0xF0F3}


def test_used_icons_reads_pages_and_scripts_but_not_fontawesome_js(tmp_path):
    (tmp_path / "_static" / "scripts").mkdir(parents=True)
    (tmp_path / "page.html").write_text('<i class="fa-solid fa-magnifying-glass fa-lg"></i>')
    (tmp_path / "_static" / "scripts" / "theme.js").write_text('e.classList.add("fa-xmark")')
    (tmp_path / "_static" / "scripts" / "fontawesome.js").write_text('{iconName:"fa-bicycle"}')
    (tmp_path / "notes.txt").write_text("fa-house")
    assert lean_pages.used_icons(tmp_path) == {"fa-solid", "fa-magnifying-glass", "fa-lg", "fa-xmark"}


def test_subset_font_keeps_exactly_the_glyphs_asked_for_and_is_reproducible(tmp_path):
    copies = [tmp_path / "a.woff2", tmp_path / "b.woff2"]
    for copy in copies:
        copy.write_bytes(THEME_FONT.read_bytes())
        lean_pages.subset_font(copy, {0xF002, 0xF185})
    assert copies[0].read_bytes() == copies[1].read_bytes()
    assert copies[0].stat().st_size < THEME_FONT.stat().st_size / 10
    assert set(TTFont(copies[0]).getBestCmap()) == {0xF002, 0xF185}


def _context(css, js, body):
    return {
        "body": body,
        "css_files": [_CascadingStyleSheet(f"_static/{name}", priority=500) for name in css],
        "script_files": [_JavaScript(f"_static/{name}" if name else "", priority=500) for name in js],
        "metatags": "",
        "pathto": lambda target, resource=0: f"../{target}",
    }


APP = SimpleNamespace(config=SimpleNamespace(katex_css_path="katex/katex.min.css"))
CSS_FILES = ["pygments.css", "sg_gallery.css", "sg_gallery-binder.css", "katex/katex.min.css", "custom.css"]
JS_FILES = ["documentation_options.js", "doctools.js", "sphinx_highlight.js", "sg-tags.js", ""]


def test_trim_assets_keeps_what_the_body_uses():
    body = '<div class="highlight-python"><div class="highlight"><pre>x</pre></div></div><p class="sphx-glr-x">'
    context = _context(CSS_FILES, JS_FILES, body)
    lean_pages.trim_assets(APP, "page", "page.html", context, None)
    kept = [c.filename for c in context["css_files"]]
    assert kept == ["_static/pygments.css", "_static/sg_gallery.css", "_static/custom.css"]
    scripts = {s.filename: s.attributes for s in context["script_files"]}
    assert "_static/sg-tags.js" not in scripts  # no gallery tags on the page
    assert scripts["_static/doctools.js"] == scripts["_static/sphinx_highlight.js"] == {"defer": "defer"}
    assert scripts["_static/documentation_options.js"] == {}  # inline scripts after it need it at once
    assert "" in scripts
    assert context["metatags"] == ""  # no math, no math fonts


def test_trim_assets_preloads_math_fonts_and_leaves_the_search_page_in_order():
    body = '<span class="katex"><span class="mord mathnormal">x</span></span>'
    context = _context(CSS_FILES, JS_FILES, body)
    lean_pages.trim_assets(APP, "search", "search.html", context, None)
    assert [c.filename for c in context["css_files"]] == ["_static/katex/katex.min.css", "_static/custom.css"]
    assert all("defer" not in s.attributes for s in context["script_files"])
    preload = r'<link rel="preload" href="\.\./_static/katex/fonts/([\w-]+)\.woff2" as="font" type="font/woff2" cross'
    assert re.findall(preload, context["metatags"]) == ["KaTeX_Main-Regular", "KaTeX_Math-Italic"]


# -- The built site ---------------------------------------------------------------------------


def _built():
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs` (or `nox -s site`, which builds it) first")
    return [p for p in HTML.rglob("*.html") if "_static" not in p.relative_to(HTML).parts]


@pytest.mark.site
def test_every_icon_the_site_uses_has_its_rule_and_its_glyph():
    pages = _built()
    css = (HTML / lean_pages.THEME_CSS).read_text(encoding="utf-8")
    rules = {
        name.lstrip("."): glyph
        for m in lean_pages.ICON_RULE.finditer(css)
        for name in m.group("selectors").split(",")
        for glyph in [m.group("glyph")]
    }
    used = lean_pages.used_icons(HTML)
    missing = {name for name in used if name not in rules and re.fullmatch(r"fa-[a-z-]+", name)}
    # Classes that are not icons (sizes, styles) have no glyph rule.
    missing -= {"fa-solid", "fa-regular", "fa-brands", "fa-lg", "fa-xs", "fa-sm", "fa-xl", "fa-fw", "fa-custom"}
    assert not missing, f"icons used by the site but trimmed from the theme's stylesheet: {sorted(missing)}"
    assert len(rules) < 60, f"{len(rules)} icon rules left: were unused icons trimmed?"
    font = set(TTFont(HTML / lean_pages.ICON_FONT).getBestCmap())
    wanted = lean_pages._css_glyphs(css)
    assert {0xF002, 0xF185, 0xF186} <= wanted  # search, sun, moon: the header's icons
    absent = {hex(g) for g in wanted - font if g in set(TTFont(THEME_FONT).getBestCmap())}
    assert not absent, f"glyphs the stylesheet names but the trimmed font lacks: {sorted(absent)}"
    assert len(pages) > 10


@pytest.mark.site
def test_pages_load_no_unused_theme_assets():
    for page in _built():
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        sources = [tag.get("src") or tag.get("href") or "" for tag in soup.select("head script[src], head link[href]")]
        name = page.relative_to(HTML).as_posix()
        assert not any("fontawesome.js" in s for s in sources), name
        assert not any("styles/theme.css" in s for s in sources), f"{name}: links theme.css, which @imports basic.css"
        assert any(s.split("?")[0].endswith("_static/basic.css") for s in sources), name
        gallery = bool(soup.select('[class*="sphx-glr"]'))
        assert any("sg_gallery.css" in s for s in sources) == gallery, name
        assert not any(re.search(r"sg_gallery-(binder|dataframe|rendered-html)\.css", s) for s in sources), name
