"""The gallery's order within each section (docs/_ext/gallery_order.py): the chapter's order."""

import doctest

import gallery_order

PAGE = """
:::{gallery-figure} ch/plot_b
:::
See {ref}`its example <sphx_glr_auto_examples_ch_plot_c.py>`, and :::{gallery-stepper} ch/plot_a
:::{gallery-figure} ch/plot_b
:::{gallery-figure} other/plot_z
"""


def test_shown_examples_in_order_of_first_showing():
    assert gallery_order.shown_examples(PAGE, "ch") == ["plot_b", "plot_c", "plot_a"]
    assert gallery_order.shown_examples(PAGE, "other") == ["plot_z"]
    assert gallery_order.shown_examples(PAGE, "none") == []


def test_the_chapter_is_the_page_that_shows_most_and_the_rest_come_last(tmp_path):
    (tmp_path / "chapter.md").write_text(PAGE)
    (tmp_path / "index.md").write_text(":::{gallery-figure} ch/plot_a\n")  # shows one example only
    key = gallery_order.ChapterOrder("examples/ch", docs=tmp_path)
    files = ["plot_a.py", "plot_y.py", "plot_b.py", "plot_x.py", "plot_c.py"]
    assert sorted(files, key=key) == ["plot_b.py", "plot_c.py", "plot_a.py", "plot_x.py", "plot_y.py"]
    assert sorted(files, key=gallery_order.ChapterOrder("examples/none", docs=tmp_path)) == sorted(files)


def test_the_doctest_on_the_real_chapters():
    result = doctest.testmod(gallery_order)
    assert result.attempted > 0
    assert result.failed == 0
