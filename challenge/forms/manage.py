"""Forms for the coördinator: a call's settings and dates, one rubric criterion with its levels, an FAQ
entry, a juror to add. Writes go through challenge.services.calls and .jury; these forms only check input."""

from itertools import pairwise

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from ondernemend.accounts.roles import Role

from ..models import Challenge, Criterion, FaqEntry
from ..services.calls import CHALLENGE_FIELDS

DATETIME_INPUT_FORMAT = "%Y-%m-%dT%H:%M"
DATE_FIELDS = ("opens_at", "submission_deadline", "review_ends_at", "deliberation_ends_at")
MAX_LEVELS = 11  # a scale of 0–10 at most: more levels than that nobody can describe or tell apart
LEVEL_PREFIX = "level_"


class ChallengeForm(forms.ModelForm):
    class Meta:
        model = Challenge
        fields = list(CHALLENGE_FIELDS)
        help_texts = {
            "slug": _("The last part of the web address, for example “buurtplannen-2026”."),
            "jurors_per_proposal": _("How many jury members read each proposal. Three is usual."),
        }
        widgets = {
            name: forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT_FORMAT)
            for name in DATE_FIELDS
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for name in DATE_FIELDS:
            self.fields[name].input_formats = [DATETIME_INPUT_FORMAT]

    def clean(self):
        cleaned = super().clean()
        for earlier_name, name in pairwise(DATE_FIELDS):
            earlier, later = cleaned.get(earlier_name), cleaned.get(name)
            if earlier and later and later <= earlier:
                self.add_error(
                    name,
                    ValidationError(
                        _("This date must come after “%(earlier)s”."),
                        code="dates_out_of_order",
                        params={"earlier": self.fields[earlier_name].label},
                    ),
                )
        total, maximum = cleaned.get("total_budget"), cleaned.get("max_per_proposal")
        if maximum is not None and maximum <= 0:
            self.add_error("max_per_proposal", ValidationError(_("Enter an amount above € 0."), code="min"))
        elif total is not None and maximum is not None and maximum > total:
            self.add_error(
                "max_per_proposal",
                ValidationError(
                    _("The maximum per proposal cannot be more than the total budget."), code="max"
                ),
            )
        if (k := cleaned.get("jurors_per_proposal")) is not None and k < 1:
            self.add_error("jurors_per_proposal", ValidationError(_("At least one."), code="min"))
        return cleaned

    def validate_constraints(self, exclude=None):
        """clean() already says which field is wrong, in words; the database constraints stay the guard."""


class CriterionForm(forms.ModelForm):
    """A criterion with a descriptor per score on its scale. The level fields follow the scale in the posted
    data, so changing the scale and saving shows the new levels to describe (they are required)."""

    class Meta:
        model = Criterion
        fields = ["name", "description", "weight", "scale_min", "scale_max"]
        help_texts = {
            "weight": _("A criterion with weight 2 counts twice as much as one with weight 1."),
            "scale_max": _("After saving with a new scale, describe each score on it."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["weight"].min_value = 1
        self.fields["weight"].widget.attrs["min"] = 1
        self.fields["scale_min"].widget.attrs["min"] = 0
        low, high = self._scale()
        existing = (
            {level.value: level.descriptor for level in self.instance.levels.all()}
            if self.instance.pk
            else {}
        )
        for value in range(low, high + 1):
            self.fields[f"{LEVEL_PREFIX}{value}"] = forms.CharField(
                label=_("What a score of %(value)s means") % {"value": value},
                max_length=300,
                initial=existing.get(value, ""),
            )

    def _scale(self) -> tuple[int, int]:
        """The scale whose levels to ask for: the posted one when it makes sense, else the saved one."""
        low, high = self.instance.scale_min, self.instance.scale_max
        if self.is_bound:
            try:
                low, high = int(self.data.get("scale_min")), int(self.data.get("scale_max"))
            except (TypeError, ValueError):
                return self.instance.scale_min, self.instance.scale_max
            if not (0 <= low < high and high - low < MAX_LEVELS):
                return self.instance.scale_min, self.instance.scale_max
        return low, high

    @property
    def level_fields(self):
        return [self[name] for name in self.fields if name.startswith(LEVEL_PREFIX)]

    def clean(self):
        cleaned = super().clean()
        low, high = cleaned.get("scale_min"), cleaned.get("scale_max")
        if low is not None and low < 0:
            self.add_error("scale_min", ValidationError(_("The lowest score is 0 or more."), code="min"))
        elif low is not None and high is not None:
            if high <= low:
                self.add_error(
                    "scale_max",
                    ValidationError(_("The highest score must be above the lowest score."), code="order"),
                )
            elif high - low >= MAX_LEVELS:
                self.add_error(
                    "scale_max",
                    ValidationError(
                        _("A scale can have at most %(count)s scores."),
                        code="too_long",
                        params={"count": MAX_LEVELS},
                    ),
                )
        return cleaned

    def validate_constraints(self, exclude=None):  # noqa: ARG002 (Django's signature)
        """clean() says what is wrong with the scale in words; a duplicate name is checked here."""
        name = self.cleaned_data.get("name")
        if name and (
            Criterion.objects.filter(challenge_id=self.instance.challenge_id, name=name)
            .exclude(pk=self.instance.pk)
            .exists()
        ):
            self.add_error(
                "name", ValidationError(_("This call already has a criterion with this name."), code="unique")
            )

    def values(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def levels(self) -> dict[int, str]:
        low, high = self.cleaned_data["scale_min"], self.cleaned_data["scale_max"]
        return {
            value: self.cleaned_data[f"{LEVEL_PREFIX}{value}"]
            for value in range(low, high + 1)
            if f"{LEVEL_PREFIX}{value}" in self.cleaned_data
        }


class FaqEntryForm(forms.ModelForm):
    class Meta:
        model = FaqEntry
        fields = ["question", "answer"]


def juror_candidates(challenge: Challenge):
    """Active users with the jury member role who are not yet in this call's jury."""
    return (
        get_user_model()
        .objects.filter(groups__name=Role.JURYLID, is_active=True)
        .exclude(jury_memberships__challenge=challenge)
        .order_by("name", "email")
        .distinct()
    )


class JurorChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, user):
        return f"{user.name} ({user.email})" if user.name else user.email


class AddJurorForm(forms.Form):
    user = JurorChoiceField(label=_("Jury member"), queryset=get_user_model().objects.none())

    def __init__(self, *args, challenge: Challenge, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = juror_candidates(challenge)
