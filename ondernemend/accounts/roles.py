from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    """The roles of DESIGN.md §2. Each is a Django group of exactly this name; beheerder is the superuser."""

    INITIATIEFNEMER = "initiatiefnemer", _("Initiative lead")
    COACH = "coach", _("Coach")
    JURYLID = "jurylid", _("Jury member")
    GEMEENTE = "gemeente", _("Municipal staff")
    COORDINATOR = "coordinator", _("Coordinator")


class InvitationStatus(models.TextChoices):
    """Where an invitation stands; derived from its dates, never stored."""

    OPEN = "open", _("Open")
    ACCEPTED = "accepted", _("Accepted")
    EXPIRED = "expired", _("Expired")
    REVOKED = "revoked", _("Revoked")


BEHEERDER = "beheerder"  # the superuser: not a group, yet it is written down as a role
UNKNOWN_ROLE = "onbekend"


def acting_role(user) -> str:
    """The role `user` acts in, as it is written down in the access and audit logs (never the name).

    A coach is logged as coach, also when she coordinates as well: she opens records as the coach.
    """
    if user.is_superuser:
        return BEHEERDER
    roles = user.roles
    for role in (Role.COACH, Role.COORDINATOR):
        if role in roles:
            return role.value
    return roles[0].value if roles else UNKNOWN_ROLE


def role_label(role: str) -> str:
    """A role written down by `acting_role`, in words for the participant who reads who looked."""
    if role == BEHEERDER:
        return _("Technical administrator")
    return Role(role).label if role in Role.values else _("Someone from the network")
