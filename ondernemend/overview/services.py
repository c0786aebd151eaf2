"""Freezing a quarter: its figures are kept as they are now, so that they no longer drift."""

from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from ondernemend.audit.services import record_change

from .exceptions import AlreadyFrozen, NotAClosedQuarter
from .models import Snapshot
from .periods import Period
from .queries import overview_figures


def freeze_quarter(period: Period, *, by, now: datetime | None = None) -> Snapshot:
    """Store the figures of a quarter that is over, for every district, as the page shows them now.

    Only a closed quarter: figures of a running quarter would be frozen half-way. A quarter is frozen once;
    the unique period makes a double click fail on the second request instead of keeping two versions.
    """
    now = now or timezone.now()
    if not period.is_quarter or not period.is_closed(now):
        raise NotAClosedQuarter
    if Snapshot.objects.filter(period=period.key).exists():
        raise AlreadyFrozen
    try:
        with transaction.atomic():
            snapshot = Snapshot.objects.create(
                period=period.key, frozen_at=now, frozen_by=by, data=overview_figures(period, now)
            )
            record_change(
                by=by,
                action="overview.quarter_frozen",
                target=snapshot,
                changes={"period": [None, period.key]},
            )
    except IntegrityError as error:  # frozen by someone else in the same moment
        raise AlreadyFrozen from error
    return snapshot
