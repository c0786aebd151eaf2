"""Writes for the map. Every listing is saved through `save_place`: district and freshness stay right."""

from django.db import transaction
from django.utils import timezone

from ondernemend.districts.queries import find_district

from .models import Initiative, Place


def assign_district(place: Place) -> bool:
    """Give the place the district whose imported boundary holds its point; True when one was found.

    Without a matching boundary the district the editor chose stays.
    """
    district = find_district(float(place.latitude), float(place.longitude))
    if district is None:
        return False
    place.district = district
    return True


@transaction.atomic
def save_place(place: Place, *, facets: dict[str, list] | None = None, verify: bool = True) -> Place:
    """Validate and save a listing (Initiative or ContactPoint); saving counts as checking it (`verified_at`).

    `facets` maps an Initiative's M2M field names (offers, audiences, languages, trust_signals) to Facets.
    """
    assign_district(place)
    if verify:
        place.verified_at = timezone.now()
    place.full_clean(exclude=["district"] if place.district_id else None)
    place.save()
    if facets and isinstance(place, Initiative):
        for field, values in facets.items():
            getattr(place, field).set(values)
    return place
