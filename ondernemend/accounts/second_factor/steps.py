"""Which second-factor step a session is at, and the address of that step (keeping where it was going)."""

from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse

from . import queries
from .policy import may_skip_in_demo, needs_second_factor

# Set by the demo skip (views.SkipView); only honoured while DEBUG is on and the account is a demo account.
DEMO_SKIP_SESSION_KEY = "second_factor_demo_skip"


def skipped_in_demo(request) -> bool:
    return bool(request.session.get(DEMO_SKIP_SESSION_KEY)) and may_skip_in_demo(
        email=request.user.email, debug=settings.DEBUG
    )


def has_passed(request) -> bool:
    """Whether this session may use the site: no second factor needed, or it was passed (or skipped)."""
    user = request.user
    if not needs_second_factor(user):
        return True
    is_verified = getattr(user, "is_verified", None)  # installed by django-otp's OTPMiddleware
    return bool(is_verified and is_verified()) or skipped_in_demo(request)


def with_next(url: str, next_url: str = "") -> str:
    """`url` with `?next=` when there is somewhere to go back to."""
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def step_url(user, *, next_url: str = "") -> str:
    """The set-up page for an account without a second factor yet, else the verify page; with `next`."""
    step = "verify" if queries.has_confirmed_device(user) else "setup"
    return with_next(reverse(f"accounts:second_factor_{step}"), next_url)
