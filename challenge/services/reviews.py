"""A jury member's review of one proposal, and the clarification round (one question per juror).

Reviews are written while the call is in review. Every save names the version it started from; a save from
a second tab fails with ReviewChanged carrying what the first tab saved, so no score is silently lost. A
submitted review needs a score on every criterion, and stays complete when it is changed afterwards.
"""

from collections.abc import Mapping

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ondernemend.audit.services import changed_fields, record_change, snapshot

from ..enums import Phase
from ..exceptions import (
    NotAnEditor,
    QuestionAlreadyAsked,
    QuestionsClosed,
    ReviewChanged,
    ReviewClosed,
    ReviewIncomplete,
    ScoreOutsideScale,
)
from ..models import Assignment, Criterion, Question, Review, Score
from ..phases import current_phase

NEW_REVIEW_VERSION = 0  # the version a review form carries when the juror has not saved anything yet
REVIEW_TEXT_FIELDS = ("strengths", "improvements", "private_note")


def save_review(
    assignment: Assignment,
    *,
    by,
    version: int,
    scores: Mapping[int, int | None],
    strengths: str = "",
    improvements: str = "",
    private_note: str = "",
) -> Review:
    """Save the review as a draft. `scores` maps a criterion's pk to a score on its scale, or None for not
    yet scored. Raises ReviewChanged (with `.current`) when saved elsewhere since `version`."""
    return _save(
        assignment,
        by=by,
        version=version,
        scores=scores,
        texts={"strengths": strengths, "improvements": improvements, "private_note": private_note},
        submit=False,
    )


def submit_review(
    assignment: Assignment,
    *,
    by,
    version: int,
    scores: Mapping[int, int | None],
    strengths: str = "",
    improvements: str = "",
    private_note: str = "",
) -> Review:
    """Save and submit: every criterion needs a score (ReviewIncomplete otherwise, and nothing changes).
    After this the juror sees the other jurors' scores (challenge.queries.jury.other_reviews)."""
    return _save(
        assignment,
        by=by,
        version=version,
        scores=scores,
        texts={"strengths": strengths, "improvements": improvements, "private_note": private_note},
        submit=True,
    )


def _save(assignment, *, by, version, scores, texts, submit) -> Review:
    _check_own(assignment, by)
    challenge = assignment.proposal.challenge
    if current_phase(challenge) != Phase.REVIEW:
        raise ReviewClosed
    criteria = {criterion.pk: criterion for criterion in Criterion.objects.filter(challenge=challenge)}
    given = _checked_scores(scores, criteria)
    texts = {name: value.strip() for name, value in texts.items()}
    now = timezone.now()
    with transaction.atomic():
        # Nothing saved yet, whatever version the form names (changed by hand): nothing to overwrite, and
        # a "saved elsewhere" message would have no saved review to show (that was a 500).
        if version == NEW_REVIEW_VERSION or not Review.objects.filter(assignment=assignment).exists():
            try:
                with transaction.atomic():
                    review = Review.objects.create(assignment=assignment, updated_at=now, **texts)
            except IntegrityError:
                raise ReviewChanged(_current(assignment)) from None
            before, old_scores = {}, {}
        else:
            review = Review.objects.select_for_update().filter(assignment=assignment).first()
            if review is None or review.version != version:
                raise ReviewChanged(_current(assignment))
            before = snapshot(review, REVIEW_TEXT_FIELDS)
            old_scores = dict(review.scores.values_list("criterion_id", "value"))
        complete = set(given) == set(criteria)
        if (submit or review.submitted_at is not None) and not complete:
            raise ReviewIncomplete
        Review.objects.filter(pk=review.pk).update(
            **texts,
            updated_at=now,
            version=F("version") + 1,
            submitted_at=review.submitted_at or (now if submit else None),
        )
        review.scores.exclude(criterion_id__in=given).delete()
        Score.objects.bulk_create(
            [
                Score(review=review, criterion_id=criterion_id, value=value)
                for criterion_id, value in given.items()
            ],
            update_conflicts=True,
            unique_fields=["review", "criterion"],
            update_fields=["value"],
        )
        first_submission = submit and review.submitted_at is None
        review.refresh_from_db()
        changes = changed_fields(before, review, REVIEW_TEXT_FIELDS)
        if old_scores != given:
            changes["scores"] = [_plain(old_scores, criteria), _plain(given, criteria)]
        action = "review.submitted" if first_submission else "review.saved"
        record_change(by=by, action=action, target=review, changes=changes)
    return review


def ask_question(assignment: Assignment, *, by, text: str) -> Question:
    """The juror's one question about this proposal, while the jury is reviewing. All jurors of the
    proposal see it and the answer; the applicant sees the question without who asked it."""
    _check_own(assignment, by)
    if current_phase(assignment.proposal.challenge) != Phase.REVIEW:
        raise QuestionsClosed
    question = Question(proposal=assignment.proposal, asked_by=assignment.member, text=text.strip())
    question.full_clean(exclude=["proposal", "asked_by"], validate_unique=False)
    try:
        with transaction.atomic():
            question.save()
            record_change(by=by, action="question.asked", target=question)
    except IntegrityError:
        raise QuestionAlreadyAsked from None
    return question


def answer_question(question: Question, *, by, answer: str) -> Question:
    """The applicant's answer (`by` edits the proposal's initiative); it can be improved until the review
    ends."""
    proposal = question.proposal
    if not proposal.initiative.editors.filter(pk=by.pk).exists():
        raise NotAnEditor
    if current_phase(proposal.challenge) != Phase.REVIEW:
        raise QuestionsClosed
    with transaction.atomic():
        locked = Question.objects.select_for_update().get(pk=question.pk)
        before = snapshot(locked, ["answer"])
        locked.answer = answer.strip()
        locked.answered_at = timezone.now() if locked.answer else None
        locked.full_clean(exclude=["proposal", "asked_by"], validate_unique=False)
        locked.save(update_fields=["answer", "answered_at"])
        record_change(
            by=by,
            action="question.answered",
            target=locked,
            changes=changed_fields(before, locked, ["answer"]),
        )
    return locked


def _check_own(assignment: Assignment, by) -> None:
    if assignment.member.user_id != by.pk:
        raise PermissionError("A review is written by the jury member it is assigned to.")


def _checked_scores(scores: Mapping[int, int | None], criteria: Mapping[int, Criterion]) -> dict[int, int]:
    given = {}
    for criterion_id, value in scores.items():
        if value in (None, ""):
            continue
        criterion = criteria.get(int(criterion_id))
        try:
            value = int(value)
        except (TypeError, ValueError):
            raise ScoreOutsideScale from None
        if criterion is None or value not in criterion.scale:
            raise ScoreOutsideScale
        given[criterion.pk] = value
    return given


def _current(assignment: Assignment) -> Review:
    """What was saved, with its scores, for the conflict message."""
    return Review.objects.prefetch_related("scores").get(assignment=assignment)


def _plain(scores: Mapping[int, int], criteria: Mapping[int, Criterion]) -> dict[str, int]:
    return {criteria[criterion_id].name: value for criterion_id, value in sorted(scores.items())}
