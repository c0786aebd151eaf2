"""Recording decisions as pending and publishing them in bulk (challenge/services/decisions.py)."""

from decimal import Decimal

import pytest

from challenge.enums import Outcome, Phase
from challenge.exceptions import (
    AgreementRequired,
    AlreadyPublished,
    AmountNotLess,
    DecisionNotPossible,
    DecisionsIncomplete,
    OverTotalBudget,
)
from challenge.phases import current_phase
from challenge.services.decisions import mark_decided, publish_decisions, record_decision
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ChallengeFactory, ProposalFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def coordinator():
    return UserFactory(coordinator=True)


def deliberating(**values):
    return ChallengeFactory(phase=Phase.DELIBERATION, **values)


def test_award_gives_the_amount_requested_and_stays_pending(coordinator):
    proposal = ProposalFactory(challenge=deliberating(), submitted=True, amounts=[1200, 300])

    decision = record_decision(proposal, by=coordinator, outcome=Outcome.AWARD)

    assert (decision.amount, decision.published_at, decision.decided_by) == (
        Decimal("1500.00"),
        None,
        coordinator,
    )


def test_award_less_needs_agreement_and_a_lower_amount(coordinator):
    proposal = ProposalFactory(challenge=deliberating(), submitted=True, amounts=[2000])

    with pytest.raises(AgreementRequired):
        record_decision(proposal, by=coordinator, outcome=Outcome.AWARD_LESS, amount=Decimal("1500"))
    with pytest.raises(AmountNotLess):
        record_decision(
            proposal,
            by=coordinator,
            outcome=Outcome.AWARD_LESS,
            amount=Decimal("2000"),
            applicant_agreed=True,
        )
    decision = record_decision(
        proposal, by=coordinator, outcome=Outcome.AWARD_LESS, amount=Decimal("1500"), applicant_agreed=True
    )

    assert (decision.outcome, decision.amount) == (Outcome.AWARD_LESS, Decimal("1500"))


def test_reject_gives_nothing_and_a_decision_can_change_until_published(coordinator):
    proposal = ProposalFactory(challenge=deliberating(), submitted=True)
    record_decision(proposal, by=coordinator, outcome=Outcome.AWARD)

    decision = record_decision(proposal, by=coordinator, outcome=Outcome.REJECT)

    assert (decision.outcome, decision.amount) == (Outcome.REJECT, Decimal(0))


def test_awards_stay_within_the_total_budget(coordinator):
    challenge = deliberating(total_budget=Decimal("6000"), max_per_proposal=Decimal("5000"))
    first, second = ProposalFactory.create_batch(2, challenge=challenge, submitted=True, amounts=[4000])
    record_decision(first, by=coordinator, outcome=Outcome.AWARD)

    with pytest.raises(OverTotalBudget):
        record_decision(second, by=coordinator, outcome=Outcome.AWARD)


def test_no_decision_during_the_review_or_on_a_draft(coordinator):
    with pytest.raises(DecisionNotPossible):
        record_decision(
            ProposalFactory(challenge=ChallengeFactory(phase=Phase.REVIEW), submitted=True),
            by=coordinator,
            outcome=Outcome.REJECT,
        )
    with pytest.raises(DecisionNotPossible):
        record_decision(ProposalFactory(challenge=deliberating()), by=coordinator, outcome=Outcome.REJECT)


def test_publish_needs_every_submitted_proposal_decided_then_publishes_all_at_once(coordinator):
    challenge = deliberating()
    first, second = ProposalFactory.create_batch(2, challenge=challenge, submitted=True)
    ProposalFactory(challenge=challenge)  # a draft needs no decision
    record_decision(first, by=coordinator, outcome=Outcome.AWARD)

    with pytest.raises(DecisionsIncomplete):
        publish_decisions(challenge, by=coordinator)
    record_decision(second, by=coordinator, outcome=Outcome.REJECT)
    published = publish_decisions(challenge, by=coordinator)

    first.decision.refresh_from_db()
    second.decision.refresh_from_db()
    assert first.decision.published_at == second.decision.published_at == published.published_at
    assert current_phase(published) == Phase.PUBLISHED
    with pytest.raises(AlreadyPublished):
        record_decision(first, by=coordinator, outcome=Outcome.REJECT)


def test_mark_decided_closes_the_deliberation(coordinator):
    challenge = deliberating()
    record_decision(
        ProposalFactory(challenge=challenge, submitted=True), by=coordinator, outcome=Outcome.AWARD
    )

    decided = mark_decided(challenge, by=coordinator)

    assert current_phase(decided) == Phase.DECIDED
