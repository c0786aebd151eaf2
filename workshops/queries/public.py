"""Reads for the public pages: the agenda, a series with "what to expect", and the sign-up."""

from django.db.models import Prefetch, QuerySet
from django.utils import timezone

from ..models import Registration, Series, Session
from .common import with_overview


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


def next_session(series: Series, now=None) -> Session | None:
    """The first planned session that has not started yet: the one a new participant comes to first."""
    planned = series.sessions.filter(cancelled=False).order_by("starts_at")
    return planned.filter(starts_at__gte=now or timezone.now()).first() or planned.first()


def signed_up_registration(pk, slug: str) -> Registration | None:
    """The registration this browser just made (its pk comes from the session, never from the URL)."""
    return (
        Registration.objects.select_related("participant", "series", "series__initiative")
        .filter(pk=pk, series__slug=slug)
        .first()
    )
