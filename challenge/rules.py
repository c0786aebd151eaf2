"""Who may do what in the challenge (DESIGN.md §3.3). All of the app's permissions are here.

- Coördinators (and the beheerder) manage calls, the jury and the decisions, and read every proposal.
- An initiatiefnemer writes and reads the proposals of the initiatives they edit on the map.
- A jury member reads and reviews only the proposals assigned to them, never one they declared a conflict
  with.
- Gemeente users get no challenge permission at all: no proposal content, ever (their overview counts only).

The objects these permissions are checked on come from challenge.access, which fetches within the user's
reach, so a proposal out of reach answers 404 before any permission is asked (docs/access.md).
"""

import rules

from ondernemend.accounts.rules import is_beheerder, is_coordinator, is_initiatiefnemer, is_jurylid

can_manage_challenges = is_coordinator | is_beheerder


@rules.predicate
def edits_initiative_of_proposal(user, proposal):
    if proposal is None or not (user and user.is_authenticated and user.is_active):
        return False
    return proposal.initiative.editors.filter(pk=user.pk).exists()


@rules.predicate
def edits_initiative(user, initiative):
    if initiative is None or not (user and user.is_authenticated and user.is_active):
        return False
    return initiative.editors.filter(pk=user.pk).exists()


@rules.predicate
def is_assigned_without_conflict(user, proposal):
    """The user is a jury member assigned to this proposal and has declared no conflict with it."""
    if proposal is None or not (user and user.is_authenticated and user.is_active):
        return False
    return (
        proposal.assignments.filter(member__user=user).exists()
        and not proposal.conflicts.filter(member__user=user).exists()
    )


@rules.predicate
def is_reviewer_of(user, assignment):
    """`assignment` (a challenge.Assignment) is the user's own and its proposal is not conflicted."""
    if assignment is None or not (user and user.is_authenticated and user.is_active):
        return False
    return (
        assignment.member.user_id == user.pk
        and not assignment.proposal.conflicts.filter(member=assignment.member).exists()
    )


@rules.predicate
def is_jury_member_of(user, challenge):
    if challenge is None or not (user and user.is_authenticated and user.is_active):
        return False
    return challenge.jury.filter(user=user).exists()


is_applicant = is_initiatiefnemer & edits_initiative_of_proposal
is_reviewer = is_jurylid & is_reviewer_of

rules.add_perm("challenge.manage_challenge", can_manage_challenges)
rules.add_perm("challenge.manage_jury", can_manage_challenges)
rules.add_perm("challenge.decide", can_manage_challenges)
rules.add_perm("challenge.view_deliberation", can_manage_challenges)
rules.add_perm("challenge.view_own_proposals", is_initiatiefnemer)  # the applicant's list, "My proposals"
# On an initiative: may this user start a proposal for it?
rules.add_perm("challenge.add_proposal", is_initiatiefnemer & edits_initiative)
rules.add_perm("challenge.change_proposal", is_applicant)
rules.add_perm("challenge.answer_question", is_applicant)
rules.add_perm("challenge.view_feedback", is_applicant)
rules.add_perm(
    "challenge.view_proposal",
    is_applicant | (is_jurylid & is_assigned_without_conflict) | can_manage_challenges,
)
# On an assignment (challenge.access.assigned_review_or_404): the juror's own review of one proposal.
rules.add_perm("challenge.review_proposal", is_reviewer)
rules.add_perm("challenge.ask_question", is_reviewer)
# On a challenge: the jury member's own list of proposals and their conflicts.
rules.add_perm("challenge.view_jury_home", is_jurylid)  # the list of the juror's own calls
rules.add_perm("challenge.view_jury_work", is_jurylid & is_jury_member_of)
rules.add_perm("challenge.declare_conflict", is_jurylid & is_jury_member_of)
