"""The jury: inviting members, their declared conflicts, and dividing the proposals among them.

The division itself is a pure calculation (challenge.assignment.assign_jurors: k jurors per proposal, loads
within one, never a conflicted pair); this module reads its input from the database and writes its output.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from ondernemend.accounts.roles import Role
from ondernemend.audit.services import record_change

from ..assignment import JuryAssignment
from ..assignment import assign_jurors as divide_proposals
from ..enums import ConflictKind, Phase, ProposalStatus
from ..exceptions import (
    AlreadyInJury,
    AssignmentLocked,
    AssignmentNotPossible,
    NotAJuror,
    ReviewAlreadyStarted,
)
from ..models import Assignment, Challenge, Conflict, JuryMember, Proposal, Review
from ..phases import current_phase


def add_juror(challenge: Challenge, user, *, by) -> JuryMember:
    """Invite a user with the jury member role into the jury of `challenge`."""
    if not user.has_role(Role.JURYLID):
        raise NotAJuror
    try:
        with transaction.atomic():
            member = JuryMember.objects.create(challenge=challenge, user=user)
            record_change(by=by, action="jury.member_added", target=member, changes={"user": [None, user.pk]})
    except IntegrityError:
        raise AlreadyInJury from None
    return member


def declare_conflict(
    member: JuryMember, proposal: Proposal, *, by, kind: ConflictKind, note: str = ""
) -> Conflict:
    """Record that `member` may not review `proposal`. An assignment of the pair is removed and the
    proposal gets another juror — unless the member already started the review: then nothing changes and
    ReviewAlreadyStarted says to talk to the coordinator."""
    if member.challenge_id != proposal.challenge_id:
        raise ValueError("The jury member and the proposal belong to different challenges.")
    with transaction.atomic():
        challenge = Challenge.objects.select_for_update().get(pk=member.challenge_id)
        assignment = Assignment.objects.filter(member=member, proposal=proposal).first()
        if assignment is not None and Review.objects.filter(assignment=assignment).exists():
            raise ReviewAlreadyStarted
        conflict, created = Conflict.objects.update_or_create(
            member=member, proposal=proposal, defaults={"kind": kind, "note": note.strip()}
        )
        record_change(
            by=by,
            action="jury.conflict_declared" if created else "jury.conflict_updated",
            target=conflict,
            changes={"kind": [None, str(kind)]},
        )
        if assignment is not None:
            assignment.delete()
            changes = {"member": [member.pk, None], **_give_another_juror(challenge, proposal)}
            record_change(by=by, action="jury.assignment_moved", target=proposal, changes=changes)
    return conflict


def assign_jurors(challenge: Challenge, *, by) -> JuryAssignment:
    """Divide the submitted proposals among the jury (challenge.jurors_per_proposal each), replacing any
    earlier division. Possible from the deadline until the review ends, as long as no review has started.
    The result's `short` lists proposals that got fewer jurors than asked (too few without a conflict)."""
    with transaction.atomic():
        challenge = Challenge.objects.select_for_update().get(pk=challenge.pk)
        if current_phase(challenge) != Phase.REVIEW:
            raise AssignmentNotPossible
        if Review.objects.filter(assignment__proposal__challenge=challenge).exists():
            raise AssignmentLocked
        before = Assignment.objects.filter(proposal__challenge=challenge).count()
        result = _divide(challenge)
        record_change(
            by=by,
            action="jury.assigned",
            target=challenge,
            changes={
                "assignments": [before, sum(len(members) for members in result.assignments.values())],
                "short": [None, list(result.short)],
            },
        )
    return result


def _divide(challenge: Challenge) -> JuryAssignment:
    """Replace the division of the challenge's submitted proposals by a fresh one (assignment.py)."""
    result = divide_proposals(
        Proposal.objects.filter(challenge=challenge, status=ProposalStatus.SUBMITTED).values_list(
            "pk", flat=True
        ),
        challenge.jury.values_list("pk", flat=True),
        Conflict.objects.filter(member__challenge=challenge).values_list("member_id", "proposal_id"),
        k=challenge.jurors_per_proposal,
    )
    Assignment.objects.filter(proposal__challenge=challenge).delete()
    now = timezone.now()
    Assignment.objects.bulk_create(
        Assignment(proposal_id=proposal_id, member_id=member_id, assigned_at=now)
        for proposal_id, member_ids in result.assignments.items()
        for member_id in member_ids
    )
    return result


def _give_another_juror(challenge: Challenge, proposal: Proposal) -> dict:
    """After a conflict took a juror away. Before any review has started the whole division is made again,
    which keeps the loads within one; after that, the eligible member with the fewest proposals (lowest id
    on a tie) takes the free place, and the started reviews stay where they are. Returns the audit changes.
    """
    if not Review.objects.filter(assignment__proposal__challenge=challenge).exists():
        _divide(challenge)
        return {"divided_again": [None, True]}
    loads = {member.pk: 0 for member in challenge.jury.all()}
    for member_id in Assignment.objects.filter(proposal__challenge=challenge).values_list(
        "member_id", flat=True
    ):
        loads[member_id] += 1
    excluded = set(proposal.assignments.values_list("member_id", flat=True)) | set(
        proposal.conflicts.values_list("member_id", flat=True)
    )
    candidates = sorted((load, member_id) for member_id, load in loads.items() if member_id not in excluded)
    if not candidates:
        return {"replacement": [None, None]}
    Assignment.objects.create(proposal=proposal, member_id=candidates[0][1])
    return {"replacement": [None, candidates[0][1]]}
