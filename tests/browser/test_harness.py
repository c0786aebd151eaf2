"""The browser harness itself: the CSP is really enforced, nothing leaves the machine, axe reports clearly."""

import pytest
from django.urls import reverse
from playwright.sync_api import Error as PlaywrightError

from tests.browser.axe import assert_accessible, axe_violations
from tests.browser.helpers import overflow_problems, skip_link_problems

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_csp_blocks_an_inline_script(page, browser_log):
    page.goto(reverse("pages:home"))

    with pytest.raises(PlaywrightError, match="Content Security Policy"):
        page.add_script_tag(content="window.inlineScriptRan = true;")

    assert page.evaluate("() => window.inlineScriptRan === undefined") is True
    assert [violation.split(" at ")[0] for violation in browser_log.csp_violations()] == [
        "script-src-elem blocked inline"
    ]


def test_requests_outside_the_live_server_are_aborted(page, blocked_requests):
    with pytest.raises(PlaywrightError, match="ERR_BLOCKED_BY_CLIENT"):
        page.goto("https://tile.openstreetmap.org/0/0/0.png")

    assert blocked_requests == ["https://tile.openstreetmap.org/0/0/0.png"]


def test_axe_reports_a_violation_with_rule_and_element(page):
    page.goto(reverse("pages:home"))
    page.evaluate("""() => {
        const image = document.createElement("img");
        image.src = "/static/does-not-matter.png";
        image.id = "image-without-alt";
        document.querySelector("main").append(image);
    }""")

    violations = axe_violations(page)

    assert [(violation["id"], violation["nodes"][0]["target"]) for violation in violations] == [
        ("image-alt", ["#image-without-alt"])
    ]
    with pytest.raises(AssertionError, match=r"axe image-alt \(critical\).*\n.*#image-without-alt: <img"):
        assert_accessible(page)


def test_page_checks_report_what_is_wrong(page, browser_log):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(reverse("pages:home"))
    page.evaluate("""() => {
        const wide = document.createElement("div");
        wide.id = "too-wide";
        wide.textContent = "wide";
        wide.style.width = "1000px";
        document.querySelector("main").append(wide);
        document.querySelector('a[href="#' + document.querySelector("main").id + '"]').remove();
        setTimeout(() => { throw new Error("a deliberate error"); });
    }""")
    page.wait_for_timeout(50)  # let the timer fire

    assert overflow_problems(page)[1:] == ['    <div id="too-wide" style="width: 1000px;">wide</div>']
    assert skip_link_problems(page)[0].startswith("the first focusable element is not a skip link to #")
    assert browser_log.take_problems() == ["JavaScript error: Error: a deliberate error"]
