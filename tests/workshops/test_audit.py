"""The workshops' services write an audit entry for each change; about participants, field names only."""

import datetime

import pytest
from django.utils import timezone

from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import (
    AttendanceFactory,
    CertificateFactory,
    ParticipantFactory,
    RegistrationFactory,
    SeriesFactory,
)
from workshops.enums import AttendanceStatus, IdeaStage, Pictogram
from workshops.models import Series, Session
from workshops.services.certificates import issue_certificate, revoke_certificate, set_certificate_public
from workshops.services.coaching import NEW_INTAKE_VERSION, record_attendance, save_intake
from workshops.services.privacy import anonymise_participant, erase_on_request
from workshops.services.series import save_series, save_session, set_session_cancelled
from workshops.services.waiting_list import cancel_registration

pytestmark = pytest.mark.django_db


def entries() -> list[tuple[str, str, dict]]:
    return list(AuditEntry.objects.order_by("pk").values_list("action", "role", "changes"))


def test_saving_a_series_records_what_changed_with_the_values():
    coordinator, coach = UserFactory(coordinator=True), UserFactory(coach=True)
    series = Series(
        initiative=InitiativeFactory(), title="Ondernemen?", capacity=10, certificate_min_sessions=3
    )
    save_series(series, coaches=[coach], by=coordinator)
    series.capacity = 12

    save_series(series, coaches=[coach], by=coordinator)

    (created_action, role, created), updated = entries()
    assert (created_action, role) == ("series.created", "coordinator")
    assert created["coaches"] == [None, [coach.pk]]
    assert updated == ("series.updated", "coordinator", {"capacity": [10, 12]})


def test_sessions_saved_and_cancelled_are_recorded():
    coordinator = UserFactory(coordinator=True)
    series = SeriesFactory()
    session = Session(
        series=series,
        number=1,
        starts_at=timezone.now() + datetime.timedelta(days=3),
        topic="Kennismaken",
        what_to_expect="We maken kennis.",
        pictogram=Pictogram.KENNISMAKEN,
    )

    save_session(session, by=coordinator)
    set_session_cancelled(session, cancelled=True, by=coordinator)

    assert [action for action, _role, _changes in entries()] == ["session.created", "session.cancelled"]


def test_an_intake_entry_names_the_changed_fields_never_their_values():
    coach = UserFactory(coach=True)
    registration = RegistrationFactory(series=SeriesFactory(coaches=[coach]))
    answers = {
        "idea_stage": IdeaStage.VAGUE,
        "personal_goal": "Een eigen naaiatelier",
        "postcode_area": "1103",
    }

    save_intake(registration=registration, answers=answers, version=NEW_INTAKE_VERSION, by=coach)

    assert entries() == [
        ("intake.created", "coach", {"idea_stage": None, "personal_goal": None}),
        ("participant.updated", "coach", {"postcode_area": None}),
    ]
    assert "naaiatelier" not in str(entries())


def test_attendance_is_recorded_on_the_session_as_a_count():
    coach = UserFactory(coach=True)
    series = SeriesFactory(coaches=[coach], sessions=1)
    registration = RegistrationFactory(series=series)
    session = series.sessions.get()

    record_attendance(session=session, statuses={registration.pk: AttendanceStatus.PRESENT}, by=coach)

    assert entries() == [("attendance.saved", "coach", {"recorded": [None, 1]})]


def test_certificate_issued_and_revoked_are_recorded():
    coach = UserFactory(coach=True)
    series = SeriesFactory(
        coaches=[coach], sessions=2, sessions__start=timezone.now() - datetime.timedelta(weeks=3)
    )
    series.certificate_min_sessions = 1
    series.save()
    registration = RegistrationFactory(series=series)
    AttendanceFactory(session=series.sessions.first(), registration=registration)

    certificate = issue_certificate(registration, by=coach)
    revoke_certificate(certificate, by=coach, reason="Per ongeluk")

    assert entries() == [("certificate.issued", "coach", {}), ("certificate.revoked", "coach", {})]


def test_the_participant_making_her_certificate_public_is_recorded_with_the_field_name_only():
    certificate = CertificateFactory(public=False)

    set_certificate_public(certificate, public=True)
    set_certificate_public(certificate, public=False)

    assert entries() == [
        ("certificate.visibility_changed", "participant", {"public": None}),
        ("certificate.visibility_changed", "participant", {"public": None}),
    ]
    assert AuditEntry.objects.filter(user__isnull=False).count() == 0


def test_the_participant_cancelling_and_erasing_herself_is_recorded_without_a_user():
    registration = RegistrationFactory(series=SeriesFactory(sessions=2))

    cancel_registration(registration)
    erase_on_request(registration.participant)

    assert entries() == [
        ("registration.cancelled", "participant", {}),
        ("participant.erased", "participant", {}),
    ]
    assert AuditEntry.objects.filter(user__isnull=False).count() == 0


def test_anonymisation_after_24_months_is_recorded_as_the_system():
    anonymise_participant(ParticipantFactory())

    assert entries() == [("participant.anonymised", "system", {})]
