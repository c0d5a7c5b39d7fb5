"""The dark house style (regexplain.plot.dark): greys turned over, the palette's hues kept."""

import colorsys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pytest
from matplotlib.colors import to_hex, to_rgb, to_rgba

from regexplain.plot import dark
from regexplain.plot.style import COLORS, OKABE_ITO


def test_paper_and_ink_swap():
    assert [to_hex(c) for c in dark.dark_colors([to_rgba("white"), to_rgba("black")])] == [dark.BACKGROUND, dark.INK]
    grey = dark.dark_colors([to_rgba("#808080")])[0]
    assert to_rgb(dark.BACKGROUND) < tuple(grey[:3]) < to_rgb(dark.INK), "a mid grey stays between them"


@pytest.mark.parametrize("name", sorted(set(OKABE_ITO) - {"black"}))
def test_palette_colours_keep_their_hue_and_stand_out(name):
    rgb = to_rgb(OKABE_ITO[name])
    (out,) = dark.dark_colors([(*rgb, 0.4)])
    hue, lightness, saturation = colorsys.rgb_to_hls(*rgb)
    hue2, lightness2, saturation2 = colorsys.rgb_to_hls(*out[:3])
    assert hue2 == pytest.approx(hue, abs=1e-9)
    assert saturation2 == pytest.approx(saturation, abs=1e-9)
    assert lightness2 >= max(lightness, 0.62) - 1e-9
    assert out[3] == 0.4, "alpha kept"


def test_a_figure_recoloured_in_place():
    fig, ax = plt.subplots(facecolor="white")
    (line,) = ax.plot([0, 1], [1, 0], color=COLORS["l2"], markerfacecolor="white")
    scatter = ax.scatter([0, 1], [0, 1], c=[0.0, 1.0], cmap="viridis")
    text = ax.text(0.5, 0.5, "label", bbox={"facecolor": "white"})
    image = ax.imshow(np.ones((2, 2, 3)))
    before = scatter.get_offsets().copy()
    assert dark.to_dark(fig) is fig
    assert to_hex(ax.get_facecolor()) == dark.BACKGROUND
    assert to_hex(line.get_markerfacecolor()) == dark.BACKGROUND, "white halos become the background"
    assert to_hex(text.get_bbox_patch().get_facecolor()) == dark.BACKGROUND
    assert to_hex(text.get_color()) != "#000000"
    assert np.allclose(image.get_array()[..., :3], to_rgb(dark.BACKGROUND))
    np.testing.assert_array_equal(scatter.get_offsets(), before)
    assert scatter.get_array() is None, "colormapped colours are fixed before recolouring"
    plt.close(fig)


def test_a_drawn_surface_keeps_each_face_its_own_colour():
    """A 3-D surface's getters sort its colours by depth once drawn; each face must keep its own."""
    fig = plt.figure()
    ax = fig.add_subplot(projection="3d")
    x, y = np.meshgrid(np.linspace(-1, 1, 6), np.linspace(-1, 1, 6))
    greys = plt.cm.Greys(np.linspace(0.1, 0.9, 25)).reshape(5, 5, 4)  # a different grey on every face
    surface = ax.plot_surface(x, y, x**2 + 0.5 * y, facecolors=greys, shade=False, edgecolor="white")
    fig.canvas.draw()  # sorts the faces by depth
    expected = dark.dark_colors(greys.reshape(-1, 4))
    dark.to_dark(fig)
    fig.canvas.draw()
    np.testing.assert_allclose(surface._facecolor3d, expected)  # the colours the faces are drawn with, unsorted
    sorted_faces = surface.get_facecolor()
    assert not np.allclose(sorted_faces, expected), "the test needs a view that reorders the faces"
    assert sorted(map(tuple, sorted_faces.round(6))) == sorted(map(tuple, expected.round(6)))
    plt.close(fig)
