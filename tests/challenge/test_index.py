"""The challenge's page while it is being built: what it will be, when, and links to what works now."""

import pytest
from django.urls import reverse
from django.utils import translation

pytestmark = pytest.mark.django_db


def test_challenge_page_says_what_is_coming_and_links_to_the_map_and_the_workshops(client):
    with translation.override("en"):
        response = client.get(reverse("challenge:index"))
        links = [reverse("initiatives:index"), reverse("workshops:agenda")]

    content = response.content.decode()
    assert '<h1 class="ams-heading ams-heading--1">The challenge is coming</h1>' in content
    assert "There is no date for the first call yet." in content
    assert [f'href="{link}"' in content for link in links] == [True, True]


def test_challenge_page_in_dutch(client):
    content = client.get("/challenge/").content.decode()

    assert "<title>De challenge komt eraan · Ondernemend Participeren</title>" in content
    assert "Er is nog geen datum voor de eerste oproep." in content
