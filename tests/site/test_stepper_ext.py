"""The stepper extension of the site (docs/_ext/stepper.py): its pure helpers.

Its behaviour in a browser is checked on the built site (tests/browser/test_stepper.py).
"""

import pytest
import stepper
from bs4 import BeautifulSoup


def test_frame_images_in_order_without_other_examples(tmp_path):
    for name in ["plot_a_002", "plot_a_001", "plot_a_l1_001", "plot_ab_001", "plot_a_003"]:
        (tmp_path / f"sphx_glr_{name}.alt.txt").write_text("alt")
    (tmp_path / "thumb").mkdir()
    (tmp_path / "thumb" / "sphx_glr_plot_a_thumb.png").write_bytes(b"")
    found = stepper.frame_images(tmp_path, "plot_a")
    assert [p.name for p in found] == [f"sphx_glr_plot_a_00{i}.png" for i in (1, 2, 3)]
    assert stepper.frame_images(tmp_path, "plot_none") == []
    (tmp_path / "sphx_glr_plot_a_003.alt.txt").unlink()
    (tmp_path / "sphx_glr_plot_a_004.alt.txt").write_text("alt")
    with pytest.raises(ValueError, match="numbered"):
        stepper.frame_images(tmp_path, "plot_a")


def test_frame_label():
    assert stepper.frame_label("λ = 2: frame 3 of 7. Top: ...") == "λ = 2"
    assert stepper.frame_label("Step 1:\tthe loss") == "Step 1"
    for alt in ["A figure with no label", "λ = 2:no space", ": empty label", "x" * 41 + ": too long"]:
        with pytest.raises(ValueError, match="must start with its label"):
            stepper.frame_label(alt)


def test_controls_html_is_a_labelled_range_input():
    labels = ["λ = 0", "λ = 1", 'λ = "2" <b>']
    markup = stepper.controls_html("stepper-3", "Penalty strength", labels, start=1)
    soup = BeautifulSoup(markup, "html.parser", multi_valued_attributes=None)
    (box,) = soup.select("div.stepper-controls")
    assert box.has_attr("hidden")  # shown by the script only
    (label,) = box.select("label")
    (slider,) = box.select('input[type="range"]')
    (output,) = box.select("output")
    assert label["for"] == slider["id"] == output["for"] == "stepper-3-input"
    assert label.get_text() == "Penalty strength"
    assert (slider["min"], slider["max"], slider["step"], slider["value"]) == ("0", "2", "1", "1")
    assert slider["aria-valuetext"] == output.get_text() == "λ = 1 (2 of 3)"
    assert slider["aria-controls"] == "stepper-3-frames"
    escaped = stepper.controls_html("s", "<Strength>", labels, start=2)
    assert "<b>" not in escaped
    assert "&lt;Strength&gt;" in escaped
    with pytest.raises(ValueError, match="start must index"):
        stepper.controls_html("s", "x", labels, start=3)
