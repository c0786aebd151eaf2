"""Reads of the applicant's pages (views/apply.py): one proposal as its own page shows it, and the calls one
can still write a proposal for. The pieces come from queries.applicant; this module puts them together."""

from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.utils import timezone

from ..enums import Phase, ProposalStatus
from ..models import Decision, Proposal
from ..phases import phase_of
from .applicant import ApplicantStatus, ProposalForEditing, applicant_status, proposal_for_editing
from .public import CallSummary, public_calls


@dataclass(frozen=True)
class ProposalOverview:
    editing: ProposalForEditing  # lines, total against the maximum, attachments, questions
    phase: Phase
    status: ApplicantStatus
    decision: Decision | None  # only once published
    can_change: bool  # a draft or withdrawn proposal while the call is open
    can_withdraw: bool  # submitted, before the deadline
    can_answer: bool  # the jury is reviewing: questions may be answered

    @property
    def proposal(self) -> Proposal:
        return self.editing.proposal

    @property
    def over_by(self) -> Decimal:
        return max(self.editing.requested - self.editing.maximum, Decimal("0.00"))

    @property
    def unanswered(self) -> int:
        return sum(1 for question in self.editing.questions if not question.answer)


def proposal_overview(proposal: Proposal, now: datetime | None = None) -> ProposalOverview:
    """Everything the applicant's page on one proposal shows (four queries)."""
    now = now or timezone.now()
    phase = phase_of(proposal.challenge, now)
    decision = Decision.objects.filter(proposal=proposal, published_at__isnull=False).first()
    submitted = proposal.status == ProposalStatus.SUBMITTED
    return ProposalOverview(
        editing=proposal_for_editing(proposal),
        phase=phase,
        status=applicant_status(proposal, phase, decision),
        decision=decision,
        can_change=phase == Phase.OPEN and not submitted,
        can_withdraw=phase == Phase.OPEN and submitted,
        can_answer=phase == Phase.REVIEW,
    )


def open_calls(now: datetime | None = None) -> list[CallSummary]:
    """The calls open for proposals now, newest first (one query)."""
    return [call for call in public_calls(now) if call.phase == Phase.OPEN]
