"""Django's Content Security Policy holds: no inline scripts, styles or event handlers on any page."""

import re

import pytest

from tests.factories.accounts import UserFactory

INLINE_SCRIPT = re.compile(
    r"<script(?![^>]*\ssrc=)(?![^>]*type=\"application/(?:ld\+)?json\")[^>]*>", re.IGNORECASE
)
STYLE_ELEMENT = re.compile(r"<style[\s>]", re.IGNORECASE)
STYLE_ATTRIBUTE = re.compile(r"\sstyle=", re.IGNORECASE)
EVENT_HANDLER = re.compile(r"\son[a-z]+=", re.IGNORECASE)

PAGES = [
    "/",
    "/en/",
    "/privacy/",
    "/en/privacy/",
    "/toegankelijkheid/",
    "/en/toegankelijkheid/",
    "/inloggen/",
    "/en/inloggen/",
    "/bestaat-niet/",
    "/en/bestaat-niet/",
]


def assert_no_inline_code(html: str):
    assert INLINE_SCRIPT.findall(html) == []
    assert STYLE_ELEMENT.findall(html) == []
    assert STYLE_ATTRIBUTE.findall(html) == []
    assert EVENT_HANDLER.findall(html) == []


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_page_sends_the_content_security_policy(client, url):
    response = client.get(url)

    policy = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "'unsafe-inline'" not in policy
    assert response.status_code in {200, 404}


@pytest.mark.django_db
@pytest.mark.parametrize("url", PAGES)
def test_page_has_no_inline_scripts_styles_or_handlers(client, url):
    assert_no_inline_code(client.get(url).content.decode())


@pytest.mark.django_db
def test_logged_in_layout_has_no_inline_code(client):
    client.force_login(UserFactory())

    assert_no_inline_code(client.get("/").content.decode())


@pytest.mark.django_db
def test_form_with_errors_has_no_inline_code(client):
    response = client.post("/inloggen/", {"username": "", "password": ""})
    html = response.content.decode()

    assert "ams-invalid-form-alert" in html
    assert_no_inline_code(html)


def test_inline_code_detection_catches_what_the_policy_blocks():
    for html in [
        "<script>alert(1)</script>",
        "<style>p{}</style>",
        '<p style="color:red">',
        '<a onclick="x()">',
    ]:
        with pytest.raises(AssertionError):
            assert_no_inline_code(html)
    assert_no_inline_code(
        '<script src="/static/js/app.js" defer></script><script type="application/json">{}</script>'
    )
