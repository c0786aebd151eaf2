"""Why a change in the workshops cannot be made. Each error carries the plain message the user sees.

Views show `error.message` (translated); they never match English text. A certificate error's `str()` is a
short English code, for logs and tests only.
"""

from django.utils.translation import gettext_lazy as _


class ReasonRequired(Exception):
    """Someone who does not coach the participant tried to read or change the record without a reason."""

    message = _("Give a reason before you open this participant's record.")


class IntakeConflict(Exception):
    """Someone saved the intake after this form was opened; `current` is what they saved."""

    def __init__(self, current):
        super().__init__("intake saved by someone else")
        self.current = current


class SeriesWithoutCoach(Exception):
    """A series without a coach cannot be published: nobody would call the people who sign up."""

    message = _(
        "Choose at least one coach before you publish the series. The coach calls everyone who signs up."
    )


class CertificateError(Exception):
    """The certificate cannot be issued or changed. `message` says why, in plain words; `field` is the form
    field the message belongs to (None: the whole form)."""

    code = "no free code"
    message = _("Something went wrong. Please try again.")
    field: str | None = None

    def __init__(self):
        super().__init__(self.code)


class AlreadyIssued(CertificateError):
    code = "already issued"
    message = _("This participant already has a certificate.")


class RuleNotMet(CertificateError):
    code = "rule not met"
    message = _("The rule for the certificate is not met yet.")


class ReasonNeeded(CertificateError):
    code = "reason needed"
    message = _("Please give a reason.")
    field = "reason"


class AlreadyRevoked(CertificateError):
    code = "already revoked"
    message = _("This certificate was already revoked.")


class NoFreeCode(CertificateError):
    """Ten codes in a row were taken: practically impossible, but never a 500."""
