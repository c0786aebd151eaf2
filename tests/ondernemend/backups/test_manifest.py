"""The manifest on its own: what it lists, and every way a folder can differ from it. No database."""

import hashlib

import pytest

from ondernemend.backups import manifest
from ondernemend.backups.errors import BackupError
from ondernemend.backups.postgres import Connection


def backup_folder(root):
    (root / "media/challenge").mkdir(parents=True)
    (root / "database.dump").write_bytes(b"dump")
    (root / "media/challenge/plan.pdf").write_bytes(b"%PDF plan")
    contents = manifest.build_manifest(
        root=root,
        created_at="2026-11-30T03:00:00+00:00",
        versions={},
        database={},
        migrations={},
        row_counts={},
    )
    manifest.write_manifest(root, contents)
    return contents


def test_manifest_lists_every_file_with_size_and_sha256(tmp_path):
    contents = backup_folder(tmp_path)

    assert contents["files"] == [
        {"path": "database.dump", "size": 4, "sha256": hashlib.sha256(b"dump").hexdigest()},
        {"path": "media/challenge/plan.pdf", "size": 9, "sha256": hashlib.sha256(b"%PDF plan").hexdigest()},
    ]
    assert manifest.read_manifest(tmp_path) == contents


def test_manifest_problems_of_untouched_folder_are_none(tmp_path):
    contents = backup_folder(tmp_path)

    assert manifest.problems(tmp_path, contents) == []


def test_manifest_problems_name_changed_missing_and_extra_files(tmp_path):
    contents = backup_folder(tmp_path)
    (tmp_path / "database.dump").write_bytes(b"DUMP")
    (tmp_path / "media/challenge/plan.pdf").unlink()
    (tmp_path / "media/stray.txt").write_text("x")

    assert manifest.problems(tmp_path, contents) == [
        "database.dump: de controlesom wijkt af van het manifest",
        "media/challenge/plan.pdf: ontbreekt",
        "media/stray.txt: staat niet in het manifest",
    ]


@pytest.mark.parametrize("name", ["../outside.pdf", "/etc/passwd", "media/../../x", "media\\x", ""])
def test_manifest_path_outside_the_folder_is_a_problem(tmp_path, name):
    contents = backup_folder(tmp_path)
    contents["files"].append({"path": name, "size": 1, "sha256": "0" * 64})

    assert manifest.problems(tmp_path, contents) == [f"{name}: geen pad binnen de back-upmap"]


def test_manifest_of_partial_folder_is_refused(tmp_path):
    partial = tmp_path / ".20261130T030000Z.partial"
    partial.mkdir()
    backup_folder(partial)

    with pytest.raises(BackupError) as error:
        manifest.read_manifest(partial)

    assert "geen volledige back-up" in str(error.value)


def test_manifest_of_other_format_version_is_refused(tmp_path):
    contents = backup_folder(tmp_path)
    manifest.write_manifest(tmp_path, contents | {"format_version": 99})

    with pytest.raises(BackupError) as error:
        manifest.read_manifest(tmp_path)

    assert "99" in str(error.value)


def test_connection_for_sqlite_is_refused():
    with pytest.raises(BackupError) as error:
        Connection.from_settings({"ENGINE": "django.db.backends.sqlite3", "NAME": "var/db.sqlite3"})

    assert "geen PostgreSQL" in str(error.value)


def test_connection_passes_password_only_through_the_environment():
    connection = Connection.from_url("postgres://op:geheim%21@db.example:5433/ondernemend?sslmode=require")

    assert {
        key: connection.environment()[key] for key in ["PGPASSWORD", "PGHOST", "PGPORT", "PGSSLMODE"]
    } == {
        "PGPASSWORD": "geheim!",
        "PGHOST": "db.example",
        "PGPORT": "5433",
        "PGSSLMODE": "require",
    }
    assert "geheim" not in repr(connection)
