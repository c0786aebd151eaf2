"""Reads for the coach pages, each with a constant number of queries (progress is computed in Python)."""

from collections import defaultdict

from django.db.models import Count, Exists, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from ..enums import RegistrationStatus
from ..models import Attendance, Certificate, Intake, Reflection, Registration, Series, Session
from ..series_names import series_name
from .common import progress_of


def coached_series(user) -> list[Series]:
    """The series this user coaches, with counts, the next session that is not cancelled, and each
    series' `name` (district, place, start date: series_names)."""
    series_list = list(_coached_series(user))
    for series in series_list:
        series.name = series_name(series, series.first_starts_at)
    return series_list


def _coached_series(user) -> QuerySet[Series]:
    now = timezone.now()
    return (
        Series.objects.filter(coaches=user)
        .select_related("initiative__district")
        .annotate(
            first_starts_at=Min("sessions__starts_at", filter=Q(sessions__cancelled=False)),
            confirmed_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True
            ),
            next_session_at=Min(
                "sessions__starts_at", filter=Q(sessions__starts_at__gte=now, sessions__cancelled=False)
            ),
        )
        .order_by("next_session_at", "title")
    )


def series_overview(series: Series) -> dict:
    """Sessions, the participants with a place (with intake state and progress) and the waiting list."""
    sessions = list(series.sessions.order_by("number"))
    registrations = list(
        series.registrations.exclude(status=RegistrationStatus.CANCELLED)
        .select_related("participant")
        .annotate(
            has_intake=Exists(Intake.objects.filter(registration=OuterRef("pk"))),
            has_certificate=Exists(
                Certificate.objects.filter(registration=OuterRef("pk"), revoked_at__isnull=True)
            ),
        )
        .order_by("participant__display_name", "pk")
    )
    statuses = defaultdict(dict)
    for registration_id, session_id, status in Attendance.objects.filter(session__series=series).values_list(
        "registration_id", "session_id", "status"
    ):
        statuses[registration_id][session_id] = status
    now = timezone.now()
    confirmed, waiting = [], []
    for registration in registrations:
        if registration.status == RegistrationStatus.WAITING:
            waiting.append(registration)
            continue
        registration.series = series
        registration.progress = progress_of(registration, sessions, statuses[registration.pk], now=now)
        confirmed.append(registration)
    return {"sessions": sessions, "participants": confirmed, "waiting": waiting}


def participant_record(registration: Registration) -> dict:
    """Everything a coach sees about one participant in this series."""
    sessions = list(registration.series.sessions.order_by("number"))
    attendance = {a.session_id: a for a in Attendance.objects.filter(registration=registration)}
    statuses = {session_id: a.status for session_id, a in attendance.items()}
    for session in sessions:
        session.attendance_record = attendance.get(session.pk)
    intake = intake_of(registration)
    certificate = Certificate.objects.filter(registration=registration).first()
    return {
        "sessions": sessions,
        "intake": intake,
        "certificate": certificate,
        "progress": progress_of(registration, sessions, statuses),
    }


def confirmed_registrations(session: Session) -> QuerySet[Registration]:
    return (
        session.series.registrations.filter(status=RegistrationStatus.CONFIRMED)
        .select_related("participant")
        .order_by("participant__display_name", "pk")
    )


def attendance_statuses(session: Session) -> dict[int, str]:
    return dict(Attendance.objects.filter(session=session).values_list("registration_id", "status"))


def session_reflections(session: Session) -> QuerySet[Reflection]:
    return session.reflections.select_related("author").order_by("-created_at")


def intake_of(registration: Registration) -> Intake | None:
    return Intake.objects.select_related("updated_by").filter(registration=registration).first()


def first_planned_session(series: Series) -> Session | None:
    return series.sessions.filter(cancelled=False).order_by("starts_at").first()
