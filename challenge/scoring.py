"""The challenge's scoring mathematics: pure functions, no database, no Django.

The deliberation screen, the results page and the demo data call these with plain numbers; everything here can
be checked by hand. The reasoning comes from the jury research note (/work/shared/research/jury.md, §3) and is
summarised with each function. Notation: s = score, w = weight, T = a review's total, j = juror, p = proposal.

`weighted_total(rows)` — one review on a 0–100 scale::

    T = 100 · Σ w (s − min) / Σ w (max − min)

  Each criterion counts from its own scale's bottom, so criteria on different scales (1–5, 0–10) weigh exactly
  as their weights say, and a total means the same in every challenge. pretalx adds raw `value × weight`,
  where an empty optional criterion silently counts as 0; here every row is required and checked.

`competition_rank(values)` — "1224" ranking, higher is better: rank = 1 + the number of strictly higher
  values. Tied proposals share the best rank, and the next rank says how many are ahead (scipy's
  `rankdata(method="min")` on the negated values). The comparison is exact: round values to what the screen
  shows before ranking, so that equal-looking means tie.

`allocate(requests, budget)` — greedy by rank with skip (as CONSUL's participatory budgets): walk the
  ranking, fund a request when it fits the remaining budget, otherwise skip it and go on. Easy to explain to
  applicants: a lower-ranked proposal never displaces a higher-ranked one that fits.
  Stopping at the first misfit would leave money unspent for no reason; a knapsack optimum may drop the
  winner, which a jury must decide openly.

`juror_z_scores(scores, min_per_juror=5)` — corrects for lenient and strict jurors::

    z_pj = (T_pj − μ_j) / σ_j        (μ_j, σ_j: juror j's mean and population SD)
    Z_p  = mean over p's jurors of z_pj

  A juror whose totals are all equal (σ_j = 0) gives no information about order: she contributes 0. With few
  scores per juror the z-score is mostly noise (a juror with 2 scores always gives ±1), so when any juror has
  fewer than `min_per_juror` scores the result is None and the screen ranks by raw scores and says why.
  When every juror scores every proposal, a juror's leniency hits all proposals alike and normalising is not
  needed.

`krippendorff_alpha_interval(matrix)` — the panel's reliability (a health indicator, not a gate); it
  tolerates missing scores, which a partial jury design always has::

    α = 1 − D_o / D_e
    D_o = (1/n) Σ_u 1/(m_u − 1) · Σ_{i≠j in u} (v_i − v_j)²    (disagreement within proposals)
    D_e = 1/(n (n − 1)) · Σ_{i≠j} (v_i − v_j)²                  (over all n pairable values)

  with m_u the number of scores of proposal u; a proposal with fewer than 2 scores is not pairable and left
  out. For the interval metric the pair sums reduce to Σ_{i≠j} (v_i − v_j)² = 2 m Σ (v_i − v̄)². Reproduces
  Krippendorff's (2011) worked example (interval α = 0.849). None when nothing is pairable, and also when
  D_e = 0: all pairable scores are equal, so there is no variation to agree on and α is 0/0, undefined (not
  1): the screen shows "not measurable" rather than a reassuring number.

`robust_outliers(values)` — Iglewicz and Hoaglin's modified z-score (NIST handbook)::

    M = 0.6745 (x − median) / MAD,   MAD = median |x − median|,   flagged when |M| > 3.5

  The median and MAD are not pulled along by the outlier itself, unlike mean and SD with five jurors. When
  MAD = 0 (most jurors agree exactly) M is undefined and nothing is flagged; `disagreement` covers that case.

`summary(values)` — mean, median, n and population SD side by side: the median resists one outlier
  ([4, 4, 1] → mean 3.0, median 4.0), the SD and n say how much to trust the mean.

`disagreement(criterion_scores, scale_points=2)` — "discuss at the jury meeting" (HotCRP's max − min sort):
  True when on any criterion the jurors' scores range over `scale_points` or more points of its own scale.
"""

import math
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from typing import Any

type Number = int | float | Decimal | Fraction

MODIFIED_Z_FACTOR = 0.6745  # Φ⁻¹(0.75): makes the MAD comparable to a standard deviation for normal data
MODIFIED_Z_LIMIT = 3.5


def weighted_total(rows: Iterable[tuple[Number, Number, Number, Number]]) -> float:
    """A review's total on 0–100; each row is (score, weight, scale_min, scale_max).

    Computed exactly (in fractions, Decimal-safe) and rounded once at the end, so it is monotone in every
    score.
    """
    achieved = possible = Fraction(0)
    count = 0
    for row in rows:
        count += 1
        score, weight, scale_min, scale_max = (Fraction(x) for x in row)
        if weight <= 0:
            raise ValueError(f"Criterion {count}: the weight must be positive, not {row[1]}.")
        if scale_max <= scale_min:
            raise ValueError(
                f"Criterion {count}: the scale maximum ({row[3]}) must be above its minimum ({row[2]})."
            )
        if not scale_min <= score <= scale_max:
            raise ValueError(f"Criterion {count}: the score {row[0]} is outside its scale {row[2]}–{row[3]}.")
        achieved += weight * (score - scale_min)
        possible += weight * (scale_max - scale_min)
    if count == 0:
        raise ValueError("The rubric is empty: a total needs at least one criterion.")
    return float(100 * achieved / possible)


def competition_rank(values: Sequence[Number]) -> list[int]:
    """Ranks in input order, higher is better, ties share the best rank: [8.5, 7, 8.5, 6] → [1, 3, 1, 4]."""
    ordered = sorted(values, reverse=True)
    first_position = {}
    for position, value in enumerate(ordered, start=1):
        first_position.setdefault(value, position)
    return [first_position[value] for value in values]


def allocate[Id](requests: Iterable[tuple[Id, Number]], budget: Number) -> list[Id]:
    """The ids funded, in ranking order: fund each request that fits the remaining budget, skip the others.

    Amounts and budget are used as given (Decimal stays Decimal), so no cent is lost to rounding.
    """
    if budget < 0:
        raise ValueError(f"The budget cannot be negative ({budget}).")
    remaining = budget
    funded = []
    for proposal_id, amount in requests:
        if amount < 0:
            raise ValueError(f"The request of {proposal_id!r} cannot be negative ({amount}).")
        if amount <= remaining:
            funded.append(proposal_id)
            remaining -= amount
    return funded


def z_scores[Id](totals: Mapping[Id, Number]) -> dict[Id, float]:
    """One juror's totals as z-scores (population SD); all 0 when her totals are all equal."""
    values = [float(value) for value in totals.values()]
    if not values:
        return {}
    if min(values) == max(values):
        # Checked on the values, not on the SD: the float mean of equal values can differ from them in the
        # last bit, which gives a tiny SD and z-scores blown up from rounding noise.
        return dict.fromkeys(totals, 0.0)
    mean = statistics.fmean(values)
    sd = statistics.pstdev(values, mu=mean)
    if sd == 0:  # differences too small for a float to hold (far below any score's precision)
        return dict.fromkeys(totals, 0.0)
    return {proposal: (float(value) - mean) / sd for proposal, value in totals.items()}


def juror_z_scores[Juror, Id](
    scores: Mapping[Juror, Mapping[Id, Number]], min_per_juror: int = 5
) -> dict[Id, float] | None:
    """Proposal → mean of its jurors' z-scores; None when any juror scored fewer than `min_per_juror`."""
    if any(len(totals) < min_per_juror for totals in scores.values()):
        return None
    per_proposal: dict[Id, list[float]] = {}
    for totals in scores.values():
        for proposal, z in z_scores(totals).items():
            per_proposal.setdefault(proposal, []).append(z)
    return {proposal: statistics.fmean(zs) for proposal, zs in per_proposal.items()}


def krippendorff_alpha_interval(matrix: Sequence[Sequence[Number | None]]) -> float | None:
    """Krippendorff's α (interval metric); rows are jurors, columns proposals, None where not scored.

    None when no proposal has 2 scores, or when all pairable scores are equal (α is then 0/0, undefined).
    """
    columns = _columns(matrix)
    pairable = [[float(v) for v in column if v is not None] for column in columns]
    pairable = [values for values in pairable if len(values) >= 2]
    n = sum(len(values) for values in pairable)
    if n == 0:
        return None
    # Σ_{i≠j} (v_i − v_j)² = 2 m · Σ (v_i − mean)², per proposal (observed) and over all values (expected).
    observed = sum(2 * len(values) * _sum_of_squares(values) / (len(values) - 1) for values in pairable) / n
    everything = [v for values in pairable for v in values]
    expected = 2 * n * _sum_of_squares(everything) / (n * (n - 1))
    if expected == 0:
        return None
    return 1 - observed / expected


def _columns(matrix: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    widths = {len(row) for row in matrix}
    if len(widths) > 1:
        raise ValueError("Every juror's row must have one entry per proposal (None where not scored).")
    return list(zip(*matrix, strict=True))


def _sum_of_squares(values: Sequence[float]) -> float:
    mean = math.fsum(values) / len(values)
    return math.fsum((v - mean) ** 2 for v in values)


def robust_outliers(values: Sequence[Number]) -> list[bool]:
    """For each value: is its modified z-score beyond ±3.5? Nothing is flagged when the MAD is 0."""
    if not values:
        return []
    numbers = [float(v) for v in values]
    median = statistics.median(numbers)
    mad = statistics.median(abs(x - median) for x in numbers)
    if mad == 0:
        return [False] * len(numbers)
    return [abs(MODIFIED_Z_FACTOR * (x - median) / mad) > MODIFIED_Z_LIMIT for x in numbers]


@dataclass(frozen=True)
class Summary:
    n: int
    mean: float | None  # None (and median and sd too) when there are no values
    median: float | None
    sd: float | None  # population standard deviation


def summary(values: Iterable[Number]) -> Summary:
    numbers = [float(v) for v in values]
    if not numbers:
        return Summary(n=0, mean=None, median=None, sd=None)
    mean = statistics.fmean(numbers)
    return Summary(
        n=len(numbers),
        mean=mean,
        median=statistics.median(numbers),
        sd=statistics.pstdev(numbers, mu=mean),
    )


def disagreement(
    criterion_scores: Mapping[Any, Iterable[Number]] | Iterable[Iterable[Number]], scale_points: Number = 2
) -> bool:
    """True when on any criterion the jurors' scores range over `scale_points` or more.

    `criterion_scores` maps a criterion to its jurors' scores (or is a plain list of such score lists).
    """
    groups = criterion_scores.values() if isinstance(criterion_scores, Mapping) else criterion_scores
    for scores in groups:
        scores = list(scores)
        if scores and max(scores) - min(scores) >= scale_points:
            return True
    return False
