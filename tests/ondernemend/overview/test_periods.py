from datetime import date

from ondernemend.overview.periods import Period, period_choices


def test_parse_reads_a_quarter_and_a_year():
    assert Period.parse("2026-Q3") == Period(2026, 3)
    assert Period.parse("2026") == Period(2026)
    assert Period.parse("2026-Q5") is None
    assert Period.parse("") is None


def test_a_quarter_runs_from_its_first_to_its_last_day():
    assert (Period(2026, 3).first_day, Period(2026, 3).last_day) == (date(2026, 7, 1), date(2026, 9, 30))
    assert (Period(2026, 4).first_day, Period(2026, 4).last_day) == (date(2026, 10, 1), date(2026, 12, 31))
    assert (Period(2026).first_day, Period(2026).last_day) == (date(2026, 1, 1), date(2026, 12, 31))


def test_period_choices_offer_this_year_with_the_quarters_begun_so_far():
    keys = [period.key for period in period_choices(date(2026, 5, 2))]

    assert keys[:4] == ["2026", "2026-Q2", "2026-Q1", "2025"]
    assert len(keys) == 3 + 5 + 5
