"""Export and import of initiatives: the database side of the CSV format in `csv_format.py`.

An import is planned first (a dry run that writes nothing) and then applied in one transaction, only when
every row of the plan is valid; applying plans again, so that a change since the preview is not missed.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from enum import StrEnum

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Prefetch
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _

from ondernemend.audit.services import record_change
from ondernemend.districts.geometry import district_for_point, prepare_geometry
from ondernemend.districts.models import District

from . import csv_format
from .csv_format import FACET_COLUMNS, ParsedRow
from .exceptions import ImportNotValid
from .models import Facet, FacetKind, Initiative
from .services import save_place

# CSV column → (Initiative M2M field, Facet kind).
FACET_FIELDS = {
    "offers": ("offers", FacetKind.OFFER),
    "for_whom": ("audiences", FacetKind.AUDIENCE),
    "languages": ("languages", FacetKind.LANGUAGE),
    "trust_signals": ("trust_signals", FacetKind.TRUST),
}
PLAIN_FIELDS = (
    "name",
    "kind",
    "description",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "opening_hours",
    "email",
    "phone",
    "website",
    "published",
)
EXPORT_CHUNK_SIZE = 2000


# --- Export -----------------------------------------------------------------------------------------------


def export_queryset():
    """All initiatives with what the export shows; a fixed number of queries per chunk of rows."""
    facets = Facet.objects.only("kind", "code")
    return (
        Initiative.objects.select_related("district")
        .prefetch_related(*(Prefetch(name, queryset=facets) for name, _kind in FACET_FIELDS.values()))
        .order_by("name", "pk")
    )


def initiative_values(initiative: Initiative) -> dict:
    """An initiative as the values of one CSV row (prefetched facets are used as they are)."""
    values = {name: getattr(initiative, name) for name in PLAIN_FIELDS}
    for column, (name, _kind) in FACET_FIELDS.items():
        codes = [facet.code for facet in getattr(initiative, name).all()]
        values[column] = csv_format.ordered_codes(FACET_COLUMNS[column], codes)
    values["slug"] = initiative.slug
    values["district"] = initiative.district.slug
    values["verified_at"] = initiative.verified_at
    return values


def export_csv_lines() -> Iterator[str]:
    """The CSV file as lines: a byte order mark and the header, then one line per initiative."""
    yield "\ufeff" + csv_format.header_line()
    for initiative in export_queryset().iterator(chunk_size=EXPORT_CHUNK_SIZE):
        yield csv_format.csv_line(csv_format.format_row(initiative_values(initiative)))


def export_geojson() -> dict:
    """All initiatives as an RFC 7946 FeatureCollection with every column of the CSV as properties."""
    features = []
    for initiative in export_queryset():
        values = initiative_values(initiative)
        properties = {
            column: csv_format.format_value(column, values[column]) for column in csv_format.COLUMNS
        }
        for column in FACET_COLUMNS:
            properties[column] = list(values[column])
        properties["published"] = values["published"]
        properties["latitude"] = float(values["latitude"])
        properties["longitude"] = float(values["longitude"])
        properties["verified_at"] = values["verified_at"].isoformat() if values["verified_at"] else None
        properties["url"] = settings.SITE_URL + reverse(
            "initiatives:detail", kwargs={"slug": initiative.slug}
        )
        features.append(
            {
                "type": "Feature",
                "id": initiative.slug,
                "geometry": {
                    "type": "Point",
                    "coordinates": [properties["longitude"], properties["latitude"]],
                },
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- Import -----------------------------------------------------------------------------------------------


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    REJECT = "reject"


@dataclass
class PlannedRow:
    row: ParsedRow
    action: Action
    slug: str
    district: str = ""  # the slug the listing will have
    changes: list[str] = field(default_factory=list)  # column labels that change (for an update)
    notes: list[str] = field(default_factory=list)  # what the import decides by itself, not a problem

    @property
    def name(self) -> str:
        return self.row.values.get("name", "")


@dataclass
class ImportPlan:
    rows: list[PlannedRow]

    @property
    def is_valid(self) -> bool:
        return all(row.action != Action.REJECT for row in self.rows)

    def count(self, action: Action) -> int:
        return sum(1 for row in self.rows if row.action == action)

    @property
    def counts(self) -> dict[str, int]:
        return {action.value: self.count(action) for action in Action}


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def plan_import(text: str) -> ImportPlan:
    """What importing this CSV text would do, row by row; writes nothing. Raises CSVFileError for the file.

    A fixed number of queries, however many rows: districts, then the initiatives named by slug.
    """
    raw_rows = csv_format.read_rows(text)
    districts = {district.slug: district for district in District.objects.all()}
    shapes = [(slug, prepare_geometry(d.boundary)) for slug, d in districts.items() if d.boundary]
    parsed = [csv_format.parse_row(line, raw, district_slugs=set(districts)) for line, raw in raw_rows]
    slugs = {row.values["slug"] or slugify(row.values["name"])[:160] for row in parsed}
    existing = {initiative.slug: initiative for initiative in export_queryset().filter(slug__in=slugs)}

    planned, first_line_of_slug = [], {}
    for row in parsed:
        slug = row.values["slug"] or slugify(row.values["name"])[:160]
        item = PlannedRow(row=row, action=Action.REJECT, slug=slug)
        planned.append(item)
        if slug in first_line_of_slug:
            row.problems.append(
                _("Row %(line)s has the same web address name (slug) “%(slug)s”. Each initiative once.")
                % {"line": first_line_of_slug[slug], "slug": slug}
            )
        elif slug:
            first_line_of_slug[slug] = row.line
        elif row.values["name"]:
            row.problems.append(_("Fill in a web address name (slug): it cannot be made from this name."))
        if not row.values["slug"] and slug in existing:
            row.problems.append(
                _(
                    "An initiative with the web address name (slug) “%(slug)s” already exists. To change it, "
                    "fill in %(slug)s in the slug column; for a new one, choose another slug."
                )
                % {"slug": slug}
            )
        if row.values["latitude"] is not None and row.values["longitude"] is not None and not row.problems:
            found = district_for_point(float(row.values["latitude"]), float(row.values["longitude"]), shapes)
            item.district = _district_decision(row, found, districts)
        if row.problems:
            continue
        current = existing.get(slug)
        if current is None:
            item.action = Action.CREATE
            continue
        wanted = {**row.values, "district": item.district}
        now = initiative_values(current)
        item.changes = [
            csv_format.column_label(column)
            for column in csv_format.COMPARED_COLUMNS
            if wanted[column] != now[column]
        ]
        item.action = Action.UPDATE if item.changes else Action.UNCHANGED
    for item in planned:
        if item.row.problems:
            item.action = Action.REJECT
    return ImportPlan(rows=planned)


def _district_decision(row: ParsedRow, found: str | None, districts: dict[str, District]) -> str:
    """The district a row's listing gets: the boundary that holds its point wins over the column."""
    given = row.values["district"]
    if found is None:
        if not given:
            row.problems.append(
                _("No district: the point lies in no known district boundary. Fill in the district column.")
            )
        return given
    if given and given != found:
        row.notes.append(
            _("The point lies in %(found)s, not in %(given)s: the district becomes %(found)s.")
            % {"found": districts[found].name, "given": districts[given].name}
        )
    return found


@transaction.atomic
def apply_import(text: str, *, by) -> ImportPlan:
    """Plan again and write every created or changed initiative in one transaction; nothing when any row is
    rejected (ImportNotValid carries the plan). Unchanged rows are left alone. `by` is the coördinator."""
    plan = plan_import(text)
    if not plan.is_valid:
        raise ImportNotValid(plan)
    districts = {district.slug: district for district in District.objects.all()}
    facets = {(facet.kind, facet.code): facet for facet in Facet.objects.all()}
    slugs = [item.slug for item in plan.rows if item.action == Action.UPDATE]
    existing = {initiative.slug: initiative for initiative in Initiative.objects.filter(slug__in=slugs)}
    for item in plan.rows:
        if item.action not in (Action.CREATE, Action.UPDATE):
            continue
        initiative = existing.get(item.slug) or Initiative(slug=item.slug)
        for name in PLAIN_FIELDS:
            setattr(initiative, name, item.row.values[name])
        initiative.district = districts[item.district]
        chosen = {
            name: [facets[(kind, code)] for code in item.row.values[column]]
            for column, (name, kind) in FACET_FIELDS.items()
        }
        try:
            save_place(initiative, facets=chosen)
        except ValidationError as error:
            # A rule of the model that the row check does not know; reported on the row, nothing is kept.
            item.action = Action.REJECT
            item.row.problems.extend(
                message for messages in error.message_dict.values() for message in messages
            )
            raise ImportNotValid(plan) from error
    # One entry for the whole import: its target is the initiatives table itself (their content type).
    record_change(
        by=by,
        action="initiative.imported",
        target=ContentType.objects.get_for_model(Initiative),
        changes={
            action.value: plan.count(action) for action in (Action.CREATE, Action.UPDATE, Action.UNCHANGED)
        },
    )
    return plan
