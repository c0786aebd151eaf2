"""Fixtures shared by the whole test suite."""

import pytest


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup):
    """The test databases, as pytest-django makes them; the value is what `serialized_rollback` restores.

    The browser tests need it: see `_serialized_rollback_contents` in tests/browser/conftest.py.
    """
    from django.db import connections

    return {
        alias: connections[alias]._test_serialized_contents
        for alias in connections
        if hasattr(connections[alias], "_test_serialized_contents")
    }


@pytest.fixture(autouse=True)
def _dutch_outside_requests():
    """Start every test in Dutch, the default.

    LocaleMiddleware leaves the language of the last request active in the test thread, so without this
    reverse() and rendering outside a request would depend on the order of the tests.
    """
    from django.conf import settings
    from django.utils import translation

    with translation.override(settings.LANGUAGE_CODE):
        yield


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Hashing a password the production way takes a noticeable moment, and tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
