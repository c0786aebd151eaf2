"""Writing the audit log: one entry per change a service makes, with who made it and in which role.

Services that take `by` (the acting user) call `record_change` inside their transaction, so an entry exists
exactly when the change does. Entries are never updated or deleted by the application.

Privacy: for targets registered as personal data (`masking.register_personal_app`, done by the workshops app
for its participant models) only the NAMES of the changed fields are kept — each maps to `None` — never
their values. Keep personal data out of `action` as well: it is a fixed slug such as "initiative.updated".
"""

import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime, time
from decimal import Decimal
from enum import Enum
from typing import Any
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.db.models import Manager, Model

from ondernemend.accounts.roles import acting_role

from .masking import is_personal
from .models import AuditEntry

ACTION_PATTERN = re.compile(r"[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)+")
SYSTEM = "system"
PARTICIPANT = "participant"


def record_change(
    *,
    by,
    action: str,
    target: Model,
    changes: Mapping[str, Any] | None = None,
    role: str | None = None,
) -> AuditEntry:
    """Record that `by` did `action` to `target`; `changes` maps field names to `[old, new]` (see below).

    `by` is None when no account acted: the participant herself (`role=PARTICIPANT`) or the system (the
    default). With a user, `role` defaults to the user's acting role and is stored as text, so the entry
    still says who acted after the account is gone. `changed_fields` builds `changes` from two snapshots.
    """
    if not ACTION_PATTERN.fullmatch(action):
        raise ValueError(
            f"An audit action is a dotted lower-case slug such as 'initiative.updated': {action!r}"
        )
    if target.pk is None:
        raise ValueError("An audit entry needs a saved target.")
    if role is None:
        role = acting_role(by) if by is not None else SYSTEM
    changes = dict(changes or {})
    if is_personal(target):
        changes = dict.fromkeys(sorted(changes))
    return AuditEntry.objects.create(
        user=by,
        role=role,
        action=action,
        target_type=ContentType.objects.get_for_model(target),
        target_id=str(target.pk),
        changes=changes,
    )


def snapshot(instance: Model, fields: Iterable[str]) -> dict[str, Any]:
    """The JSON-ready values of `fields` on `instance` now, to compare with `changed_fields` after a save."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def changed_fields(
    before: Mapping[str, Any] | Model, after: Mapping[str, Any] | Model, fields: Iterable[str]
) -> dict[str, list]:
    """`{"field": [old, new]}` for each of `fields` whose value differs; either side a snapshot or a model."""
    old, new = (side if isinstance(side, Mapping) else snapshot(side, fields) for side in (before, after))
    changes = {}
    for name in fields:
        old_value, new_value = _plain(old.get(name)), _plain(new.get(name))
        if old_value != new_value:
            changes[name] = [old_value, new_value]
    return changes


def _plain(value):
    """A value as it will read back from the JSON column, so that comparing two snapshots is meaningful."""
    if isinstance(value, Model):
        return value.pk
    if isinstance(value, Manager):  # a many-to-many field: the set of related keys
        return sorted(value.values_list("pk", flat=True))
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal | UUID):
        return str(value)
    if isinstance(value, set | frozenset):
        return sorted(_plain(item) for item in value)
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    return value


def record_trail_export(*, by, filters: Mapping[str, str]) -> AuditEntry:
    """Note that `by` downloaded the trail, with the filters used: the data then leaves the platform.

    Reading the trail on the page is not recorded (it shows nothing the log does not already hold, and a
    log of every look at the log would bury the changes it is for); downloading is.
    """
    return record_change(
        by=by, action="audit.exported", target=by, changes={"filters": [None, dict(sorted(filters.items()))]}
    )
