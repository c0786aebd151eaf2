"""Forms of the jury pages: a declared conflict, the review of one proposal, and the one question."""

from django import forms
from django.utils.translation import gettext_lazy as _

from ..enums import ConflictKind
from ..models import Conflict, Question, Review
from ..services.reviews import NEW_REVIEW_VERSION

SAVE, SUBMIT = "save", "submit"


class ConflictForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("What is the conflict?"), choices=ConflictKind.choices, widget=forms.RadioSelect
    )
    note = forms.CharField(
        label=_("Explain in a few words"),
        max_length=Conflict._meta.get_field("note").max_length,
        required=False,
        help_text=_("Only the coordinator reads this."),
    )


class ScoreField(forms.TypedChoiceField):
    """Marked as needed, because submitting needs every score; a draft (`draft = True`) may leave it open."""

    draft = False

    def validate(self, value):
        if self.draft and value in self.empty_values:
            return
        super().validate(value)


class ReviewForm(forms.Form):
    """A radio group per criterion (its level descriptors as labels), the texts and the version the form
    started from. Saving a draft may leave scores open; submitting needs every score and a confirmation."""

    version = forms.IntegerField(widget=forms.HiddenInput, min_value=0)
    strengths = forms.CharField(
        label=_("Strengths"),
        max_length=Review._meta.get_field("strengths").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads this when the results are published, without your name."),
    )
    improvements = forms.CharField(
        label=_("Points to improve"),
        max_length=Review._meta.get_field("improvements").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("The applicant reads this when the results are published, without your name."),
    )
    private_note = forms.CharField(
        label=_("Private note"),
        max_length=Review._meta.get_field("private_note").max_length,
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "For the jury only: the other jury members of this proposal read it after they have submitted "
            "their own review, and the coordinator reads it. The applicant never sees it."
        ),
    )
    confirm = forms.BooleanField(
        label=_("I am done. Submit my review."),
        required=False,
        help_text=_(
            "After submitting you see the scores of the other jury members. You can still change it."
        ),
    )

    def __init__(
        self, *args, criteria, review: Review | None, scores: dict[int, int], submitting=False, **kw
    ):
        initial = kw.setdefault("initial", {})
        initial.setdefault("version", review.version if review else NEW_REVIEW_VERSION)
        if review is not None:
            for name in ("strengths", "improvements", "private_note"):
                initial.setdefault(name, getattr(review, name))
        super().__init__(*args, **kw)
        self.criteria = list(criteria)
        self.submitting = submitting
        for criterion in self.criteria:
            descriptors = {level.value: level.descriptor for level in criterion.levels.all()}
            name = self.score_field_name(criterion)
            self.fields[name] = ScoreField(
                label=criterion.name,
                help_text=criterion.description,
                choices=[(value, _score_label(value, descriptors.get(value))) for value in criterion.scale],
                coerce=int,
                empty_value=None,
                widget=forms.RadioSelect,
                error_messages={"required": _("Choose a score for “%(name)s”.") % {"name": criterion.name}},
            )
            self.fields[name].draft = not submitting
            self.initial.setdefault(name, scores.get(criterion.pk))

    @staticmethod
    def score_field_name(criterion) -> str:
        return f"score_{criterion.pk}"

    def score_fields(self):
        return [self[self.score_field_name(criterion)] for criterion in self.criteria]

    def clean(self):
        cleaned = super().clean()
        if self.submitting and not cleaned.get("confirm"):
            self.add_error("confirm", _("Tick this box to submit your review."))
        return cleaned

    def scores(self) -> dict[int, int | None]:
        return {
            criterion.pk: self.cleaned_data.get(self.score_field_name(criterion))
            for criterion in self.criteria
        }

    def texts(self) -> dict[str, str]:
        return {name: self.cleaned_data[name] for name in ("strengths", "improvements", "private_note")}


class QuestionForm(forms.Form):
    text = forms.CharField(
        label=_("Your question to the applicant"),
        max_length=Question._meta.get_field("text").max_length,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "You can ask one question about this proposal. The applicant does not see who asked it. "
            "The other jury members of this proposal see the question and the answer."
        ),
    )


def _score_label(value: int, descriptor: str | None) -> str:
    return f"{value}: {descriptor}" if descriptor else str(value)
