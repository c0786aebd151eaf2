#!/usr/bin/env bash
# Makes sure the Redis server the tests use answers (TEST_REDIS_URL, default redis://127.0.0.1:6379/15):
# the tests of the shared rate-limit counters run on it, and fail (not skip) when it is down.
set -euo pipefail
url=${TEST_REDIS_URL:-redis://127.0.0.1:6379/15}
read -r host port < <(.venv/bin/python - "$url" <<'PY'
import sys
from urllib.parse import urlsplit
u = urlsplit(sys.argv[1])
print(u.hostname or "127.0.0.1", u.port or 6379)
PY
)
answers() { .venv/bin/python -c "import redis, sys; redis.Redis(host=sys.argv[1], port=int(sys.argv[2]), socket_timeout=2).ping()" "$host" "$port" 2>/dev/null; }
answers && exit 0
if [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]]; then
  if ! command -v redis-server >/dev/null && [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "Redis is not installed: installing redis-server."
    apt-get install -y --no-install-recommends redis-server >/dev/null \
      || { apt-get update >/dev/null && apt-get install -y --no-install-recommends redis-server >/dev/null; }
  fi
  if command -v redis-server >/dev/null; then
    echo "Redis on $host:$port is down: starting it."
    redis-server --bind 127.0.0.1 --port "$port" --daemonize yes --save "" --appendonly no >/dev/null
    for _ in $(seq 1 20); do answers && break; sleep 0.5; done
  fi
fi
if ! answers; then
  cat >&2 <<MSG
Redis does not answer on $host:$port; the tests of the shared rate-limit counters need it.
Install and start it (Debian: apt-get install redis-server), or set TEST_REDIS_URL to a server that runs,
e.g. TEST_REDIS_URL=redis://host:6379/15 make test
MSG
  exit 1
fi
