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
    if doctree is not None and any("explorer-host" in node["classes"] for node in doctree.findall(nodes.raw)):
        app.add_js_file("explorer/explorer.mjs", type="module")
        app.add_css_file("explorer/explorer.css")


def setup(app):
    app.add_directive("explorer", Explorer)
    app.connect("html-page-context", _add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
