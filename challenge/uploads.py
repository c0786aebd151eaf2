"""Checking an uploaded attachment by its content, not by its name. Pure: bytes in, a verdict out.

A file called `plan.pdf` that is really text, a script or an executable is refused: only the first bytes
decide (the PDF header `%PDF-`, the PNG and JPEG signatures), and an image must also pass Pillow's verify.
The name the applicant gave is kept for display only, after cleaning; on disk the file gets a generated name
(challenge.models.attachment_path).
"""

import io
import unicodedata
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from .enums import AttachmentType
from .exceptions import EmptyFile, FileNameTooLong, FileTooLarge, NotAnAllowedType, UnsafeFileName

PDF_MAGIC = b"%PDF-"
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
JPEG_MAGIC = b"\xff\xd8\xff"
MAX_NAME_LENGTH = 150


@dataclass(frozen=True)
class CheckedUpload:
    kind: AttachmentType
    name: str
    size: int


def detect_type(content: bytes) -> AttachmentType | None:
    """The type `content` really is, judged by its first bytes (and Pillow for images), or None."""
    if content.startswith(PDF_MAGIC):
        return AttachmentType.PDF
    if content.startswith(PNG_MAGIC):
        return AttachmentType.PNG if _is_valid_image(content, "PNG") else None
    if content.startswith(JPEG_MAGIC):
        return AttachmentType.JPEG if _is_valid_image(content, "JPEG") else None
    return None


def _is_valid_image(content: bytes, expected_format: str) -> bool:
    try:
        with Image.open(io.BytesIO(content)) as image:
            image.verify()
            return image.format == expected_format
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        return False


def clean_file_name(name: str) -> str:
    """The name to show, with surrounding space removed; refuses path-like names and hidden characters."""
    name = unicodedata.normalize("NFC", name or "").strip()
    if not name or name in {".", ".."}:
        raise UnsafeFileName
    if len(name) > MAX_NAME_LENGTH:
        raise FileNameTooLong(MAX_NAME_LENGTH)
    if any(character in "/\\" or unicodedata.category(character) in {"Cc", "Cf"} for character in name):
        raise UnsafeFileName
    return name


def check_upload(name: str, content: bytes, *, max_bytes: int) -> CheckedUpload:
    """Whether an upload may be attached: its name, size and real type. Raises an UploadRefused."""
    clean_name = clean_file_name(name)
    if not content:
        raise EmptyFile
    if len(content) > max_bytes:
        raise FileTooLarge(max_bytes)
    kind = detect_type(content)
    if kind is None:
        raise NotAnAllowedType
    return CheckedUpload(kind=kind, name=clean_name, size=len(content))
