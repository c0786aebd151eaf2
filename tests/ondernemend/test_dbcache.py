"""The database cache (the default CACHE_URL): rate-limit counters shared by all workers, kept exactly."""

import threading
from datetime import timedelta

import pytest
from django.core.cache import caches
from django.core.management import call_command
from django.db import connection, connections
from django.test import RequestFactory
from django.utils import timezone

from ondernemend.throttle import RateLimit

DATABASE_CACHE = {
    "default": {"BACKEND": "ondernemend.dbcache.DatabaseCache", "LOCATION": "tests_rate_limit_cache"}
}


@pytest.fixture
def database_cache(settings, django_db_blocker):
    """The default cache is the database cache, in a table of its own that is emptied before each test."""
    settings.CACHES = DATABASE_CACHE
    with django_db_blocker.unblock():
        call_command("createcachetable")
        caches["default"].clear()
    return caches["default"]


def expiry_of(key: str):
    with connection.cursor() as cursor:
        cursor.execute("SELECT expires FROM tests_rate_limit_cache WHERE cache_key = %s", [key])
        return cursor.fetchone()[0]


@pytest.mark.django_db
def test_database_cache_incr_keeps_the_window_of_the_first_count(database_cache):
    before = timezone.now()
    database_cache.add("counter", 0, 60 * 60)

    values = [database_cache.incr("counter") for _ in range(3)]

    # Django's own DatabaseCache.incr gives the counter the default timeout of five minutes instead.
    assert values == [1, 2, 3]
    assert expiry_of(database_cache.make_key("counter")) > before + timedelta(minutes=59)


@pytest.mark.django_db
def test_database_cache_incr_of_a_missing_counter_raises_value_error(database_cache):
    with pytest.raises(ValueError, match="not found"):
        database_cache.incr("missing")


# serialized_rollback, like every transactional test here: the flush after it would otherwise leave the
# tables to the post-migrate signal, and the next serialized test would find rows it restores already there.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_database_cache_counts_every_hit_of_eight_workers_at_once(database_cache):
    """Eight threads, each with its own database connection like a worker, hit the same limit at once:
    exactly `limit` attempts are allowed, however the hits interleave."""
    limit = RateLimit("tests.dbcache", limit=40, window=60 * 60)
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    start = threading.Barrier(8)
    allowed = []

    def worker():
        start.wait()
        try:
            allowed.extend(limit.hit(request) for _ in range(10))
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert (allowed.count(True), allowed.count(False)) == (40, 40)
    assert database_cache.get(limit.cache_key("203.0.113.9")) == 80
