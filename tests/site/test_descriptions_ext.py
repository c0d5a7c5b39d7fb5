"""Meta descriptions (docs/_ext/descriptions.py): written once in a page's front matter, or derived.

The helpers and the pages' sources are checked with the unit tests; the built site's
descriptions (one per page, unique, plain text, not too long) with the tests marked ``site``.
"""

import os
import re
from pathlib import Path
from types import SimpleNamespace

import descriptions
import pytest
import yaml
from bs4 import BeautifulSoup
from docutils import nodes
from docutils.frontend import get_default_settings
from docutils.parsers.rst import Parser
from docutils.utils import new_document

ROOT = Path(__file__).parents[2]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))


def _doctree(rst: str) -> nodes.document:
    document = new_document("<test>", get_default_settings(Parser))
    Parser().parse(rst, document)
    return document


def test_shorten_keeps_whole_sentences_or_whole_words():
    short = "One sentence that fits."
    assert descriptions.shorten(short) == short
    sentence = "A first sentence of some length, long enough to stand alone as a summary."
    assert descriptions.shorten(f"{sentence} {sentence} {sentence}") == f"{sentence} {sentence}"
    words = "word " * 60
    cut = descriptions.shorten(words)
    assert len(cut) <= descriptions.MAX_LENGTH
    assert cut.endswith("word…")


def test_first_paragraph_skips_notes_math_and_short_lines():
    doctree = _doctree(
        "Title\n=====\n\n.. note::\n\n   Go to the end to download the full example code, a long note.\n\n"
        "Short.\n\nWith math :math:`x^2` in it, which a plain-text description cannot show well.\n\n"
        "The first paragraph of prose, long enough to describe the page it opens.\n\nAnother paragraph.\n"
    )
    expected = "The first paragraph of prose, long enough to describe the page it opens."
    assert descriptions.first_paragraph(doctree) == expected


def test_front_matter_wins_and_generated_pages_get_their_sentence():
    app = SimpleNamespace(config=SimpleNamespace(project="regexplain"))
    doctree = _doctree("Title\n=====\n\nA paragraph of prose that is long enough to be a page's description.\n")
    given = {"metatags": '<meta content="Written in the front matter." name="description" />'}
    descriptions.add_description(app, "page", "page.html", given, doctree)
    assert given["metatags"].count("description") == 1
    derived = {"metatags": ""}
    descriptions.add_description(app, "page", "page.html", derived, doctree)
    text = "A paragraph of prose that is long enough to be a page&#x27;s description."
    assert derived["metatags"].endswith(f'<meta name="description" content="{text}" />')
    for page in ("genindex", "search"):
        context = {"metatags": ""}
        descriptions.add_description(app, page, "page.html", context, None)
        assert "regexplain" in context["metatags"]


@pytest.mark.parametrize("page", sorted(p.stem for p in (ROOT / "docs").glob("*.md")))
def test_every_myst_page_writes_its_description_in_its_front_matter(page):
    source = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    match = re.match(r"---\n(.*?)\n---\n", source, flags=re.DOTALL)
    assert match, f"docs/{page}.md has no front matter"
    text = (yaml.safe_load(match.group(1)).get("myst") or {}).get("html_meta", {}).get("description")
    assert text, f"docs/{page}.md: add `myst: html_meta: description: ...` to its front matter"
    assert descriptions.MIN_LENGTH <= len(text) <= descriptions.MAX_LENGTH, f"{page}: {len(text)} characters"


@pytest.mark.site
def test_every_page_has_one_unique_plain_description():
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs` (or `nox -s site`, which builds it) first")
    seen: dict[str, str] = {}
    problems = []
    for path in sorted(p for p in HTML.rglob("*.html") if "_static" not in p.relative_to(HTML).parts):
        page = path.relative_to(HTML).as_posix()
        tags = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select('head meta[name="description"]')
        if len(tags) != 1:
            problems.append(f"{page}: {len(tags)} meta descriptions")
            continue
        text = tags[0].get("content", "")
        if not descriptions.MIN_LENGTH <= len(text) <= descriptions.MAX_LENGTH:
            problems.append(f"{page}: {len(text)} characters: {text!r}")
        if re.search(r"\\[A-Za-z]+|\$|¶|``", text):
            problems.append(f"{page}: markup or TeX in its description: {text!r}")
        if text in seen:
            problems.append(f"{page}: same description as {seen[text]}: {text!r}")
        seen.setdefault(text, page)
    assert not problems, "\n".join(problems)
    assert len(seen) > 40
