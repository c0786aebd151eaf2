"""Reading series for the public agenda, the series page and the coördinators' list."""

from django.db.models import Count, Exists, Max, Min, OuterRef, Prefetch, Q, QuerySet
from django.utils import timezone

from .enums import RegistrationStatus
from .models import Series, Session

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


def upcoming_series(*, district=None, language: str = "", now=None) -> QuerySet:
    """Published series with a coach whose last planned session is still to come, the soonest first.

    A series that has started stays listed (it says so); whether it still takes sign-ups is its own setting.
    """
    now = now or timezone.now()
    series = with_overview(Series.objects.filter(published=True))
    series = series.filter(last_starts_at__gte=now, has_coach=True)
    if district is not None:
        series = series.filter(initiative__district=district)
    if language:
        series = series.filter(language=language)
    return series.order_by("first_starts_at", "title", "pk")


def public_series(slug: str) -> Series | None:
    """A published series with its sessions in order (cancelled ones too, marked as cancelled)."""
    return (
        with_overview(Series.objects.filter(published=True, slug=slug))
        .prefetch_related(Prefetch("sessions", queryset=Session.objects.order_by("number")))
        .first()
    )


def manage_list() -> QuerySet:
    return with_overview(Series.objects.all()).prefetch_related("coaches").order_by("-created_at")


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


def next_session(series: Series, now=None) -> Session | None:
    """The first planned session that has not started yet: the one a new participant comes to first."""
    planned = series.sessions.filter(cancelled=False).order_by("starts_at")
    return planned.filter(starts_at__gte=now or timezone.now()).first() or planned.first()
