"""Issue 7 in Chromium: the address and first meeting, a replayed form from a second browser, the hidden
trap field, signing off from the own link (the waiting list moves up), and no token in any Referer."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import RegistrationFactory, SeriesFactory
from workshops.enums import RegistrationStatus
from workshops.models import Participant, Registration
from workshops.tokens import make_token

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


def series_at_de_meeuw(**kwargs):
    initiative = InitiativeFactory(
        name="Broodfonds De Meeuw", street="Meeuwenlaan 12", postcode="1024 ZK", city="Amsterdam"
    )
    return SeriesFactory(initiative=initiative, place="De grote zaal, 1e verdieping.", sessions=3, **kwargs)


def fill_sign_up_form(page, name, phone):
    page.get_by_label("Je voornaam of een bijnaam").fill(name)
    page.get_by_label("Telefoonnummer").fill(phone)
    page.get_by_label("Welke taal spreek je het best?").select_option("nl")


def test_agenda_and_confirmation_say_where_and_when(page):
    start = timezone.localtime().replace(hour=19, minute=0, second=0, microsecond=0) + datetime.timedelta(
        days=8
    )
    series = series_at_de_meeuw(sessions__start=start)
    where = "Broodfonds De Meeuw, Meeuwenlaan 12, 1024 ZK Amsterdam. De grote zaal, 1e verdieping."

    page.goto(reverse("workshops:agenda"))
    expect(page.locator("main")).to_contain_text(where)
    expect(page.locator("main")).not_to_contain_text(", ,")

    page.goto(reverse("workshops:signup", kwargs={"slug": series.slug}))
    fill_sign_up_form(page, "Fatima", "06 12345678")
    page.get_by_role("button", name="Meld mij aan").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    first_meeting = page.locator("section", has=page.get_by_role("heading", name="Je eerste bijeenkomst"))
    expect(first_meeting).to_contain_text(where)
    expect(first_meeting).to_contain_text("19:00 tot 21:00")
    assert_accessible(page)


def test_replayed_form_from_another_browser_never_shows_the_first_persons_link(page, open_context):
    series = SeriesFactory(sessions=3)
    signup_url = reverse("workshops:signup", kwargs={"slug": series.slug})
    page.goto(signup_url)
    first_key = page.locator("input[name=submission_key]").input_value()
    fill_sign_up_form(page, "Samira", "06 12345678")
    page.get_by_role("button", name="Meld mij aan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    samira_token = make_token(Participant.objects.get(display_name="Samira"))

    other = open_context().new_page()
    other_log = BrowserWatcher(other)
    other.goto(signup_url)
    fill_sign_up_form(other, "Bram", "06 87654321")
    # The replay: the first browser's form key, sent from the second browser.
    other.locator("input[name=submission_key]").evaluate("(input, key) => { input.value = key; }", first_key)
    other.get_by_role("button", name="Meld mij aan").click()

    main = other.locator("main")
    expect(main).to_contain_text("Dit formulier is te oud of is niet hier geopend.")
    expect(main).not_to_contain_text("Samira")
    assert samira_token not in other.content()
    expect(other.get_by_label("Je voornaam of een bijnaam")).to_have_value("Bram")
    assert_accessible(other)
    assert other_log.take_problems(expected_status=400) == []

    other.get_by_role("button", name="Meld mij aan").click()

    expect(other.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    expect(other.locator("main")).to_contain_text("Bram")
    expect(other.locator("main")).not_to_contain_text("Samira")
    assert samira_token not in other.content()
    assert sorted(Registration.objects.values_list("participant__display_name", flat=True)) == [
        "Bram",
        "Samira",
    ]
    assert other_log.take_problems() == []


def test_trap_field_is_hidden_from_people_and_keyboards(page):
    series = SeriesFactory(sessions=3)
    page.goto(reverse("workshops:signup", kwargs={"slug": series.slug}))

    expect(page.get_by_role("textbox", name="Laat dit veld leeg")).to_have_count(0)
    trap = page.locator("input[name=website]")
    page.get_by_label("Je voornaam of een bijnaam").focus()
    for _ in range(12):
        page.keyboard.press("Tab")
        expect(trap).not_to_be_focused()
    assert_accessible(page)


def test_participant_signs_off_from_her_own_link_and_no_referer_carries_the_token(page):
    series = series_at_de_meeuw(capacity=1, title="Is ondernemen wat voor mij? (Noord)")
    registration = RegistrationFactory(series=series, participant__display_name="Noor")
    waiting = RegistrationFactory(series=series, status=RegistrationStatus.WAITING)
    token = make_token(registration.participant)
    watcher = BrowserWatcher(page)
    referers = []
    page.on("request", lambda request: referers.append((request.url, request.headers.get("referer") or "")))

    response = page.goto(reverse("workshops:my_record", kwargs={"token": token}))

    assert response.headers["referrer-policy"] == "no-referrer"
    assert token not in page.url
    expect(page.get_by_role("heading", level=1)).to_contain_text("Noor")
    assert_accessible(page)
    page.get_by_role("link", name="Ik wil niet meer komen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Afmelden voor “Is ondernemen wat voor mij? (Noord)”"
    )
    expect(page.locator("main")).to_contain_text("Meeuwenlaan 12, 1024 ZK")
    assert_accessible(page)
    page.get_by_role("button", name="Ja, meld mij af").click()  # a POST from a page without referrer

    expect(page.locator("main")).to_contain_text("“Is ondernemen wat voor mij? (Noord)”: je bent afgemeld.")
    expect(page.get_by_role("link", name="Ik wil niet meer komen")).to_have_count(0)
    assert_accessible(page)
    registration.refresh_from_db()
    waiting.refresh_from_db()
    assert (registration.status, waiting.status) == (
        RegistrationStatus.CANCELLED,
        RegistrationStatus.CONFIRMED,
    )

    page.get_by_role("link", name="Vraag ons je gegevens te verwijderen").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Wil je dat we je gegevens verwijderen?")
    assert watcher.take_problems() == []

    stylesheets = [url for url, _ in referers if url.endswith(".css")]
    assert stylesheets, "the pages loaded their stylesheets"
    assert [(url, referer) for url, referer in referers if token in referer] == []
