"""What people do in the browser: log in with each role, mistype a password (until logging in pauses), use
only the keyboard, switch language, and accept an invitation (once)."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import expect

from ondernemend.accounts.roles import Role
from tests.browser.axe import assert_accessible
from tests.browser.helpers import finish_second_factor_setup, log_in
from tests.factories.accounts import TEST_PASSWORD, InvitationFactory, SuperUserFactory, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

# What each role's section on "Mijn omgeving" is called, in Dutch.
SECTION_HEADINGS = {
    Role.INITIATIEFNEMER: "Initiatiefnemer",
    Role.COACH: "Coach",
    Role.JURYLID: "Jurylid",
    Role.GEMEENTE: "Gemeente",
    Role.COORDINATOR: "Coördinator",
}
# The log-in form's labels, button and wrong-password message in each language.
LOGIN_TEXTS = {
    "nl": ("E-mailadres", "Wachtwoord", "Inloggen", "Het e-mailadres of wachtwoord klopt niet."),
    "en": ("E-mail address", "Password", "Log in", "The e-mail address or password is not correct."),
}


def fill_login_form(page, email, password, language="nl"):
    email_label, password_label, button, _ = LOGIN_TEXTS[language]
    with translation.override(language):
        page.goto(reverse("accounts:login"))
    page.get_by_label(email_label).fill(email)
    page.get_by_label(password_label, exact=True).fill(password)
    page.get_by_role("button", name=button).click()


def section_headings(page):
    """The role sections of "Mijn omgeving" (the "log out everywhere" section, for everyone, left out)."""
    others = ":not([aria-labelledby='log-out-everywhere']):not([aria-labelledby='second-factor'])"
    return page.locator(f"main section{others} h2").all_inner_texts()


@pytest.mark.parametrize("role", list(Role))
def test_login_with_each_role_shows_that_roles_section(role, page):
    user = UserFactory(roles=[role])

    fill_login_form(page, user.email, TEST_PASSWORD)
    if role != Role.INITIATIEFNEMER:  # every other role sets up two-step verification first
        finish_second_factor_setup(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    assert page.url.endswith(reverse("accounts:dashboard"))
    assert section_headings(page) == [SECTION_HEADINGS[role]]


def test_login_as_beheerder_shows_the_administrator_section(page):
    user = SuperUserFactory()

    fill_login_form(page, user.email, TEST_PASSWORD)
    finish_second_factor_setup(page)

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    assert section_headings(page) == ["Beheerder"]


@pytest.mark.parametrize("language", ["nl", "en"])
def test_login_with_wrong_password_says_so_in_the_users_language(language, page):
    user = UserFactory(coach=True)
    _, _, heading, message = LOGIN_TEXTS[language]

    fill_login_form(page, user.email, "niet-het-goede-wachtwoord", language)

    expect(page.locator("main")).to_contain_text(message)
    expect(page.get_by_role("heading", level=1)).to_have_text(heading)
    with translation.override(language):
        assert page.url.endswith(reverse("accounts:login"))
    assert_accessible(page)


def test_repeated_wrong_passwords_pause_logging_in_with_a_clear_message(page, settings):
    user = UserFactory(coach=True)

    for _ in range(settings.LOGIN_FAILURES_PER_ACCOUNT):
        fill_login_form(page, user.email, "niet-het-goede-wachtwoord")

    expect(page.get_by_role("heading", level=1)).to_have_text("Inloggen is even niet mogelijk")
    expect(page.locator("main")).to_contain_text("Probeer het over 1 minuut opnieuw.")
    assert_accessible(page)


def test_login_with_the_keyboard_only(page):
    user = UserFactory(jurylid=True)
    page.goto(reverse("accounts:login"))

    tab_to(page, page.get_by_label("E-mailadres"))
    page.keyboard.type(user.email)
    tab_to(page, page.get_by_label("Wachtwoord", exact=True), most=1)
    page.keyboard.type(TEST_PASSWORD)
    tab_to(page, page.get_by_role("button", name="Inloggen"), most=1)
    page.keyboard.press("Enter")
    finish_second_factor_setup(page)  # a jurylid sets up two-step verification first

    expect(page.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    assert section_headings(page) == ["Jurylid"]


def test_language_switch_shows_the_same_page_in_the_other_language(page, live_server):
    page.goto(reverse("pages:privacy"))
    dutch_heading = page.get_by_role("heading", level=1).inner_text()

    page.locator('header a[hreflang="en"]').click()

    with translation.override("en"):
        expect(page).to_have_url(live_server.url + reverse("pages:privacy"))
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.get_by_role("heading", level=1)).not_to_have_text(dutch_heading)

    page.locator('header a[hreflang="nl"]').click()

    expect(page).to_have_url(live_server.url + reverse("pages:privacy"))
    expect(page.locator("html")).to_have_attribute("lang", "nl")
    expect(page.get_by_role("heading", level=1)).to_have_text(dutch_heading)


def tab_to(page, locator, most=30):
    """Press Tab until `locator` has focus (it may have it already); fail after `most` presses."""
    for _ in range(most + 1):
        if locator.evaluate("(element) => element === document.activeElement"):
            return
        page.keyboard.press("Tab")
    raise AssertionError(f"{most} presses on Tab did not reach {locator}")


def test_invite_with_an_invalid_email_address_shows_the_error(page, live_server):
    log_in(page.context, UserFactory(coordinator=True), live_server.url)
    page.goto(reverse("accounts:invite"))

    page.get_by_label("E-mailadres").fill("geen-e-mailadres")
    page.locator("main form label").get_by_text("Jurylid", exact=True).click()
    page.get_by_role("button", name="Uitnodiging versturen").click()

    expect(page.locator("main form")).to_contain_text("Voer een geldig e-mailadres in.")
    expect(page.get_by_label("E-mailadres")).to_have_attribute("aria-invalid", "true")
    assert mail.outbox == []
    assert_accessible(page)


def test_invitation_link_works_once(page, open_context, live_server, settings):
    settings.SITE_URL = live_server.url  # the link in the e-mail points at this test server
    coordinator = UserFactory(coordinator=True)
    log_in(page.context, coordinator, live_server.url)
    page.goto(reverse("accounts:invite"))

    page.get_by_label("E-mailadres").fill("nieuwe.coach@example.org")
    # The Amsterdam radio button draws its circle in the label (the input itself has no width): click that.
    page.locator("main form label").get_by_text("Coach", exact=True).click()
    expect(page.get_by_label("Coach", exact=True)).to_be_checked()
    page.get_by_role("button", name="Uitnodiging versturen").click()

    expect(page.locator("body")).to_contain_text(
        "De uitnodiging voor nieuwe.coach@example.org als Coach is verstuurd."
    )
    assert [message.to for message in mail.outbox] == [["nieuwe.coach@example.org"]]
    link = re.search(r"https?://\S+", mail.outbox[0].body).group()

    invitee = open_context().new_page()
    invitee.goto(link)
    expect(invitee.get_by_role("heading", level=1)).to_have_text("Je uitnodiging accepteren")
    invitee.get_by_label("Je naam").fill("Nieuwe Coach")
    invitee.get_by_label("Kies een wachtwoord").fill("een-nieuw-sterk-wachtwoord")
    invitee.get_by_label("Wachtwoord nog een keer").fill("een-nieuw-sterk-wachtwoord")
    invitee.get_by_role("button", name="Maak mijn account").click()
    expect(invitee.locator("body")).to_contain_text("Welkom! Je account is klaar. Je bent ingelogd.")
    finish_second_factor_setup(invitee)  # a coach sets up two-step verification first

    expect(invitee.get_by_role("heading", level=1)).to_have_text("Mijn omgeving")
    assert section_headings(invitee) == ["Coach"]

    response = invitee.goto(link)
    assert response.status == 410
    expect(invitee.locator("main")).to_contain_text("Deze link is al gebruikt.")


def test_expired_invitation_link_says_so(page):
    invitation = InvitationFactory(expired=True)

    response = page.goto(reverse("accounts:accept_invitation", kwargs={"token": invitation.token}))

    assert response.status == 410
    expect(page.locator("main")).to_contain_text(
        "Deze uitnodiging is verlopen. Vraag de coördinator om een nieuwe."
    )
