"""The periods the overview counts over: a quarter ("2026-Q3") or a calendar year ("2026"). Pure, no database.

A period runs from the first moment of its first day up to (not including) the first moment after it, in the
site's time zone, so that a registration at 23:59 on 30 September falls in the third quarter.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime, time

from django.utils import timezone
from django.utils.translation import gettext as _

PATTERN = re.compile(r"^(?P<year>20[0-9]{2})(?:-Q(?P<quarter>[1-4]))?$")
YEARS_BACK = 2  # the choice offers this year and the two before it


@dataclass(frozen=True)
class Period:
    year: int
    quarter: int | None = None  # None: the whole year

    @classmethod
    def parse(cls, text: str) -> "Period | None":
        match = PATTERN.match(text or "")
        if match is None:
            return None
        quarter = match["quarter"]
        return cls(int(match["year"]), int(quarter) if quarter else None)

    @classmethod
    def year_of(cls, day: date) -> "Period":
        return cls(day.year)

    @property
    def key(self) -> str:
        return f"{self.year}-Q{self.quarter}" if self.quarter else str(self.year)

    @property
    def is_quarter(self) -> bool:
        return self.quarter is not None

    @property
    def first_day(self) -> date:
        return date(self.year, 3 * (self.quarter - 1) + 1 if self.quarter else 1, 1)

    @property
    def day_after(self) -> date:
        if self.quarter is None or self.quarter == 4:
            return date(self.year + 1, 1, 1)
        return date(self.year, 3 * self.quarter + 1, 1)

    @property
    def last_day(self) -> date:
        return date.fromordinal(self.day_after.toordinal() - 1)

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first_day, time.min))

    @property
    def end(self) -> datetime:
        """The first moment after the period (exclusive)."""
        return timezone.make_aware(datetime.combine(self.day_after, time.min))

    def is_closed(self, now: datetime) -> bool:
        return now >= self.end

    def label(self) -> str:
        if self.quarter:
            return _("Quarter %(quarter)s of %(year)s") % {"quarter": self.quarter, "year": self.year}
        return _("The year %(year)s") % {"year": self.year}

    def __str__(self):
        return self.key


def period_choices(today: date) -> list[Period]:
    """This year and the years before it, each followed by its quarters that have begun; newest first."""
    periods = []
    for year in range(today.year, today.year - YEARS_BACK - 1, -1):
        periods.append(Period(year))
        last_quarter = (today.month - 1) // 3 + 1 if year == today.year else 4
        periods.extend(Period(year, quarter) for quarter in range(last_quarter, 0, -1))
    return periods
