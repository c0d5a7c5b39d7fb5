"""A meta description on every page, written once or derived, never typed twice.

Search engines show a page's ``<meta name="description">`` under its title (Lighthouse's SEO
audit requires one). Where it comes from:

- a page written in MyST gives its own in its front matter, ``myst: html_meta: description:``
  (myst-parser turns it into the tag; this extension leaves such pages alone);
- any other page with a source (the gallery's examples and section pages, the API pages) gets
  the first paragraph of its text: an example's docstring, a section's header, the page's
  opening lines. A paragraph with math in it is passed over, since a description is plain
  text; the text is cut at a sentence end (or else a word) to at most MAX_LENGTH characters;
- the two pages Sphinx writes itself, the index and the search page, get a sentence of their
  own (:data:`GENERATED`).
"""

import html
import re

from docutils import nodes
from sphinx import addnodes

#: Search engines cut descriptions longer than about this.
MAX_LENGTH = 160
#: A paragraph shorter than this says too little to describe a page.
MIN_LENGTH = 50
GENERATED = {
    "genindex": "Index of {project}: every function, class, module and constant of the package, "
    "with a link to where the API reference documents it.",
    "search": "Search every page of {project}: the chapters, the gallery of runnable examples, "
    "the reference card and the API reference.",
}
#: Paragraphs inside these are not the page's own text (captions, notes, tables of contents).
SKIP = (nodes.caption, nodes.Admonition, nodes.table, nodes.field_list, addnodes.toctree, addnodes.desc, nodes.legend)


def shorten(text: str, limit: int = MAX_LENGTH) -> str:
    """``text`` in at most ``limit`` characters: whole sentences if they fit, else whole words and "…"."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    ends = [m.end() for m in re.finditer(r"[.!?](?=\s)", text[: limit + 1])]
    if ends and ends[-1] >= MIN_LENGTH:
        return text[: ends[-1]]
    cut = text[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:–—-")
    return cut + "…"


def first_paragraph(doctree: nodes.document) -> str | None:
    """The text of the page's first paragraph of prose, without math, of MIN_LENGTH characters or more."""
    for paragraph in doctree.findall(nodes.paragraph):
        if any(isinstance(parent, SKIP) for parent in _ancestors(paragraph)):
            continue
        if any(True for _ in paragraph.findall(nodes.math)):
            continue
        text = " ".join(paragraph.astext().split())
        if len(text) >= MIN_LENGTH:
            return text
    return None


def _ancestors(node: nodes.Node):
    node = node.parent
    while node is not None:
        yield node
        node = node.parent


def description(app, pagename: str, doctree: nodes.document | None) -> str | None:
    """The derived description of a page (None: nothing to derive it from)."""
    if pagename in GENERATED:
        return GENERATED[pagename].format(project=app.config.project)
    if doctree is None:
        return None
    text = first_paragraph(doctree)
    return shorten(text) if text else None


def add_description(app, pagename, templatename, context, doctree) -> None:
    """Give the page a ``<meta name="description">`` unless its front matter has one."""
    metatags = context.get("metatags", "")
    if re.search(r'<meta\b[^>]*\bname="description"', metatags):
        return
    text = description(app, pagename, doctree)
    if text:
        context["metatags"] = f'{metatags}\n<meta name="description" content="{html.escape(text, quote=True)}" />'


def setup(app):
    app.connect("html-page-context", add_description)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
