"""Writing, saving, submitting and withdrawing a proposal (challenge/services/proposals.py)."""

from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from challenge.enums import Phase, ProposalStatus
from challenge.exceptions import (
    NotAnEditor,
    NotSubmitted,
    OverBudget,
    ProposalChanged,
    ProposalExists,
    ProposalIncomplete,
    ProposalNotEditable,
    SubmissionClosed,
    SubmissionNotOpen,
)
from challenge.services.proposals import save_proposal, start_proposal, submit_proposal, withdraw_proposal
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ChallengeFactory, ProposalFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


def test_start_proposal_for_an_initiative_the_user_edits():
    user = UserFactory(initiatiefnemer=True)
    initiative = InitiativeFactory(editors=[user])
    challenge = ChallengeFactory()

    proposal = start_proposal(challenge=challenge, initiative=initiative, by=user)

    assert (proposal.status, proposal.version, proposal.created_by) == (ProposalStatus.DRAFT, 1, user)
    with pytest.raises(ProposalExists):
        start_proposal(challenge=challenge, initiative=initiative, by=user)


def test_start_proposal_refused_for_another_initiative_and_outside_the_open_phase():
    user = UserFactory(initiatiefnemer=True)
    own = InitiativeFactory(editors=[user])

    with pytest.raises(NotAnEditor):
        start_proposal(challenge=ChallengeFactory(), initiative=InitiativeFactory(), by=user)
    with pytest.raises(SubmissionNotOpen):
        start_proposal(challenge=ChallengeFactory(phase=Phase.DRAFT), initiative=own, by=user)
    with pytest.raises(SubmissionClosed):
        start_proposal(challenge=ChallengeFactory(phase=Phase.REVIEW), initiative=own, by=user)


def test_save_proposal_replaces_the_budget_lines_and_raises_the_version():
    proposal = ProposalFactory(amounts=[100])

    saved = save_proposal(
        proposal,
        by=proposal.created_by,
        version=1,
        title="Naaicafé",
        in_kind_hours=40,
        budget_lines=[("Naaimachines", "1200"), ("", ""), ("Stof", "300,50")],
    )

    assert (saved.title, saved.in_kind_hours, saved.version) == ("Naaicafé", 40, 2)
    assert list(saved.budget_lines.values_list("description", "amount", "position")) == [
        ("Naaimachines", Decimal("1200.00"), 1),
        ("Stof", Decimal("300.50"), 2),
    ]
    entry = AuditEntry.objects.get(action="proposal.saved")
    assert entry.changes["budget"] == [
        [["Post 1", "100.00"]],
        [["Naaimachines", "1200.00"], ["Stof", "300.50"]],
    ]


def test_save_proposal_from_a_second_tab_raises_proposal_changed_with_what_was_saved():
    proposal = ProposalFactory()
    save_proposal(proposal, by=proposal.created_by, version=1, title="Eerste tab")

    with pytest.raises(ProposalChanged) as conflict:
        save_proposal(proposal, by=proposal.created_by, version=1, title="Tweede tab")

    assert (conflict.value.current.title, conflict.value.current.version) == ("Eerste tab", 2)
    proposal.refresh_from_db()
    assert proposal.title == "Eerste tab"


@pytest.mark.parametrize("line", [("Huur", "-5"), ("Huur", "0"), ("", "50"), ("Huur", "veel")])
def test_a_budget_line_that_is_not_right_is_refused_and_nothing_changes(line):
    proposal = ProposalFactory(amounts=[100])

    with pytest.raises(ValidationError):
        save_proposal(proposal, by=proposal.created_by, version=1, budget_lines=[line])

    assert list(proposal.budget_lines.values_list("amount", flat=True)) == [Decimal("100.00")]


def test_a_draft_over_the_maximum_is_saved_but_not_submitted():
    proposal = ProposalFactory(challenge=ChallengeFactory(max_per_proposal=Decimal("5000")), amounts=[])
    save_proposal(
        proposal, by=proposal.created_by, version=1, budget_lines=[("Bus", "4000"), ("Benzine", "1500")]
    )

    with pytest.raises(OverBudget) as refused:
        submit_proposal(proposal, by=proposal.created_by)

    proposal.refresh_from_db()
    assert (proposal.status, proposal.budget_lines.count()) == (ProposalStatus.DRAFT, 2)
    assert str(refused.value.message).startswith(
        "Je begroting vraagt € 5.500,00. Je kunt hoogstens € 5.000,00 vragen."
    )


def test_submit_proposal():
    proposal = ProposalFactory(amounts=[5000])

    submitted = submit_proposal(proposal, by=proposal.created_by, version=1)

    assert (submitted.status, submitted.submitted_at is not None, submitted.version) == (
        ProposalStatus.SUBMITTED,
        True,
        2,
    )
    assert AuditEntry.objects.get(action="proposal.submitted").changes["requested"] == [None, "5000.00"]


def test_submit_needs_the_required_parts_and_a_budget_line():
    proposal = ProposalFactory(amounts=[], plan="", team="")

    with pytest.raises(ProposalIncomplete) as refused:
        submit_proposal(proposal, by=proposal.created_by)

    assert refused.value.missing == ["plan", "team", "budget_lines"]
    assert "plan, team, begroting" in str(refused.value.message)


def test_submit_after_the_deadline_is_refused_with_a_clear_message():
    proposal = ProposalFactory(challenge=ChallengeFactory(phase=Phase.REVIEW))

    with pytest.raises(SubmissionClosed) as refused:
        submit_proposal(proposal, by=proposal.created_by)

    proposal.refresh_from_db()
    assert proposal.status == ProposalStatus.DRAFT
    assert str(refused.value.message).startswith("De deadline")


def test_a_submitted_proposal_cannot_be_saved_until_withdrawn_and_then_is_a_draft_again():
    proposal = ProposalFactory()
    editor = proposal.created_by
    submit_proposal(proposal, by=editor)

    with pytest.raises(ProposalNotEditable):
        save_proposal(proposal, by=editor, version=2, title="Later")
    withdrawn = withdraw_proposal(proposal, by=editor)
    again = save_proposal(proposal, by=editor, version=withdrawn.version, title="Beter")

    assert (withdrawn.status, again.status, again.title) == (
        ProposalStatus.WITHDRAWN,
        ProposalStatus.DRAFT,
        "Beter",
    )


def test_withdraw_only_a_submitted_proposal_and_only_until_the_deadline():
    with pytest.raises(NotSubmitted):
        withdraw_proposal(draft := ProposalFactory(), by=draft.created_by)
    late = ProposalFactory(challenge=ChallengeFactory(phase=Phase.REVIEW), submitted=True)
    with pytest.raises(SubmissionClosed):
        withdraw_proposal(late, by=late.created_by)


def test_someone_who_does_not_edit_the_initiative_cannot_save():
    proposal = ProposalFactory()

    with pytest.raises(NotAnEditor):
        save_proposal(proposal, by=UserFactory(initiatiefnemer=True), version=1, title="Overgenomen")
