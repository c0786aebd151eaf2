import pytest
from django.urls import reverse

from ondernemend.accounts.models import User
from ondernemend.accounts.roles import InvitationStatus, Role
from tests.factories.accounts import TEST_PASSWORD, InvitationFactory, UserFactory

pytestmark = pytest.mark.django_db

NEW_ACCOUNT = {"name": "Nina Nieuw", "password1": "zonnebloem-kade-42", "password2": "zonnebloem-kade-42"}


def accept_url(invitation):
    return reverse("accounts:accept_invitation", kwargs={"token": invitation.token})


def test_accept_url_carries_the_token_and_no_personal_data():
    invitation = InvitationFactory(email="nina@example.org")

    url = accept_url(invitation)

    assert url == f"/uitnodiging/{invitation.token}/"
    assert "nina" not in url


def test_accept_page_shows_the_role_and_the_form(client):
    invitation = InvitationFactory(email="nina@example.org", role=Role.JURYLID)

    response = client.get(accept_url(invitation))
    content = response.content.decode()

    assert response.status_code == 200
    assert "Je bent uitgenodigd voor Ondernemend Participeren met de rol <strong>Jurylid</strong>." in content
    assert "nina@example.org" in content
    assert 'name="password1"' in content
    assert response.headers["Cache-Control"].startswith("max-age=0")


def test_accept_creates_the_account_and_logs_in(client):
    invitation = InvitationFactory(email="nina@example.org", role=Role.COACH)

    response = client.post(accept_url(invitation), NEW_ACCOUNT, follow=True)

    user = User.objects.get(email="nina@example.org")
    assert user.name == "Nina Nieuw"
    assert user.roles == [Role.COACH]
    # A coach needs a second factor: "Mijn omgeving" sends her on to set it up first.
    assert response.redirect_chain == [
        ("/mijn-omgeving/", 302),
        ("/tweestapsverificatie/instellen/?next=%2Fmijn-omgeving%2F", 302),
    ]
    assert response.context["user"] == user
    assert "Welkom! Je account is klaar." in response.content.decode()


def test_accept_link_works_only_once(client):
    invitation = InvitationFactory(email="nina@example.org")
    client.post(accept_url(invitation), NEW_ACCOUNT)
    client.logout()

    response = client.get(accept_url(invitation))

    assert response.status_code == 410
    assert "Deze link is al gebruikt." in response.content.decode()


def test_accept_double_submit_makes_one_account(client):
    invitation = InvitationFactory(email="nina@example.org")
    client.post(accept_url(invitation), NEW_ACCOUNT)

    response = client.post(accept_url(invitation), {**NEW_ACCOUNT, "name": "Tweede keer"})

    assert response.status_code == 410
    assert "Deze link is al gebruikt." in response.content.decode()
    names = User.objects.filter(email="nina@example.org").values_list("name", flat=True)
    assert list(names) == ["Nina Nieuw"]


def test_accept_expired_invitation_says_ask_for_a_new_one(client):
    invitation = InvitationFactory(expired=True)

    response = client.get(accept_url(invitation))

    assert response.status_code == 410
    assert "Deze uitnodiging is verlopen. Vraag de coördinator om een nieuwe." in response.content.decode()


def test_accept_expired_invitation_by_post_creates_no_account(client):
    invitation = InvitationFactory(expired=True)

    response = client.post(accept_url(invitation), NEW_ACCOUNT)

    assert "Deze uitnodiging is verlopen." in response.content.decode()
    assert User.objects.filter(email=invitation.email).exists() is False


def test_accept_revoked_invitation_says_it_was_withdrawn(client):
    invitation = InvitationFactory(revoked=True)

    response = client.get(accept_url(invitation))

    assert response.status_code == 410
    assert "Deze uitnodiging is ingetrokken." in response.content.decode()


def test_accept_unknown_link_gives_a_clear_message(client):
    response = client.get("/uitnodiging/dit-bestaat-niet/")

    assert response.status_code == 404
    assert "Deze uitnodigingslink werkt niet." in response.content.decode()


def test_accept_unknown_link_in_english(client):
    response = client.get("/en/uitnodiging/dit-bestaat-niet/")

    assert "This invitation link does not work." in response.content.decode()


def test_accept_with_a_weak_password_explains_in_dutch(client):
    invitation = InvitationFactory()

    response = client.post(accept_url(invitation), {"name": "Nina", "password1": "kort", "password2": "kort"})
    content = response.content.decode()

    assert response.status_code == 200
    assert "Dit wachtwoord is te kort. Gebruik minstens 10 tekens." in content
    assert User.objects.filter(email=invitation.email).exists() is False
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPEN


def test_accept_with_two_different_passwords_explains(client):
    invitation = InvitationFactory()

    data = {"name": "Nina", "password1": "zonnebloem-kade-42", "password2": "anders-42-x"}

    response = client.post(accept_url(invitation), data)

    assert "De twee wachtwoordvelden komen niet overeen." in response.content.decode()


def test_accept_for_an_existing_account_adds_the_role_and_asks_to_log_in(client):
    user = UserFactory(email="bestaand@example.org", coach=True)
    invitation = InvitationFactory(email="bestaand@example.org", role=Role.JURYLID)

    page = client.get(accept_url(invitation)).content.decode()
    response = client.post(accept_url(invitation), follow=True)

    assert "Je hebt al een account met dit e-mailadres." in page
    assert 'name="password1"' not in page
    assert response.redirect_chain == [("/inloggen/?next=/mijn-omgeving/", 302)]
    assert "Je hebt nu ook de rol Jurylid. Log in met je eigen e-mailadres en wachtwoord." in (
        response.content.decode()
    )
    assert User.objects.get(pk=user.pk).roles == [Role.COACH, Role.JURYLID]
    assert User.objects.get(pk=user.pk).check_password(TEST_PASSWORD)
    assert response.context["user"].is_authenticated is False
