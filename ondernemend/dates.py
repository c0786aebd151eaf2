"""Calendar arithmetic the apps share: pure functions, no database."""

import calendar
from datetime import datetime


def months_before(moment: datetime, months: int) -> datetime:
    """The same moment `months` calendar months earlier.

    One month-end rule for the whole platform: a day that the earlier month does not have becomes that
    month's last day (31 March minus one month is 28 or 29 February).
    """
    month_index = moment.year * 12 + (moment.month - 1) - months
    year, month = divmod(month_index, 12)
    month += 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)
