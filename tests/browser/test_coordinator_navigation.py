"""A coördinator finds what exists from the dashboard and the menu; reads a participant only with a reason."""

import pytest
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, log_in, url_in
from tests.factories.accounts import UserFactory
from tests.factories.workshops import CertificateFactory, RegistrationFactory, SeriesFactory
from workshops.models import AccessLogEntry

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_coordinator_reaches_workshop_management_flyers_and_the_challenge_from_the_dashboard(
    page, live_server
):
    watcher = BrowserWatcher(page)
    log_in(page.context, UserFactory(coordinator=True), live_server.url)

    # English, so the test reads the source strings.
    page.goto(url_in("en", "accounts:dashboard"))
    coordinator = page.get_by_role("region", name="Coordinator")
    expect(coordinator).not_to_contain_text("coming soon")
    assert_accessible(page)
    coordinator.get_by_role("link", name="Manage workshops").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Manage workshops")

    page.go_back()
    page.get_by_role("region", name="Coordinator").get_by_role("link", name="Noord", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}{url_in('en', 'initiatives:flyer', district='noord')}")

    page.get_by_role("navigation", name="Main navigation").get_by_role("link", name="Challenge").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("The challenge is coming")
    assert_accessible(page)
    page.get_by_role("link", name="Find initiatives and contact points on the map").click()
    expect(page).to_have_url(f"{live_server.url}{url_in('en', 'initiatives:index')}")
    assert watcher.take_problems() == []


def test_coordinator_opens_a_certificate_only_after_giving_a_reason(page, live_server):
    watcher = BrowserWatcher(page)
    coordinator = UserFactory(coordinator=True)
    registration = RegistrationFactory(series=SeriesFactory(sessions=2), participant__display_name="Samira")
    CertificateFactory(registration=registration)
    log_in(page.context, coordinator, live_server.url)

    page.goto(url_in("en", "workshops:issue_certificate", pk=registration.pk))

    expect(page.get_by_role("heading", level=1)).to_have_text("Open a participant record")
    expect(page.locator("main")).not_to_contain_text("Samira")
    assert_accessible(page)
    page.get_by_label("Why do you need to see this record?").fill("Samira vraagt een nieuw certificaat aan")
    page.get_by_role("button", name="Save the reason and continue").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Certificate for Samira")
    assert page.url == f"{live_server.url}{url_in('en', 'workshops:issue_certificate', pk=registration.pk)}"
    assert list(AccessLogEntry.objects.values_list("user", "reason")) == [
        (coordinator.pk, "Samira vraagt een nieuw certificaat aan")
    ]
    assert watcher.take_problems() == []
