import factory
from django.utils import timezone
from django.utils.text import slugify

from initiatives.enums import InitiativeKind
from initiatives.models import ContactPoint, Facet, FacetKind, Initiative, Partnership
from ondernemend.districts.models import District

# A spot well inside Amsterdam per district (latitude, longitude); factories scatter places around it.
DISTRICT_CENTRES = {
    "centrum": (52.3730, 4.8930),
    "nieuw-west": (52.3630, 4.8000),
    "noord": (52.3980, 4.9250),
    "oost": (52.3580, 4.9400),
    "west": (52.3770, 4.8600),
    "weesp": (52.3080, 5.0420),
    "zuid": (52.3450, 4.8700),
    "zuidoost": (52.3100, 4.9700),
}


def facets(kind: FacetKind, *codes: str) -> list[Facet]:
    return list(Facet.objects.filter(kind=kind, code__in=codes))


class PlaceFactory(factory.django.DjangoModelFactory):
    class Meta:
        abstract = True

    name = factory.Sequence(lambda n: f"Buurtplek {n}")
    slug = factory.LazyAttribute(lambda place: slugify(place.name))
    street = factory.Sequence(lambda n: f"Voorbeeldstraat {n + 1}")
    postcode = "1012 AB"
    district = factory.LazyFunction(lambda: District.objects.get(slug="centrum"))
    latitude = factory.LazyAttributeSequence(
        lambda place, n: round(
            DISTRICT_CENTRES.get(place.district.slug, (52.37, 4.89))[0] + (n % 20) * 0.0004, 6
        )
    )
    longitude = factory.LazyAttributeSequence(
        lambda place, n: round(
            DISTRICT_CENTRES.get(place.district.slug, (52.37, 4.89))[1] + (n % 17) * 0.0005, 6
        )
    )
    opening_hours = "ma–vr 10:00–16:00"
    published = True
    verified_at = factory.LazyFunction(timezone.now)


class InitiativeFactory(PlaceFactory):
    """`InitiativeFactory(offers=["workshop"], languages=["nl", "ar"], editors=[user])` sets the facets."""

    class Meta:
        model = Initiative
        skip_postgeneration_save = True

    kind = InitiativeKind.BEWONERSINITIATIEF
    description = "Een plek in de buurt waar je terechtkunt met je idee."

    @factory.post_generation
    def offers(self, create, codes, **kwargs):
        if create and codes:
            self.offers.set(facets(FacetKind.OFFER, *codes))

    @factory.post_generation
    def audiences(self, create, codes, **kwargs):
        if create and codes:
            self.audiences.set(facets(FacetKind.AUDIENCE, *codes))

    @factory.post_generation
    def languages(self, create, codes, **kwargs):
        if create and codes:
            self.languages.set(facets(FacetKind.LANGUAGE, *codes))

    @factory.post_generation
    def trust_signals(self, create, codes, **kwargs):
        if create and codes:
            self.trust_signals.set(facets(FacetKind.TRUST, *codes))

    @factory.post_generation
    def editors(self, create, users, **kwargs):
        if create and users:
            self.editors.set(users)


class ContactPointFactory(PlaceFactory):
    class Meta:
        model = ContactPoint

    name = factory.Sequence(lambda n: f"Aanspreekpunt {n}")
    what_to_ask = "Vragen over werk, inkomen en een eigen bedrijf beginnen."


class PartnershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Partnership

    initiative = factory.SubFactory(InitiativeFactory)
    contact_point = factory.SubFactory(ContactPointFactory)
