"""The growing wait after failed log-ins, as a pure rule (ondernemend/accounts/login_wait.py)."""

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from ondernemend.accounts.login_wait import WaitRule

RULE = WaitRule(free_failures=5, first_wait=timedelta(minutes=1), longest_wait=timedelta(minutes=15))
NOON = datetime(2026, 3, 2, 12, 0, tzinfo=UTC)


def test_wait_after_the_free_failures_is_none():
    assert [RULE.wait_after(failures) for failures in range(5)] == [timedelta(0)] * 5


def test_wait_after_more_failures_doubles_up_to_the_longest():
    waits = [RULE.wait_after(failures) for failures in range(5, 11)]

    assert waits == [timedelta(minutes=minutes) for minutes in (1, 2, 4, 8, 15, 15)]


def test_wait_after_a_huge_number_of_failures_is_the_longest():
    assert RULE.wait_after(10**9) == timedelta(minutes=15)


@given(st.integers(min_value=0, max_value=10_000))
def test_wait_after_any_number_of_failures_stays_within_the_longest(failures):
    assert timedelta(0) <= RULE.wait_after(failures) <= RULE.longest_wait


@given(st.integers(min_value=0, max_value=200))
def test_wait_after_one_more_failure_is_never_shorter(failures):
    assert RULE.wait_after(failures + 1) >= RULE.wait_after(failures)


def test_remaining_counts_from_the_last_failure():
    last = NOON - timedelta(seconds=90)

    assert RULE.remaining(6, last_failure=last, now=NOON) == timedelta(seconds=30)


def test_remaining_after_the_wait_is_over_is_zero():
    last = NOON - timedelta(minutes=16)

    assert RULE.remaining(40, last_failure=last, now=NOON) == timedelta(0)


def test_remaining_without_any_failure_is_zero():
    assert RULE.remaining(0, last_failure=None, now=NOON) == timedelta(0)
