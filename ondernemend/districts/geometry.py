"""GeoJSON Polygon and MultiPolygon geometry: validation, bounding boxes and point-in-polygon.

Pure Python without database or Django, so that it can be tested with known shapes and hypothesis.

Conventions (RFC 7946):
- a position is ``[longitude, latitude]`` (an optional third number, the altitude, is accepted and ignored);
  the functions that take a point take ``(latitude, longitude)``, the order people say it in;
- a Polygon is a list of linear rings: the first is the exterior, the others are holes; a ring is closed
  (last position equals the first) and has at least four positions;
- the winding order is not checked (RFC 7946 asks parsers not to reject on it), nor self-intersection.

Points on the boundary: a polygon is a closed set, so a point exactly on an edge or a vertex of any ring,
the edge of a hole included, counts as inside. Two districts that share an edge therefore both contain the
points on it, and `district_for_point` returns the first of them in the order it was given. The test is
exact, without a tolerance: coordinates are compared as the floating-point numbers they are. A point within
nanometres of an edge may fall either way, which makes no difference for districts.

Inside a Polygon means inside by the even-odd rule over the exterior ring and its holes together (a ray
cast from the point crosses the rings an odd number of times); inside a MultiPolygon means inside any of
its polygons. The crossing test compares signs of cross products instead of dividing, so coordinates on
a binary grid give exact answers.
"""

import itertools
import json
import math
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple

GEOMETRY_TYPES = ("Polygon", "MultiPolygon")


def gettext_noop(message: str) -> str:
    """Marks a message for translation (`makemessages` picks it up) without importing Django."""
    return message


class InvalidGeometry(ValueError):
    """A geometry that is not a valid GeoJSON Polygon or MultiPolygon.

    ``str(error)`` is the message in English; ``template`` and ``params`` let a caller translate it with
    ``gettext(error.template) % error.params``.
    """

    def __init__(self, template: str, **params: Any):
        self.template = template
        self.params = params
        super().__init__(template % params)


class BoundingBox(NamedTuple):
    """In the order of a GeoJSON ``bbox``: west, south, east, north."""

    west: float
    south: float
    east: float
    north: float

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.west <= longitude <= self.east and self.south <= latitude <= self.north


Position = tuple[float, float]  # (longitude, latitude)
Ring = tuple[Position, ...]


@dataclass(frozen=True)
class Polygon:
    rings: tuple[Ring, ...]
    bbox: BoundingBox

    def contains(self, latitude: float, longitude: float) -> bool:
        if not self.bbox.contains(latitude, longitude):
            return False
        if any(_on_ring(ring, longitude, latitude) for ring in self.rings):
            return True
        crossings = sum(_ray_crossings(ring, longitude, latitude) for ring in self.rings)
        return crossings % 2 == 1


@dataclass(frozen=True)
class Shape:
    """A validated Polygon or MultiPolygon, ready for many point tests."""

    polygons: tuple[Polygon, ...]
    bbox: BoundingBox

    def contains(self, latitude: float, longitude: float) -> bool:
        return self.bbox.contains(latitude, longitude) and any(
            polygon.contains(latitude, longitude) for polygon in self.polygons
        )


def prepare_geometry(geometry: Any) -> Shape:
    """Validate a GeoJSON geometry object and return it as a `Shape`; raises `InvalidGeometry`."""
    if isinstance(geometry, Shape):
        return geometry
    if not isinstance(geometry, dict) or "type" not in geometry or "coordinates" not in geometry:
        raise InvalidGeometry(gettext_noop("A geometry must be an object with a “type” and “coordinates”."))
    kind = geometry["type"]
    if kind not in GEOMETRY_TYPES:
        raise InvalidGeometry(
            gettext_noop("The geometry type must be Polygon or MultiPolygon, not %(type)s."),
            type=_short(kind),
        )
    coordinates = geometry["coordinates"]
    if not isinstance(coordinates, list):
        raise InvalidGeometry(gettext_noop("The coordinates of a %(type)s must be a list."), type=kind)
    if kind == "Polygon":
        polygons = (_parse_polygon(coordinates, number=1),)
    else:
        if not coordinates:
            raise InvalidGeometry(gettext_noop("A MultiPolygon needs at least one polygon."))
        polygons = tuple(
            _parse_polygon(polygon, number=number) for number, polygon in enumerate(coordinates, start=1)
        )
    return Shape(polygons=polygons, bbox=_union(polygon.bbox for polygon in polygons))


def validate_geometry(geometry: Any) -> None:
    """Raise `InvalidGeometry` unless `geometry` is a valid GeoJSON Polygon or MultiPolygon."""
    prepare_geometry(geometry)


def bounding_box(geometry: Any) -> BoundingBox:
    return prepare_geometry(geometry).bbox


def contains_point(geometry: Any, latitude: float, longitude: float) -> bool:
    """Whether the point lies inside the geometry or on its boundary (see the module docstring)."""
    return prepare_geometry(geometry).contains(latitude, longitude)


def district_for_point(latitude: float, longitude: float, districts: Iterable[tuple[Any, Any]]) -> Any:
    """The key of the first (key, geometry) pair whose geometry contains the point, or None.

    A geometry is a GeoJSON dict or a `Shape` from `prepare_geometry`; pass Shapes when testing many points
    against the same districts. Each shape's bounding box is checked before its rings.
    """
    for key, geometry in districts:
        if prepare_geometry(geometry).contains(latitude, longitude):
            return key
    return None


def _parse_polygon(rings: Any, *, number: int) -> Polygon:
    if not isinstance(rings, list):
        raise InvalidGeometry(gettext_noop("Polygon %(polygon)d must be a list of rings."), polygon=number)
    if not rings:
        raise InvalidGeometry(
            gettext_noop("Polygon %(polygon)d has no rings; it needs at least an exterior ring."),
            polygon=number,
        )
    parsed = tuple(_parse_ring(ring, polygon=number, ring=index) for index, ring in enumerate(rings, start=1))
    return Polygon(rings=parsed, bbox=_ring_bbox(parsed[0]))


def _parse_ring(values: Any, *, polygon: int, ring: int) -> Ring:
    where = {"polygon": polygon, "ring": ring}
    if not isinstance(values, list):
        raise InvalidGeometry(gettext_noop("Ring %(ring)d of polygon %(polygon)d must be a list."), **where)
    if len(values) < 4:
        raise InvalidGeometry(
            gettext_noop(
                "Ring %(ring)d of polygon %(polygon)d has %(count)d positions; "
                "a closed ring needs at least 4."
            ),
            count=len(values),
            **where,
        )
    positions = [
        _parse_position(value, position=index, **where) for index, value in enumerate(values, start=1)
    ]
    if positions[0] != positions[-1]:
        raise InvalidGeometry(
            gettext_noop(
                "Ring %(ring)d of polygon %(polygon)d is not closed: its last position must equal its first."
            ),
            **where,
        )
    return tuple(position[:2] for position in positions)


def _parse_position(value: Any, *, polygon: int, ring: int, position: int) -> tuple[float, ...]:
    where = {"polygon": polygon, "ring": ring, "position": position}
    if (
        not isinstance(value, list | tuple)
        or len(value) not in (2, 3)
        or not all(_is_number(number) for number in value)
    ):
        raise InvalidGeometry(
            gettext_noop(
                "Position %(position)d of ring %(ring)d of polygon %(polygon)d must be "
                "[longitude, latitude] in numbers, not %(value)s."
            ),
            value=_short(value),
            **where,
        )
    longitude, latitude = float(value[0]), float(value[1])
    if not -180 <= longitude <= 180:
        raise InvalidGeometry(
            gettext_noop(
                "Position %(position)d of ring %(ring)d of polygon %(polygon)d has longitude %(longitude)s, "
                "outside -180 to 180."
            ),
            longitude=value[0],
            **where,
        )
    if not -90 <= latitude <= 90:
        raise InvalidGeometry(
            gettext_noop(
                "Position %(position)d of ring %(ring)d of polygon %(polygon)d has latitude %(latitude)s, "
                "outside -90 to 90."
            ),
            latitude=value[1],
            **where,
        )
    return tuple(float(number) for number in value)


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)


def _short(value: Any, limit: int = 40) -> str:
    text = json.dumps(value, default=str, allow_nan=True)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _ring_bbox(ring: Ring) -> BoundingBox:
    longitudes = [longitude for longitude, _ in ring]
    latitudes = [latitude for _, latitude in ring]
    return BoundingBox(min(longitudes), min(latitudes), max(longitudes), max(latitudes))


def _union(boxes: Iterable[BoundingBox]) -> BoundingBox:
    boxes = list(boxes)
    return BoundingBox(
        min(box.west for box in boxes),
        min(box.south for box in boxes),
        max(box.east for box in boxes),
        max(box.north for box in boxes),
    )


def _edges(ring: Ring):
    return itertools.pairwise(ring)


def _on_ring(ring: Ring, x: float, y: float) -> bool:
    for (ax, ay), (bx, by) in _edges(ring):
        if (
            min(ax, bx) <= x <= max(ax, bx)
            and min(ay, by) <= y <= max(ay, by)
            and (bx - ax) * (y - ay) == (by - ay) * (x - ax)
        ):
            return True
    return False


def _ray_crossings(ring: Ring, x: float, y: float) -> int:
    """How often a ray from (x, y) towards larger x crosses the ring; (x, y) is not on the ring."""
    crossings = 0
    for (ax, ay), (bx, by) in _edges(ring):
        if (ay > y) != (by > y):
            # The edge spans the ray's height; it crosses the ray if it passes to the right of the point,
            # i.e. if the point lies on the left of the edge taken upwards.
            cross = (bx - ax) * (y - ay) - (x - ax) * (by - ay)
            if (cross > 0) == (by > ay):
                crossings += 1
    return crossings
