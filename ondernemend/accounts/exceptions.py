"""Why an invitation cannot be accepted. Each carries the plain message the invitee sees."""

from django.utils.translation import gettext_lazy as _


class InvitationNotUsable(Exception):
    message = _("This invitation link does not work. Ask the coordinator for a new invitation.")


class InvitationAlreadyUsed(InvitationNotUsable):
    message = _("This link has already been used. You can log in with your e-mail address and password.")


class InvitationExpired(InvitationNotUsable):
    message = _("This invitation has expired. Ask the coordinator for a new one.")


class InvitationRevoked(InvitationNotUsable):
    message = _("This invitation has been withdrawn. Ask the coordinator if you think this is a mistake.")
