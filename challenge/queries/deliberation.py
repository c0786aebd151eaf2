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
    # The exact total (in fractions) costs about 0.04 ms, and a rubric allows few score combinations (5⁴ = 625
    # for four criteria on 1–5): each distinct combination is computed once (the scores decide the total).
    totals: dict[tuple, float | None] = {}
    for review_id, review in reviews.items():
        key = tuple(review.scores.get(criterion.pk) for criterion in criteria)
        if key not in totals:
            totals[key] = _total(review.scores, criteria)
        review.total = totals[key]
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


# --- The deliberation screen: the data above, ranked and flagged with challenge.scoring ------------------

MEAN_DECIMALS = 1  # the screen shows means with one decimal; ranks are computed on what is shown
Z_DECIMALS = 2
MIN_PER_JUROR = 5  # below this many totals per juror the normalised view is noise (docs/challenge.md)
CHART_WIDTH = 200  # the score chart's drawing width in SVG units: 2 units per point of 0–100


@dataclass
class RankedProposal:
    row: ProposalRow
    summary: scoring.Summary
    mean_shown: float | None  # the mean rounded as the screen shows it; the rank is computed on this
    rank: int | None  # None without a submitted review
    disagreement: bool  # a range of ≥ 2 scale points on a criterion
    outlier: bool  # a robust outlier among the review totals
    z_score: float | None = None  # the normalised score, when normalising is allowed
    z_rank: int | None = None
    suggested: bool = False  # funded in the suggested allocation

    @property
    def proposal(self) -> Proposal:
        return self.row.proposal

    @property
    def flagged(self) -> bool:
        return self.disagreement or self.outlier

    @property
    def totals_shown(self) -> list[float]:
        return [round(total, MEAN_DECIMALS) for total in sorted(self.row.totals)]

    @property
    def chart_points(self) -> list[float]:
        """The x position of each review total in the chart (0–100 drawn over CHART_WIDTH units)."""
        return [round(total * CHART_WIDTH / 100, 1) for total in sorted(self.row.totals)]

    @property
    def chart_mean(self) -> float | None:
        mean = self.row.mean_total
        return None if mean is None else round(mean * CHART_WIDTH / 100, 1)


@dataclass
class DeliberationScreen:
    data: Deliberation
    ranking: list[RankedProposal]  # by rank, then title; proposals without a review last
    alpha: float | None  # Krippendorff's α over the review totals; None when not measurable
    normalised: bool  # whether z-scores are shown (every juror scored at least MIN_PER_JUROR proposals)
    fewest_per_juror: int  # the smallest number of totals of one juror (the reason when not normalised)
    suggested_total: Decimal
    suggested_remaining: Decimal
    decided_total: Decimal  # the amounts of all recorded decisions (pending and published)
    undecided: int  # submitted proposals without a decision

    @property
    def challenge(self) -> Challenge:
        return self.data.challenge

    @property
    def decided_remaining(self) -> Decimal:
        return self.challenge.total_budget - self.decided_total

    @property
    def pending(self) -> int:
        return sum(
            1
            for item in self.ranking
            if item.row.decision is not None and item.row.decision.published_at is None
        )


def deliberation_screen(challenge: Challenge) -> DeliberationScreen:
    """The deliberation screen of `challenge`: `deliberation_data` (four queries) ranked, flagged,
    normalised where allowed, with the panel's reliability and the suggested allocation."""
    data = deliberation_data(challenge)
    ranking = [_ranked(row) for row in data.proposals]
    scored = [item for item in ranking if item.mean_shown is not None]
    for item, rank in zip(
        scored, scoring.competition_rank([item.mean_shown for item in scored]), strict=True
    ):
        item.rank = rank
    ranking.sort(key=lambda item: (item.rank is None, item.rank or 0, item.proposal.title, item.proposal.pk))

    juror_totals = data.juror_totals()
    fewest = min((len(totals) for totals in juror_totals.values()), default=0)
    z_scores = scoring.juror_z_scores(juror_totals, min_per_juror=MIN_PER_JUROR) if juror_totals else None
    if z_scores:
        normalised = [item for item in scored if item.proposal.pk in z_scores]
        shown = [round(z_scores[item.proposal.pk], Z_DECIMALS) for item in normalised]
        for item, z, rank in zip(normalised, shown, scoring.competition_rank(shown), strict=True):
            item.z_score, item.z_rank = z, rank

    requests = [(item.proposal.pk, item.row.requested) for item in scored]
    funded = set(scoring.allocate(requests, challenge.total_budget))
    suggested_total = sum((item.row.requested for item in scored if item.proposal.pk in funded), Decimal(0))
    for item in scored:
        item.suggested = item.proposal.pk in funded

    decisions = [row.decision for row in data.proposals if row.decision is not None]
    return DeliberationScreen(
        data=data,
        ranking=ranking,
        alpha=_alpha(juror_totals, [item.proposal.pk for item in scored]),
        normalised=z_scores is not None,
        fewest_per_juror=fewest,
        suggested_total=suggested_total,
        suggested_remaining=challenge.total_budget - suggested_total,
        decided_total=sum((decision.amount for decision in decisions), Decimal(0)),
        undecided=len(data.proposals) - len(decisions),
    )


def _ranked(row: ProposalRow) -> RankedProposal:
    totals = row.totals
    stats = scoring.summary(totals)
    return RankedProposal(
        row=row,
        summary=stats,
        mean_shown=None if stats.mean is None else round(stats.mean, MEAN_DECIMALS),
        rank=None,
        disagreement=scoring.disagreement(
            [[review.scores[pk] for review in row.reviews if pk in review.scores] for pk in _criteria_of(row)]
        ),
        outlier=any(scoring.robust_outliers(totals)),
    )


def _criteria_of(row: ProposalRow) -> list[int]:
    return sorted({pk for review in row.reviews for pk in review.scores})


def _alpha(juror_totals: dict[int, dict[int, float]], proposal_ids: list[int]) -> float | None:
    matrix = [[totals.get(pk) for pk in proposal_ids] for _member, totals in sorted(juror_totals.items())]
    return scoring.krippendorff_alpha_interval(matrix) if matrix and proposal_ids else None
