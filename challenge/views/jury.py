"""The jury member's pages (DESIGN.md §3.3): her calls, per call her assigned proposals with progress and the
conflict declaration, the review of one proposal with the clarification question, and its attachments.

A proposal comes only through challenge.access.assigned_review_or_404, which answers 404 for a proposal that
is not hers or that she declared a conflict with. Other jurors' scores come from queries.jury.other_reviews,
which is empty until her own review is submitted: the template cannot show what it is not given.
"""

from django.contrib import messages
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.generic import FormView, TemplateView, View

from ondernemend.permissions import PermissionRequiredMixin

from ..access import assigned_review_or_404, jury_challenge_or_404
from ..enums import AttachmentType, Phase
from ..exceptions import ChallengeError, ReviewChanged
from ..forms.jury import SUBMIT, ConflictForm, QuestionForm, ReviewForm
from ..phases import current_phase
from ..queries import jury as queries
from ..services import jury as jury_services
from ..services import reviews as review_services

CONTENT_TYPES = {
    AttachmentType.PDF: "application/pdf",
    AttachmentType.PNG: "image/png",
    AttachmentType.JPEG: "image/jpeg",
}


@method_decorator(never_cache, name="dispatch")
class JuryMixin(PermissionRequiredMixin):
    """Anonymous: to the log-in page; not hers: 404 (through challenge.access); never cached."""


class JuryHomeView(JuryMixin, TemplateView):
    permission_required = "challenge.view_jury_home"
    template_name = "challenge/jury/home.html"

    def get_context_data(self, **kwargs):
        challenges = queries.jury_challenges(self.request.user)
        rows = [(challenge, current_phase(challenge)) for challenge in challenges]
        return super().get_context_data(rows=rows, **kwargs)


class JuryWorkView(JuryMixin, TemplateView):
    """Her assigned proposals with "4 of 9", and every submitted proposal to check for a conflict."""

    permission_required = "challenge.view_jury_work"
    template_name = "challenge/jury/work.html"

    def get_permission_object(self):
        return jury_challenge_or_404(self.request.user, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        challenge = self.permission_object
        work = queries.jury_work(self.request.user, challenge)
        conflicts = queries.conflicts_of(work.member)
        to_check = [
            (proposal, conflicts.get(proposal.pk))
            for proposal in queries.proposals_for_conflict_check(challenge)
        ]
        return super().get_context_data(
            challenge=challenge, phase=current_phase(challenge), work=work, to_check=to_check, **kwargs
        )


class DeclareConflictView(JuryMixin, FormView):
    permission_required = "challenge.declare_conflict"
    template_name = "challenge/jury/conflict.html"
    form_class = ConflictForm

    def get_permission_object(self):
        return jury_challenge_or_404(self.request.user, self.kwargs["slug"])

    def dispatch(self, request, *args, **kwargs):
        self.proposal = None
        return super().dispatch(request, *args, **kwargs)

    def get_proposal(self):
        if self.proposal is None:
            self.proposal = queries.proposal_for_conflict_check(self.permission_object, self.kwargs["pk"])
            if self.proposal is None:
                raise Http404
        return self.proposal

    def form_valid(self, form):
        challenge = self.permission_object
        proposal = self.get_proposal()
        try:
            jury_services.declare_conflict(
                queries.jury_member(self.request.user, challenge),
                proposal,
                by=self.request.user,
                kind=form.cleaned_data["kind"],
                note=form.cleaned_data["note"],
            )
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your conflict with “%(title)s” is saved. You will not review this proposal.")
            % {"title": proposal},
        )
        return redirect("challenge:jury_work", slug=challenge.slug)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            challenge=self.permission_object, proposal=self.get_proposal(), **kwargs
        )


class ReviewPageMixin(JuryMixin):
    """What the review page shows around its two forms (the review and the question)."""

    template_name = "challenge/jury/review.html"

    def get_permission_object(self):
        return assigned_review_or_404(self.request.user, self.kwargs["pk"])

    @property
    def page(self):
        if not hasattr(self, "_page"):
            self._page = queries.review_page(self.permission_object)
        return self._page

    def review_form(self, **kwargs):
        page = self.page
        return ReviewForm(criteria=page.criteria, review=page.review, scores=page.scores, **kwargs)

    def page_context(self, **kwargs):
        page = self.page
        in_review = current_phase(page.proposal.challenge) == Phase.REVIEW
        kwargs.setdefault("review_form", self.review_form() if in_review else None)
        kwargs.setdefault(
            "question_form", QuestionForm() if in_review and not page.my_question_asked else None
        )
        return {
            "page": page,
            "proposal": page.proposal,
            "challenge": page.proposal.challenge,
            "content": queries.proposal_content(page.proposal),
            "in_review": in_review,
            "other_scores": [
                (criterion, [other.scores.get(criterion.pk) for other in page.others])
                for criterion in page.criteria
            ],
            **kwargs,
        }


class ReviewView(ReviewPageMixin, FormView):
    """Save as draft or submit (confirmed). A save from a second tab keeps everything typed and shows what
    the other tab saved (ReviewChanged)."""

    permission_required = "challenge.review_proposal"

    def get_form(self, *args, **kwargs):
        submitting = self.request.method == "POST" and self.request.POST.get("action") == SUBMIT
        return self.review_form(submitting=submitting, **self.get_form_kwargs())

    def form_valid(self, form):
        assignment = self.permission_object
        submitting = form.submitting
        save = review_services.submit_review if submitting else review_services.save_review
        try:
            save(
                assignment,
                by=self.request.user,
                version=form.cleaned_data["version"],
                scores=form.scores(),
                **form.texts(),
            )
        except ReviewChanged as conflict:
            return self.show_conflict(form, conflict)
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        if submitting:
            messages.success(self.request, _("Your review is submitted. Below you see the other scores."))
        else:
            messages.success(self.request, _("Your review is saved."))
        return redirect("challenge:review", pk=assignment.proposal_id)

    def show_conflict(self, form, conflict: ReviewChanged):
        """Keep what she typed; the form now carries the newest version, so saving again is a choice."""
        current = conflict.current
        data = form.data.copy()
        data["version"] = current.version
        retry = self.review_form(data=data, submitting=form.submitting)
        retry.is_valid()
        saved_scores = {score.criterion_id: score.value for score in current.scores.all()}
        saved = {
            "message": conflict.message,
            "current": current,
            "scores": [(criterion, saved_scores.get(criterion.pk)) for criterion in self.page.criteria],
        }
        return self.render_to_response(self.get_context_data(form=retry, conflict=saved))

    def get_context_data(self, **kwargs):
        form = kwargs.pop("form", None) or self.get_form()
        # Outside the review the form is shown only to say why a save was refused, with her text kept.
        if form.is_bound or current_phase(self.page.proposal.challenge) == Phase.REVIEW:
            kwargs["review_form"] = form
        return super().get_context_data(**self.page_context(**kwargs))


class AskQuestionView(ReviewPageMixin, FormView):
    permission_required = "challenge.ask_question"
    form_class = QuestionForm
    http_method_names = ["post"]

    def form_valid(self, form):
        assignment = self.permission_object
        try:
            review_services.ask_question(assignment, by=self.request.user, text=form.cleaned_data["text"])
        except ChallengeError as error:
            form.add_error(None, error.message)
            return self.form_invalid(form)
        messages.success(self.request, _("Your question is sent to the applicant."))
        return redirect("challenge:review", pk=assignment.proposal_id)

    def get_context_data(self, **kwargs):
        return super().get_context_data(**self.page_context(question_form=kwargs.pop("form"), **kwargs))


class AttachmentView(JuryMixin, View):
    """An attachment of an assigned proposal, through the same permission as the review page: files are
    never served from a public media address."""

    permission_required = "challenge.review_proposal"

    def get_permission_object(self):
        return assigned_review_or_404(self.request.user, self.kwargs["pk"])

    def get(self, *args, **kwargs):
        attachment = queries.attachment_of(self.permission_object.proposal, self.kwargs["attachment"])
        if attachment is None:
            raise Http404
        # The type recognised from the content at upload (challenge.uploads), never guessed from the name.
        response = FileResponse(
            attachment.file.open("rb"),
            as_attachment=True,
            filename=attachment.original_name,
            content_type=CONTENT_TYPES[attachment.kind],
        )
        response["X-Content-Type-Options"] = "nosniff"
        return response
