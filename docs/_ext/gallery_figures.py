"""Gallery figures with real alt text, reusable in the article pages.

- :func:`scraper` is a sphinx-gallery image scraper. It saves each matplotlib figure an
  example made, uses the figure's ``alt_text`` (set by every :mod:`regexplain.plot` function)
  as the image's alt attribute, and writes that text beside the image so pages can reuse it.
  A figure without ``alt_text`` fails the build.
- The ``gallery-figure`` directive puts such an image into an article page as a captioned
  figure, with the same alt text and a link to the example that draws it::

      :::{gallery-figure} one_weight/plot_penalized_losses
      :index: 2

      Caption text.
      :::
"""

from pathlib import Path
from typing import ClassVar

import matplotlib.pyplot as plt
from docutils import nodes
from docutils.parsers.rst import directives
from sphinx import addnodes
from sphinx.directives.patches import Figure
from sphinx_gallery.scrapers import figure_rst

GALLERY_DIR = "auto_examples"
DPI = 150


def _alt_path(image: Path) -> Path:
    return image.with_suffix(".alt.txt")


def scraper(block, block_vars, gallery_conf, **kwargs) -> str:
    """Save the open figures of an example block and return their reST, with alt text."""
    images = []
    for number, image_path in zip(plt.get_fignums(), block_vars["image_path_iterator"], strict=False):
        fig = plt.figure(number)
        alt = getattr(fig, "alt_text", "")
        if not alt:
            plt.close("all")
            raise RuntimeError(
                f"{block_vars['src_file']}: a figure has no alt_text; make it with a regexplain.plot "
                "function or call regexplain.plot.describe(fig, text)"
            )
        path = Path(image_path)
        fig.savefig(path, dpi=DPI, facecolor=fig.get_facecolor())
        _alt_path(path).write_text(alt, encoding="utf-8")
        images.append(figure_rst([str(path)], gallery_conf["src_dir"], alt))
    plt.close("all")
    return "".join(images)


class GalleryFigure(Figure):
    """A figure made by a gallery example, shown with its alt text, caption and source link."""

    required_arguments = 1
    optional_arguments = 0
    has_content = True
    option_spec: ClassVar[dict] = {**Figure.option_spec, "index": directives.positive_int}

    def run(self) -> list[nodes.Node]:
        example = self.arguments[0].removesuffix(".py")
        folder, _, name = example.rpartition("/")
        index = self.options.pop("index", 1)
        env = self.state.document.settings.env
        srcdir = Path(env.srcdir)
        image = srcdir / GALLERY_DIR / folder / "images" / f"sphx_glr_{name}_{index:03d}.png"
        if not image.exists():
            raise self.error(f"gallery-figure: {image.relative_to(srcdir)} was not made by the gallery")
        env.note_dependency(str(image))
        self.arguments = ["/" + image.relative_to(srcdir).as_posix()]
        self.options["alt"] = _alt_path(image).read_text(encoding="utf-8")
        (figure,) = super().run()
        label = f"sphx_glr_{GALLERY_DIR}_{example.replace('/', '_')}.py"
        link = addnodes.pending_xref(
            "", nodes.inline(text="the code"), refdomain="std", reftype="ref", reftarget=label, refexplicit=True
        )
        captions = list(figure.findall(nodes.caption))
        target = captions[0] if captions else figure
        target += [nodes.Text(" ("), link, nodes.Text(")")]
        return [figure]


def setup(app):
    app.add_directive("gallery-figure", GalleryFigure)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
