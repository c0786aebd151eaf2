"""What a person sees when a public form is used too often, and for input that used to give a server
error: a plain message on the same page, with what they typed still there."""

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from initiatives.csv_format import COLUMNS, header_line
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.factories.accounts import UserFactory
from tests.factories.initiatives import InitiativeFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

TOO_MANY_NL = "Te veel pogingen vanaf jouw verbinding."


def send_report(page, initiative, message):
    page.goto(reverse("initiatives:report", kwargs={"slug": initiative.slug}))
    page.get_by_label("Wat klopt er niet meer?").fill(message)
    page.get_by_role("button", name="Versturen").click()


def test_report_over_the_limit_says_how_long_to_wait_and_keeps_the_text(page):
    initiative = InitiativeFactory(name="Buurtkamer Oost")
    for number in range(5):
        send_report(page, initiative, f"Melding {number}")
        expect(page.get_by_role("heading", level=1)).not_to_have_text("Klopt er iets niet meer?")

    send_report(page, initiative, "De ingang is verhuisd naar de achterkant.")

    expect(page.get_by_text(f"{TOO_MANY_NL} Wacht 60 minuten en probeer het dan opnieuw.")).to_be_visible()
    expect(page.get_by_label("Wat klopt er niet meer?")).to_have_value(
        "De ingang is verhuisd naar de achterkant."
    )
    assert_accessible(page)


def test_password_reset_over_the_limit_says_how_long_to_wait(page):
    for number in range(6):
        page.goto(reverse("accounts:password_reset"))
        page.get_by_label("E-mailadres").fill(f"persoon{number}@example.org")
        page.get_by_role("button", name="Link versturen").click()

    expect(page.get_by_text(f"{TOO_MANY_NL} Wacht 15 minuten en probeer het dan opnieuw.")).to_be_visible()
    expect(page.get_by_label("E-mailadres")).to_have_value("persoon5@example.org")
    assert_accessible(page)


def test_login_with_a_very_long_email_address_shows_a_form_error(page):
    page.goto(reverse("accounts:login"))
    email = page.get_by_label("E-mailadres")
    # The field stops typing at 254 characters; a script or an old browser does not, and got a server error.
    email.evaluate("field => field.removeAttribute('maxlength')")
    email.fill("a" * 250 + "@example.org")
    page.get_by_label("Wachtwoord", exact=True).fill("fout")
    page.get_by_role("button", name="Inloggen").click()

    message = "Een e-mailadres heeft hoogstens 254 tekens. Kijk na wat je hebt getypt."
    expect(page.get_by_role("link", name=f"E-mailadres: {message}")).to_be_visible()  # the error summary
    expect(page.get_by_text(f"Invoerfout: {message}")).to_be_visible()  # at the field
    assert_accessible(page)


def test_import_with_a_latitude_of_1e400_shows_the_row_error(page, context, live_server, tmp_path):
    log_in(context, UserFactory(coordinator=True), live_server.url)
    row = dict.fromkeys(COLUMNS, "") | {
        "name": "Reparatiecafé Oost",
        "kind": "bewonersinitiatief",
        "description": "Samen spullen repareren.",
        "street": "Dapperstraat 12",
        "postcode": "1093 BS",
        "latitude": "1e400",
        "longitude": "4.9290",
        "published": "ja",
    }
    file = tmp_path / "initiatieven.csv"
    file.write_text(header_line() + ";".join(row[column] for column in COLUMNS) + "\r\n", encoding="utf-8")

    page.goto(reverse("initiatives:import_csv"))
    page.get_by_label("CSV-bestand met initiatieven").set_input_files(file)
    page.get_by_role("button", name="Controleer het bestand").click()

    expect(page.get_by_text("“1e400” geen getal zoals 52.373")).to_be_visible()
    assert_accessible(page)
