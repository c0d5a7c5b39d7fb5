"""A stepper: every figure a gallery example drew, shown one at a time behind a range input.

::

    :::{gallery-stepper} soft_constraints/plot_bowl_steps
    :label: Penalty strength λ

    Caption text.
    :::

The frames are the figures ``sphx_glr_<example>_NNN`` that the gallery scraper
(:mod:`gallery_figures`) saved, in order, each with the alt text it wrote beside it. Each
frame's label (what the reader sees as the current value, such as ``λ = 2``) is the start of
its alt text, up to the first ``": "``: the figure functions that draw frames begin their alt
text that way.

Progressive enhancement: the HTML holds every frame as a captioned figure, one below the
other (all but the first loaded lazily), and a range input that starts hidden.
``_static/stepper.js`` shows the input and hides all frames but the chosen one; without
JavaScript the reader simply sees all frames. The script and ``_static/stepper.css`` are added
to the pages that have a stepper, and only to them.
"""

import html
import re
from pathlib import Path
from typing import ClassVar

from docutils import nodes
from docutils.parsers.rst import directives
from gallery_figures import GALLERY_DIR, alt_path, figure_image, themed_images
from sphinx import addnodes
from sphinx.util.docutils import SphinxDirective

FRAME = re.compile(r"sphx_glr_(?P<name>.+)_(?P<number>\d{3})\.alt\.txt")
LABEL = re.compile(r"(?P<label>[^:]{1,40}):\s")


def frame_images(images: Path, name: str) -> list[Path]:
    """The frames of example ``name`` in the gallery's ``images`` folder, in order.

    Each is named as the scraper names a figure, ``sphx_glr_<name>_NNN.png``, and found by the
    alt text it writes for every figure. Raises ValueError unless they are numbered 001, 002, ...
    without a gap.
    """
    found = {}
    for path in images.glob(f"sphx_glr_{name}_*.alt.txt"):
        match = FRAME.fullmatch(path.name)
        if match and match["name"] == name:
            found[int(match["number"])] = figure_image(images, name, int(match["number"]))
    if sorted(found) != list(range(1, len(found) + 1)):
        raise ValueError(f"the frames of {name} in {images} are numbered {sorted(found)}, not 1, 2, 3, ...")
    return [found[number] for number in sorted(found)]


def frame_label(alt: str) -> str:
    """The label of a frame: its alt text up to the first ``": "`` (at most 40 characters)."""
    match = LABEL.match(alt)
    if not match:
        raise ValueError(f"a stepper frame's alt text must start with its label and ': ', got {alt[:60]!r}")
    return match["label"].strip()


def controls_html(ident: str, label: str, labels: list[str], start: int = 0) -> str:
    """The range input, its label and the current value: hidden until the script shows them."""
    if not 0 <= start < len(labels):
        raise ValueError(f"start must index one of the {len(labels)} frames, got {start}")
    current = f"{labels[start]} ({start + 1} of {len(labels)})"
    e = html.escape
    return (
        f'<div class="stepper-controls" hidden>'
        f'<label for="{ident}-input">{e(label)}</label>'
        f'<input type="range" id="{ident}-input" min="0" max="{len(labels) - 1}" step="1" value="{start}" '
        f'aria-valuetext="{e(current)}" aria-controls="{ident}-frames">'
        f'<output for="{ident}-input" aria-live="off">{e(current)}</output>'
        f"</div>"
    )


class GalleryStepper(SphinxDirective):
    """Every frame of a gallery example, with a range input to step through them."""

    required_arguments = 1
    optional_arguments = 0
    has_content = True
    option_spec: ClassVar[dict] = {
        "label": directives.unchanged_required,
        "start": directives.positive_int,  # 1-based, like the frame numbers
    }

    def run(self) -> list[nodes.Node]:
        example = self.arguments[0].removesuffix(".py")
        folder, _, name = example.rpartition("/")
        srcdir = Path(self.env.srcdir)
        images = srcdir / GALLERY_DIR / folder / "images"
        try:
            frames = frame_images(images, name)
            alts = [alt_path(frame).read_text(encoding="utf-8") for frame in frames]
            labels = [frame_label(alt) for alt in alts]
        except (OSError, ValueError) as error:
            raise self.error(f"gallery-stepper {example}: {error}") from error
        if not frames:
            where = images.relative_to(srcdir)
            raise self.error(f"gallery-stepper: the gallery made no figure for {example} in {where}")

        ident = f"stepper-{self.env.new_serialno('gallery-stepper')}"
        label = self.options.get("label", "Frame")
        start = self.options.get("start", 1) - 1
        try:
            controls = controls_html(ident, label, labels, start)
        except ValueError as error:
            raise self.error(f"gallery-stepper {example}: {error}") from error

        # One figure holds the controls, the frames (each a figure with its label as caption)
        # and the caption of the whole.
        stepper = nodes.figure(classes=["stepper"])
        stepper += nodes.raw("", controls, format="html")
        strip = nodes.container(ids=[f"{ident}-frames"], classes=["stepper-frames"])
        for frame, alt, text in zip(frames, alts, labels, strict=True):
            self.env.note_dependency(str(alt_path(frame)))
            figure = nodes.figure(classes=["stepper-frame"])
            # Sized, so each frame's space is reserved before it loads; lazy, so a hidden frame (and
            # the colour mode not shown) is fetched only when shown, or scrolled to without JavaScript.
            figure += themed_images(frame, srcdir, alt)
            figure += nodes.caption(text, text)
            strip += figure
        stepper += strip

        body = self.parse_content_to_nodes()
        first = body[0] if body and isinstance(body[0], nodes.paragraph) else nodes.paragraph()
        caption = nodes.caption(first.rawsource, "", *first.children)
        target = f"sphx_glr_{GALLERY_DIR}_{example.replace('/', '_')}.py"
        link = addnodes.pending_xref(
            "", nodes.inline(text="the code"), refdomain="std", reftype="ref", reftarget=target, refexplicit=True
        )
        caption += [nodes.Text(" ("), link, nodes.Text(")")]
        stepper += caption
        rest = body[1:] if body and body[0] is first else body
        if rest:
            stepper += nodes.legend("", *rest)
        return [stepper]


def _add_assets(app, pagename, templatename, context, doctree) -> None:
    """Load the stepper's script and styles on the pages that have a stepper, and only there."""
    if doctree is not None and any("stepper" in node["classes"] for node in doctree.findall(nodes.figure)):
        app.add_js_file("stepper.js", loading_method="defer")
        app.add_css_file("stepper.css")


def setup(app):
    app.add_directive("gallery-stepper", GalleryStepper)
    app.connect("html-page-context", _add_assets)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
