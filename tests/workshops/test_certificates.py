import datetime
import logging
import re
from urllib.parse import urlencode

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from weasyprint.formatting_structure import boxes

from tests.factories.accounts import UserFactory
from tests.factories.workshops import (
    AttendanceFactory,
    CertificateFactory,
    ParticipantFactory,
    RegistrationFactory,
    SeriesFactory,
)
from workshops.access import log_access
from workshops.certificate_codes import new_certificate_code
from workshops.certificate_pdf import certificate_document, certificate_languages
from workshops.enums import AccessAction, AttendanceStatus, IncomeSituation
from workshops.exceptions import CertificateError, ReasonRequired
from workshops.models import AccessLogEntry, Certificate
from workshops.services.certificates import issue_certificate, revoke_certificate, rule_met

pytestmark = pytest.mark.django_db

INCOME_WORDS = ("bijstand", "uitkering", "uwv", "benefit", "income", "inkomen")


def en_url(name, **kwargs):
    """English pages: the Dutch translations of this part are merged into the .po files by the lead."""
    with translation.override("en"):
        return reverse(name, kwargs=kwargs)


def past_series(coach, *, sessions=5, min_sessions=4):
    start = timezone.now() - datetime.timedelta(weeks=6)
    return SeriesFactory(
        coaches=[coach], sessions=sessions, sessions__start=start, certificate_min_sessions=min_sessions
    )


def attend(registration, statuses):
    for session, status in zip(registration.series.sessions.order_by("number"), statuses, strict=False):
        AttendanceFactory(session=session, registration=registration, status=status)


@pytest.fixture
def coach():
    return UserFactory(coach=True)


@pytest.fixture
def registration(coach):
    return RegistrationFactory(series=past_series(coach))


def test_new_certificate_code_has_three_groups_of_four_digits():
    assert re.fullmatch(r"\d{4}-\d{4}-\d{4}", new_certificate_code())


def test_rule_met_counts_late_as_attended_and_excused_not(registration):
    P, L, E = AttendanceStatus.PRESENT, AttendanceStatus.LATE, AttendanceStatus.EXCUSED
    attend(registration, [P, L, E, P])
    assert rule_met(registration) is False
    AttendanceFactory(session=registration.series.sessions.get(number=5), registration=registration, status=L)
    assert rule_met(registration) is True


def test_rule_met_ignores_cancelled_sessions(registration):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    registration.series.sessions.filter(number=1).update(cancelled=True)
    assert rule_met(registration) is False


def test_issue_certificate_by_coach_when_rule_met_logs_it(registration, coach):
    attend(registration, [AttendanceStatus.PRESENT] * 4)

    certificate = issue_certificate(registration, by=coach)

    assert re.fullmatch(r"\d{4}-\d{4}-\d{4}", certificate.code)
    assert certificate.public is False
    assert certificate.issued_by == coach
    entry = AccessLogEntry.objects.get(participant=registration.participant)
    assert (entry.role, entry.action) == ("coach", AccessAction.CERTIFICATE)


def test_issue_certificate_by_coach_without_rule_is_refused(registration, coach):
    with pytest.raises(CertificateError, match="rule not met"):
        issue_certificate(registration, by=coach, override_reason="Ze was ziek")
    assert Certificate.objects.count() == 0


def test_issue_certificate_override_by_coordinator_needs_a_reason(registration):
    coordinator = UserFactory(coordinator=True)
    with pytest.raises(CertificateError, match="reason needed"):
        issue_certificate(registration, by=coordinator, override_reason="  ")

    certificate = issue_certificate(
        registration, by=coordinator, override_reason="Ziek geweest, alles ingehaald"
    )

    assert certificate.override_reason == "Ziek geweest, alles ingehaald"


def test_issue_certificate_twice_is_refused(registration, coach):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    issue_certificate(registration, by=coach)
    with pytest.raises(CertificateError, match="already issued"):
        issue_certificate(registration, by=coach)


def test_revoke_then_issue_again_gives_a_new_code(registration, coach):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    first = issue_certificate(registration, by=coach)
    old_code = first.code
    revoke_certificate(first, by=coach, reason="Verkeerde persoon")
    assert Certificate.objects.get().revoked_reason == "Verkeerde persoon"

    again = issue_certificate(registration, by=coach)

    assert again.pk == first.pk
    assert again.revoked_at is None
    assert again.code != old_code


def test_issue_view_get_shows_progress_and_logs_the_read(client, registration, coach):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    client.force_login(coach)

    response = client.get(en_url("workshops:issue_certificate", pk=registration.pk))

    assert response.status_code == 200
    assert "Attended 4 of the 4 sessions needed." in response.content.decode()
    assert AccessLogEntry.objects.filter(action=AccessAction.VIEW).count() == 1


def test_issue_view_post_issues_and_shows_the_code(client, registration, coach):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    client.force_login(coach)
    url = en_url("workshops:issue_certificate", pk=registration.pk)

    response = client.post(url, follow=True)

    certificate = Certificate.objects.get()
    assert certificate.code in response.content.decode()


def give_reason(client, registration, reason, next_url=""):
    """The coördinator's reasoned-access step (workshops.views.manage.ReasonedAccessView)."""
    url = reverse("workshops:reasoned_access", kwargs={"pk": registration.pk})
    if next_url:
        url += "?" + urlencode({"next": next_url})
    return client.post(url, {"reason": reason})


def test_issue_view_override_without_reason_shows_error(client, registration):
    client.force_login(UserFactory(coordinator=True))
    url = en_url("workshops:issue_certificate", pk=registration.pk)
    give_reason(client, registration, "Uitzondering beoordelen na klacht")

    response = client.post(url, {"reason": ""})

    assert response.status_code == 400
    assert "Please give a reason." in response.content.decode()
    assert Certificate.objects.count() == 0


def test_revoke_view_needs_a_reason(client, registration, coach):
    certificate = CertificateFactory(registration=registration)
    client.force_login(coach)
    url = reverse("workshops:revoke_certificate", kwargs={"pk": registration.pk})

    assert client.post(url, {"reason": ""}).status_code == 400
    client.post(url, {"reason": "Per ongeluk uitgegeven"})

    certificate.refresh_from_db()
    assert certificate.revoked_reason == "Per ongeluk uitgegeven"


def test_certificate_pdf_download_is_logged_and_named_by_code(client, registration, coach):
    certificate = CertificateFactory(registration=registration)
    client.force_login(coach)

    response = client.get(reverse("workshops:certificate_pdf", kwargs={"pk": registration.pk}))

    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    assert certificate.code in response["Content-Disposition"]
    assert AccessLogEntry.objects.get().action == AccessAction.EXPORT


def test_certificate_pdf_without_certificate_is_404(client, registration, coach):
    client.force_login(coach)
    response = client.get(reverse("workshops:certificate_pdf", kwargs={"pk": registration.pk}))
    assert response.status_code == 404
    assert AccessLogEntry.objects.count() == 0


CERTIFICATE_PAGES = ["issue_certificate", "revoke_certificate", "certificate_pdf"]


@pytest.mark.parametrize("url_name", CERTIFICATE_PAGES)
def test_certificate_pages_send_a_coordinator_to_the_reason_step_first(client, registration, url_name):
    CertificateFactory(registration=registration)
    client.force_login(UserFactory(coordinator=True))
    page = reverse(f"workshops:{url_name}", kwargs={"pk": registration.pk})

    response = client.get(page)

    reason_step = reverse("workshops:reasoned_access", kwargs={"pk": registration.pk})
    assert response.status_code == 302
    assert response["Location"] == f"{reason_step}?{urlencode({'next': page})}"
    assert registration.participant.display_name not in response.content.decode()
    assert AccessLogEntry.objects.count() == 0


@pytest.mark.parametrize("url_name", CERTIFICATE_PAGES)
def test_certificate_pages_open_for_a_coordinator_after_a_reason_and_log_it(client, registration, url_name):
    CertificateFactory(registration=registration)
    coordinator = UserFactory(coordinator=True)
    client.force_login(coordinator)
    page = reverse(f"workshops:{url_name}", kwargs={"pk": registration.pk})
    step = client.get(page, follow=True)
    assert 'name="reason"' in step.content.decode()

    answer = give_reason(client, registration, "Deelnemer vraagt om een nieuw certificaat", next_url=page)

    assert (answer.status_code, answer["Location"]) == (302, page)
    opened = client.get(page)
    assert opened.status_code == 200
    entries = list(AccessLogEntry.objects.values_list("user", "role", "reason"))
    assert entries == [(coordinator.pk, "coordinator", "Deelnemer vraagt om een nieuw certificaat")]


def test_coordinator_issuing_a_certificate_logs_the_reason_given(client, registration):
    attend(registration, [AttendanceStatus.PRESENT] * 4)
    client.force_login(UserFactory(coordinator=True))
    page = reverse("workshops:issue_certificate", kwargs={"pk": registration.pk})
    give_reason(client, registration, "Coach is ziek, ik reik uit", next_url=page)

    client.post(page)

    assert Certificate.objects.get().registration == registration
    reasons = set(AccessLogEntry.objects.values_list("action", "reason"))
    assert reasons == {(AccessAction.CERTIFICATE, "Coach is ziek, ik reik uit")}


def test_reason_step_with_an_outside_next_address_shows_the_record_instead(client, registration):
    client.force_login(UserFactory(coordinator=True))

    response = give_reason(client, registration, "Controle na een klacht", next_url="https://example.org/")

    assert response.status_code == 200
    assert registration.participant.display_name in response.content.decode()


def test_coach_of_the_series_opens_certificate_pages_without_a_reason(client, registration, coach):
    CertificateFactory(registration=registration)
    client.force_login(coach)

    answers = [
        client.get(reverse(f"workshops:{name}", kwargs={"pk": registration.pk})) for name in CERTIFICATE_PAGES
    ]

    assert [response.status_code for response in answers] == [200, 200, 200]
    assert set(AccessLogEntry.objects.values_list("role", "reason")) == {("coach", "")}


@pytest.mark.parametrize("reason", ["", "   "])
def test_log_access_refuses_an_empty_reason_from_someone_not_coaching(registration, reason):
    with pytest.raises(ReasonRequired):
        log_access(
            registration.participant,
            user=UserFactory(coordinator=True),
            action=AccessAction.VIEW,
            reason=reason,
        )
    assert AccessLogEntry.objects.count() == 0


def test_log_access_refuses_an_empty_reason_from_a_coach_of_another_series(registration):
    other_coach = UserFactory(coach=True)
    SeriesFactory(coaches=[other_coach])

    with pytest.raises(ReasonRequired):
        log_access(registration.participant, user=other_coach, action=AccessAction.VIEW)


def page_text(document) -> str:
    def walk(box):
        yield box
        for child in getattr(box, "children", []):
            yield from walk(child)

    return " ".join(
        box.text for page in document.pages for box in walk(page._page_box) if isinstance(box, boxes.TextBox)
    )


def test_certificate_pdf_is_a4_dutch_with_code_and_never_income(coach, caplog, settings):
    caplog.set_level(logging.WARNING, logger="weasyprint")
    participant = ParticipantFactory(display_name="Fatima", income_situation=IncomeSituation.BIJSTAND)
    registration = RegistrationFactory(participant=participant, series=past_series(coach))
    certificate = CertificateFactory(registration=registration)

    document = certificate_document(certificate)

    assert (round(document.pages[0].width), round(document.pages[0].height)) == (794, 1123)
    assert len(document.pages) == 2  # the certificate in Dutch, and the page "only for you"
    text = page_text(document)
    assert "Fatima" in text
    assert certificate.code in text
    assert registration.series.initiative.name in text
    assert f"{settings.SITE_URL}/certificaat/{certificate.code}/" in text.replace(" ", "")
    assert not [word for word in INCOME_WORDS if word in text.lower()]
    assert [record.getMessage() for record in caplog.records] == []


def test_certificate_pdf_adds_english_for_an_english_speaker(coach):
    participant = ParticipantFactory(preferred_language="en")
    certificate = CertificateFactory(
        registration=RegistrationFactory(participant=participant, series=past_series(coach))
    )

    document = certificate_document(certificate)

    assert certificate_languages(certificate) == ["nl", "en"]
    assert len(document.pages) == 3
    text = page_text(document)
    assert "Issued on" in text


def test_certificate_languages_skip_a_language_without_translation():
    participant = ParticipantFactory(preferred_language="ar")
    certificate = CertificateFactory(registration=RegistrationFactory(participant=participant))
    assert certificate_languages(certificate) == ["nl"]
