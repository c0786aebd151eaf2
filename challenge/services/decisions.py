"""Decisions on proposals: recorded as pending during deliberation, published for the whole call at once.

Publishing is one transaction: every pending decision and the call get the same `published_at`, so an
applicant never sees a result before the others, and the results page never shows half a list.
"""

from decimal import Decimal

from django.db import transaction
from django.db.models import Sum
from django.utils import timezone

from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..enums import Outcome, Phase, ProposalStatus
from ..exceptions import (
    AgreementRequired,
    AlreadyPublished,
    AmountNotLess,
    DecisionNotPossible,
    DecisionsIncomplete,
    OverTotalBudget,
)
from ..models import Challenge, Decision, Proposal
from ..phases import current_phase
from ..queries.common import requested_amount

DECISION_FIELDS = ("outcome", "amount", "applicant_agreed")
DECIDING_PHASES = frozenset({Phase.DELIBERATION, Phase.DECIDED})


def record_decision(
    proposal: Proposal,
    *,
    by,
    outcome: Outcome,
    amount: Decimal | None = None,
    applicant_agreed: bool = False,
) -> Decision:
    """Record (or change) the pending decision on a submitted proposal.

    AWARD gives the amount requested; AWARD_LESS gives `amount`, more than 0 and less than requested, and
    only with `applicant_agreed`; REJECT gives nothing. All awards together stay within the total budget.
    """
    with transaction.atomic():
        challenge = _lock_deciding(proposal.challenge)
        proposal = Proposal.objects.get(pk=proposal.pk)
        if proposal.status != ProposalStatus.SUBMITTED:
            raise DecisionNotPossible
        requested = requested_amount(proposal)
        if outcome == Outcome.AWARD:
            amount, applicant_agreed = requested, False
        elif outcome == Outcome.AWARD_LESS:
            if not applicant_agreed:
                raise AgreementRequired
            if amount is None or not Decimal(0) < amount < requested:
                raise AmountNotLess
        else:
            amount, applicant_agreed = Decimal(0), False
        others = Decision.objects.filter(proposal__challenge=challenge).exclude(proposal=proposal).aggregate(
            total=Sum("amount")
        )["total"] or Decimal(0)
        if others + amount > challenge.total_budget:
            raise OverTotalBudget
        existing = Decision.objects.filter(proposal=proposal).first()
        before = snapshot(existing, DECISION_FIELDS) if existing else {}
        decision, _created = Decision.objects.update_or_create(
            proposal=proposal,
            defaults={
                "outcome": outcome,
                "amount": amount,
                "applicant_agreed": applicant_agreed,
                "decided_by": by,
                "decided_at": timezone.now(),
                "published_at": None,
            },
        )
        record_change(
            by=by,
            action="decision.recorded",
            target=decision,
            changes=changed_fields(before, decision, DECISION_FIELDS),
        )
    return decision


def mark_decided(challenge: Challenge, *, by) -> Challenge:
    """Close the deliberation: every submitted proposal has a decision; they wait to be published."""
    with transaction.atomic():
        challenge = _lock_deciding(challenge)
        _check_every_proposal_decided(challenge)
        if challenge.decided_at is None:
            challenge.decided_at = timezone.now()
            challenge.save(update_fields=["decided_at"])
            record_change(
                by=by,
                action="challenge.decided",
                target=challenge,
                changes={"decided_at": [None, challenge.decided_at.isoformat()]},
            )
    return challenge


def publish_decisions(challenge: Challenge, *, by) -> Challenge:
    """Publish every pending decision of the call and the call's results, at one moment."""
    with transaction.atomic():
        challenge = _lock_deciding(challenge)
        _check_every_proposal_decided(challenge)
        now = timezone.now()
        published = Decision.objects.filter(proposal__challenge=challenge, published_at__isnull=True).update(
            published_at=now
        )
        challenge.decided_at = challenge.decided_at or now
        challenge.published_at = now
        challenge.save(update_fields=["decided_at", "published_at"])
        record_change(
            by=by,
            action="challenge.published",
            target=challenge,
            changes={"published_at": [None, now.isoformat()], "decisions": [None, published]},
        )
    return challenge


def _lock_deciding(challenge: Challenge) -> Challenge:
    locked = Challenge.objects.select_for_update().get(pk=challenge.pk)
    phase = current_phase(locked)
    if phase == Phase.PUBLISHED:
        raise AlreadyPublished
    if phase not in DECIDING_PHASES:
        raise DecisionNotPossible
    return locked


def _check_every_proposal_decided(challenge: Challenge) -> None:
    undecided = Proposal.objects.filter(
        challenge=challenge, status=ProposalStatus.SUBMITTED, decision__isnull=True
    ).exists()
    if undecided:
        raise DecisionsIncomplete
