from datetime import UTC, datetime

from ondernemend.dates import months_before


def moment(year, month, day):
    return datetime(year, month, day, 12, tzinfo=UTC)


def test_months_before_clamps_to_the_end_of_a_shorter_month():
    assert months_before(moment(2025, 3, 31), 1) == moment(2025, 2, 28)
    assert months_before(moment(2025, 1, 15), 12) == moment(2024, 1, 15)
