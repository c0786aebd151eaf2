"""Creating and changing workshop series and their sessions (coördinators)."""

from django.db import transaction
from django.utils.text import slugify

from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..exceptions import SeriesWithoutCoach
from ..models import Series, Session
from .waiting_list import promote_from_waiting_list

SLUG_MAX_LENGTH = 150


def _audited_fields(model, *, extra=()) -> tuple[str, ...]:
    """What the audit entry of a save compares: every field but the key (no participant data here)."""
    return (*(field.name for field in model._meta.concrete_fields if not field.primary_key), *extra)


SERIES_FIELDS = _audited_fields(Series, extra=("coaches",))
SESSION_FIELDS = _audited_fields(Session)


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
    before = _saved(series, SERIES_FIELDS)
    series.save()
    series.coaches.set(coaches)
    promote_from_waiting_list(series)
    action = "series.created" if before is None else "series.updated"
    record_change(
        by=by, action=action, target=series, changes=changed_fields(before or {}, series, SERIES_FIELDS)
    )
    return series


@transaction.atomic
def save_session(session: Session, *, by) -> Session:
    before = _saved(session, SESSION_FIELDS)
    session.save()
    action = "session.created" if before is None else "session.updated"
    record_change(
        by=by, action=action, target=session, changes=changed_fields(before or {}, session, SESSION_FIELDS)
    )
    return session


@transaction.atomic
def set_session_cancelled(session: Session, *, cancelled: bool, by) -> Session:
    """Cancel a session (it then never counts for the certificate), or take the cancellation back."""
    session.cancelled = cancelled
    session.save(update_fields=["cancelled"])
    record_change(by=by, action="session.cancelled" if cancelled else "session.restored", target=session)
    return session


def _saved(instance, fields) -> dict | None:
    """The saved values of `fields` (None for an object not saved yet), to compare after the save."""
    if instance.pk is None:
        return None
    return snapshot(type(instance).objects.get(pk=instance.pk), fields)


def next_session_number(series: Series) -> int:
    last = series.sessions.order_by("-number").values_list("number", flat=True).first()
    return (last or 0) + 1
