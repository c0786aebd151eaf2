"""What `backup` and `restore_backup` refuse: damaged or half-written backups, a target that holds data,
different files under the same name, a missing pg_dump, a database that is not PostgreSQL."""

import io
import os

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from django.db import connection

from .helpers import fresh_database, make_backup, restore, table_contents

pytestmark = pytest.mark.django_db


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    default_storage.save("challenge/proposals/1/plan.pdf", ContentFile(b"%PDF-1.4 het plan"))
    return tmp_path / "media"


def refusal(backup, database_name) -> str:
    with pytest.raises(CommandError) as error:
        restore(backup, database_name)
    return str(error.value)


def test_restore_tampered_dump_is_refused_naming_the_file(media, tmp_path):
    backup = make_backup(tmp_path / "backups")
    dump = backup / "database.dump"
    content = bytearray(dump.read_bytes())
    content[len(content) // 2] ^= 0xFF  # one flipped byte, the size unchanged
    dump.write_bytes(bytes(content))

    with fresh_database() as target:
        message = refusal(backup, target)
        restored = table_contents(target)

    assert "database.dump" in message
    assert restored == {}


def test_restore_tampered_media_file_is_refused_naming_the_file(media, tmp_path):
    backup = make_backup(tmp_path / "backups")
    (backup / "media/challenge/proposals/1/plan.pdf").write_bytes(b"%PDF-1.4 een ander plan")

    with fresh_database() as target:
        message = refusal(backup, target)
        restored = table_contents(target)

    assert "media/challenge/proposals/1/plan.pdf" in message
    assert restored == {}


def test_restore_file_added_to_backup_is_refused(media, tmp_path):
    backup = make_backup(tmp_path / "backups")
    (backup / "media/extra.txt").write_text("niet van ons")

    with fresh_database() as target:
        message = refusal(backup, target)

    assert "media/extra.txt" in message


def test_restore_into_database_with_tables_is_refused(media, tmp_path):
    backup = make_backup(tmp_path / "backups")
    before = table_contents(connection.settings_dict["NAME"])

    message = refusal(backup, connection.settings_dict["NAME"])

    assert connection.settings_dict["NAME"] in message
    assert table_contents(connection.settings_dict["NAME"]) == before


def test_restore_over_different_stored_file_is_refused(media, settings, tmp_path):
    backup = make_backup(tmp_path / "backups")
    settings.MEDIA_ROOT = tmp_path / "other-media"
    default_storage.save("challenge/proposals/1/plan.pdf", ContentFile(b"%PDF-1.4 iets anders"))

    with fresh_database() as target:
        message = refusal(backup, target)
        restored = table_contents(target)

    assert "challenge/proposals/1/plan.pdf" in message
    assert restored == {}
    assert (tmp_path / "other-media/challenge/proposals/1/plan.pdf").read_bytes() == b"%PDF-1.4 iets anders"


def test_restore_folder_without_manifest_is_refused_as_incomplete(media, tmp_path):
    backup = make_backup(tmp_path / "backups")
    (backup / "manifest.json").unlink()

    with fresh_database() as target:
        message = refusal(backup, target)

    assert "manifest.json" in message


def test_backup_failing_halfway_leaves_nothing_behind(media, tmp_path):
    # A file that can be listed but not read: the backup fails after pg_dump has written the dump.
    os.symlink(tmp_path / "does-not-exist", media / "broken.pdf")
    folder = tmp_path / "backups"

    with pytest.raises(CommandError) as error:
        call_command("backup", str(folder), stdout=io.StringIO())

    assert "broken.pdf" in str(error.value)
    assert list(folder.iterdir()) == []


def test_backup_without_pg_dump_says_so(media, monkeypatch, tmp_path):
    monkeypatch.setenv("PATH", str(tmp_path / "empty-path"))

    with pytest.raises(CommandError) as error:
        call_command("backup", str(tmp_path / "backups"), stdout=io.StringIO())

    assert "pg_dump" in str(error.value)
    assert "postgresql-client" in str(error.value)
    assert (tmp_path / "backups").exists() is False


def test_restore_into_sqlite_is_refused(media, tmp_path):
    backup = make_backup(tmp_path / "backups")

    with pytest.raises(CommandError) as error:
        call_command("restore_backup", str(backup), database_url=f"sqlite:///{tmp_path}/db.sqlite3")

    assert "PostgreSQL" in str(error.value)
    assert "var/db.sqlite3" in str(error.value)


def test_backup_into_a_file_is_refused(media, tmp_path):
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")

    with pytest.raises(CommandError) as error:
        call_command("backup", str(not_a_folder), stdout=io.StringIO())

    assert str(not_a_folder) in str(error.value)
