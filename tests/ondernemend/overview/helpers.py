"""Workshop data for the overview's tests, made in bulk so that a thousand participants stay quick."""

from datetime import timedelta

from ondernemend.districts.models import District
from ondernemend.overview.periods import Period
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import SeriesFactory, SessionFactory
from workshops.enums import AttendanceStatus, RegistrationStatus
from workshops.models import Attendance, Intake, Participant, Registration


def series_in(district_slug: str, period: Period, sessions: int = 2):
    """A series held in the district, its sessions in the first weeks of the period."""
    initiative = InitiativeFactory(district=District.objects.get(slug=district_slug))
    series = SeriesFactory(initiative=initiative)
    for number in range(1, sessions + 1):
        SessionFactory(series=series, number=number, starts_at=period.start + timedelta(days=7 * number))
    return series


def participants_in(series, period: Period, count: int, *, attended: int | None = None, prefix="Persoon"):
    """`count` sign-ups made on the period's second day, each with an intake; the first `attended` of them
    (all by default) were present at the first session."""
    people = Participant.objects.bulk_create(
        Participant(display_name=f"{prefix} {index}", email=f"{prefix.lower()}{index}@example.org")
        for index in range(count)
    )
    created = period.start + timedelta(days=1)
    registrations = Registration.objects.bulk_create(
        Registration(
            participant=person, series=series, status=RegistrationStatus.CONFIRMED, created_at=created
        )
        for person in people
    )
    Intake.objects.bulk_create(
        Intake(registration=registration, idea_stage="geen") for registration in registrations
    )
    first = series.sessions.order_by("number").first()
    Attendance.objects.bulk_create(
        Attendance(session=first, registration=registration, status=AttendanceStatus.PRESENT)
        for registration in registrations[: count if attended is None else attended]
    )
    return registrations
