"""How staff pages name a series, so that several series with the same title can be told apart.

Most series are called "Is ondernemen wat voor mij?". A coach with three of them on a phone needs the
district, the place and the start date next to the title: in headings, page titles and back links alike.
Templates show it through one partial (workshops/coach/series_name.html). No database access here: the
caller passes the first planned session's start (an annotation or an already loaded list).
"""

from dataclasses import dataclass
from datetime import datetime

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _


@dataclass(frozen=True)
class SeriesName:
    title: str
    district: str
    place: str
    starts_at: datetime | None

    @property
    def details(self) -> str:
        """District, place and start, e.g. "Noord, Broodfonds De Meeuw, from 3 March 2026"."""
        parts = [self.district, self.place]
        if self.starts_at is not None:
            day = date_format(timezone.localtime(self.starts_at), "j F Y")
            parts.append(_("from %(date)s") % {"date": day})
        return ", ".join(part for part in parts if part)

    def __str__(self) -> str:
        return f"{self.title} ({self.details})" if self.details else self.title


def series_name(series, starts_at: datetime | None) -> SeriesName:
    """`series` with its initiative and the initiative's district loaded (select_related)."""
    initiative = series.initiative
    district = initiative.district.name if initiative.district_id else ""
    return SeriesName(title=series.title, district=district, place=initiative.name, starts_at=starts_at)


def first_start(sessions) -> datetime | None:
    """The start of the first session that is not cancelled, from sessions already loaded."""
    return min((session.starts_at for session in sessions if not session.cancelled), default=None)
