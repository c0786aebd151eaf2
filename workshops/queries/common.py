"""Reads that several view modules share: a series with its overview numbers, whether it is open, its name
in headings, and a participant's progress (the certificate rule)."""

from django.db.models import Count, Exists, Max, Min, OuterRef, Q, QuerySet
from django.utils import timezone

from ..enums import RegistrationStatus
from ..models import Registration, Series
from ..progress import PlannedSession, Progress, calculate_progress
from ..series_names import SeriesName, series_name

PLANNED = Q(sessions__cancelled=False)


def has_coach() -> Exists:
    """A subquery, not a join: joining the coaches would multiply the rows the counts run over."""
    return Exists(Series.coaches.through.objects.filter(series=OuterRef("pk")))


def with_overview(series: QuerySet) -> QuerySet:
    """Annotate dates, planned sessions, confirmed places and whether there is a coach, in one query."""
    return series.select_related("initiative", "initiative__district").annotate(
        has_coach=has_coach(),
        first_starts_at=Min("sessions__starts_at", filter=PLANNED),
        last_starts_at=Max("sessions__starts_at", filter=PLANNED),
        planned_sessions=Count("sessions", filter=PLANNED, distinct=True),
        confirmed_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.CONFIRMED), distinct=True
        ),
        waiting_count=Count(
            "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING), distinct=True
        ),
    )


def places_left(series: Series) -> int:
    """Needs the `confirmed_count` annotation of `with_overview`."""
    return max(series.capacity - series.confirmed_count, 0)


def rule_exceeds_plan(series: Series, planned_sessions: int | None = None) -> bool:
    """True when the certificate asks for more sessions than are planned: nobody could earn it."""
    if planned_sessions is None:
        planned_sessions = series.sessions.filter(cancelled=False).count()
    return series.certificate_min_sessions > planned_sessions


def has_started(series: Series, now=None) -> bool:
    """Needs the `first_starts_at` annotation: the first planned session has begun."""
    return series.first_starts_at is not None and series.first_starts_at <= (now or timezone.now())


def has_finished(series: Series, now=None) -> bool:
    """Needs the `last_starts_at` annotation: no planned session is still to start."""
    return series.last_starts_at is None or series.last_starts_at < (now or timezone.now())


def open_for_signup(series: Series, now=None) -> bool:
    """Needs the `with_overview` annotations. People can sign up while the series has a coach (someone must
    call them) and has not started; a series with `signup_after_start` takes them until its last planned
    session starts."""
    now = now or timezone.now()
    if not series.has_coach or has_finished(series, now):
        return False
    return series.signup_after_start or not has_started(series, now)


def name_of(series: Series) -> SeriesName:
    """The series' name for headings on a page about one series, session or participant (one query for
    the start date; the initiative and district come with the series: workshops.access)."""
    first = series.sessions.filter(cancelled=False).aggregate(first=Min("starts_at"))["first"]
    return series_name(series, first)


def planned_sessions(sessions) -> list[PlannedSession]:
    return [PlannedSession(key=s.pk, starts_at=s.starts_at, cancelled=s.cancelled) for s in sessions]


def progress_of(registration: Registration, sessions, statuses: dict[int, str], *, now=None) -> Progress:
    """The one source of the certificate rule for coach pages and certificates (workshops.progress)."""
    return calculate_progress(
        planned_sessions(sessions),
        statuses,
        now=now or timezone.now(),
        min_sessions=registration.series.certificate_min_sessions,
    )
