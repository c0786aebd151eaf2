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
def _empty_cache():
    """Start every test with no rate-limit counters, so that one test's attempts never limit another's.

    The tests use the in-memory cache (tests/environment.py); a database cache is emptied by the rollback
    of the test's transaction instead, and clearing it here would need database access in every test."""
    from django.core.cache import caches
    from django.core.cache.backends.locmem import LocMemCache

    for cache in caches.all():
        if isinstance(cache, LocMemCache):
            cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hasher(settings):
    """Hashing a password the production way takes a noticeable moment, and tests make many users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def _is_transactional(item) -> bool:
    marker = item.get_closest_marker("django_db")
    fixtures = getattr(item, "fixturenames", ())
    return bool(marker and marker.kwargs.get("transaction")) or "live_server" in fixtures


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(config, items):
    """Refuse an order in which a database test runs after a transactional one.

    A transactional test (the browser tests) ends with a flush, and only the next transactional test restores
    the migrations' data (role groups, districts, content types) through `serialized_rollback`. pytest-django
    runs them last for that reason; if anything changes that order, every database test after a browser test
    fails far from the cause. One way to get there unnoticed: a parameter named `page` in a plain test, which
    pytest-playwright takes for its browser fixture and reorders.
    """
    seen_transactional = None
    for item in items:
        if _is_transactional(item):
            seen_transactional = seen_transactional or item.nodeid
        elif seen_transactional and item.get_closest_marker("django_db"):
            raise pytest.UsageError(
                f"{item.nodeid} would run after the transactional {seen_transactional}, on a flushed "
                "database. Is a parameter named like a browser fixture (page, context)?"
            )
