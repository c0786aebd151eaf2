import pytest


@pytest.fixture(autouse=True)
def fast_password_hasher(settings):
    """Hashing a password the production way takes a noticeable moment; seeding makes six users."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
