"""Checks on the built site (docs/_build/html): pages, images, alt text, self-containment, numbers.

`nox -s tests` builds the site from clean before running these. Set REGEXPLAIN_SITE to check
a site built elsewhere.
"""

import os
import re
from collections import Counter
from itertools import pairwise
from pathlib import Path
from urllib.parse import unquote, urlsplit

import numpy as np
import pytest
from bs4 import BeautifulSoup
from PIL import Image

from regexplain.math import one_weight

ROOT = Path(__file__).parents[2]
HTML = Path(os.environ.get("REGEXPLAIN_SITE", ROOT / "docs" / "_build" / "html"))
EXAMPLES = sorted((ROOT / "examples").rglob("plot_*.py"))
CHAPTERS = [
    "index",
    "why-regularize",
    "in-practice",
    "one-weight",
    "hard-constraints",
    "soft-constraints",
    "why-l1-zeros",
    "reference",
    "conventions",
    "api",
    "api-chapters",
    "auto_examples/index",
]

pytestmark = pytest.mark.site

# Decorative: the logo, inside the same link as the site's name.
DECORATIVE = re.compile(r"logo\.svg$")


def _pages() -> list[Path]:
    if not (HTML / "index.html").exists():
        pytest.fail(f"no built site at {HTML}: run `nox -s docs` (or `nox -s tests`, which builds it) first")
    return sorted(page for page in HTML.rglob("*.html") if "_static" not in page.parts)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def pages() -> dict[str, BeautifulSoup]:
    return {page.relative_to(HTML).with_suffix("").as_posix(): _soup(page) for page in _pages()}


def test_every_chapter_and_example_has_a_page(pages):
    examples = [f"auto_examples/{p.relative_to(ROOT / 'examples').with_suffix('').as_posix()}" for p in EXAMPLES]
    missing = [name for name in CHAPTERS + examples if name not in pages]
    assert not missing


# The article as a reader walks it (an independent expectation: conf.py's READING_ORDER and the
# index's toctrees make it).
READING = [
    "index",
    "why-regularize",
    "one-weight",
    "hard-constraints",
    "soft-constraints",
    "why-l1-zeros",
    "in-practice",
    "explorer",
    "reference",
    "conventions",
    "auto_examples/index",
]


def _target(page: str, href: str) -> str:
    """The page a link on ``page`` leads to (``page`` itself for a link within it)."""
    path = urlsplit(href).path
    return Path(os.path.normpath(Path(page).parent / path)).with_suffix("").as_posix() if path else page


def test_previous_and_next_walk_the_article_in_reading_order(pages):
    for before, after in pairwise(READING):
        assert _target(before, pages[before].select_one("a.right-next")["href"]) == after, f"{before} -> ?"
        assert _target(after, pages[after].select_one("a.left-prev")["href"]) == before, f"? <- {after}"


def test_every_page_lists_the_chapters_in_reading_order(pages):
    chapters = READING[1:8]
    for name, soup in pages.items():
        links = [_target(name, a["href"]) for a in soup.select("nav.chapters-nav a[href]")]
        assert [link for link in links if link in chapters] == chapters, f"{name}: the sidebar lists {links}"


def test_the_home_page_leads_into_every_chapter_with_its_picture(pages):
    cards = pages["index"].select(".chapter-cards a:has(img)")
    targets = [_target("index", a["href"]) for a in cards]
    assert sorted(set(targets)) == sorted(READING[1:8]), targets


def _example_links(soup: BeautifulSoup, folder: str) -> list[str]:
    """The examples of ``folder`` a page links to, in the order it first does."""
    hrefs = " ".join(a["href"] for a in soup.select("main a[href]"))
    found = re.findall(rf"(?:^|[\s/]){folder}/(plot_\w+)\.html", hrefs)
    return list(dict.fromkeys(found))


def _chapter_folder(soup: BeautifulSoup) -> str | None:
    """The gallery folder a chapter page links most examples of: its own."""
    hrefs = " ".join(a["href"] for a in soup.select("main a[href]"))
    folders = Counter(re.findall(r"auto_examples/(\w+)/plot_\w+\.html", hrefs))
    return folders.most_common(1)[0][0] if folders else None


def test_each_gallery_section_follows_its_chapter(pages):
    """The gallery lists a chapter's examples in the order the chapter shows them."""
    folders = {page: _chapter_folder(pages[page]) for page in READING[1:8]}
    assert len(set(folders.values())) == len(folders), f"two chapters share a gallery folder: {folders}"
    for page, folder in folders.items():
        in_chapter = _example_links(pages[page], folder) if folder else []
        in_gallery = _example_links(pages["auto_examples/index"], folder)
        assert in_chapter, f"{page} links no example of {folder}"
        assert in_gallery[: len(in_chapter)] == in_chapter, f"{folder}: gallery {in_gallery}, chapter {in_chapter}"


def test_navigation_lists_only_finished_pages(pages):
    toctree_links = {a["href"] for a in pages["index"].select(".bd-sidebar-primary a[href], .navbar-nav a[href]")}
    targets = {urlsplit(href).path.removesuffix(".html") for href in toctree_links if not href.startswith("#")}
    assert targets <= {name for name in pages} | {""}
    for name, soup in pages.items():
        text = soup.get_text(" ").lower()
        assert not re.search(r"\b(todo|tbd|coming soon|placeholder|lorem ipsum)\b", text), name


def _local_target(page: str, url: str) -> Path:
    return (HTML / page).parent / unquote(urlsplit(url).path)


@pytest.mark.parametrize(
    ("tag", "attribute"),
    [("img", "src"), ("script", "src"), ("link", "href"), ("source", "src"), ("iframe", "src"), ("video", "src")],
)
def test_resources_are_local_and_exist(pages, tag, attribute):
    problems = []
    for name, soup in pages.items():
        for element in soup.find_all(tag):
            url = element.get(attribute)
            if not url:
                continue
            if urlsplit(url).scheme or url.startswith("//"):
                problems.append(f"{name}: <{tag}> loads {url} from outside the site")
            elif not _local_target(f"{name}.html", url).exists():
                problems.append(f"{name}: <{tag}> points to missing {url}")
    assert not problems


def test_stylesheets_load_nothing_from_outside():
    problems = []
    for css in (HTML / "_static").rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", css.read_text(encoding="utf-8", errors="replace")):
            if urlsplit(url).scheme in {"http", "https"} or url.startswith("//"):
                problems.append(f"{css.relative_to(HTML)} loads {url}")
            elif not url.startswith("data:") and not (css.parent / urlsplit(url).path).exists():
                problems.append(f"{css.relative_to(HTML)} points to missing {url}")
    assert not problems


def test_every_figure_has_descriptive_alt_text(pages):
    problems = []
    for name, soup in pages.items():
        for img in soup.find_all("img"):
            if DECORATIVE.search(img["src"]):
                continue
            alt = " ".join(img.get("alt", "").split())
            figure = img.find_parent("figure")
            caption = figure.find("figcaption").get_text(" ", strip=True) if figure else ""
            if len(alt) < 80 or alt in {caption, img.get("title", "")}:
                problems.append(f"{name}: {img['src']} has alt text {alt!r}")
    assert not problems


def test_chapter_figures_reuse_the_gallery_alt_text(pages):
    gallery_alt = {
        Path(img["src"]).name: img["alt"]
        for name, soup in pages.items()
        if name.startswith("auto_examples/")
        for img in soup.find_all("img")
        if not DECORATIVE.search(img["src"])
    }
    chapter_images = pages["one-weight"].select("figure img")
    assert len(chapter_images) == 2 * 5, "five figures, each light and dark"
    assert [img["class"] for img in chapter_images] == [["only-light"], ["only-dark"]] * 5
    for img in chapter_images:
        assert img["alt"] == gallery_alt[Path(img["src"]).name]
        assert img["width"].isdigit(), "sized before it loads"
        assert img["height"].isdigit()


def _intrinsic_size(image: Path) -> tuple[float, float]:
    """An image file's own width and height: a raster's pixels, an SVG's width and height (or its viewBox)."""
    if image.suffix == ".svg":
        tag = re.search(r"<svg\b[^>]*>", image.read_text(encoding="utf-8"))[0]
        sides = [re.search(rf'\s{side}="([\d.]+)', tag) for side in ("width", "height")]
        if all(sides):
            return tuple(float(side[1]) for side in sides)
        return tuple(float(n) for n in re.search(r'viewBox="([^"]+)"', tag)[1].split()[2:])
    with Image.open(image) as raster:
        return raster.size


def test_every_image_is_sized_in_its_own_proportions(pages):
    """Each <img> says its width and height (its space is kept while it loads), in the file's aspect ratio."""
    problems = []
    for name, soup in pages.items():
        for img in soup.find_all("img"):
            width, height = img.get("width", ""), img.get("height", "")
            if not (width.isdigit() and height.isdigit()):
                problems.append(f"{name}: {img['src']} has width={width!r} height={height!r}")
                continue
            file = (HTML / name).parent / unquote(urlsplit(img["src"]).path)
            own_width, own_height = _intrinsic_size(file)
            if abs(int(width) / int(height) - own_width / own_height) > 0.01 * own_width / own_height:
                problems.append(f"{name}: {img['src']} is {width}x{height}, its file {own_width}x{own_height}")
    assert not problems, "\n".join(problems[:20])


def test_math_is_rendered_at_build_time(pages):
    page = pages["one-weight"]
    assert len(page.select(".katex")) > 20
    assert not page.select("script[src*=mathjax], script[src*='katex.min.js']")
    main = BeautifulSoup(str(page.select_one("main")), "html.parser")
    for rendered in main.select(".katex"):  # KaTeX keeps the TeX source in a hidden <annotation>
        rendered.decompose()
    assert not re.search(r"\\\(|\\\[|\$\$|\\frac|\\lambda", main.get_text(" "))


def _glued(soup: BeautifulSoup) -> list[str]:
    return [span.get_text() for span in soup.select("span.pasted-text")]


def _glue_keys(page: str) -> list[tuple[str, str]]:
    source = (ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8")
    return re.findall(r"\{glue:text\}`(\w+)(?::([^`]*))?`", source)


def test_one_weight_numbers_match_closed_forms(pages):
    """Every number glued into the chapter, recomputed here from the closed forms."""
    x, y = one_weight.data()
    lam = one_weight.LAM
    a, b = np.mean(x**2), np.mean(x * y)
    expected = {
        "n": x.size,
        "true_w": one_weight.TRUE_W,
        "lam": lam,
        "a": a,
        "b": b,
        "w_ls": b / a,
        "w_l1": np.sign(b) * max(abs(b) - lam / 2, 0) / a,
        "w_l2": b / (a + lam),
        "l2_kept_pct": 100 * (b / (a + lam)) / (b / a),
        "lam_zero": 2 * abs(b),
        "slope_left": -2 * b - lam,
        "slope_right": -2 * b + lam,
    }
    keys = _glue_keys("one-weight")
    shown = _glued(pages["one-weight"])
    assert len(shown) == len(keys) > 10
    for (key, spec), text in zip(keys, shown, strict=True):
        assert text == format(expected[key], spec), key


def test_one_weight_claims_hold():
    """The prose says: at the chapter's λ the L1 weight is already exactly 0, the L2 weight is not."""
    x, y = one_weight.data()
    assert one_weight.zero_threshold(x, y) <= one_weight.LAM
    assert one_weight.minimizer(x, y, one_weight.LAM, "l1") == 0.0
    assert 0.0 < one_weight.minimizer(x, y, one_weight.LAM, "l2") < one_weight.minimizer(x, y, 0.0, "l2")


def test_readme_picture_is_the_current_figure():
    readme_svg = ROOT / "docs" / "images" / "penalized-losses.svg"
    built = ROOT / "docs" / "auto_examples" / "one_weight" / "images" / "sphx_glr_plot_penalized_losses_002.svg"
    assert readme_svg.read_bytes() == built.read_bytes(), f"the README picture is stale: cp {built} {readme_svg}"


# Each chapter page and the math module its code cell imports (tests/site/test_page_sources.py checks the pairs).
# The reference card computes in its own visible cells and glues nothing (tests/site/test_reference.py).
CHAPTER_MODULES = {
    page.stem: re.search(r"from regexplain\.math import (\w+)", page.read_text(encoding="utf-8"))[1]
    for page in sorted((ROOT / "docs").glob("*.md"))
    if "{code-cell}" in page.read_text(encoding="utf-8") and page.stem != "reference"
}


@pytest.mark.parametrize("page", CHAPTER_MODULES)
def test_glued_numbers_are_fresh(pages, page, chapter_facts):
    """Every glued number on the page equals the chapter's facts() computed now, with this regexplain."""
    facts = chapter_facts(CHAPTER_MODULES[page])
    keys = _glue_keys(page)
    shown = _glued(pages[page])
    assert len(shown) == len(keys) > 10
    for (key, spec), text in zip(keys, shown, strict=True):
        assert text == format(getattr(facts, key), spec), key
