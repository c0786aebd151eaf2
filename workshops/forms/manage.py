"""Forms for coördinators: a series, its sessions, and the reason for opening a participant's record."""

from django import forms
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from initiatives.fields import InitiativeChoiceField
from initiatives.models import Initiative
from ondernemend.accounts.roles import Role

from ..exceptions import SeriesWithoutCoach
from ..models import Series, Session

DATETIME_INPUT_FORMAT = "%Y-%m-%dT%H:%M"


def coach_users():
    return get_user_model().objects.filter(groups__name=Role.COACH, is_active=True).order_by("name", "email")


class CoachChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, user):
        return f"{user.name} ({user.email})" if user.name else user.email


class SeriesForm(forms.ModelForm):
    coaches = CoachChoiceField(
        label=_("Coaches"),
        queryset=coach_users(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Only these coaches see the participants of this series."),
    )

    class Meta:
        model = Series
        fields = [
            "initiative",
            "title",
            "introduction",
            "language",
            "place",
            "capacity",
            "signup_after_start",
            "certificate_min_sessions",
            "coaches",
            "published",
        ]
        field_classes = {"initiative": InitiativeChoiceField}  # "Name (District)": names repeat
        help_texts = {
            "initiative": _("Where the series takes place. The initiative must be on the map."),
            "published": _("Only published series are in the public agenda."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["initiative"].queryset = Initiative.objects.order_by("name")
        self.fields["coaches"].queryset = coach_users()

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("published") and not cleaned.get("coaches") and "coaches" not in self.errors:
            self.add_error("coaches", ValidationError(SeriesWithoutCoach.message, code="no_coach"))
        rule = cleaned.get("certificate_min_sessions")
        if self.instance.pk and rule:
            planned = self.instance.sessions.filter(cancelled=False).count()
            if rule > planned:
                self.add_error(
                    "certificate_min_sessions",
                    ValidationError(
                        _(
                            "The certificate asks for %(rule)s sessions, but only %(planned)s are planned. "
                            "Lower the number or plan more sessions first."
                        ),
                        code="rule_exceeds_plan",
                        params={"rule": rule, "planned": planned},
                    ),
                )
        return cleaned


class SessionForm(forms.ModelForm):
    starts_at = forms.DateTimeField(
        label=_("Date and start time"),
        input_formats=[DATETIME_INPUT_FORMAT],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_INPUT_FORMAT),
    )

    class Meta:
        model = Session
        fields = [
            "number",
            "starts_at",
            "duration_minutes",
            "topic",
            "what_to_expect",
            "what_to_bring",
            "pictogram",
        ]
        help_texts = {
            "what_to_expect": _(
                "In plain words (A2): what happens, and how long it takes. For example: “We get to know each "
                "other. You tell what you like to do. It takes two hours, with a break.”"
            ),
            "what_to_bring": _("For example: nothing, or a pen and your phone."),
        }

    def __init__(self, *args, series: Series, **kwargs):
        super().__init__(*args, **kwargs)
        self.series = series
        self.fields["duration_minutes"].min_value = 15
        self.fields["duration_minutes"].widget.attrs["min"] = 15

    def clean_number(self):
        number = self.cleaned_data["number"]
        taken = self.series.sessions.filter(number=number).exclude(pk=self.instance.pk).exists()
        if taken:
            raise ValidationError(
                _("There is already a session with number %(number)s."),
                code="taken",
                params={"number": number},
            )
        return number

    def clean_duration_minutes(self):
        minutes = self.cleaned_data["duration_minutes"]
        if minutes < 15:
            raise ValidationError(_("A session takes at least 15 minutes."), code="too_short")
        return minutes


class ReasonForAccessForm(forms.Form):
    reason = forms.CharField(
        label=_("Why do you need to see this record?"),
        help_text=_("The participant can read this reason."),
        min_length=10,
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
