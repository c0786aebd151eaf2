"""PostgreSQL's own tools (pg_dump, pg_restore) and the few queries a backup needs.

The password goes to the tools through the environment (PGPASSWORD), never on the command line, where every
user of the machine could read it in the process list.
"""

import contextlib
import os
import shutil
import subprocess
from dataclasses import dataclass, field

import environ
import psycopg2
from django.utils.translation import gettext as _
from psycopg2 import extensions, sql

from .errors import BackupError

# libpq reads these connection options from the environment as well (the OPTIONS of a DATABASES entry).
OPTION_VARIABLES = {
    "sslmode": "PGSSLMODE",
    "sslrootcert": "PGSSLROOTCERT",
    "sslcert": "PGSSLCERT",
    "sslkey": "PGSSLKEY",
    "connect_timeout": "PGCONNECT_TIMEOUT",
}
SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")
TABLES = """
    select table_schema, table_name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in %s and table_schema not like 'pg_temp%%'
    order by table_schema, table_name
"""


@dataclass(frozen=True)
class Connection:
    name: str
    user: str = ""
    password: str = field(default="", repr=False)
    host: str = ""
    port: str = ""
    options: dict = field(default_factory=dict)

    @classmethod
    def from_settings(cls, settings_dict: dict) -> "Connection":
        engine = settings_dict.get("ENGINE", "")
        if "postgresql" not in engine and "postgis" not in engine:
            raise BackupError(
                _(
                    "The database is not PostgreSQL (%(engine)s). Backups use PostgreSQL's pg_dump. "
                    "For the SQLite database of `make run`, stop the server and copy var/db.sqlite3 "
                    "and var/media instead."
                )
                % {"engine": engine}
            )
        return cls(
            name=settings_dict["NAME"],
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            host=settings_dict.get("HOST") or "",
            port=str(settings_dict.get("PORT") or ""),
            options={
                key: value
                for key, value in (settings_dict.get("OPTIONS") or {}).items()
                if key in OPTION_VARIABLES
            },
        )

    @classmethod
    def from_url(cls, url: str) -> "Connection":
        return cls.from_settings(environ.Env.db_url_config(url))

    def environment(self) -> dict[str, str]:
        variables = {"PGDATABASE": self.name, "PGUSER": self.user, "PGPASSWORD": self.password}
        variables |= {"PGHOST": self.host, "PGPORT": self.port}
        variables |= {OPTION_VARIABLES[key]: str(value) for key, value in self.options.items()}
        # Unset what is empty, so that a PGHOST or PGPASSWORD of the calling shell cannot point elsewhere.
        base = {key: value for key, value in os.environ.items() if key not in variables}
        return base | {key: value for key, value in variables.items() if value}

    def connect(self):
        parameters = {"dbname": self.name, "user": self.user, "password": self.password}
        parameters |= {"host": self.host, "port": self.port, **self.options}
        try:
            return psycopg2.connect(
                **{key: value for key, value in parameters.items() if value not in ("", None)}
            )
        except psycopg2.OperationalError as error:
            raise BackupError(
                _("Cannot connect to the database %(name)s: %(error)s")
                % {"name": self.name, "error": str(error).strip()}
            ) from error


@contextlib.contextmanager
def cursor(connection: Connection):
    """A cursor on a connection of its own, closed afterwards (the target of a restore is not Django's)."""
    database = connection.connect()
    try:
        with database.cursor() as opened:
            yield opened
    finally:
        database.close()


def find_tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            _(
                "%(tool)s was not found. Install PostgreSQL's client tools in the version of the server "
                "or newer (Debian: apt-get install postgresql-client)."
            )
            % {"tool": name}
        )
    return path


def tool_version(path: str) -> str:
    return subprocess.run([path, "--version"], capture_output=True, text=True, check=True).stdout.strip()


def run_tool(arguments: list[str], connection: Connection) -> None:
    result = subprocess.run(
        arguments, env=connection.environment(), capture_output=True, text=True, check=False
    )
    if result.returncode != 0:
        tool = os.path.basename(arguments[0])
        raise BackupError(
            _("%(tool)s stopped with an error: %(error)s") % {"tool": tool, "error": result.stderr.strip()}
        )


@contextlib.contextmanager
def exported_snapshot(connection: Connection):
    """An open read-only transaction and the id of its snapshot: pg_dump --snapshot=<id> then dumps exactly
    what the cursor sees, so the row counts in the manifest are those of the dump, also while people work."""
    database = connection.connect()
    try:
        database.set_session(isolation_level=extensions.ISOLATION_LEVEL_REPEATABLE_READ, readonly=True)
        with database.cursor() as cursor:
            cursor.execute("select pg_export_snapshot()")
            yield cursor, cursor.fetchone()[0]
    finally:
        database.rollback()
        database.close()


def tables(cursor) -> list[tuple[str, str]]:
    cursor.execute(TABLES, (SYSTEM_SCHEMAS,))
    return cursor.fetchall()


def row_counts(cursor) -> dict[str, int]:
    counts = {}
    for schema, table in tables(cursor):
        cursor.execute(
            sql.SQL("select count(*) from {}.{}").format(sql.Identifier(schema), sql.Identifier(table))
        )
        counts[f"{schema}.{table}"] = cursor.fetchone()[0]
    return counts


def migration_state(cursor) -> dict[str, list[str]]:
    """Applied Django migrations per app, from the database itself (also when the code is older or newer)."""
    cursor.execute("select to_regclass('django_migrations') is not null")
    if not cursor.fetchone()[0]:
        return {}
    cursor.execute("select app, name from django_migrations order by app, name")
    state: dict[str, list[str]] = {}
    for app, name in cursor.fetchall():
        state.setdefault(app, []).append(name)
    return state


def server_version(cursor) -> str:
    cursor.execute("show server_version")
    return cursor.fetchone()[0]


def dump(connection: Connection, *, pg_dump: str, snapshot: str, path) -> None:
    """The custom format is compressed, restores selectively and is read by pg_restore only."""
    run_tool([pg_dump, "--format=custom", f"--snapshot={snapshot}", f"--file={path}"], connection)


def restore(connection: Connection, *, pg_restore: str, path) -> None:
    """One transaction: a restore that fails leaves the database as empty as it was.

    No owners and no grants: the roles of the old server need not exist on the new one."""
    arguments = [pg_restore, "--no-owner", "--no-acl", "--exit-on-error", "--single-transaction"]
    run_tool([*arguments, f"--dbname={connection.name}", str(path)], connection)
