"""Each page loads only what it uses: fast on a phone (Lighthouse, mobile; issue 13).

What the theme and the extensions add to every page, and what this extension does about it:

- Stylesheets: sphinx-gallery adds four to every page, myst-nb, Pygments and KaTeX one or two
  each; they block rendering wherever they are linked. Each is kept only on the pages whose
  body uses what it styles (:data:`USED_BY`). ``genindex`` and ``search`` keep none of them.
- Math fonts: KaTeX's stylesheet names its fonts, so a browser finds them only once that
  stylesheet has arrived, and shows no formula until they are in (the text around them moves
  when they appear). The two fonts nearly every formula needs are preloaded on the pages with
  math (:data:`MATH_FONTS`).
- Scripts: ``doctools.js`` and ``sphinx_highlight.js`` are loaded in ``<head>`` without
  ``defer``, so they block the parser; both only act once the page has loaded, so they are
  deferred (not on the search page, whose search tools the theme loads in order).
  ``sg-tags.js`` (the gallery's tag filter) stays only on the gallery pages that have tags.
- The theme's icons: pydata-sphinx-theme draws its icons (search, colour mode, menus, arrows)
  with Font Awesome's solid font, 115 KB, which every page downloads, and its stylesheet holds
  a rule for each of Font Awesome's 2,000 icons (66 KB). After the build, the rules of icons
  that no page or script uses are removed and the font is cut down to the glyphs that the
  remaining rules and the theme's own icon variables name (a few KB). ``fontawesome.js``,
  which the theme loads only so that sites can add custom SVG icons (this one has none), and
  the theme's early preloads of its deferred scripts are left out by ``_templates/layout.html``.

The trimmed files are written over the copies in the built site only; rebuilding copies the
theme's originals again and trims them again.
"""

import re
from pathlib import Path

from fontTools import subset
from fontTools.ttLib import TTFont
from sphinx.util import logging

logger = logging.getLogger(__name__)

#: Stylesheet (a regular expression on its file name) -> what a page's body must contain to need it.
USED_BY = {
    r"^pygments\.css$": r'class="[^"]*\bhighlight\b',
    r"^mystnb\.[0-9a-f]+\.css$": r'class="[^"]*\b(cell|cell_input|cell_output|output|pasted-text|pasted-inline)\b',
    r"^sg_gallery\.css$": r'class="[^"]*\bsphx-glr',
    r"^sg_gallery-binder\.css$": r'class="[^"]*\b(binder-badge|lite-badge)\b',
    r"^sg_gallery-dataframe\.css$": r'class="[^"]*\bdataframe\b',
    r"^sg_gallery-rendered-html\.css$": r'class="[^"]*\brendered_html\b',
    r"^katex/katex\.min\.css$": r'class="[^"]*\bkatex\b',
    r"^katex-math\.css$": r'class="[^"]*\bkatex\b',
}
#: KaTeX font -> what a page's body must contain to need it: Main (digits, operators, the hidden
#: MathML copy) for any formula, Math-Italic for letters.
MATH_FONTS = {"KaTeX_Main-Regular.woff2": r'class="katex"', "KaTeX_Math-Italic.woff2": r'class="[^"]*\bmathnormal\b'}
#: Scripts that wait for the page to load before they do anything: safe to defer.
DEFERRABLE = {"doctools.js", "sphinx_highlight.js"}
#: Script -> what a page's body must contain to need it.
SCRIPT_USED_BY = {"sg-tags.js": r"sphx-glr-tag|data-sgtags"}

THEME_CSS = Path("_static", "styles", "pydata-sphinx-theme.css")
ICON_FONT = Path("_static", "vendor", "fontawesome", "webfonts", "fa-solid-900.woff2")
#: One icon's rule in Font Awesome's stylesheet: ``.fa-magnifying-glass,.fa-search{--fa:"\\f002"}``.
ICON_RULE = re.compile(r'(?P<selectors>(?:\.fa-[\w-]+,)*\.fa-[\w-]+)\{--fa:"(?P<glyph>[^"]*)"\}')
ICON_CLASS = re.compile(r"\bfa-[a-z0-9]+(?:-[a-z0-9]+)*")
CSS_STRING = re.compile(r'"((?:[^"\\]|\\.)*)"')


def _name(asset) -> str:
    """The asset's path under ``_static/`` (``katex/katex.min.css``); "" for an inline script."""
    return str(asset.filename or "").split("?", 1)[0].removeprefix("_static/")


def trim_assets(app, pagename, templatename, context, doctree) -> None:
    """Drop the stylesheets and scripts a page does not use; defer the scripts that can wait."""
    body = context.get("body") or ""
    css_files = context.get("css_files")
    if css_files is not None:
        css_files[:] = [
            css
            for css in css_files
            if not any(re.search(pattern, _name(css)) for pattern in USED_BY)
            or any(re.search(pattern, _name(css)) and re.search(used, body) for pattern, used in USED_BY.items())
        ]
    fonts = Path("_static", app.config.katex_css_path).parent / "fonts"
    preloads = [
        f'<link rel="preload" href="{context["pathto"]((fonts / font).as_posix(), 1)}" as="font" '
        'type="font/woff2" crossorigin="anonymous" />'
        for font, used in MATH_FONTS.items()
        if re.search(used, body)
    ]
    if preloads:
        context["metatags"] = "\n".join([context.get("metatags", ""), *preloads])
    scripts = context.get("script_files")
    if scripts is None:
        return
    kept = []
    for script in scripts:
        name = _name(script)
        if name in SCRIPT_USED_BY and not re.search(SCRIPT_USED_BY[name], body):
            continue
        if name in DEFERRABLE and pagename != "search" and "defer" not in script.attributes:
            script = type(script)(script.filename, priority=script.priority, **script.attributes, defer="defer")
        kept.append(script)
    scripts[:] = kept


def _css_glyphs(text: str) -> set[int]:
    """The private-use code points (icon glyphs) in the string literals of a stylesheet."""
    glyphs = set()
    for literal in CSS_STRING.findall(text):
        decoded = re.sub(r"\\([0-9a-fA-F]{1,6}) ?", lambda m: chr(int(m.group(1), 16)), literal)
        glyphs |= {ord(c) for c in decoded if 0xE000 <= ord(c) <= 0xF8FF}
    return glyphs


def used_icons(outdir: Path) -> set[str]:
    """Every ``fa-*`` class named in a built page or in a script the pages load.

    ``fontawesome.js`` is left out: it names Font Awesome's own icons, and no page loads it.
    """
    names = set()
    for path in outdir.rglob("*"):
        if path.suffix in {".html", ".js", ".mjs"} and path.is_file() and path.name != "fontawesome.js":
            names |= set(ICON_CLASS.findall(path.read_text(encoding="utf-8", errors="replace")))
    return names


def trim_icon_css(css: str, used: set[str]) -> str:
    """The theme's stylesheet without the rules of icons that nothing uses."""

    def keep(rule):
        return rule.group(0) if any(s.lstrip(".") in used for s in rule.group("selectors").split(",")) else ""

    return ICON_RULE.sub(keep, css)


def subset_font(path: Path, glyphs: set[int]) -> None:
    """Cut a WOFF2 font down to ``glyphs`` (code points), in place; reproducible (no timestamps)."""
    font = TTFont(path, recalcTimestamp=False)
    options = subset.Options()
    options.flavor = "woff2"
    options.layout_features = ["*"]
    options.name_IDs = ["*"]
    options.notdef_outline = True
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=sorted(glyphs))
    subsetter.subset(font)
    font.flavor = "woff2"
    font.save(path, reorderTables=True)


def trim_icons(app, exception) -> None:
    """Keep only the icons the site uses: in the theme's stylesheet and in its icon font."""
    if exception is not None or app.builder.format != "html":
        return
    outdir = Path(app.outdir)
    css_path, font_path = outdir / THEME_CSS, outdir / ICON_FONT
    if not (css_path.exists() and font_path.exists()):
        logger.warning("lean_pages: the theme's icon files moved (%s, %s); icons not trimmed", THEME_CSS, ICON_FONT)
        return
    css = trim_icon_css(css_path.read_text(encoding="utf-8"), used_icons(outdir))
    css_path.write_text(css, encoding="utf-8")
    subset_font(font_path, _css_glyphs(css))


def setup(app):
    app.connect("html-page-context", trim_assets, priority=950)  # after the extensions that add assets
    app.connect("build-finished", trim_icons)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
