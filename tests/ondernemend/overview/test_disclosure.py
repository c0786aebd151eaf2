from hypothesis import given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st

from ondernemend.overview.disclosure import TOTAL, default_threshold, percentage, suppress

T = TOTAL


# --- Worked examples (threshold 10), each computed by hand --------------------------------------------------


def test_a_table_without_small_counts_gets_its_totals_and_nothing_hidden():
    table = {"Noord": {"a": 12, "b": 0}, "Oost": {"a": 15, "b": 20}}
    assert suppress(table) == {
        "Noord": {"a": 12, "b": 0, T: 12},
        "Oost": {"a": 15, "b": 20, T: 35},
        T: {"a": 27, "b": 20, T: 47},
    }


def test_missing_columns_count_as_zero_and_keep_the_order_of_first_appearance():
    table = {"Noord": {"b": 12}, "Oost": {"a": 15}}
    assert suppress(table) == {
        "Noord": {"b": 12, "a": 0, T: 12},
        "Oost": {"b": 0, "a": 15, T: 15},
        T: {"b": 12, "a": 15, T: 27},
    }


def test_one_small_cell_takes_a_rectangle_of_larger_cells_with_it():
    #            a    b    totaal
    # Noord      5   20     25
    # Oost      30   40     70
    # West      50   60    110
    # totaal    85  120    205
    # Primary: Noord/a (5). Row Noord then has one hidden cell: hide its smallest visible, Noord/b (20).
    # Column a has one hidden cell: smallest visible is Oost/a (30). Row Oost now has one: hide Oost/b (40,
    # smaller than its total 70). Every line now has 0 or 2 hidden cells; West and the totals stay visible.
    table = {"Noord": {"a": 5, "b": 20}, "Oost": {"a": 30, "b": 40}, "West": {"a": 50, "b": 60}}
    assert suppress(table) == {
        "Noord": {"a": None, "b": None, T: 25},
        "Oost": {"a": None, "b": None, T: 70},
        "West": {"a": 50, "b": 60, T: 110},
        T: {"a": 85, "b": 120, T: 205},
    }


def test_secondary_suppression_hides_a_zero_and_larger_cells_when_it_must():
    #            a    b    c   totaal
    # Noord      4    0   30     34
    # Oost      11   25   12     48
    # totaal    15   25   42     82
    # Primary: Noord/a (4).
    # Row Noord, one hidden: smallest visible is Noord/b = 0 -> hidden.
    # Column a, one hidden (Noord/a): smallest of Oost/a 11, totaal/a 15 -> Oost/a.
    # Row Oost, one hidden (a): smallest of b 25, c 12, totaal 48 -> Oost/c.
    # Column b, one hidden (Noord/b): Oost/b 25 ties with totaal/b 25; the first in order wins -> Oost/b.
    # Column c, one hidden (Oost/c): smallest of Noord/c 30, totaal/c 42 -> Noord/c.
    # Now rows Noord and Oost have 3 hidden cells, columns a, b, c have 2; the totals row and column none.
    table = {"Noord": {"a": 4, "b": 0, "c": 30}, "Oost": {"a": 11, "b": 25, "c": 12}}
    assert suppress(table) == {
        "Noord": {"a": None, "b": None, "c": None, T: 34},
        "Oost": {"a": None, "b": None, "c": None, T: 48},
        T: {"a": 15, "b": 25, "c": 42, T: 82},
    }


def test_small_totals_are_hidden_and_zeros_stay_visible_when_not_needed():
    #            a    b   totaal
    # Noord      0    3      3
    # Oost       0    4      4
    # totaal     0    7      7
    # Primary hides every non-zero figure (all below 10); each row and column then has 0, 2 or 3 hidden cells.
    table = {"Noord": {"a": 0, "b": 3}, "Oost": {"a": 0, "b": 4}}
    assert suppress(table) == {
        "Noord": {"a": 0, "b": None, T: None},
        "Oost": {"a": 0, "b": None, T: None},
        T: {"a": 0, "b": None, T: None},
    }


def test_a_table_of_one_row():
    #            a    b   totaal
    # Noord      5   20     25
    # totaal     5   20     25
    # Primary: Noord/a and totaal/a (both 5). Row Noord has one: hide Noord/b (20 < 25). The totals row has
    # one: hide totaal/b (20). Columns a and b now have 2 each; the grand total 25 is the true total.
    assert suppress({"Noord": {"a": 5, "b": 20}}) == {
        "Noord": {"a": None, "b": None, T: 25},
        T: {"a": None, "b": None, T: 25},
    }


def test_the_threshold_is_a_parameter():
    table = {"Noord": {"a": 5, "b": 20}, "Oost": {"a": 30, "b": 40}}
    assert suppress(table, threshold=5) == {
        "Noord": {"a": 5, "b": 20, T: 25},
        "Oost": {"a": 30, "b": 40, T: 70},
        T: {"a": 35, "b": 60, T: 95},
    }


def test_an_empty_table_has_only_a_grand_total_of_zero():
    assert suppress({}) == {T: {T: 0}}


def test_the_default_threshold_comes_from_the_settings(settings):
    assert default_threshold() == 10
    settings.OVERVIEW_SUPPRESSION_THRESHOLD = 5
    assert default_threshold() == 5


# --- Properties: the rules hold for any table -------------------------------------------------------------

ROWS = ["Centrum", "Noord", "Oost", "West", "Zuid", "Nieuw-West", "Zuidoost"]
COLUMNS = ["interesse", "intake", "sessie", "certificaat", 0, 1]
# Mostly small counts, so that primary and secondary suppression both have work to do.
COUNTS = st.one_of(st.integers(0, 12), st.integers(0, 300))
TABLES = st.dictionaries(
    st.sampled_from(ROWS), st.dictionaries(st.sampled_from(COLUMNS), COUNTS, max_size=5), max_size=6
)
THRESHOLDS = st.integers(1, 15)


def lines_of(result):
    rows, columns = list(result), list(result[T])
    yield from ([result[row][column] for column in columns] for row in rows)
    yield from ([result[row][column] for row in rows] for column in columns)


def true_counts(table):
    """The full table with true totals, computed independently of the module."""
    columns = list(dict.fromkeys(column for counts in table.values() for column in counts))
    full = {row: {column: counts.get(column, 0) for column in columns} for row, counts in table.items()}
    for counts in full.values():
        counts[T] = sum(counts.values())
    full[T] = {column: sum(full[row][column] for row in table) for column in [*columns, T]}
    return full


@hypothesis_settings(max_examples=300)
@given(TABLES, THRESHOLDS)
def test_no_visible_count_is_below_the_threshold(table, threshold):
    for counts in suppress(table, threshold).values():
        assert not any(count is not None and 0 < count < threshold for count in counts.values())


@hypothesis_settings(max_examples=300)
@given(TABLES, THRESHOLDS)
def test_no_row_or_column_has_exactly_one_hidden_cell(table, threshold):
    for line in lines_of(suppress(table, threshold)):
        assert sum(count is None for count in line) != 1


@hypothesis_settings(max_examples=300)
@given(TABLES, THRESHOLDS)
def test_every_visible_figure_is_the_true_figure(table, threshold):
    result, truth = suppress(table, threshold), true_counts(table)
    assert list(result) == list(truth)
    for row, counts in result.items():
        assert list(counts) == list(truth[row])
        for column, count in counts.items():
            assert count is None or count == truth[row][column]


@given(
    TABLES.map(lambda table: {row: {c: n * 10 for c, n in counts.items()} for row, counts in table.items()})
)
def test_nothing_is_hidden_when_every_count_is_zero_or_at_least_the_threshold(table):
    for counts in suppress(table, threshold=10).values():
        assert None not in counts.values()


@given(TABLES, THRESHOLDS)
def test_suppression_is_deterministic(table, threshold):
    assert suppress(table, threshold) == suppress(table, threshold)


# --- Percentages ------------------------------------------------------------------------------------------


def test_percentages_need_a_denominator_of_at_least_twenty():
    assert percentage(5, 20) == 25.0
    assert percentage(0, 40) == 0.0
    assert percentage(5, 19) is None
    assert percentage(30, 40, minimum_denominator=50) is None


def test_a_hidden_part_or_whole_gives_no_percentage():
    assert percentage(None, 40) is None
    assert percentage(5, None) is None
    assert percentage(0, 0, minimum_denominator=0) is None
