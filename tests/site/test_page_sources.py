"""The pages' sources. Chapters: thin code cells that glue every field of the chapter's facts(), and
nothing else. The reference card: short, visible code cells that compute in the open and print what
they find (tests/site/test_reference.py checks what the built page printed).

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
    pages = {path.stem for path in DOCS.glob("*.md")} - {"index", "conventions", REFERENCE}
    assert pages == set(CHAPTERS)


# -- The reference card ---------------------------------------------------------------------

REFERENCE = "reference"
MAX_CELL_LINES = 12
SKLEARN_KINDS = ("ridge", "lasso", "elastic_net", "logistic_l1", "logistic_l2", "logistic_elastic_net")


def _prose(page: str) -> str:
    """The page's Markdown without its code cells and its front matter, whitespace collapsed."""
    text = re.sub(r"```\{code-cell\}.*?```", " ", _source(page).split("---", 2)[2], flags=re.DOTALL)
    return " ".join(text.split())


def test_reference_cells_are_short_visible_and_claim_free():
    cells = _cells(REFERENCE)
    assert len(cells) >= 10, "the card shows its code: one cell per estimator at least"
    for cell in cells:
        code = [line for line in cell.splitlines() if line.strip() and not line.startswith(":")]
        assert len(code) <= MAX_CELL_LINES, f"a cell of {len(code)} lines; keep each one short:\n{cell}"
        assert not cell.lstrip().startswith(":tags:"), f"the card's cells are shown, with their output:\n{cell}"
        assert "assert" not in cell, "the card prints what it finds; claims are checked in test_reference.py"
        assert "glue(" not in cell, "numbers on the card are printed by its cells, not pasted into the prose"
        assert "print(" in cell, f"every cell shows its result:\n{cell}"


def test_reference_fits_every_estimator_through_the_crosswalk():
    """Each of scikit-learn's estimators gets its parameters from to_sklearn, in the current API."""
    code = "\n".join(_cells(REFERENCE))
    kinds = set(re.findall(r'rx\.to_sklearn\(\s*"(\w+)"', code))
    assert kinds >= set(SKLEARN_KINDS), f"no to_sklearn for {set(SKLEARN_KINDS) - kinds}"
    for estimator in ("Lasso", "Ridge", "ElasticNet", "LogisticRegression"):
        assert re.search(rf"\b{estimator}\(\*\*params", code), f"{estimator} is not fitted with to_sklearn's parameters"
    assert "penalty=" not in re.sub(r"rx\.logistic\([^)]*\)", "", code), "LogisticRegression's penalty is deprecated"
    assert code.count("compare(") >= len(SKLEARN_KINDS) + 1, "every fit is compared with regexplain's exact one"


def test_reference_links_name_pages_of_the_site():
    source = _source(REFERENCE)
    targets = re.findall(r"\{doc\}`(?:[^`<]*<)?([\w-]+)>?`", source) + re.findall(r"\]\(([\w-]+)\.md#", source)
    chapters = set(CHAPTERS)
    assert chapters <= set(targets), f"the card links to no page of {chapters - set(targets)}"
    missing = {t for t in targets if not any((DOCS / f"{t}{ext}").exists() for ext in (".md", ".rst"))}
    assert not missing, f"links to pages that do not exist: {missing}"


def test_reference_cites_what_it_lists_and_lists_what_it_cites():
    """Every "(Author, year)" in the text has an entry under References, and every entry is cited."""
    prose = _prose(REFERENCE)
    text, listing = prose.split("## References")
    cited = set(re.findall(r"([A-Z][\w-]+)(?:(?:,| and) [A-Z][\w-]+)*, (\d{4})\b", text))
    listed = set(re.findall(r"- ([A-Z][\w-]+), [^()]*?\((\d{4})\)", listing))
    assert cited - listed == set(), "cited but not listed"
    assert listed - cited == set(), "listed but never cited"
    for required in [("Tibshirani", "1996"), ("Hoerl", "1970"), ("Efron", "2004"), ("Zou", "2005"), ("Hastie", "2009")]:
        assert required in listed
