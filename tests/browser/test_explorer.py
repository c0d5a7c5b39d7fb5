"""The Explorer in a real browser: every control and the drag give regexplain's exact answer."""

import json

import checks
import numpy as np
import pytest

import regexplain as rx
from regexplain.math import explorer

pytestmark = pytest.mark.site

ROOT = ".explorer"
STATE = "() => JSON.parse(document.querySelector('.explorer').dataset.state)"
RESULT = "() => JSON.parse(document.querySelector('.explorer').dataset.result)"


def python_answer(state: dict) -> tuple[np.ndarray, float, float]:
    """regexplain's optimum for the widget's state, and the matching t and λ."""
    loss = rx.QuadraticLoss(state["hessian"], state["center"])
    norm = state["norm"]
    ratio = {"l1_ratio": state["l1Ratio"]} if norm == "elastic_net" else {}
    if state["drive"] == "t":
        t = state["t"]
        return loss.constrained_minimum(norm, t, **ratio), t, loss.lam_for_t(norm, t, **ratio)
    lam = state["lam"]
    return loss.penalized_minimum(norm, lam, **ratio), loss.t_for_lam(norm, lam, **ratio), lam


def check_exact(page) -> dict:
    """The readout's numbers equal regexplain's to 1e-9, exact zeros included; returns the state."""
    state, result = page.evaluate(STATE), page.evaluate(RESULT)
    beta, t, lam = python_answer(state)
    scale = max(1.0, float(np.abs(state["center"]).max()))
    np.testing.assert_allclose(result["beta"], beta, rtol=0, atol=1e-9 * scale, err_msg=json.dumps(state))
    assert [b == 0.0 for b in result["beta"]] == [b == 0.0 for b in beta], f"exact zeros differ: {state}"
    np.testing.assert_allclose([result["t"], result["lam"]], [t, lam], rtol=1e-9, atol=1e-12)
    readout = page.locator(".explorer-readout").text_content()
    assert ("β₂ is exactly 0" in readout) == (beta[1] == 0.0 and beta[0] != 0.0), readout
    assert ("β₁ is exactly 0" in readout) == (beta[0] == 0.0 and beta[1] != 0.0), readout
    return state


@pytest.fixture
def explorer_page(page):
    page.goto("explorer.html", wait_until="load")
    page.wait_for_selector(".explorer-ready")
    return page


def test_it_starts_from_the_zoomed_loss_exactly(explorer_page, site_origin):
    state = check_exact(explorer_page)
    start = explorer.start_state()
    assert state["hessian"] == start["hessian"]
    assert state["center"] == start["center"]
    assert state["t"] == explorer.START_T
    assert state["norm"] == "l1"
    facts = explorer.facts()
    assert explorer_page.evaluate(RESULT)["beta"] == [facts.l1_b1, facts.l1_b2]
    assert "β₂ is exactly 0" in explorer_page.locator(".explorer-readout").text_content()


def test_dragging_the_minimum(explorer_page):
    handle = explorer_page.locator(".explorer-handle").bounding_box()
    plane = explorer_page.locator(".explorer-plane").bounding_box()
    x0, y0 = handle["x"] + handle["width"] / 2, handle["y"] + handle["height"] / 2
    mouse = explorer_page.mouse
    mouse.move(x0, y0)
    mouse.down()
    for k in range(1, 6):  # down and to the left, through several states
        mouse.move(x0 - k * plane["width"] / 40, y0 + k * plane["height"] / 25)
        check_exact(explorer_page)
    mouse.up()
    state = check_exact(explorer_page)
    start = explorer.start_state()["center"]
    assert state["center"][0] < start[0], "the minimum followed the pointer left"
    assert state["center"][1] < start[1], "and down"


def test_the_keyboard_moves_the_minimum(explorer_page):
    explorer_page.locator(".explorer-handle").focus()
    for key in ("ArrowLeft", "ArrowLeft", "ArrowUp", "Shift+ArrowDown"):
        explorer_page.keyboard.press(key)
        check_exact(explorer_page)
    center = explorer_page.evaluate(STATE)["center"]
    start = explorer.start_state()["center"]
    np.testing.assert_allclose(center, [start[0] - 0.2, start[1] + 0.1 - 0.5], atol=1e-12)


@pytest.mark.parametrize(
    "actions",
    [
        [("check", "#explorer-norm-l2", None), ("keys", "#explorer-t", ["ArrowLeft"] * 40)],
        [("check", "#explorer-norm-elastic_net", None), ("keys", "#explorer-ratio", ["ArrowRight"] * 5)],
        [("check", "#explorer-norm-elastic_net", None), ("keys", "#explorer-lam", ["ArrowLeft"] * 60)],
        [("keys", "#explorer-lam", ["ArrowRight"] * 50), ("keys", "#explorer-lam", ["Home"])],
        [("keys", "#explorer-tilt", ["ArrowRight"] * 40), ("keys", "#explorer-elongation", ["ArrowLeft"] * 20)],
        [("fill", "#explorer-c1", "0.5"), ("fill", "#explorer-c2", "-1.25")],
        [
            ("check", "#explorer-norm-l2", None),
            ("keys", "#explorer-t", ["End"]),
            ("keys", "#explorer-lam", ["PageDown"]),
        ],
    ],
    ids=["l2-budget", "en-ratio", "en-lambda", "l1-lambda", "shape", "typed-centre", "l2-ends"],
)
def test_every_control_gives_the_exact_answer(explorer_page, actions):
    for action, selector, value in actions:
        control = explorer_page.locator(selector)
        if action == "check":
            control.check()
            check_exact(explorer_page)
        elif action == "fill":
            control.fill(value)
            check_exact(explorer_page)
        else:
            control.focus()
            for key in value:
                explorer_page.keyboard.press(key)
                check_exact(explorer_page)


def test_the_matching_parameter_and_the_announcement(explorer_page):
    lam_value = explorer_page.locator("#explorer-lam-value").text_content()
    assert lam_value == f"λ = {float(f'{explorer.facts().l1_lam:.4g}'):g}"
    explorer_page.locator("#explorer-t").focus()
    explorer_page.keyboard.press("ArrowRight")
    live = explorer_page.locator(".explorer-live")
    live.wait_for(state="attached")
    explorer_page.wait_for_function("() => document.querySelector('.explorer-live').textContent.includes('Optimum')")
    assert live.get_attribute("aria-live") == "polite"
    table = explorer_page.locator(".explorer-table").text_content()
    assert "β₁" in table
    assert "strength λ" in table


def test_without_javascript_the_static_picture_and_numbers_stand_in(new_context):
    page = new_context(java_script_enabled=False).new_page()
    page.goto("explorer.html", wait_until="load")
    assert not page.locator(".explorer").is_visible()
    figure = page.locator("img.only-light[src*='sphx_glr_plot_start_001']")  # without JavaScript: the light one
    assert figure.is_visible()
    assert "exact optima" in figure.get_attribute("alt")
    assert page.locator("table").filter(has_text="L1 (diamond)").is_visible()


@pytest.mark.parametrize("control", ["#explorer-t", "#explorer-elongation", "#explorer-c2"])
def test_on_a_phone_the_plane_stays_in_view_above_the_control_in_use(new_context, control):
    page = new_context(viewport=checks.PHONE).new_page()
    page.goto("explorer.html", wait_until="load")
    page.wait_for_selector(".explorer-ready")
    header = page.locator(".bd-header").bounding_box()
    page.locator(control).focus()  # scrolls the control into view, as Tab does
    page.wait_for_timeout(100)
    plane, field = page.locator(".explorer-plane").bounding_box(), page.locator(control).bounding_box()
    assert plane["y"] == pytest.approx(header["y"] + header["height"], abs=1), "the plane sticks under the header"
    assert plane["height"] <= 0.45 * checks.PHONE["height"], "and leaves most of the screen to the controls"
    assert field["y"] >= plane["y"] + plane["height"], f"{control} is hidden behind the plane"
    assert field["y"] + field["height"] <= checks.PHONE["height"], f"{control} is below the screen"
    assert page.evaluate("() => document.documentElement.scrollWidth") <= checks.PHONE["width"]
    page.mouse.click(plane["x"] + 0.3 * plane["width"], plane["y"] + 0.7 * plane["height"])  # the plane still works
    check_exact(page)
    assert page.evaluate(STATE)["center"] != explorer.start_state()["center"]


def test_reduced_motion_is_honoured(new_context):
    page = new_context(reduced_motion="reduce").new_page()
    page.goto("explorer.html", wait_until="load")
    page.wait_for_selector(".explorer-ready")
    duration = page.evaluate("() => getComputedStyle(document.querySelector('.explorer-optimum')).transitionDuration")
    assert duration == "0s"


def test_no_console_errors_or_outside_requests(page, site_origin):
    traffic = checks.watch(page, site_origin)
    page.goto("explorer.html", wait_until="load")
    page.wait_for_selector(".explorer-ready")
    page.locator("#explorer-norm-elastic_net").check()
    assert not checks.console_problems(traffic)
    assert not checks.request_problems(traffic)
