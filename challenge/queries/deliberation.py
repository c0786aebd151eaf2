"""The data of the deliberation screen, in a constant number of queries whatever the size of the call.

Four queries: the submitted proposals (with the amount requested, the initiative and any decision), the
criteria, the scores of submitted reviews, and the number of assigned jurors per proposal. Per review the
0–100 total is computed here with challenge.scoring.weighted_total; ranking, normalisation and the
suggested allocation are pure functions in challenge.scoring applied to this data (docs/challenge.md).
Only submitted reviews count: a draft is the juror's own business until they submit it.
"""

import statistics
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Count

from .. import scoring
from ..enums import ProposalStatus
from ..models import Assignment, Challenge, Criterion, Decision, Proposal, Score
from .common import with_requested_amount


@dataclass
class ReviewScores:
    review_id: int
    member_id: int
    scores: dict[int, int]  # criterion pk → score
    total: float | None  # 0–100; None if a criterion lacks a score (cannot happen for a submitted review)


@dataclass
class ProposalRow:
    proposal: Proposal  # with `initiative` loaded and `requested` annotated
    requested: Decimal
    decision: Decision | None  # pending or published
    assigned: int  # jurors assigned
    reviews: list[ReviewScores] = field(default_factory=list)  # submitted reviews only, by review pk

    @property
    def totals(self) -> list[float]:
        return [review.total for review in self.reviews if review.total is not None]

    @property
    def mean_total(self) -> float | None:
        return statistics.fmean(self.totals) if self.totals else None

    def criterion_scores(self, criterion_id: int) -> list[int]:
        return [review.scores[criterion_id] for review in self.reviews if criterion_id in review.scores]


@dataclass
class Deliberation:
    challenge: Challenge
    criteria: list[Criterion]
    proposals: list[ProposalRow]  # by title; rank them with challenge.scoring

    @property
    def submitted_reviews(self) -> int:
        return sum(len(row.reviews) for row in self.proposals)

    @property
    def assigned_reviews(self) -> int:
        return sum(row.assigned for row in self.proposals)

    def juror_totals(self) -> dict[int, dict[int, float]]:
        """member pk → {proposal pk → total}: the input of scoring.juror_z_scores."""
        totals: dict[int, dict[int, float]] = defaultdict(dict)
        for row in self.proposals:
            for review in row.reviews:
                if review.total is not None:
                    totals[review.member_id][row.proposal.pk] = review.total
        return dict(totals)


def deliberation_data(challenge: Challenge) -> Deliberation:
    """Everything the deliberation screen needs about `challenge`, in four queries."""
    proposals = list(
        with_requested_amount(
            Proposal.objects.filter(challenge=challenge, status=ProposalStatus.SUBMITTED).select_related(
                "initiative", "decision"
            )
        ).order_by("title", "pk")
    )
    criteria = list(Criterion.objects.filter(challenge=challenge))
    assigned = dict(
        Assignment.objects.filter(proposal__challenge=challenge)
        .order_by()
        .values("proposal_id")
        .annotate(count=Count("pk"))
        .values_list("proposal_id", "count")
    )
    reviews: dict[int, ReviewScores] = {}
    proposal_of_review: dict[int, int] = {}
    for review_id, proposal_id, member_id, criterion_id, value in (
        Score.objects.filter(
            review__assignment__proposal__challenge=challenge,
            review__assignment__proposal__status=ProposalStatus.SUBMITTED,
            review__submitted_at__isnull=False,
        )
        .order_by("review_id")
        .values_list(
            "review_id",
            "review__assignment__proposal_id",
            "review__assignment__member_id",
            "criterion_id",
            "value",
        )
    ):
        review = reviews.setdefault(
            review_id, ReviewScores(review_id=review_id, member_id=member_id, scores={}, total=None)
        )
        review.scores[criterion_id] = value
        proposal_of_review[review_id] = proposal_id
    by_proposal: dict[int, list[ReviewScores]] = defaultdict(list)
    for review_id, review in reviews.items():
        review.total = _total(review.scores, criteria)
        by_proposal[proposal_of_review[review_id]].append(review)
    return Deliberation(
        challenge=challenge,
        criteria=criteria,
        proposals=[
            ProposalRow(
                proposal=proposal,
                requested=proposal.requested,
                decision=getattr(proposal, "decision", None),
                assigned=assigned.get(proposal.pk, 0),
                reviews=by_proposal.get(proposal.pk, []),
            )
            for proposal in proposals
        ],
    )


def _total(scores: dict[int, int], criteria: list[Criterion]) -> float | None:
    if not criteria or any(criterion.pk not in scores for criterion in criteria):
        return None
    return scoring.weighted_total(
        (scores[criterion.pk], criterion.weight, criterion.scale_min, criterion.scale_max)
        for criterion in criteria
    )
