"""The CSRF check of pages that send no referrer: `Origin: null` only passes from our own site."""

import pytest
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.test import RequestFactory

from ondernemend.referrer import csrf_protect_without_referrer


@csrf_protect_without_referrer
def a_form_view(request):
    return HttpResponse("ok")


def post(origin=None, fetch_site=None, *, with_token=True):
    factory = RequestFactory()
    token_request = factory.get("/")
    token = get_token(token_request)
    headers = {}
    if origin is not None:
        headers["Origin"] = origin
    if fetch_site is not None:
        headers["Sec-Fetch-Site"] = fetch_site
    request = factory.post("/", {"csrfmiddlewaretoken": token if with_token else "x"}, headers=headers)
    request.COOKIES["csrftoken"] = token_request.META["CSRF_COOKIE"]
    return a_form_view(request)


@pytest.mark.parametrize(
    ("origin", "fetch_site", "with_token", "status"),
    [
        ("null", "same-origin", True, 200),  # our own page under Referrer-Policy: no-referrer
        ("http://testserver", None, True, 200),
        ("null", "cross-site", True, 403),  # a sandboxed frame elsewhere also sends Origin: null
        ("null", None, True, 403),
        ("https://evil.example", "same-origin", True, 403),
        ("null", "same-origin", False, 403),  # the token is checked as always
    ],
)
def test_csrf_protect_without_referrer(origin, fetch_site, with_token, status):
    assert post(origin, fetch_site, with_token=with_token).status_code == status


def test_csrf_protect_without_referrer_replaces_the_site_wide_check():
    assert a_form_view.csrf_exempt is True
