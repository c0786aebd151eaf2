"""The map's points as an RFC 7946 GeoJSON FeatureCollection, built from plain rows (no database here).

Kept compact so that 10,000 points stay small: a point, an id and five short properties; the details of a
place load when its marker is clicked.
"""

import json
from collections.abc import Callable, Iterable
from decimal import Decimal

COORDINATE_DECIMALS = 6  # about 10 cm: more would only add bytes


def _coordinate(value: Decimal | float) -> float:
    return round(float(value), COORDINATE_DECIMALS)


def point_feature(*, layer: str, pk: int, name: str, kind: str | None, district: str, url: str, lat, lon):
    return {
        "type": "Feature",
        "id": f"{layer}-{pk}",
        # RFC 7946 §3.1.1: longitude first, then latitude.
        "geometry": {"type": "Point", "coordinates": [_coordinate(lon), _coordinate(lat)]},
        "properties": {"name": name, "layer": layer, "kind": kind, "district": district, "url": url},
    }


def feature_collection(
    initiative_rows: Iterable[tuple],
    contact_point_rows: Iterable[tuple],
    *,
    initiative_url: Callable[[str], str],
    contact_point_url: Callable[[str], str],
) -> dict:
    """Rows as in queries.INITIATIVE_POINT_FIELDS and queries.CONTACT_POINT_FIELDS."""
    features = [
        point_feature(
            layer="initiative",
            pk=pk,
            name=name,
            kind=kind,
            district=district,
            url=initiative_url(slug),
            lat=lat,
            lon=lon,
        )
        for pk, name, kind, district, slug, lat, lon in initiative_rows
    ]
    features += [
        point_feature(
            layer="contactpoint",
            pk=pk,
            name=name,
            kind=None,
            district=district,
            url=contact_point_url(slug),
            lat=lat,
            lon=lon,
        )
        for pk, name, district, slug, lat, lon in contact_point_rows
    ]
    return {"type": "FeatureCollection", "features": features}


def dumps(collection: dict) -> str:
    return json.dumps(collection, separators=(",", ":"), ensure_ascii=False)


def url_maker(example_url: str, placeholder: str) -> Callable[[str], str]:
    """Turn one reversed URL with a placeholder slug into a fast function: reverse() per point is slow."""
    before, _, after = example_url.partition(placeholder)
    return lambda slug: f"{before}{slug}{after}"
