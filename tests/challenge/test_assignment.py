import itertools

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from challenge.assignment import JuryAssignment, assign_jurors


def test_assign_jurors_gives_each_proposal_three_with_even_loads():
    # 5 proposals × 3 = 15 places over 4 jurors: loads 4, 4, 4, 3.
    result = assign_jurors([1, 2, 3, 4, 5], ["ann", "bo", "cas", "dee"], set())

    assert all(len(jurors) == 3 for jurors in result.assignments.values())
    assert sorted(result.loads.values()) == [3, 4, 4, 4]
    assert (result.short, result.balanced) == ((), True)


def test_assign_jurors_never_assigns_a_conflicted_pair():
    conflicts = {("ann", 1), ("bo", 1), ("ann", 2)}

    result = assign_jurors([1, 2, 3], ["ann", "bo", "cas", "dee"], conflicts, k=2)

    assert not any(
        (juror, proposal) in conflicts for proposal, jurors in result.assignments.items() for juror in jurors
    )
    assert result.assignments[1] == ("cas", "dee")  # the only two without a conflict
    assert sorted(result.loads.values()) == [1, 1, 2, 2]


def test_assign_jurors_reports_proposals_with_too_few_free_jurors():
    # Proposal 2: three of the four jurors declared a conflict, so it gets the one left and is short.
    conflicts = {("ann", 2), ("bo", 2), ("cas", 2)}

    result = assign_jurors([1, 2], ["ann", "bo", "cas", "dee"], conflicts, k=3)

    assert result.assignments[2] == ("dee",)
    assert len(result.assignments[1]) == 3
    assert result.short == (2,)


def test_assign_jurors_with_fewer_jurors_than_k_gives_all_of_them():
    result = assign_jurors(["a", "b"], [7, 8], set(), k=3)

    assert result.assignments == {"a": (7, 8), "b": (7, 8)}
    assert result.short == ("a", "b")


def test_assign_jurors_repairs_what_the_greedy_step_leaves_uneven():
    # Every proposal has two free jurors, so the greedy step goes in id order, least-loaded and lowest id
    # first: P1 → ann, P2 → bo, P3 → ann, P4 → bo, and cas (free only for P1 and P2) gets nothing: 2, 2, 0.
    # The repair hands one of ann's proposals that cas may take (P1) to cas: loads 1, 2, 1.
    proposals = ["P1", "P2", "P3", "P4"]
    conflicts = {("bo", "P1"), ("ann", "P2"), ("cas", "P3"), ("cas", "P4")}

    result = assign_jurors(proposals, ["ann", "bo", "cas"], conflicts, k=1)

    assert result.assignments == {"P1": ("cas",), "P2": ("bo",), "P3": ("ann",), "P4": ("bo",)}
    assert result.loads == {"ann": 1, "bo": 2, "cas": 1}


def test_assign_jurors_states_the_limit_when_conflicts_make_balance_impossible():
    # cas may only review P1, so P2–P4 can only go to ann: loads 3 and 1 cannot come closer.
    conflicts = {("cas", "P2"), ("cas", "P3"), ("cas", "P4")}

    result = assign_jurors(["P1", "P2", "P3", "P4"], ["ann", "cas"], conflicts, k=1)

    assert result.loads == {"ann": 3, "cas": 1}
    assert result.balanced is False
    assert result.short == ()


def test_assign_jurors_is_deterministic_whatever_the_input_order():
    conflicts = {(2, "b"), (3, "c")}
    first = assign_jurors(["c", "a", "b", "d"], [3, 1, 2, 4], conflicts, k=2)
    second = assign_jurors(["a", "b", "c", "d"], [1, 2, 3, 4], set(conflicts), k=2)

    assert first == second


def test_assign_jurors_refuses_k_below_one():
    with pytest.raises(ValueError, match="at least one juror"):
        assign_jurors([1], [1], set(), k=0)


def test_assign_jurors_without_proposals_or_jurors():
    assert assign_jurors([], ["ann"], set()) == JuryAssignment(assignments={}, short=(), loads={"ann": 0})
    assert assign_jurors([1], [], set()).short == (1,)


@st.composite
def panels(draw, *, max_proposals=12, max_jurors=7, with_conflicts=True):
    proposals = list(range(draw(st.integers(min_value=0, max_value=max_proposals))))
    jurors = [f"j{n}" for n in range(draw(st.integers(min_value=1, max_value=max_jurors)))]
    pairs = [(juror, proposal) for juror in jurors for proposal in proposals]
    conflicts = (
        set(draw(st.lists(st.sampled_from(pairs), unique=True))) if with_conflicts and pairs else set()
    )
    k = draw(st.integers(min_value=1, max_value=4))
    return proposals, jurors, conflicts, k


@given(panels())
def test_assign_jurors_never_a_conflict_and_k_whenever_possible(panel):
    proposals, jurors, conflicts, k = panel

    result = assign_jurors(proposals, jurors, conflicts, k)

    for proposal, assigned in result.assignments.items():
        free = [juror for juror in jurors if (juror, proposal) not in conflicts]
        assert not any((juror, proposal) in conflicts for juror in assigned)
        assert len(set(assigned)) == len(assigned) == min(k, len(free))
        assert (proposal in result.short) == (len(assigned) < k)
    assert sum(result.loads.values()) == sum(len(assigned) for assigned in result.assignments.values())


@given(panels(with_conflicts=False))
def test_assign_jurors_without_conflicts_loads_differ_by_at_most_one(panel):
    proposals, jurors, conflicts, k = panel

    result = assign_jurors(proposals, jurors, conflicts, k)

    assert max(result.loads.values()) - min(result.loads.values()) <= 1
    assert result.short == (() if len(jurors) >= k else tuple(proposals))


def any_balanced_assignment_exists(proposals, jurors, conflicts, k):
    """Brute force over every choice of min(k, free) jurors per proposal."""
    choices = []
    for proposal in proposals:
        free = [juror for juror in jurors if (juror, proposal) not in conflicts]
        choices.append(list(itertools.combinations(free, min(k, len(free)))))
    for combination in itertools.product(*choices):
        loads = dict.fromkeys(jurors, 0)
        for chosen in combination:
            for juror in chosen:
                loads[juror] += 1
        if max(loads.values()) - min(loads.values()) <= 1:
            return True
    return False


@settings(max_examples=300)
@given(panels(max_proposals=4, max_jurors=4))
def test_assign_jurors_with_conflicts_is_balanced_whenever_any_assignment_is(panel):
    # The module docstring proves it; this checks the proof on small panels by trying every assignment.
    proposals, jurors, conflicts, k = panel

    result = assign_jurors(proposals, jurors, conflicts, k)

    assert result.balanced == any_balanced_assignment_exists(proposals, jurors, conflicts, k)
