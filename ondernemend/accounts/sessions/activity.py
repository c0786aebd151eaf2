"""The moment of a staff session's last request, kept in the session itself (server-side, so a client
cannot move it), and the rule for when the session has been idle too long."""

import time

LAST_ACTIVITY = "op_last_activity"  # seconds since the epoch of the last request in this session
# Writing the moment on every request would save the session on every request; once a minute is precise
# enough for a limit of half an hour.
STAMP_EVERY_SECONDS = 60


def is_idle(last_activity: int | None, *, now: float, idle_minutes: int) -> bool:
    """Whether a session last used at `last_activity` has been idle too long at `now` (None: never used)."""
    return last_activity is not None and now - last_activity > idle_minutes * 60


def mark_staff_session(session) -> None:
    """The cookie ends when the browser closes (no expiry), and the idle time counts from now."""
    session.set_expiry(0)
    session[LAST_ACTIVITY] = int(time.time())
