"""Every page, in Dutch and English, on a 320 px phone and a 1280 px screen: accessible, one h1, no sideways
scrolling, a working skip link, and no CSP violation or JavaScript error."""

import pytest
from playwright.sync_api import Page

from tests.browser.axe import axe_violations, describe_violations
from tests.browser.helpers import (
    BrowserWatcher,
    log_in,
    overflow_problems,
    path_in,
    skip_link_problems,
    url_in,
)
from tests.browser.pages import PAGES, PageCase, make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# Both widths in one test: the database reset between tests costs more than loading a page twice.
WIDTHS = [320, 1280]


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize("case", PAGES, ids=lambda case: case.id)
def test_page_is_accessible_and_robust(case, language, page, browser_log, live_server, settings):
    if case.urlconf:
        settings.ROOT_URLCONF = case.urlconf
    user = make_user(case.login_as)
    extra_kwargs = case.setup(user) if case.setup else {}
    if user is not None:
        log_in(page.context, user, live_server.url, second_factor=case.second_factor)
    if case.url_name:
        url = url_in(language, case.url_name, urlconf=case.urlconf, **case.kwargs, **extra_kwargs)
    else:
        url = path_in(language, case.path)

    problems = []
    for width in WIDTHS:
        page.set_viewport_size({"width": width, "height": 800})
        problems += [
            f"at {width} px: {problem}" for problem in page_problems(page, url, case, language, browser_log)
        ]

    assert not problems, f"{url} ({language}):\n" + "\n".join(problems)


def page_problems(
    page: Page, url: str, case: PageCase, language: str, browser_log: BrowserWatcher
) -> list[str]:
    response = page.goto(url)
    problems = []
    if response.status != case.status:
        problems.append(f"status {response.status}, expected {case.status}")
    if (lang := page.locator("html").get_attribute("lang")) != language:
        problems.append(f'<html lang="{lang}">, expected "{language}"')
    if (h1_count := page.locator("h1").count()) != 1:
        problems.append(f"{h1_count} h1 elements, expected exactly one")
    problems += overflow_problems(page)
    problems += describe_violations(axe_violations(page))
    problems += skip_link_problems(page)
    problems += browser_log.take_problems(expected_status=case.status)
    return problems
