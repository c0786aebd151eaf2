"""Someone checks a certificate by typing the code as it was read aloud to them."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, url_in
from tests.factories.workshops import CertificateFactory, RegistrationFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_certificate_code_typed_as_read_aloud_is_found_and_junk_gets_a_clear_message(page, live_server):
    watcher = BrowserWatcher(page)
    registration = RegistrationFactory(participant__display_name="Samira")
    CertificateFactory(registration=registration, code="3567-5046-1450", public=True)

    # English, so the test reads the source strings.
    page.goto(url_in("en", "workshops:verify_form"))
    page.get_by_label("Verification code").fill("3567 5046 1450")
    page.get_by_role("button", name="Check").click()

    expect(page.get_by_role("heading", name="This certificate is real")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Samira")
    assert page.url == f"{live_server.url}{url_in('en', 'workshops:verify', code='3567-5046-1450')}"

    page.goto(url_in("en", "workshops:verify_form"))
    page.get_by_label("Verification code").fill("1234/5678/901")
    page.get_by_role("button", name="Check").click()

    expect(page.locator("main")).to_contain_text("A code has 12 digits, for example 1234-5678-9012.")
    expect(page.get_by_label("Verification code")).to_have_value("1234/5678/901")
    assert_accessible(page)
    assert watcher.take_problems(expected_status=400) == []
