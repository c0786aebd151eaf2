import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from initiatives.csv_format import COLUMNS, header_line
from initiatives.models import Initiative
from initiatives.transfer import plan_import
from initiatives.views.transfer import SESSION_KEY
from ondernemend.districts.models import District
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


def english(url_name: str) -> str:
    """The English page: its texts do not wait for the Dutch catalogue (the Dutch ones are in the .po)."""
    with translation.override("en"):
        return reverse(url_name)


GOOD_ROW = {
    "slug": "",
    "name": "Reparatiecafé Oost",
    "kind": "bewonersinitiatief",
    "description": "Samen spullen repareren en leren hoe dat gaat.",
    "offers": "workshop|netwerk",
    "for_whom": "iedereen",
    "languages": "nl|tr",
    "trust_signals": "gratis|binnenlopen",
    "street": "Dapperstraat 12",
    "postcode": "1093 BS",
    "city": "Amsterdam",
    "latitude": "52,3620",
    "longitude": "4.9290",
    "district": "oost",
    "opening_hours": "za 10:00–14:00",
    "email": "hallo@example.org",
    "phone": "020 123 4567",
    "website": "https://example.org",
    "published": "ja",
    "verified_at": "",
}


@pytest.fixture
def coordinator_client(client):
    client.force_login(UserFactory(coordinator=True))
    return client


def csv_file(*rows: dict, name="initiatieven.csv") -> SimpleUploadedFile:
    lines = [header_line()] + [";".join(row.get(column, "") for column in COLUMNS) + "\r\n" for row in rows]
    return SimpleUploadedFile(name, ("\ufeff" + "".join(lines)).encode("utf-8"), content_type="text/csv")


def upload(client, file):
    return client.post(english("initiatives:import_csv"), {"file": file})


def confirm(client):
    return client.post(
        english("initiatives:import_csv"), {"sha256": client.session[SESSION_KEY]["sha256"]}, follow=True
    )


def test_import_page_shows_the_upload_form(coordinator_client):
    response = coordinator_client.get(english("initiatives:import_csv"))

    content = response.content.decode()
    assert 'enctype="multipart/form-data"' in content
    assert "Check the file" in content


def test_import_dry_run_writes_nothing_and_shows_create(coordinator_client):
    response = upload(coordinator_client, csv_file(GOOD_ROW))

    assert Initiative.objects.count() == 0
    [item] = response.context["plan"].rows
    assert item.action == "create"
    assert item.slug == "reparatiecafe-oost"
    assert "Reparatiecafé Oost" in response.content.decode()


def test_import_confirm_writes_every_row(coordinator_client):
    upload(coordinator_client, csv_file(GOOD_ROW, {**GOOD_ROW, "name": "Naaiatelier Oost"}))

    response = confirm(coordinator_client)

    initiative = Initiative.objects.get(slug="reparatiecafe-oost")
    assert initiative.district.slug == "oost"
    assert str(initiative.latitude) == "52.362000"
    assert sorted(initiative.offers.values_list("code", flat=True)) == ["netwerk", "workshop"]
    assert sorted(initiative.languages.values_list("code", flat=True)) == ["nl", "tr"]
    assert initiative.published is True
    assert initiative.verified_at is not None
    assert Initiative.objects.count() == 2
    assert SESSION_KEY not in coordinator_client.session
    assert "2" in str(next(iter(response.context["messages"])))


def test_import_one_broken_row_writes_nothing_and_shows_every_reason(coordinator_client):
    broken = {
        **GOOD_ROW,
        "name": "",
        "kind": "kroeg",
        "postcode": "12345",
        "latitude": "40.0",
        "longitude": "4.9",
        "district": "atlantis",
        "languages": "nl|klingon",
    }
    response = upload(coordinator_client, csv_file(GOOD_ROW, broken))

    good, bad = response.context["plan"].rows
    assert good.action == "create"
    assert bad.action == "reject"
    assert len(bad.row.problems) == 6
    content = response.content.decode()
    for expected in [
        "kroeg",
        "12345",
        "atlantis",
        "klingon",
        "outside the Netherlands",
        "Not filled in: name",
    ]:
        assert expected in content
    assert "Nothing has been saved" in content
    assert SESSION_KEY not in coordinator_client.session
    # Even a forged confirmation cannot write the good row.
    coordinator_client.post(english("initiatives:import_csv"), {"sha256": "0" * 64})
    assert Initiative.objects.count() == 0


@pytest.mark.parametrize(
    ("column", "value", "example"),
    [
        ("latitude", "1e400", "52.373"),
        ("longitude", "-1E+999999", "4.893"),
        ("latitude", "NaN", "52.373"),
        ("longitude", "Infinity", "4.893"),
    ],
)
def test_import_row_with_an_impossible_number_gets_a_row_error(coordinator_client, column, value, example):
    response = upload(coordinator_client, csv_file({**GOOD_ROW, column: value}))

    assert response.status_code == 200
    [item] = response.context["plan"].rows
    assert item.action == "reject"
    assert item.row.problems == [f"In {column}, “{value}” is not a number like {example}."]
    assert f"“{value}” is not a number" in response.content.decode()
    assert Initiative.objects.count() == 0


def test_import_round_trip_gives_update_without_changes(coordinator_client):
    for district in ["centrum", "noord", "zuidoost"]:
        InitiativeFactory(
            district=District.objects.get(slug=district),
            offers=["workshop", "geld"],
            languages=["nl", "pap"],
            audiences=["bijstand", "uwv"],
            trust_signals=["rolstoel"],
            phone="+31 20 555 0000",
            opening_hours="ma 9–12\nwo 13–17",
            published=district != "noord",
        )
    exported = b"".join(coordinator_client.get(english("initiatives:export_csv")).streaming_content)
    before = list(Initiative.objects.order_by("pk").values())

    response = upload(coordinator_client, SimpleUploadedFile("export.csv", exported, content_type="text/csv"))

    assert [item.action for item in response.context["plan"].rows] == ["unchanged"] * 3
    assert response.content.decode().count("Update, no changes") == 3
    confirm(coordinator_client)
    assert list(Initiative.objects.order_by("pk").values()) == before


def test_import_update_by_slug_names_the_changes(coordinator_client):
    InitiativeFactory(name="Oude naam", slug="de-plek")
    exported = b"".join(coordinator_client.get(english("initiatives:export_csv")).streaming_content)
    changed = exported.decode("utf-8").replace("Oude naam", "Nieuwe naam").encode("utf-8")

    response = upload(coordinator_client, SimpleUploadedFile("export.csv", changed, content_type="text/csv"))
    [item] = response.context["plan"].rows
    assert item.action == "update"
    assert item.changes == ["name"]
    confirm(coordinator_client)

    assert Initiative.objects.get(slug="de-plek").name == "Nieuwe naam"


def test_import_rejects_a_new_row_whose_name_slug_exists(coordinator_client):
    InitiativeFactory(name="Reparatiecafé Oost")

    response = upload(coordinator_client, csv_file(GOOD_ROW))

    [item] = response.context["plan"].rows
    assert item.action == "reject"
    assert "reparatiecafe-oost" in item.row.problems[0]


def test_import_rejects_duplicate_slugs_in_one_file(coordinator_client):
    response = upload(coordinator_client, csv_file(GOOD_ROW, GOOD_ROW))

    first, second = response.context["plan"].rows
    assert first.action == "create"
    assert second.action == "reject"
    assert "Row 2" in second.row.problems[0]


@pytest.mark.parametrize(
    ("file", "message"),
    [
        (SimpleUploadedFile("lijst.xlsx", b"PK\x03\x04", content_type="application/vnd.ms-excel"), "CSV"),
        (
            SimpleUploadedFile("lijst.csv", "name;kind\r\nx;y".encode("latin-1"), content_type="text/csv"),
            "name",
        ),
        (SimpleUploadedFile("lijst.csv", "name\r\nCafé".encode("latin-1"), content_type="text/csv"), "UTF-8"),
        (SimpleUploadedFile("lijst.csv", b"", content_type="text/csv"), "empty"),
        (SimpleUploadedFile("lijst.csv", header_line().encode(), content_type="text/csv"), "no rows"),
    ],
)
def test_import_rejects_a_file_it_cannot_read_with_a_message(coordinator_client, file, message):
    response = upload(coordinator_client, file)

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "plan" not in response.context


def test_import_rejects_a_file_over_the_size_limit(coordinator_client, monkeypatch):
    monkeypatch.setattr("initiatives.forms.transfer.MAX_UPLOAD_BYTES", 100)

    response = upload(coordinator_client, csv_file(GOOD_ROW))

    assert response.status_code == 400
    assert "may be 100\xa0bytes at most" in response.content.decode()


def test_import_confirm_without_preview_writes_nothing(coordinator_client):
    response = coordinator_client.post(english("initiatives:import_csv"), {"sha256": "a" * 64}, follow=True)

    assert "Upload the file again" in response.content.decode()
    assert Initiative.objects.count() == 0


def test_import_confirm_plans_again_when_listings_changed(coordinator_client):
    upload(coordinator_client, csv_file(GOOD_ROW))
    InitiativeFactory(name="Reparatiecafé Oost")  # someone added it in the meantime

    response = confirm(coordinator_client)

    assert response.status_code == 409
    assert Initiative.objects.count() == 1
    assert "reparatiecafe-oost" in response.content.decode()


def test_import_forbidden_for_an_initiatiefnemer_even_with_a_file(client):
    client.force_login(UserFactory(initiatiefnemer=True))

    response = upload(client, csv_file(GOOD_ROW))

    assert response.status_code == 403
    assert Initiative.objects.count() == 0


@pytest.mark.parametrize("count", [1, 50])
def test_plan_import_constant_queries(django_assert_num_queries, count):
    for number in range(count):
        InitiativeFactory(name=f"Bestaand {number}", offers=["workshop"])
    rows = [{**GOOD_ROW, "name": f"Nieuw {number}"} for number in range(count)]
    rows += [{**GOOD_ROW, "slug": f"bestaand-{number}"} for number in range(count)]
    text = csv_file(*rows).read().decode("utf-8-sig")

    # districts, then the initiatives named in the file with their four facet prefetches
    with django_assert_num_queries(6):
        plan = plan_import(text)
    assert plan.counts == {"create": count, "update": count, "unchanged": 0, "reject": 0}
