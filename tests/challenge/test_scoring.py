import math
import statistics
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from challenge.scoring import (
    Summary,
    allocate,
    competition_rank,
    disagreement,
    juror_z_scores,
    krippendorff_alpha_interval,
    robust_outliers,
    summary,
    weighted_total,
    z_scores,
)

N = None  # a missing score in a reliability matrix

# weighted_total


def test_weighted_total_of_the_research_example():
    # Weights 2/1/1 on a 1–5 scale, scores 4/3/2:
    # achieved 2·(4−1) + 1·(3−1) + 1·(2−1) = 9, possible 2·4 + 1·4 + 1·4 = 16 → 100 · 9/16 = 56.25.
    rows = [(4, 2, 1, 5), (3, 1, 1, 5), (2, 1, 1, 5)]

    assert weighted_total(rows) == 56.25


def test_weighted_total_puts_criteria_on_different_scales_on_their_weights():
    # 3 on 1–5 is halfway (2 of 4), 10 on 0–10 is the top (10 of 10); weights 1 and 3:
    # (1·2 + 3·10) / (1·4 + 3·10) = 32/34 → 94.117…
    assert weighted_total([(3, 1, 1, 5), (10, 3, 0, 10)]) == pytest.approx(100 * 32 / 34)


def test_weighted_total_bottom_and_top_of_the_scales():
    assert weighted_total([(1, 1, 1, 5), (0, 2, 0, 10)]) == 0
    assert weighted_total([(5, 1, 1, 5), (10, 2, 0, 10)]) == 100


def test_weighted_total_takes_decimals():
    # Weight 1.5 and 0.5, scale 1–5, scores 5 and 1: 1.5·4 / (1.5·4 + 0.5·4) = 6/8 → 75.
    assert weighted_total([(5, Decimal("1.5"), 1, 5), (1, Decimal("0.5"), 1, 5)]) == 75


@pytest.mark.parametrize(
    ("rows", "message"),
    [
        ([], "The rubric is empty"),
        ([(6, 1, 1, 5)], "the score 6 is outside its scale 1–5"),
        ([(0, 1, 1, 5)], "the score 0 is outside its scale 1–5"),
        ([(3, 0, 1, 5)], "the weight must be positive"),
        ([(3, -1, 1, 5)], "the weight must be positive"),
        ([(3, 1, 1, 5), (3, 1, 5, 5)], "Criterion 2: the scale maximum (5) must be above its minimum (5)"),
    ],
)
def test_weighted_total_refuses_a_broken_rubric_or_score(rows, message):
    with pytest.raises(ValueError, match=message.replace("(", r"\(").replace(")", r"\)")):
        weighted_total(rows)


@st.composite
def rubric_rows(draw):
    count = draw(st.integers(min_value=1, max_value=6))
    rows = []
    for _ in range(count):
        low = draw(st.integers(min_value=-3, max_value=5))
        high = draw(st.integers(min_value=low + 1, max_value=low + 10))
        weight = draw(st.decimals(min_value="0.1", max_value="10", places=1))
        score = draw(st.integers(min_value=low, max_value=high))
        rows.append((score, weight, low, high))
    return rows


@given(rubric_rows())
def test_weighted_total_is_between_0_and_100(rows):
    assert 0 <= weighted_total(rows) <= 100


@given(rubric_rows(), st.data())
def test_weighted_total_never_falls_when_a_score_rises(rows, data):
    index = data.draw(st.integers(min_value=0, max_value=len(rows) - 1))
    score, weight, low, high = rows[index]
    higher = data.draw(st.integers(min_value=score, max_value=high))
    raised = [*rows[:index], (higher, weight, low, high), *rows[index + 1 :]]

    assert weighted_total(raised) >= weighted_total(rows)
    if higher > score:
        assert weighted_total(raised) > weighted_total(rows)


# competition_rank


def test_competition_rank_ties_share_the_best_rank_1224():
    # 9 is first; the two 8s share second; 7 has three ahead of it, so it is fourth.
    assert competition_rank([8, 9, 7, 8]) == [2, 1, 4, 2]


def test_competition_rank_of_the_research_example():
    assert competition_rank([8.5, 7.0, 8.5, 6.0]) == [1, 3, 1, 4]


def test_competition_rank_all_equal_and_empty():
    assert competition_rank([5, 5, 5]) == [1, 1, 1]
    assert competition_rank([]) == []


@given(st.lists(st.integers(min_value=0, max_value=20), min_size=1))
def test_competition_rank_max_is_first_and_rank_counts_those_ahead(values):
    ranks = competition_rank(values)

    assert ranks[values.index(max(values))] == 1
    assert ranks == [1 + sum(other > value for other in values) for value in values]


# allocate


def test_allocate_skips_a_request_that_does_not_fit_and_goes_on():
    # Budget 10 000: A 6 000 fits (4 000 left); B 5 000 does not, skipped; C 4 000 fits exactly (0 left).
    # Stopping at the first misfit would fund A only.
    assert allocate([("A", 6000), ("B", 5000), ("C", 4000)], 10000) == ["A", "C"]


def test_allocate_research_example_spends_everything():
    # P1 6 000 (4 000 left), P2 5 000 does not fit: skipped, P3 3 000 (1 000 left), P4 1 000 (0 left).
    requests = [("P1", 6000), ("P2", 5000), ("P3", 3000), ("P4", 1000)]

    assert allocate(requests, 10000) == ["P1", "P3", "P4"]


def test_allocate_counts_decimal_cents_exactly():
    # 0.1 + 0.2 in floats is 0.30000000000000004 and would not fit a budget of 0.30; in Decimal it does.
    requests = [(1, Decimal("0.10")), (2, Decimal("0.20")), (3, Decimal("0.01"))]

    assert allocate(requests, Decimal("0.30")) == [1, 2]


def test_allocate_with_nothing_to_fund():
    assert allocate([], 1000) == []
    assert allocate([("A", 1001)], 1000) == []


def test_allocate_refuses_negative_amounts():
    with pytest.raises(ValueError, match="negative"):
        allocate([("A", -5)], 100)
    with pytest.raises(ValueError, match="negative"):
        allocate([("A", 5)], -1)


@given(
    st.lists(st.integers(min_value=0, max_value=50_000), max_size=12),
    st.integers(min_value=0, max_value=100_000),
)
def test_allocate_never_exceeds_the_budget_and_is_greedy_in_order(amounts, budget):
    requests = [(f"P{index}", Decimal(amount) / 100) for index, amount in enumerate(amounts)]
    budget = Decimal(budget) / 100

    funded = allocate(requests, budget)

    amount_of = dict(requests)
    assert sum((amount_of[proposal] for proposal in funded), Decimal(0)) <= budget
    # Walking the ranking: each request is funded exactly when it fits what the ones before it left.
    remaining = budget
    expected = []
    for proposal, amount in requests:
        if amount <= remaining:
            expected.append(proposal)
            remaining -= amount
    assert funded == expected


# juror_z_scores


def test_juror_z_scores_cancel_a_jurors_shift_and_scale():
    # J1 {A 8, B 6, C 4}: mean 6, population SD √(8/3) = 1.633 → z A = 2/1.633 = 1.2247, B 0, C −1.2247.
    # J2 {A 5, B 4, C 3}: mean 4, SD √(2/3) = 0.8165 → z A = 1/0.8165 = 1.2247, B 0, C −1.2247.
    # The means per proposal are the same: a lenient or wide-scoring juror no longer weighs more.
    scores = {"J1": {"A": 8, "B": 6, "C": 4}, "J2": {"A": 5, "B": 4, "C": 3}}

    result = juror_z_scores(scores, min_per_juror=3)

    assert result == pytest.approx({"A": math.sqrt(1.5), "B": 0, "C": -math.sqrt(1.5)})


def test_juror_z_scores_a_juror_with_equal_scores_contributes_zero():
    # J1 as above (A 1.2247, B 0, C −1.2247); J3 gives 5 to all: SD 0, so 0 for each.
    # A = (1.2247 + 0)/2 = 0.6124, B = 0, C = −0.6124.
    scores = {"J1": {"A": 8, "B": 6, "C": 4}, "J3": {"A": 5, "B": 5, "C": 5}}

    result = juror_z_scores(scores, min_per_juror=3)

    assert result == pytest.approx({"A": math.sqrt(1.5) / 2, "B": 0, "C": -math.sqrt(1.5) / 2})


def test_juror_z_scores_partial_design_averages_only_a_proposals_own_jurors():
    # J1 {A 9, B 7, C 5, D 3}: mean 6, SD √5 → A 3/√5, B 1/√5, C −1/√5, D −3/√5.
    # J2 {B 6, C 6, D 3}: mean 5, SD √2 → B 1/√2, C 1/√2, D −2/√2.
    # A has only J1; B = (1/√5 + 1/√2)/2; C = (−1/√5 + 1/√2)/2; D = (−3/√5 − 2/√2)/2.
    scores = {"J1": {"A": 9, "B": 7, "C": 5, "D": 3}, "J2": {"B": 6, "C": 6, "D": 3}}
    r5, r2 = math.sqrt(5), math.sqrt(2)

    result = juror_z_scores(scores, min_per_juror=3)

    assert result == pytest.approx(
        {"A": 3 / r5, "B": (1 / r5 + 1 / r2) / 2, "C": (-1 / r5 + 1 / r2) / 2, "D": (-3 / r5 - 2 / r2) / 2}
    )


def test_juror_z_scores_refuses_too_few_scores_per_juror():
    # The research note's degenerate case: with 2 scores each juror gives ±1 whatever the gap, which would
    # rank B (raw mean 5.0) as if at 5.75. By default every juror needs 5 scores.
    scores = {"J1": {"A": 8, "B": 6}, "J2": {"B": 4, "C": 3}, "J3": {"A": 7, "C": 5}}

    assert juror_z_scores(scores) is None
    assert juror_z_scores(scores, min_per_juror=2) == pytest.approx({"A": 1, "B": 0, "C": -1})


def test_juror_z_scores_one_juror_short_is_enough_to_refuse():
    enough = {f"P{n}": n for n in range(5)}
    assert juror_z_scores({"J1": enough, "J2": enough}) is not None
    assert juror_z_scores({"J1": enough, "J2": dict(list(enough.items())[:4])}) is None


def test_juror_z_scores_take_decimal_totals():
    scores = {"J1": {"A": Decimal("62.50"), "B": Decimal("37.50")}}

    assert juror_z_scores(scores, min_per_juror=2) == {"A": 1.0, "B": -1.0}


totals_per_juror = st.dictionaries(
    st.integers(min_value=1, max_value=20),
    st.floats(min_value=0, max_value=100, allow_nan=False),
    min_size=1,
    max_size=10,
)


@given(totals_per_juror)
def test_z_scores_of_one_juror_sum_to_zero(totals):
    assert math.fsum(z_scores(totals).values()) == pytest.approx(0, abs=1e-6)


@given(
    st.lists(
        st.lists(st.integers(min_value=0, max_value=100), min_size=5, max_size=5), min_size=1, max_size=6
    )
)
def test_juror_z_scores_full_design_sum_to_zero(rows):
    # Every juror scores the same 5 proposals: each juror's z-scores sum to 0, so the means do too.
    scores = {juror: dict(enumerate(row)) for juror, row in enumerate(rows)}

    result = juror_z_scores(scores)

    assert set(result) == set(range(5))
    assert math.fsum(result.values()) == pytest.approx(0, abs=1e-9)


# krippendorff_alpha_interval


def test_krippendorff_alpha_reproduces_krippendorffs_worked_example():
    # Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the 4 observers × 12 units example
    # with missing values; published: interval α = 0.849 (nominal 0.743, ordinal 0.815, ratio 0.797).
    # Unit 12 has a single value and is not pairable. Exactly: α = 0.8491071…
    matrix = [
        [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
        [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
        [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
        [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
    ]

    assert round(krippendorff_alpha_interval(matrix), 3) == 0.849
    assert krippendorff_alpha_interval(matrix) == pytest.approx(0.8491071428571428)


def test_krippendorff_alpha_reproduces_the_wikipedia_example():
    # Wikipedia's "Krippendorff's alpha" example (3 coders × 15 units): interval α = 0.810845.
    matrix = [
        [N, N, N, N, N, 3, 4, 1, 2, 1, 1, 3, 3, N, 3],
        [1, N, 2, 1, 3, 3, 4, 3, N, N, N, N, N, N, N],
        [N, N, 2, 1, 3, 4, 4, N, 2, 1, 1, 3, 3, N, 4],
    ]

    assert krippendorff_alpha_interval(matrix) == pytest.approx(0.810845, abs=1e-6)


def test_krippendorff_alpha_small_matrix_by_hand():
    # Jurors J1 [1, 3], J2 [2, 4]; proposals (1, 2) and (3, 4); n = 4 pairable values.
    # D_o: per proposal the ordered pairs (1,2),(2,1) give δ² 1 + 1 = 2, times 1/(m−1) = 1; (2 + 2)/n = 1.
    # D_e: all ordered pairs of {1,2,3,4}: 2·(1+4+9+1+4+1) = 40, over n(n−1) = 12 → 10/3.
    # α = 1 − 1/(10/3) = 0.7.
    assert krippendorff_alpha_interval([[1, 3], [2, 4]]) == pytest.approx(0.7)


def test_krippendorff_alpha_drops_unpairable_proposals():
    # The third proposal has one score only; it changes nothing.
    assert krippendorff_alpha_interval([[1, 3, 5], [2, 4, N]]) == pytest.approx(0.7)


def test_krippendorff_alpha_perfect_agreement_is_1():
    assert krippendorff_alpha_interval([[1, 3, 5], [1, 3, 5]]) == 1


def test_krippendorff_alpha_is_none_without_pairable_data_or_variation():
    assert krippendorff_alpha_interval([]) is None
    assert krippendorff_alpha_interval([[1, N], [N, 2]]) is None  # no proposal scored twice
    assert krippendorff_alpha_interval([[4, 4], [4, 4]]) is None  # no variation: D_e = 0, α = 0/0


def test_krippendorff_alpha_refuses_ragged_rows():
    with pytest.raises(ValueError, match="one entry per proposal"):
        krippendorff_alpha_interval([[1, 2], [1]])


@given(
    st.lists(
        st.lists(st.one_of(st.none(), st.integers(min_value=1, max_value=5)), min_size=4, max_size=4),
        min_size=2,
        max_size=5,
    )
)
def test_krippendorff_alpha_is_at_most_1(matrix):
    alpha = krippendorff_alpha_interval(matrix)

    assert alpha is None or alpha <= 1 + 1e-12


# robust_outliers


def test_robust_outliers_flags_a_far_score():
    # [7, 8, 7, 8, 1]: median 7, deviations 0 1 0 1 6 → MAD 1; M(1) = 0.6745 · (1 − 7)/1 = −4.047: flagged.
    assert robust_outliers([7, 8, 7, 8, 1]) == [False, False, False, False, True]


def test_robust_outliers_leaves_a_score_just_inside():
    # [7, 8, 7, 8, 2]: MAD 1; M(2) = 0.6745 · (−5) = −3.3725, within ±3.5.
    assert robust_outliers([7, 8, 7, 8, 2]) == [False] * 5


def test_robust_outliers_flags_nothing_when_mad_is_zero():
    # [5, 5, 5, 1]: median 5, deviations 0 0 0 4 → MAD 0; the modified z is undefined.
    assert robust_outliers([5, 5, 5, 1]) == [False] * 4


def test_robust_outliers_of_nothing():
    assert robust_outliers([]) == []


# summary and disagreement


def test_summary_shows_the_median_resisting_an_outlier():
    # [4, 4, 1]: mean 3, median 4, population SD √((1 + 1 + 4)/3) = √2.
    assert summary([4, 4, 1]) == Summary(n=3, mean=3.0, median=4.0, sd=pytest.approx(math.sqrt(2)))


def test_summary_of_no_reviews():
    assert summary([]) == Summary(n=0, mean=None, median=None, sd=None)


def test_summary_takes_decimals():
    result = summary([Decimal("56.25"), Decimal("43.75")])

    assert (result.n, result.mean, result.median, result.sd) == (2, 50.0, 50.0, 6.25)


@given(st.lists(st.floats(min_value=0, max_value=100), min_size=1, max_size=10))
def test_summary_matches_the_statistics_module(values):
    result = summary(values)

    assert result.n == len(values)
    assert result.mean == pytest.approx(statistics.fmean(values))
    assert result.sd == pytest.approx(statistics.pstdev(values), abs=1e-9)


def test_disagreement_when_one_criterion_ranges_two_points():
    # Criterion "plan": 2..4 is a range of 2 → discuss; "team" 3..4 alone would not be.
    assert disagreement({"plan": [2, 4, 3], "team": [3, 4, 4]}) is True
    assert disagreement({"plan": [3, 4, 3], "team": [3, 4, 4]}) is False


def test_disagreement_takes_a_plain_list_and_another_threshold():
    assert disagreement([[1, 2], [5, 5]], scale_points=1) is True
    assert disagreement([[1, 3]], scale_points=3) is False
    assert disagreement([[], [4]]) is False
