import pytest
from django.http import QueryDict
from django.utils import translation

from initiatives.queries.public import filter_places
from ondernemend.districts.models import District
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def matching(query: str) -> tuple[set[str], set[str]]:
    """The names of the initiatives and of the contact points that the GET parameters select."""
    initiatives, contact_points = filter_places(QueryDict(query)).querysets()
    return {place.name for place in initiatives}, {place.name for place in contact_points}


def district(slug: str) -> District:
    return District.objects.get(slug=slug)


def test_filters_without_parameters_give_every_published_place():
    InitiativeFactory(name="Buurtkamer")
    InitiativeFactory(name="Verborgen", published=False)
    ContactPointFactory(name="Loket")
    ContactPointFactory(name="Loket in opbouw", published=False)

    assert matching("") == ({"Buurtkamer"}, {"Loket"})


def test_filters_district_applies_to_both_layers():
    InitiativeFactory(name="In Noord", district=district("noord"))
    InitiativeFactory(name="In Zuid", district=district("zuid"))
    ContactPointFactory(name="Loket Noord", district=district("noord"))
    ContactPointFactory(name="Loket Zuid", district=district("zuid"))

    assert matching("district=noord") == ({"In Noord"}, {"Loket Noord"})


def test_filters_kind_selects_initiatives_and_hides_contact_points():
    InitiativeFactory(name="Bieb", kind="bibliotheek")
    InitiativeFactory(name="Bewoners", kind="bewonersinitiatief")
    ContactPointFactory(name="Loket")

    assert matching("kind=bibliotheek") == ({"Bieb"}, set())


def test_filters_offer_matches_one_of_the_offers():
    InitiativeFactory(name="Werkplaats", offers=["werkplek", "workshop"])
    InitiativeFactory(name="Taalcafé", offers=["taalhulp"])
    ContactPointFactory(name="Loket")

    assert matching("offer=workshop") == ({"Werkplaats"}, set())


def test_filters_for_a_group_includes_places_for_everyone():
    InitiativeFactory(name="Voor bijstand", audiences=["bijstand"])
    InitiativeFactory(name="Voor iedereen", audiences=["iedereen", "bijstand"])
    InitiativeFactory(name="Voor UWV", audiences=["uwv"])

    assert matching("for=bijstand") == ({"Voor bijstand", "Voor iedereen"}, set())


def test_filters_language_matches_languages_spoken():
    InitiativeFactory(name="Arabisch", languages=["nl", "ar"])
    InitiativeFactory(name="Nederlands", languages=["nl"])

    assert matching("language=ar") == ({"Arabisch"}, set())


def test_filters_text_searches_name_description_street_and_postcode():
    InitiativeFactory(name="De Werkplaats")
    InitiativeFactory(name="Buurtkamer", description="Hier is een naaiatelier.")
    InitiativeFactory(name="Aan de gracht", street="Prinsengracht 10")
    InitiativeFactory(name="Met postcode", postcode="1094 AB")
    ContactPointFactory(name="Loket", what_to_ask="Vragen over je werkplaats of atelier.")

    assert matching("q=werkplaats") == ({"De Werkplaats"}, {"Loket"})
    assert matching("q=naaiatelier") == ({"Buurtkamer"}, set())
    assert matching("q=prinsengracht") == ({"Aan de gracht"}, set())
    assert matching("q=1094ab") == ({"Met postcode"}, set())
    assert matching("q=1094+AB") == ({"Met postcode"}, set())


def test_filters_text_needs_every_word():
    InitiativeFactory(name="Werkplaats Noord")
    InitiativeFactory(name="Werkplaats Zuid")

    assert matching("q=werkplaats+noord") == ({"Werkplaats Noord"}, set())


def test_filters_combine():
    InitiativeFactory(name="Match", district=district("oost"), offers=["geld"], languages=["tr"])
    InitiativeFactory(name="Andere taal", district=district("oost"), offers=["geld"], languages=["nl"])
    InitiativeFactory(name="Ander stadsdeel", district=district("west"), offers=["geld"], languages=["tr"])

    assert matching("district=oost&offer=geld&language=tr") == ({"Match"}, set())


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        ("district=atlantis", "district", "We do not know this district. Choose one from the list."),
        ("kind=kasteel", "kind", "We do not know this kind of place. Choose one from the list."),
        ("offer=gratis-geld", "offer", "We do not know this offer. Choose one from the list."),
        ("for=iedereen-behalve", "for", "We do not know this group. Choose one from the list."),
        ("language=klingon", "language", "We do not know this language. Choose one from the list."),
    ],
)
def test_filters_invalid_value_gives_a_message_and_is_ignored(query, field, message):
    InitiativeFactory(name="Buurtkamer")
    ContactPointFactory(name="Loket")

    with translation.override("en"):
        filters = filter_places(QueryDict(query))

        assert filters.is_valid() is False
        assert filters.form.errors == {field: [message]}
    assert matching(query) == ({"Buurtkamer"}, {"Loket"})


def test_filters_too_long_text_gives_a_message():
    filters = filter_places(QueryDict("q=" + "a" * 101))

    assert filters.is_valid() is False
    assert list(filters.form.errors) == ["q"]
