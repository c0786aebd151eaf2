"""Attachments are checked by their content, not their name (challenge/uploads.py), and stored under a
generated name through Django's storage API."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image

from challenge.enums import AttachmentType
from challenge.exceptions import (
    EmptyFile,
    FileNameTooLong,
    FileTooLarge,
    NotAnAllowedType,
    UnsafeFileName,
    megabytes,
)
from challenge.services.proposals import add_attachment, remove_attachment
from challenge.uploads import check_upload, clean_file_name, detect_type
from tests.factories.challenge import ProposalFactory

PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"


def image_bytes(image_format: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (4, 4), "orange").save(buffer, format=image_format)
    return buffer.getvalue()


def test_detect_type_by_content():
    assert [
        detect_type(PDF),
        detect_type(image_bytes("PNG")),
        detect_type(image_bytes("JPEG")),
        detect_type(b"Dit is gewoon tekst."),
        detect_type(b"\x89PNG\r\n\x1a\n but broken"),
        detect_type(b"MZ\x90\x00 an executable"),
    ] == [AttachmentType.PDF, AttachmentType.PNG, AttachmentType.JPEG, None, None, None]


def test_a_pdf_that_is_really_text_is_refused():
    with pytest.raises(NotAnAllowedType) as refused:
        check_upload("begroting.pdf", b"Dit is geen PDF maar tekst met %PDF- erin.", max_bytes=1000)

    assert "PDF" in str(refused.value.message)


def test_a_png_named_pdf_is_accepted_as_png():
    checked = check_upload("foto.pdf", image_bytes("PNG"), max_bytes=10_000)

    assert (checked.kind, checked.name) == (AttachmentType.PNG, "foto.pdf")


def test_size_and_emptiness_are_checked():
    with pytest.raises(FileTooLarge) as too_large:
        check_upload("plan.pdf", PDF + b"x" * 100, max_bytes=50)
    with pytest.raises(EmptyFile):
        check_upload("plan.pdf", b"", max_bytes=50)

    assert check_upload("plan.pdf", PDF, max_bytes=len(PDF)).size == len(PDF)
    assert "MB" in str(too_large.value.message)


@pytest.mark.parametrize(
    "name",
    [
        "../../etc/passwd",
        "map/plan.pdf",
        "map\\plan.pdf",
        "plan\x00.pdf",
        "plan\n.pdf",
        "\u202efdp.exe",
        "",
        "..",
    ],
)
def test_path_like_and_control_character_names_are_refused(name):
    with pytest.raises(UnsafeFileName):
        clean_file_name(name)


def test_a_name_longer_than_the_limit_is_refused_with_its_own_message():
    with translation.override("nl"), pytest.raises(FileNameTooLong) as too_long:
        clean_file_name("p" * 300 + ".pdf")

    assert str(too_long.value.message) == (
        "Geef het bestand een kortere naam, van hoogstens 150 tekens, en probeer het opnieuw."
    )


@pytest.mark.parametrize(
    ("size_bytes", "language", "expected"),
    [
        (1024 * 1024, "nl", "1"),
        (1536 * 1024, "nl", "1,5"),
        (1536 * 1024, "en", "1.5"),
        (10 * 1024 * 1024, "nl", "10"),
    ],
)
def test_megabytes_is_written_as_the_language_writes_numbers(size_bytes, language, expected):
    with translation.override(language):
        assert megabytes(size_bytes) == expected


def test_a_name_with_letters_of_any_script_is_kept():
    assert clean_file_name("  خطة العمل 2027.pdf ") == "خطة العمل 2027.pdf"


@pytest.mark.django_db
def test_add_attachment_stores_under_a_generated_name(settings, tmp_path, django_capture_on_commit_callbacks):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    proposal = ProposalFactory()

    attachment = add_attachment(
        proposal, by=proposal.created_by, upload=SimpleUploadedFile("mijn plan.pdf", PDF)
    )

    assert (attachment.kind, attachment.original_name, attachment.size) == ("pdf", "mijn plan.pdf", len(PDF))
    assert attachment.file.name.startswith(f"challenge/proposals/{proposal.pk}/")
    assert attachment.file.name.endswith(".pdf")
    assert "mijn" not in attachment.file.name
    assert attachment.file.read() == PDF
    stored = tmp_path / attachment.file.name

    with django_capture_on_commit_callbacks(execute=True):
        remove_attachment(attachment, by=proposal.created_by)

    assert (proposal.attachments.count(), stored.exists()) == (0, False)


@pytest.mark.django_db
def test_add_attachment_refuses_a_fake_pdf_and_keeps_the_proposal(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    proposal = ProposalFactory()

    with pytest.raises(NotAnAllowedType):
        add_attachment(proposal, by=proposal.created_by, upload=SimpleUploadedFile("plan.pdf", b"tekst"))

    proposal.refresh_from_db()
    assert (proposal.attachments.count(), proposal.title, list(tmp_path.iterdir())) == (0, proposal.title, [])


@pytest.mark.django_db
def test_add_attachment_refuses_a_file_over_the_setting(settings, tmp_path):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    settings.CHALLENGE_ATTACHMENT_MAX_BYTES = 20
    proposal = ProposalFactory()

    with pytest.raises(FileTooLarge):
        add_attachment(proposal, by=proposal.created_by, upload=SimpleUploadedFile("plan.pdf", PDF))
