"""When a listing counts as outdated: pure date arithmetic, no database."""

import calendar
from datetime import datetime

STALE_AFTER_MONTHS = 12
REMIND_EVERY_MONTHS = 1


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier; the 31st becomes the last day of a shorter month."""
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def stale_before(now: datetime) -> datetime:
    """Listings last checked before this moment are outdated."""
    return months_before(now, STALE_AFTER_MONTHS)


def is_stale(verified_at: datetime | None, now: datetime) -> bool:
    """Never checked, or not checked for 12 months."""
    return verified_at is None or verified_at < stale_before(now)


def reminder_due(last_reminded_at: datetime | None, now: datetime) -> bool:
    """At most one reminder a month per listing."""
    return last_reminded_at is None or last_reminded_at <= months_before(now, REMIND_EVERY_MONTHS)
