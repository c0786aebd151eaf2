"""Fetching one listing (or district) for a user: the `*_or_404` helpers behind every view on one object.

A view declares `permission_required` and returns one of these from `get_permission_object()`; the
permission mixin (`ondernemend/permissions.py`) keeps it as `self.permission_object`. The rule of
docs/access.md, in the order it is applied:

1. A page the user's role may not use at all answers 403 (an anonymous visitor is sent to log in), whether
   or not the listing exists: the helper returns None without looking anything up, and the permission
   check on None refuses.
2. A listing the user may not see or edit answers 404, exactly as one that does not exist: another's
   initiative for an initiatiefnemer, an unpublished listing for the public.
"""

from django.http import Http404
from django.shortcuts import get_object_or_404

from ondernemend.districts.models import District

from .models import ContactPoint, Initiative, Place
from .queries.edit import editable_initiatives
from .queries.public import (
    CONTACT_POINT,
    INITIATIVE,
    published_contact_points,
    published_initiatives,
    visible_contact_points,
    visible_initiatives,
    with_district,
)


def visible_initiative_or_404(user, slug: str) -> Initiative:
    """A published initiative; an unpublished one only for its editors and the map's managers."""
    queryset = visible_initiatives(user).prefetch_related("offers", "audiences", "languages", "trust_signals")
    return get_object_or_404(queryset, slug=slug)


def visible_contact_point_or_404(user, slug: str) -> ContactPoint:
    """A published contact point; an unpublished one only for the map's managers."""
    return get_object_or_404(visible_contact_points(user), slug=slug)


def published_initiative_or_404(slug: str) -> Initiative:
    """What visitors may report on: published initiatives only."""
    return get_object_or_404(published_initiatives(), slug=slug)


def published_place_or_404(layer: str, pk: int) -> Place:
    """A marker on the public map: a published initiative (with its offers) or contact point, by layer."""
    if layer == INITIATIVE:
        queryset = published_initiatives().prefetch_related("offers")
    elif layer == CONTACT_POINT:
        queryset = published_contact_points()
    else:
        raise Http404
    place = get_object_or_404(with_district(queryset), pk=pk)
    place.layer = layer
    return place


def district_or_404(slug: str) -> District:
    """Every district has a flyer, also one without listings."""
    return get_object_or_404(District, slug=slug)


def editable_initiative_or_404(user, slug: str) -> Initiative | None:
    """An initiative this user may edit. None for anyone whose role edits no listing at all (403, or log in);
    404 for another's initiative."""
    if not user.has_perm("initiatives.view_manage"):
        return None
    return get_object_or_404(editable_initiatives(user), slug=slug)


def managed_initiative_or_404(user, slug: str) -> Initiative | None:
    """Any initiative, for the map's managers (publishing); None for everyone else (403, or log in)."""
    if not user.has_perm("initiatives.publish_initiative"):
        return None
    return get_object_or_404(Initiative, slug=slug)


def managed_contact_point_or_404(user, slug: str) -> ContactPoint | None:
    """Any contact point, for the map's managers; None for everyone else (403, or log in)."""
    if not user.has_perm("initiatives.change_contactpoint"):
        return None
    return get_object_or_404(ContactPoint, slug=slug)
