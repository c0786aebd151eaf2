"""The phase of a call is derived from its dates and the two recorded moments (pure, no database)."""

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from challenge.enums import Phase
from challenge.phases import is_public, phase_of, reached

START = datetime(2027, 3, 1, 9, tzinfo=UTC)


def call(**moments):
    values = {
        "opens_at": START,
        "submission_deadline": START + timedelta(days=30),
        "review_ends_at": START + timedelta(days=50),
        "deliberation_ends_at": START + timedelta(days=60),
        "decided_at": None,
        "published_at": None,
    }
    return SimpleNamespace(**values | moments)


@pytest.mark.parametrize(
    ("moment", "phase"),
    [
        (START - timedelta(seconds=1), Phase.DRAFT),
        (START, Phase.OPEN),
        (START + timedelta(days=30) - timedelta(seconds=1), Phase.OPEN),
        (START + timedelta(days=30), Phase.REVIEW),
        (START + timedelta(days=50), Phase.DELIBERATION),
        (START + timedelta(days=90), Phase.DELIBERATION),
    ],
)
def test_phase_of_follows_the_dates(moment, phase):
    assert phase_of(call(), moment) == phase


def test_phase_of_a_decided_and_a_published_call():
    decided = call(decided_at=START + timedelta(days=55))
    published = call(decided_at=START + timedelta(days=55), published_at=START + timedelta(days=56))

    assert [
        phase_of(decided, START + timedelta(days=56)),
        phase_of(published, START + timedelta(days=57)),
    ] == [
        Phase.DECIDED,
        Phase.PUBLISHED,
    ]


def test_a_draft_call_is_not_public_and_reached_compares_phases():
    moment = START + timedelta(days=40)

    assert [is_public(call(), START - timedelta(days=1)), is_public(call(), moment)] == [False, True]
    assert [reached(call(), moment, Phase.OPEN), reached(call(), moment, Phase.DELIBERATION)] == [True, False]
