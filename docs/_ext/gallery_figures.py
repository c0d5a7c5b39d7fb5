"""Gallery figures with real alt text, reusable in the article pages.

- :func:`scraper` is a sphinx-gallery image scraper. It saves each matplotlib figure an
  example made, uses the figure's ``alt_text`` (set by every :mod:`regexplain.plot` function)
  as the image's alt attribute, and writes that text beside the image so pages can reuse it.
  A figure without ``alt_text`` fails the build. Each figure is shown as SVG (crisp on any
  screen), or as a PNG at twice the resolution when it has thousands of dots, and twice: in
  the light house style and in the dark one (:func:`regexplain.plot.dark.to_dark`), each only
  in its colour mode and loaded lazily, so a reader downloads only the variant shown. A PNG of
  each variant of the thumbnail's figure makes the thumbnails. A figure is named by the PNG
  path sphinx-gallery gives it (``sphx_glr_<example>_NNN.png``), though only the thumbnail's
  figure is saved there; its alt text (:func:`alt_path`) is always written.
- The ``gallery-figure`` directive puts such an image into an article page as a captioned
  figure, with the same alt text and a link to the example that draws it::

      :::{gallery-figure} one_weight/plot_penalized_losses
      :index: 2

      Caption text.
      :::
"""

import io
import re
from pathlib import Path
from typing import ClassVar

import matplotlib as mpl
import matplotlib.pyplot as plt
from docutils import nodes
from docutils.parsers.rst import directives
from matplotlib.collections import Collection
from mpl_toolkits.mplot3d.art3d import Poly3DCollection
from PIL import Image
from sphinx import addnodes
from sphinx.directives.patches import Figure
from sphinx_gallery.utils import scale_image

from regexplain.plot.dark import BACKGROUND, to_dark

GALLERY_DIR = "auto_examples"
DPI = 100  # pixels per inch of the PNGs; CSS pixels per inch of the shown SVGs
DENSE = 500  # a figure with a collection of more points or paths than this is shown as a 2x PNG
SVG_METADATA = {"Date": None}  # no timestamp: two builds give the same file


def figure_image(images: Path, example: str, number: int) -> Path:
    """Figure ``number`` (from 1) of ``example`` in a gallery ``images`` folder, named as sphinx-gallery does."""
    return images / f"sphx_glr_{example}_{number:03d}.png"


def alt_path(image: Path) -> Path:
    return image.with_suffix(".alt.txt")


def palette(image: Image.Image) -> Image.Image:
    """``image`` with a 256-colour palette: a third of the bytes as PNG, no visible change.

    The figures are flat colours and anti-aliased edges; the page-weight budget needs the
    saving. Octree quantization is fast and deterministic, so builds stay identical.
    """
    return image.convert("RGB").quantize(colors=256, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def save_palette(image: Image.Image, path: Path) -> None:
    """Save ``image`` as a palette PNG (:func:`palette`), compressed as small as zlib makes it, losslessly."""
    palette(image).save(path, format="PNG", optimize=True)


def to_palette(path: Path) -> None:
    """Re-save the PNG ``path`` with a palette (:func:`save_palette`), unless it has one already.

    Quantizing a palette image again can merge its colours: a rebuild that found the file
    already done would change a picture that nothing changed.
    """
    with Image.open(path) as image:
        if image.mode == "P":
            return
        image.load()
    save_palette(image, path)


def save_png(fig, path: Path, dpi: float, **kwargs) -> None:
    """Save ``fig`` as a palette PNG at ``dpi``: drawn to raw pixels, compressed once (not twice, as by savefig)."""
    raw = io.BytesIO()
    fig.savefig(raw, format="rgba", dpi=dpi, **kwargs)
    size = int(fig.get_figwidth() * dpi), int(fig.get_figheight() * dpi)  # as Agg sizes its canvas
    if raw.getbuffer().nbytes != 4 * size[0] * size[1]:
        raise RuntimeError(f"{path.name}: Agg drew {raw.getbuffer().nbytes} bytes, not {size[0]}x{size[1]} pixels")
    save_palette(Image.frombuffer("RGBA", size, raw.getbuffer(), "raw", "RGBA", 0, 1), path)


def dark_png(image: Path) -> Path:
    """The dark twin of the PNG ``image``, beside it."""
    return image.with_name(f"{image.stem}-dark.png")


def shown(image: Path, dark: bool, dense: bool) -> Path:
    """The file the site shows for the figure named ``image`` (the PNG path the gallery gives it).

    An SVG; for a figure with dense artists (:func:`is_dense`), a PNG at twice the resolution
    instead, saved as ``image`` itself and its :func:`dark_png`: thousands of dots are smaller as
    pixels than as vector shapes.
    """
    if dense:
        return dark_png(image) if dark else image
    return image.with_name(f"{image.stem}{'-dark' if dark else ''}.svg")


def variant(image: Path, dark: bool) -> Path:
    """The file the site shows for ``image``, whichever format :func:`save_variants` chose."""
    svg = shown(image, dark, dense=False)
    return svg if svg.exists() else shown(image, dark, dense=True)


def is_dense(fig) -> bool:
    """Whether a figure has a collection of more than :data:`DENSE` points or paths, or a 3-D surface."""
    return any(
        isinstance(artist, Poly3DCollection) or len(artist.get_offsets()) > DENSE or len(artist.get_paths()) > DENSE
        for artist in fig.findobj(Collection)
    )


def save_variants(fig, image: Path, *, thumbnail: bool) -> None:
    """Save a figure as the site shows it (:func:`shown`), light then dark; ``image`` names it.

    The thumbnails are made from ``image`` and its :func:`dark_png` (sphinx-gallery makes the
    light one, :func:`themed_thumbnails` the dark one): for a dense figure, the 2x PNGs shown;
    for a figure shown as SVG, PNGs at 1x, saved only for the thumbnail's figure. The layout is
    computed once, at the first save; the other saves reuse it.
    """
    dense = is_dense(fig)
    for stale in image.parent.glob(f"{image.stem}[-.]*"):  # a previous build's files, maybe in the other format
        if stale.suffix in (".png", ".svg"):
            stale.unlink()
    with mpl.rc_context({"svg.hashsalt": "regexplain", "svg.fonttype": "path"}):  # ids, glyphs: the same every build
        for dark in (False, True):
            if dark:
                to_dark(fig)
            path, colors = shown(image, dark, dense), {"facecolor": fig.get_facecolor()}
            if dense:
                save_png(fig, path, 2 * DPI, **colors)
            else:
                fig.savefig(path, metadata=SVG_METADATA, **colors)
                if thumbnail:  # only the thumbnail's source: not served, so compressed fast
                    fig.savefig(dark_png(image) if dark else image, dpi=DPI, pil_kwargs={"compress_level": 1}, **colors)
            fig.set_layout_engine("none")  # keep the layout just computed (matplotlib's way to freeze one)


def shown_size(image: Path) -> tuple[int, int]:
    """The CSS size (width, height) in pixels of the figure named ``image``: its 2x PNG halved, or its SVG's."""
    path = variant(image, dark=False)
    if path.suffix == ".png":
        with Image.open(path) as png:
            return png.width // 2, png.height // 2
    head = path.read_text(encoding="utf-8")[:1000]
    size = re.search(r'<svg[^>]*\swidth="([\d.]+)pt"[^>]*\sheight="([\d.]+)pt"', head)
    if not size:
        raise ValueError(f"{path}: no width and height in points")
    return tuple(round(float(points) * DPI / 72) for points in size.groups())


def themed_variants(image: Path, srcdir: str | Path) -> list[tuple[str, str, int, int]]:
    """(URI from the source root, class, width, height) of the figure named ``image``: light, then dark."""
    width, height = shown_size(image)
    uri = {dark: "/" + variant(image, dark).relative_to(srcdir).as_posix() for dark in (False, True)}
    return [(uri[False], "only-light", width, height), (uri[True], "only-dark", width, height)]


def themed_rst(image: Path, srcdir: str, alt: str) -> str:
    """The reST of a figure as both of its variants, each shown in its colour mode only, sized, loaded lazily."""
    lines = ["", ".. container:: themed-figure", ""]
    for uri, mode, width, height in themed_variants(image, srcdir):
        lines += [
            f"   .. image:: {uri}",
            f"      :alt: {alt}",
            f"      :class: {mode}",
            f"      :width: {width}",
            f"      :height: {height}",
            "      :loading: lazy",
            "",
        ]
    return "\n".join(lines) + "\n"


def themed_images(image: Path, srcdir: Path, alt: str) -> nodes.container:
    """The same two images as docutils nodes (for the directives), inside a container."""
    box = nodes.container(classes=["themed-figure"])
    for uri, mode, width, height in themed_variants(image, srcdir):
        box += nodes.image(uri=uri, alt=alt, classes=[mode], width=str(width), height=str(height), loading="lazy")
    return box


def scraper(block, block_vars, gallery_conf, **kwargs) -> str:
    """Save the open figures of an example block (:func:`save_variants`) and return their reST, with alt text."""
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
        save_variants(
            fig, path, thumbnail=int(path.stem.rsplit("_", 1)[1]) == thumbnail_number(Path(block_vars["src_file"]))
        )
        alt_path(path).write_text(alt, encoding="utf-8")
        images.append(themed_rst(path, gallery_conf["src_dir"], alt))
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
        image = figure_image(srcdir / GALLERY_DIR / folder / "images", name, index)
        if not alt_path(image).exists():
            raise self.error(f"gallery-figure: the gallery made no figure {image.relative_to(srcdir)}")
        env.note_dependency(str(alt_path(image)))
        alt = alt_path(image).read_text(encoding="utf-8")
        variants = themed_images(image, srcdir, alt)
        self.arguments = [variants[0]["uri"]]
        (figure,) = super().run()
        (placeholder,) = figure.findall(nodes.image)
        placeholder.replace_self(variants)
        label = f"sphx_glr_{GALLERY_DIR}_{example.replace('/', '_')}.py"
        link = addnodes.pending_xref(
            "", nodes.inline(text="the code"), refdomain="std", reftype="ref", reftarget=label, refexplicit=True
        )
        captions = list(figure.findall(nodes.caption))
        target = captions[0] if captions else figure
        target += [nodes.Text(" ("), link, nodes.Text(")")]
        return [figure]


def thumbnail_number(example: Path) -> int:
    """Which of an example's figures makes its thumbnail (sphinx-gallery's ``sphinx_gallery_thumbnail_number``)."""
    number = re.search(r"sphinx_gallery_thumbnail_number\s*=\s*(-?\d+)", example.read_text(encoding="utf-8"))
    if number and int(number[1]) < 1:
        raise ValueError(f"{example.name}: count sphinx_gallery_thumbnail_number from 1 (the scraper needs it)")
    return int(number[1]) if number else 1


_THUMBNAIL = re.compile(r"/?(?P<folder>.+)/images/thumb/sphx_glr_(?P<name>.+)_thumb\.png$")


def thumbnail_figure(srcdir: Path, thumbnail: str) -> Path | None:
    """The figure (as :func:`save_variants` names it) whose thumbnail is ``thumbnail``, a path from ``srcdir``."""
    match = _THUMBNAIL.match(thumbnail)
    if not match:
        return None
    index = thumbnail_number(srcdir / match["folder"] / f"{match['name']}.py")
    return figure_image(srcdir / match["folder"] / "images", match["name"], index)


def make_dark_thumbnails(app) -> None:
    """Scale every example's dark figure (:func:`dark_png`) to a dark thumbnail, as sphinx-gallery does the light.

    Once, in the main process, after the gallery has run: the pages that show a thumbnail are
    read in parallel, and two of them writing the same file would race.
    """
    size = app.config.sphinx_gallery_conf.get("thumbnail_size", (400, 280))
    srcdir = Path(app.srcdir)
    for light in sorted(srcdir.glob(f"{GALLERY_DIR}/**/images/thumb/sphx_glr_*_thumb.png")):
        figure, dark = thumbnail_figure(srcdir, light.relative_to(srcdir).as_posix()), dark_png(light)
        if dark.exists() and dark.stat().st_mtime >= dark_png(figure).stat().st_mtime:
            continue
        scale_image(dark_png(figure), dark, *size)
        # Its margin is transparent: make it the dark background, as white is the light one's.
        with Image.open(dark) as scaled:
            canvas = Image.new("RGBA", scaled.size, BACKGROUND)
            Image.alpha_composite(canvas, scaled.convert("RGBA")).convert("RGB").save(dark)


def themed_thumbnails(app, doctree) -> None:
    """Give each gallery thumbnail its figure's alt text, its size, and its dark twin, shown in dark mode.

    sphinx-gallery leaves the alt text empty and draws thumbnails from the light figures only;
    :func:`make_dark_thumbnails` has made the dark ones.
    """
    srcdir = Path(app.srcdir)
    for image in list(doctree.findall(nodes.image)):
        figure = thumbnail_figure(srcdir, image["uri"])
        if figure is None or "only-light" in image["classes"]:
            continue
        light = srcdir / image["uri"].lstrip("/")
        image["alt"] = image.get("alt") or alt_path(figure).read_text(encoding="utf-8")
        image["classes"].append("only-light")
        twin = image.deepcopy()
        twin["uri"] = "/" + dark_png(light).relative_to(srcdir).as_posix()
        twin["classes"] = [c for c in image["classes"] if c != "only-light"] + ["only-dark"]
        with Image.open(light) as thumbnail:
            width, height = thumbnail.size
        for node in (image, twin):
            node["width"], node["height"], node["loading"] = str(width), str(height), "lazy"
        if isinstance(image.parent, nodes.reference):  # a picture that is a link: the twin links too
            link = image.parent.copy()
            link += twin
            image.parent["classes"].append("only-light")  # each link shown with its picture only
            link["classes"] = [c for c in link["classes"] if c != "only-light"] + ["only-dark"]
            image, twin = image.parent, link
        image.parent.insert(image.parent.index(image) + 1, twin)


def setup(app):
    app.add_directive("gallery-figure", GalleryFigure)
    app.connect("builder-inited", make_dark_thumbnails, priority=600)  # after sphinx-gallery's (500) has run
    app.connect("doctree-read", themed_thumbnails, priority=400)  # before Sphinx collects the images to copy
    return {"parallel_read_safe": True, "parallel_write_safe": True}
