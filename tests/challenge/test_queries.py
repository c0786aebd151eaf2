"""The reads of the challenge: the public call, the applicant's view, the juror's view, the deliberation."""

from decimal import Decimal

import pytest
from django.utils import timezone

from challenge.enums import Outcome, Phase, ProposalStatus
from challenge.models import Assignment, Review, Score
from challenge.queries.applicant import applicant_status, feedback_for, proposals_of, questions_for_applicant
from challenge.queries.deliberation import deliberation_data
from challenge.queries.jury import jury_work, other_reviews, review_page
from challenge.queries.public import call_detail, public_calls, results
from tests.factories.challenge import (
    AssignmentFactory,
    ChallengeFactory,
    CriterionFactory,
    DecisionFactory,
    FaqEntryFactory,
    JuryMemberFactory,
    ProposalFactory,
    QuestionFactory,
    ReviewFactory,
)

pytestmark = pytest.mark.django_db


def test_call_detail_holds_the_rubric_with_levels_the_faq_and_the_phase(django_assert_num_queries):
    challenge = ChallengeFactory()
    CriterionFactory(challenge=challenge, with_levels=True, name="Haalbaarheid")
    FaqEntryFactory(challenge=challenge, question="Wanneer komt het geld?")

    with django_assert_num_queries(3):
        call = call_detail(challenge)
        levels = [level.descriptor for level in call.criteria[0].levels.all()]

    assert (call.phase, call.criteria[0].name, call.faq[0].question) == (
        Phase.OPEN,
        "Haalbaarheid",
        "Wanneer komt het geld?",
    )
    assert levels == ["Niveau 1", "Niveau 2", "Niveau 3", "Niveau 4", "Niveau 5"]


def test_public_calls_leave_out_drafts():
    ChallengeFactory(phase=Phase.DRAFT)
    open_call = ChallengeFactory()

    assert [(row.challenge, row.phase) for row in public_calls()] == [(open_call, Phase.OPEN)]


def test_results_only_when_published_and_only_awarded_proposals():
    challenge = ChallengeFactory(phase=Phase.PUBLISHED, total_budget=Decimal("10000"))
    now = timezone.now()
    DecisionFactory(
        proposal=ProposalFactory(challenge=challenge, submitted=True, title="Naaicafé"),
        amount=Decimal("3000"),
        published_at=now,
    )
    DecisionFactory(
        proposal=ProposalFactory(challenge=challenge, submitted=True),
        outcome=Outcome.REJECT,
        amount=0,
        published_at=now,
    )

    outcome = results(challenge)

    assert [(row.title, row.amount) for row in outcome.awarded] == [("Naaicafé", Decimal("3000"))]
    assert (outcome.total_awarded, outcome.remaining, outcome.decided_count) == (
        Decimal("3000"),
        Decimal("7000"),
        2,
    )
    assert results(ChallengeFactory(phase=Phase.DELIBERATION)) is None


def test_the_applicant_sees_a_status_at_every_phase():
    draft = ProposalFactory.build(status=ProposalStatus.DRAFT)
    submitted = ProposalFactory.build(status=ProposalStatus.SUBMITTED)
    published = DecisionFactory.build(
        outcome=Outcome.AWARD, amount=Decimal("900"), published_at=timezone.now()
    )

    codes = [
        applicant_status(draft, Phase.OPEN, None).code,
        applicant_status(submitted, Phase.OPEN, None).code,
        applicant_status(draft, Phase.REVIEW, None).code,
        applicant_status(submitted, Phase.REVIEW, None).code,
        applicant_status(submitted, Phase.DECIDED, None).code,
        applicant_status(submitted, Phase.PUBLISHED, published).code,
    ]

    assert codes == ["draft", "submitted", "late", "in-review", "deciding", "awarded"]


def test_proposals_of_an_applicant_hide_a_pending_decision(django_assert_num_queries):
    proposal = ProposalFactory(
        challenge=ChallengeFactory(phase=Phase.DECIDED), submitted=True, amounts=[700, 300]
    )
    DecisionFactory(proposal=proposal)
    ProposalFactory()  # someone else's

    with django_assert_num_queries(1):
        rows = proposals_of(proposal.created_by)

    assert [(row.proposal, row.requested, row.decision, row.status.code) for row in rows] == [
        (proposal, Decimal("1000.00"), None, "deciding")
    ]


def test_the_applicant_never_sees_who_asked():
    question = QuestionFactory(answer="")

    rows = questions_for_applicant(question.proposal)

    assert [row.text for row in rows] == [question.text]
    assert not hasattr(rows[0], "asked_by")


def test_jury_work_shows_progress_and_hides_a_conflicted_proposal():
    member = JuryMemberFactory()
    assignments = AssignmentFactory.create_batch(3, member=member)
    ReviewFactory(assignment=assignments[0], submitted=True)
    ReviewFactory(assignment=assignments[1])
    conflicted = AssignmentFactory(member=member)
    member.conflicts.create(proposal=conflicted.proposal, kind="family")

    work = jury_work(member.user, member.challenge)

    assert (work.done, work.total) == (1, 3)
    assert sorted(row.state for row in work.assigned) == ["draft", "new", "submitted"]


def test_other_jurors_scores_only_after_submitting_ones_own():
    mine = AssignmentFactory()
    criterion = CriterionFactory(challenge=mine.proposal.challenge)
    theirs = AssignmentFactory(
        proposal=mine.proposal, member=JuryMemberFactory(challenge=mine.member.challenge)
    )
    ReviewFactory(assignment=theirs, submitted=True, scores={criterion: 5})
    own = ReviewFactory(assignment=mine, scores={criterion: 2})

    before = (other_reviews(mine), review_page(mine).others)
    own.submitted_at = timezone.now()
    own.save()
    after = other_reviews(mine)

    assert before == ([], [])
    assert [(row.label, row.scores) for row in after] == [(1, {criterion.pk: 5})]


def make_call_for_deliberation(proposals, jurors, criteria):
    challenge = ChallengeFactory(phase=Phase.DELIBERATION, total_budget=Decimal("1000000"))
    rubric = CriterionFactory.create_batch(criteria, challenge=challenge)
    members = JuryMemberFactory.create_batch(jurors, challenge=challenge)
    submitted = ProposalFactory.create_batch(
        proposals, challenge=challenge, submitted=True, amounts=[500, 250]
    )
    assignments = Assignment.objects.bulk_create(
        Assignment(proposal=proposal, member=member) for proposal in submitted for member in members
    )
    now = timezone.now()
    reviews = Review.objects.bulk_create(
        Review(assignment=assignment, submitted_at=now) for assignment in assignments
    )
    Score.objects.bulk_create(
        Score(review=review, criterion=criterion, value=1 + (review.pk + criterion.pk) % 5)
        for review in reviews
        for criterion in rubric
    )
    return challenge


def test_deliberation_data_in_a_constant_number_of_queries(django_assert_max_num_queries):
    challenge = make_call_for_deliberation(proposals=100, jurors=7, criteria=4)

    with django_assert_max_num_queries(12):
        data = deliberation_data(challenge)
        totals = [row.mean_total for row in data.proposals]
        requested = {row.requested for row in data.proposals}

    assert (len(data.proposals), data.submitted_reviews, data.assigned_reviews) == (100, 700, 700)
    assert requested == {Decimal("750.00")}
    assert all(0 <= total <= 100 for total in totals)
    assert len(data.juror_totals()) == 7


def test_deliberation_counts_only_submitted_reviews():
    assignment = AssignmentFactory(
        member=JuryMemberFactory(challenge=ChallengeFactory(phase=Phase.DELIBERATION))
    )
    criterion = CriterionFactory(challenge=assignment.proposal.challenge, weight=2)
    ReviewFactory(assignment=assignment, scores={criterion: 3})

    row = deliberation_data(assignment.proposal.challenge).proposals[0]

    assert (row.assigned, row.reviews, row.mean_total) == (1, [], None)


def test_feedback_after_publication_without_private_notes_or_names():
    challenge = ChallengeFactory(phase=Phase.PUBLISHED)
    criterion = CriterionFactory(challenge=challenge, with_levels=True)
    proposal = ProposalFactory(challenge=challenge, submitted=True)
    other = ProposalFactory(challenge=challenge, submitted=True)
    member = JuryMemberFactory(challenge=challenge)
    for scored, value in ((proposal, 4), (other, 2)):
        ReviewFactory(
            assignment=AssignmentFactory(proposal=scored, member=member),
            submitted=True,
            scores={criterion: value},
            private_note="Alleen voor de jury",
        )
    DecisionFactory(proposal=proposal, published_at=timezone.now())
    DecisionFactory(proposal=other, outcome=Outcome.REJECT, amount=0, published_at=timezone.now())

    feedback = feedback_for(proposal)

    assert [(row.criterion, row.mean, row.descriptor) for row in feedback.criteria] == [
        (criterion, 4.0, "Niveau 4")
    ]
    assert feedback.comments == [("Een duidelijk plan.", "Zeg meer over de eerste klanten.")]
    assert (feedback.total, feedback.rank, feedback.ranked_count, feedback.lowest_awarded_total) == (
        75.0,
        1,
        2,
        75.0,
    )
    assert "Alleen voor de jury" not in repr(feedback)
    assert member.user.name not in repr(feedback)


def test_no_feedback_before_publication():
    proposal = ProposalFactory(challenge=ChallengeFactory(phase=Phase.DECIDED), submitted=True)
    DecisionFactory(proposal=proposal)

    assert feedback_for(proposal) is None


def test_feedback_rank_is_the_rank_on_the_deliberation_screen():
    """The screen ranks on the mean as shown (one decimal): 50.00 and 50.01 share rank 1 there, and here."""
    challenge = ChallengeFactory(phase=Phase.PUBLISHED)
    criterion = CriterionFactory(challenge=challenge, scale_min=0, scale_max=10_000)
    lower = ProposalFactory(challenge=challenge, submitted=True)
    higher = ProposalFactory(challenge=challenge, submitted=True)
    member = JuryMemberFactory(challenge=challenge)
    for scored, value in ((lower, 5_000), (higher, 5_001)):
        ReviewFactory(
            assignment=AssignmentFactory(proposal=scored, member=member),
            submitted=True,
            scores={criterion: value},
        )
        DecisionFactory(proposal=scored, published_at=timezone.now())

    assert (feedback_for(lower).rank, feedback_for(higher).rank) == (1, 1)
