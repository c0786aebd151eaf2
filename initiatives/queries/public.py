"""Reads for the public map: filtered places, the list's pages, the map's points and their version."""

import math
from dataclasses import dataclass

from django.db.models import CharField, Count, F, FloatField, Max, QuerySet, Value
from django.db.models.functions import Cast, Lower
from django.http import QueryDict

from ..filters import ContactPointFilterSet, InitiativeFilterSet
from ..models import ContactPoint, Initiative

INITIATIVE = "initiative"
CONTACT_POINT = "contactpoint"
LAYERS = (INITIATIVE, CONTACT_POINT)
KM_PER_DEGREE = 111.2


def published_initiatives() -> QuerySet[Initiative]:
    return Initiative.objects.published()


def published_contact_points() -> QuerySet[ContactPoint]:
    return ContactPoint.objects.published()


def visible_initiatives(user) -> QuerySet[Initiative]:
    """What a detail page may show this user: the published initiatives, and the unpublished ones to the
    map's managers and (to preview their listing before it is published) its editors."""
    if user.has_perm("initiatives.view_unpublished"):
        queryset = Initiative.objects.all()
    elif user.is_authenticated:
        queryset = (published_initiatives() | Initiative.objects.filter(editors=user)).distinct()
    else:
        queryset = published_initiatives()
    return with_district(queryset)


def visible_contact_points(user) -> QuerySet[ContactPoint]:
    """The published contact points; the unpublished ones only to the map's managers."""
    if user.has_perm("initiatives.view_unpublished"):
        return with_district(ContactPoint.objects.all())
    return with_district(published_contact_points())


@dataclass(frozen=True)
class Location:
    """A visitor's location for "near me", rounded to 3 decimals (about 100 m) before it reaches us.

    It lives only for one request: it is never saved, and the views do not log it.
    """

    latitude: float
    longitude: float


@dataclass
class PlaceFilters:
    """The two layers filtered with the same GET parameters; `form` shows the filters and their errors."""

    initiatives: InitiativeFilterSet
    contact_points: ContactPointFilterSet

    @property
    def form(self):
        return self.initiatives.form

    def is_valid(self) -> bool:
        return self.initiatives.is_valid()

    def querysets(self) -> tuple[QuerySet, QuerySet]:
        return self.initiatives.qs, self.contact_points.qs


def filter_places(params: QueryDict) -> PlaceFilters:
    initiatives = InitiativeFilterSet(params, queryset=published_initiatives())
    contact_points = ContactPointFilterSet(
        params, queryset=published_contact_points(), shared_form=initiatives.form
    )
    return PlaceFilters(initiatives=initiatives, contact_points=contact_points)


def with_district(queryset: QuerySet) -> QuerySet:
    """The place's district without its boundary polygon, which can be large and is not shown."""
    return queryset.select_related("district").defer("district__boundary")


def _squared_distance(location: Location):
    """A flat-earth distance in degrees², exact enough within a city; plain arithmetic, so any database sorts
    by it. We sort in SQL so that every page of the list continues where the previous one ended."""
    longitude_scale = math.cos(math.radians(location.latitude))
    north = Cast(F("latitude"), FloatField()) - location.latitude
    east = (Cast(F("longitude"), FloatField()) - location.longitude) * longitude_scale
    return north * north + east * east


def result_rows(filters: PlaceFilters, *, near: Location | None = None) -> QuerySet:
    """One ordered list of both layers as (pk, layer) rows, by name or by distance; a page of it is loaded
    with `load_results`. A UNION keeps counting and paging in the database."""
    initiatives, contact_points = filters.querysets()
    layers = []
    for queryset, layer in ((initiatives, INITIATIVE), (contact_points, CONTACT_POINT)):
        queryset = queryset.annotate(
            layer=Value(layer, output_field=CharField()),
            sort_name=Lower("name"),
            distance=_squared_distance(near) if near else Value(0.0, output_field=FloatField()),
        )
        layers.append(queryset.order_by().values_list("pk", "layer", "sort_name", "distance"))
    ordering = ("distance", "sort_name", "layer", "pk") if near else ("sort_name", "layer", "pk")
    return layers[0].union(layers[1], all=True).order_by(*ordering)


def distance_km(place, near: Location) -> float:
    """The straight-line distance shown in the list (equirectangular, fine for a few kilometres)."""
    north = float(place.latitude) - near.latitude
    east = (float(place.longitude) - near.longitude) * math.cos(math.radians(near.latitude))
    return math.hypot(north, east) * KM_PER_DEGREE


def load_results(rows, *, near: Location | None = None) -> list:
    """The places of one page of `result_rows`, in its order, each with `layer` (and `distance_km` when near
    is given): one query per layer, one for the offers."""
    wanted = {layer: [row[0] for row in rows if row[1] == layer] for layer in LAYERS}
    loaded = {
        INITIATIVE: with_district(Initiative.objects.filter(pk__in=wanted[INITIATIVE]))
        .prefetch_related("offers")
        .in_bulk(),
        CONTACT_POINT: with_district(ContactPoint.objects.filter(pk__in=wanted[CONTACT_POINT])).in_bulk(),
    }
    results = []
    for pk, layer, *_rest in rows:
        place = loaded[layer].get(pk)
        if place is None:  # unpublished between the two queries
            continue
        place.layer = layer
        if near:
            place.distance_km = distance_km(place, near)
        results.append(place)
    return results


INITIATIVE_POINT_FIELDS = ("pk", "name", "kind", "district__slug", "slug", "latitude", "longitude")
CONTACT_POINT_FIELDS = ("pk", "name", "district__slug", "slug", "latitude", "longitude")


def map_points(filters: PlaceFilters) -> tuple[list[tuple], list[tuple]]:
    """Plain rows for the GeoJSON endpoint: no model instances, one query per layer."""
    initiatives, contact_points = filters.querysets()
    return (
        list(initiatives.order_by("pk").values_list(*INITIATIVE_POINT_FIELDS)),
        list(contact_points.order_by("pk").values_list(*CONTACT_POINT_FIELDS)),
    )


def map_version() -> tuple:
    """What the map's data depends on: the last change and the number of rows of both tables, published or
    not (unpublishing a place changes its updated_at; deleting one changes the count)."""
    version = []
    for model in (Initiative, ContactPoint):
        aggregate = model.objects.order_by().aggregate(changed=Max("updated_at"), count=Count("pk"))
        version += [aggregate["changed"], aggregate["count"]]
    return tuple(version)
