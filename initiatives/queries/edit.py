"""Reads for managing the map: which listings a user may edit, which are outdated, who hears about them."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet
from django.utils import timezone

from ondernemend.accounts.roles import Role

from ..freshness import REMINDER_DUE, STALE
from ..models import ContactPoint, Initiative


def manages_all(user) -> bool:
    return user.has_perm("initiatives.add_initiative")


def editable_initiatives(user) -> QuerySet[Initiative]:
    """Every initiative for coördinators and the beheerder; otherwise only those the user is editor of."""
    if not (user.is_authenticated and user.is_active):
        return Initiative.objects.none()
    if manages_all(user):
        return Initiative.objects.all()
    return Initiative.objects.filter(editors=user)


def manage_list(user) -> QuerySet[Initiative]:
    """The initiatives on the manage page, with what the page shows in a fixed number of queries."""
    return editable_initiatives(user).select_related("district").order_by("name", "pk")


def contact_point_list() -> QuerySet[ContactPoint]:
    return ContactPoint.objects.select_related("district").order_by("name", "pk")


def stale_listings(user, *, now=None) -> QuerySet[Initiative]:
    """The initiatives this user manages that were not checked for 12 months."""
    return manage_list(user).filter(STALE.condition(now or timezone.now()))


def stale_listings_to_remind(model, *, now=None) -> QuerySet:
    """Outdated listings of `model` (Initiative or ContactPoint) not reminded about for a month."""
    now = now or timezone.now()
    queryset = model.objects.filter(STALE.condition(now) & REMINDER_DUE.condition(now)).order_by("name", "pk")
    if model is Initiative:
        queryset = queryset.prefetch_related("editors")
    return queryset


def coordinators():
    """Active users with the coördinator role: they hear about every listing."""
    return get_user_model().objects.filter(is_active=True, groups__name=Role.COORDINATOR).distinct()
