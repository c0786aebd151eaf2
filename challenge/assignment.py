"""Which jurors review which proposal: pure calculation, no database.

The rule (issue 9, point 3): each proposal gets k jurors, never a juror who declared a conflict with it, and
the jurors' loads (proposals per juror) differ by at most one. A proposal with fewer than k non-conflicted
jurors gets all of them and is reported in `short`, so the coördinator can invite another juror.

How, in two steps, both deterministic (ids are sorted, ties go to the lowest id):

1. Greedy: proposals with the fewest eligible jurors first, each taking its least-loaded eligible jurors.
2. Repair: while some juror u can hand one of her proposals, along a chain of hand-overs, to a juror v with
   load(v) ≤ load(u) − 2, do it. A hand-over u → w via proposal p moves p from u to w, allowed when w is
   eligible for p and not yet on it; along a chain only the two ends change load. Each repair lowers
   Σ load² by at least 2, so the loop ends.

Why this is enough: every proposal keeps exactly c_p = min(k, eligible jurors) jurors, the most possible.
Suppose some assignment B with those c_p has all loads in {q, q + 1}, and ours (A) has loads differing by 2 or
more. The edges in A but not B and in B but not A split into chains that run from jurors with
load_A > load_B to jurors with load_A < load_B, and each chain is a sequence of allowed hand-overs in A. If
A's maximum is ≥ q + 2, its juror has load_A > load_B, so a chain leads from her to a juror with
load_A < load_B ≤ q + 1: at least 2 lower. If A's minimum is ≤ q − 1, a chain leads to her from a juror with
load_A > load_B ≥ q: again at least 2 higher. Either way the repair would not have stopped. So the result
is balanced within one whenever any assignment giving every proposal its c_p jurors is.

The limit: conflicts can make balance impossible (a juror eligible for only one proposal while the others
carry five each); then the loads are as even as the repair gets them, and `max_load − min_load` shows it.
"""

from collections import deque
from collections.abc import Iterable, Mapping
from dataclasses import dataclass


@dataclass(frozen=True)
class JuryAssignment[Proposal, Juror]:
    assignments: Mapping[Proposal, tuple[Juror, ...]]  # every proposal, its jurors sorted
    short: tuple[Proposal, ...]  # proposals that got fewer than k jurors (too few without a conflict)
    loads: Mapping[Juror, int]  # every juror, also those without a proposal

    @property
    def balanced(self) -> bool:
        return not self.loads or max(self.loads.values()) - min(self.loads.values()) <= 1


def assign_jurors[Proposal, Juror](
    proposals: Iterable[Proposal],
    jurors: Iterable[Juror],
    conflicts: Iterable[tuple[Juror, Proposal]],
    k: int = 3,
) -> JuryAssignment[Proposal, Juror]:
    """Give each proposal k non-conflicted jurors with loads as even as possible; see the module docstring."""
    if k < 1:
        raise ValueError(f"Each proposal needs at least one juror (k = {k}).")
    proposals = sorted(set(proposals))
    jurors = sorted(set(jurors))
    conflicts = set(conflicts)
    eligible = {p: [j for j in jurors if (j, p) not in conflicts] for p in proposals}
    assigned: dict[Proposal, set[Juror]] = {p: set() for p in proposals}
    loads = dict.fromkeys(jurors, 0)

    for proposal in sorted(proposals, key=lambda p: len(eligible[p])):  # stable: ties keep id order
        for juror in sorted(eligible[proposal], key=lambda j: loads[j])[:k]:
            assigned[proposal].add(juror)
            loads[juror] += 1

    while _repair_once(jurors, eligible, assigned, loads):
        pass

    return JuryAssignment(
        assignments={p: tuple(sorted(assigned[p])) for p in proposals},
        short=tuple(p for p in proposals if len(assigned[p]) < k),
        loads=loads,
    )


def _repair_once(jurors, eligible, assigned, loads) -> bool:
    """Move one unit of load from a juror to one at least 2 lower, along a chain of hand-overs, if any."""
    for source in sorted(jurors, key=lambda j: -loads[j]):
        came_from = {source: None}  # juror → (previous juror, proposal handed over)
        queue = deque([source])
        target = None
        while queue:
            juror = queue.popleft()
            if loads[juror] <= loads[source] - 2 and (target is None or loads[juror] < loads[target]):
                target = juror
            for proposal, on_it in assigned.items():
                if juror not in on_it:
                    continue
                for other in eligible[proposal]:
                    if other not in came_from and other not in on_it:
                        came_from[other] = (juror, proposal)
                        queue.append(other)
        if target is not None:
            _hand_over_along(came_from, target, assigned)
            loads[source] -= 1
            loads[target] += 1
            return True
    return False


def _hand_over_along(came_from, target, assigned) -> None:
    # A breadth-first search reaches each juror once, so the chain's jurors are distinct and every hand-over
    # stays valid, even when one proposal appears twice along it.
    juror = target
    while came_from[juror] is not None:
        previous, proposal = came_from[juror]
        assigned[proposal].remove(previous)
        assigned[proposal].add(juror)
        juror = previous
