"""Issue 4's journey in Chromium: a newcomer signs up; the coach (on a phone) records the intake and the
attendance and issues the certificate; its QR code leads to the verification page, which shows the first name
only once the participant made it public through their own link; that link shows the coach's reads.

The participant's pages are checked in Dutch (the language they get), the coach's in English (the source
strings); test_pages.py checks every page in both languages. axe runs on every page of the journey.
"""

import datetime
from urllib.parse import urlsplit

import pytest
from django.conf import settings
from django.core.cache import cache
from django.urls import reverse
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.axe import assert_accessible
from tests.browser.helpers import BrowserWatcher, finish_second_factor_setup, overflow_problems, url_in
from tests.factories.accounts import TEST_PASSWORD, UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import SeriesFactory, SessionFactory
from tests.printed import pdf_qr_codes
from workshops.certificate_pdf import build_content
from workshops.enums import AccessAction, AttendanceStatus
from workshops.models import AccessLogEntry, Attendance, Certificate, Intake, Registration

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE = {"width": 390, "height": 844}
INCOME_WORDS = ("bijstand", "uitkering", "uwv", "benefit", "income", "inkomen")
PAST_SESSIONS = 3


def a_series_with_past_sessions_and_one_to_come(coach):
    """A series that takes sign-ups after its start (`signup_after_start`) stays open until the last planned
    session starts (workshops.queries.common.open_for_signup): one session still to come keeps it open."""
    series = SeriesFactory(
        coaches=[coach],
        signup_after_start=True,
        sessions=PAST_SESSIONS,
        sessions__start=timezone.now() - datetime.timedelta(weeks=PAST_SESSIONS),
        certificate_min_sessions=PAST_SESSIONS,
        initiative=InitiativeFactory(name="Buurthuis De Meevaart", offers=["geld"]),
        title="Is ondernemen wat voor mij? (Oost)",
    )
    SessionFactory(
        series=series, number=PAST_SESSIONS + 1, starts_at=timezone.now() + datetime.timedelta(days=7)
    )
    return series


def test_newcomer_signs_up_coach_issues_certificate_and_its_qr_code_leads_to_verification(page, open_context):
    cache.clear()  # certificate verification is rate-limited per sender; every test comes from 127.0.0.1
    coach = UserFactory(coach=True)
    series = a_series_with_past_sessions_and_one_to_come(coach)
    participant_log = BrowserWatcher(page)

    # The newcomer, in Dutch: agenda → series → sign-up form → confirmation with the personal link.
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
    page.get_by_label("Welke taal spreek je het best?").select_option("nl")
    page.get_by_role("button", name="Meld mij aan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Je bent aangemeld")
    assert_accessible(page)
    own_link = page.get_by_role("link", name="Mijn gegevens").get_attribute("href")
    registration = Registration.objects.select_related("participant").get(series=series)
    assert registration.participant.display_name == "Fatima"
    assert participant_log.take_problems() == []

    # The coach logs in through the form and works on a phone-sized screen.
    coach_page = open_context().new_page()
    coach_page.set_viewport_size(PHONE)
    coach_log = BrowserWatcher(coach_page)
    coach_page.goto(url_in("en", "accounts:login"))
    coach_page.get_by_label("E-mail address").fill(coach.email)
    coach_page.get_by_label("Password", exact=True).fill(TEST_PASSWORD)
    coach_page.get_by_role("button", name="Log in").click()
    finish_second_factor_setup(coach_page)  # a coach sets up two-step verification first
    expect(coach_page.get_by_role("heading", level=1)).to_have_text("My environment")

    coach_page.goto(url_in("en", "workshops:coach_home"))
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name=series.title).click()
    # The heading adds district, place and start date, so that series with one title can be told apart.
    expect(coach_page.get_by_role("heading", level=1)).to_contain_text(series.title)
    assert_accessible(coach_page)
    assert overflow_problems(coach_page) == []
    expect(coach_page.locator("main")).to_contain_text("Fatima")

    # The intake, with the income situation (which must never reach the certificate or verification).
    coach_page.get_by_role("link", name="intake still to do").click()
    assert_accessible(coach_page)
    assert overflow_problems(coach_page) == []
    # The design system draws radios and checkboxes on their labels (the inputs are 0×0): click the label.
    coach_page.get_by_text("No idea yet — that is fine", exact=True).click()
    expect(coach_page.get_by_role("radio", name="No idea yet — that is fine")).to_be_checked()
    coach_page.get_by_label("Income situation").select_option("uwv")
    coach_page.get_by_text("Microcredit", exact=True).click()
    expect(coach_page.get_by_role("checkbox", name="Microcredit")).to_be_checked()
    coach_page.get_by_role("button", name="Save", exact=True).click()
    expect(coach_page.locator("main")).to_contain_text("The intake of Fatima is saved.")
    assert_accessible(coach_page)

    # Attendance of every session held so far: everyone is present by default.
    for number in range(1, PAST_SESSIONS + 1):
        coach_page.goto(url_in("en", "workshops:coach_series", slug=series.slug))
        coach_page.get_by_role("link", name=f"Attendance session {number}", exact=True).click()
        fatima = coach_page.get_by_role("group", name="Fatima")
        expect(fatima.get_by_role("radio", name="Present")).to_be_checked()
        assert_accessible(coach_page)
        assert overflow_problems(coach_page) == []
        coach_page.get_by_role("button", name="Save attendance").click()
        expect(coach_page.locator("main")).to_contain_text(f"Attendance for session {number} is saved")
    assert list(
        Attendance.objects.filter(registration=registration)
        .order_by("session__number")
        .values_list("session__number", "status")
    ) == [(number, AttendanceStatus.PRESENT) for number in range(1, PAST_SESSIONS + 1)]

    # The certificate: the rule is met, the coach issues it and downloads the PDF.
    coach_page.goto(url_in("en", "workshops:coach_series", slug=series.slug))
    coach_page.get_by_role("link", name="Fatima").click()
    expect(coach_page.get_by_role("heading", level=1)).to_have_text("Fatima")
    assert_accessible(coach_page)
    coach_page.get_by_role("link", name="Issue the certificate").click()
    expect(coach_page.get_by_role("heading", level=1)).to_have_text("Certificate for Fatima")
    assert_accessible(coach_page)
    coach_page.get_by_role("button", name="Issue the certificate").click()
    expect(coach_page.locator("main")).to_contain_text("The certificate is ready.")
    assert_accessible(coach_page)
    assert overflow_problems(coach_page) == []
    certificate = Certificate.objects.get(registration=registration)
    expect(coach_page.locator("main")).to_contain_text(certificate.code)
    with coach_page.expect_download() as download:
        coach_page.get_by_role("link", name="Download the certificate (PDF)").click()
    pdf = download.value
    assert pdf.suggested_filename == f"certificaat-{certificate.code}.pdf"
    assert pdf.path().read_bytes()[:5] == b"%PDF-"
    assert coach_log.take_problems() == []

    # A QR reader decodes the verification URL from the downloaded certificate's first page.
    content = build_content(certificate)
    verify_path = reverse("workshops:verify", kwargs={"code": certificate.code})
    assert content.verify_url == settings.SITE_URL + verify_path
    assert pdf_qr_codes(pdf.path().read_bytes())[0] == [content.verify_url]

    # Someone checks the certificate at the address of the QR code: private, so it cannot be shown.
    checker = open_context().new_page()
    checker_log = BrowserWatcher(checker)
    response = checker.goto(urlsplit(content.verify_url).path)
    assert response.status == 404
    expect(checker.locator("main")).to_contain_text("Dit certificaat kan niet worden getoond")
    expect(checker.locator("main")).not_to_contain_text("Fatima")
    assert_accessible(checker)

    # The participant makes it public through their own link (a POST from the page).
    page.goto(own_link)
    assert_accessible(page)
    page.get_by_role("button", name="Laat anderen het controleren").click()
    expect(page.locator("main")).to_contain_text("Anderen kunnen je certificaat nu met de code controleren.")
    assert Certificate.objects.get(pk=certificate.pk).public is True

    checker.reload()
    expect(checker.locator("main").get_by_role("heading", level=2)).to_have_text("Dit certificaat is echt")
    expect(checker.locator("main")).to_contain_text("Fatima")
    expect(checker.locator("main")).to_contain_text(series.title)
    shown = checker.locator("body").inner_text().lower()
    assert [word for word in INCOME_WORDS if word in shown] == []
    assert_accessible(checker)
    assert checker_log.take_problems(expected_status=404) == []

    # The participant's own link lists every read of their record made by the coach during this test.
    page.reload()
    assert_accessible(page)
    log_rows = page.locator("main table tbody tr")
    shown_log = [
        (row.locator("td").nth(1).inner_text(), row.locator("td").nth(2).inner_text())
        for row in log_rows.all()
    ]
    entries = list(AccessLogEntry.objects.filter(participant=registration.participant).order_by("-at"))
    assert {entry.user_id for entry in entries} == {coach.pk}
    actions = {entry.action for entry in entries}
    assert {AccessAction.VIEW, AccessAction.EXPORT} <= actions
    assert shown_log == [("Coach", entry.get_action_display()) for entry in entries]
    assert ("Coach", "Heeft de gegevens gedownload") in shown_log
    assert participant_log.take_problems() == []
    registration.participant.refresh_from_db()
    assert registration.participant.income_situation == "uwv"  # recorded, yet never shown on verification
    assert Intake.objects.get(registration=registration).referral_wishes == ["microkrediet"]
