"""Validators that every app can use on what people type."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Characters that change the direction text is shown in. In a name they can make "Anna" look like
# something else in a list (or hide text), so a plain one-line text refuses them.
BIDI_CONTROLS = frozenset(
    {
        "\u061c",  # Arabic letter mark
        "\u200e",  # left-to-right mark
        "\u200f",  # right-to-left mark
        *(chr(code) for code in range(0x202A, 0x202F)),  # embeddings and overrides
        *(chr(code) for code in range(0x2066, 0x206A)),  # isolates
    }
)


class PlainTextValidator:
    """Refuses control characters (new lines, tabs, escape codes) and direction-changing characters.

    Letters of every script stay allowed, also the zero-width joiners some scripts (Persian) need.
    """

    message = _(
        "Use letters, numbers and ordinary punctuation only. Hidden or control characters are not allowed."
    )
    code = "plain_text"

    def __call__(self, value):
        if any(character in BIDI_CONTROLS or unicodedata.category(character) == "Cc" for character in value):
            raise ValidationError(self.message, code=self.code)

    def __eq__(self, other):
        return isinstance(other, PlainTextValidator)

    def deconstruct(self):
        return ("ondernemend.validators.PlainTextValidator", (), {})


validate_plain_text = PlainTextValidator()


# The first bytes of the files people upload by mistake (or on purpose) where a form asks for something
# else. A name or a browser's content type says nothing: both are chosen by whoever sends the file.
FILE_SIGNATURES = (
    (b"%PDF-", "PDF"),
    (b"\x89PNG\r\n\x1a\n", "PNG"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"GIF8", "GIF"),
    (b"PK\x03\x04", "ZIP"),  # also Excel's .xlsx, Word's .docx, OpenDocument
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Office"),  # Excel's old .xls, Word's .doc
    (b"MZ", "EXE"),  # a Windows program
    (b"\x7fELF", "EXE"),  # a Linux program
    (b"{\\rtf", "RTF"),
)
HTML_STARTS = (b"<!doctype html", b"<html", b"<script", b"<?xml", b"<svg")


def file_kind(content: bytes) -> str | None:
    """What kind of file `content` is by its first bytes ("PDF", "ZIP", "EXE", "HTML", …), or None for none of
    the kinds above (such as plain text). Leading white space and a UTF-8 byte order mark are skipped."""
    for signature, kind in FILE_SIGNATURES:
        if content.startswith(signature):
            return kind
    start = content[:64].removeprefix(b"\xef\xbb\xbf").lstrip().lower()
    return "HTML" if start.startswith(HTML_STARTS) else None
