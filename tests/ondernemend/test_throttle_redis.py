"""Rate limits on Redis, the production cache: several worker processes share one count.

Needs the Redis server of TEST_REDIS_URL (default redis://127.0.0.1:6379/15; `make test` starts it with
scripts/ensure-redis.sh). When it does not answer these tests fail, they are never skipped. Every test
uses a key prefix of its own and removes only those keys afterwards.
"""

import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.cache import caches
from django.test import RequestFactory

from ondernemend.throttle import RateLimit

BASE_DIR = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("TEST_REDIS_URL", "redis://127.0.0.1:6379/15")
LIMIT = RateLimit("tests.redis", limit=25, window=10 * 60)

# One worker: a separate Python process with the settings of production (CACHE_URL points at Redis),
# counting `hits` attempts of one client and printing which were allowed.
WORKER = """
import json, sys
import django
django.setup()
from django.core.cache import caches
from django.test import RequestFactory
from ondernemend.throttle import RateLimit
limit = RateLimit("tests.redis", limit=25, window=10 * 60)
request = RequestFactory().post("/", REMOTE_ADDR=sys.argv[1])
print("ready", flush=True)
sys.stdin.readline()  # wait until every worker is ready, then count at the same moment
allowed = [limit.hit(request) for _ in range(int(sys.argv[2]))]
print(json.dumps({"backend": type(caches["default"]).__name__, "allowed": allowed}))
"""


@pytest.fixture
def redis_prefix(settings):
    """The default cache is Redis, under a key prefix for this test only."""
    import redis

    client = redis.Redis.from_url(REDIS_URL, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as error:
        pytest.fail(f"Redis does not answer at {REDIS_URL} ({error}). Start it with scripts/ensure-redis.sh.")
    prefix = f"op-test-{uuid.uuid4().hex}"
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": prefix,
        }
    }
    yield prefix
    for key in client.scan_iter(match=f"{prefix}:*"):
        client.delete(key)
    client.close()


def start_worker(prefix: str, address: str, hits: int) -> subprocess.Popen:
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "ondernemend.settings",
        "CACHE_URL": f"{REDIS_URL}?key_prefix={prefix}",
    }
    return subprocess.Popen(
        [sys.executable, "-c", WORKER, address, str(hits)],
        cwd=BASE_DIR,
        env=environment,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def test_rate_limit_on_redis_allows_the_limit_then_refuses(redis_prefix):
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")

    allowed = [LIMIT.hit(request) for _ in range(27)]

    assert allowed == [True] * 25 + [False] * 2
    assert caches["default"].get(LIMIT.cache_key("203.0.113.9")) == 27


def test_rate_limit_on_redis_is_shared_by_four_worker_processes(redis_prefix):
    """Four workers, ten attempts each from one client, at the same moment: 25 allowed in all, not 25
    per worker (the counters used to live in each worker's memory)."""
    workers = [start_worker(redis_prefix, "203.0.113.9", hits=10) for _ in range(4)]
    for worker in workers:
        assert worker.stdout.readline() == "ready\n", worker.stderr.read()
    for worker in workers:  # all set up: let them count together
        worker.stdin.write("go\n")
        worker.stdin.flush()
    results = []
    for worker in workers:
        stdout, stderr = worker.communicate(timeout=120)
        assert worker.returncode == 0, stderr
        results.append(json.loads(stdout))

    assert [result["backend"] for result in results] == ["RedisCache"] * 4
    allowed = [hit for result in results for hit in result["allowed"]]
    assert (allowed.count(True), allowed.count(False)) == (25, 15)
    # The count the workers made is the one this process reads: one counter, in Redis.
    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    assert LIMIT.hit(request) is False
    assert caches["default"].get(LIMIT.cache_key("203.0.113.9")) == 41


def test_rate_limit_on_redis_counter_ends_with_its_window(redis_prefix):
    import redis

    request = RequestFactory().post("/", REMOTE_ADDR="203.0.113.9")
    for _ in range(3):
        LIMIT.hit(request)

    client = redis.Redis.from_url(REDIS_URL)
    seconds_left = client.ttl(f"{redis_prefix}:1:{LIMIT.cache_key('203.0.113.9')}")
    client.close()
    assert LIMIT.window - 5 <= seconds_left <= LIMIT.window
