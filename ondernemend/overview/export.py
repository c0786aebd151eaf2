"""The CSV file of what the overview page shows: the same tables, rows and hidden cells, in Dutch. Pure."""

import csv
import io
from collections.abc import Iterator

from django.utils.translation import gettext as _

from .presentation import Section

DELIMITER = ";"  # as the map's CSV export: Dutch spreadsheets read ";" without asking


def csv_lines(sections: list[Section], period_label: str, status: str) -> Iterator[str]:
    """A byte order mark and the header, then one line per figure shown (its table, row and column)."""
    yield "\ufeff" + _line([_("Period"), _("Figures"), _("Table"), _("Row"), _("Column"), _("Value")])
    for section in sections:
        for table in section.tables:
            for row in table.rows:
                for column, cell in zip(table.columns, row.cells, strict=True):
                    yield _line([period_label, status, table.caption, row.label, column, cell])


def _line(cells: list[str]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=DELIMITER, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()
