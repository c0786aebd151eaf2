"""The public interest sign-up and the agenda filter."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ondernemend.districts.models import District
from ondernemend.languages import Language
from ondernemend.validators import validate_plain_text

from ..consent import TEXTS

PHONE_CHARACTERS = re.compile(r"^\+?[0-9 ()-]+$")
MIN_PHONE_DIGITS = 8


class AgendaFilterForm(forms.Form):
    district = forms.ModelChoiceField(
        label=_("District"),
        queryset=District.objects.order_by("name"),
        to_field_name="slug",
        required=False,
        empty_label=_("All districts"),
    )
    language = forms.ChoiceField(
        label=_("Language of the workshop"),
        choices=[("", _("All languages")), *Language.choices],
        required=False,
    )


class SignUpForm(forms.Form):
    # clean() asks for a phone number or an e-mail address: neither is marked "(optional)" (templates/ams).
    at_least_one_of = ("phone", "email")

    display_name = forms.CharField(
        label=_("Your first name or a nickname"),
        max_length=60,
        validators=[validate_plain_text],
        help_text=_("The coach uses this name to talk to you. It does not have to be your real name."),
    )
    phone = forms.CharField(
        label=_("Phone number"),
        max_length=30,
        required=False,
        widget=forms.TextInput(attrs={"type": "tel", "autocomplete": "tel", "inputmode": "tel"}),
    )
    email = forms.EmailField(
        label=_("E-mail address"),
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    district = forms.ModelChoiceField(
        label=_("Where do you live?"),
        queryset=District.objects.order_by("name"),
        required=False,
        empty_label=_("I don't know or I'd rather not say"),
    )
    preferred_language = forms.ChoiceField(
        label=_("Which language do you speak best?"),
        choices=Language.choices,
        help_text=_("The coach can then look for someone who speaks your language."),
    )
    # Made when the form is shown: a double click or a resent form finds the registration already made.
    submission_key = forms.UUIDField(widget=forms.HiddenInput)
    # A trap for scripts: hidden from people (visually hidden, aria-hidden, out of the tab order), but a
    # script that fills every field fills this one too. Such a sign-up is quietly dropped.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )
    # The version of the consent text shown above the button, so we record what the person saw.
    consent_version = forms.ChoiceField(
        choices=[(version, version) for version in TEXTS], widget=forms.HiddenInput
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["display_name"].widget.attrs["autocomplete"] = "given-name"

    @property
    def caught_a_script(self) -> bool:
        """True when the hidden trap field was filled in: no person sees it."""
        return bool(self.data.get(self.add_prefix("website"), "").strip())

    def clean_phone(self):
        phone = " ".join(self.cleaned_data["phone"].split())
        digits = sum(character.isdigit() for character in phone)
        if phone and (not PHONE_CHARACTERS.match(phone) or digits < MIN_PHONE_DIGITS):
            raise ValidationError(
                _("Write the phone number with digits only, for example 06 12345678."), code="phone"
            )
        return phone

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("phone") and not cleaned.get("email") and "email" not in self.errors:
            self.add_error(
                "phone",
                ValidationError(
                    _("Fill in a phone number or an e-mail address, so that the coach can reach you."),
                    code="no_contact",
                ),
            )
        return cleaned
