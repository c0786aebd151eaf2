"""What a jury member reads: their assigned proposals with progress ("4 of 9"), one review page, and the
other jurors' scores — those only after submitting their own review, enforced here and not in a template.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Exists, OuterRef, Prefetch

from ..enums import ProposalStatus
from ..models import (
    Assignment,
    Attachment,
    BudgetLine,
    Challenge,
    Conflict,
    Criterion,
    CriterionLevel,
    JuryMember,
    Proposal,
    Question,
    Review,
)


@dataclass(frozen=True)
class AssignedProposal:
    assignment: Assignment  # with proposal (and its initiative) loaded
    state: str  # "new", "draft" or "submitted"


@dataclass(frozen=True)
class JuryWork:
    member: JuryMember
    assigned: list[AssignedProposal]  # by proposal title
    done: int  # submitted reviews
    total: int  # assigned proposals: the page says "4 of 9"


@dataclass(frozen=True)
class JuryQuestion:
    """A question on a proposal as every juror of that proposal sees it, with the applicant's answer."""

    text: str
    answer: str
    asked_by_me: bool


@dataclass(frozen=True)
class OtherReview:
    label: int  # "jury member 1, 2, …" in the order the reviews were started
    scores: dict[int, int]  # criterion pk → score
    strengths: str
    improvements: str
    private_note: str  # jury members may read each other's private notes; the applicant never does


@dataclass(frozen=True)
class ReviewPage:
    assignment: Assignment
    proposal: Proposal
    criteria: list[Criterion]  # with `.levels.all()` prefetched
    review: Review | None  # the juror's own, None before the first save
    scores: dict[int, int]  # the juror's own: criterion pk → score
    questions: list[JuryQuestion]
    my_question_asked: bool
    others: list[OtherReview]  # empty until the juror's own review is submitted


@dataclass(frozen=True)
class ProposalContent:
    """What the juror reads of a proposal besides its texts."""

    budget_lines: list[BudgetLine]
    requested: Decimal  # the sum of the lines
    attachments: list[Attachment]


def jury_work(user, challenge: Challenge) -> JuryWork | None:
    """The user's assigned proposals in `challenge` with the state of each review (two queries); None when
    the user is not in the jury. A proposal the user declared a conflict with is never listed."""
    member = JuryMember.objects.filter(challenge=challenge, user=user).first()
    if member is None:
        return None
    conflicted = Conflict.objects.filter(member=OuterRef("member"), proposal=OuterRef("proposal"))
    assignments = (
        Assignment.objects.filter(member=member)
        .alias(conflicted=Exists(conflicted))
        .filter(conflicted=False)
        .select_related("proposal__initiative", "review")
        .order_by("proposal__title", "proposal_id")
    )
    assigned = [
        AssignedProposal(assignment=assignment, state=_state(assignment)) for assignment in assignments
    ]
    return JuryWork(
        member=member,
        assigned=assigned,
        done=sum(1 for row in assigned if row.state == "submitted"),
        total=len(assigned),
    )


def jury_challenges(user) -> list[Challenge]:
    """The calls in whose jury the user sits, newest first."""
    return list(Challenge.objects.filter(jury__user=user).order_by("-opens_at"))


def proposals_for_conflict_check(challenge: Challenge) -> list[Proposal]:
    """The submitted proposals by title and initiative only, so a juror can declare conflicts before the
    division; their content is read only after assignment."""
    return list(
        Proposal.objects.filter(challenge=challenge, status=ProposalStatus.SUBMITTED)
        .select_related("initiative")
        .only("pk", "title", "initiative__name", "challenge_id")
        .order_by("initiative__name", "pk")
    )


def review_page(assignment: Assignment) -> ReviewPage:
    """What the review page of `assignment` (from access.assigned_review_or_404) shows."""
    proposal = assignment.proposal
    criteria = list(
        Criterion.objects.filter(challenge_id=proposal.challenge_id).prefetch_related(
            Prefetch("levels", queryset=CriterionLevel.objects.order_by("value"))
        )
    )
    review = Review.objects.filter(assignment=assignment).first()
    scores = dict(review.scores.values_list("criterion_id", "value")) if review else {}
    questions = [
        JuryQuestion(text=text, answer=answer, asked_by_me=asked_by_id == assignment.member_id)
        for text, answer, asked_by_id in Question.objects.filter(proposal=proposal)
        .order_by("asked_at", "pk")
        .values_list("text", "answer", "asked_by_id")
    ]
    return ReviewPage(
        assignment=assignment,
        proposal=proposal,
        criteria=criteria,
        review=review,
        scores=scores,
        questions=questions,
        my_question_asked=any(question.asked_by_me for question in questions),
        others=other_reviews(assignment),
    )


def other_reviews(assignment: Assignment) -> list[OtherReview]:
    """The other jurors' submitted reviews of the same proposal — an empty list until this juror has
    submitted their own, so that nobody is anchored by another's scores."""
    own_submitted = Review.objects.filter(assignment=assignment, submitted_at__isnull=False).exists()
    if not own_submitted:
        return []
    reviews = (
        Review.objects.filter(assignment__proposal_id=assignment.proposal_id, submitted_at__isnull=False)
        .exclude(assignment=assignment)
        .order_by("pk")
        .prefetch_related("scores")
    )
    return [
        OtherReview(
            label=number,
            scores={score.criterion_id: score.value for score in review.scores.all()},
            strengths=review.strengths,
            improvements=review.improvements,
            private_note=review.private_note,
        )
        for number, review in enumerate(reviews, start=1)
    ]


def _state(assignment: Assignment) -> str:
    review = getattr(assignment, "review", None)
    if review is None:
        return "new"
    return "submitted" if review.submitted_at else "draft"


def jury_member(user, challenge: Challenge) -> JuryMember | None:
    """The user's seat in the jury of `challenge`, or None."""
    return JuryMember.objects.filter(challenge=challenge, user=user).select_related("challenge").first()


def conflicts_of(member: JuryMember) -> dict[int, Conflict]:
    """The member's declared conflicts by proposal pk (one query)."""
    return {conflict.proposal_id: conflict for conflict in Conflict.objects.filter(member=member)}


def proposal_for_conflict_check(challenge: Challenge, pk: int) -> Proposal | None:
    """One proposal of `proposals_for_conflict_check`, or None when it is not one of them."""
    return (
        Proposal.objects.filter(challenge=challenge, status=ProposalStatus.SUBMITTED, pk=pk)
        .select_related("initiative")
        .only("pk", "title", "initiative__name", "challenge_id")
        .first()
    )


def proposal_content(proposal: Proposal) -> ProposalContent:
    """The budget lines with their total and the attachments of the proposal (two queries)."""
    lines = list(BudgetLine.objects.filter(proposal=proposal).order_by("position", "pk"))
    return ProposalContent(
        budget_lines=lines,
        requested=sum((line.amount for line in lines), Decimal("0.00")),
        attachments=list(Attachment.objects.filter(proposal=proposal).order_by("uploaded_at", "pk")),
    )


def attachment_of(proposal: Proposal, pk: int) -> Attachment | None:
    """An attachment of this proposal only: another proposal's attachment is None, as a missing one."""
    return Attachment.objects.filter(proposal=proposal, pk=pk).first()
