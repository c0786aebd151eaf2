"""Log-in limits on top of django-axes: a growing wait per account, whatever the address, and per address.

django-axes records every failed log-in (one `AccessAttempt` row per account, address and browser, with its
count and its last moment) and refuses a log-in while `LoginWaitHandler.is_locked` says so. Axes' own rule,
one count against one limit, cannot give an account and an address different limits, nor a wait that
grows; the handler below applies `WaitRule` (ondernemend/accounts/login_wait.py) to both instead:

- per account (the e-mail address tried, from any address): `LOGIN_FAILURES_PER_ACCOUNT` free failures,
  then a wait that starts at `LOGIN_FIRST_WAIT_MINUTES` and doubles with each further failure up to
  `LOGIN_LONGEST_WAIT_MINUTES`;
- per client address (across all accounts): the same, after `LOGIN_FAILURES_PER_ADDRESS` free failures.

During a wait even the right password is refused, and the refused attempt is not counted
(AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False), so an attacker cannot stretch the wait: the real
owner waits at most the longest wait after the attacker's last counted guess. A successful log-in forgets
the account's failures, and so does a new password by e-mail (`lift_login_wait`), which works at any moment.
Failures are forgotten altogether `AXES_COOLOFF_TIME` after the last one (docs/security.md, "Log-in").
"""

from dataclasses import dataclass
from datetime import timedelta

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Max, Sum
from django.shortcuts import render
from django.utils import timezone

from ondernemend.network import client_address

from .login_wait import WaitRule

# django-axes stores the name tried in a column of 255 characters; a longer one would fail the insert.
USERNAME_LENGTH = 255
ACCOUNT, ADDRESS = "account", "address"


def username_for_lockout(request, credentials=None) -> str | None:
    """The e-mail address tried, in lower case, so that "Ilse@…" and "ilse@…" count as one account.

    Django's log-in form sends it as `username` (settings.AXES_USERNAME_FORM_FIELD). Cut to the column's
    length: our log-in form refuses longer addresses, but the admin's log-in form does not check.
    """
    username = (credentials or {}).get("username")
    if username is None:
        username = getattr(request, "POST", {}).get("username")
    return username.strip().lower()[:USERNAME_LENGTH] if isinstance(username, str) else None


def client_address_for_lockout(request) -> str | None:
    """The client's address as ondernemend/network.py decides it (also behind a proxy), None if unknown."""
    return client_address(request) or None


def _rule(free_failures: int) -> WaitRule:
    """The growing wait from the settings; an account and an address differ only in the free failures."""
    return WaitRule(
        free_failures=free_failures,
        first_wait=timedelta(minutes=settings.LOGIN_FIRST_WAIT_MINUTES),
        longest_wait=timedelta(minutes=settings.LOGIN_LONGEST_WAIT_MINUTES),
    )


@dataclass(frozen=True)
class Wait:
    reason: str  # ACCOUNT or ADDRESS: whose failures make this wait
    remaining: timedelta
    failures: int


def current_wait(request, credentials=None) -> Wait | None:
    """The longest wait that applies to this log-in attempt now, or None when it may go ahead."""
    # The clock, not the request's start: the database stamps each failure when it saves it.
    now = timezone.now()
    remembered = AccessAttempt.objects.filter(attempt_time__gt=now - settings.AXES_COOLOFF_TIME)
    address = getattr(request, "axes_ip_address", None)
    checks = [(ADDRESS, _rule(settings.LOGIN_FAILURES_PER_ADDRESS), {"ip_address": address})]
    username = get_client_username(request, credentials)
    if username:
        checks.insert(0, (ACCOUNT, _rule(settings.LOGIN_FAILURES_PER_ACCOUNT), {"username": username}))
    waits = []
    for reason, rule, lookup in checks:
        if None in lookup.values():
            continue
        totals = remembered.filter(**lookup).aggregate(
            failures=Sum("failures_since_start"), last=Max("attempt_time")
        )
        failures = totals["failures"] or 0
        remaining = rule.remaining(failures, last_failure=totals["last"], now=now)
        if remaining:
            waits.append(Wait(reason, remaining, failures))
    return max(waits, key=lambda wait: wait.remaining, default=None)


class LoginWaitHandler(AxesDatabaseHandler):
    """django-axes' database handler with the growing waits above instead of its single limit."""

    def is_locked(self, request, credentials=None) -> bool:
        return current_wait(request, credentials) is not None

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        super().user_login_failed(sender, credentials, request, **kwargs)
        # The failure that starts a wait already answers with the waiting page (axes' middleware shows it).
        already = request is None or getattr(request, "axes_locked_out", False)
        if not already and self.is_locked(request, credentials):
            request.axes_locked_out = True
            request.axes_credentials = credentials

    def reset_user_attempts(self, request, credentials=None) -> int:
        """After a successful log-in, forget only this account's failures. Axes would also forget every
        failure from the address, so an attacker with an account of her own could wipe her guesses at
        other accounts by logging in to it."""
        username = get_client_username(request, credentials)
        return forget_failures(username) if username else 0


def forget_failures(username: str) -> int:
    """Delete the failed log-ins recorded for one account (from every address); how many rows went."""
    count, _ = AccessAttempt.objects.filter(username=username).delete()
    return count


def lift_login_wait(user) -> None:
    """Forget the account's failed log-ins, e.g. after a new password was set through the e-mail link: the
    guesses were at the old password, and the link proved that this is the owner."""
    forget_failures(username_for_lockout(None, {"username": user.get_username()}))


def lockout_response(request, _response=None, credentials=None):
    """The waiting page (AXES_LOCKOUT_CALLABLE): how long, why, and that a new password works at once."""
    wait = current_wait(request, credentials)
    context = {
        "wait": wait.remaining if wait else timedelta(minutes=settings.LOGIN_FIRST_WAIT_MINUTES),
        "reason": wait.reason if wait else ACCOUNT,
        "failures": wait.failures if wait else settings.LOGIN_FAILURES_PER_ACCOUNT,
    }
    return render(request, "accounts/locked_out.html", context, status=429)  # Too Many Requests
