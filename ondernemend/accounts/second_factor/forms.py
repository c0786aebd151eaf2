from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

WRONG_CODE = _("This code is not correct. Type the six digits your app shows now, or a recovery code.")
WRONG_FIRST_CODE = _("This code is not correct. Type the six digits your app shows now for this account.")


def too_many_attempts(seconds: int) -> str:
    return ngettext(
        "Too many wrong codes. Wait %(seconds)s second and try again.",
        "Too many wrong codes. Wait %(seconds)s seconds and try again.",
        seconds,
    ) % {"seconds": seconds}


class CodeForm(forms.Form):
    """One field for a code from the app or a recovery code; the service decides which it is."""

    code = forms.CharField(
        label=_("Code"),
        max_length=40,
        help_text=_("The six digits in your authenticator app, or one of your recovery codes."),
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "text", "autocapitalize": "off"}
        ),
    )
    next = forms.CharField(required=False, widget=forms.HiddenInput)

    def add_check_error(self, check, *, message=WRONG_CODE) -> None:
        self.add_error("code", too_many_attempts(check.wait_seconds) if check.wait_seconds else message)


class FirstCodeForm(CodeForm):
    code = forms.CharField(
        label=_("Code from the app"),
        max_length=10,
        help_text=_("The six digits the app shows for this account. A new code appears every 30 seconds."),
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )
