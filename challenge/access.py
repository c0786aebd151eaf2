"""Fetching the object of a challenge page for a user (docs/access.md: 404 or 403).

A view on one object returns one of these helpers from `get_permission_object()`; the permission mixin
(ondernemend.permissions) keeps it as `self.permission_object` and checks the view's permission on it.

Proposals are treated like participant data for their existence: a helper fetches only within the user's
reach, so someone else's proposal, an unassigned or a conflicted one answers 404, exactly as a number that
does not exist. Calls are not secret once they open: `managed_challenge_or_404` fetches any call and lets the
permission answer 403 to a role that may not manage. Every helper that takes a user returns None for an
anonymous visitor: the mixin then sends her to log in.
"""

from django.db.models import Exists, OuterRef
from django.http import Http404
from django.utils import timezone

from .models import Assignment, Challenge, Conflict, Proposal


def public_challenge_or_404(slug: str) -> Challenge:
    """A call anyone may read: one that has opened (a draft is seen only by its coördinators)."""
    return _get_or_404(Challenge.objects.filter(opens_at__lte=timezone.now()), slug=slug)


def managed_challenge_or_404(user, slug: str) -> Challenge | None:
    """Any call, drafts included: the permission (`challenge.manage_challenge`) answers 403 to others."""
    if not user.is_authenticated:
        return None
    return _get_or_404(Challenge.objects.all(), slug=slug)


def jury_challenge_or_404(user, slug: str) -> Challenge | None:
    """A call in whose jury the user sits; 404 for everyone else."""
    if not user.is_authenticated:
        return None
    return _get_or_404(Challenge.objects.filter(jury__user=user), slug=slug)


def editable_proposal_or_404(user, pk: int) -> Proposal | None:
    """A proposal of an initiative the user edits (its applicant); 404 for everyone else."""
    if not user.is_authenticated:
        return None
    return _get_or_404(
        Proposal.objects.select_related("challenge", "initiative"), pk=pk, initiative__editors=user
    )


def assigned_review_or_404(user, pk: int) -> Assignment | None:
    """The user's assignment for the proposal with primary key `pk` (the review page is per proposal).

    404 when the user is not assigned to it or declared a conflict with it. The returned assignment has its
    proposal, challenge and member loaded; its review, if started, is `assignment.review`.
    """
    if not user.is_authenticated:
        return None
    conflicted = Conflict.objects.filter(member=OuterRef("member"), proposal=OuterRef("proposal"))
    assignments = (
        Assignment.objects.select_related("proposal__challenge", "proposal__initiative", "member", "review")
        .alias(conflicted=Exists(conflicted))
        .filter(conflicted=False)
    )
    return _get_or_404(assignments, proposal_id=pk, member__user=user)


def managed_proposal_or_404(user, pk: int) -> Proposal | None:
    """Any proposal, for someone who manages challenges (the coördinator); 404 for everyone else."""
    if not user.is_authenticated:
        return None
    if not user.has_perm("challenge.manage_challenge"):
        raise Http404
    return _get_or_404(Proposal.objects.select_related("challenge", "initiative"), pk=pk)


def _get_or_404(queryset, **lookup):
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None
