"""What an applicant reads: their proposals with the status at every phase, one proposal for editing, the
jury's questions (never who asked) and, once published, the feedback (never private notes or juror names)."""

import statistics
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext as _

from initiatives.models import Initiative

from .. import scoring
from ..enums import Outcome, Phase, ProposalStatus
from ..exceptions import euros
from ..models import Criterion, CriterionLevel, Decision, Proposal, Question, Review, Score
from ..phases import phase_of
from .common import with_requested_amount
from .deliberation import MEAN_DECIMALS, deliberation_data  # the same numbers as the deliberation screen


@dataclass(frozen=True)
class ApplicantStatus:
    code: str  # stable, for a template's badge: draft, submitted, withdrawn, late, in-review, deciding, …
    label: str  # in words, in the active language


@dataclass(frozen=True)
class ApplicantProposal:
    proposal: Proposal  # with challenge and initiative loaded
    requested: Decimal
    phase: Phase
    status: ApplicantStatus
    decision: Decision | None  # only once published


@dataclass(frozen=True)
class ProposalForEditing:
    proposal: Proposal
    budget_lines: list
    attachments: list
    requested: Decimal
    maximum: Decimal
    over_maximum: bool
    questions: list["QuestionForApplicant"]


@dataclass(frozen=True)
class QuestionForApplicant:
    """A jury question as the applicant sees it: no juror, ever."""

    pk: int
    text: str
    asked_at: datetime
    answer: str
    answered_at: datetime | None


@dataclass(frozen=True)
class CriterionFeedback:
    criterion: Criterion
    mean: float | None  # mean score of the submitted reviews
    descriptor: str  # what the level nearest the mean means ("" when the rubric has none)


@dataclass(frozen=True)
class Feedback:
    decision: Decision
    criteria: list[CriterionFeedback]
    comments: list[
        tuple[str, str]
    ]  # (strengths, points to improve) per review, in no particular order of jurors
    total: float | None  # mean of the reviews' totals on 0–100
    rank: int | None  # competition rank among the call's submitted proposals
    ranked_count: int
    lowest_awarded_total: float | None  # the funding line: the lowest mean total that got money


def applicant_status(proposal: Proposal, phase: Phase, decision: Decision | None) -> ApplicantStatus:
    """Where the proposal stands for its applicant, in words (pure: no database access)."""
    submitted = proposal.status == ProposalStatus.SUBMITTED
    if phase == Phase.OPEN:
        if submitted:
            return ApplicantStatus(
                "submitted", _("Submitted. Until the deadline you can withdraw it and change it.")
            )
        if proposal.status == ProposalStatus.WITHDRAWN:
            return ApplicantStatus(
                "withdrawn", _("Withdrawn. You can change it and submit it again before the deadline.")
            )
        return ApplicantStatus("draft", _("Draft. The jury only sees it after you submit it."))
    if not submitted:
        return ApplicantStatus("late", _("Not submitted before the deadline."))
    if phase == Phase.REVIEW:
        return ApplicantStatus(
            "in-review", _("Submitted. The jury is reading it and may ask you a question.")
        )
    if phase in (Phase.DELIBERATION, Phase.DECIDED) or decision is None or decision.published_at is None:
        return ApplicantStatus("deciding", _("Submitted. The jury is deciding; you will hear the result."))
    amount = {"amount": euros(decision.amount)}
    if decision.outcome == Outcome.AWARD:
        return ApplicantStatus("awarded", _("Awarded: € %(amount)s.") % amount)
    if decision.outcome == Outcome.AWARD_LESS:
        return ApplicantStatus("awarded-less", _("Awarded: € %(amount)s, as agreed with you.") % amount)
    return ApplicantStatus("not-awarded", _("Not awarded this time. Read the jury's feedback."))


def proposals_of(user, now: datetime | None = None) -> list[ApplicantProposal]:
    """Every proposal of an initiative the user edits, newest call first (one query)."""
    now = now or timezone.now()
    proposals = with_requested_amount(
        Proposal.objects.filter(initiative__editors=user)
        .select_related("challenge", "initiative", "decision")
        .order_by("-challenge__opens_at", "title")
    )
    rows = []
    for proposal in proposals:
        decision = getattr(proposal, "decision", None)
        if decision is not None and decision.published_at is None:
            decision = None  # pending: the applicant hears nothing until the whole call is published
        phase = phase_of(proposal.challenge, now)
        rows.append(
            ApplicantProposal(
                proposal=proposal,
                requested=proposal.requested,
                phase=phase,
                status=applicant_status(proposal, phase, decision),
                decision=decision,
            )
        )
    return rows


def initiatives_without_proposal(user, challenge) -> list[Initiative]:
    """The initiatives the user edits that have no proposal in this call yet (one query)."""
    return list(
        Initiative.objects.filter(editors=user).exclude(proposals__challenge=challenge).order_by("name")
    )


def proposal_for_editing(proposal: Proposal) -> ProposalForEditing:
    """A proposal with its budget, live total against the maximum, attachments and questions."""
    lines = list(proposal.budget_lines.all())
    requested = sum((line.amount for line in lines), Decimal("0.00"))
    maximum = proposal.challenge.max_per_proposal
    return ProposalForEditing(
        proposal=proposal,
        budget_lines=lines,
        attachments=list(proposal.attachments.all()),
        requested=requested,
        maximum=maximum,
        over_maximum=requested > maximum,
        questions=questions_for_applicant(proposal),
    )


def questions_for_applicant(proposal: Proposal) -> list[QuestionForApplicant]:
    """The jury's questions on this proposal, without who asked them (the field is never read)."""
    return [
        QuestionForApplicant(*row)
        for row in Question.objects.filter(proposal=proposal)
        .order_by("asked_at", "pk")
        .values_list("pk", "text", "asked_at", "answer", "answered_at")
    ]


def feedback_for(proposal: Proposal) -> Feedback | None:
    """The jury's feedback, once the call's results are published; None before. Strengths and points to
    improve of each submitted review, mean score per criterion, and where the proposal stood against the
    funding line. Never private notes, never who wrote what."""
    decision = Decision.objects.filter(proposal=proposal, published_at__isnull=False).first()
    if decision is None:
        return None
    criteria = list(
        Criterion.objects.filter(challenge_id=proposal.challenge_id).prefetch_related(
            Prefetch("levels", queryset=CriterionLevel.objects.order_by("value"))
        )
    )
    reviews = (
        Review.objects.filter(assignment__proposal=proposal, submitted_at__isnull=False)
        .order_by("?")  # the order must not hint at who wrote what
        .values_list("strengths", "improvements")
    )
    scores: dict[int, list[int]] = {}
    for criterion_id, value in Score.objects.filter(
        review__assignment__proposal=proposal, review__submitted_at__isnull=False
    ).values_list("criterion_id", "value"):
        scores.setdefault(criterion_id, []).append(value)
    standing = _standing(proposal)
    return Feedback(
        decision=decision,
        criteria=[_criterion_feedback(criterion, scores.get(criterion.pk, [])) for criterion in criteria],
        comments=[
            (strengths, improvements) for strengths, improvements in reviews if strengths or improvements
        ],
        **standing,
    )


def _criterion_feedback(criterion: Criterion, values: list[int]) -> CriterionFeedback:
    if not values:
        return CriterionFeedback(criterion=criterion, mean=None, descriptor="")
    mean = statistics.fmean(values)
    levels = list(criterion.levels.all())
    nearest = min(levels, key=lambda level: (abs(level.value - mean), -level.value), default=None)
    return CriterionFeedback(criterion=criterion, mean=mean, descriptor=nearest.descriptor if nearest else "")


def _standing(proposal: Proposal) -> dict:
    """The proposal's mean total, its rank in the call, and the lowest mean total that got money."""
    data = deliberation_data(proposal.challenge)
    means = {row.proposal.pk: row.mean_total for row in data.proposals if row.mean_total is not None}
    ids = list(means)
    # Ranked on the mean as the deliberation screen shows it, so the applicant's rank is the one the
    # coördinators saw (two means that differ only past the shown decimals share a rank on both pages).
    shown = [round(means[pk], MEAN_DECIMALS) for pk in ids]
    ranks = dict(zip(ids, scoring.competition_rank(shown), strict=True))
    awarded = [
        means[row.proposal.pk]
        for row in data.proposals
        if row.decision is not None and row.decision.outcome != Outcome.REJECT and row.proposal.pk in means
    ]
    return {
        "total": means.get(proposal.pk),
        "rank": ranks.get(proposal.pk),
        "ranked_count": len(means),
        "lowest_awarded_total": min(awarded, default=None),
    }
