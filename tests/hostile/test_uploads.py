"""Uploads with a wrong type, a huge size or a path-like name: the proposal's attachments and the CSV import.

Browsers and Django's test client send only the last part of a file's name; a script can send anything, so
the bodies here are written by hand (`multipart()`). Every refusal shows a message on the form and writes
nothing; a name that Django's upload parser merely cleans is stored under a generated name in MEDIA_ROOT.
"""

import pathlib

import pytest
from django.urls import reverse

from challenge.enums import Phase
from challenge.models import Attachment
from tests.factories.accounts import UserFactory
from tests.factories.challenge import ChallengeFactory, ProposalFactory
from tests.factories.initiatives import InitiativeFactory

from .harness import check_outcome, table_contents

pytestmark = pytest.mark.django_db

BOUNDARY = "hostile-boundary-7d93"
PDF = b"%PDF-1.7\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n"
EXE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00"
    + b"\x00" * 64
    + b"This program cannot be run"
)
HTML = b"<!doctype html><html><body><script>alert(document.cookie)</script></body></html>"
CSV = b"slug;name\nbuurtplek;Buurtplek\n"


def multipart(filename: str, content: bytes, content_type: str, **fields) -> bytes:
    """A multipart/form-data body with one file under the field name "file", its name sent as given."""
    parts = [
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    header = (
        f'--{BOUNDARY}\r\nContent-Disposition: form-data; name="file"; filename="{filename}"\r\n'
        f"Content-Type: {content_type}\r\n\r\n"
    )
    return b"".join(
        [*parts, header.encode("utf-8", "surrogateescape"), content, f"\r\n--{BOUNDARY}--\r\n".encode()]
    )


def post_file(client, url, filename, content, content_type="application/pdf"):
    return client.post(
        url,
        multipart(filename, content, content_type),
        content_type=f"multipart/form-data; boundary={BOUNDARY}",
    )


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": str(tmp_path)},
        },
    }
    return tmp_path


@pytest.fixture
def attachments_url(client, media):
    proposal = ProposalFactory(challenge=ChallengeFactory(phase=Phase.OPEN))
    client.force_login(proposal.created_by)
    return reverse("challenge:proposal_attachments", kwargs={"pk": proposal.pk})


def stored_files(media: pathlib.Path) -> list[pathlib.Path]:
    return [path for path in media.rglob("*") if path.is_file()]


@pytest.mark.parametrize(
    ("filename", "content", "content_type", "message"),
    [
        ("plan.pdf", EXE, "application/pdf", "PDF"),  # an executable renamed .pdf
        ("plan.pdf", HTML, "application/pdf", "PDF"),  # a web page with a PDF name
        ("plan.pdf", b"Dit is gewoon tekst met %PDF- erin.", "application/pdf", "PDF"),
        ("foto.png", b"\x89PNG\r\n\x1a\n maar kapot", "image/png", "PDF"),
        ("plan.pdf", b"", "application/pdf", ""),
    ],
)
def test_an_attachment_of_the_wrong_type_is_refused_with_a_message(
    client, media, attachments_url, filename, content, content_type, message
):
    before = table_contents()

    response = post_file(client, attachments_url, filename, content, content_type)

    check_outcome(response, before, table_contents(), redirects_to=[])
    assert message in response.context["form"].errors["file"][0]
    assert stored_files(media) == []


def test_an_attachment_over_the_setting_is_refused_with_the_limit_in_the_message(
    client, settings, media, attachments_url
):
    settings.CHALLENGE_ATTACHMENT_MAX_BYTES = 1024 * 1024
    # Larger than FILE_UPLOAD_MAX_MEMORY_SIZE as well: Django streams it to a temporary file first.
    big = PDF + b"0" * (3 * 1024 * 1024)
    before = table_contents()

    response = post_file(client, attachments_url, "groot.pdf", big)

    check_outcome(response, before, table_contents(), redirects_to=[])
    assert response.context["form"].errors["file"] == [
        "Dit bestand is groter dan 1 MB. Maak het kleiner en probeer het opnieuw."
    ]
    assert stored_files(media) == []


PATH_LIKE_NAMES = [
    "../../etc/passwd.pdf",
    "..\\..\\x.pdf",
    "/etc/plan.pdf",
    "C:\\Users\\plan.pdf",
    "plan\x00.pdf",
    "p" * 300 + ".pdf",
    "...",
    "..",
    ".pdf",
    "\u202efdp.exe",
]


@pytest.mark.parametrize("filename", PATH_LIKE_NAMES)
def test_a_path_like_attachment_name_is_refused_or_stored_under_a_generated_name(
    client, media, attachments_url, filename
):
    before = table_contents()

    response = post_file(client, attachments_url, filename, PDF)

    check_outcome(response, before, table_contents(), redirects_to=[attachments_url])
    if response.status_code == 302:
        attachment = Attachment.objects.get()
        stored = (media / attachment.file.name).resolve()
        assert (stored.parent.parent.parent.parent, stored.read_bytes()) == (media.resolve(), PDF)
        assert not {"/", "\\", "\x00"} & set(attachment.original_name)
    else:
        assert stored_files(media) == []


@pytest.fixture
def import_url(client):
    client.force_login(UserFactory(coordinator=True))
    return reverse("initiatives:import_csv")


@pytest.fixture
def exported_csv(client, import_url):
    """A file the import accepts: a real export."""
    InitiativeFactory()
    return client.get(reverse("initiatives:export_csv")).getvalue()


@pytest.mark.parametrize(
    ("filename", "content", "content_type", "message"),
    [
        ("initiatieven.csv", EXE, "text/csv", "Dit is een EXE-bestand, geen CSV-bestand."),
        ("initiatieven.csv", PDF, "text/csv", "Dit is een PDF-bestand, geen CSV-bestand."),
        ("initiatieven.csv", HTML, "text/csv", "Dit is een HTML-bestand, geen CSV-bestand."),
        ("initiatieven.csv", b"PK\x03\x04 een xlsx", "text/csv", "Dit is een ZIP-bestand, geen CSV-bestand."),
        ("initiatieven.csv", "naam;plaats\nÄ;B\n".encode("utf-16"), "text/csv", "geen CSV-bestand in UTF-8"),
        ("initiatieven.exe", CSV, "text/csv", "Upload een CSV-bestand"),
        ("initiatieven.csv", CSV, "application/x-msdownload", "Upload een CSV-bestand"),
        ("initiatieven.csv", b"", "text/csv", "leeg"),
        (
            "initiatieven.csv",
            b"slug;name\n" + b"x;" * (1024 * 1024),
            "text/csv",
            "Het mag hoogstens 1,0",
        ),
    ],
)
def test_an_import_file_of_the_wrong_type_or_size_is_refused_with_a_message(
    client, import_url, filename, content, content_type, message
):
    before = table_contents()

    response = post_file(client, import_url, filename, content, content_type)

    check_outcome(response, before, table_contents(), redirects_to=[])
    assert (response.status_code, message in response.context["upload_form"].errors["file"][0]) == (400, True)


def shows_preview(response) -> bool:
    return response.context.get("confirm_form") is not None


@pytest.mark.parametrize("filename", [name.replace(".pdf", ".csv") for name in PATH_LIKE_NAMES])
def test_a_path_like_import_name_is_refused_or_only_its_last_part_shown(
    client, import_url, exported_csv, filename
):
    before = table_contents()

    response = post_file(client, import_url, filename, exported_csv, "text/csv")

    check_outcome(response, before, table_contents(), redirects_to=[], also_valid=shows_preview)
    shown = response.context.get("file_name") or ""
    assert not {"/", "\\", "\x00"} & set(shown)
