"""Forms of the coach area: the intake, attendance per session and a reflection."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..enums import AgeBand, AttendanceStatus, IncomeSituation
from ..models import Intake, Participant
from ..participant_data import EMPTY, INTAKE_ANSWERS, PARTICIPANT_ANSWERS, Group, Row, held, intake_questions
from ..services.coaching import NEW_INTAKE_VERSION

_WIDGETS = {Group.CHOICE: forms.RadioSelect, Group.TEXT: forms.Textarea(attrs={"rows": 3})}


class IntakeForm(forms.ModelForm):
    """DESIGN.md §3.2. Never a BSN, date of birth, ID or health question: those fields do not exist.

    The questions and their headings come from workshops.participant_data: the intake's answers and the
    participant's optional coarse details (`PARTICIPANT_ANSWERS`, declared below with their own wording).
    """

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
        fields = list(INTAKE_ANSWERS)
        widgets = {
            name: _WIDGETS[held(Intake, name).group]
            for name in INTAKE_ANSWERS
            if held(Intake, name).group in _WIDGETS
        }
        help_texts = {
            "idea_stage": _("“No idea yet” is a good start."),
            "dutch_level": _("What the participant says; never a test."),
        }

    def __init__(self, *args, participant: Participant, **kwargs):
        instance = kwargs.get("instance")
        initial = kwargs.setdefault("initial", {})
        initial.setdefault("version", instance.version if instance else NEW_INTAKE_VERSION)
        for name in PARTICIPANT_ANSWERS:
            initial.setdefault(name, getattr(participant, name))
        super().__init__(*args, **kwargs)
        for name in INTAKE_ANSWERS:
            item = held(Intake, name)
            if item.group is Group.LIST:  # a JSON list in the model: checkboxes of its codes here
                self.fields[name] = forms.MultipleChoiceField(
                    label=self.fields[name].label,
                    choices=item.choices.choices,
                    required=False,
                    widget=forms.CheckboxSelectMultiple,
                )
            elif item.group is Group.CHOICE:
                # Radio lists without an empty "---------" option; an optional answer may stay unchosen.
                self.fields[name].choices = [choice for choice in self.fields[name].choices if choice[0]]

    def sections(self) -> list[tuple[str, list]]:
        """The form's headings with their fields, for the template (workshops/coach/intake.html)."""
        return [(section.label, [self[name] for name in names]) for section, names in intake_questions()]

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


def readable_answers(form: IntakeForm) -> list[Row]:
    """The answers an (unbound) intake form starts from, as rows for workshops/participant_data.html: the
    other coach's version, shown next to the form."""
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
        rows.append(Row(field.label, text or EMPTY))
    return rows
