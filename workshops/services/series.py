"""Creating and changing workshop series and their sessions (coördinators)."""

from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from ..models import Series, Session
from .waiting_list import promote_from_waiting_list

SLUG_MAX_LENGTH = 150


class SeriesWithoutCoach(Exception):
    """A series without a coach cannot be published: nobody would call the people who sign up."""

    message = _(
        "Choose at least one coach before you publish the series. The coach calls everyone who signs up."
    )


def unique_series_slug(series: Series) -> str:
    base = slugify(f"{series.title} {series.initiative.name}")[:SLUG_MAX_LENGTH].strip("-") or "reeks"
    slug, number = base, 2
    while Series.objects.filter(slug=slug).exclude(pk=series.pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_series(series: Series, *, coaches, by) -> Series:
    """Save a new or changed series with its coaches; a new series gets a readable, unique web address.

    A published series needs a coach (SeriesWithoutCoach). More places give the waiting list its turn.
    """
    if series.published and not coaches:
        raise SeriesWithoutCoach
    if not series.slug:
        series.slug = unique_series_slug(series)
    series.save()
    series.coaches.set(coaches)
    promote_from_waiting_list(series)
    return series


def save_session(session: Session, *, by) -> Session:
    session.save()
    return session


def set_session_cancelled(session: Session, *, cancelled: bool, by) -> Session:
    """Cancel a session (it then never counts for the certificate), or take the cancellation back."""
    session.cancelled = cancelled
    session.save(update_fields=["cancelled"])
    return session


def next_session_number(series: Series) -> int:
    last = series.sessions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
