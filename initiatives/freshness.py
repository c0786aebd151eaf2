"""When a listing counts as outdated, and when its editors may be reminded again.

Each rule is written once, as an `OlderThan`, and read two ways: as a Python test on one listing
(`is_stale`, `reminder_due`) and as a filter for the database (`STALE.condition(now)`), so the page that
flags a listing and the query that finds it can never disagree. No database access here: a `Q` is only
the description of a filter.
"""

from dataclasses import dataclass
from datetime import datetime

from django.db.models import Q

from ondernemend.dates import months_before

STALE_AFTER_MONTHS = 12
REMIND_EVERY_MONTHS = 1


@dataclass(frozen=True)
class OlderThan:
    """A date field that is empty, or older than `months` calendar months (at the cut-off itself too when
    `inclusive`)."""

    field: str
    months: int
    inclusive: bool = False

    def cutoff(self, now: datetime) -> datetime:
        return months_before(now, self.months)

    def holds(self, value: datetime | None, now: datetime) -> bool:
        if value is None:
            return True
        cutoff = self.cutoff(now)
        return value <= cutoff if self.inclusive else value < cutoff

    def condition(self, now: datetime) -> Q:
        lookup = "lte" if self.inclusive else "lt"
        return Q(**{f"{self.field}__isnull": True}) | Q(**{f"{self.field}__{lookup}": self.cutoff(now)})


# Never checked, or not checked for 12 months.
STALE = OlderThan("verified_at", months=STALE_AFTER_MONTHS)
# At most one reminder a month per listing.
REMINDER_DUE = OlderThan("stale_notified_at", months=REMIND_EVERY_MONTHS, inclusive=True)


def is_stale(verified_at: datetime | None, now: datetime) -> bool:
    return STALE.holds(verified_at, now)


def reminder_due(last_reminded_at: datetime | None, now: datetime) -> bool:
    return REMINDER_DUE.holds(last_reminded_at, now)
