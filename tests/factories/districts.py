import factory
from django.utils.text import slugify

from ondernemend.districts.models import District

STADSDELEN = ["Centrum", "Nieuw-West", "Noord", "Oost", "West", "Weesp", "Zuid", "Zuidoost"]


def square(*, latitude: float, longitude: float, size: float = 0.01) -> dict:
    """A square GeoJSON Polygon with its south-west corner at the point; `size` in degrees."""
    west, south, east, north = longitude, latitude, longitude + size, latitude + size
    ring = [[west, south], [east, south], [east, north], [west, north], [west, south]]
    return {"type": "Polygon", "coordinates": [ring]}


class DistrictFactory(factory.django.DjangoModelFactory):
    """One of the eight stadsdelen (the migration created them), in turn; a new district for another name.

    Creating updates the existing row with the given fields, so `DistrictFactory(name="Noord",
    boundary=square(...))` gives Noord that boundary.
    """

    class Meta:
        model = District

    name = factory.Iterator(STADSDELEN)
    slug = factory.LazyAttribute(lambda district: slugify(district.name))
    boundary = None

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        slug = kwargs.pop("slug")
        district, _created = model_class.objects.update_or_create(slug=slug, defaults=kwargs)
        return district
