"""The public map: the filter form with the list and the map, details, map points as GeoJSON."""

import hashlib
from decimal import Decimal, InvalidOperation

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control, quote_etag
from django.utils.decorators import method_decorator
from django.utils.http import http_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.gzip import gzip_page
from django.views.generic import TemplateView, View

from ondernemend.maps import base_map_settings
from ondernemend.permissions import PermissionRequiredMixin

from .. import geojson
from ..access import published_place_or_404, visible_contact_point_or_404, visible_initiative_or_404
from ..enums import TrustSignal
from ..models import LATITUDE_RANGE, LONGITUDE_RANGE
from ..queries.public import (
    CONTACT_POINT,
    INITIATIVE,
    Location,
    filter_places,
    load_results,
    map_points,
    map_version,
    result_rows,
)

RESULTS_PER_PAGE = 20
# Parameters that belong to the list only; the map's GeoJSON URL carries the filters without them.
LIST_ONLY_PARAMETERS = ("page", "lat", "lon")
SLUG_PLACEHOLDER = "slug-placeholder"

# The trust signals as plain statements a visitor can rely on (the enum's labels are for forms and filters).
TRUST_STATEMENTS = {
    TrustSignal.GRATIS: gettext_lazy("It is free."),
    TrustSignal.GEEN_PAPIEREN: gettext_lazy("You do not need to bring any papers."),
    TrustSignal.BINNENLOPEN: gettext_lazy("You can walk in without an appointment."),
    TrustSignal.ONAFHANKELIJK: gettext_lazy("This place is independent of the municipality."),
    TrustSignal.BEWONERS: gettext_lazy("Residents run this place."),
    TrustSignal.ROLSTOEL: gettext_lazy("You can get in with a wheelchair."),
}


def parse_location(params) -> tuple[Location | None, str]:
    """The "near me" location from `lat` and `lon`, rounded to 3 decimals (about 100 m) whatever the browser
    sent; (None, message) when it is not a point in the Netherlands. It is used for this request only."""
    if "lat" not in params and "lon" not in params:
        return None, ""
    try:
        latitude = round(float(Decimal(params.get("lat", ""))), 3)
        longitude = round(float(Decimal(params.get("lon", ""))), 3)
    except (InvalidOperation, ValueError):
        latitude = longitude = None
    if (
        latitude is None
        or not LATITUDE_RANGE[0] <= latitude <= LATITUDE_RANGE[1]
        or not LONGITUDE_RANGE[0] <= longitude <= LONGITUDE_RANGE[1]
    ):
        return None, _("We could not use your location, so the list is sorted by name.")
    return Location(latitude=latitude, longitude=longitude), ""


def filter_query_string(params) -> str:
    filters = params.copy()
    for name in LIST_ONLY_PARAMETERS:
        filters.pop(name, None)
    return filters.urlencode()


def map_settings() -> dict:
    """What map.js needs besides the points, handed over with json_script (no inline script under our CSP)."""
    return {
        **base_map_settings(),
        "markerUrl": reverse("initiatives:marker", kwargs={"layer": "LAYER", "pk": 0}),
        "loadingText": _("Loading…"),
        "errorText": _("The details could not be loaded. The list below the map shows them too."),
    }


class MapView(TemplateView):
    template_name = "initiatives/public/map.html"

    def get_context_data(self, **kwargs):
        params = self.request.GET
        filters = filter_places(params)
        near, location_error = parse_location(params)
        paginator = Paginator(result_rows(filters, near=near), RESULTS_PER_PAGE)
        page = paginator.get_page(params.get("page"))
        query_string = filter_query_string(params)
        geojson_url = reverse("initiatives:geojson")
        return super().get_context_data(
            **kwargs,
            form=filters.form,
            page_obj=page,
            page_numbers=paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1),
            results=load_results(page.object_list, near=near),
            result_count=paginator.count,
            near=near,
            location_error=location_error,
            filter_query_string=query_string,
            geojson_url=f"{geojson_url}?{query_string}" if query_string else geojson_url,
            map_settings=map_settings(),
        )


@method_decorator(gzip_page, name="dispatch")
class GeoJSONView(View):
    """The map's points. Clients revalidate cheaply: the ETag comes from two aggregate queries, and the
    points are only read when the data or the filters changed. Compressed (public data, so no BREACH risk):
    10,000 points are about 2.6 MB plain and 220 KB gzipped."""

    def get(self, request):
        version = map_version()
        fingerprint = repr((version, sorted(request.GET.lists()), request.LANGUAGE_CODE))
        etag = quote_etag(hashlib.sha256(fingerprint.encode()).hexdigest()[:32])
        changed = [moment for moment in version[::2] if moment is not None]
        last_modified = int(max(changed).timestamp()) if changed else None

        response = get_conditional_response(request, etag=etag, last_modified=last_modified)
        if response is None:
            initiative_rows, contact_point_rows = map_points(filter_places(request.GET))
            collection = geojson.feature_collection(
                initiative_rows,
                contact_point_rows,
                initiative_url=geojson.url_maker(
                    reverse("initiatives:detail", kwargs={"slug": SLUG_PLACEHOLDER}), SLUG_PLACEHOLDER
                ),
                contact_point_url=geojson.url_maker(
                    reverse("initiatives:contactpoint_detail", kwargs={"slug": SLUG_PLACEHOLDER}),
                    SLUG_PLACEHOLDER,
                ),
            )
            response = HttpResponse(geojson.dumps(collection), content_type="application/geo+json")
        response.headers["ETag"] = etag
        if last_modified is not None:
            response.headers["Last-Modified"] = http_date(last_modified)
        patch_cache_control(response, public=True, max_age=60)
        return response


class MarkerDetailView(PermissionRequiredMixin, View):
    """The details of one marker as an HTML fragment: the same partial as the place's item in the list."""

    permission_required = "initiatives.view_map"

    def get_permission_object(self):
        return published_place_or_404(self.kwargs["layer"], self.kwargs["pk"])

    def get(self, request, *args, **kwargs):
        return render(request, "initiatives/public/map.html#result", {"place": self.permission_object})


class PlaceDetailView(PermissionRequiredMixin, TemplateView):
    """A listing's own page; unpublished listings only for those `access.py` lets see them (404 otherwise)."""

    permission_required = "initiatives.view_map"
    layer = ""

    def get_context_data(self, **kwargs):
        place = self.permission_object
        place.layer = self.layer
        return super().get_context_data(place=place, map_settings=map_settings(), **kwargs)


class InitiativeDetailView(PlaceDetailView):
    template_name = "initiatives/public/initiative_detail.html"
    layer = INITIATIVE

    def get_permission_object(self):
        return visible_initiative_or_404(self.request.user, self.kwargs["slug"])

    def get_context_data(self, **kwargs):
        trust_signals = self.permission_object.trust_signals.all()
        trust_statements = [TRUST_STATEMENTS[facet.code] for facet in trust_signals]
        return super().get_context_data(trust_statements=trust_statements, **kwargs)


class ContactPointDetailView(PlaceDetailView):
    template_name = "initiatives/public/contactpoint_detail.html"
    layer = CONTACT_POINT

    def get_permission_object(self):
        return visible_contact_point_or_404(self.request.user, self.kwargs["slug"])
