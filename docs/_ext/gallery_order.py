"""The order of the examples in each gallery section: the order in which their chapter shows them.

sphinx-gallery sorts a section's examples by a key (its ``within_subsection_order``; by default
the number of lines of code, which has nothing to do with the story). :class:`ChapterOrder`
sorts them as the chapter page that shows them does: by where the page first shows each one (a
``gallery-figure``, a ``gallery-stepper`` or a link to the example). The chapter of a section
is the page that shows the most of its examples; examples no page shows come last, by name.
Nothing is typed twice: reorder a chapter and its gallery section follows.
"""

import re
from pathlib import Path

DOCS = Path(__file__).resolve().parents[1]


def shown_examples(page: str, folder: str) -> list[str]:
    """The examples of ``folder`` that the MyST ``page`` shows or links, in the order it first does."""
    pattern = rf"\{{gallery-(?:figure|stepper)\}}\s+{folder}/(\w+)|sphx_glr_auto_examples_{folder}_(\w+)\.py"
    names = [figure or link for figure, link in re.findall(pattern, page)]
    return list(dict.fromkeys(names))


class ChapterOrder:
    """sphinx-gallery's sort key for the examples of the section in ``src_dir``: their chapter's order.

    Examples
    --------
    >>> key = ChapterOrder("examples/why_regularize")
    >>> sorted(["plot_seesaw.py", "plot_least_squares.py", "plot_outlier.py"], key=key)
    ['plot_least_squares.py', 'plot_outlier.py', 'plot_seesaw.py']
    """

    def __init__(self, src_dir: str, docs: Path = DOCS) -> None:
        folder = Path(src_dir).name
        pages = [page.read_text(encoding="utf-8") for page in sorted(docs.glob("*.md"))]
        shown = max((shown_examples(page, folder) for page in pages), key=len, default=[])
        self.position = {name: k for k, name in enumerate(shown)}

    def __call__(self, filename: str) -> tuple[int, str]:
        name = Path(filename).stem
        return self.position.get(name, len(self.position)), name

    def __repr__(self) -> str:  # sphinx-gallery compares configurations by their text
        return f"<{type(self).__name__}>"
