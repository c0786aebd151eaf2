"""What the backup tests share: a fresh empty PostgreSQL database, and an independent look at a database.

The counts and digests here are written apart from ondernemend/backups/postgres.py on purpose, so that a
mistake there cannot hide itself in the test.
"""

import contextlib
import hashlib
import io
import uuid
from pathlib import Path
from urllib.parse import quote

import psycopg2
from django.core.management import call_command
from django.db import connection
from psycopg2 import sql

EVERY_TABLE = """
    select table_schema, table_name from information_schema.tables
    where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
"""


def database_url(name: str) -> str:
    """A URL for a database on the test database's server."""
    settings = connection.settings_dict
    user = quote(settings["USER"] or "", safe="")
    password = f":{quote(settings['PASSWORD'], safe='')}" if settings["PASSWORD"] else ""
    host = settings["HOST"] or "127.0.0.1"
    port = settings["PORT"] or 5432
    return f"postgres://{user}{password}@{host}:{port}/{name}"


def connect(name: str):
    settings = connection.settings_dict
    return psycopg2.connect(
        dbname=name,
        user=settings["USER"] or None,
        password=settings["PASSWORD"] or None,
        host=settings["HOST"] or "127.0.0.1",
        port=settings["PORT"] or 5432,
    )


@contextlib.contextmanager
def fresh_database():
    """A new empty database on the same server, dropped afterwards whatever happened."""
    name = f"op_backup_restore_{uuid.uuid4().hex[:12]}"
    admin = connect("postgres")
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("create database {}").format(sql.Identifier(name)))
        yield name
    finally:
        with admin.cursor() as cursor:
            cursor.execute(sql.SQL("drop database if exists {} with (force)").format(sql.Identifier(name)))
        admin.close()


def table_contents(name: str) -> dict[str, tuple[int, str]]:
    """Per table of every schema: the row count and an MD5 of all rows as text, in a fixed order."""
    database = connect(name)
    try:
        with database.cursor() as cursor:
            cursor.execute(EVERY_TABLE)
            result = {}
            for schema, table in cursor.fetchall():
                query = sql.SQL(
                    "select count(*), md5(coalesce(string_agg(t::text, '|' order by t::text), '')) "
                    "from {}.{} t"
                )
                cursor.execute(query.format(sql.Identifier(schema), sql.Identifier(table)))
                result[f"{schema}.{table}"] = cursor.fetchone()
            return result
    finally:
        database.close()


def file_checksums(root: Path) -> dict[str, str]:
    return {
        path.relative_to(root).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in root.rglob("*")
        if path.is_file()
    }


def make_backup(folder: Path) -> Path:
    """Runs `backup` and returns the one backup folder it made."""
    call_command("backup", str(folder), stdout=io.StringIO())
    (backup,) = folder.iterdir()
    return backup


def restore(backup: Path, database_name: str) -> str:
    output = io.StringIO()
    call_command("restore_backup", str(backup), database_url=database_url(database_name), stdout=output)
    return output.getvalue()
