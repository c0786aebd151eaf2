"""The jury: members, declared conflicts, and dividing the proposals (challenge/services/jury.py)."""

from collections import Counter

import pytest

from challenge.enums import ConflictKind, Phase
from challenge.exceptions import (
    AlreadyInJury,
    AssignmentLocked,
    AssignmentNotPossible,
    NotAJuror,
    ReviewAlreadyStarted,
)
from challenge.models import Assignment, Conflict
from challenge.services.jury import add_juror, assign_jurors, declare_conflict
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    JuryMemberFactory,
    ProposalFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def call_in_review(proposals=6, jurors=4, k=3):
    challenge = ChallengeFactory(phase=Phase.REVIEW, jurors_per_proposal=k)
    return (
        challenge,
        ProposalFactory.create_batch(proposals, challenge=challenge, submitted=True),
        JuryMemberFactory.create_batch(jurors, challenge=challenge),
    )


def test_add_juror_needs_the_jury_member_role_and_is_once_per_call():
    challenge = ChallengeFactory()
    coordinator = UserFactory(coordinator=True)
    juror = UserFactory(jurylid=True)

    member = add_juror(challenge, juror, by=coordinator)

    assert (member.user, AuditEntry.objects.get(action="jury.member_added").user) == (juror, coordinator)
    with pytest.raises(AlreadyInJury):
        add_juror(challenge, juror, by=coordinator)
    with pytest.raises(NotAJuror):
        add_juror(challenge, UserFactory(gemeente=True), by=coordinator)


def test_assign_jurors_gives_each_proposal_k_jurors_with_loads_within_one():
    challenge, proposals, _members = call_in_review(proposals=7, jurors=4, k=3)
    ProposalFactory(challenge=challenge)  # a draft gets no jurors

    result = assign_jurors(challenge, by=UserFactory(coordinator=True))

    per_proposal = Counter(Assignment.objects.values_list("proposal_id", flat=True))
    loads = Counter(Assignment.objects.values_list("member_id", flat=True))
    assert per_proposal == dict.fromkeys((proposal.pk for proposal in proposals), 3)
    assert max(loads.values()) - min(loads.values()) <= 1
    assert result.short == ()


def test_assign_jurors_never_pairs_a_conflict():
    challenge, proposals, members = call_in_review(proposals=4, jurors=4, k=3)
    Conflict.objects.create(member=members[0], proposal=proposals[0], kind=ConflictKind.FAMILY)

    assign_jurors(challenge, by=UserFactory(coordinator=True))

    assert not Assignment.objects.filter(member=members[0], proposal=proposals[0]).exists()


def test_assign_jurors_only_in_review_and_before_any_review_started():
    challenge, _proposals, _members = call_in_review()
    coordinator = UserFactory(coordinator=True)
    assign_jurors(challenge, by=coordinator)
    ReviewFactory(assignment=Assignment.objects.first())

    with pytest.raises(AssignmentLocked):
        assign_jurors(challenge, by=coordinator)
    with pytest.raises(AssignmentNotPossible):
        assign_jurors(ChallengeFactory(phase=Phase.OPEN), by=coordinator)


def test_declare_conflict_before_reviews_divides_again_without_the_pair():
    challenge, _proposals, members = call_in_review(proposals=4, jurors=4, k=3)
    assign_jurors(challenge, by=UserFactory(coordinator=True))
    pair = Assignment.objects.filter(member=members[1]).first()

    declare_conflict(
        members[1], pair.proposal, by=members[1].user, kind=ConflictKind.ORGANISATION, note="Bestuur"
    )

    assert not Assignment.objects.filter(member=members[1], proposal=pair.proposal).exists()
    assert Assignment.objects.filter(proposal=pair.proposal).count() == 3
    loads = Counter(Assignment.objects.values_list("member_id", flat=True))
    assert max(loads.values()) - min(loads.values()) <= 1
    assert AuditEntry.objects.filter(action="jury.conflict_declared").count() == 1


def test_declare_conflict_after_reviews_started_elsewhere_gives_the_place_to_the_least_loaded_juror():
    _challenge, proposals, members = call_in_review(proposals=2, jurors=4, k=2)
    first = AssignmentFactory(member=members[0], proposal=proposals[0])
    AssignmentFactory(member=members[1], proposal=proposals[0])
    AssignmentFactory(member=members[2], proposal=proposals[1])
    AssignmentFactory(member=members[3], proposal=proposals[1])
    ReviewFactory(assignment=Assignment.objects.get(member=members[2]))  # a review elsewhere has started

    declare_conflict(members[0], proposals[0], by=members[0].user, kind=ConflictKind.FUNDING)

    assert not Assignment.objects.filter(pk=first.pk).exists()
    assert sorted(Assignment.objects.filter(proposal=proposals[0]).values_list("member_id", flat=True)) == [
        members[1].pk,
        members[2].pk,
    ]


def test_declare_conflict_on_a_started_review_is_refused_and_nothing_changes():
    assignment = AssignmentFactory()
    ReviewFactory(assignment=assignment)

    with pytest.raises(ReviewAlreadyStarted):
        declare_conflict(
            assignment.member, assignment.proposal, by=assignment.member.user, kind=ConflictKind.FAMILY
        )

    assert (Conflict.objects.count(), Assignment.objects.count()) == (0, 1)
