"""The λ stepper of the soft-constraints chapter, in a real browser."""

import checks
import pytest

from regexplain.math import soft_constraints
from regexplain.plot.style import fmt

pytestmark = pytest.mark.site

SHOWN = "(s) => Array.from(document.querySelectorAll(s + ' .stepper-frame')).map((f) => f.checkVisibility())"
FRAMES = "#stepper-0-frames"
STEPS = soft_constraints.TILTED_STEPS  # the chapter's stepper walks the L1 penalty on the tilted bowl


def test_stepper_shows_one_frame_and_steps_with_the_keyboard(page, site_origin):
    traffic = checks.watch(page, site_origin)
    page.goto("soft-constraints.html", wait_until="load")
    count = len(STEPS)
    assert page.evaluate(SHOWN, FRAMES) == [True] + [False] * (count - 1)
    slider = page.locator("#stepper-0-input")
    slider.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    text = f"λ = {fmt(STEPS[2])} (3 of {count})"
    assert page.locator("#stepper-0-input + output").text_content() == text
    assert slider.get_attribute("aria-valuetext") == text
    assert page.evaluate(SHOWN, FRAMES) == [i == 2 for i in range(count)]
    page.keyboard.press("End")
    assert page.evaluate(SHOWN, FRAMES) == [i == count - 1 for i in range(count)]
    assert not checks.console_problems(traffic)
    assert not checks.request_problems(traffic)


def test_stepper_shows_every_frame_without_javascript(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("soft-constraints.html", wait_until="load")
    assert page.evaluate(SHOWN, FRAMES) == [True] * len(STEPS)
    assert not page.locator("#stepper-0-input").is_visible()
