import pytest
from django.core import mail
from django.urls import reverse

from initiatives.models import OutdatedReport
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = pytest.mark.django_db


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
    assert "Bedankt voor je melding" in thanks


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


def test_refused_report_says_how_long_to_wait_and_keeps_the_message(client):
    initiative = InitiativeFactory()
    for _ in range(5):
        client.post(report_url(initiative), {"message": "Klopt niet."})

    response = client.post(report_url(initiative), {"message": "De deur is nu aan de achterkant."})

    content = response.content.decode()
    assert "Te veel pogingen vanaf jouw verbinding. Wacht 60 minuten en probeer het dan opnieuw." in content
    assert "De deur is nu aan de achterkant.</textarea>" in content


def test_refused_report_for_a_busy_listing_says_to_try_later(client):
    initiative = InitiativeFactory()
    for number in range(20):
        client.post(report_url(initiative), {"message": "Klopt niet."}, REMOTE_ADDR=f"10.0.0.{number}")

    response = client.post(report_url(initiative), {"message": "Klopt niet."}, REMOTE_ADDR="10.0.1.1")

    assert "Probeer het later nog eens" in response.content.decode()


def test_report_limit_behind_a_proxy_counts_each_sender_separately(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    initiatives = InitiativeFactory.create_batch(7)
    proxy = {"REMOTE_ADDR": "10.0.0.2"}

    statuses = [
        client.post(
            report_url(item), {"message": "Klopt niet."}, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy
        ).status_code
        for item in initiatives[:6]
    ]
    other_sender = client.post(
        report_url(initiatives[6]), {"message": "Klopt niet."}, HTTP_X_FORWARDED_FOR="203.0.113.9", **proxy
    )

    assert statuses == [302] * 5 + [429]
    assert other_sender.status_code == 302
    assert OutdatedReport.objects.count() == 6


def test_report_on_unpublished_listing_is_not_found(client):
    initiative = InitiativeFactory(published=False)

    response = client.get(report_url(initiative))

    assert response.status_code == 404
    assert OutdatedReport.objects.count() == 0
