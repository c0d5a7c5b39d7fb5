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

import re
from pathlib import Path
from typing import ClassVar

import matplotlib.pyplot as plt
from docutils import nodes
from docutils.parsers.rst import directives
from PIL import Image
from sphinx import addnodes
from sphinx.directives.patches import Figure
from sphinx_gallery.scrapers import figure_rst

GALLERY_DIR = "auto_examples"
DPI = 100


def alt_path(image: Path) -> Path:
    return image.with_suffix(".alt.txt")


def to_palette(path: Path) -> None:
    """Re-save a PNG with a 256-colour palette: a third of the bytes, no visible change.

    The figures are flat colours and anti-aliased edges; the page-weight budget needs the
    saving. Octree quantization is fast and deterministic, so builds stay identical.
    """
    with Image.open(path) as image:
        palette = image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)
    palette.save(path, format="PNG", optimize=True)  # optimize: the smallest of zlib's settings, still lossless


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
        to_palette(path)
        alt_path(path).write_text(alt, encoding="utf-8")
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
        self.options["alt"] = alt_path(image).read_text(encoding="utf-8")
        (figure,) = super().run()
        label = f"sphx_glr_{GALLERY_DIR}_{example.replace('/', '_')}.py"
        link = addnodes.pending_xref(
            "", nodes.inline(text="the code"), refdomain="std", reftype="ref", reftarget=label, refexplicit=True
        )
        captions = list(figure.findall(nodes.caption))
        target = captions[0] if captions else figure
        target += [nodes.Text(" ("), link, nodes.Text(")")]
        return [figure]


_THUMBNAIL = re.compile(r"/?(?P<folder>.+)/images/thumb/sphx_glr_(?P<name>.+)_thumb\.png$")


def thumbnail_alt(app, doctree) -> None:
    """Give each gallery thumbnail the alt text of the figure it shows (sphinx-gallery leaves it empty)."""
    for image in doctree.findall(nodes.image):
        match = _THUMBNAIL.match(image["uri"])
        if match and not image.get("alt"):
            source = Path(app.srcdir, match["folder"], f"{match['name']}.py")
            number = re.search(r"sphinx_gallery_thumbnail_number\s*=\s*(-?\d+)", source.read_text(encoding="utf-8"))
            index = int(number[1]) if number else 1
            image["alt"] = alt_path(
                Path(app.srcdir, match["folder"], "images", f"sphx_glr_{match['name']}_{index:03d}.png")
            ).read_text(encoding="utf-8")


def setup(app):
    app.add_directive("gallery-figure", GalleryFigure)
    app.connect("doctree-read", thumbnail_alt)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
