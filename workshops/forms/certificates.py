"""Forms of the certificate pages: a reason (revoke, override) and the public check of a code."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..certificate_codes import MAX_TYPED_LENGTH, normalise_certificate_code


class ReasonForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), max_length=1000, widget=forms.Textarea(attrs={"rows": 3}))


class OverrideForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you issue the certificate although the rule is not met?"),
        help_text=_("This reason is saved and the participant can read it."),
        max_length=1000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )


class VerifyCodeForm(forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        help_text=_("The code is on the certificate, for example 1234-5678-9012."),
        max_length=MAX_TYPED_LENGTH,
        error_messages={"max_length": _("A code has 12 digits, for example 1234-5678-9012.")},
    )

    def clean_code(self) -> str:
        code = normalise_certificate_code(self.cleaned_data["code"])
        if code is None:
            raise ValidationError(_("A code has 12 digits, for example 1234-5678-9012."), code="invalid")
        return code
