"""Forms of the coach area: the intake, attendance per session and a reflection."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..enums import (
    AgeBand,
    AttendanceStatus,
    IncomeSituation,
    LearningPreference,
    PracticalNeed,
    ReferralWish,
)
from ..models import Intake, Participant
from ..services.coaching import NEW_INTAKE_VERSION, PARTICIPANT_FIELDS


def _checkboxes(choices, label):
    return forms.MultipleChoiceField(
        label=label, choices=choices, required=False, widget=forms.CheckboxSelectMultiple
    )


class IntakeForm(forms.ModelForm):
    """DESIGN.md §3.2. Never a BSN, date of birth, ID or health question: those fields do not exist."""

    learning_preferences = _checkboxes(LearningPreference.choices, _("Learns best"))
    practical_needs = _checkboxes(PracticalNeed.choices, _("Practical needs"))
    referral_wishes = _checkboxes(ReferralWish.choices, _("Would like help with"))
    income_situation = forms.ChoiceField(
        label=_("Income situation"),
        choices=[("", _("Not asked or not said")), *IncomeSituation.choices],
        required=False,
        help_text=_("Only if the participant wants to tell. Municipal staff never see this per person."),
    )
    age_band = forms.ChoiceField(
        label=_("Age"), choices=[("", _("Not asked or not said")), *AgeBand.choices], required=False
    )
    postcode_area = forms.RegexField(
        label=_("Postcode area (4 digits)"),
        regex=r"^[1-9][0-9]{3}$",
        required=False,
        max_length=4,
        help_text=_("Only the 4 digits, for example 1103. Never the letters or the house number."),
        error_messages={"invalid": _("Fill in 4 digits, for example 1103.")},
        widget=forms.TextInput(attrs={"inputmode": "numeric", "autocomplete": "off"}),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)

    class Meta:
        model = Intake
        fields = [
            "idea_stage",
            "idea_description",
            "prior_experience",
            "dutch_level",
            "digital_skills",
            "learning_preferences",
            "practical_needs",
            "personal_goal",
            "referral_wishes",
        ]
        widgets = {
            "idea_stage": forms.RadioSelect,
            "dutch_level": forms.RadioSelect,
            "digital_skills": forms.RadioSelect,
            "idea_description": forms.Textarea(attrs={"rows": 3}),
            "prior_experience": forms.Textarea(attrs={"rows": 3}),
            "personal_goal": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "idea_stage": _("“No idea yet” is a good start."),
            "dutch_level": _("What the participant says; never a test."),
        }

    def __init__(self, *args, participant: Participant, **kwargs):
        instance = kwargs.get("instance")
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("version", instance.version if instance else NEW_INTAKE_VERSION)
        for name in PARTICIPANT_FIELDS:
            initial.setdefault(name, getattr(participant, name))
        super().__init__(*args, **kwargs)
        # Radio lists without an empty "---------" option; an optional answer may stay unchosen.
        for name in ("idea_stage", "dutch_level", "digital_skills"):
            self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]

    def answers(self) -> dict:
        return {name: value for name, value in self.cleaned_data.items() if name != "version"}


class AttendanceForm(forms.Form):
    """One radio group per participant with a place; present unless the coach changes it."""

    def __init__(self, *args, registrations, current: dict[int, str], **kwargs):
        super().__init__(*args, **kwargs)
        self.registrations = list(registrations)
        for registration in self.registrations:
            self.fields[self.field_name(registration)] = forms.ChoiceField(
                label=registration.participant.display_name,
                choices=AttendanceStatus.choices,
                initial=current.get(registration.pk, AttendanceStatus.PRESENT),
                widget=forms.RadioSelect,
            )

    @staticmethod
    def field_name(registration) -> str:
        return f"registration_{registration.pk}"

    def statuses(self) -> dict[int, str]:
        return {
            registration.pk: self.cleaned_data[self.field_name(registration)]
            for registration in self.registrations
        }


class ReflectionForm(forms.Form):
    text = forms.CharField(
        label=_("Your note about this session"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "Only the coaches of this series can read it. Write no personal details about participants."
        ),
    )


def readable_answers(form: IntakeForm) -> list[tuple[str, str]]:
    """The answers an (unbound) intake form starts from, as (label, text) pairs: the other coach's version."""
    rows = []
    for name, field in form.fields.items():
        if name == "version":
            continue
        value = form[name].value()
        choices = dict(getattr(field, "choices", []) or [])
        if isinstance(value, list | tuple):
            text = ", ".join(str(choices.get(item, item)) for item in value)
        else:
            text = str(choices.get(value, value)) if value not in (None, "") else ""
        rows.append((field.label, text or "—"))
    return rows
