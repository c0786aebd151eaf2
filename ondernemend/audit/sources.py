"""Other logs that join the audit trail on the coördinators' page, declared by the apps that own them.

The base imports no app, yet the trail shows the participants' access log of the workshops app next to the
audit entries. So an app registers a source in its `AppConfig.ready()`:

    from ondernemend.audit.sources import TrailSource, register_trail_source
    register_trail_source(TrailSource(key="access", rows=access_log_rows, action_labels=...))

`rows()` returns a queryset of the app's log annotated with the trail's columns (build them with
`trail_columns`), so that every source is filtered with the same filters and the rows of all sources are
combined in one SQL UNION, ordered and paginated in the database.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from django.db.models import CharField, F, JSONField, QuerySet, TextField, Value
from django.db.models.expressions import Combinable
from django.db.models.functions import Cast, Coalesce, NullIf

# The columns every source gives, in this order (a UNION matches columns by position). Prefixed, because
# an annotation may not have the name of a model field ("at", "role", "action" are fields of both logs).
COLUMNS = (
    "trail_kind",
    "trail_entry_id",
    "trail_at",
    "trail_user_id",
    "trail_user_name",
    "trail_role",
    "trail_action",
    "trail_target_type",
    "trail_target_id",
    "trail_changes",
    "trail_reason",
)


@dataclass(frozen=True)
class TrailSource:
    """A log that joins the trail. `target_types` are the "app_label.model" values its rows can have."""

    key: str
    rows: Callable[[], QuerySet]
    action_labels: Callable[[], Mapping[str, str]] = dict
    target_types: tuple[str, ...] = field(default=())


_sources: dict[str, TrailSource] = {}


def register_trail_source(source: TrailSource) -> None:
    """Add (or, with the same key, replace) a source; ready() may run again in a test that reloads apps."""
    _sources[source.key] = source


def trail_sources() -> list[TrailSource]:
    return list(_sources.values())


def trail_columns(
    *,
    kind: str,
    at: str,
    user: str,
    role: Combinable,
    action: Combinable,
    target_type: Combinable,
    target_id: str,
    changes: Combinable | None = None,
    reason: Combinable | None = None,
) -> dict[str, Combinable]:
    """The keyword arguments for `queryset.annotate(...)` that give a log the trail's columns.

    `at`, `user` (a foreign key to the account) and `target_id` are field names; the others expressions.
    The account's name is its name, or its e-mail address when it has none (staff accounts only).
    """
    return {
        "trail_kind": Value(kind, output_field=CharField()),
        "trail_entry_id": F("pk"),
        "trail_at": F(at),
        "trail_user_id": F(user),
        "trail_user_name": Coalesce(
            NullIf(F(f"{user}__name"), Value("")), F(f"{user}__email"), output_field=CharField()
        ),
        "trail_role": role,
        "trail_action": action,
        "trail_target_type": target_type,
        "trail_target_id": Cast(target_id, output_field=CharField()),
        "trail_changes": changes if changes is not None else Value(None, output_field=JSONField()),
        "trail_reason": reason if reason is not None else Value("", output_field=TextField()),
    }
