"""At log-in, a staff session gets a cookie without expiry and its first moment of activity."""

from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

from ..second_factor.policy import needs_second_factor
from .activity import mark_staff_session


@receiver(user_logged_in, dispatch_uid="ondernemend.accounts.sessions.staff_session_at_login")
def start_staff_session(request, user, **kwargs):  # Django passes `sender` by name, too
    if request is not None and hasattr(request, "session") and needs_second_factor(user):
        mark_staff_session(request.session)
