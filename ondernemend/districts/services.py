"""Writes for districts: importing boundary polygons from GeoJSON."""

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from .geometry import InvalidGeometry, validate_geometry
from .models import District

# Prefixes that GeoJSON files from other sources put before a district's name ("Stadsdeel Noord",
# "Amsterdam-Noord"); they are ignored when matching a name.
NAME_PREFIXES = ("stadsdeel-", "amsterdam-")


@dataclass(frozen=True)
class BoundaryImport:
    """What an import did: the districts that got a boundary and those the file left unchanged."""

    imported: list[District]
    unchanged: list[District]
    dry_run: bool


def import_district_boundaries(
    feature_collection: Any, *, name_property: str = "name", dry_run: bool = False
) -> BoundaryImport:
    """Store the boundary of every district in a GeoJSON FeatureCollection.

    Each feature has a Polygon or MultiPolygon geometry and a `name_property` naming one of the districts.
    Names match case-insensitively on a district's name or slug, ignoring spaces and hyphens and a leading
    "Stadsdeel" or "Amsterdam" ("Stadsdeel Nieuw West" and "Amsterdam-Nieuw-West" are both Nieuw-West).
    The whole file is checked first: if anything is wrong, nothing is written and a ValidationError lists
    every problem. Districts that are not in the file keep their boundary. With `dry_run`, only check.
    """
    with transaction.atomic():
        districts = list(District.objects.select_for_update().order_by("name"))
        matches = _match_features(feature_collection, name_property=name_property, districts=districts)
        for district, geometry in matches:
            district.boundary = geometry
        imported = [district for district, _geometry in matches]
        if not dry_run:
            District.objects.bulk_update(imported, ["boundary"])
    unchanged = [district for district in districts if district not in imported]
    return BoundaryImport(imported=imported, unchanged=unchanged, dry_run=dry_run)


def district_name_key(name: str) -> str:
    """The form in which district names are compared: "Stadsdeel Nieuw West" → "nieuwwest"."""
    key = slugify(name)
    while key.startswith(NAME_PREFIXES):
        key = key.split("-", 1)[1]
    return key.replace("-", "")


def _match_features(
    feature_collection: Any, *, name_property: str, districts: list[District]
) -> list[tuple[District, dict]]:
    features = _features(feature_collection)
    by_key = {}
    for district in districts:
        by_key[district_name_key(district.name)] = district
        by_key[district_name_key(district.slug)] = district
    known = ", ".join(district.name for district in districts)

    matches, problems, seen = [], [], {}
    for number, feature in enumerate(features, start=1):
        if not isinstance(feature, dict) or feature.get("type") != "Feature":
            problems.append(
                _("Feature %(number)d: this is not a GeoJSON Feature object.") % {"number": number}
            )
            continue
        properties = feature.get("properties") or {}
        name = properties.get(name_property) if isinstance(properties, dict) else None
        label = _feature_label(number, name)
        district = by_key.get(district_name_key(name)) if isinstance(name, str) else None
        if name is None or name == "":
            problems.append(
                _("%(feature)s: there is no “%(property)s” property with the district name.")
                % {"feature": label, "property": name_property}
            )
        elif district is None:
            problems.append(
                _("%(feature)s: “%(name)s” is not one of the districts: %(known)s.")
                % {"feature": label, "name": name, "known": known}
            )
        elif district.pk in seen:
            problems.append(
                _(
                    "%(feature)s: district %(district)s is also feature %(first)d; "
                    "a district may appear only once."
                )
                % {"feature": label, "district": district.name, "first": seen[district.pk]}
            )
        else:
            seen[district.pk] = number

        geometry = feature.get("geometry")
        if geometry is None:
            problems.append(_("%(feature)s: there is no geometry.") % {"feature": label})
            continue
        try:
            validate_geometry(geometry)
        except InvalidGeometry as error:
            problem = _(error.template) % error.params
            problems.append(_("%(feature)s: %(problem)s") % {"feature": label, "problem": problem})
            continue
        if district is not None and seen[district.pk] == number:
            matches.append((district, {"type": geometry["type"], "coordinates": geometry["coordinates"]}))

    if problems:
        raise ValidationError(problems)
    return matches


def _features(feature_collection: Any) -> list:
    if not isinstance(feature_collection, dict) or "type" not in feature_collection:
        raise ValidationError(
            _(
                "The file must contain a GeoJSON FeatureCollection: "
                "a JSON object with “type”: “FeatureCollection”."
            )
        )
    if feature_collection["type"] != "FeatureCollection":
        raise ValidationError(
            _("The file must contain a GeoJSON FeatureCollection, but its type is “%(type)s”.")
            % {"type": feature_collection["type"]}
        )
    features = feature_collection.get("features")
    if not isinstance(features, list):
        raise ValidationError(_("The FeatureCollection has no list of “features”."))
    if not features:
        raise ValidationError(_("The FeatureCollection has no features, so there is nothing to import."))
    return features


def _feature_label(number: int, name: Any) -> str:
    if name is None or name == "":
        return _("Feature %(number)d") % {"number": number}
    return _("Feature %(number)d (“%(name)s”)") % {"number": number, "name": name}
