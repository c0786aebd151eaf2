"""Reads for editing the map: which listings a user may manage, and which are outdated."""

from django.contrib.auth import get_user_model
from django.db.models import Q, QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone

from ondernemend.accounts.roles import Role

from .freshness import months_before, stale_before
from .models import ContactPoint, Initiative


def manages_all(user) -> bool:
    return user.has_perm("initiatives.add_initiative")


def editable_initiatives(user) -> QuerySet[Initiative]:
    """Every initiative for coördinators and the beheerder; otherwise only those the user is editor of."""
    if not (user.is_authenticated and user.is_active):
        return Initiative.objects.none()
    if manages_all(user):
        return Initiative.objects.all()
    return Initiative.objects.filter(editors=user)


def get_editable_initiative(user, slug: str) -> Initiative:
    """The initiative, if this user may edit it; 404 otherwise, so that others' listings stay invisible."""
    return get_object_or_404(editable_initiatives(user), slug=slug)


def manage_list(user) -> QuerySet[Initiative]:
    """The initiatives on the manage page, with what the page shows in a fixed number of queries."""
    return editable_initiatives(user).select_related("district").order_by("name", "pk")


def contact_point_list() -> QuerySet[ContactPoint]:
    return ContactPoint.objects.select_related("district").order_by("name", "pk")


def _stale_filter(now) -> Q:
    return Q(verified_at__isnull=True) | Q(verified_at__lt=stale_before(now))


def stale_listings(user, *, now=None) -> QuerySet[Initiative]:
    """The initiatives this user manages that were not checked for 12 months."""
    now = now or timezone.now()
    return manage_list(user).filter(_stale_filter(now))


def stale_listings_to_remind(model, *, now=None) -> QuerySet:
    """Outdated listings of `model` (Initiative or ContactPoint) not reminded about for a month."""
    now = now or timezone.now()
    reminded_long_ago = Q(stale_notified_at__isnull=True) | Q(stale_notified_at__lte=months_before(now, 1))
    queryset = model.objects.filter(_stale_filter(now) & reminded_long_ago).order_by("name", "pk")
    if model is Initiative:
        queryset = queryset.prefetch_related("editors")
    return queryset


def coordinators():
    """Active users with the coördinator role: they hear about every listing."""
    return get_user_model().objects.filter(is_active=True, groups__name=Role.COORDINATOR).distinct()
