"""The coördinator's deliberation: the ranking with its flags and the suggested allocation, a decision per
proposal (recorded as pending), and publishing all decisions at once after a confirmation step.

The numbers come from challenge.queries.deliberation (a constant number of queries, whatever the size of the
call), the mathematics from challenge.scoring; the writes are challenge.services.decisions.
"""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import View

from ondernemend.permissions import PermissionRequiredMixin

from ..access import managed_challenge_or_404, managed_proposal_or_404
from ..enums import Outcome, ProposalStatus
from ..exceptions import AgreementRequired, AmountNotLess, ChallengeError
from ..forms.deliberation import DecisionForm
from ..models import Challenge, Proposal
from ..phases import current_phase
from ..queries.common import requested_amount
from ..queries.deliberation import deliberation_screen
from ..services import decisions as services
from ..services.decisions import DECIDING_PHASES

# The form field a service error belongs to; any other error is shown above the form.
ERROR_FIELDS = {AgreementRequired: "applicant_agreed", AmountNotLess: "amount"}


class ManagedChallengeMixin(PermissionRequiredMixin):
    """Any call by slug, for whoever may decide (the coördinator); 403 for other roles."""

    def get_permission_object(self):
        return managed_challenge_or_404(self.request.user, self.kwargs["slug"])

    @property
    def challenge(self) -> Challenge:
        return self.permission_object


class DeliberationView(ManagedChallengeMixin, View):
    permission_required = "challenge.view_deliberation"
    template_name = "challenge/deliberation/screen.html"

    def get(self, request, *args, **kwargs):
        screen = deliberation_screen(self.challenge)
        phase = current_phase(self.challenge)
        context = {
            "challenge": self.challenge,
            "screen": screen,
            "phase": phase,
            "can_decide": phase in DECIDING_PHASES
            and request.user.has_perm("challenge.decide", self.challenge),
        }
        return render(request, self.template_name, context)


class DecideView(ManagedChallengeMixin, View):
    permission_required = "challenge.decide"
    template_name = "challenge/deliberation/decide.html"

    def proposal(self) -> Proposal:
        proposal = managed_proposal_or_404(self.request.user, self.kwargs["pk"])
        if proposal.challenge_id != self.challenge.pk or proposal.status != ProposalStatus.SUBMITTED:
            raise Http404
        return proposal

    def get(self, *args, **kwargs):
        proposal = self.proposal()
        initial = {}
        if decision := getattr(proposal, "decision", None):
            initial = {"outcome": decision.outcome, "applicant_agreed": decision.applicant_agreed}
            if decision.outcome == Outcome.AWARD_LESS:
                initial["amount"] = decision.amount
        return self.page(proposal, DecisionForm(initial=initial))

    def post(self, request, *args, **kwargs):
        proposal = self.proposal()
        form = DecisionForm(request.POST)
        if form.is_valid():
            try:
                services.record_decision(
                    proposal,
                    by=request.user,
                    outcome=form.cleaned_data["outcome"],
                    amount=form.cleaned_data["amount"],
                    applicant_agreed=form.cleaned_data["applicant_agreed"],
                )
            except ChallengeError as error:
                form.add_error(ERROR_FIELDS.get(type(error)), error.message)
            else:
                messages.success(
                    request,
                    _(
                        "The decision on “%(title)s” is recorded. Nobody sees it until you publish all "
                        "decisions."
                    )
                    % {"title": proposal},
                )
                return redirect("challenge:deliberation", slug=self.challenge.slug)
        return self.page(proposal, form, status=400)

    def page(self, proposal, form, status=200):
        context = {
            "challenge": self.challenge,
            "proposal": proposal,
            "requested": requested_amount(proposal),
            "form": form,
            "outcomes": Outcome,
        }
        return render(self.request, self.template_name, context, status=status)


class PublishView(ManagedChallengeMixin, View):
    permission_required = "challenge.decide"
    template_name = "challenge/deliberation/publish.html"

    def get(self, *args, **kwargs):
        return self.page()

    def post(self, request, *args, **kwargs):
        try:
            services.publish_decisions(self.challenge, by=request.user)
        except ChallengeError as error:
            return self.page(error=error.message, status=400)
        messages.success(request, _("All decisions are published. The applicants can now read the results."))
        return redirect("challenge:deliberation", slug=self.challenge.slug)

    def page(self, error=None, status=200):
        screen = deliberation_screen(self.challenge)
        decisions = [item.row.decision for item in screen.ranking if item.row.decision is not None]
        context = {
            "challenge": self.challenge,
            "screen": screen,
            "awards": sum(1 for decision in decisions if decision.outcome != Outcome.REJECT),
            "rejections": sum(1 for decision in decisions if decision.outcome == Outcome.REJECT),
            "phase": current_phase(self.challenge),
            "error": error,
        }
        return render(self.request, self.template_name, context, status=status)
