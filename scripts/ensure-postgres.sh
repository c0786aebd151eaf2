#!/usr/bin/env bash
# Makes sure the PostgreSQL server of DATABASE_URL answers and its database exists.
set -euo pipefail
url=${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/ondernemend}
read -r host port user dbname < <(.venv/bin/python - "$url" <<'PY'
import sys
from urllib.parse import urlsplit
u = urlsplit(sys.argv[1])
if u.scheme not in ("postgres", "postgresql", "pgsql", "psql"):
    sys.exit(f"DATABASE_URL must point at PostgreSQL for the tests, not {u.scheme!r}.")
print(u.hostname or "127.0.0.1", u.port or 5432, u.username or "postgres", (u.path or "/ondernemend").lstrip("/"))
PY
)
if ! command -v pg_isready >/dev/null; then
  echo "PostgreSQL client tools are missing. Install them (Debian: apt-get install postgresql) and run make test again." >&2
  exit 1
fi
if ! pg_isready -q -h "$host" -p "$port"; then
  if [[ "$host" =~ ^(127\.0\.0\.1|localhost)$ ]] && command -v pg_ctlcluster >/dev/null && [ -d /etc/postgresql ]; then
    version=$(ls /etc/postgresql | sort -V | tail -n 1)
    echo "PostgreSQL $version on $host:$port is down: starting it."
    pg_ctlcluster --skip-systemctl-redirect "$version" main start
    for _ in $(seq 1 30); do pg_isready -q -h "$host" -p "$port" && break; sleep 1; done
  fi
fi
if ! pg_isready -q -h "$host" -p "$port"; then
  cat >&2 <<MSG
PostgreSQL does not answer on $host:$port.
Start it (Debian: pg_ctlcluster <version> main start), or set DATABASE_URL to a server that runs,
e.g. DATABASE_URL=postgres://user@host:5432/ondernemend make test
MSG
  exit 1
fi
if ! psql -h "$host" -p "$port" -U "$user" -d postgres -tAc "select 1 from pg_database where datname = '$dbname'" | grep -q 1; then
  createdb -h "$host" -p "$port" -U "$user" "$dbname"
  echo "Created database $dbname."
fi
