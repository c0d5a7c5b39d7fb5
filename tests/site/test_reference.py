"""The reference card as built (docs/_build/html/reference.html): in the navigation after the
chapters, every link resolving, every code cell executed with its output shown, and what the
output shows agreeing with what the prose says.

The page's source rules (short visible cells, scikit-learn through the crosswalk, citations) are
in tests/site/test_page_sources.py.
"""

import os
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

ROOT = Path(__file__).parents[2]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
SOURCE = ROOT / "docs" / "reference.md"
DOCS_INDEX = ROOT / "docs" / "index.md"
CARD = "reference.html"
# scikit-learn, iterated to convergence, against the exact solvers: the largest difference seen is
# about 3e-10 (saga on the L1 logistic regression); anything near this bound is not the same model.
SAME_FIT = 1e-8

pytestmark = pytest.mark.site


def _soup(name: str) -> BeautifulSoup:
    path = HTML / name
    if not path.exists():
        pytest.fail(f"no {path}: build the site first (`nox -s docs`)")
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def card() -> BeautifulSoup:
    return _soup(CARD)


@pytest.fixture(scope="module")
def outputs(card) -> list[str]:
    """The text each code cell printed, in page order."""
    return [output.get_text() for output in card.select("main div.cell .cell_output")]


def _lines(outputs: list[str], pattern: str) -> list[re.Match]:
    return [m for text in outputs for m in re.finditer(pattern, text, flags=re.MULTILINE)]


def test_card_is_in_the_navigation_after_the_chapters(card):
    index = _soup("index.html")
    assert CARD in {a["href"] for a in index.select(".navbar-nav a[href]")}, "the top bar does not list the card"
    chapters = re.search(r":caption: Chapters\n:maxdepth: \d+\n\n(.*?)```", DOCS_INDEX.read_text(), re.DOTALL)[
        1
    ].split()
    assert card.select_one("a.left-prev")["href"] == f"{chapters[-1]}.html", "the card follows the last chapter"
    assert card.select_one("a.right-next")["href"] == "conventions.html"
    assert card.select_one("main h1").get_text(strip=True).startswith("Reference card")


def test_every_link_on_the_card_resolves(card):
    """Every local link points to a page that exists, and to an anchor that exists on it."""
    problems, checked = [], 0
    for a in card.select("main a[href]"):
        href = a["href"]
        parts = urlsplit(href)
        if parts.scheme or href.startswith("//"):
            continue
        target = HTML / parts.path if parts.path else HTML / CARD
        if not target.exists():
            problems.append(f"{href}: no page {target.relative_to(HTML)}")
            continue
        if parts.fragment and not _soup(target.relative_to(HTML).as_posix()).find(id=parts.fragment):
            problems.append(f"{href}: no #{parts.fragment} on {target.relative_to(HTML)}")
        checked += 1
    assert not problems
    assert checked > 50


def test_every_doc_link_of_the_source_became_a_link(card):
    source = SOURCE.read_text(encoding="utf-8")
    roles = re.findall(r"\{doc\}`", source)
    links = card.select("main a.reference.internal span.doc")
    assert len(links) == len(roles) > 40


def test_every_code_cell_ran_and_shows_its_output(card):
    source = SOURCE.read_text(encoding="utf-8")
    cells = card.select("main div.cell")
    assert len(cells) == source.count("```{code-cell}"), "a cell of the source is missing from the page"
    for cell in cells:
        code = cell.select_one(".cell_input").get_text()
        output = cell.select_one(".cell_output")
        if output is None and code.lstrip().startswith("def "):
            continue  # a helper's definition prints nothing; the cells that call it do
        assert output is not None, f"no output under:\n{code}"
        assert output.get_text(strip=True), f"an empty output under:\n{code}"
        assert not cell.select(".output.stderr, .output.traceback, .output.error"), f"warnings or errors under:\n{code}"
        assert not re.search(r"Traceback|Error|Warning", output.get_text()), f"an error printed under:\n{code}"


def test_scikit_learn_fits_the_same_models(outputs):
    """Each comparison prints the largest difference, and both fits' exact zeros: the same ones."""
    gaps = [float(m[1]) for m in _lines(outputs, r"^largest difference: (\S+)$")]
    assert len(gaps) == 6, "one comparison per estimator: Lasso, Ridge, ElasticNet and three LogisticRegression"
    assert max(gaps) < SAME_FIT, f"scikit-learn and regexplain differ by up to {max(gaps):.1e}"
    ours = _lines(outputs, r"^exactly 0, regexplain: +(\d+) of (\d+)$")
    theirs = _lines(outputs, r"^exactly 0, scikit-learn: +(\d+) of (\d+) \(the same\)$")
    assert len(ours) == len(theirs) == 6, "the zeros differ somewhere"
    assert [m.groups() for m in ours] == [m.groups() for m in theirs]
    lasso, ridge, _, logistic_l1, logistic_l2, _ = (int(m[1]) for m in ours)
    assert 0 < lasso < int(ours[0][2]), "the lasso's λ is one where some coefficients are 0 and some are not"
    assert ridge == logistic_l2 == 0 < logistic_l1


def _text(outputs: list[str]) -> str:
    return "\n".join(outputs)


def _search(pattern: str, outputs: list[str]) -> re.Match:
    found = re.search(pattern, _text(outputs), flags=re.MULTILINE)
    assert found, f"no output line matches {pattern!r}"
    return found


def test_weight_decay_never_reaches_zero_and_soft_thresholding_does(outputs):
    decayed = _search(r"^L2, weight decay: +\[([^\]]*)\]$", outputs)[1].split()
    assert all(float(v) != 0.0 for v in decayed), "the geometric decay printed an exact 0"
    _search(r"^L1, soft-threshold: \[0\. 0\.\]$", outputs)


def test_of_a_correlated_pair_the_lasso_keeps_one_and_the_others_share(outputs):
    row = r"^(lasso|ridge|elastic net) +bmi +(\S+), twin +(\S+)$"
    pair = {m[1]: (float(m[2]), float(m[3])) for m in _lines(outputs, row)}
    _search(r"^the lasso's twin is exactly 0: True$", outputs)
    assert pair["lasso"][0] > 0, "the lasso keeps bmi"
    for name in ("ridge", "elastic net"):
        bmi, twin = pair[name]
        assert min(bmi, twin) > 0, f"{name} keeps both"
        assert abs(bmi - twin) < 0.1 * bmi, f"{name} splits the pair's weight about evenly"


def test_a_change_of_units_changes_the_lasso_not_least_squares(outputs):
    _search(r"^least squares, the same predictions: True$", outputs)
    before, after = (set(m[1].split(", ")) for m in _lines(outputs, r"^lasso, exactly 0: (.*)$"))
    assert "bp" not in before, "in z-scores the lasso keeps bp"
    assert "bp" in after, "in the larger unit the lasso drops bp"


def test_with_more_features_than_samples_the_lasso_keeps_at_most_n_minus_1(outputs):
    n, p = map(int, _search(r"^(\d+) patients, (\d+) features$", outputs).groups())
    counts = {m[1]: int(m[2]) for m in _lines(outputs, r"^(lasso|elastic net|ridge), non-zero: +(\d+)$")}
    assert n < p
    assert counts["lasso"] <= n - 1, "the lasso with an intercept keeps at most n - 1"
    assert counts["elastic net"] > n, "the elastic net can keep more than n"
    assert counts["ridge"] == p, "ridge keeps every feature"


def test_the_reference_pages_alphas_are_far_apart_in_lambda(outputs):
    """In its snippet the lasso gets the smaller alpha but, in this site's λ, by far the larger penalty."""
    assert float(_search(r"the lasso's λ is (\S+) times the ridge's", outputs)[1]) > 10
