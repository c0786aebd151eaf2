"""Log-in input that used to cause a server error."""

import pytest
from axes.models import AccessAttempt

from tests.factories.accounts import SuperUserFactory

pytestmark = pytest.mark.django_db

TOO_LONG = "a" * 250 + "@example.org"  # 262 characters; django-axes stores at most 255


def test_login_with_an_email_address_over_255_characters_gives_a_form_error(client):
    response = client.post("/inloggen/", {"username": TOO_LONG, "password": "fout"})

    assert response.status_code == 200
    assert (
        "Een e-mailadres heeft hoogstens 254 tekens. Kijk na wat je hebt getypt." in response.content.decode()
    )
    assert AccessAttempt.objects.count() == 0


def test_login_with_an_email_address_over_255_characters_in_english(client):
    response = client.post("/en/inloggen/", {"username": TOO_LONG, "password": "wrong"})

    assert "An e-mail address has at most 254 characters. Check what you typed." in response.content.decode()


def test_admin_login_with_a_name_over_255_characters_is_counted_not_a_server_error(client):
    SuperUserFactory()

    response = client.post("/beheer/login/", {"username": TOO_LONG, "password": "fout"})

    assert response.status_code == 200
    assert list(AccessAttempt.objects.values_list("username", flat=True)) == [TOO_LONG[:255]]
