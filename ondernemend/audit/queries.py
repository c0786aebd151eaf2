"""Reading the trail: the audit entries and every registered log (`sources`), filtered and combined.

The logs are combined in one SQL UNION ALL, ordered and sliced by the database, so a page of the trail
costs two queries (count and rows) whatever the number of entries.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import F, Q, QuerySet, Value
from django.db.models.functions import Concat

from ondernemend.accounts.models import User

from .models import AuditEntry
from .sources import COLUMNS, trail_columns, trail_sources

AUDIT = "audit"


def audit_rows() -> QuerySet:
    """The audit entries with the trail's columns."""
    return AuditEntry.objects.annotate(
        **trail_columns(
            kind=AUDIT,
            at="at",
            user="user",
            role=F("role"),
            action=F("action"),
            target_type=Concat(F("target_type__app_label"), Value("."), F("target_type__model")),
            target_id="target_id",
            changes=F("changes"),
        )
    )


def trail(filter_rows=None) -> QuerySet:
    """Every log's rows, each passed through `filter_rows(queryset)`, newest first, as dictionaries."""
    parts = [audit_rows(), *(source.rows() for source in trail_sources())]
    if filter_rows is not None:
        parts = [filter_rows(part) for part in parts]
    first, *others = (part.values(*COLUMNS).order_by() for part in parts)
    combined = first.union(*others, all=True) if others else first
    return combined.order_by("-trail_at", "-trail_entry_id")


def logged_actions() -> list[str]:
    """Every action slug in the audit log, so that the filter offers also one nobody gave a label yet."""
    return list(AuditEntry.objects.order_by("action").values_list("action", flat=True).distinct())


def logged_target_types() -> list[str]:
    """The kinds of object ("app_label.model") the audit log has entries about."""
    types = ContentType.objects.filter(pk__in=AuditEntry.objects.values("target_type")).order_by("pk")
    return [f"{content_type.app_label}.{content_type.model}" for content_type in types]


def staff_accounts() -> QuerySet:
    """The accounts that can act in a staff role: with a role, or the technical administrator."""
    return (
        User.objects.filter(Q(groups__isnull=False) | Q(is_superuser=True))
        .distinct()
        .order_by("name", "email")
    )
