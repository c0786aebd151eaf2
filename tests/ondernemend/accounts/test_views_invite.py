import pytest
from django.core import mail
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from ondernemend.accounts.models import Invitation
from ondernemend.accounts.roles import InvitationStatus, Role
from tests.factories.accounts import InvitationFactory, UserFactory

from .conftest import ROLE_MAKERS

pytestmark = pytest.mark.django_db

INVITE_URL = "/uitnodigen/"
INVITATION_HEADING = '<h3 class="ams-heading ams-heading--4">'


def test_invite_url_is_dutch():
    assert reverse("accounts:invite") == INVITE_URL


def test_invite_page_sends_anonymous_visitors_to_log_in(client):
    response = client.get(INVITE_URL)

    assert response.status_code == 302
    assert response.url == "/inloggen/?next=/uitnodigen/"


@pytest.mark.parametrize(
    ("role", "allowed"),
    [
        ("initiatiefnemer", False),
        ("coach", False),
        ("jurylid", False),
        ("gemeente", False),
        ("coordinator", True),
        ("beheerder", True),
        ("zonder-rol", False),
    ],
)
def test_invite_page_per_role(client, role, allowed):
    InvitationFactory(email="eerder@example.org")
    client.force_login(ROLE_MAKERS[role]())

    response = client.get(INVITE_URL)
    content = response.content.decode()

    assert response.status_code == (200 if allowed else 403)
    assert ("Iemand uitnodigen" in content) is allowed
    assert ("eerder@example.org" in content) is allowed


def test_invite_page_lists_invitations_with_their_status(coordinator_client):
    InvitationFactory(email="open@example.org", invited_by=coordinator_client.user)
    InvitationFactory(email="geaccepteerd@example.org", accepted=True)
    InvitationFactory(email="verlopen@example.org", expired=True)
    InvitationFactory(email="ingetrokken@example.org", revoked=True)

    content = coordinator_client.get(INVITE_URL).content.decode()

    assert "Open, geldig tot" in content
    assert "Geaccepteerd op" in content
    assert "Verlopen op" in content
    assert "Ingetrokken op" in content
    assert content.count('action="/uitnodigingen/') == 1
    assert "door Carla Coördinator" in content


def test_invite_sends_an_email_with_the_link(
    coordinator_client, django_capture_on_commit_callbacks, settings
):
    settings.SITE_URL = "https://op.example.org"

    with django_capture_on_commit_callbacks(execute=True):
        response = coordinator_client.post(INVITE_URL, {"email": "nieuw@example.org", "role": "coach"})

    assert response.status_code == 302
    assert response.url == INVITE_URL
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.role, invitation.invited_by) == (
        "nieuw@example.org",
        Role.COACH,
        coordinator_client.user,
    )
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["nieuw@example.org"]
    assert mail.outbox[0].subject == "Je bent uitgenodigd voor Ondernemend Participeren als Coach"
    link = next(line for line in mail.outbox[0].body.splitlines() if "/uitnodiging/" in line)
    assert link.startswith("https://op.example.org/uitnodiging/")
    page = coordinator_client.get(INVITE_URL).content.decode()
    assert "De uitnodiging voor nieuw@example.org als Coach is verstuurd." in page


def test_invite_with_an_invalid_email_shows_a_dutch_error(coordinator_client):
    response = coordinator_client.post(INVITE_URL, {"email": "geen-e-mailadres", "role": "coach"})

    assert response.status_code == 200
    assert "Voer een geldig e-mailadres in." in response.content.decode()
    assert Invitation.objects.count() == 0


def test_invite_with_an_invalid_email_in_english_shows_an_english_error(coordinator_client):
    response = coordinator_client.post("/en" + INVITE_URL, {"email": "not-an-address", "role": "coach"})

    assert "Enter a valid email address." in response.content.decode()


def test_invite_someone_who_has_the_role_already_says_so(coordinator_client):
    UserFactory(email="coach@example.org", coach=True)

    response = coordinator_client.post(INVITE_URL, {"email": "coach@example.org", "role": "coach"})

    assert "Deze persoon heeft deze rol al." in response.content.decode()
    assert Invitation.objects.count() == 0


def test_invite_the_same_person_again_renews_the_invitation(coordinator_client):
    coordinator_client.post(INVITE_URL, {"email": "nieuw@example.org", "role": "coach"})
    coordinator_client.post(INVITE_URL, {"email": "nieuw@example.org", "role": "coach"})

    assert Invitation.objects.count() == 1


def test_invite_page_query_count_does_not_grow_with_the_rows(coordinator_client, django_assert_num_queries):
    InvitationFactory()
    with CaptureQueriesContext(connection) as one_row:
        coordinator_client.get(INVITE_URL)
    InvitationFactory.create_batch(14, accepted=True)
    InvitationFactory.create_batch(15, invited_by=UserFactory(coordinator=True))

    with django_assert_num_queries(len(one_row)):
        response = coordinator_client.get(INVITE_URL)

    assert response.content.decode().count(INVITATION_HEADING) == 25
    assert "Pagina 1 van 2" in response.content.decode()


def test_invite_page_second_page_shows_the_rest(coordinator_client):
    InvitationFactory.create_batch(30)

    response = coordinator_client.get(INVITE_URL + "?page=2")

    assert response.content.decode().count(INVITATION_HEADING) == 5


def test_revoke_invitation_by_the_coordinator(coordinator_client):
    invitation = InvitationFactory(email="weg@example.org")
    revoke_url = reverse("accounts:revoke_invitation", args=[invitation.pk])

    response = coordinator_client.post(revoke_url, follow=True)

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.REVOKED
    assert invitation.revoked_by == coordinator_client.user
    assert "De uitnodiging voor weg@example.org is ingetrokken." in response.content.decode()


def test_revoke_an_accepted_invitation_explains_why_not(coordinator_client):
    invitation = InvitationFactory(accepted=True)
    revoke_url = reverse("accounts:revoke_invitation", args=[invitation.pk])

    response = coordinator_client.post(revoke_url, follow=True)

    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.ACCEPTED
    assert "Deze uitnodiging is al geaccepteerd" in response.content.decode()


def test_revoke_invitation_is_forbidden_for_a_coach(client):
    invitation = InvitationFactory()
    client.force_login(UserFactory(coach=True))

    response = client.post(reverse("accounts:revoke_invitation", args=[invitation.pk]))

    assert response.status_code == 403
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPEN


def test_revoke_invitation_only_by_post(coordinator_client):
    invitation = InvitationFactory()

    response = coordinator_client.get(reverse("accounts:revoke_invitation", args=[invitation.pk]))

    assert response.status_code == 405
    invitation.refresh_from_db()
    assert invitation.status == InvitationStatus.OPEN


def test_admin_lists_invitations_for_the_beheerder_without_tokens(client):
    from tests.factories.accounts import SuperUserFactory

    invitation = InvitationFactory(email="in-beheer@example.org")
    client.force_login(SuperUserFactory())

    content = client.get("/beheer/accounts/invitation/").content.decode()
    detail = client.get(f"/beheer/accounts/invitation/{invitation.pk}/change/").content.decode()

    assert "in-beheer@example.org" in content
    assert invitation.token_hash not in detail
    assert invitation.token not in detail
