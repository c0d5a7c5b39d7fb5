"""The Explorer extension of the site (docs/_ext/explorer.py): the container it writes.

The widget itself is checked in a browser on the built site (tests/browser/test_explorer.py).
"""

import json

import explorer as extension
from bs4 import BeautifulSoup

from regexplain.math import explorer


def test_the_container_carries_the_starting_state_and_starts_hidden():
    state = explorer.start_state()
    (node,) = BeautifulSoup(extension.container_html(state), "html.parser").find_all("div")
    assert node["class"] == ["explorer"]
    assert node.has_attr("hidden"), "empty without JavaScript, so hidden"
    assert json.loads(node["data-start"]) == state


def test_quotes_in_the_state_are_escaped():
    html = extension.container_html({"norm": 'a"b<c'})
    node = BeautifulSoup(html, "html.parser").div
    assert json.loads(node["data-start"]) == {"norm": 'a"b<c'}
    assert "<c" not in html
