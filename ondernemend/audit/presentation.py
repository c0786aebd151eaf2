"""One row of the trail as the page and the CSV show it: the same words and the same masking for both. No DB.

Masking is decided here as well as when an entry is written: for a target that is personal data (see
`masking`), for a model that no longer exists, and for every row of another log (the participants' access
log), only the names of changed fields are shown, never a value — even if an old entry held one. An
object is named by its kind and number only ("Deelnemer #12"), never by a name.
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from django.db.models import Model
from django.utils import timezone
from django.utils.text import capfirst
from django.utils.translation import gettext as _

from .labels import action_label, trail_role_label
from .masking import is_personal
from .queries import AUDIT
from .services import PARTICIPANT, SYSTEM

DELIMITER = ";"  # as the other CSV exports: Dutch spreadsheets read ";" without asking
# A cell a spreadsheet would run as a formula (CSV injection) gets a leading "'", as in the map's export.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Change:
    field: str
    old: str | None = None  # None for both: masked, only the field's name is shown
    new: str | None = None

    @property
    def masked(self) -> bool:
        return self.old is None and self.new is None

    def as_text(self) -> str:
        return self.field if self.masked else f"{self.field}: {self.old} → {self.new}"


@dataclass(frozen=True)
class TrailRow:
    at: datetime
    account: str
    role: str
    action: str
    action_code: str
    target: str
    changes: tuple[Change, ...]
    reason: str


def trail_row(row: Mapping, extra_action_labels: Mapping[str, str] | None = None) -> TrailRow:
    """A row of `queries.trail()` (a dictionary of the trail's columns) in words."""
    model = _model(row["trail_target_type"])
    kind_label = capfirst(model._meta.verbose_name) if model else row["trail_target_type"]
    masked = row["trail_kind"] != AUDIT or model is None or is_personal(model)
    return TrailRow(
        at=row["trail_at"],
        account=_account(row),
        role=trail_role_label(row["trail_role"]),
        action=action_label(row["trail_action"], extra_action_labels),
        action_code=row["trail_action"],
        target=f"{kind_label} #{row['trail_target_id']}",
        changes=_changes(row["trail_changes"], model, masked=masked),
        reason=row["trail_reason"] or "",
    )


def _model(target_type: str) -> type[Model] | None:
    try:
        return apps.get_model(target_type)
    except (LookupError, ValueError):
        return None


def _account(row: Mapping) -> str:
    if row["trail_user_id"] is not None:
        return row["trail_user_name"]
    if row["trail_role"] in (SYSTEM, PARTICIPANT):
        return ""  # no account acted; the role says who
    return _("Account removed")


def _changes(changes, model: type[Model] | None, *, masked: bool) -> tuple[Change, ...]:
    if not isinstance(changes, Mapping):
        return ()
    if masked:
        return tuple(Change(_field_label(model, name)) for name in sorted(changes))
    result = []
    for name, values in changes.items():
        old, new = values if isinstance(values, list | tuple) and len(values) == 2 else (None, values)
        result.append(Change(_field_label(model, name), _value_text(old), _value_text(new)))
    return tuple(result)


def _field_label(model: type[Model] | None, name: str) -> str:
    if model is None:
        return name
    try:
        return str(model._meta.get_field(name).verbose_name)
    except (FieldDoesNotExist, AttributeError):  # a reverse relation has no verbose name
        return name


def _value_text(value) -> str:
    if value is None or value == "" or value == []:
        return "–"
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    if isinstance(value, list):
        return ", ".join(_value_text(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True)
    return str(value)


def when_text(at: datetime) -> str:
    return timezone.localtime(at).strftime("%Y-%m-%d %H:%M")


def csv_lines(rows: Iterable[TrailRow]) -> Iterator[str]:
    """A byte order mark and the header, then one line per row, as the page shows it."""
    headings = [_("When"), _("Account"), _("Role"), _("What happened"), _("Action code"), _("Object")]
    yield "\ufeff" + _line([*headings, _("Changed fields"), _("Reason")])
    for row in rows:
        changes = "; ".join(change.as_text() for change in row.changes)
        cells = [when_text(row.at), row.account, row.role, row.action, row.action_code, row.target]
        yield _line([*cells, changes, row.reason])


def _line(cells: list[str]) -> str:
    buffer = io.StringIO()
    safe = [f"'{cell}" if cell.startswith(FORMULA_STARTS) else cell for cell in cells]
    csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n").writerow(safe)
    return buffer.getvalue()
