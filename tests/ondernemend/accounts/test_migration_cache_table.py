"""A deploy needs only `migrate`: the migration creates the database cache's table for the rate limits."""

import importlib

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

migration = importlib.import_module("ondernemend.accounts.migrations.0004_cache_table")


def test_cache_table_migration_creates_the_table_of_a_database_cache(settings):
    settings.CACHES = {
        "default": {"BACKEND": "ondernemend.dbcache.DatabaseCache", "LOCATION": "test_migration_cache"}
    }
    assert "test_migration_cache" not in connection.introspection.table_names()

    with connection.schema_editor() as schema_editor:
        migration.create_cache_table(None, schema_editor)

    assert "test_migration_cache" in connection.introspection.table_names()


def test_cache_table_migration_does_nothing_for_a_cache_without_a_table(settings):
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
    tables_before = connection.introspection.table_names()

    with connection.schema_editor() as schema_editor:
        migration.create_cache_table(None, schema_editor)

    assert connection.introspection.table_names() == tables_before
