"""Attendance per session: everyone present by default, the coach changes only the exceptions."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import UserFactory
from tests.factories.workshops import AttendanceFactory, RegistrationFactory, SeriesFactory
from workshops.enums import AccessAction, AttendanceStatus, RegistrationStatus
from workshops.models import AccessLogEntry, Attendance
from workshops.services.coaching import record_attendance

pytestmark = pytest.mark.django_db


def attendance_url(session):
    with translation.override("en"):
        return reverse("workshops:attendance", kwargs={"pk": session.pk})


@pytest.fixture
def coach():
    return UserFactory(coach=True)


@pytest.fixture
def session(coach):
    return SeriesFactory(coaches=[coach], sessions=3).sessions.get(number=1)


def field(registration):
    return f"registration_{registration.pk}"


def test_attendance_form_marks_everyone_present_by_default(client, coach, session):
    registrations = RegistrationFactory.create_batch(3, series=session.series)
    RegistrationFactory(series=session.series, status=RegistrationStatus.WAITING)
    client.force_login(coach)

    response = client.get(attendance_url(session))

    form = response.context["form"]
    assert [form[field(r)].value() for r in registrations] == [AttendanceStatus.PRESENT] * 3
    assert len(form.fields) == 3  # the waiting list has no place, so no attendance
    assert "Everyone is marked present" in response.content.decode()


def test_attendance_saves_defaults_and_exceptions_at_once(client, coach, session):
    on_time, late, excused = RegistrationFactory.create_batch(3, series=session.series)
    client.force_login(coach)

    response = client.post(
        attendance_url(session),
        {
            field(on_time): AttendanceStatus.PRESENT,
            field(late): AttendanceStatus.LATE,
            field(excused): AttendanceStatus.EXCUSED,
        },
    )

    assert response.status_code == 302
    assert dict(Attendance.objects.values_list("registration", "status")) == {
        on_time.pk: AttendanceStatus.PRESENT,
        late.pk: AttendanceStatus.LATE,
        excused.pk: AttendanceStatus.EXCUSED,
    }
    assert set(Attendance.objects.values_list("recorded_by", flat=True)) == {coach.pk}
    assert AccessLogEntry.objects.filter(action=AccessAction.EDIT).count() == 3


def test_attendance_form_shows_what_was_saved_and_updates_it(client, coach, session):
    registration = RegistrationFactory(series=session.series)
    AttendanceFactory(session=session, registration=registration, status=AttendanceStatus.ABSENT)
    client.force_login(coach)

    shown = client.get(attendance_url(session)).context["form"][field(registration)].value()
    client.post(attendance_url(session), {field(registration): AttendanceStatus.LATE})

    assert shown == AttendanceStatus.ABSENT
    assert Attendance.objects.values_list("status", flat=True).get() == AttendanceStatus.LATE


def test_attendance_refuses_an_unknown_status(client, coach, session):
    registration = RegistrationFactory(series=session.series)
    client.force_login(coach)

    response = client.post(attendance_url(session), {field(registration): "half"})

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert Attendance.objects.count() == 0


def test_record_attendance_ignores_registrations_of_other_series(coach, session):
    own = RegistrationFactory(series=session.series)
    other = RegistrationFactory()

    saved = record_attendance(
        session=session,
        statuses={own.pk: AttendanceStatus.PRESENT, other.pk: AttendanceStatus.PRESENT},
        by=coach,
    )

    assert (saved, list(Attendance.objects.values_list("registration", flat=True))) == (1, [own.pk])
