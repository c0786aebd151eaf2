from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from initiatives.forms.edit import ContactPointForm, InitiativeForm
from initiatives.models import ContactPoint, Facet, FacetKind, Initiative
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.districts import DistrictFactory, square
from tests.factories.initiatives import ContactPointFactory, InitiativeFactory

pytestmark = pytest.mark.django_db


def form_data(**overrides):
    data = {
        "name": "Buurtkamer De Pijp",
        "kind": "buurtcentrum",
        "description": "Koffie, hulp bij papieren en een plek om te werken.",
        "offers": [Facet.objects.get(kind=FacetKind.OFFER, code="werkplek").pk],
        "languages": [Facet.objects.get(kind=FacetKind.LANGUAGE, code="nl").pk],
        "street": "Ferdinand Bolstraat 10",
        "postcode": "1072lk",
        "latitude": "52.3560",
        "longitude": "4.8930",
        "district": District.objects.get(slug="zuid").pk,
        "opening_hours": "ma–vr 10:00–16:00",
        "email": "",
        "phone": "",
        "website": "",
    }
    data.update(overrides)
    return data


@pytest.fixture
def editor():
    return UserFactory(initiatiefnemer=True)


@pytest.fixture
def coordinator():
    return UserFactory(coordinator=True)


def test_edit_of_another_initiative_is_not_found(client, editor):
    InitiativeFactory(editors=[editor])
    other = InitiativeFactory(name="Iemand anders")
    client.force_login(editor)

    get = client.get(reverse("initiatives:edit", kwargs={"slug": other.slug}))
    post = client.post(
        reverse("initiatives:edit", kwargs={"slug": other.slug}), form_data(name="Overgenomen")
    )

    assert (get.status_code, post.status_code) == (404, 404)
    other.refresh_from_db()
    assert other.name == "Iemand anders"


def test_edit_by_anonymous_goes_to_login(client):
    initiative = InitiativeFactory()

    response = client.get(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_editor_saves_own_initiative_with_normalised_postcode(client, editor):
    initiative = InitiativeFactory(editors=[editor], verified_at=timezone.now() - timedelta(days=400))
    client.force_login(editor)

    response = client.post(reverse("initiatives:edit", kwargs={"slug": initiative.slug}), form_data())

    assert response.status_code == 302
    initiative.refresh_from_db()
    assert (initiative.name, initiative.postcode, initiative.district.slug) == (
        "Buurtkamer De Pijp",
        "1072 LK",
        "zuid",
    )
    assert timezone.now() - initiative.verified_at < timedelta(minutes=1)
    assert [facet.code for facet in initiative.offers.all()] == ["werkplek"]
    assert list(initiative.editors.all()) == [editor]  # an editor cannot change who edits


def test_edit_form_shows_the_listing(client, editor):
    initiative = InitiativeFactory(editors=[editor], name="Het Buurthuis")
    client.force_login(editor)

    response = client.get(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))

    content = response.content.decode()
    assert "Het Buurthuis" in content
    assert 'name="latitude"' in content
    assert 'type="number"' in content
    assert 'name="editors"' not in content


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("postcode", "12345", "Vul een Nederlandse postcode in"),
        ("postcode", "0123 AB", "Vul een Nederlandse postcode in"),
        ("latitude", "48.8566", "Dit punt ligt buiten Nederland"),
        ("longitude", "2.3522", "Dit punt ligt buiten Nederland"),
        ("latitude", "noord", "Vul de breedtegraad in als getal"),
    ],
)
def test_bad_input_gets_a_clear_message_and_nothing_is_saved(client, editor, field, value, message):
    initiative = InitiativeFactory(editors=[editor], name="Ongewijzigd")
    client.force_login(editor)

    response = client.post(
        reverse("initiatives:edit", kwargs={"slug": initiative.slug}), form_data(**{field: value})
    )

    assert response.status_code == 200
    assert message in response.content.decode()
    initiative.refresh_from_db()
    assert initiative.name == "Ongewijzigd"


def test_save_picks_the_district_from_an_imported_boundary(client, coordinator):
    DistrictFactory(name="Noord", boundary=square(latitude=52.39, longitude=4.91, size=0.05))
    client.force_login(coordinator)

    client.post(reverse("initiatives:create"), form_data(latitude="52.40", longitude="4.93"))

    initiative = Initiative.objects.get()
    assert initiative.district.slug == "noord"  # the chosen "zuid" is overruled by the boundary
    assert initiative.verified_at is not None
    assert initiative.published is False


def test_district_is_required_without_a_boundary(client, coordinator):
    client.force_login(coordinator)

    response = client.post(reverse("initiatives:create"), form_data(district=""))

    assert "Kies het stadsdeel" in response.content.decode()
    assert Initiative.objects.count() == 0


def test_create_makes_unique_slugs(client, coordinator):
    InitiativeFactory(name="Buurtkamer De Pijp", slug="buurtkamer-de-pijp")
    InitiativeFactory(name="Buurtkamer De Pijp 2", slug="buurtkamer-de-pijp-2")
    client.force_login(coordinator)

    client.post(reverse("initiatives:create"), form_data())

    assert Initiative.objects.order_by("-pk").first().slug == "buurtkamer-de-pijp-3"


def test_coordinator_sets_editors(client, coordinator, editor):
    client.force_login(coordinator)

    client.post(reverse("initiatives:create"), form_data(editors=[editor.pk]))

    assert list(Initiative.objects.get().editors.all()) == [editor]


def test_initiatiefnemer_may_not_create(client, editor):
    InitiativeFactory(editors=[editor])
    client.force_login(editor)

    response = client.post(reverse("initiatives:create"), form_data())

    assert response.status_code == 403
    assert Initiative.objects.count() == 1


def posted_as_shown(form) -> dict:
    """What a browser sends for `form` when nobody changes anything (text areas send CR LF line breaks)."""
    data = {}
    for field in form:
        value = field.value()
        if isinstance(value, bool):
            if value:
                data[field.html_name] = "on"
        elif isinstance(value, list):
            data[field.html_name] = [str(getattr(item, "pk", item)) for item in value]
        elif value is not None:
            data[field.html_name] = str(value).replace("\n", "\r\n")
    return data


def test_still_correct_from_the_manage_list_only_records_the_check(client, editor):
    old = timezone.now() - timedelta(days=500)
    initiative = InitiativeFactory(editors=[editor], name="Zoals het was", verified_at=old)
    client.force_login(editor)

    response = client.post(
        reverse("initiatives:edit", kwargs={"slug": initiative.slug}), {"still_correct": "1"}, follow=True
    )

    initiative.refresh_from_db()
    assert initiative.name == "Zoals het was"
    assert initiative.verified_at > old
    assert "is gemarkeerd als vandaag gecontroleerd" in response.content.decode()


def test_still_correct_on_the_edit_page_keeps_the_typed_changes(client, editor):
    old = timezone.now() - timedelta(days=500)
    initiative = InitiativeFactory(editors=[editor], name="Oude naam", verified_at=old)
    client.force_login(editor)
    shown = InitiativeForm(instance=initiative)

    response = client.post(
        reverse("initiatives:edit", kwargs={"slug": initiative.slug}),
        {**posted_as_shown(shown), "name": "Nieuwe naam", "still_correct": "1"},
        follow=True,
    )

    initiative.refresh_from_db()
    assert (initiative.name, initiative.verified_at > old) == ("Nieuwe naam", True)
    assert "De wijzigingen in “Nieuwe naam” zijn opgeslagen." in response.content.decode()


def test_still_correct_with_nothing_changed_only_records_the_check(client, editor):
    old = timezone.now() - timedelta(days=500)
    initiative = InitiativeFactory(
        editors=[editor], offers=["werkplek"], opening_hours="ma 10:00–12:00\nwo 19:00–21:00", verified_at=old
    )
    updated_at = initiative.updated_at
    client.force_login(editor)
    shown = InitiativeForm(instance=initiative)

    response = client.post(
        reverse("initiatives:edit", kwargs={"slug": initiative.slug}),
        {**posted_as_shown(shown), "still_correct": "1"},
        follow=True,
    )

    initiative.refresh_from_db()
    assert (initiative.verified_at > old, initiative.updated_at) == (True, updated_at)
    assert "is gemarkeerd als vandaag gecontroleerd" in response.content.decode()


def test_still_correct_with_a_wrong_change_shows_the_form_with_what_was_typed(client, editor):
    old = timezone.now() - timedelta(days=500)
    initiative = InitiativeFactory(editors=[editor], name="Oude naam", verified_at=old)
    client.force_login(editor)
    shown = InitiativeForm(instance=initiative)

    response = client.post(
        reverse("initiatives:edit", kwargs={"slug": initiative.slug}),
        {**posted_as_shown(shown), "name": "Nieuwe naam", "postcode": "12345", "still_correct": "1"},
    )

    content = response.content.decode()
    assert "Vul een Nederlandse postcode in" in content
    assert 'value="Nieuwe naam"' in content
    initiative.refresh_from_db()
    assert (initiative.name, initiative.verified_at) == ("Oude naam", old)


def test_still_correct_on_the_contact_point_page_keeps_the_typed_changes(client, coordinator):
    old = timezone.now() - timedelta(days=500)
    contact_point = ContactPointFactory(name="Loket", verified_at=old)
    client.force_login(coordinator)
    shown = ContactPointForm(instance=contact_point)

    client.post(
        reverse("initiatives:contactpoint_edit", kwargs={"slug": contact_point.slug}),
        {**posted_as_shown(shown), "what_to_ask": "Vragen over werk.", "still_correct": "1"},
    )

    contact_point.refresh_from_db()
    assert (contact_point.what_to_ask, contact_point.verified_at > old) == ("Vragen over werk.", True)


def test_edit_page_has_still_correct_inside_the_edit_form(client, editor):
    initiative = InitiativeFactory(editors=[editor])
    client.force_login(editor)

    content = client.get(reverse("initiatives:edit", kwargs={"slug": initiative.slug})).content.decode()

    edit_form = content[content.index('class="op-edit-form"') :]
    edit_form = edit_form[: edit_form.index("</form>")]
    assert content.count('name="still_correct"') == 1
    assert edit_form.index("Opslaan</button>") < edit_form.index('name="still_correct"')  # Enter saves


def test_coordinator_saving_an_initiative_keeps_its_editors(client, coordinator, editor):
    initiative = InitiativeFactory(editors=[editor], name="Oude naam")
    client.force_login(coordinator)
    url = reverse("initiatives:edit", kwargs={"slug": initiative.slug})
    shown = client.get(url).context["form"]

    client.post(url, {**posted_as_shown(shown), "name": "Nieuwe naam"})

    initiative.refresh_from_db()
    assert (initiative.name, list(initiative.editors.all())) == ("Nieuwe naam", [editor])


def test_coordinator_publishes_and_unpublishes(client, coordinator):
    initiative = InitiativeFactory(published=False, name="Nieuw")
    client.force_login(coordinator)
    url = reverse("initiatives:publish", kwargs={"slug": initiative.slug})

    published = client.post(url, {"published": "1"}, follow=True)
    initiative.refresh_from_db()
    was_published = initiative.published
    client.post(url, {"published": "0"})
    initiative.refresh_from_db()

    assert (was_published, initiative.published) == (True, False)
    assert "“Nieuw” staat nu op de openbare kaart." in published.content.decode()


def test_editor_may_not_publish(client, editor):
    initiative = InitiativeFactory(editors=[editor], published=False)
    client.force_login(editor)

    response = client.post(
        reverse("initiatives:publish", kwargs={"slug": initiative.slug}), {"published": "1"}
    )

    initiative.refresh_from_db()
    assert (response.status_code, initiative.published) == (403, False)


def test_manage_lists_only_own_initiatives_with_stale_flag(client, editor):
    InitiativeFactory(editors=[editor], name="Mijn plek", verified_at=timezone.now() - timedelta(days=400))
    InitiativeFactory(name="Andermans plek")
    client.force_login(editor)

    content = client.get(reverse("initiatives:manage")).content.decode()

    assert "Mijn plek" in content
    assert "Andermans plek" not in content
    assert "Niet gecontroleerd sinds" in content
    assert "Aanspreekpunten" not in content


def test_manage_for_coordinator_lists_everything(client, coordinator):
    InitiativeFactory(name="Plek A")
    ContactPointFactory(name="Loket Noord")
    client.force_login(coordinator)

    content = client.get(reverse("initiatives:manage")).content.decode()

    assert "Plek A" in content
    assert "Loket Noord" in content
    assert reverse("initiatives:export_csv") in content


@pytest.mark.parametrize("count", [1, 30])
def test_manage_list_query_count_is_constant(client, coordinator, django_assert_num_queries, count):
    InitiativeFactory.create_batch(count, verified_at=timezone.now() - timedelta(days=400))
    ContactPointFactory.create_batch(count)
    client.force_login(coordinator)

    # session, user, second-factor device, groups (role), count, page, stale count, contact points, districts
    with django_assert_num_queries(9):
        response = client.get(reverse("initiatives:manage"))

    assert response.status_code == 200


def test_contact_point_create_and_edit(client, coordinator):
    client.force_login(coordinator)
    data = {
        "name": "Loket Werk Zuid",
        "what_to_ask": "Vragen over werk.",
        "street": "President Kennedylaan 923",
        "postcode": "1079MB",
        "latitude": "52.3400",
        "longitude": "4.9000",
        "district": District.objects.get(slug="zuid").pk,
        "published": "on",
    }

    client.post(reverse("initiatives:contactpoint_create"), data)
    contact_point = ContactPoint.objects.get()
    client.post(
        reverse("initiatives:contactpoint_edit", kwargs={"slug": contact_point.slug}),
        {**data, "name": "Loket Werk en Inkomen Zuid"},
    )
    contact_point.refresh_from_db()

    assert (contact_point.slug, contact_point.name, contact_point.postcode) == (
        "loket-werk-zuid",
        "Loket Werk en Inkomen Zuid",
        "1079 MB",
    )


def test_contact_point_edit_forbidden_for_initiatiefnemer(client, editor):
    InitiativeFactory(editors=[editor])
    contact_point = ContactPointFactory()
    client.force_login(editor)

    response = client.get(reverse("initiatives:contactpoint_edit", kwargs={"slug": contact_point.slug}))

    assert response.status_code == 403


def test_a_role_that_edits_no_listing_gets_403_whether_or_not_the_listing_exists(client):
    """docs/access.md: the role is checked before the lookup, so the answer reveals nothing."""
    initiative = InitiativeFactory()
    client.force_login(UserFactory(coach=True))

    existing = client.get(reverse("initiatives:edit", kwargs={"slug": initiative.slug}))
    missing = client.get(reverse("initiatives:edit", kwargs={"slug": "bestaat-niet"}))

    assert (existing.status_code, missing.status_code) == (403, 403)


def test_editor_publishing_a_missing_listing_gets_403_too(client, editor):
    InitiativeFactory(editors=[editor])
    client.force_login(editor)

    response = client.post(
        reverse("initiatives:publish", kwargs={"slug": "bestaat-niet"}), {"published": "1"}
    )

    assert response.status_code == 403
