"""The growing wait after failed log-ins: a pure rule, without database or clock, so it is tested alone.

The same rule guards an account (whatever the address the guesses come from) and an address (whatever the
accounts it tries), each with its own number of free failures; ondernemend/accounts/lockout.py applies it.
"""

from dataclasses import dataclass
from datetime import timedelta

# 2**20 times a minute is far beyond any sensible longest wait; the cap keeps the power small.
_MAX_DOUBLINGS = 20


@dataclass(frozen=True)
class WaitRule:
    free_failures: int  # failures allowed before the first wait
    first_wait: timedelta  # the wait after the last free failure
    longest_wait: timedelta  # each further failure doubles the wait, up to this

    def wait_after(self, failures: int) -> timedelta:
        """How long to wait after the last of `failures` failed log-ins (0 while within the free ones).

        With 5 free failures, 1 minute first and 15 minutes longest: 5 → 1 minute, 6 → 2, 7 → 4, 8 → 8,
        9 and more → 15. Attempts refused during a wait are not counted, so the wait never grows while
        someone waits, and nobody is kept out longer than `longest_wait` after the last counted failure.
        """
        if failures < self.free_failures:
            return timedelta(0)
        doublings = min(failures - self.free_failures, _MAX_DOUBLINGS)
        return min(self.first_wait * 2**doublings, self.longest_wait)

    def remaining(self, failures: int, *, last_failure, now) -> timedelta:
        """The part of the wait still ahead at `now`; 0 when there is none (also without any failure)."""
        wait = self.wait_after(failures)
        if last_failure is None or not wait:
            return timedelta(0)
        return max(last_failure + wait - now, timedelta(0))
