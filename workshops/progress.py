"""A participant's progress in a series and the certificate rule: pure calculation, no database.

The rules (DESIGN.md §3.2): present and late count as attended; excused is not absent (and not attended);
a cancelled session never counts, neither as held nor as planned. A session is "held" once it has started.
A held session without a recorded status is counted as not recorded, never silently as present.
"""

import datetime
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from .enums import ATTENDED_STATUSES, AttendanceStatus


@dataclass(frozen=True)
class PlannedSession:
    key: int
    starts_at: datetime.datetime
    cancelled: bool = False


@dataclass(frozen=True)
class Progress:
    planned: int  # sessions that are not cancelled
    held: int  # of those, the ones that have started by now
    attended: int  # present or late
    excused: int
    absent: int
    not_recorded: int  # held sessions without a status
    min_sessions: int

    @property
    def percent_of_held(self) -> int | None:
        return _percent(self.attended, self.held)

    @property
    def percent_of_planned(self) -> int | None:
        return _percent(self.attended, self.planned)

    @property
    def rule_met(self) -> bool:
        return self.attended >= self.min_sessions

    @property
    def still_possible(self) -> bool:
        """Whether the rule can still be met with the sessions that are left."""
        return self.attended + (self.planned - self.held) >= self.min_sessions


def _percent(part: int, whole: int) -> int | None:
    if whole == 0:
        return None
    return round(100 * part / whole)


def calculate_progress(
    sessions: Iterable[PlannedSession],
    statuses: Mapping[int, str],
    *,
    now: datetime.datetime,
    min_sessions: int,
) -> Progress:
    """`statuses` maps a session's key to its AttendanceStatus; sessions not in it have no record."""
    planned = held = attended = excused = absent = not_recorded = 0
    for session in sessions:
        if session.cancelled:
            continue
        planned += 1
        if session.starts_at > now:
            continue  # a status noted ahead of time (excused) only counts once the session is held
        held += 1
        status = statuses.get(session.key)
        if status in ATTENDED_STATUSES:
            attended += 1
        elif status == AttendanceStatus.EXCUSED:
            excused += 1
        elif status == AttendanceStatus.ABSENT:
            absent += 1
        else:
            not_recorded += 1
    return Progress(
        planned=planned,
        held=held,
        attended=attended,
        excused=excused,
        absent=absent,
        not_recorded=not_recorded,
        min_sessions=min_sessions,
    )
