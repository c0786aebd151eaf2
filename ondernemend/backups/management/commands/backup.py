import os
import shutil
import tomllib
from pathlib import Path

import django
from django.conf import settings
from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _

from ondernemend.backups import manifest, media, postgres
from ondernemend.backups.errors import BackupError


class Command(BaseCommand):
    help = (
        "Back up the database (pg_dump, one consistent snapshot) and the uploaded files into a new folder "
        "<folder>/<UTC time>/ with a manifest of checksums and row counts. See docs/operations.md."
    )

    def add_arguments(self, parser):
        parser.add_argument("folder", help="where the backup folder is made (created when missing)")
        parser.add_argument("--database", default="default", help="the database alias (default: default)")

    def handle(self, *args, folder, database, **options):
        try:
            backup = self.make_backup(Path(folder), database)
        except BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(self.style.SUCCESS(_("Backup written to %(folder)s") % {"folder": backup}))

    def make_backup(self, folder: Path, alias: str) -> Path:
        connection = postgres.Connection.from_settings(connections[alias].settings_dict)
        pg_dump = postgres.find_tool("pg_dump")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise BackupError(
                _("Cannot write to %(folder)s: %(error)s") % {"folder": folder, "error": error}
            ) from error
        if not folder.is_dir() or not os.access(folder, os.W_OK):
            raise BackupError(_("Cannot write to %(folder)s.") % {"folder": folder})
        created_at = timezone.now()
        stamp = created_at.strftime("%Y%m%dT%H%M%SZ")
        # Written under a hidden name and renamed only when whole, so no one takes half a backup for one.
        partial = folder / f".{stamp}{manifest.PARTIAL_SUFFIX}"
        # Only the owner may enter: the dump holds personal data, whatever the umask of the shell.
        partial.mkdir(mode=0o700)
        try:
            row_counts, media_count = self.write_contents(
                partial, connection, pg_dump=pg_dump, created_at=created_at
            )
            final = self.free_name(folder, stamp)
            partial.rename(final)
        except BaseException:
            shutil.rmtree(partial, ignore_errors=True)
            raise
        self.stdout.write(
            _("%(tables)d tables, %(rows)d rows, %(files)d uploaded files.")
            % {"tables": len(row_counts), "rows": sum(row_counts.values()), "files": media_count}
        )
        return final

    def write_contents(
        self, root: Path, connection, *, pg_dump: str, created_at
    ) -> tuple[dict[str, int], int]:
        with postgres.exported_snapshot(connection) as (cursor, snapshot):
            row_counts = postgres.row_counts(cursor)
            migrations = postgres.migration_state(cursor)
            database = {"vendor": "postgresql", "server_version": postgres.server_version(cursor)}
            postgres.dump(connection, pg_dump=pg_dump, snapshot=snapshot, path=root / manifest.DUMP_NAME)
        (root / manifest.MEDIA_DIR).mkdir()
        media_count = media.copy_out(default_storage, root)
        versions = {
            "django": django.get_version(),
            "platform": platform_version(),
            "pg_dump": postgres.tool_version(pg_dump),
        }
        contents = manifest.build_manifest(
            root=root,
            created_at=created_at.isoformat(),
            versions=versions,
            database=database,
            migrations=migrations,
            row_counts=row_counts,
        )
        manifest.write_manifest(root, contents)
        return row_counts, media_count

    def free_name(self, folder: Path, stamp: str) -> Path:
        """Two backups in the same second get -2, -3 … rather than one replacing the other."""
        candidate, number = folder / stamp, 1
        while candidate.exists():
            number += 1
            candidate = folder / f"{stamp}-{number}"
        return candidate


def platform_version() -> str:
    try:
        with (Path(settings.BASE_DIR) / "pyproject.toml").open("rb") as file:
            return tomllib.load(file)["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return "unknown"
