"""Backup → restore into a fresh database → every table has the same rows, every uploaded file is back."""

import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from PIL import Image

from challenge.services.proposals import add_attachment
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ProposalFactory
from tests.factories.initiatives import InitiativeFactory
from tests.factories.workshops import AttendanceFactory, IntakeFactory, RegistrationFactory, SeriesFactory

from .helpers import file_checksums, fresh_database, make_backup, restore, table_contents

PDF = b"%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"


def small_png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, format="PNG")
    return buffer.getvalue()


def build_data_set():
    """A small but realistic network: initiatives, a series with participants, a proposal with attachments."""
    coach = UserFactory(coach=True)
    initiatives = InitiativeFactory.create_batch(3)
    series = SeriesFactory(initiative=initiatives[0], coaches=[coach], sessions=3)
    registrations = RegistrationFactory.create_batch(4, series=series)
    IntakeFactory(registration=registrations[0])
    AttendanceFactory(registration=registrations[0], session=series.sessions.first())
    proposal = ProposalFactory(initiative=initiatives[1], amounts=[1000, 250])
    add_attachment(proposal, by=proposal.created_by, upload=SimpleUploadedFile("plan.pdf", PDF))
    add_attachment(proposal, by=proposal.created_by, upload=SimpleUploadedFile("schets.png", small_png()))
    return proposal


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_restored_into_fresh_database_has_same_rows_and_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    proposal = build_data_set()
    source = table_contents(connection.settings_dict["NAME"])

    backup = make_backup(tmp_path / "backups")
    manifest = json.loads((backup / "manifest.json").read_text())
    settings.MEDIA_ROOT = tmp_path / "restored-media"
    with fresh_database() as target:
        report = restore(backup, target)
        restored = table_contents(target)

    assert restored == source
    assert manifest["row_counts"] == {table: count for table, (count, _digest) in source.items()}
    assert {
        table: source[table][0] for table in ["public.workshops_participant", "public.challenge_attachment"]
    } == {
        "public.workshops_participant": 4,
        "public.challenge_attachment": 2,
    }
    assert file_checksums(tmp_path / "restored-media") == file_checksums(tmp_path / "media")
    assert sorted(file_checksums(tmp_path / "media")) == sorted(
        a.file.name for a in proposal.attachments.all()
    )
    assert report.splitlines()[0] == (
        f"{len(source)} tabellen teruggezet, met evenveel rijen als in de back-up, en 2 geüploade bestanden."
    )
