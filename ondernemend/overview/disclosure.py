"""Disclosure control for the staff overview: pure functions, no database.

Every figure the overview shows about people passes through `suppress`, so that no published table lets a
reader single out a participant. The rules, in order:

1. Primary suppression. Every count from 1 to `threshold - 1` is hidden (`None`), the totals included: a
   small group is recognisable, whichever cell it sits in. Zero stays visible ("nobody") because it says
   nothing about a person, unless rule 2 needs it.
2. Secondary suppression. A row or column whose total is shown gives away a single hidden cell by
   subtraction (total minus the visible cells). So while some row or column of the table, its totals
   included, has exactly one hidden cell, the smallest visible cell of that line is hidden as well (ties go
   to the first cell in row and column order, so the outcome is deterministic). Smallest first costs the
   reader the least information; since counts are never negative, a line's total is never smaller than its
   cells, so totals are hidden last. This may hide a zero or a count far above the threshold.
3. Visible totals are the true totals of the data as given, never sums of what is left visible, and a table
   without small counts comes back with nothing hidden (rule 2 only ever starts from a rule-1 cell).

Percentages are shown only over a denominator of at least 20 (`percentage`): a share of a small group is as
telling as the count itself.
"""

from collections.abc import Hashable, Mapping

from django.conf import settings

TOTAL = "totaal"
DEFAULT_THRESHOLD = 10
MINIMUM_DENOMINATOR = 20

type Table = Mapping[Hashable, Mapping[Hashable, int]]
type SuppressedTable = dict[Hashable, dict[Hashable, int | None]]
type Cell = tuple[Hashable, Hashable]


def default_threshold() -> int:
    """The suppression threshold this installation uses (setting OVERVIEW_SUPPRESSION_THRESHOLD)."""
    return getattr(settings, "OVERVIEW_SUPPRESSION_THRESHOLD", DEFAULT_THRESHOLD)


def suppress(table: Table, threshold: int = DEFAULT_THRESHOLD) -> SuppressedTable:
    """The table with totals added and its small counts hidden, by the rules of the module docstring.

    `table` maps each row to its counts per column; a row may leave out columns, which count as 0. The result
    has the rows in the given order followed by "totaal", and every row has the columns in order of first
    appearance followed by "totaal". A hidden count is None.
    """
    if threshold < 1:
        raise ValueError("The suppression threshold must be at least 1.")
    rows = list(table)
    columns = list(dict.fromkeys(column for row in rows for column in table[row]))
    if TOTAL in rows or TOTAL in columns:
        raise ValueError(f"{TOTAL!r} is reserved for the totals.")
    for row in rows:
        for column, count in table[row].items():
            if isinstance(count, bool) or not isinstance(count, int) or count < 0:
                raise ValueError(f"Count {count!r} at ({row!r}, {column!r}) is not a whole number ≥ 0.")

    counts = _with_totals(table, rows, columns)
    all_rows, all_columns = [*rows, TOTAL], [*columns, TOTAL]
    hidden = {cell for cell, count in counts.items() if 0 < count < threshold}
    lines = [[(row, column) for column in all_columns] for row in all_rows]
    lines += [[(row, column) for row in all_rows] for column in all_columns]
    _hide_until_no_line_has_one_hidden_cell(counts, hidden, lines)
    return {
        row: {column: None if (row, column) in hidden else counts[row, column] for column in all_columns}
        for row in all_rows
    }


def percentage(
    part: int | None, whole: int | None, minimum_denominator: int = MINIMUM_DENOMINATOR
) -> float | None:
    """`part` as a percentage (0–100) of `whole`, or None when the whole is too small to show a share of.

    Pass figures that have been through `suppress`: a hidden part or whole gives no percentage, since a
    share of a visible total would give the hidden count back.
    """
    if part is None or whole is None or whole < minimum_denominator or whole <= 0:
        return None
    return 100 * part / whole


def _with_totals(table: Table, rows: list, columns: list) -> dict[Cell, int]:
    counts = {(row, column): table[row].get(column, 0) for row in rows for column in columns}
    for row in rows:
        counts[row, TOTAL] = sum(counts[row, column] for column in columns)
    for column in [*columns, TOTAL]:
        counts[TOTAL, column] = sum(counts[row, column] for row in rows)
    return counts


def _hide_until_no_line_has_one_hidden_cell(
    counts: dict[Cell, int], hidden: set[Cell], lines: list[list[Cell]]
) -> None:
    """Secondary suppression, in place: each pass fixes the first line (rows, then columns) with a lone
    hidden cell by hiding its smallest visible cell, until no such line is left."""
    while True:
        lone = next((line for line in lines if sum(cell in hidden for cell in line) == 1), None)
        if lone is None:
            return
        # A line with one hidden cell always has a visible one: every line has at least two cells once
        # anything is hidden (a hidden count is > 0, so its row has a column and a total).
        visible = [cell for cell in lone if cell not in hidden]
        hidden.add(min(visible, key=lambda cell: counts[cell]))
