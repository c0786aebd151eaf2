"""Editing the map: initiatiefnemers their own listings, coördinators everything (see rules.py)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from .. import manage_queries, services
from ..forms import ContactPointForm, InitiativeForm
from ..freshness import stale_before
from ..models import ContactPoint, Initiative

INITIATIVES_PER_PAGE = 30
VERIFY_BUTTON = "still_correct"


def checked(request, place):
    """ "Still correct": record the check only, leave everything else as it is."""
    services.verify_place(place, by=request.user)
    messages.success(request, _("Thank you. “%(name)s” is marked as checked today.") % {"name": place.name})
    return redirect("initiatives:manage")


def saved(request, place):
    messages.success(request, _("The changes to “%(name)s” are saved.") % {"name": place.name})
    return redirect("initiatives:manage")


class ManageView(PermissionRequiredMixin, TemplateView):
    """ "Kaart beheren": the listings this user keeps up to date, with the outdated ones flagged."""

    permission_required = "initiatives.view_manage"
    template_name = "initiatives/edit/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        manages_all = manage_queries.manages_all(user)
        page = Paginator(manage_queries.manage_list(user), INITIATIVES_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            manages_all=manages_all,
            page_obj=page,
            initiatives=page.object_list,
            stale_count=manage_queries.stale_listings(user).count(),
            stale_before=stale_before(timezone.now()),
            contact_points=manage_queries.contact_point_list() if manages_all else None,
            verify_button=VERIFY_BUTTON,
            **kwargs,
        )


class MapFormMixin:
    """What the edit pages share: the tile server for the location picker, a message and the way back."""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            map_tile_url=settings.MAP_TILE_URL,
            map_tile_attribution=settings.MAP_TILE_ATTRIBUTION,
            map_centre=settings.LEAFLET_CONFIG["DEFAULT_CENTER"],
            verify_button=VERIFY_BUTTON,
            **kwargs,
        )

    def get_success_url(self):
        return reverse("initiatives:manage")


class InitiativeCreateView(PermissionRequiredMixin, MapFormMixin, FormView):
    permission_required = "initiatives.add_initiative"
    template_name = "initiatives/edit/initiative_form.html"
    form_class = InitiativeForm

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "can_choose_editors": True}

    def form_valid(self, form):
        initiative = services.save_initiative(
            form.save(commit=False),
            facets=form.facets(),
            editors=form.chosen_editors(),
            by=self.request.user,
        )
        messages.success(
            self.request,
            _("“%(name)s” has been added. It is not on the public map until it is published.")
            % {"name": initiative.name},
        )
        return redirect(self.get_success_url())


class InitiativeUpdateView(PermissionRequiredMixin, MapFormMixin, FormView):
    """Edit a listing; the "Still correct" button only records that it was checked."""

    permission_required = "initiatives.change_initiative"
    template_name = "initiatives/edit/initiative_form.html"
    form_class = InitiativeForm

    def get_permission_object(self):
        if not self.request.user.is_authenticated:
            return None  # anonymous visitors are sent to log in, not told whether the listing exists
        return manage_queries.get_editable_initiative(self.request.user, self.kwargs["slug"])

    @property
    def initiative(self) -> Initiative:
        return self.permission_object

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.initiative,
            "can_choose_editors": self.request.user.has_perm("initiatives.add_initiative"),
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(initiative=self.initiative, **kwargs)

    def post(self, request, *args, **kwargs):
        if VERIFY_BUTTON in request.POST:
            return checked(request, self.initiative)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        initiative = services.save_initiative(
            form.save(commit=False),
            facets=form.facets(),
            editors=form.chosen_editors(),
            by=self.request.user,
        )
        return saved(self.request, initiative)


class InitiativePublishView(PermissionRequiredMixin, View):
    """Publish or unpublish (POST `published` = "1" or "0"); coördinators only."""

    permission_required = "initiatives.publish_initiative"
    http_method_names = ["post"]

    def get_permission_object(self):
        return get_object_or_404(Initiative, slug=self.kwargs["slug"])

    def post(self, request, *args, **kwargs):
        publish = request.POST.get("published") == "1"
        initiative = services.set_published(self.permission_object, published=publish, by=request.user)
        if publish:
            message = _("“%(name)s” is now on the public map.")
        else:
            message = _("“%(name)s” is no longer on the public map.")
        messages.success(request, message % {"name": initiative.name})
        return redirect("initiatives:manage")


class ContactPointCreateView(PermissionRequiredMixin, MapFormMixin, FormView):
    permission_required = "initiatives.add_contactpoint"
    template_name = "initiatives/edit/contactpoint_form.html"
    form_class = ContactPointForm

    def form_valid(self, form):
        contact_point = services.save_contact_point(form.save(commit=False), by=self.request.user)
        messages.success(self.request, _("“%(name)s” has been added.") % {"name": contact_point.name})
        return redirect(self.get_success_url())


class ContactPointUpdateView(PermissionRequiredMixin, MapFormMixin, FormView):
    permission_required = "initiatives.change_contactpoint"
    template_name = "initiatives/edit/contactpoint_form.html"
    form_class = ContactPointForm

    def get_permission_object(self):
        if not self.request.user.has_perm("initiatives.change_contactpoint"):
            return None  # checked before the lookup, so that others get 403 whether or not it exists
        return get_object_or_404(ContactPoint, slug=self.kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.permission_object}

    def get_context_data(self, **kwargs):
        return super().get_context_data(contact_point=self.permission_object, **kwargs)

    def post(self, request, *args, **kwargs):
        if VERIFY_BUTTON in request.POST:
            return checked(request, self.permission_object)
        return super().post(request, *args, **kwargs)

    def form_valid(self, form):
        contact_point = services.save_contact_point(form.save(commit=False), by=self.request.user)
        return saved(self.request, contact_point)
