import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation

from tests.factories.accounts import UserFactory
from tests.factories.workshops import (
    AttendanceFactory,
    CertificateFactory,
    IntakeFactory,
    ParticipantFactory,
    RegistrationFactory,
)
from workshops.enums import AccessAction, AttendanceStatus, IdeaStage, IncomeSituation, RegistrationStatus
from workshops.models import AccessLogEntry, Participant
from workshops.services.privacy import anonymise_participant, inactive_since, participants_to_anonymise

pytestmark = pytest.mark.django_db


def full_participant(**kwargs):
    participant = ParticipantFactory(
        display_name="Yusuf",
        email="yusuf@example.org",
        phone="0612345678",
        postcode_area="1025",
        age_band="35-44",
        income_situation=IncomeSituation.BIJSTAND,
        **kwargs,
    )
    registration = RegistrationFactory(participant=participant, status=RegistrationStatus.CONFIRMED)
    IntakeFactory(
        registration=registration,
        idea_stage=IdeaStage.VAGUE,
        idea_description="Fietsen repareren",
        prior_experience="Werkte in een fietsenwinkel",
        personal_goal="Eigen baas zijn",
        practical_needs=["kinderopvang"],
    )
    AttendanceFactory(registration=registration, status=AttendanceStatus.LATE)
    CertificateFactory(registration=registration, public=True)
    return participant


def test_anonymise_participant_removes_person_and_keeps_aggregate_facts():
    participant = full_participant()

    anonymise_participant(participant)

    participant.refresh_from_db()
    assert (participant.display_name, participant.email, participant.phone) == ("—", "", "")
    assert (participant.postcode_area, participant.age_band, participant.income_situation) == ("", "", "")
    assert participant.anonymised_at is not None
    registration = participant.registrations.get()
    assert registration.status == RegistrationStatus.CONFIRMED
    assert registration.intake.idea_stage == IdeaStage.VAGUE
    assert (registration.intake.idea_description, registration.intake.personal_goal) == ("", "")
    assert registration.intake.prior_experience == ""
    assert registration.intake.practical_needs == []
    assert registration.attendance.get().status == AttendanceStatus.LATE
    assert registration.certificate.public is False


def test_inactive_since_is_24_months_back():
    now = datetime.datetime(2026, 3, 31, 12, tzinfo=datetime.UTC)
    assert inactive_since(now) == datetime.datetime(2024, 3, 31, 12, tzinfo=datetime.UTC)


def test_participants_to_anonymise_only_inactive_for_24_months():
    old = ParticipantFactory(last_activity_at=timezone.now() - datetime.timedelta(days=2 * 366))
    ParticipantFactory(last_activity_at=timezone.now() - datetime.timedelta(days=700))
    ParticipantFactory(
        last_activity_at=timezone.now() - datetime.timedelta(days=800), anonymised_at=timezone.now()
    )
    assert list(participants_to_anonymise()) == [old]


def test_anonymise_participants_command_dry_run_changes_nothing_and_prints_no_names(capsys):
    full_participant(last_activity_at=timezone.now() - datetime.timedelta(days=800))

    call_command("anonymise_participants", "--dry-run")

    output = capsys.readouterr().out
    assert output == "1 participant(s) would be anonymised (dry run).\n"
    assert Participant.objects.get().display_name == "Yusuf"


def test_anonymise_participants_command_anonymises_the_inactive(capsys):
    full_participant(last_activity_at=timezone.now() - datetime.timedelta(days=800))
    recent = ParticipantFactory(display_name="Recent")

    call_command("anonymise_participants")

    assert capsys.readouterr().out == "1 participant(s) anonymised.\n"
    assert Participant.objects.filter(anonymised_at__isnull=False).count() == 1
    recent.refresh_from_db()
    assert recent.display_name == "Recent"


def reasoned_url(registration):
    with translation.override("en"):
        return reverse("workshops:reasoned_access", kwargs={"pk": registration.pk})


def test_reasoned_access_form_shows_nothing_of_the_participant(client):
    participant = full_participant()
    client.force_login(UserFactory(coordinator=True))

    response = client.get(reasoned_url(participant.registrations.get()))

    content = response.content.decode()
    assert response.status_code == 200
    assert 'name="reason"' in content
    assert "Yusuf" not in content
    assert AccessLogEntry.objects.count() == 0
    assert "no-store" in response["Cache-Control"]


def test_reasoned_access_without_reason_shows_nothing(client):
    participant = full_participant()
    client.force_login(UserFactory(coordinator=True))

    response = client.post(reasoned_url(participant.registrations.get()), {"reason": ""})

    assert response.status_code == 400
    assert "Yusuf" not in response.content.decode()
    assert AccessLogEntry.objects.count() == 0


def test_reasoned_access_with_reason_shows_record_and_logs_the_reason(client):
    participant = full_participant()
    client.force_login(UserFactory(coordinator=True))
    reason = "Klacht van de deelnemer over de coach"

    response = client.post(reasoned_url(participant.registrations.get()), {"reason": reason})

    content = response.content.decode()
    assert "Yusuf" in content
    assert "Eigen baas zijn" in content
    entry = AccessLogEntry.objects.get()
    assert (entry.role, entry.action, entry.reason) == ("coordinator", AccessAction.VIEW, reason)
