"""The public form to report outdated information about an initiative; no account needed."""

from django import forms
from django.utils.translation import gettext_lazy as _


class ReportOutdatedForm(forms.Form):
    message = forms.CharField(
        label=_("What is no longer right?"),
        help_text=_("For example: the opening hours have changed, or the initiative has moved."),
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": _("Write what is no longer right.")},
    )
    reply_email = forms.EmailField(
        label=_("Your e-mail address"),
        help_text=_("Only if you would like an answer. We use it for nothing else."),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    # A trap for spam robots: hidden from people (and screen readers); robots fill in every field.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    def is_spam(self) -> bool:
        return bool(self.cleaned_data.get("website"))
