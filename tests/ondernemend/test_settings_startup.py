"""Start-up safety and the settings of issue 7: SECRET_KEY rules, CACHE_URL, TRUSTED_PROXY_COUNT, SQLite.

Each test starts a fresh process configured only by environment variables (see test_settings.py)."""

import json

import pytest

from .test_settings import MANAGE_WITHOUT_DOTENV, NO_ISSUES, production_environment, run_python

PRINT_SETTINGS = """
import json, sys
import environ
environ.Env.read_env = staticmethod(lambda *args, **kwargs: None)
from django.conf import settings
print(json.dumps({name: getattr(settings, name) for name in sys.argv[1:]}, default=str))
"""

DEVELOPMENT_KEY = "development-only-insecure-key-never-use-this-in-production-0123456789"


def read_settings(*names, **changes):
    result = run_python(PRINT_SETTINGS, *names, environment=production_environment(**changes))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def last_error_line(result) -> str:
    return result.stderr.strip().splitlines()[-1]


@pytest.mark.parametrize(
    ("key", "reason"),
    [
        (DEVELOPMENT_KEY, "SECRET_KEY is a well-known example key."),
        ("changeme", "SECRET_KEY is a well-known example key."),
        (
            "django-insecure-" + "k" * 20 + "abcdefghijklmnopqrstuvwxyz0123456789",
            "SECRET_KEY is a well-known example key.",
        ),
        ("s3cr3t-but-short", "SECRET_KEY is too short (16 characters, at least 50 are needed)."),
        ("ab" * 40, "SECRET_KEY has too few different characters (at least 5 are needed)."),
    ],
)
def test_start_with_a_weak_secret_key_and_debug_off_stops_with_a_clear_message(key, reason):
    result = run_python(MANAGE_WITHOUT_DOTENV, "check", environment=production_environment(SECRET_KEY=key))

    assert result.returncode != 0
    assert last_error_line(result) == (
        f"django.core.exceptions.ImproperlyConfigured: {reason} Set SECRET_KEY to at least 50 random "
        "characters, for example from: python -c 'import secrets; print(secrets.token_urlsafe(50))'"
    )


def test_start_with_a_weak_secret_key_in_debug_mode_works():
    environment = production_environment(SECRET_KEY="changeme", DEBUG="true")

    result = run_python(MANAGE_WITHOUT_DOTENV, "check", environment=environment)

    assert (result.returncode, result.stdout.strip()) == (0, NO_ISSUES)


def test_cache_is_the_shared_database_cache_by_default():
    values = read_settings("CACHES", CACHE_URL=None)

    assert values["CACHES"] == {
        "default": {"BACKEND": "ondernemend.dbcache.DatabaseCache", "LOCATION": "django_cache"}
    }


def test_cache_url_with_redis_uses_djangos_redis_cache_with_its_key_prefix():
    values = read_settings("CACHES", CACHE_URL="redis://127.0.0.1:6379/0?key_prefix=ondernemend")

    assert values["CACHES"] == {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": "redis://127.0.0.1:6379/0",
            "KEY_PREFIX": "ondernemend",
            "OPTIONS": {},
        }
    }


@pytest.mark.parametrize(("variable", "expected"), [(None, 0), ("1", 1), ("2", 2)])
def test_trusted_proxy_count_comes_from_the_environment(variable, expected):
    values = read_settings("TRUSTED_PROXY_COUNT", TRUSTED_PROXY_COUNT=variable)

    assert values == {"TRUSTED_PROXY_COUNT": expected}


def test_axes_takes_the_client_address_from_the_one_place_that_decides_it():
    values = read_settings("AXES_CLIENT_IP_CALLABLE")

    assert values == {"AXES_CLIENT_IP_CALLABLE": "ondernemend.accounts.lockout.client_address_for_lockout"}


def test_sqlite_database_is_set_up_for_several_people_at_once(tmp_path):
    values = read_settings("DATABASES", DATABASE_URL=f"sqlite:///{tmp_path}/db.sqlite3")

    assert values["DATABASES"]["default"]["OPTIONS"] == {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }


def test_postgresql_database_gets_no_sqlite_options():
    values = read_settings("DATABASES")

    assert values["DATABASES"]["default"].get("OPTIONS", {}) == {}
