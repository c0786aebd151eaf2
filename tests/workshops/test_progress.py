import datetime

from hypothesis import given
from hypothesis import strategies as st

from workshops.enums import AttendanceStatus
from workshops.progress import PlannedSession, calculate_progress

NOW = datetime.datetime(2026, 3, 1, 12, 0, tzinfo=datetime.UTC)
WEEK = datetime.timedelta(weeks=1)


def weekly(count, *, held, cancelled=()):
    """`count` sessions a week apart, of which the first `held` have started by NOW."""
    first = NOW - held * WEEK + datetime.timedelta(hours=1)
    return [
        PlannedSession(key=n, starts_at=first + (n - 1) * WEEK, cancelled=n in cancelled)
        for n in range(1, count + 1)
    ]


def test_progress_counts_late_as_attended_and_excused_not_as_absent():
    statuses = {1: AttendanceStatus.PRESENT, 2: AttendanceStatus.LATE, 3: AttendanceStatus.EXCUSED}

    progress = calculate_progress(weekly(5, held=3), statuses, now=NOW, min_sessions=4)

    assert (progress.planned, progress.held, progress.attended, progress.excused, progress.absent) == (
        5,
        3,
        2,
        1,
        0,
    )
    assert (progress.percent_of_held, progress.percent_of_planned) == (67, 40)
    assert (progress.rule_met, progress.still_possible) == (False, True)


def test_progress_rule_met_at_four_of_five():
    statuses = dict.fromkeys([1, 2, 3, 4], AttendanceStatus.PRESENT) | {5: AttendanceStatus.ABSENT}

    progress = calculate_progress(weekly(5, held=5), statuses, now=NOW, min_sessions=4)

    assert (progress.attended, progress.absent, progress.percent_of_held, progress.rule_met) == (
        4,
        1,
        80,
        True,
    )


def test_progress_ignores_cancelled_sessions_even_with_a_status():
    statuses = {1: AttendanceStatus.PRESENT, 2: AttendanceStatus.PRESENT, 3: AttendanceStatus.PRESENT}

    progress = calculate_progress(weekly(5, held=3, cancelled={2}), statuses, now=NOW, min_sessions=4)

    assert (progress.planned, progress.held, progress.attended) == (4, 2, 2)
    assert (progress.percent_of_held, progress.percent_of_planned) == (100, 50)


def test_progress_before_the_first_session_has_no_held_percentage():
    progress = calculate_progress(weekly(5, held=0), {}, now=NOW, min_sessions=4)

    assert (progress.held, progress.percent_of_held, progress.percent_of_planned) == (0, None, 0)


def test_progress_counts_held_sessions_without_status_as_not_recorded():
    progress = calculate_progress(weekly(5, held=2), {1: AttendanceStatus.PRESENT}, now=NOW, min_sessions=1)

    assert (progress.attended, progress.not_recorded, progress.rule_met) == (1, 1, True)


def test_progress_rule_no_longer_possible():
    statuses = dict.fromkeys([1, 2, 3], AttendanceStatus.ABSENT)

    progress = calculate_progress(weekly(5, held=3), statuses, now=NOW, min_sessions=4)

    assert (progress.rule_met, progress.still_possible) == (False, False)


sessions_and_statuses = st.integers(min_value=0, max_value=10).flatmap(
    lambda count: st.tuples(
        st.integers(min_value=0, max_value=count),
        st.sets(st.integers(min_value=1, max_value=count)) if count else st.just(set()),
        st.dictionaries(
            st.integers(min_value=1, max_value=max(count, 1)), st.sampled_from(list(AttendanceStatus))
        ),
        st.just(count),
    )
)


@given(sessions_and_statuses, st.integers(min_value=1, max_value=10))
def test_progress_invariants(case, min_sessions):
    held, cancelled, statuses, count = case

    progress = calculate_progress(
        weekly(count, held=held, cancelled=cancelled), statuses, now=NOW, min_sessions=min_sessions
    )

    assert progress.planned == count - len(cancelled)
    assert 0 <= progress.attended <= progress.held <= progress.planned
    assert progress.attended + progress.excused + progress.absent + progress.not_recorded == progress.held
    assert progress.rule_met == (progress.attended >= min_sessions)
    if progress.held:
        assert 0 <= progress.percent_of_held <= 100
        assert progress.percent_of_planned <= progress.percent_of_held
    if progress.rule_met:
        assert progress.still_possible
