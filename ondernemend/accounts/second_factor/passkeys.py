"""django-otp-webauthn's passkey registration, held to our rules: only someone whose account uses a second
factor may add a passkey, and adding one is written to the audit log like every other change to it.

The ceremonies stay the package's own JSON views (their checks, their state in the session); these
subclasses add the permission check before a ceremony starts and the audit entry when it completes.
"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_otp_webauthn import exceptions, views

from . import services


class NoSecondFactorDuty(exceptions.OTPWebAuthnApiError):
    status_code = 403
    default_detail = _("Your account does not use a second log-in step, so it cannot have a passkey.")
    default_code = "no_second_factor_duty"


class _MayRegister:
    def check_can_register(self):
        if not self.request.user.has_perm("accounts.manage_own_second_factor"):
            raise NoSecondFactorDuty()


class BeginPasskeyRegistrationView(_MayRegister, views.BeginCredentialRegistrationView):
    pass


class CompletePasskeyRegistrationView(_MayRegister, views.CompleteCredentialRegistrationView):
    def post(self, *args, **kwargs):
        # The package saves the credential; the audit entry joins the same transaction, so both or neither.
        with transaction.atomic():
            response = super().post(*args, **kwargs)
            services.record_passkey_added(self.request.user, by=self.request.user)
        return response
