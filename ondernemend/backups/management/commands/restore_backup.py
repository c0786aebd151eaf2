from pathlib import Path

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.db.migrations.loader import MigrationLoader
from django.utils.translation import gettext as _

from ondernemend.backups import manifest, media, postgres
from ondernemend.backups.errors import BackupError


class Command(BaseCommand):
    help = (
        "Restore a folder made by `backup` into an EMPTY PostgreSQL database (the only mode: it never "
        "overwrites data) and copy the uploaded files back. Checks every checksum first. "
        "See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="the backup folder, the one holding manifest.json")
        parser.add_argument(
            "--database-url",
            help="the empty target database, e.g. postgres://user@host:5432/name (default: DATABASE_URL)",
        )

    def handle(self, *args, folder, database_url, **options):
        try:
            self.restore(Path(folder), database_url)
        except BackupError as error:
            raise CommandError(str(error)) from error

    def restore(self, root: Path, database_url: str | None) -> None:
        contents = manifest.read_manifest(root)
        if problems := manifest.problems(root, contents):
            lines = [_("The backup in %(folder)s is damaged; nothing was restored:") % {"folder": root}]
            raise BackupError("\n".join(lines + [f"- {problem}" for problem in problems]))
        if database_url:
            connection = postgres.Connection.from_url(database_url)
        else:
            connection = postgres.Connection.from_settings(connections["default"].settings_dict)
        pg_restore = postgres.find_tool("pg_restore")
        self.check_empty(connection)
        entries = manifest.media_entries(contents)
        if clashes := media.conflicts(default_storage, entries):
            raise BackupError(
                _("Different files with these names are already stored; nothing was restored: %(names)s")
                % {"names": ", ".join(clashes)}
            )

        postgres.restore(connection, pg_restore=pg_restore, path=root / manifest.DUMP_NAME)
        copied = media.copy_in(default_storage, root, entries)
        self.compare_row_counts(connection, contents["row_counts"])
        self.stdout.write(
            self.style.SUCCESS(
                _(
                    "Restored %(tables)d tables with the same row counts as the backup, "
                    "and %(files)d uploaded files."
                )
                % {"tables": len(contents["row_counts"]), "files": copied}
            )
        )
        self.report_migrations(contents.get("migrations", {}))

    def check_empty(self, connection) -> None:
        with postgres.cursor(connection) as cursor:
            found = postgres.tables(cursor)
        if found:
            raise BackupError(
                _(
                    "The database %(name)s already has %(count)d tables. A backup is restored only into an "
                    "empty database, so nothing is ever overwritten: create one (createdb) and point "
                    "--database-url at it."
                )
                % {"name": connection.name, "count": len(found)}
            )

    def compare_row_counts(self, connection, expected: dict[str, int]) -> None:
        with postgres.cursor(connection) as cursor:
            restored = postgres.row_counts(cursor)
        differences = [
            f"- {table}: {expected.get(table)} → {restored.get(table)}"
            for table in sorted(expected.keys() | restored.keys())
            if expected.get(table) != restored.get(table)
        ]
        if differences:
            lines = [_("Restored, but these row counts differ from the backup (backup → restored):")]
            raise BackupError("\n".join(lines + differences))

    def report_migrations(self, in_backup: dict[str, list[str]]) -> None:
        """The restored data has the migration state of the day of the backup; the code may be newer."""
        on_disk = {
            f"{app}.{name}" for app, name in MigrationLoader(None, ignore_no_migrations=True).disk_migrations
        }
        applied = {f"{app}.{name}" for app, names in in_backup.items() for name in names}
        if unknown := sorted(applied - on_disk):
            self.stdout.write(
                self.style.WARNING(
                    _(
                        "The backup has migrations this code does not know "
                        "(it was made by a newer version): %(names)s"
                    )
                    % {"names": ", ".join(unknown)}
                )
            )
        if applied and on_disk - applied:
            self.stdout.write(
                _("This code has newer migrations than the backup: run `manage.py migrate` next.")
            )
