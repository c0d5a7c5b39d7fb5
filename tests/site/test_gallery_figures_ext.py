"""The gallery scraper's saving (docs/_ext/gallery_figures.py): which files a figure becomes, their sizes.

These run with the unit tests on figures made here; the built site's figures are checked in a
browser (tests/browser/test_pages.py: light and dark variants, sizes, lazy loading).
"""

from types import SimpleNamespace

import gallery_figures as gf
import matplotlib.pyplot as plt
import numpy as np
import pytest
from PIL import Image

from regexplain.plot.dark import BACKGROUND


def _figure(points: int, size=(4.3, 3.1)):
    fig, (left, right) = plt.subplots(1, 2, figsize=size, layout="constrained")
    rng = np.random.default_rng(0)
    left.scatter(*rng.normal(size=(2, points)), s=4)
    right.plot([0, 1, 2], [2, 0, 1])
    right.set_xlabel("a long label that the layout makes room for")
    return fig


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _names(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("thumbnail", [False, True])
def test_a_sparse_figure_is_shown_as_svg_light_and_dark(tmp_path, thumbnail):
    image = tmp_path / "sphx_glr_plot_x_002.png"
    (tmp_path / "sphx_glr_plot_x_002-dark.png").write_bytes(b"stale")  # a previous build's, in the other format
    fig = _figure(points=10)
    assert not gf.is_dense(fig)
    gf.save_variants(fig, image, thumbnail=thumbnail)
    svgs = ["sphx_glr_plot_x_002-dark.svg", "sphx_glr_plot_x_002.svg"]
    pngs = ["sphx_glr_plot_x_002-dark.png", "sphx_glr_plot_x_002.png"] if thumbnail else []
    assert _names(tmp_path) == sorted(svgs + pngs)
    assert gf.variant(image, dark=False).name == "sphx_glr_plot_x_002.svg"
    assert gf.variant(image, dark=True).name == "sphx_glr_plot_x_002-dark.svg"
    assert gf.shown_size(image) == (430, 310)  # CSS pixels: inches x DPI
    light, dark = (gf.variant(image, d).read_text(encoding="utf-8") for d in (False, True))
    assert "<text" not in light  # glyphs as paths: the same on every machine
    assert "#ffffff" in light
    assert BACKGROUND.lower() in dark.lower()
    assert BACKGROUND.lower() not in light.lower()
    if thumbnail:
        with Image.open(image) as png, Image.open(gf.dark_png(image)) as dark_png:
            assert png.size == dark_png.size == (430, 310)
            assert png.getpixel((0, 0))[:3] == (255, 255, 255)
            assert dark_png.getpixel((0, 0))[:3] == tuple(int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5))


def test_a_dense_figure_is_shown_as_palette_pngs_at_twice_the_size(tmp_path):
    image = tmp_path / "sphx_glr_plot_x_001.png"
    (tmp_path / "sphx_glr_plot_x_001-dark.svg").write_text("stale")
    fig = _figure(points=gf.DENSE + 1)
    assert gf.is_dense(fig)
    gf.save_variants(fig, image, thumbnail=False)
    assert _names(tmp_path) == ["sphx_glr_plot_x_001-dark.png", "sphx_glr_plot_x_001.png"]
    assert gf.variant(image, dark=False) == image
    assert gf.variant(image, dark=True) == gf.dark_png(image)
    for path in (image, gf.dark_png(image)):
        with Image.open(path) as png:
            assert (png.mode, png.size) == ("P", (860, 620))
    assert gf.shown_size(image) == (430, 310)
    assert gf.themed_variants(image, tmp_path) == [
        ("/sphx_glr_plot_x_001.png", "only-light", 430, 310),
        ("/sphx_glr_plot_x_001-dark.png", "only-dark", 430, 310),
    ]


def test_the_dark_variant_keeps_the_layout_of_the_light_one(tmp_path):
    fig = _figure(points=10)
    fig.canvas.draw()
    expected = np.array([ax.get_position().bounds for ax in fig.axes])
    gf.save_variants(fig, tmp_path / "sphx_glr_plot_x_001.png", thumbnail=True)
    np.testing.assert_allclose([ax.get_position().bounds for ax in fig.axes], expected, atol=1e-3)
    assert fig.get_layout_engine().adjust_compatible is False  # frozen: matplotlib's placeholder engine


def test_saving_is_reproducible(tmp_path):
    files = []
    for run in ("a", "b"):
        folder = tmp_path / run
        folder.mkdir()
        for points in (10, gf.DENSE + 1):
            gf.save_variants(_figure(points), folder / f"sphx_glr_plot_{points}_001.png", thumbnail=True)
        files.append({p.name: p.read_bytes() for p in folder.iterdir()})
    assert files[0] == files[1]


def test_themed_rst_shows_each_variant_in_its_mode_sized_and_lazy(tmp_path):
    image = tmp_path / "images" / "sphx_glr_plot_x_001.png"
    image.parent.mkdir()
    gf.save_variants(_figure(points=10), image, thumbnail=False)
    rst = gf.themed_rst(image, str(tmp_path), "The alt text.")
    assert ".. container:: themed-figure" in rst
    for uri, mode in [
        ("/images/sphx_glr_plot_x_001.svg", "only-light"),
        ("/images/sphx_glr_plot_x_001-dark.svg", "only-dark"),
    ]:
        block = rst[rst.index(f".. image:: {uri}") :]
        assert block.split("\n")[1:6] == [
            "      :alt: The alt text.",
            f"      :class: {mode}",
            "      :width: 430",
            "      :height: 310",
            "      :loading: lazy",
        ]


def test_save_png_checks_the_pixels_it_was_given(tmp_path, monkeypatch):
    fig = _figure(points=10)
    gf.save_png(fig, tmp_path / "a.png", dpi=50)
    with Image.open(tmp_path / "a.png") as png:
        assert (png.mode, png.size) == ("P", (215, 155))
    monkeypatch.setattr(fig, "get_figwidth", lambda: 5.0)
    with pytest.raises(RuntimeError, match="not 250x155 pixels"):
        gf.save_png(fig, tmp_path / "b.png", dpi=50)


def test_shown_size_needs_a_sized_svg(tmp_path):
    image = tmp_path / "sphx_glr_plot_x_001.png"
    image.with_suffix(".svg").write_text('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"></svg>')
    with pytest.raises(ValueError, match="no width and height"):
        gf.shown_size(image)


def test_thumbnail_number(tmp_path):
    example = tmp_path / "plot_x.py"
    example.write_text('"""Doc."""\nx = 1\n')
    assert gf.thumbnail_number(example) == 1
    example.write_text("# sphinx_gallery_thumbnail_number = 3\n")
    assert gf.thumbnail_number(example) == 3
    example.write_text("# sphinx_gallery_thumbnail_number = -1\n")
    with pytest.raises(ValueError, match="count sphinx_gallery_thumbnail_number from 1"):
        gf.thumbnail_number(example)


def test_dark_thumbnails_are_made_once_from_the_dark_figures(tmp_path):
    folder = tmp_path / gf.GALLERY_DIR / "chapter"
    (folder / "images" / "thumb").mkdir(parents=True)
    (folder / "plot_a.py").write_text('"""A."""\n# sphinx_gallery_thumbnail_number = 2\n')
    Image.new("RGBA", (200, 100), (255, 255, 255, 255)).save(folder / "images" / "thumb" / "sphx_glr_plot_a_thumb.png")
    dark_figure = Image.new("RGBA", (200, 100), (0, 0, 0, 0))  # transparent: the margin scale_image leaves
    dark_figure.paste((200, 100, 0, 255), (50, 25, 150, 75))
    dark_figure.save(folder / "images" / "sphx_glr_plot_a_002-dark.png")
    app = SimpleNamespace(
        srcdir=str(tmp_path), config=SimpleNamespace(sphinx_gallery_conf={"thumbnail_size": (40, 28)})
    )
    gf.make_dark_thumbnails(app)
    dark = folder / "images" / "thumb" / "sphx_glr_plot_a_thumb-dark.png"
    with Image.open(dark) as thumbnail:
        assert thumbnail.size == (40, 28)
        corner, centre = thumbnail.convert("RGB").getpixel((0, 0)), thumbnail.convert("RGB").getpixel((20, 14))
    assert corner == tuple(int(BACKGROUND[i : i + 2], 16) for i in (1, 3, 5)), "the margin is the dark background"
    assert centre == (200, 100, 0)
    made = dark.stat().st_mtime_ns
    gf.make_dark_thumbnails(app)
    assert dark.stat().st_mtime_ns == made, "an up-to-date dark thumbnail is left alone"
    relative = "/auto_examples/chapter/images/thumb/sphx_glr_plot_a_thumb.png"
    assert gf.thumbnail_figure(tmp_path, relative) == folder / "images" / "sphx_glr_plot_a_002.png"
    assert gf.thumbnail_figure(tmp_path, "/_static/logo.svg") is None


def test_to_palette_quantizes_once(tmp_path):
    """A thumbnail is a figure scaled down: many blended colours, which a second quantizing merges further."""
    fig, ax = plt.subplots(figsize=(6.4, 4.8))
    x = np.linspace(0, 1, 50)
    for k in range(12):
        ax.plot(x, np.sin(3 * x + k) * (k + 1) / 12, lw=1)
    fig.savefig(tmp_path / "figure.png", dpi=100)
    path = tmp_path / "thumb.png"
    with Image.open(tmp_path / "figure.png") as figure:
        figure.resize((400, 300), Image.Resampling.LANCZOS).save(path)
    gf.to_palette(path)
    once = path.read_bytes()
    with Image.open(path) as png:
        assert png.mode == "P"
    gf.to_palette(path)  # as a rebuild does, on the file it already made
    assert path.read_bytes() == once
