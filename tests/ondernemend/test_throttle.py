"""Rate limits per client (ondernemend/throttle.py), on the in-memory cache the tests use."""

import time

import pytest
from django.core.cache import cache
from django.test import RequestFactory
from django.utils import translation

from ondernemend.throttle import RateLimit, RateLimited

TOO_MANY_NL = "Te veel pogingen vanaf jouw verbinding."
LIMIT = RateLimit("tests.throttle", limit=3, window=10 * 60)


def request(remote_addr="203.0.113.9", forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().post("/", **extra)


def test_rate_limit_allows_the_limit_then_refuses():
    assert [LIMIT.hit(request()) for _ in range(5)] == [True, True, True, False, False]


def test_rate_limit_counts_each_client_separately():
    for _ in range(3):
        LIMIT.hit(request("203.0.113.9"))

    assert (LIMIT.hit(request("203.0.113.9")), LIMIT.hit(request("203.0.113.10"))) == (False, True)


def test_rate_limit_counts_each_scope_separately():
    other = RateLimit("tests.other", limit=3, window=60)
    for _ in range(3):
        LIMIT.hit(request())

    assert (LIMIT.hit(request()), other.hit(request())) == (False, True)


def test_rate_limit_check_raises_once_over_the_limit():
    for _ in range(3):
        LIMIT.check(request())

    with pytest.raises(RateLimited) as raised:
        LIMIT.check(request())

    assert raised.value.rate_limit == LIMIT


def test_rate_limit_behind_a_proxy_counts_the_clients_behind_it_separately(settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.2"
    for _ in range(3):
        LIMIT.hit(request(proxy, forwarded_for="203.0.113.9"))

    refused = LIMIT.hit(request(proxy, forwarded_for="203.0.113.9"))
    other_client = LIMIT.hit(request(proxy, forwarded_for="203.0.113.10"))
    forged = LIMIT.hit(request(proxy, forwarded_for="203.0.113.10, 203.0.113.9"))

    assert (refused, other_client, forged) == (False, True, False)


def test_rate_limit_without_a_proxy_cannot_be_escaped_with_a_forged_header(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    results = [LIMIT.hit(request(forwarded_for=f"198.51.100.{number}")) for number in range(4)]

    assert results == [True, True, True, False]


def test_rate_limit_window_ends_and_counting_starts_again(monkeypatch):
    for _ in range(4):
        LIMIT.hit(request())
    start = time.time()

    monkeypatch.setattr(time, "time", lambda: start + LIMIT.window + 1)

    assert LIMIT.hit(request()) is True


def test_rate_limit_stores_a_keyed_hash_not_the_address():
    LIMIT.hit(request("203.0.113.9"))

    stored_keys = list(cache._cache)
    assert len(stored_keys) == 1
    assert "203.0.113.9" not in stored_keys[0]
    assert stored_keys[0].endswith(LIMIT.cache_key("203.0.113.9"))


def test_rate_limit_hit_for_counts_any_identity():
    listing = RateLimit("tests.listing", limit=1, window=60)

    assert [listing.hit_for("42"), listing.hit_for("42"), listing.hit_for("43")] == [True, False, True]


@pytest.mark.parametrize(
    ("window", "language", "message"),
    [
        (
            15 * 60,
            "nl",
            "Te veel pogingen vanaf jouw verbinding. Wacht 15 minuten en probeer het dan opnieuw.",
        ),
        (60, "nl", "Te veel pogingen vanaf jouw verbinding. Wacht 1 minuut en probeer het dan opnieuw."),
        (
            24 * 60 * 60,
            "nl",
            "Te veel pogingen vanaf jouw verbinding. Wacht 24 uur en probeer het dan opnieuw.",
        ),
        (15 * 60, "en", "Too many attempts from your connection. Wait 15 minutes and try again."),
        (2 * 60 * 60, "en", "Too many attempts from your connection. Wait 2 hours and try again."),
    ],
)
def test_rate_limited_message_says_how_long_to_wait_in_the_language_of_the_request(window, language, message):
    error = RateLimited(RateLimit("tests.message", limit=1, window=window))

    with translation.override(language):
        assert error.message == message
