"""A juror's review and the clarification round (challenge/services/reviews.py)."""

import pytest

from challenge.enums import Phase
from challenge.exceptions import (
    NotAnEditor,
    QuestionAlreadyAsked,
    QuestionsClosed,
    ReviewChanged,
    ReviewClosed,
    ReviewIncomplete,
    ScoreOutsideScale,
)
from challenge.models import Review
from challenge.services.reviews import (
    NEW_REVIEW_VERSION,
    answer_question,
    ask_question,
    save_review,
    submit_review,
)
from ondernemend.audit.models import AuditEntry
from tests.factories.accounts import UserFactory
from tests.factories.challenge import AssignmentFactory, ChallengeFactory, CriterionFactory, JuryMemberFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def assignment():
    assignment = AssignmentFactory()
    CriterionFactory.create_batch(2, challenge=assignment.proposal.challenge)
    return assignment


def criteria(assignment):
    return list(assignment.proposal.challenge.criteria.order_by("position"))


def test_save_review_as_a_draft_with_some_scores(assignment):
    first, _second = criteria(assignment)

    review = save_review(
        assignment,
        by=assignment.member.user,
        version=NEW_REVIEW_VERSION,
        scores={first.pk: 4},
        strengths="Sterk team",
        private_note="Ken ik niet",
    )

    assert (review.submitted_at, review.version, review.strengths) == (None, 2, "Sterk team")
    assert dict(review.scores.values_list("criterion_id", "value")) == {first.pk: 4}


def test_submit_review_needs_every_criterion_and_changes_nothing_when_one_is_missing(assignment):
    first, second = criteria(assignment)
    review = save_review(
        assignment, by=assignment.member.user, version=NEW_REVIEW_VERSION, scores={first.pk: 4}
    )

    with pytest.raises(ReviewIncomplete):
        submit_review(assignment, by=assignment.member.user, version=review.version, scores={first.pk: 5})

    review.refresh_from_db()
    assert (review.submitted_at, list(review.scores.values_list("value", flat=True))) == (None, [4])
    submitted = submit_review(
        assignment, by=assignment.member.user, version=review.version, scores={first.pk: 5, second.pk: 2}
    )
    assert submitted.submitted_at is not None
    assert AuditEntry.objects.filter(action="review.submitted").count() == 1


def test_a_score_outside_the_scale_is_refused(assignment):
    first, _second = criteria(assignment)

    with pytest.raises(ScoreOutsideScale):
        save_review(assignment, by=assignment.member.user, version=NEW_REVIEW_VERSION, scores={first.pk: 6})

    assert Review.objects.count() == 0


def test_two_tabs_give_review_changed_with_what_was_saved(assignment):
    first, second = criteria(assignment)
    juror = assignment.member.user
    save_review(assignment, by=juror, version=NEW_REVIEW_VERSION, scores={first.pk: 2})
    tab_one = save_review(assignment, by=juror, version=2, scores={first.pk: 3, second.pk: 3})

    with pytest.raises(ReviewChanged) as conflict:
        save_review(assignment, by=juror, version=2, scores={first.pk: 5})

    saved = conflict.value.current
    assert (saved.version, dict(saved.scores.values_list("criterion_id", "value"))) == (
        tab_one.version,
        {first.pk: 3, second.pk: 3},
    )


def test_two_first_saves_at_once_give_review_changed(assignment):
    first, _second = criteria(assignment)
    save_review(assignment, by=assignment.member.user, version=NEW_REVIEW_VERSION, scores={first.pk: 2})

    with pytest.raises(ReviewChanged):
        save_review(assignment, by=assignment.member.user, version=NEW_REVIEW_VERSION, scores={first.pk: 4})


def test_a_submitted_review_stays_complete(assignment):
    first, second = criteria(assignment)
    juror = assignment.member.user
    review = submit_review(
        assignment, by=juror, version=NEW_REVIEW_VERSION, scores={first.pk: 3, second.pk: 4}
    )

    with pytest.raises(ReviewIncomplete):
        save_review(assignment, by=juror, version=review.version, scores={first.pk: 3})


def test_reviews_only_while_the_jury_is_reviewing():
    assignment = AssignmentFactory(
        member=JuryMemberFactory(challenge=ChallengeFactory(phase=Phase.DELIBERATION))
    )

    with pytest.raises(ReviewClosed):
        save_review(assignment, by=assignment.member.user, version=NEW_REVIEW_VERSION, scores={})


def test_someone_else_cannot_write_the_review(assignment):
    with pytest.raises(PermissionError):
        save_review(assignment, by=UserFactory(jurylid=True), version=NEW_REVIEW_VERSION, scores={})


def test_one_question_per_juror_per_proposal_and_the_applicant_answers(assignment):
    question = ask_question(assignment, by=assignment.member.user, text=" Wie zijn de klanten? ")

    with pytest.raises(QuestionAlreadyAsked):
        ask_question(assignment, by=assignment.member.user, text="Nog een vraag")
    answered = answer_question(question, by=assignment.proposal.created_by, answer="Buren en scholen.")

    assert (answered.text, answered.answer, answered.answered_at is not None) == (
        "Wie zijn de klanten?",
        "Buren en scholen.",
        True,
    )
    with pytest.raises(NotAnEditor):
        answer_question(question, by=UserFactory(initiatiefnemer=True), answer="Ik niet")


def test_questions_only_during_the_review():
    assignment = AssignmentFactory(
        member=JuryMemberFactory(challenge=ChallengeFactory(phase=Phase.DELIBERATION))
    )

    with pytest.raises(QuestionsClosed):
        ask_question(assignment, by=assignment.member.user, text="Te laat?")
