"""Reading series for the public agenda, the series page and the coördinators' list."""

from django.db.models import Count, Max, Min, Prefetch, Q, QuerySet
from django.utils import timezone

from .enums import RegistrationStatus
from .models import Series, Session

PLANNED = Q(sessions__cancelled=False)


def with_overview(series: QuerySet) -> QuerySet:
    """Annotate dates, planned sessions and confirmed places, in the same query as the series."""
    return series.select_related("initiative", "initiative__district").annotate(
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
    """Published series whose last planned session is still to come, the soonest first."""
    now = now or timezone.now()
    series = with_overview(Series.objects.filter(published=True))
    series = series.filter(last_starts_at__gte=now)
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


def open_for_signup(series: Series, now=None) -> bool:
    """Needs the `last_starts_at` annotation: people can sign up until the last planned session starts."""
    return series.last_starts_at is not None and series.last_starts_at >= (now or timezone.now())
