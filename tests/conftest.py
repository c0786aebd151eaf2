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
