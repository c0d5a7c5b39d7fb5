"""The dark house style: any figure of :mod:`regexplain.plot` redrawn for a dark page.

:func:`to_dark` recolours a finished figure in place, artist by artist, so the dark variant has
exactly the light one's geometry, text and alt text: only the colours change. Neutral colours
have their lightness turned over (white paper becomes the site's dark background, black ink
becomes light ink); the palette's colours keep their hue and are lifted just enough to stand
out on the dark background, so L1 stays orange-red and L2 blue.
"""

import colorsys

import numpy as np
from matplotlib.artist import Artist
from matplotlib.collections import Collection
from matplotlib.colors import to_rgba, to_rgba_array
from matplotlib.figure import Figure
from matplotlib.image import AxesImage
from matplotlib.lines import Line2D
from matplotlib.patches import Patch
from matplotlib.text import Text
from mpl_toolkits.mplot3d.art3d import Poly3DCollection
from numpy.typing import ArrayLike, NDArray

BACKGROUND = "#14181e"
"""The dark figures' background: pydata-sphinx-theme's dark page colour, so a figure sits on the page."""
INK = "#ced6dd"
"""The dark style's darkest ink turned light: the theme's dark-mode text colour."""
_NEUTRAL = 0.12  # colours less saturated than this are greys: their lightness is turned over
_LIFT = 0.62  # the least lightness of a palette colour on the dark background


def dark_colors(colors: ArrayLike) -> NDArray[np.float64]:
    """The dark style's version of each RGBA colour (rows), alpha kept.

    Greys run from white → :data:`BACKGROUND` to black → :data:`INK`; coloured entries keep
    their hue and saturation, with lightness at least 0.62.

    Examples
    --------
    >>> from matplotlib.colors import to_hex
    >>> [to_hex(c) for c in dark_colors([to_rgba("white"), to_rgba("black")])]
    ['#14181e', '#ced6dd']
    """
    rgba = np.atleast_2d(np.asarray(colors, dtype=float))
    out = rgba.copy()
    background, ink = np.array(to_rgba(BACKGROUND)[:3]), np.array(to_rgba(INK)[:3])
    for k, (r, g, b, _) in enumerate(rgba):
        hue, lightness, saturation = colorsys.rgb_to_hls(r, g, b)
        if saturation < _NEUTRAL or lightness > 0.97 or lightness < 0.03:
            # A grey of lightness L becomes the mix that puts white on the background and black on the ink.
            out[k, :3] = lightness * background + (1.0 - lightness) * ink
        else:
            out[k, :3] = colorsys.hls_to_rgb(hue, max(lightness, _LIFT), saturation)
    return out


def _recolor(value) -> object:
    """One colour property in the dark style (``"none"`` and empty arrays stay as they are)."""
    if isinstance(value, str) and value.lower() == "none":
        return value
    colors = to_rgba_array(value)
    if colors.size == 0:
        return value
    dark = dark_colors(colors)
    return tuple(dark[0]) if np.ndim(value) == 1 or isinstance(value, str) else dark


def _own_colors(collection: Collection) -> tuple[NDArray[np.float64], NDArray[np.float64]]:
    """A collection's face and edge colours, in the order of its faces (what its setters take).

    A 3-D surface's getters give its colours sorted by depth, as last drawn; recoloured in that
    order, the faces would get each other's colours. It keeps its own order beside them.
    """
    if isinstance(collection, Poly3DCollection):
        return collection._facecolor3d, collection._edgecolor3d  # no public getter for the unsorted colours
    return collection.get_facecolor(), collection.get_edgecolor()


def _artist(artist: Artist) -> None:
    if isinstance(artist, Line2D):
        for name in ("color", "markerfacecolor", "markeredgecolor", "markerfacecoloralt"):
            getattr(artist, f"set_{name}")(_recolor(getattr(artist, f"get_{name}")()))
    elif isinstance(artist, Text):
        artist.set_color(_recolor(artist.get_color()))
        box = artist.get_bbox_patch()
        if box is not None:
            _artist(box)
    elif isinstance(artist, Patch):
        artist.set_facecolor(_recolor(artist.get_facecolor()))
        artist.set_edgecolor(_recolor(artist.get_edgecolor()))
    elif isinstance(artist, Collection):
        if artist.get_array() is not None:  # colour from a colormap: fix the mapped colours, then recolour them
            artist.update_scalarmappable()
            artist.set_array(None)
        faces, edges = _own_colors(artist)
        artist.set_facecolor(_recolor(faces) if len(faces) else faces)
        artist.set_edgecolor(_recolor(edges) if len(edges) else edges)
    elif isinstance(artist, AxesImage):
        rgba = artist.to_rgba(artist.get_array(), bytes=False)
        shape = rgba.shape
        artist.set_data(dark_colors(rgba.reshape(-1, 4)).reshape(shape))


def to_dark(fig: Figure) -> Figure:
    """Recolour ``fig`` in the dark house style, in place, and return it.

    Every artist is recoloured once: lines and markers, text (and text boxes), patches (the
    figure and axes backgrounds, regions, legend frames, 3-D panes), collections (scatters,
    contours, surfaces) and images. The alt text is untouched: the picture says the same.

    Examples
    --------
    >>> import matplotlib.pyplot as plt
    >>> from matplotlib.colors import to_hex
    >>> fig, ax = plt.subplots(facecolor="white")
    >>> line, = ax.plot([0, 1], color="black")
    >>> _ = to_dark(fig)
    >>> to_hex(fig.get_facecolor()), to_hex(line.get_color())
    ('#14181e', '#ced6dd')
    >>> plt.close(fig)
    """
    for artist in {id(a): a for a in fig.findobj()}.values():
        _artist(artist)
    for ax in fig.axes:
        if ax.name == "3d":
            _axes_3d(ax)
    return fig


def _axes_3d(ax) -> None:
    """A 3-D axes redraws its panes, grid and axis lines from its axes' settings: recolour those too."""
    for axis in (ax.xaxis, ax.yaxis, ax.zaxis):
        axis.set_pane_color(_recolor(axis._axinfo["color"]))  # the only public setter reads this
        for part in ("grid", "axisline", "tick"):
            if "color" in axis._axinfo[part]:  # no public setter for these: the dict is what draw() reads
                axis._axinfo[part]["color"] = _recolor(axis._axinfo[part]["color"])
