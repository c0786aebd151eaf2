"""Places that come free: a cancelled or erased registration gives its seat to the waiting list.

Everything that changes seats runs under the same row lock on the series as the sign-up
(services/signup.py), so a sign-up and a cancellation at the same moment never hand out one seat twice.
"""

from django.db import transaction
from django.utils import timezone

from ondernemend.audit.services import PARTICIPANT, record_change

from ..access import log_access
from ..enums import AccessAction, RegistrationStatus
from ..models import Registration, Series

ACTIVE_STATUSES = (RegistrationStatus.CONFIRMED, RegistrationStatus.WAITING)


def lock_series(series: Series) -> Series:
    """Take the row lock on the series; call inside a transaction."""
    return Series.objects.select_for_update().get(pk=series.pk)


def promote_from_waiting_list(series: Series, *, now=None) -> list[Registration]:
    """Give free places to the people waiting longest; returns who moved up. Locks the series."""
    now = now or timezone.now()
    with transaction.atomic():
        locked = lock_series(series)
        confirmed = locked.registrations.filter(status=RegistrationStatus.CONFIRMED).count()
        free = max(locked.capacity - confirmed, 0)
        if not free:
            return []
        waiting = list(
            locked.registrations.select_for_update()
            .filter(status=RegistrationStatus.WAITING)
            .order_by("created_at", "pk")[:free]
        )
        for registration in waiting:
            registration.status = RegistrationStatus.CONFIRMED
            registration.promoted_at = now
            registration.save(update_fields=["status", "promoted_at"])
        return waiting


def cancel_registration(registration: Registration, *, by=None, now=None) -> Registration:
    """Cancel a place or waiting-list place; a freed place goes to the first person waiting.

    `by` is the staff user who cancels on the participant's behalf (written to the access log the
    participant reads), or None when the participant cancels herself from her own link.
    """
    now = now or timezone.now()
    with transaction.atomic():
        lock_series(registration.series)
        registration = Registration.objects.select_for_update().get(pk=registration.pk)
        if registration.status not in ACTIVE_STATUSES:
            return registration
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.save(update_fields=["status", "cancelled_at"])
        if by is not None:
            log_access(registration.participant, user=by, action=AccessAction.EDIT)
        record_change(
            by=by, role=None if by else PARTICIPANT, action="registration.cancelled", target=registration
        )
        promote_from_waiting_list(registration.series, now=now)
    return registration


def cancellable_registrations(participant) -> list[Registration]:
    """The participant's places and waiting-list places in series that are not over yet."""
    return list(
        participant.registrations.filter(
            status__in=ACTIVE_STATUSES,
            series__sessions__cancelled=False,
            series__sessions__starts_at__gte=timezone.now(),
        )
        .select_related("series__initiative")
        .distinct()
    )
