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
