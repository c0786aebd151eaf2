"""Generated posts to the invitation form (coördinator) and to accepting an invitation (anonymous)."""

import pytest
from django.urls import reverse
from hypothesis import given
from hypothesis import strategies as st

from tests.factories.accounts import InvitationFactory, UserFactory

from .harness import HOSTILE_SETTINGS, hostile_body, one_example, page_fields, post_and_check

pytestmark = pytest.mark.django_db


@pytest.fixture
def invite_page(client):
    UserFactory(email="bestaand@example.org", coach=True)
    client.force_login(UserFactory(coordinator=True))
    url = reverse("accounts:invite")
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_invitation_survives_generated_posts(client, invite_page, data):
    url, fields = invite_page
    email = st.sampled_from(["bestaand@example.org", "BESTAAND@example.org", "nieuw@example.org"])
    with one_example():
        body = data.draw(hostile_body(fields))
        if data.draw(st.booleans()):  # an address that has an account or an open invitation
            body["email"] = data.draw(email)
        post_and_check(client, url, body, redirects_to=[url])


@pytest.fixture
def accept_page(client):
    url = reverse("accounts:accept_invitation", kwargs={"token": InvitationFactory().token})
    return url, page_fields(client, url, "form")


@HOSTILE_SETTINGS
@given(data=st.data())
def test_accepting_an_invitation_survives_generated_posts(client, accept_page, data):
    url, fields = accept_page
    strong = "een-lang-wachtwoord-voor-de-test-7"
    password = st.sampled_from([strong, strong, strong, "kort", "wachtwoord", ""])
    with one_example():
        body = data.draw(hostile_body(fields))
        if data.draw(st.booleans()):  # a matching pair, so that some examples get past the password rules
            body["password1"] = body["password2"] = data.draw(password)
        post_and_check(client, url, body, redirects_to=[reverse("accounts:dashboard")])
