"""The coördinator's decision on one proposal (the deliberation pages)."""

from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ..enums import Outcome


class DecisionForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Decision"), choices=Outcome.choices, widget=forms.RadioSelect)
    amount = forms.DecimalField(
        label=_("Lower amount (euros)"),
        help_text=_("Only when you award less than requested."),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
    )
    applicant_agreed = forms.BooleanField(
        label=_("The applicant agreed to the lower amount"),
        help_text=_("Only when you award less than requested. Ask the applicant first."),
        required=False,
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("outcome") == Outcome.AWARD_LESS and cleaned.get("amount") is None:
            self.add_error("amount", ValidationError(_("Fill in the lower amount."), code="required"))
        return cleaned
