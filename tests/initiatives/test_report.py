import pytest
from django.core import mail
from django.core.cache import cache
from django.urls import reverse

from initiatives.models import OutdatedReport
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _empty_cache():
    cache.clear()
    yield
    cache.clear()


def report_url(initiative):
    return reverse("initiatives:report", kwargs={"slug": initiative.slug})


def test_report_is_stored_and_mailed_to_editors_and_coordinators(client, django_capture_on_commit_callbacks):
    editor = UserFactory(initiatiefnemer=True, email="redacteur@example.org")
    UserFactory(coordinator=True, email="coordinator@example.org")
    UserFactory(gemeente=True, email="gemeente@example.org")
    initiative = InitiativeFactory(editors=[editor], name="Buurtkamer")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(initiative), {"message": "De openingstijden kloppen niet.", "reply_email": "a@b.nl"}
        )

    report = OutdatedReport.objects.get()
    assert (report.initiative, report.message, report.reply_email) == (
        initiative,
        "De openingstijden kloppen niet.",
        "a@b.nl",
    )
    assert sorted(message.to[0] for message in mail.outbox) == [
        "coordinator@example.org",
        "redacteur@example.org",
    ]
    assert "De openingstijden kloppen niet." in mail.outbox[0].body
    thanks = client.get(response["Location"]).content.decode()
    assert "Bedankt voor uw melding" in thanks


def test_report_form_hides_the_trap_field(client):
    initiative = InitiativeFactory()

    content = client.get(report_url(initiative)).content.decode()

    assert 'class="op-trap" aria-hidden="true"' in content
    assert 'name="website"' in content
    assert 'tabindex="-1"' in content
    assert "Wat klopt er niet meer?" in content


def test_honeypot_looks_like_success_but_stores_nothing(client, django_capture_on_commit_callbacks):
    initiative = InitiativeFactory()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            report_url(initiative), {"message": "Koop goedkope horloges", "website": "http://spam.example"}
        )

    assert response.status_code == 302
    assert "verzonden" in response["Location"]
    assert (OutdatedReport.objects.count(), len(mail.outbox)) == (0, 0)


def test_empty_message_gets_a_clear_message(client):
    initiative = InitiativeFactory()

    response = client.post(report_url(initiative), {"message": ""})

    assert "Schrijf op wat er niet meer klopt." in response.content.decode()
    assert OutdatedReport.objects.count() == 0


def test_more_than_five_reports_per_hour_from_one_sender_are_refused(client):
    initiatives = InitiativeFactory.create_batch(6)

    statuses = [client.post(report_url(item), {"message": "Klopt niet."}).status_code for item in initiatives]

    assert statuses == [302] * 5 + [429]
    assert OutdatedReport.objects.count() == 5


def test_more_than_twenty_reports_per_day_for_one_listing_are_refused(client):
    initiative = InitiativeFactory()
    statuses = []
    for number in range(21):
        statuses.append(
            client.post(
                report_url(initiative), {"message": "Klopt niet."}, REMOTE_ADDR=f"10.0.0.{number}"
            ).status_code
        )

    assert statuses == [302] * 20 + [429]
    assert OutdatedReport.objects.count() == 20


def test_refused_report_says_to_try_later(client):
    initiative = InitiativeFactory()
    for _ in range(5):
        client.post(report_url(initiative), {"message": "Klopt niet."})

    response = client.post(report_url(initiative), {"message": "Klopt niet."})

    assert "Probeer het later nog eens" in response.content.decode()


def test_report_on_unpublished_listing_is_not_found(client):
    initiative = InitiativeFactory(published=False)

    response = client.get(report_url(initiative))

    assert response.status_code == 404
    assert OutdatedReport.objects.count() == 0
