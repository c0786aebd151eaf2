"""A newcomer finds a workshop in the agenda and signs up in Chromium; every page passes axe."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import SeriesFactory
from workshops.enums import RegistrationStatus
from workshops.models import ConsentRecord, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def test_newcomer_signs_up_for_a_workshop_and_sees_what_happens_next(page):
    watcher = BrowserWatcher(page)
    series = SeriesFactory(sessions=5, initiative=InitiativeFactory(name="Buurthuis De Meevaart"))

    page.goto(reverse("workshops:agenda"))
    assert_accessible(page)
    page.get_by_role("link", name="Buurthuis De Meevaart").click()

    expect(page.get_by_role("heading", level=1)).to_have_text(series.title)
    assert_accessible(page)
    page.get_by_role("link", name="Aanmelden").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Aanmelden")
    assert_accessible(page)
    page.get_by_label("Je voornaam of een bijnaam").fill("Fatima")
    page.get_by_label("Telefoonnummer").fill("06 12345678")
    page.get_by_label("Waar woon je?").select_option(label="Oost")
    page.get_by_label("Welke taal spreek je het best?").select_option("ar")
    page.get_by_role("button", name="Meld mij aan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    main = page.locator("main")
    expect(main).to_contain_text("De coach belt je of stuurt je een e-mail.")
    expect(main).to_contain_text("De gemeente ziet je gegevens nooit.")
    expect(page.get_by_role("link", name="Mijn gegevens")).to_be_visible()
    assert page.url.endswith(reverse("workshops:signup_done", kwargs={"slug": series.slug}))
    assert_accessible(page)
    assert watcher.take_problems() == []

    registration = Registration.objects.select_related("participant").get()
    assert (registration.participant.display_name, registration.status) == (
        "Fatima",
        RegistrationStatus.CONFIRMED,
    )
    assert ConsentRecord.objects.get().participant == registration.participant
