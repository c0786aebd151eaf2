"""The CSV format of initiatives for export and import: reading, checking and writing rows. No database.

Format (the export writes it, the import reads it, so an export can be imported again unchanged):
- UTF-8 with a byte order mark, so that Excel recognises the encoding; the import accepts it with or without.
- Separated by semicolons: Excel with Dutch settings splits on `;` (the comma is the decimal sign there).
  The import also accepts commas when the header row has no semicolon.
- One header row with the column names in `COLUMNS`; codes of the vocabularies (kind, offers, for whom,
  languages, trust signals) as in `initiatives/enums.py`, several joined by `|`.
- Decimal coordinates with a point (a comma is accepted on import); `published` as `ja`/`nee`.
- `verified_at` is only informative: the import ignores it, saving a listing records the check itself.
- A cell that starts with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading `'` in the export, so
  that a spreadsheet does not run it as a formula (CSV injection); the import removes that `'` again.
"""

import csv
import io
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email, validate_slug
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from ondernemend.languages import Language

from .enums import Audience, InitiativeKind, Offer, TrustSignal
from .exceptions import CSVFileError
from .models import LATITUDE_RANGE, LONGITUDE_RANGE
from .postcodes import normalise_postcode

COLUMNS = (
    "slug",
    "name",
    "kind",
    "description",
    "offers",
    "for_whom",
    "languages",
    "trust_signals",
    "street",
    "postcode",
    "city",
    "latitude",
    "longitude",
    "district",
    "opening_hours",
    "email",
    "phone",
    "website",
    "published",
    "verified_at",
)
REQUIRED_COLUMNS = tuple(column for column in COLUMNS if column != "verified_at")
# The columns an import compares and writes; `verified_at` is recorded by saving, never read from a file.
COMPARED_COLUMNS = tuple(column for column in COLUMNS if column not in ("slug", "verified_at"))
DELIMITER = ";"
CODE_SEPARATOR = "|"
MAX_ROWS = 5000
FACET_COLUMNS = {"offers": Offer, "for_whom": Audience, "languages": Language, "trust_signals": TrustSignal}
COORDINATE_PLACES = Decimal("0.000001")
YES, NO = "ja", "nee"
TRUE_WORDS = {"ja", "j", "yes", "y", "true", "waar", "1"}
FALSE_WORDS = {"nee", "n", "no", "false", "onwaar", "0", ""}
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
MAX_LENGTHS = {
    "slug": 160,
    "name": 150,
    "description": 800,
    "street": 150,
    "postcode": 7,
    "city": 80,
    "opening_hours": 500,
    "email": 254,
    "phone": 30,
    "website": 200,
}
# Column names in plain words, for the messages.
COLUMN_LABELS = {
    "slug": gettext_noop("web address name (slug)"),
    "name": gettext_noop("name"),
    "kind": gettext_noop("kind"),
    "description": gettext_noop("description"),
    "offers": gettext_noop("what it offers"),
    "for_whom": gettext_noop("for whom"),
    "languages": gettext_noop("languages spoken"),
    "trust_signals": gettext_noop("trust signals"),
    "street": gettext_noop("street and house number"),
    "postcode": gettext_noop("postcode"),
    "city": gettext_noop("city"),
    "latitude": gettext_noop("latitude"),
    "longitude": gettext_noop("longitude"),
    "district": gettext_noop("district"),
    "opening_hours": gettext_noop("opening hours"),
    "email": gettext_noop("e-mail address"),
    "phone": gettext_noop("phone number"),
    "website": gettext_noop("website"),
    "published": gettext_noop("published"),
    "verified_at": gettext_noop("last checked"),
}


def column_label(column: str) -> str:
    return _(COLUMN_LABELS[column])


@dataclass
class ParsedRow:
    """One data row: `line` as a spreadsheet numbers it (the header is line 1), the cleaned values and
    every problem found. `values` has a key per column of `COMPARED_COLUMNS` plus `slug` (may be "")."""

    line: int
    values: dict = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)

    @property
    def is_valid(self) -> bool:
        return not self.problems


# --- Writing ----------------------------------------------------------------------------------------------


def protect_cell(value: str) -> str:
    return f"'{value}" if value.startswith(FORMULA_STARTS) else value


def unprotect_cell(value: str) -> str:
    return value[1:] if value.startswith("'") and value[1:].startswith(FORMULA_STARTS) else value


def format_value(column: str, value) -> str:
    if value is None:
        return ""
    if column in FACET_COLUMNS:
        return CODE_SEPARATOR.join(value)
    if column == "published":
        return YES if value else NO
    if column in ("latitude", "longitude"):
        return str(Decimal(value).quantize(COORDINATE_PLACES))
    if column == "verified_at":
        return value.isoformat(timespec="seconds")
    return str(value)


def format_row(values: dict) -> list[str]:
    """The cells of one row, in `COLUMNS` order, from values as `ParsedRow.values` holds them."""
    return [protect_cell(format_value(column, values.get(column))) for column in COLUMNS]


def header_line() -> str:
    return csv_line(list(COLUMNS))


def csv_line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()


def ordered_codes(enum, codes) -> tuple[str, ...]:
    """Codes in the order of their vocabulary, so that the same set always reads the same."""
    wanted = set(codes)
    return tuple(code for code in enum.values if code in wanted)


# --- Reading ----------------------------------------------------------------------------------------------


def decode(content: bytes) -> str:
    """The text of an uploaded file; UTF-8 with or without a byte order mark."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise CSVFileError(
            _(
                "The file is not a CSV file in UTF-8. In Excel, choose “Save as” and then “CSV UTF-8 "
                "(comma delimited)”."
            )
        ) from error
    if "\x00" in text:
        raise CSVFileError(_("The file is not a text file. Upload a CSV file."))
    return text


def read_rows(text: str) -> list[tuple[int, dict[str, str]]]:
    """(line, {column: cell}) for every data row that is not empty; raises CSVFileError for the whole file."""
    lines = text.splitlines()
    if not lines or not lines[0].strip():
        raise CSVFileError(_("The file is empty. The first row must hold the column names."))
    delimiter = DELIMITER if DELIMITER in lines[0] else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    try:
        header = [cell.strip().lower() for cell in next(reader)]
        missing = [column for column in REQUIRED_COLUMNS if column not in header]
        if missing:
            raise CSVFileError(
                _("These columns are missing from the first row: %(columns)s. Start from an export.")
                % {"columns": ", ".join(missing)}
            )
        duplicates = sorted({column for column in header if column and header.count(column) > 1})
        if duplicates:
            raise CSVFileError(
                _("These columns appear more than once: %(columns)s.") % {"columns": ", ".join(duplicates)}
            )
        rows = []
        for cells in reader:
            if not any(cell.strip() for cell in cells):
                continue
            if len(rows) >= MAX_ROWS:
                raise CSVFileError(
                    _("The file has more than %(count)s rows. Split it into smaller files.")
                    % {"count": MAX_ROWS}
                )
            row = {column: cell for column, cell in zip(header, cells, strict=False) if column in COLUMNS}
            rows.append((reader.line_num, row))
    except csv.Error as error:
        raise CSVFileError(
            _("The file cannot be read as CSV near line %(line)s. Check the quotation marks there.")
            % {"line": reader.line_num}
        ) from error
    if not rows:
        raise CSVFileError(_("The file has column names but no rows with initiatives."))
    return rows


def parse_row(line: int, raw: dict[str, str], *, district_slugs: set[str]) -> ParsedRow:
    """Check one row and clean its values; collects every problem instead of stopping at the first."""
    row = ParsedRow(line=line)
    cells = {column: unprotect_cell((raw.get(column) or "").strip()) for column in COLUMNS}
    problems = row.problems
    values = row.values

    for column, maximum in MAX_LENGTHS.items():
        if len(cells[column]) > maximum:
            problems.append(
                _("Too long: %(column)s may have at most %(maximum)s characters; this has %(length)s.")
                % {"column": column_label(column), "maximum": maximum, "length": len(cells[column])}
            )

    values["slug"] = cells["slug"]
    if cells["slug"]:
        try:
            validate_slug(cells["slug"])
        except ValidationError:
            problems.append(
                _("The web address name (slug) “%(slug)s” may only hold letters, digits, - and _.")
                % {"slug": cells["slug"]}
            )

    for column in ("name", "description", "street"):
        values[column] = cells[column]
        if not cells[column]:
            problems.append(_("Not filled in: %(column)s.") % {"column": column_label(column)})

    values["kind"] = cells["kind"]
    if not cells["kind"]:
        problems.append(_("The kind is missing. Use one of: %(codes)s.") % {"codes": _codes(InitiativeKind)})
    elif cells["kind"] not in InitiativeKind.values:
        problems.append(
            _("Unknown kind “%(code)s”. Use one of: %(codes)s.")
            % {"code": cells["kind"], "codes": _codes(InitiativeKind)}
        )

    for column, enum in FACET_COLUMNS.items():
        codes = [code.strip() for code in cells[column].split(CODE_SEPARATOR) if code.strip()]
        unknown = [code for code in codes if code not in enum.values]
        if unknown:
            problems.append(
                _("Unknown code in %(column)s: %(unknown)s. Use one of: %(codes)s.")
                % {"column": column_label(column), "unknown": ", ".join(unknown), "codes": _codes(enum)}
            )
        values[column] = ordered_codes(enum, codes)

    values["postcode"] = normalise_postcode(cells["postcode"]) or cells["postcode"]
    if not cells["postcode"]:
        problems.append(_("The postcode is missing."))
    elif normalise_postcode(cells["postcode"]) is None:
        problems.append(
            _("“%(postcode)s” is not a Dutch postcode: four digits and two letters, like 1012 AB.")
            % {"postcode": cells["postcode"]}
        )
    values["city"] = cells["city"] or "Amsterdam"

    latitude = _coordinate(cells["latitude"], "latitude", problems)
    longitude = _coordinate(cells["longitude"], "longitude", problems)
    values["latitude"], values["longitude"] = latitude, longitude
    if latitude is not None and longitude is not None and not _in_netherlands(latitude, longitude):
        problems.append(
            _(
                "The coordinates %(latitude)s, %(longitude)s lie outside the Netherlands. "
                "Check that latitude (about 52.37) and longitude (about 4.89) are not swapped."
            )
            % {"latitude": latitude, "longitude": longitude}
        )

    values["district"] = cells["district"].lower()
    if values["district"] and values["district"] not in district_slugs:
        problems.append(
            _("Unknown district “%(district)s”. Use one of: %(districts)s.")
            % {"district": cells["district"], "districts": ", ".join(sorted(district_slugs))}
        )

    values["opening_hours"] = cells["opening_hours"]
    values["phone"] = cells["phone"]
    values["email"] = cells["email"]
    if cells["email"]:
        try:
            validate_email(cells["email"])
        except ValidationError:
            problems.append(_("The e-mail address “%(email)s” is not valid.") % {"email": cells["email"]})
    values["website"] = cells["website"]
    if cells["website"]:
        try:
            URLValidator(schemes=["http", "https"])(cells["website"])
        except ValidationError:
            problems.append(
                _("The website “%(website)s” is not a web address that starts with https://.")
                % {"website": cells["website"]}
            )

    published = cells["published"].lower()
    values["published"] = published in TRUE_WORDS
    if published not in TRUE_WORDS | FALSE_WORDS:
        problems.append(
            _("Published must be “ja” or “nee”, not “%(value)s”.") % {"value": cells["published"]}
        )
    return row


def _codes(enum) -> str:
    return ", ".join(enum.values)


def _coordinate(cell: str, column: str, problems: list[str]) -> Decimal | None:
    if not cell:
        problems.append(_("Not filled in: %(column)s.") % {"column": column_label(column)})
        return None
    try:
        # Rounding fails for numbers too large for six decimals, like "1e400": that is no coordinate either.
        number = Decimal(cell.replace(",", ".")).quantize(COORDINATE_PLACES, rounding=ROUND_HALF_UP)
    except InvalidOperation:  # not a number, infinity, or far too large
        number = None
    if number is None or not number.is_finite():  # a quiet NaN survives rounding
        example = "52.373" if column == "latitude" else "4.893"
        problems.append(
            _("In %(column)s, “%(value)s” is not a number like %(example)s.")
            % {"column": column_label(column), "value": cell, "example": example}
        )
        return None
    return number


def _in_netherlands(latitude: Decimal, longitude: Decimal) -> bool:
    return (
        LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]
        and LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]
    )
