"""What a reader must get from every page, checked in a real Chromium.

Each check is a plain function that returns a list of problems (human-readable strings); an
empty list means the page passes. :func:`inspect_page` loads one page in light and dark mode,
at desktop and phone width, and runs them all. The same functions check the site
(``test_pages.py``) and a deliberately broken page (``test_checker.py``), which proves that
each check can fail.

The browser comes from pytest-playwright's ``browser`` fixture (launched as
:data:`CHROMIUM_ARGS` say, see ``conftest.py``); axe-core from the axe-playwright-python
package, which ships it. Nothing here talks to any host but 127.0.0.1: the site is served by
:func:`serve` from a thread of the test process, and every request for another host is
aborted (and reported).
"""

from __future__ import annotations

import functools
import gzip
import io
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

from axe_playwright_python.sync_playwright import Axe

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
INSTALL_CHROMIUM = (
    "The browser tests need Debian's Chromium: install it with `apt-get install -y chromium` "
    "(with sudo if you are not root; on Ubuntu the package is `chromium-browser`), and the "
    "`test` dependency group (pytest-playwright drives it; no browser download needed)."
)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
#: Where the article lives: images and text in here are the page's content.
CONTENT = "main"
#: Alt text shorter than this is a title, not a description.
MIN_ALT = 60
#: axe-core impacts that fail a page.
FAILING_IMPACTS = ("serious", "critical")
#: Text that KaTeX should have turned into math: \( \) \[ \] $$ \command $...$
RAW_TEX = r"\\[()\[\]]|\$\$|\\[A-Za-z]+|\$[^\s$](?:[^$\n]{0,200}[^\s$\\])?\$"
#: Folders of the built site that hold assets, downloads and theme templates, not pages.
NOT_PAGES = {"_static", "_images", "_downloads", "_sources", "_sphinx_design_static"}


def site_pages(html_dir: Path) -> list[Path]:
    """Every HTML page of the built site, sorted (not the theme's template fragments in ``_static``)."""
    return sorted(p for p in html_dir.rglob("*.html") if not NOT_PAGES & set(p.relative_to(html_dir).parts[:-1]))


# -- Serving -----------------------------------------------------------------------------------


class _Handler(SimpleHTTPRequestHandler):
    extensions_map = {  # noqa: RUF012 (class attribute of the standard library's handler)
        **SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".css": "text/css",
        ".svg": "image/svg+xml",
        ".woff2": "font/woff2",
        ".woff": "font/woff",
        ".json": "application/json",
    }

    def log_message(self, format, *args):
        pass


#: What a static host compresses: text. Images (PNG, already compressed) and woff2 fonts are sent as they are.
COMPRESSED_TYPES = ("text/", "image/svg+xml", "application/json", "application/javascript", "application/xml")


class _GzipHandler(_Handler):
    """Like a static host: HTTP/1.1 keep-alive, text types gzipped when the browser accepts gzip.

    Each file is compressed once per modification time (gzip level 6, what nginx and most hosts
    use) and kept in memory for the server's lifetime.
    """

    protocol_version = "HTTP/1.1"
    _cache: dict = {}  # noqa: RUF012 (shared by the handler instances of one server: one per request)
    _lock = threading.Lock()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?", 1)[0].endswith("/"):
            path = path / "index.html"
        kind = self.guess_type(str(path))
        accepts = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (accepts and path.is_file() and kind.startswith(COMPRESSED_TYPES)):
            return super().send_head()
        stat = path.stat()
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            body = self._cache.get(key)
        if body is None:
            body = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
            with self._lock:
                self._cache[key] = body
        self.send_response(200)
        self.send_header("Content-Type", kind if not kind.startswith("text/") else f"{kind}; charset=utf-8")
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Last-Modified", self.date_time_string(int(stat.st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # a browser that closes a connection early is not a problem of the page


@contextmanager
def serve(directory: Path, *, compress: bool = False) -> Iterator[str]:
    """Serve ``directory`` on 127.0.0.1 on a free port from a thread; yield the base URL.

    With ``compress``, serve it as a static host does (see :class:`_GzipHandler`): what page
    weight and load time are measured through. Without, plain ``http.server`` (HTTP/1.0, no
    compression), which the checks of what a page shows do not need.
    """
    handler = functools.partial(_GzipHandler if compress else _Handler, directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, name=f"http.server {directory}", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


# -- Browser --------------------------------------------------------------------------------------


def chromium_problem() -> str | None:
    """Say why Chromium cannot be driven here (with how to fix it), or None when it can."""
    if not Path(CHROMIUM).is_file():
        return f"no Chromium at {CHROMIUM}. {INSTALL_CHROMIUM}"
    return None


# -- Traffic -------------------------------------------------------------------------------------


@dataclass
class Traffic:
    """What a page said and requested while it loaded."""

    origin: str
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    outside: list[str] = field(default_factory=list)
    loaded: dict[str, object] = field(default_factory=dict)  # local URL path -> playwright Response

    def reset(self) -> None:
        """Forget what was recorded (before a reload whose traffic is checked on its own)."""
        for record in (self.console_errors, self.page_errors, self.failed, self.outside):
            record.clear()
        self.loaded.clear()

    def local(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in {"data", "blob", "about"}:
            return True
        return f"{parts.scheme}://{parts.netloc}/" == self.origin


def watch(page, origin: str) -> Traffic:
    """Record a page's console errors, page errors and requests; abort every request off ``origin``."""
    traffic = Traffic(origin)

    def route(route):
        url = route.request.url
        if traffic.local(url):
            route.continue_()
        else:
            if url not in traffic.outside:
                traffic.outside.append(url)
            route.abort("blockedbyclient")

    def on_console(message):
        if message.type == "error":
            where = message.location or {}
            at = f" ({where.get('url', '')}:{where.get('lineNumber', '')})" if where.get("url") else ""
            traffic.console_errors.append(f"{message.text}{at}")

    def failed(problem):
        if problem not in traffic.failed:
            traffic.failed.append(problem)

    def on_failed(request):
        if traffic.local(request.url):
            failed(f"{request.url}: {request.failure}")

    def on_request(request):
        if not traffic.local(request.url) and request.url not in traffic.outside:
            traffic.outside.append(request.url)

    def on_response(response):
        if response.status >= 400:
            failed(f"{response.url}: HTTP {response.status}")
        elif traffic.local(response.url) and urlsplit(response.url).scheme in {"http", "https"}:
            traffic.loaded.setdefault(urlsplit(response.url).path, response)

    page.route("**/*", route)
    page.on("console", on_console)
    page.on("pageerror", lambda error: traffic.page_errors.append(str(error)))
    page.on("requestfailed", on_failed)
    page.on("request", on_request)
    page.on("response", on_response)
    return traffic


def console_problems(traffic: Traffic) -> list[str]:
    """Console errors and uncaught exceptions."""
    return [f"console error: {m}" for m in traffic.console_errors] + [
        f"uncaught exception: {e}" for e in traffic.page_errors
    ]


def request_problems(traffic: Traffic) -> list[str]:
    """Requests that failed (or answered 4xx/5xx) and requests to any host but the site's."""
    return [f"failed request: {f}" for f in traffic.failed] + [
        f"request outside the site (blocked): {u}" for u in traffic.outside
    ]


# -- In-page checks -------------------------------------------------------------------------------

#: The class of the figure variants the current colour mode hides (pydata-sphinx-theme's only-light/only-dark).
_OTHER_MODE_JS = """() => (document.documentElement.dataset.theme === "dark" ? "only-light" : "only-dark")"""

_SETTLE_JS = (
    """async () => {
  const other = ("""
    + _OTHER_MODE_JS
    + """)();
  // Every image of the page, lazy ones too, but not the other colour mode's figures: they stay unloaded.
  const images = Array.from(document.images).filter((img) => !img.classList.contains(other));
  for (const img of images) if (img.loading === "lazy") img.loading = "eager";
  const timeout = new Promise((resolve) => setTimeout(resolve, 10000));
  await Promise.race([Promise.all(images.map((img) => img.decode().catch(() => null))), timeout]);
  await Promise.race([document.fonts.ready, timeout]);
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}"""
)


def settle(page) -> None:
    """Wait until every image (lazy ones too) has loaded or failed, the fonts are ready and layout is done."""
    page.evaluate(_SETTLE_JS)


_DESCRIBE_JS = """(el) => {
  let s = el.tagName.toLowerCase();
  if (el.id) s += "#" + el.id;
  for (const c of Array.from(el.classList).slice(0, 2)) s += "." + c;
  return s;
}"""


def image_problems(page) -> list[str]:
    """Images that did not load (``naturalWidth == 0``), apart from the other colour mode's figures."""
    broken = page.evaluate(
        """(other) => Array.from(document.images)
             .filter((img) => !img.classList.contains(other))
             .filter((img) => !(img.complete && img.naturalWidth > 0))
             .map((img) => img.getAttribute("src") || img.currentSrc || img.outerHTML.slice(0, 120))""",
        page.evaluate(_OTHER_MODE_JS),
    )
    return [f"image did not load: {src}" for src in broken]


def other_mode_download_problems(page, traffic) -> list[str]:
    """Figures of the colour mode not shown that were downloaded anyway: only the variant shown may be."""
    hidden, shown = page.evaluate(
        """(other) => {
          const images = Array.from(document.images);
          return [images.filter((img) => img.classList.contains(other)).map((img) => img.src),
                  images.filter((img) => !img.classList.contains(other)).map((img) => img.src)];
        }""",
        page.evaluate(_OTHER_MODE_JS),
    )
    fetched = set(traffic.loaded)
    return [  # the theme's logo is one file for both modes: shown, so fetched
        f"{url}: downloaded, though its colour mode is not shown"
        for url in sorted(set(hidden) - set(shown))
        if urlsplit(url).path in fetched
    ]


_MATH_JS = (
    """async (rawTeX) => {
  const describe = """
    + _DESCRIBE_JS
    + """;
  const RAW = new RegExp(rawTeX, "g");
  const SKIP = "script, style, noscript, template, pre, code, kbd, samp, textarea, .katex, .katex-error";
  const BLOCK = "p, li, dt, dd, td, th, h1, h2, h3, h4, h5, h6, figcaption, caption, blockquote, div, section, "
    + "article, aside, nav, header, footer, main, table, tr, ul, ol, dl, br, summary, details, figure";
  const out = {raw: [], errors: [], unrendered: [], unstyled: 0, fonts: [], katex: 0, katexFontLoaded: false};
  // Visible text outside code and KaTeX output, block by block (text is joined within a block only).
  const hidden = [];
  for (const el of document.body.querySelectorAll("*")) {
    if (!el.checkVisibility() && getComputedStyle(el).display !== "contents") {
      el.setAttribute("data-check-hidden", "");
      hidden.push(el);
    }
  }
  // Cloned into a document without a window, so that its images (lazy ones, the other colour mode's) load nothing.
  const clone = document.implementation.createHTMLDocument("").importNode(document.body, true);
  for (const el of hidden) el.removeAttribute("data-check-hidden");
  for (const el of clone.querySelectorAll("[data-check-hidden]")) el.remove();
  for (const el of clone.querySelectorAll(SKIP)) el.replaceWith(" \\u27e8\\u27e9 ");
  for (const el of clone.querySelectorAll(BLOCK)) el.append("\\n");
  const texts = [["page title", document.title], ["page", clone.textContent]];
  for (const el of document.querySelectorAll("[title], [tooltip]")) {
    if (el.closest(".katex, .katex-error")) continue;
    for (const attr of ["title", "tooltip"]) {
      if (el.hasAttribute(attr)) texts.push([attr + " of " + describe(el), el.getAttribute(attr)]);
    }
  }
  for (const [where, text] of texts) {
    for (const line of text.split("\\n")) {
      const found = Array.from(line.matchAll(RAW));
      if (!found.length) continue;
      const start = Math.max(0, found[0].index - 30);
      const end = Math.min(line.length, found[found.length - 1].index + found[found.length - 1][0].length + 30);
      const context = (start ? "..." : "") + line.slice(start, end) + (end < line.length ? "..." : "");
      out.raw.push(`${where}: ${found.map((m) => m[0]).join(" ")} in "${context.replace(/\\s+/g, " ").trim()}"`);
    }
  }
  for (const el of document.querySelectorAll(".katex-error")) {
    out.errors.push(`"${el.textContent.slice(0, 80)}": ${el.getAttribute("title") || ""}`);
  }
  // Sphinx wraps every formula in .math; prerendered, each holds KaTeX's HTML.
  for (const el of document.querySelectorAll("span.math, div.math")) {
    if (!el.querySelector(".katex")) out.unrendered.push(el.textContent.trim().slice(0, 80));
  }
  const katex = document.querySelectorAll(".katex");
  out.katex = katex.length;
  for (const el of katex) {
    const mathml = el.querySelector(".katex-mathml");
    if (mathml && getComputedStyle(mathml).position !== "absolute") out.unstyled += 1;
  }
  await document.fonts.ready;
  for (const face of document.fonts) {
    const family = face.family.replace(/["']/g, "");
    if (family.startsWith("KaTeX") && face.status === "error") out.fonts.push(`${family} ${face.style} ${face.weight}`);
    if (family.startsWith("KaTeX") && face.status === "loaded") out.katexFontLoaded = true;
  }
  return out;
}"""
)


def math_problems(page) -> list[str]:
    """Raw TeX left in visible text, KaTeX errors, unrendered formulas, missing KaTeX CSS or fonts.

    Code (``pre``, ``code``) is exempt: code may legitimately hold TeX (matplotlib labels).
    """
    found = page.evaluate(_MATH_JS, RAW_TEX)
    problems = [f"raw TeX in visible text: {r}" for r in found["raw"]]
    problems += [f"KaTeX could not render {e}" for e in found["errors"]]
    problems += [f"formula not rendered by KaTeX: {u!r}" for u in found["unrendered"]]
    if found["unstyled"]:
        problems.append(
            f"{found['unstyled']} formulas are not styled by KaTeX's stylesheet (their MathML is visible): "
            "is katex.min.css loaded?"
        )
    problems += [f"KaTeX font failed to load: {f}" for f in found["fonts"]]
    if found["katex"] and not found["katexFontLoaded"]:
        problems.append(f"{found['katex']} formulas on the page but no KaTeX font loaded")
    return problems


_CLIPPED_MATH_JS = """() => {
  const cut = [];
  for (const k of document.querySelectorAll(".katex")) {
    if (!k.checkVisibility()) continue;
    const html = k.querySelector(".katex-html") || k;
    const range = document.createRange();
    range.selectNodeContents(html);
    const glyphs = range.getBoundingClientRect();  // where the formula's glyphs are
    if (glyphs.width === 0) continue;
    let shown = {left: glyphs.left, right: glyphs.right};  // what must be visible, or reachable by scrolling
    for (let a = html; a && a !== document.documentElement; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === "visible") continue;
      const r = a.getBoundingClientRect();
      const left = r.left + a.clientLeft - a.scrollLeft, right = left + a.clientWidth;
      const scrolls = overflow === "auto" || overflow === "scroll";
      // A scroll container can bring into view what sticks out on its right, never what sticks out
      // on its left; what it can show is then bounded by its own box.
      const lost = Math.max(0, left - shown.left) + (scrolls ? 0 : Math.max(0, shown.right - right - a.scrollLeft));
      if (lost > 2) {
        const tex = k.querySelector("annotation");
        const source = (tex ? tex.textContent : k.textContent).trim().replace(/\\s+/g, " ");
        cut.push(`${Math.round(lost)} of ${Math.round(glyphs.width)} px of ${source.slice(0, 70)} `
          + `(hidden by ${a.tagName.toLowerCase()}.${Array.from(a.classList).join(".")}, overflow-x: ${overflow})`);
        break;
      }
      if (scrolls) shown = {left: r.left + a.clientLeft, right: r.left + a.clientLeft + a.clientWidth};
    }
  }
  return cut;
}"""


def clipped_math_problems(page) -> list[str]:
    """Formulas partly hidden by a container, out of reach of scrolling (at the current width).

    A formula wider than its column must scroll; a part that sticks out of a container that
    clips it, or out of the left side of a scroll container, can never be seen.
    """
    width = page.viewport_size["width"] if page.viewport_size else "?"
    return [f"formula cut off at {width} px: {c}" for c in page.evaluate(_CLIPPED_MATH_JS)]


_OVERFLOW_JS = (
    """() => {
  const describe = """
    + _DESCRIBE_JS
    + """;
  const root = document.scrollingElement;
  const width = root.clientWidth;
  if (root.scrollWidth <= width + 1) return null;
  const clipped = (el) => {
    for (let a = el.parentElement; a && a !== document.body && a !== document.documentElement; a = a.parentElement) {
      if (getComputedStyle(a).overflowX !== "visible") return true;
    }
    return false;
  };
  const sticking = Array.from(document.body.querySelectorAll("*")).filter((el) => {
    const r = el.getBoundingClientRect();
    return r.width > 0 && r.right + window.scrollX > width + 1 && !clipped(el);
  });
  // The deepest ones are the causes; their ancestors only stick out because of them.
  const causes = sticking.filter((el) => !sticking.some((other) => other !== el && el.contains(other)));
  return {
    scrollWidth: root.scrollWidth,
    clientWidth: width,
    causes: causes.slice(0, 5).map((el) => `${describe(el)} (right edge at `
      + `${Math.round(el.getBoundingClientRect().right + window.scrollX)} px)`),
  };
}"""
)


def overflow_problems(page) -> list[str]:
    """Horizontal scrolling of the whole page at the current viewport width (and what causes it)."""
    found = page.evaluate(_OVERFLOW_JS)
    if found is None:
        return []
    width = page.viewport_size["width"] if page.viewport_size else found["clientWidth"]
    return [
        f"page scrolls sideways at {width} px: scrollWidth {found['scrollWidth']} > clientWidth "
        f"{found['clientWidth']}; sticking out: {', '.join(found['causes']) or 'unknown'}"
    ]


def _norm(text: str | None) -> str:
    return " ".join((text or "").split())


def alt_text_problems(page) -> list[str]:
    """Content images whose alt text is missing, empty, shorter than MIN_ALT, or only a title/caption.

    Content images are the ones inside ``<main>``: the theme's logo in the header sits next to the
    site's name, inside the same link, and is rightly marked decorative (``alt=""``; axe checks it).
    """
    images = page.evaluate(
        """(content) => Array.from(document.querySelectorAll(content + " img")).map((img) => {
          const figure = img.closest("figure");
          const caption = figure && figure.querySelector("figcaption");
          const thumb = img.closest(".sphx-glr-thumbcontainer");
          const thumbTitle = thumb && thumb.querySelector(".sphx-glr-thumbnail-title");
          return {
            src: img.getAttribute("src"),
            alt: img.getAttribute("alt"),
            title: img.getAttribute("title"),
            caption: caption ? caption.textContent : (thumbTitle ? thumbTitle.textContent : null),
          };
        })""",
        CONTENT,
    )
    raw_tex = re.compile(RAW_TEX)
    problems = []
    for image in images:
        src, alt = image["src"], _norm(image["alt"])
        titles = [t.lower() for t in (_norm(image["caption"]), _norm(image["title"])) if t]
        if image["alt"] is None:
            problems.append(f"{src}: no alt attribute")
        elif not alt:
            problems.append(f'{src}: empty alt text (alt="") on a content image')
        elif len(alt) < MIN_ALT:
            problems.append(f"{src}: alt text is a title, not a description ({len(alt)} < {MIN_ALT} chars): {alt!r}")
        elif any(alt.lower() == t or t.startswith(alt.lower()) for t in titles):
            problems.append(f"{src}: alt text only repeats the caption/title: {alt!r}")
        if alt and raw_tex.search(alt):
            problems.append(f"{src}: alt text holds raw TeX (read out as backslashes): {alt!r}")
    return problems


def theme_problems(page, mode: str) -> list[str]:
    """The page must show the colour mode asked for (pydata-sphinx-theme: ``data-theme`` on ``<html>``)."""
    theme = page.evaluate("() => document.documentElement.dataset.theme")
    return [] if theme == mode else [f"asked for {mode} mode, got data-theme={theme!r}"]


def content_image_boxes(page) -> list[dict]:
    """The visible content images with their boxes in page coordinates (for a full-page screenshot)."""
    return page.evaluate(
        """(content) => Array.from(document.querySelectorAll(content + " img"))
          .filter((img) => img.checkVisibility() && img.getBoundingClientRect().width > 0)
          .map((img) => {
            const r = img.getBoundingClientRect();
            return {src: img.getAttribute("src"), x: r.left + window.scrollX, y: r.top + window.scrollY,
                    width: r.width, height: r.height};
          })""",
        CONTENT,
    )


def dark_figure_problems(boxes: list[dict], screenshot_png: bytes, *, min_dark: float = 0.6) -> list[str]:
    """In a dark-mode full-page screenshot, each content image must be a figure of the dark house style.

    The band 2-5 px inside each image's edges (corners left out: the theme rounds them) is the
    figure's background. A light figure shown in dark mode is a white card on the dark page; a
    transparent one shows the page through, with its dark axes and text unreadable. Both fail:
    a fraction ``min_dark`` of the band must have a luma of at most 0.25 (the dark style's
    opaque background): a majority, not all, since in a small thumbnail tick labels and axis
    titles reach into the band.
    """
    from PIL import Image

    shot = Image.open(io.BytesIO(screenshot_png)).convert("L")  # ITU-R 601 luma
    problems = []
    for box in boxes:
        x0, y0 = round(box["x"]), round(box["y"])
        x1, y1 = round(box["x"] + box["width"]), round(box["y"] + box["height"])
        if x1 - x0 < 24 or y1 - y0 < 24:
            continue
        if x1 > shot.width or y1 > shot.height:
            problems.append(f"{box['src']}: outside the screenshot ({shot.width}x{shot.height}); cannot check it")
            continue
        band = []
        for inset in (2, 3, 4):
            xs, ys = range(x0 + 8, x1 - 8), range(y0 + 8, y1 - 8)
            band += [shot.getpixel((x, y0 + inset)) for x in xs] + [shot.getpixel((x, y1 - 1 - inset)) for x in xs]
            band += [shot.getpixel((x0 + inset, y)) for y in ys] + [shot.getpixel((x1 - 1 - inset, y)) for y in ys]
        dark = sum(v <= 0.25 * 255 for v in band) / len(band)
        if dark < min_dark:
            problems.append(
                f"{box['src']}: only {dark:.0%} of its edge is dark in dark mode (median grey "
                f"{sorted(band)[len(band) // 2]}/255): show the figure's dark variant there"
            )
    return problems


def axe_problems(page, impacts: tuple[str, ...] = FAILING_IMPACTS, rules: tuple[str, ...] | None = None) -> list[str]:
    """Serious and critical axe-core violations (of all rules, or of ``rules``), one readable entry per rule.

    axe-core comes from the axe-playwright-python package (no download). Its CSSOM preload is off:
    the axe-core it ships (4.12) resolves a stylesheet's relative ``@import`` (the theme's
    ``@import "../basic.css"``) against the wrong base and requests a file that does not exist,
    which would be reported as the page's failed request. Only ``css-orientation-lock`` needs
    the CSSOM; without it that rule is left incomplete, never a violation.
    """
    options: dict = {"resultTypes": ["violations"], "preload": False}
    if rules:
        options["runOnly"] = {"type": "rule", "values": list(rules)}
    problems = []
    for v in Axe().run(page, options=options).response["violations"]:
        if v["impact"] not in impacts:
            continue
        lines = [f"[{v['impact']}] {v['id']}: {v['help']} ({v['helpUrl']})"]
        for node in v["nodes"][:8]:
            summary = " ".join(node["failureSummary"].split())
            target = " ".join(str(t) for t in node["target"])
            lines.append(f"      at {target}: {summary}\n         {node['html'][:160]}")
        if len(v["nodes"]) > 8:
            lines.append(f"      ... and {len(v['nodes']) - 8} more elements")
        problems.append("\n".join(lines))
    return problems


# -- One page, every check -----------------------------------------------------------------------

CHECKS = ("console", "requests", "images", "math", "overflow", "alt-text", "axe", "dark-mode")


@dataclass
class PageReport:
    """The problems found on one page, by check (see CHECKS), and the files the page loaded."""

    url: str
    problems: dict[str, list[str]] = field(default_factory=lambda: {check: [] for check in CHECKS})
    loaded: dict[str, int] = field(default_factory=dict)  # URL path -> bytes transferred (light mode, desktop)
    screenshots: list[Path] = field(default_factory=list)


def _open(browser, url: str, origin: str, mode: str = "light"):
    """A fresh context (empty cache and storage), in ``mode`` at desktop width, with ``url`` loaded.

    Fresh for each mode: from the memory cache a browser shows an image it has already loaded
    at once, lazy or not, which would hide whether a mode fetches the other mode's figures.
    """
    context = browser.new_context(viewport=DESKTOP, color_scheme=mode, device_scale_factor=1, service_workers="block")
    # pydata-sphinx-theme reads the reader's choice from localStorage before it paints.
    context.add_init_script(f"try {{ localStorage.setItem('mode', '{mode}'); }} catch (e) {{}}")
    page = context.new_page()
    traffic = watch(page, origin)
    page.goto(url, wait_until="load")
    settle(page)
    return context, page, traffic


def _screenshot(page) -> bytes:
    return page.screenshot(full_page=True, animations="disabled", caret="hide")


#: The axe-core rules whose outcome depends on colours: all that needs checking again in dark mode.
COLOUR_RULES = ("color-contrast", "link-in-text-block")


def inspect_page(browser, origin: str, path: str, screenshot_stem: Path | None = None) -> PageReport:
    """Load ``origin + path`` in light mode, then dark mode (each at desktop, then phone width), and run every check.

    Parameters
    ----------
    browser
        A Playwright Browser.
    origin : str
        The base URL of the served site, ``http://127.0.0.1:<port>/``.
    path : str
        The page, relative to ``origin``.
    screenshot_stem : Path, optional
        Write full-page screenshots to ``<stem>-light.png``, ``<stem>-light_phone.png``, ``<stem>-dark.png``
        and ``<stem>-dark_phone.png``.
    """
    report = PageReport(origin + path)
    p = report.problems
    shots: dict[str, bytes] = {}
    context, page, traffic = _open(browser, report.url, origin)
    try:
        # Light mode, desktop width.
        p["dark-mode"] += theme_problems(page, "light")
        p["images"] += image_problems(page)
        p["math"] += math_problems(page) + clipped_math_problems(page)
        p["alt-text"] += alt_text_problems(page)
        p["overflow"] += overflow_problems(page)
        report.loaded = {url: response.request.sizes()["responseBodySize"] for url, response in traffic.loaded.items()}
        p["images"] += other_mode_download_problems(page, traffic)
        shots["light"] = _screenshot(page)
        p["axe"] += [f"light mode: {v}" for v in axe_problems(page)]
        # Light mode, phone width.
        page.set_viewport_size(PHONE)
        settle(page)
        p["overflow"] += overflow_problems(page)
        p["math"] += clipped_math_problems(page)
        shots["light_phone"] = _screenshot(page)
        p["console"] += [f"light mode: {m}" for m in console_problems(traffic)]
        p["requests"] += request_problems(traffic)
    finally:
        context.close()
    context, page, traffic = _open(browser, report.url, origin, mode="dark")
    try:
        # Dark mode, desktop width.
        p["dark-mode"] += theme_problems(page, "dark")
        boxes = content_image_boxes(page)
        shots["dark"] = _screenshot(page)
        p["dark-mode"] += dark_figure_problems(boxes, shots["dark"])
        p["images"] += [f"dark mode: {m}" for m in other_mode_download_problems(page, traffic)]
        p["axe"] += [f"dark mode: {v}" for v in axe_problems(page, rules=COLOUR_RULES)]
        # Dark mode, phone width: for the reader to look at.
        page.set_viewport_size(PHONE)
        settle(page)
        shots["dark_phone"] = _screenshot(page)
        p["console"] += [f"dark mode: {m}" for m in console_problems(traffic)]
        p["requests"] += [r for r in request_problems(traffic) if r not in p["requests"]]
    finally:
        context.close()
    if screenshot_stem is not None:
        screenshot_stem.parent.mkdir(parents=True, exist_ok=True)
        for name, png in shots.items():
            target = screenshot_stem.with_name(f"{screenshot_stem.name}-{name}.png")
            target.write_bytes(png)
            report.screenshots.append(target)
    return report
