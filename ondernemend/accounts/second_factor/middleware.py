"""The gate: a staff session that has not passed the second factor reaches only its set-up and verify steps.

It runs after django-otp's OTPMiddleware (which installs `request.user.is_verified()`), so it covers every
page, the Django admin included. Everything else redirects to the right step, with `next` to come back.
"""

from django.conf import settings
from django.shortcuts import redirect
from django.urls import Resolver404, resolve

from .steps import has_passed, step_url

# What an unverified staff session may open: the steps, the passkey check, log-out and invitations.
OPEN_VIEWS = frozenset(
    {
        "accounts:logout",
        # An invitation link works for someone halfway logged in too: the token in it is the credential.
        "accounts:accept_invitation",
        "accounts:second_factor_setup",
        "accounts:second_factor_verify",
        "accounts:second_factor_recovery_codes",
        "accounts:second_factor_skip",
        "accounts:passkey_authentication_begin",
        "accounts:passkey_authentication_complete",
        "accounts:passkey_texts",
    }
)


def _is_open(path: str) -> bool:
    if path.startswith((settings.STATIC_URL, settings.MEDIA_URL)):
        return True
    try:
        return resolve(path).view_name in OPEN_VIEWS
    except Resolver404:
        return False


class SecondFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        # has_passed first: a verified session is answered from the cached roles, without resolving the path.
        if user.is_authenticated and not has_passed(request) and not _is_open(request.path_info):
            next_url = request.get_full_path() if request.method == "GET" else ""
            return redirect(step_url(user, next_url=next_url))
        return self.get_response(request)
