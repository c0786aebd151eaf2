"""Reads for the coördinators' pages: the list of series and a series' sessions."""

from django.db.models import QuerySet

from ..models import Series, Session
from .common import with_overview


def manage_list() -> QuerySet:
    return with_overview(Series.objects.all()).prefetch_related("coaches").order_by("-created_at")


def sessions_of(series: Series) -> list[Session]:
    """All sessions of the series in their order, cancelled ones too."""
    return list(series.sessions.order_by("number"))
