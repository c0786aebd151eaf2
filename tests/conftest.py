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


# --- Two-factor log-in ------------------------------------------------------------------------------------


@pytest.fixture(autouse=True)
def _force_login_passes_the_second_factor(monkeypatch):
    """`client.force_login(user)` also passes the second factor for staff, as a real log-in would.

    Without it every test that logs in a coach would land on the set-up page (SecondFactorMiddleware). The
    user gets a confirmed app device if it has none, and the session holds it as django_otp.login stores it.
    Tests of the second factor itself use `client.force_login(user, second_factor=False)`.
    """
    from django.test.client import ClientMixin

    original = ClientMixin.force_login

    def force_login(self, user, backend=None, second_factor=True):
        original(self, user, backend)
        if second_factor:
            pass_second_factor(self, user)

    monkeypatch.setattr(ClientMixin, "force_login", force_login)


def pass_second_factor(client, user) -> None:
    """Mark the client's session as having passed the second factor (only for a user who needs one)."""
    from django_otp import DEVICE_ID_SESSION_KEY, devices_for_user
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from ondernemend.accounts.second_factor.policy import needs_second_factor

    if not needs_second_factor(user):
        return
    device = next(devices_for_user(user, confirmed=True), None)
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
