"""Editing the map: initiatiefnemers their own listings, coördinators everything (see rules.py)."""

from django.conf import settings
from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views import View
from django.views.generic import FormView, TemplateView

from ondernemend.permissions import PermissionRequiredMixin

from .. import services
from ..access import editable_initiative_or_404, managed_contact_point_or_404, managed_initiative_or_404
from ..flyer import flyer_districts
from ..forms.edit import ContactPointForm, InitiativeForm
from ..models import ContactPoint, Initiative
from ..queries import edit as queries

INITIATIVES_PER_PAGE = 30
VERIFY_BUTTON = "still_correct"


def checked(request, place):
    """ "Still correct": record the check only, leave everything else as it is."""
    services.verify_place(place, by=request.user)
    messages.success(request, _("Thank you. “%(name)s” is marked as checked today.") % {"name": place.name})
    return redirect("initiatives:manage")


def saved(request, place):
    messages.success(
        request,
        _("The changes to “%(name)s” are saved. Saving also counts as today's check.") % {"name": place.name},
    )
    return redirect("initiatives:manage")


class ManageView(PermissionRequiredMixin, TemplateView):
    """ "Kaart beheren": the listings this user keeps up to date, with the outdated ones flagged."""

    permission_required = "initiatives.view_manage"
    template_name = "initiatives/edit/manage.html"

    def get_context_data(self, **kwargs):
        user = self.request.user
        manages_all = queries.manages_all(user)
        page = Paginator(queries.manage_list(user), INITIATIVES_PER_PAGE).get_page(
            self.request.GET.get("page")
        )
        return super().get_context_data(
            manages_all=manages_all,
            page_obj=page,
            initiatives=page.object_list,
            stale_count=queries.stale_listings(user).count(),
            contact_points=queries.contact_point_list() if manages_all else None,
            flyer_districts=flyer_districts() if manages_all else None,
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


class StillCorrectMixin:
    """The "Still correct" button of an edit page, which never throws typed edits away.

    On the edit page the button is a second submit button of the edit form itself, so the fields come
    along: unchanged, only the check is recorded; changed, the edits are saved (which counts as a check
    too), or the form comes back with its messages and everything typed still in it. The manage list has
    a button of its own that posts no fields: that one only records the check.
    """

    def post(self, request, *args, **kwargs):
        if VERIFY_BUTTON in request.POST and not self.edits_posted(request):
            return checked(request, self.permission_object)
        return super().post(request, *args, **kwargs)

    def edits_posted(self, request) -> bool:
        """True when the edit form came along and something in it differs from the saved listing."""
        form_posted = any(name in request.POST for name in self.get_form_class().base_fields)
        return form_posted and self.get_form().has_changed()

    def get_context_data(self, **kwargs):
        return super().get_context_data(place=self.permission_object, **kwargs)

    def form_valid(self, form):
        return saved(self.request, self.save(form))


class InitiativeFormMixin(MapFormMixin):
    template_name = "initiatives/edit/initiative_form.html"
    form_class = InitiativeForm

    def save(self, form) -> Initiative:
        return services.save_initiative(
            form.save(commit=False),
            facets=form.facets(),
            editors=form.chosen_editors(),
            by=self.request.user,
        )


class ContactPointFormMixin(MapFormMixin):
    template_name = "initiatives/edit/contactpoint_form.html"
    form_class = ContactPointForm

    def save(self, form) -> ContactPoint:
        return services.save_contact_point(form.save(commit=False), by=self.request.user)


class AddMixin:
    """An add page: save, say that it was added, back to managing the map."""

    added_message = ""  # with %(name)s

    def form_valid(self, form):
        place = self.save(form)
        messages.success(self.request, self.added_message % {"name": place.name})
        return redirect(self.get_success_url())


class InitiativeCreateView(PermissionRequiredMixin, AddMixin, InitiativeFormMixin, FormView):
    permission_required = "initiatives.add_initiative"
    added_message = gettext_lazy(
        "“%(name)s” has been added. It is not on the public map until it is published."
    )

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "can_choose_editors": True}


class InitiativeUpdateView(PermissionRequiredMixin, StillCorrectMixin, InitiativeFormMixin, FormView):
    """Edit a listing; saving or "Still correct" records that it was checked."""

    permission_required = "initiatives.change_initiative"

    def get_permission_object(self):
        return editable_initiative_or_404(self.request.user, self.kwargs["slug"])

    def get_form_kwargs(self):
        return {
            **super().get_form_kwargs(),
            "instance": self.permission_object,
            "can_choose_editors": self.request.user.has_perm("initiatives.add_initiative"),
        }


class InitiativePublishView(PermissionRequiredMixin, View):
    """Publish or unpublish (POST `published` = "1" or "0"); coördinators only."""

    permission_required = "initiatives.publish_initiative"
    http_method_names = ["post"]

    def get_permission_object(self):
        return managed_initiative_or_404(self.request.user, self.kwargs["slug"])

    def post(self, request, *args, **kwargs):
        publish = request.POST.get("published") == "1"
        initiative = services.set_published(self.permission_object, published=publish, by=request.user)
        if publish:
            message = _("“%(name)s” is now on the public map.")
        else:
            message = _("“%(name)s” is no longer on the public map.")
        messages.success(request, message % {"name": initiative.name})
        return redirect("initiatives:manage")


class ContactPointCreateView(PermissionRequiredMixin, AddMixin, ContactPointFormMixin, FormView):
    permission_required = "initiatives.add_contactpoint"
    added_message = gettext_lazy("“%(name)s” has been added.")


class ContactPointUpdateView(PermissionRequiredMixin, StillCorrectMixin, ContactPointFormMixin, FormView):
    permission_required = "initiatives.change_contactpoint"

    def get_permission_object(self):
        return managed_contact_point_or_404(self.request.user, self.kwargs["slug"])

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "instance": self.permission_object}
