"""The chapter pages' sources: thin code cells that glue every field of the chapter's facts(), and nothing else.

These read the Markdown only (no build), so they run with the unit tests.
"""

import dataclasses
import re
from pathlib import Path

import pytest

DOCS = Path(__file__).parents[2] / "docs"
CHAPTERS = {
    "why-regularize": "why_regularize",
    "in-practice": "in_practice",
    "one-weight": "one_weight",
    "hard-constraints": "hard_constraints",
    "soft-constraints": "soft_constraints",
    "why-l1-zeros": "why_zeros",
    "explorer": "explorer",
}


def _source(page: str) -> str:
    return (DOCS / f"{page}.md").read_text(encoding="utf-8")


def _cells(page: str) -> list[str]:
    return re.findall(r"```\{code-cell\}[^\n]*\n(.*?)```", _source(page), flags=re.DOTALL)


@pytest.mark.parametrize("page", CHAPTERS)
def test_page_glues_exactly_the_facts(page, chapter_facts):
    facts = chapter_facts(CHAPTERS[page])
    fields = {field.name for field in dataclasses.fields(facts)}
    glued = set(re.findall(r"\{glue:text\}`(\w+)", _source(page)))
    assert glued - fields == set(), f"{page} glues names that facts() does not have"
    assert fields - glued == set(), f"{page} never shows these fields of facts()"


@pytest.mark.parametrize("page", CHAPTERS)
def test_code_cells_are_thin(page):
    (cell,) = _cells(page)
    code = [line for line in cell.splitlines() if line.strip() and not line.startswith(":")]
    assert len(code) <= 6, f"{page}: {len(code)} lines of code; compute in regexplain.math.{CHAPTERS[page]}"
    assert f"{CHAPTERS[page]}.facts(" in cell
    assert "assert" not in cell, f"{page}: claims belong in tests on facts(), not in the page"


def test_every_chapter_page_is_checked():
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index", "conventions"}
    assert pages == set(CHAPTERS)
