"""The client's address, directly on the internet and behind our own reverse proxies."""

import pytest
from django.test import RequestFactory

from ondernemend.network import client_address


def request(remote_addr="203.0.113.9", forwarded_for=None):
    extra = {"REMOTE_ADDR": remote_addr}
    if forwarded_for is not None:
        extra["HTTP_X_FORWARDED_FOR"] = forwarded_for
    return RequestFactory().get("/", **extra)


def test_client_address_without_proxy_is_the_connecting_address():
    assert client_address(request("203.0.113.9")) == "203.0.113.9"


def test_client_address_without_proxy_ignores_a_forged_forwarded_for(settings):
    settings.TRUSTED_PROXY_COUNT = 0

    assert client_address(request("203.0.113.9", forwarded_for="198.51.100.1")) == "203.0.113.9"


def test_client_address_behind_one_proxy_is_the_entry_the_proxy_added(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # The client forged the first entry; our proxy appended the address it really saw.
    address = client_address(request("10.0.0.2", forwarded_for="198.51.100.1, 203.0.113.9"))

    assert address == "203.0.113.9"


def test_client_address_behind_two_proxies_is_the_second_entry_from_the_right(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    address = client_address(request("10.0.0.3", forwarded_for="198.51.100.1, 203.0.113.9, 10.0.0.2"))

    assert address == "203.0.113.9"


def test_client_address_with_several_forwarded_for_headers_takes_the_last(settings):
    settings.TRUSTED_PROXY_COUNT = 1

    # WSGI servers join repeated headers with a comma, in the order they came.
    assert client_address(request("10.0.0.2", forwarded_for="198.51.100.1,203.0.113.9")) == "203.0.113.9"


@pytest.mark.parametrize(
    "forwarded_for",
    ["", " , ", "not-an-address", "203.0.113.9, <script>", "999.1.1.1", "unknown"],
)
def test_client_address_behind_a_proxy_falls_back_to_the_proxy_on_a_missing_or_broken_header(
    settings, forwarded_for
):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request("10.0.0.2", forwarded_for=forwarded_for)) == "10.0.0.2"


def test_client_address_with_fewer_entries_than_proxies_falls_back_to_the_connecting_address(settings):
    settings.TRUSTED_PROXY_COUNT = 2

    # Never the left-most entry, which the client can write itself.
    assert client_address(request("10.0.0.3", forwarded_for="198.51.100.1")) == "10.0.0.3"


@pytest.mark.parametrize(
    ("forwarded_for", "expected"),
    [
        ("203.0.113.9:51234", "203.0.113.9"),
        ("[2001:db8::1]:443", "2001:db8::1"),
        ("2001:DB8:0:0::1", "2001:db8::1"),
        (" 203.0.113.9 ", "203.0.113.9"),
    ],
)
def test_client_address_behind_a_proxy_reads_ports_and_normalises_ipv6(settings, forwarded_for, expected):
    settings.TRUSTED_PROXY_COUNT = 1

    assert client_address(request("10.0.0.2", forwarded_for=forwarded_for)) == expected


def test_client_address_without_any_address_is_empty():
    assert client_address(request(remote_addr="")) == ""
