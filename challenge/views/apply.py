"""The applicant's pages: her proposals, starting one, writing it with its budget and files, checking and
submitting it, withdrawing it, answering the jury's questions and reading the feedback.

An applicant edits the proposal's initiative on the map (rules: challenge.change_proposal and friends); a
proposal of another initiative answers 404 (challenge.access.editable_proposal_or_404). Every refusal comes
from a service as an error with its own message, shown on the page with what was typed still in the form.
"""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from ..access import editable_proposal_or_404, public_challenge_or_404
from ..enums import Phase
from ..exceptions import ChallengeError, ProposalChanged, euros
from ..forms.apply import AnswerForm, AttachmentForm, ProposalForm, StartProposalForm, budget_formset
from ..models import Proposal
from ..phases import current_phase
from ..queries.applicant import feedback_for, initiatives_without_proposal, proposal_for_editing, proposals_of
from ..queries.apply import open_calls, proposal_overview
from ..services import proposals as services
from ..services.reviews import answer_question

TEMPLATES = "challenge/apply/"


class MyProposalsView(PermissionRequiredMixin, TemplateView):
    permission_required = "challenge.view_own_proposals"
    template_name = TEMPLATES + "my_proposals.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            rows=proposals_of(self.request.user), open_calls=open_calls(), **kwargs
        )


class ProposalCreateView(PermissionRequiredMixin, View):
    """Choose one of your initiatives and start an empty draft for an open call."""

    permission_required = "challenge.view_own_proposals"
    template_name = TEMPLATES + "create.html"

    @cached_property
    def challenge(self):
        return public_challenge_or_404(self.kwargs["slug"])

    def render(self, form):
        context = {
            "challenge": self.challenge,
            "form": form,
            "open": current_phase(self.challenge) == Phase.OPEN,
        }
        return render(self.request, self.template_name, context)

    def form(self, data=None) -> StartProposalForm:
        return StartProposalForm(
            data, initiatives=initiatives_without_proposal(self.request.user, self.challenge)
        )

    def get(self, *args, **kwargs):
        return self.render(self.form())

    def post(self, request, *args, **kwargs):
        form = self.form(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            proposal = services.start_proposal(
                challenge=self.challenge, initiative=form.chosen_initiative, by=request.user
            )
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.render(form)
        messages.success(
            request,
            _("Your draft is ready. Write at your own pace: everything is kept each time you save."),
        )
        return redirect("challenge:proposal_edit", pk=proposal.pk)


class ApplicantProposalMixin(PermissionRequiredMixin):
    """A page on one proposal of an initiative the user edits; 404 for anyone else's."""

    permission_required = "challenge.change_proposal"

    def get_permission_object(self):
        return editable_proposal_or_404(self.request.user, self.kwargs["pk"])

    @property
    def proposal(self) -> Proposal:
        return self.permission_object

    def to_overview(self):
        return redirect("challenge:proposal", pk=self.proposal.pk)


class ProposalView(ApplicantProposalMixin, TemplateView):
    """The proposal as it stands, its status at this phase, and what the applicant can do now."""

    permission_required = "challenge.view_proposal"
    template_name = TEMPLATES + "proposal.html"

    def get_context_data(self, **kwargs):
        overview = proposal_overview(self.proposal)
        return super().get_context_data(
            overview=overview, proposal=overview.proposal, answer_form=AnswerForm(), **kwargs
        )


@method_decorator(never_cache, name="dispatch")
class ProposalEditView(ApplicantProposalMixin, View):
    """The text and the budget, saved as a draft. Saving again adds three empty budget lines (no JavaScript
    needed); budget.js adds lines at once and shows the total against the maximum while typing."""

    template_name = TEMPLATES + "edit.html"

    def get(self, request, *args, **kwargs):
        if refusal := self.refusal():
            messages.info(request, refusal)
            return self.to_overview()
        editing = proposal_for_editing(self.proposal)
        form = ProposalForm(instance=self.proposal)
        return self.render(form, budget_formset(lines=editing.budget_lines), editing=editing)

    def post(self, request, *args, **kwargs):
        form = ProposalForm(request.POST, instance=self.proposal)
        formset = budget_formset(request.POST)
        if not (form.is_valid() & formset.is_valid()):  # both, so that every error shows at once
            return self.render(form, formset)
        values = {name: form.cleaned_data[name] for name in ProposalForm.Meta.fields}
        try:
            saved = services.save_proposal(
                self.proposal,
                by=request.user,
                version=form.cleaned_data["version"],
                budget_lines=formset.lines(),
                **values,
            )
        except ProposalChanged as error:
            # What was typed stays in the form; saving again now overwrites what the other tab saved.
            data = request.POST.copy()
            data["version"] = error.current.version
            form = ProposalForm(data, instance=self.proposal)
            form.is_valid()
            form.add_error(None, error.message)
            return self.render(form, formset, conflict=proposal_for_editing(error.current))
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form, formset)
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.render(form, formset)
        messages.success(request, _("Your proposal is saved."))
        editing = proposal_for_editing(saved)
        if editing.over_maximum:
            messages.warning(request, over_maximum_text(editing.requested, editing.maximum))
        return redirect("challenge:proposal_edit", pk=saved.pk)

    def refusal(self) -> str | None:
        overview = proposal_overview(self.proposal)
        if overview.can_change:
            return None
        if overview.can_withdraw:
            return _("Your proposal is submitted. To change it, withdraw it first; then submit it again.")
        return _("The deadline has passed, so your proposal can no longer be changed.")

    def render(self, form, formset, *, editing=None, conflict=None):
        maximum = self.proposal.challenge.max_per_proposal
        if editing is not None:
            requested = editing.requested
        elif formset.is_bound and formset.is_valid():
            requested = formset.total()  # what was typed: the total the server checks on submitting
        else:
            requested = None
        context = {
            "proposal": self.proposal,
            "form": form,
            "formset": formset,
            "maximum": maximum,
            "requested": requested,
            "over_by": requested - maximum if requested is not None and requested > maximum else None,
            "conflict": conflict,
        }
        return render(self.request, self.template_name, context)


def over_maximum_text(requested, maximum) -> str:
    return _(
        "Your budget is € %(over)s more than the maximum of € %(maximum)s. You can save it like this, but "
        "you can only submit it when the total is at most € %(maximum)s."
    ) % {"over": euros(requested - maximum), "maximum": euros(maximum)}


@method_decorator(never_cache, name="dispatch")
class AttachmentsView(ApplicantProposalMixin, View):
    """Add a file (checked by its content by the service) and see or remove the files already added."""

    template_name = TEMPLATES + "attachments.html"

    def render(self, form):
        overview = proposal_overview(self.proposal)
        context = {"proposal": self.proposal, "overview": overview, "form": form}
        return render(self.request, self.template_name, context)

    def get(self, *args, **kwargs):
        return self.render(AttachmentForm())

    def post(self, request, *args, **kwargs):
        form = AttachmentForm(request.POST, request.FILES)
        if not form.is_valid():
            return self.render(form)
        try:
            attachment = services.add_attachment(
                self.proposal, by=request.user, upload=form.cleaned_data["file"]
            )
        except ChallengeError as error:
            form.add_error("file", error.message)
            return self.render(form)
        messages.success(request, _("“%(name)s” is added.") % {"name": attachment.original_name})
        return redirect("challenge:proposal_attachments", pk=self.proposal.pk)


class AttachmentRemoveView(ApplicantProposalMixin, View):
    http_method_names = ["post"]

    def post(self, request, *args, **kwargs):
        attachment = get_object_or_404(self.proposal.attachments, pk=kwargs["attachment_pk"])
        try:
            services.remove_attachment(attachment, by=request.user)
        except ChallengeError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("“%(name)s” is removed.") % {"name": attachment.original_name})
        return redirect("challenge:proposal_attachments", pk=self.proposal.pk)


@method_decorator(never_cache, name="dispatch")
class ProposalSubmitView(ApplicantProposalMixin, View):
    """ "Check and submit": the whole proposal and its total once more, then the explicit confirmation."""

    template_name = TEMPLATES + "submit.html"

    def render(self, error=None):
        overview = proposal_overview(self.proposal)
        context = {"proposal": overview.proposal, "overview": overview, "error": error}
        return render(self.request, self.template_name, context)

    def get(self, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        version = request.POST.get("version", "")
        try:
            services.submit_proposal(
                self.proposal, by=request.user, version=int(version) if version.isdigit() else None
            )
        except ChallengeError as error:
            if isinstance(error, ProposalChanged):
                self.permission_object = error.current
            return self.render(error.message)
        messages.success(
            request,
            _("Your proposal is submitted. Until the deadline you can still withdraw it to change it."),
        )
        return self.to_overview()


@method_decorator(never_cache, name="dispatch")
class ProposalWithdrawView(ApplicantProposalMixin, View):
    template_name = TEMPLATES + "withdraw.html"

    def render(self, error=None):
        context = {"proposal": self.proposal, "error": error}
        return render(self.request, self.template_name, context)

    def get(self, *args, **kwargs):
        return self.render()

    def post(self, request, *args, **kwargs):
        try:
            services.withdraw_proposal(self.proposal, by=request.user)
        except ChallengeError as error:
            return self.render(error.message)
        messages.success(
            request,
            _(
                "Your proposal is withdrawn. The jury will not see it unless you submit it again before the "
                "deadline."
            ),
        )
        return self.to_overview()


@method_decorator(never_cache, name="dispatch")
class AnswerQuestionView(ApplicantProposalMixin, View):
    """Answer one jury question, once, while the jury is reviewing. Who asked is never shown."""

    permission_required = "challenge.answer_question"
    template_name = TEMPLATES + "answer.html"

    @cached_property
    def question(self):
        return get_object_or_404(self.proposal.questions, pk=self.kwargs["question_pk"])

    def render(self, form):
        context = {"proposal": self.proposal, "question": self.question, "form": form}
        return render(self.request, self.template_name, context)

    def answered(self):
        messages.info(self.request, _("You have already answered this question."))
        return self.to_overview()

    def get(self, *args, **kwargs):
        if self.question.answer:
            return self.answered()
        return self.render(AnswerForm())

    def post(self, request, *args, **kwargs):
        if self.question.answer:
            return self.answered()
        form = AnswerForm(request.POST)
        if not form.is_valid():
            return self.render(form)
        try:
            answer_question(self.question, by=request.user, answer=form.cleaned_data["answer"])
        except ValidationError as error:
            form.add_error(None, error)
            return self.render(form)
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.render(form)
        messages.success(request, _("Your answer is sent. Every jury member of your proposal can read it."))
        return redirect(reverse("challenge:proposal", kwargs={"pk": self.proposal.pk}) + "#vragen")


class FeedbackView(ApplicantProposalMixin, TemplateView):
    """Once the results are published: the decision, the scores per criterion with what they mean, the jury's
    comments (never a private note or a name) and where the proposal stood against the funding line."""

    permission_required = "challenge.view_feedback"
    template_name = TEMPLATES + "feedback.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            proposal=self.proposal, feedback=feedback_for(self.proposal), **kwargs
        )
