"""Why a quarter cannot be frozen. Each error carries the plain message the coördinator sees."""

from django.utils.translation import gettext_lazy as _


class CannotFreeze(Exception):
    message = _("These figures cannot be frozen.")


class NotAClosedQuarter(CannotFreeze):
    message = _("Only a quarter that is over can be frozen.")


class AlreadyFrozen(CannotFreeze):
    message = _("This quarter has been frozen already.")
