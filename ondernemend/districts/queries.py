"""Reads for districts."""

from .geometry import district_for_point
from .models import District


def district_boundaries() -> list[tuple[str, dict]]:
    """(slug, GeoJSON geometry) of every district with a boundary, ordered by name; one query."""
    return list(
        District.objects.filter(boundary__isnull=False).order_by("name").values_list("slug", "boundary")
    )


def find_district(latitude: float, longitude: float) -> District | None:
    """The district whose boundary contains the point, or None; one query.

    A point on the shared edge of two districts goes to the first by name (see geometry.py). Districts
    without an imported boundary are never found.
    """
    districts = District.objects.filter(boundary__isnull=False).order_by("name")
    return district_for_point(latitude, longitude, ((district, district.boundary) for district in districts))
