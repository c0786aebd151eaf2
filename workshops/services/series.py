"""Creating and changing workshop series and their sessions (coördinators)."""

from django.db import transaction
from django.utils.text import slugify

from ..models import Series, Session

SLUG_MAX_LENGTH = 150


def unique_series_slug(series: Series) -> str:
    base = slugify(f"{series.title} {series.initiative.name}")[:SLUG_MAX_LENGTH].strip("-") or "reeks"
    slug, number = base, 2
    while Series.objects.filter(slug=slug).exclude(pk=series.pk).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


@transaction.atomic
def save_series(series: Series, *, coaches, by) -> Series:
    """Save a new or changed series with its coaches; a new series gets a readable, unique web address."""
    if not series.slug:
        series.slug = unique_series_slug(series)
    series.save()
    series.coaches.set(coaches)
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
