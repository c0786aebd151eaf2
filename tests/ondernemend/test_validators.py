import pytest
from django.core.exceptions import ValidationError

from ondernemend.validators import file_kind, validate_plain_text


@pytest.mark.parametrize(
    "name",
    ["Anna", "Fatima Zahra", "Zoë-Lou", "Ömer", "فاطمة", "Ли", "مهر\u200cناز", "D'Souza (Jr.)"],
)
def test_validate_plain_text_allows_names_in_every_script(name):
    validate_plain_text(name)


@pytest.mark.parametrize(
    "name",
    [
        "Anna\u202egnp.exe",  # right-to-left override
        "Anna\u202a",
        "Anna\u2066x\u2069",  # isolates
        "Anna\u200e",  # left-to-right mark
        "Anna\u200f",
        "Anna\u061c",
        "Anna\x00",
        "Anna\nBram",
        "Anna\tBram",
        "Anna\x1b[31m",
        "Anna\x7f",
    ],
)
def test_validate_plain_text_refuses_control_and_direction_characters(name):
    with pytest.raises(ValidationError) as caught:
        validate_plain_text(name)
    assert caught.value.code == "plain_text"


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        (b"%PDF-1.7\n", "PDF"),
        (b"\x89PNG\r\n\x1a\n....", "PNG"),
        (b"PK\x03\x04 an Excel .xlsx", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1 an old .xls", "Office"),
        (b"MZ\x90\x00", "EXE"),
        (b"\xef\xbb\xbf  <!DOCTYPE html><html>", "HTML"),
        (b"<script>alert(1)</script>", "HTML"),
        (b"slug;name\nbuurtplek;Buurtplek\n", None),
        (b"\xef\xbb\xbfslug;name\n", None),
        (b"", None),
    ],
)
def test_file_kind_reads_the_first_bytes_not_the_name(content, kind):
    assert file_kind(content) == kind
