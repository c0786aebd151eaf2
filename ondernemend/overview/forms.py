"""The choice at the top of the overview: which district, which period."""

from django import forms
from django.utils.translation import gettext_lazy as _

from .periods import Period, period_choices

ALL = ""


class OverviewFilterForm(forms.Form):
    district = forms.ChoiceField(label=_("District"), required=False)
    period = forms.ChoiceField(label=_("Period"), required=False)

    def __init__(self, *args, districts, today, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["district"].choices = [(ALL, _("All districts")), *districts]
        self.fields["period"].choices = [(period.key, period.label()) for period in period_choices(today)]
        self.default_period = Period.year_of(today)

    def chosen(self) -> tuple[str | None, Period]:
        """The chosen district slug (None: all) and period; the current year for anything not valid."""
        if not self.is_valid():
            return None, self.default_period
        period = Period.parse(self.cleaned_data["period"]) or self.default_period
        return self.cleaned_data["district"] or None, period
