"""Small fixes to third-party output, each found by the site's tests.

- sphinx-gallery zips each example with its files' build-time modification times, so two
  clean builds differ: pin every member's date (``build-finished``).
- sphinx-gallery's thumbnails are full-colour PNGs: re-save them with a palette, as the
  scraper does for the figures (``build-finished``), which the page-weight budget needs on
  the API page and the gallery.
- pydata-sphinx-theme's sidebar expanders are ``<summary>`` elements with no accessible name
  (axe: summary-name): name them after the page they expand (``html-page-context``).
"""

import zipfile
from pathlib import Path

from bs4 import BeautifulSoup
from gallery_figures import to_palette

ZIP_DATE = (1980, 1, 1, 0, 0, 0)  # the earliest date a zip file can hold


def pin_zip_dates(app, exception) -> None:
    """Rewrite every download zip with fixed member dates."""
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted(Path(app.outdir, "_downloads").rglob("*.zip")):
        with zipfile.ZipFile(path) as old:
            members = [(info, old.read(info)) for info in old.infolist()]
        with zipfile.ZipFile(path, "w") as new:
            for info, data in members:
                pinned = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
                pinned.external_attr, pinned.compress_type = info.external_attr, info.compress_type
                new.writestr(pinned, data)


def palette_thumbnails(app, exception) -> None:
    """Re-save every gallery thumbnail of the built site with a 256-colour palette."""
    if exception is not None or app.builder.format != "html":
        return
    for path in sorted(Path(app.outdir, "_images").glob("sphx_glr_*_thumb*.png")):
        to_palette(path)


def name_sidebar_toggles(app, pagename, templatename, context, doctree) -> None:
    """Wrap the theme's toctree renderer so every empty ``<summary>`` gets an aria-label."""
    generate = context.get("generate_toctree_html")
    if generate is None:
        return

    def named(*args, **kwargs):
        soup = BeautifulSoup(str(generate(*args, **kwargs)), "html.parser")
        for summary in soup.select("summary"):
            if summary.get_text(strip=True):
                continue
            item = summary.find_parent("li")
            link = item.find("a") if item else None
            summary["aria-label"] = f"Pages under {link.get_text(strip=True)}" if link else "Pages of this section"
        return str(soup)

    context["generate_toctree_html"] = named


def setup(app):
    app.connect("build-finished", pin_zip_dates)
    app.connect("build-finished", palette_thumbnails)
    app.connect("html-page-context", name_sidebar_toggles, priority=900)  # after the theme's handler
    return {"parallel_read_safe": True, "parallel_write_safe": True}
