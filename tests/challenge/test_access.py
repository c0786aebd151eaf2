"""Who may read what in the challenge: the fetch-or-404 helpers (challenge/access.py) and the rules."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.http import Http404

from challenge.access import (
    assigned_review_or_404,
    editable_proposal_or_404,
    managed_challenge_or_404,
    managed_proposal_or_404,
    public_challenge_or_404,
)
from challenge.enums import ConflictKind, Phase
from challenge.models import Conflict
from tests.factories.accounts import UserFactory
from tests.factories.challenge import AssignmentFactory, ChallengeFactory, JuryMemberFactory, ProposalFactory

pytestmark = pytest.mark.django_db


def test_a_draft_call_is_not_public():
    ChallengeFactory(slug="later", phase=Phase.DRAFT)
    ChallengeFactory(slug="nu", phase=Phase.OPEN)

    with pytest.raises(Http404):
        public_challenge_or_404("later")
    assert public_challenge_or_404("nu").slug == "nu"


def test_managed_challenge_fetches_any_call_and_the_permission_answers_403():
    challenge = ChallengeFactory(phase=Phase.DRAFT)
    gemeente = UserFactory(gemeente=True)

    assert managed_challenge_or_404(gemeente, challenge.slug) == challenge
    assert gemeente.has_perm("challenge.manage_challenge", challenge) is False
    assert UserFactory(coordinator=True).has_perm("challenge.manage_challenge", challenge) is True
    assert managed_challenge_or_404(AnonymousUser(), challenge.slug) is None


def test_an_applicant_reads_only_proposals_of_initiatives_they_edit():
    own, other = ProposalFactory(), ProposalFactory()
    applicant = own.created_by

    assert editable_proposal_or_404(applicant, own.pk) == own
    with pytest.raises(Http404):
        editable_proposal_or_404(applicant, other.pk)
    assert applicant.has_perm("challenge.change_proposal", own) is True
    assert applicant.has_perm("challenge.view_proposal", other) is False


def test_a_juror_opens_an_assigned_proposal_but_not_an_unassigned_or_conflicted_one():
    assignment = AssignmentFactory()
    juror = assignment.member.user
    unassigned = ProposalFactory(challenge=assignment.proposal.challenge, submitted=True)
    conflicted = AssignmentFactory(member=assignment.member).proposal
    Conflict.objects.create(member=assignment.member, proposal=conflicted, kind=ConflictKind.FAMILY)

    assert assigned_review_or_404(juror, assignment.proposal.pk) == assignment
    for proposal in (unassigned, conflicted):
        with pytest.raises(Http404):
            assigned_review_or_404(juror, proposal.pk)
    assert juror.has_perm("challenge.review_proposal", assignment) is True
    assert [
        juror.has_perm("challenge.view_proposal", p) for p in (assignment.proposal, unassigned, conflicted)
    ] == [
        True,
        False,
        False,
    ]


def test_another_juror_cannot_open_someone_elses_assignment():
    assignment = AssignmentFactory()
    colleague = JuryMemberFactory(challenge=assignment.proposal.challenge).user

    with pytest.raises(Http404):
        assigned_review_or_404(colleague, assignment.proposal.pk)


@pytest.mark.parametrize("role", ["gemeente", "jurylid", "initiatiefnemer", "coach"])
def test_no_role_but_the_coordinator_reads_a_proposal_it_has_no_part_in(role):
    proposal = ProposalFactory(submitted=True)
    user = UserFactory(**{role: True})

    assert user.has_perm("challenge.view_proposal", proposal) is False
    with pytest.raises(Http404):
        managed_proposal_or_404(user, proposal.pk)


def test_gemeente_has_no_challenge_permission_at_all():
    assignment = AssignmentFactory()
    gemeente = UserFactory(gemeente=True)
    proposal, challenge = assignment.proposal, assignment.proposal.challenge

    checks = {
        "challenge.manage_challenge": challenge,
        "challenge.decide": challenge,
        "challenge.view_deliberation": challenge,
        "challenge.view_proposal": proposal,
        "challenge.change_proposal": proposal,
        "challenge.view_feedback": proposal,
        "challenge.review_proposal": assignment,
        "challenge.view_jury_work": challenge,
    }
    assert {perm: gemeente.has_perm(perm, obj) for perm, obj in checks.items()} == dict.fromkeys(
        checks, False
    )


def test_the_coordinator_manages_and_reads_every_proposal():
    proposal = ProposalFactory(submitted=True)
    coordinator = UserFactory(coordinator=True)

    assert managed_proposal_or_404(coordinator, proposal.pk) == proposal
    assert [
        coordinator.has_perm(perm, proposal) for perm in ("challenge.view_proposal", "challenge.decide")
    ] == [
        True,
        True,
    ]


def test_the_applicant_rules_on_an_initiative_and_a_proposal():
    proposal = ProposalFactory(submitted=True)
    applicant, stranger = proposal.created_by, UserFactory(initiatiefnemer=True)
    perms = ("challenge.change_proposal", "challenge.answer_question", "challenge.view_feedback")

    assert [applicant.has_perm(perm, proposal) for perm in perms] == [True, True, True]
    assert [stranger.has_perm(perm, proposal) for perm in perms] == [False, False, False]
    assert [
        user.has_perm("challenge.add_proposal", proposal.initiative) for user in (applicant, stranger)
    ] == [
        True,
        False,
    ]


def test_jury_rules_on_a_call_hold_only_for_its_jury_members():
    member = JuryMemberFactory()
    outsider = UserFactory(jurylid=True)
    perms = ("challenge.view_jury_work", "challenge.declare_conflict")

    assert [member.user.has_perm(perm, member.challenge) for perm in perms] == [True, True]
    assert [outsider.has_perm(perm, member.challenge) for perm in perms] == [False, False]
