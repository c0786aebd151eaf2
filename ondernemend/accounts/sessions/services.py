from django.db import transaction
from django.db.models import F

from ondernemend.audit.services import record_change

from ..models import User


def log_out_everywhere(user: User, *, by: User) -> None:
    """End every session of `user`, on every device, the current one included.

    Raising the generation changes the user's session hash (User._get_session_auth_hash), and Django checks
    that hash on every request: each session made before no longer matches and is logged out.
    """
    before = user.session_generation
    with transaction.atomic():
        # F(): two clicks at the same moment each count, so no session survives either.
        User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1)
        user.refresh_from_db(fields=["session_generation"])
        record_change(
            by=by,
            action="account.logged_out_everywhere",
            target=user,
            changes={"session_generation": [before, user.session_generation]},
        )
