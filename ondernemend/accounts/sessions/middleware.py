"""Staff sessions end after `STAFF_SESSION_IDLE_MINUTES` without a request, and when the browser closes.

Staff (who needs a second factor: ondernemend/accounts/second_factor/policy.py) read other people's data, so
a session left open on a shared computer must not stay usable. The last request's moment is kept in the
session itself (server-side, so a client cannot move it); the cookie of a staff session has no expiry, so
the browser drops it when it closes. Other accounts keep Django's `SESSION_COOKIE_AGE`.
"""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.utils.translation import ngettext

from ..second_factor.policy import needs_second_factor
from .activity import LAST_ACTIVITY, STAMP_EVERY_SECONDS, is_idle, mark_staff_session


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        staff = needs_second_factor(request.user)
        if staff:
            now = time.time()
            last_activity = request.session.get(LAST_ACTIVITY)
            if is_idle(last_activity, now=now, idle_minutes=settings.STAFF_SESSION_IDLE_MINUTES):
                return self.log_out_idle(request)
            if last_activity is not None and now - last_activity >= STAMP_EVERY_SECONDS:
                request.session[LAST_ACTIVITY] = int(now)
        response = self.get_response(request)
        # The log-in marks a staff session (signals.py); a session without the mark became a staff session
        # later (a role given meanwhile, or a log-in before this code existed): mark it now.
        if (staff or needs_second_factor(request.user)) and LAST_ACTIVITY not in request.session:
            mark_staff_session(request.session)
        return response

    def log_out_idle(self, request):
        logout(request)
        minutes = settings.STAFF_SESSION_IDLE_MINUTES
        messages.info(
            request,
            ngettext(
                "You were logged out because you did nothing on the site for %(minutes)d minute. "
                "Log in again to go on where you were.",
                "You were logged out because you did nothing on the site for %(minutes)d minutes. "
                "Log in again to go on where you were.",
                minutes,
            )
            % {"minutes": minutes},
        )
        return redirect_to_login(request.get_full_path())
