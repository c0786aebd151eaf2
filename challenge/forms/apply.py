"""Forms of the applicant's pages: start a proposal, write it with its budget, attach a file, answer a
question.

The forms only read and check what was typed; the services (challenge.services.proposals and .reviews) decide
whether it may be saved, and their errors are shown on these forms with nothing typed lost.
"""

from decimal import Decimal

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from ondernemend.validators import validate_plain_text

from ..exceptions import megabytes
from ..models import BudgetLine, Proposal, Question
from ..services.proposals import PROPOSAL_FIELDS, REQUIRED_FOR_SUBMISSION

EXTRA_BUDGET_LINES = 3  # empty rows after the saved ones: more lines without JavaScript, three per save
MAX_BUDGET_LINES = 40
ACCEPTED_FILES = ".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"


class StartProposalForm(forms.Form):
    initiative = forms.TypedChoiceField(
        label=_("For which initiative do you write this proposal?"),
        coerce=int,
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, initiatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.initiatives = {initiative.pk: initiative for initiative in initiatives}
        field = self.fields["initiative"]
        field.choices = [(initiative.pk, initiative.name) for initiative in initiatives]
        if len(initiatives) == 1:
            field.initial = initiatives[0].pk

    @property
    def chosen_initiative(self):
        return self.initiatives[self.cleaned_data["initiative"]]


class ProposalForm(forms.ModelForm):
    """The text of the proposal and the money besides the budget lines. `version` is the version the form
    was opened on: the service refuses the save when someone saved in between (ProposalChanged)."""

    version = forms.IntegerField(widget=forms.HiddenInput)
    # Not needed to save a draft, but needed to submit: "(optional)" beside them would not tell the truth
    # (ams_marked_optional leaves the mark out for the fields named here; the page says what submitting
    # needs).
    at_least_one_of = tuple(REQUIRED_FOR_SUBMISSION)

    class Meta:
        model = Proposal
        fields = list(PROPOSAL_FIELDS)  # what save_proposal writes
        help_texts = {
            "title": _("A short name for your plan, such as “Sewing café in Noord”."),
            "summary": _("Two or three sentences: what you want to do, and for whom."),
            "plan": _("What you will do, step by step, and when. What is different when it has worked?"),
            "team": _("Who does the work? Say what each person does. Only name people who agree to it."),
            "in_kind_hours": _("Hours that people give without being paid, such as volunteers."),
            "co_funding_amount": _("Money you get from elsewhere for this plan. Write 0 if there is none."),
            "co_funding_source": _("Who gives that money? For example a fund or a housing association."),
        }
        widgets = {
            "summary": forms.Textarea(attrs={"rows": 3}),
            "plan": forms.Textarea(attrs={"rows": 8}),
            "team": forms.Textarea(attrs={"rows": 4}),
        }
        localized_fields = ["co_funding_amount"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["co_funding_amount"].widget.attrs["inputmode"] = "decimal"
        if self.instance.pk and "version" not in self.initial:
            self.initial["version"] = self.instance.version


class BudgetLineForm(forms.Form):
    # The model's validator here too: otherwise the service's full_clean() raised it as an error for a
    # field this form does not have, and the page answered 500 (tests/hostile/).
    description = forms.CharField(
        label=_("What it is for"),
        max_length=200,
        required=False,
        validators=[validate_plain_text],
        widget=forms.TextInput(),
    )
    amount = forms.DecimalField(
        label=_("Amount in euros"),
        required=False,
        min_value=Decimal("0.01"),
        max_digits=10,
        decimal_places=2,
        localize=True,  # 99,50 in Dutch
        widget=forms.TextInput(attrs={"inputmode": "decimal", "data-budget-amount": ""}),
    )

    def clean(self):
        cleaned = super().clean()
        description, amount = cleaned.get("description"), cleaned.get("amount")
        if amount is not None and not description and "description" not in self.errors:
            self.add_error("description", _("Say what this amount is for."))
        if description and amount is None and "amount" not in self.errors:
            self.add_error("amount", _("Fill in the amount for this line."))
        return cleaned


class BaseBudgetFormSet(forms.BaseFormSet):
    def add_fields(self, form, index):
        super().add_fields(form, index)
        form.fields["DELETE"].label = _("Remove this line")

    def lines(self) -> list[tuple[str, Decimal]]:
        """The filled-in lines, in order, without removed and empty rows."""
        return [
            (form.cleaned_data["description"], form.cleaned_data["amount"])
            for form in self.forms
            if form.cleaned_data
            and not self._should_delete_form(form)
            and form.cleaned_data.get("amount") is not None
        ]

    def total(self) -> Decimal:
        return sum((amount for _description, amount in self.lines()), Decimal("0.00"))


BudgetFormSet = forms.formset_factory(
    BudgetLineForm,
    formset=BaseBudgetFormSet,
    extra=EXTRA_BUDGET_LINES,
    can_delete=True,
    max_num=MAX_BUDGET_LINES,
    absolute_max=MAX_BUDGET_LINES,
    validate_max=True,
)


def budget_formset(data=None, *, lines: list[BudgetLine] = ()) -> BudgetFormSet:
    return BudgetFormSet(
        data,
        prefix="budget",
        initial=[{"description": line.description, "amount": line.amount} for line in lines],
    )


class AttachmentForm(forms.Form):
    file = forms.FileField(
        label=_("File"),
        widget=forms.FileInput(attrs={"accept": ACCEPTED_FILES}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("A PDF, PNG or JPEG file of at most %(megabytes)s MB.") % {
            "megabytes": megabytes(settings.CHALLENGE_ATTACHMENT_MAX_BYTES)
        }


class AnswerForm(forms.ModelForm):
    class Meta:
        model = Question
        fields = ["answer"]
        labels = {"answer": _("Your answer")}
        widgets = {"answer": forms.Textarea(attrs={"rows": 4})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["answer"].required = True
