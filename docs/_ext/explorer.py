"""The Explorer widget: ``:::{explorer}`` places it, with its starting state from :mod:`regexplain.math.explorer`.

The directive writes an empty container whose ``data-start`` attribute holds that state as
JSON; ``_static/explorer/explorer.mjs`` (an ES module that imports the exact solver
``solver.mjs``) builds the controls and the drawing into it. Without JavaScript the container
stays empty and hidden, and the page's static figure and table of the same starting state
stand in. The script and ``explorer.css`` are added to the pages that have the widget, and
only to them.
"""

import html
import json

from docutils import nodes
from sphinx.util.docutils import SphinxDirective

from regexplain.math import explorer


def container_html(state: dict[str, object]) -> str:
    """The widget's container with its starting state (hidden until the script fills it)."""
    return f'<div class="explorer" data-start="{html.escape(json.dumps(state), quote=True)}" hidden></div>'


class Explorer(SphinxDirective):
    """The interactive Explorer (no arguments, no content)."""

    def run(self) -> list[nodes.Node]:
        return [nodes.raw("", container_html(explorer.start_state()), format="html", classes=["explorer-host"])]


def _add_assets(app, pagename, templatename, context, doctree) -> None:
    """The widget's script, its solver and its styles, on the pages with the widget.

    The page is not painted before the script has filled the widget (``blocking="render"``):
    painted first, the page would jump down by the widget's height when it appears (Lighthouse:
    a layout shift of 0.4 on a phone). The solver it imports is fetched alongside
    (``modulepreload``) rather than after it. Browsers that ignore ``blocking`` paint at once.
    """
    if doctree is not None and any("explorer-host" in node["classes"] for node in doctree.findall(nodes.raw)):
        app.add_js_file("explorer/explorer.mjs", type="module", blocking="render")
        app.add_css_file("explorer/explorer.css")
        solver = context["pathto"]("_static/explorer/solver.mjs", 1)  # as explorer.mjs imports it: no ?v=
        context["metatags"] = f'{context.get("metatags", "")}\n<link rel="modulepreload" href="{solver}" />'


def setup(app):
    app.add_directive("explorer", Explorer)
    app.connect("html-page-context", _add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
