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
